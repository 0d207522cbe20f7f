/**
 * Every route declares who may call it in `config.access`, and this file is where that is enforced.
 * A route registered without a declaration stops the server from starting, so none can slip through
 * unreviewed; `app.routePolicies` lists them all for audit (and for the authorisation test).
 *
 * - `public`: anyone, signed in or not.
 * - `signed-in`: any signed-in person; the route itself narrows what they see to their own data.
 * - `system-administrator`: the operator of the service.
 * - an organisation policy: the request concerns one organisation (found by `resolve`, from a path
 *   parameter or from the object the path names) and the person needs `permission` there, through a
 *   role held in that organisation or above it. Not signed in → 401; no role reaching the organisation,
 *   or no such object → 404 (others' objects are not even confirmed to exist); a role too small → 403.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { permissionsAt, type Permission, PERMISSIONS } from '../../organisations/roles.js';
import type { Principal } from '../auth/principal.js';

export interface OrganisationAccess {
  permission: Permission;
  /** What the organisation is found from, for the policy listing: e.g. `organisation :id`, `invitation :id`. */
  scope: string;
  /** The materialised path of the organisation the request concerns; null when the object does not exist. */
  resolve(request: FastifyRequest): Promise<string | null>;
}

export type Access = 'public' | 'signed-in' | 'system-administrator' | OrganisationAccess;

/** What an organisation policy found, for the handler to use. */
export interface GrantedAccess {
  organisationPath: string;
  permissions: ReadonlySet<Permission>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    routePolicies: RoutePolicy[];
  }
  interface FastifyRequest {
    /** Set by an organisation policy. */
    granted: GrantedAccess | null;
  }
}

export interface RoutePolicy {
  method: string;
  url: string;
  /** `exempt` for the documentation viewer and the web app's static files. */
  access: Access | 'exempt';
}

/** One line per policy, as the closing notes and the policy listing print it. */
export function describeAccess(access: Access | 'exempt'): string {
  return typeof access === 'string' ? access : `${access.permission} in ${access.scope}`;
}

export class MissingAccessPolicyError extends Error {}

/** Powers a system administrator has in every organisation: running the service, never reading tenants' content. */
const SYSTEM_ADMINISTRATOR_PERMISSIONS: ReadonlySet<Permission> = new Set(PERMISSIONS.filter((p) => p !== 'read' && p !== 'edit' && p !== 'handle-cases'));

/** What the person may do in the organisation at `path`: their roles there and above, plus a system administrator's powers. */
export function grantedPermissions(principal: Principal, path: string): Set<Permission> {
  const permissions = permissionsAt(principal.memberships, path);
  if (principal.systemAdministrator) for (const p of SYSTEM_ADMINISTRATOR_PERMISSIONS) permissions.add(p);
  return permissions;
}

export function requireAccessPolicies(app: FastifyInstance, exempt: (url: string) => boolean): void {
  const policies: RoutePolicy[] = [];
  app.decorate('routePolicies', policies);
  app.decorateRequest('granted', null);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined && !exempt(route.url)) {
      throw new MissingAccessPolicyError(`Route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
    }
    for (const method of [route.method].flat()) policies.push({ method: String(method), url: route.url, access: access ?? 'exempt' });
  });
  // Who is asking is settled before the request is validated: an anonymous caller learns nothing, not
  // even which fields a route expects. The organisation is resolved after validation, from checked parameters.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const principal = request.principal;
    if (!principal) throw new HttpError(401, 'unauthenticated', 'signInRequired');
    if (access === 'system-administrator' && !principal.systemAdministrator) throw new HttpError(403, 'forbidden', 'forbidden');
  });
  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || typeof access === 'string') return;
    const principal = request.principal!;
    const path = await access.resolve(request);
    if (path === null) throw new HttpError(404, 'not-found', 'notFound', { what: request.url.split('?')[0] ?? '' });
    const permissions = grantedPermissions(principal, path);
    if (permissions.size === 0) throw new HttpError(404, 'not-found', 'notFound', { what: request.url.split('?')[0] ?? '' });
    if (!permissions.has(access.permission)) throw new HttpError(403, 'forbidden', 'forbidden');
    request.granted = { organisationPath: path, permissions };
  });
}

/** Every route and who may call it, as a Markdown table (docs/ACCESS.md is this, kept current by a test). */
export function policyTable(policies: readonly RoutePolicy[]): string {
  const rows = policies
    .filter((p) => p.access !== 'exempt' && p.method !== 'HEAD')
    .map((p) => `| ${p.method} | \`${p.url}\` | ${describeAccess(p.access)} |`)
    .sort((a, b) => a.split('|')[2]!.localeCompare(b.split('|')[2]!) || a.localeCompare(b));
  return ['| Method | Route | Who may call it |', '|---|---|---|', ...rows].join('\n');
}
