/** How organisation policies find the organisation a request concerns (see platform/http/access.ts). */
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { OrganisationAccess } from '../platform/http/access.js';
import type { Permission } from './roles.js';
import { organisations } from './tables.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function organisationPath(db: Db, id: string): Promise<string | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select({ path: organisations.path }).from(organisations).where(eq(organisations.id, id)).limit(1);
  return row?.path ?? null;
}

/** The organisation named by the path parameter `param` (`:id` by default). */
export function inOrganisation(db: Db, permission: Permission, param = 'id'): OrganisationAccess {
  return {
    permission,
    scope: `organisation :${param}`,
    resolve: (request: FastifyRequest) => organisationPath(db, String((request.params as Record<string, unknown>)[param] ?? '')),
  };
}

/**
 * The organisation an object belongs to, for paths that name the object rather than the organisation
 * (e.g. `/api/invitations/:id`): `find` returns the object's organisation id, or null if there is none.
 */
export function inOrganisationOf(db: Db, permission: Permission, scope: string, find: (request: FastifyRequest) => Promise<string | null>): OrganisationAccess {
  return {
    permission,
    scope,
    resolve: async (request: FastifyRequest) => {
      const organisationId = await find(request);
      return organisationId === null ? null : organisationPath(db, organisationId);
    },
  };
}
