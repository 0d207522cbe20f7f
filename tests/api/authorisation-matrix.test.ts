/**
 * The authorisation matrix: every route the server registers, called by people who must be refused.
 * Anonymous callers get 401 from every route that is not public; for routes scoped to an organisation,
 * people of another tenant (even its administrator) and people without a role there get 404, and
 * people whose role is too small get 403 — and no refusal carries data. A new route without an entry
 * below fails this test, so nobody adds a route without deciding who may call it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import type { OrganisationAccess, RoutePolicy } from '../../src/platform/http/access.js';
import { describeAccess } from '../../src/platform/http/access.js';
import { permissionsAt, roleGrants, type Role } from '../../src/organisations/roles.js';
import { createPgliteDatabase, type TestDatabase } from '../support/databases.js';
import { signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, type Person, type Tenants } from '../support/tenants.js';

import type { CapabilityMatrix, MatrixCall, MatrixObjects } from '../support/authorisation/types.js';

/** Each capability's own entries (`tests/support/authorisation/<capability>.ts`). */
const CAPABILITY_MATRICES = Object.values(import.meta.glob<CapabilityMatrix>('../support/authorisation/*.ts', { eager: true, import: 'matrix' })).filter(Boolean);

const ACCOUNTS_AND_ORGANISATIONS: Record<string, MatrixCall> = {
  'POST /api/auth/keep-alive': {},
  'GET /api/me': {},
  'PATCH /api/me': { body: () => ({ name: 'Changed' }) },
  'POST /api/me/password': { body: () => ({ currentPassword: 'x', password: 'y' }) },
  'GET /api/me/sessions': {},
  'DELETE /api/me/sessions/:id': { params: () => ({ id: '0123456789abcdef' }) },
  'GET /api/organisations/tree': {},
  'POST /api/organisations': { body: (t) => ({ parentId: t.moss, kind: 'unit', name: 'Matrix unit' }) },
  'GET /api/organisations/:id': { params: (t) => ({ id: t.moss }) },
  'PATCH /api/organisations/:id': { params: (t) => ({ id: t.moss }), body: () => ({ name: 'Renamed' }) },
  'DELETE /api/organisations/:id': { params: (t) => ({ id: t.moss }) },
  'GET /api/organisations/:id/members': { params: (t) => ({ id: t.moss }) },
  'PUT /api/organisations/:id/members/:userId': { params: (t) => ({ id: t.moss, userId: t.userIds.mossReader }), body: () => ({ role: 'editor' }) },
  'DELETE /api/organisations/:id/members/:userId': { params: (t) => ({ id: t.moss, userId: t.userIds.mossReader }) },
  'GET /api/organisations/:id/audit': { params: (t) => ({ id: t.moss }) },
  'POST /api/organisations/:id/invitations': { params: (t) => ({ id: t.moss }), body: () => ({ email: 'ny@moss.example', role: 'reader' }) },
  'GET /api/organisations/:id/invitations': { params: (t) => ({ id: t.moss }) },
  'DELETE /api/invitations/:id': { params: (t) => ({ id: t.invitation }) },
  'POST /api/invitations/:id/resend': { params: (t) => ({ id: t.invitation }) },
  'GET /api/audit': {},
  'GET /api/me/export': {},
  'DELETE /api/me': { body: () => ({ confirmEmail: 'someone@example.org' }) },
  'GET /api/organisations/:id/retention': { params: (t) => ({ id: t.ostfold }) },
  'PUT /api/organisations/:id/retention': { params: (t) => ({ id: t.ostfold }), body: () => ({ auditMonths: 36, inactiveAccountMonths: 24 }) },
};

const MATRIX: Record<string, MatrixCall> = Object.assign({}, ACCOUNTS_AND_ORGANISATIONS, ...CAPABILITY_MATRICES.map((m) => m.calls));
let objects: MatrixObjects = {};

/** Roles from smallest to largest: for each route, the smallest role there that lacks the permission must get 403. */
const ROLE_ORDER: Role[] = ['reader', 'editor', 'case-officer', 'coordinator', 'administrator'];

const REFUSAL_KEYS = ['error', 'field', 'message', 'statusCode'];

let testDb: TestDatabase;
let app: FastifyInstance;
let t: Tenants;
const clients = {} as Record<Person, SignedInClient>;

beforeAll(async () => {
  testDb = await createPgliteDatabase();
  app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, { info: () => undefined, warn: () => undefined }) });
  t = await seedTenants(testDb.database.db);
  for (const person of Object.keys(t.people) as Person[]) clients[person] = await signIn(app, t.people[person]);
  for (const matrix of CAPABILITY_MATRICES) if (matrix.seed) objects = { ...objects, ...(await matrix.seed(testDb.database.db, t)) };
});
afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const guarded = () => app.routePolicies.filter((p) => p.access !== 'public' && p.access !== 'exempt' && p.method !== 'HEAD');
const key = (policy: RoutePolicy) => `${policy.method} ${policy.url}`;

