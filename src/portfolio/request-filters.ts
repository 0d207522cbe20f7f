/** The list's filters as a request gives them, shared by the list, the dashboard, the exports and the report. */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/client.js';
import { HttpError } from '../platform/http/errors.js';
import { organisationPath } from '../organisations/access.js';
import { normaliseFilters, type InitiativeFilterQuery, type InitiativeFilters } from './filters.js';
import { overlapsScope, portfolioScope, type PortfolioScope } from './visibility.js';

/** The caller's scope and the normalised filters; a named organisation the caller can see nothing of is not found (404). */
export async function requestFilters(db: Db, request: FastifyRequest, query: Partial<InitiativeFilterQuery>): Promise<{ scope: PortfolioScope; filters: InitiativeFilters }> {
  const scope = portfolioScope(request.principal!.memberships);
  const filters = normaliseFilters(query);
  if (filters.organisationId) {
    const path = await organisationPath(db, filters.organisationId);
    if (path === null || !overlapsScope(scope, path)) throw new HttpError(404, 'not-found', 'notFound', { what: filters.organisationId }, 'organisation');
  }
  return { scope, filters };
}