function requestFor(policy: RoutePolicy): { method: string; url: string; payload?: unknown } {
  const call = MATRIX[key(policy)];
  if (!call) throw new Error(`${key(policy)} (${describeAccess(policy.access)}) has no entry in the authorisation matrix`);
  const params = call.params?.(t, objects) ?? {};
  const url = policy.url.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${key(policy)}: the matrix gives no value for :${name}`);
    return params[name]!;
  });
  const body = call.body?.(t, objects);
  return { method: policy.method, url, ...(body === undefined ? {} : { payload: body }) };
}

/** The organisation path a policy finds for the matrix's call (as the county administrator would make it). */
function resolveAsCountyAdministrator(policy: RoutePolicy): Promise<string | null> {
  const call = MATRIX[key(policy)]!;
  const request = { params: call.params?.(t, objects) ?? {}, body: call.body?.(t, objects), principal: { memberships: [], systemAdministrator: false } };
  return (policy.access as OrganisationAccess).resolve(request as unknown as FastifyRequest);
}

function expectRefusal(response: { statusCode: number; json(): unknown }, status: number, route: string, who: string): void {
  expect(response.statusCode, `${route} as ${who}`).toBe(status);
  expect(Object.keys(response.json() as object).every((k) => REFUSAL_KEYS.includes(k)), `${route} as ${who} returned data`).toBe(true);
}

describe('the authorisation matrix', () => {
  it('has an entry for every guarded route, and no entry for a route that is gone', () => {
    const routes = guarded().map(key);
    expect(routes.filter((r) => !(r in MATRIX)), 'routes without an entry').toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r)), 'entries without a route').toEqual([]);
  });

  it('refuses anonymous callers with 401 on every guarded route, before looking at the input', async () => {
    for (const policy of guarded()) {
      const request = requestFor(policy);
      expectRefusal(await app.inject({ ...request, payload: request.payload as string | undefined }), 401, key(policy), 'anonymous');
      // Even with an empty body: who asks is settled before what is asked.
      if (request.payload !== undefined) expectRefusal(await app.inject({ method: request.method as 'POST', url: request.url }), 401, key(policy), 'anonymous, no body');
    }
  });

  it('refuses system-administrator routes to everybody else with 403', async () => {
    const operatorOnly = guarded().filter((p) => p.access === 'system-administrator');
    expect(operatorOnly.length).toBeGreaterThan(0);
    for (const policy of operatorOnly) {
      expect((await clients.systemAdmin.request(requestFor(policy) as never)).statusCode, key(policy)).toBe(200);
      expectRefusal(await clients.countyAdmin.request(requestFor(policy) as never), 403, key(policy), 'county administrator');
    }
  });

  it('hides organisation-scoped objects from other tenants and from people without a role there (404)', async () => {
    const scoped = guarded().filter((p) => typeof p.access === 'object');
    expect(scoped.length).toBeGreaterThan(5);
    for (const policy of scoped) {
      for (const person of ['vestlandAdmin', 'outsider', 'verketReader'] as const) {
        expectRefusal(await clients[person].request(requestFor(policy) as never), 404, key(policy), person);
      }
    }
  });

  it('refuses people whose role is too small with 403', async () => {
    let refusals = 0;
    for (const policy of guarded().filter((p) => typeof p.access === 'object')) {
      const access = policy.access as OrganisationAccess;
      const path = (await resolveAsCountyAdministrator(policy))!;
      // People whose role reaches the object, smallest role first.
      const reaching = t.roles.filter(([, organisationId]) => path.includes(`/${organisationId}/`)).sort((a, b) => ROLE_ORDER.indexOf(a[2]) - ROLE_ORDER.indexOf(b[2]));
      const tooSmall = reaching.find(([, , role]) => !roleGrants(role, access.permission));
      if (!tooSmall) continue; // every role that reaches it may do this (e.g. view)
      expectRefusal(await clients[tooSmall[0]].request(requestFor(policy) as never), 403, key(policy), tooSmall[0]);
      refusals++;
    }
    expect(refusals).toBeGreaterThan(10);
  });

  it('finds the object of every organisation-scoped call in Østfold\'s tree, so the refusals above are not for want of an object', async () => {
    for (const policy of guarded().filter((p) => typeof p.access === 'object')) {
      const path = await resolveAsCountyAdministrator(policy);
      expect(path, key(policy)).not.toBeNull();
      expect(path!.startsWith(`/${t.ostfold}/`), key(policy)).toBe(true);
      expect(permissionsAt([{ organisationId: t.vestland, organisationPath: `/${t.vestland}/`, role: 'administrator' }], path!).size).toBe(0);
    }
  });

  it('lets the people with the right role read (the refusals are about the role, not the request)', async () => {
    for (const policy of guarded().filter((p) => typeof p.access === 'object' && p.method === 'GET')) {
      const response = await clients.countyAdmin.request(requestFor(policy) as never);
      expect(response.statusCode, key(policy)).toBe(200);
    }
  });
});
