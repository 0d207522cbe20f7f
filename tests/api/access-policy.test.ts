/**
 * Every route declares who may call it (start-up refuses a route without a declaration). This test
 * lists every route the server registers, so that a new public route is a visible, reviewed change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import { buildServer } from '../../src/platform/http/server.js';
import { readFile } from 'node:fs/promises';
import { MissingAccessPolicyError, policyTable, requireAccessPolicies } from '../../src/platform/http/access.js';
import { ACCESS_DOC, accessDocument } from '../../scripts/access-doc.js';
import { createPgliteDatabase, type TestDatabase } from '../support/databases.js';

let testDb: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  testDb = await createPgliteDatabase();
  app = await buildServer({ database: testDb.database, serveWeb: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

const PUBLIC_ROUTES = [
  'GET /api/health',
  'GET /api/organisations/lookup',
  'GET /api/organisations/search',
  'GET /api/programmes',
  'GET /api/programmes/:id',
  'GET /api/programmes/:id/calls',
  'GET /api/reference/places',
  'HEAD /api/health',
  'HEAD /api/organisations/lookup',
  'HEAD /api/organisations/search',
  'HEAD /api/programmes',
  'HEAD /api/programmes/:id',
  'HEAD /api/programmes/:id/calls',
  'HEAD /api/reference/places',
  'POST /api/navigator/match',
  'GET /api/auth/session',
  'HEAD /api/auth/session',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/complete',
  'GET /api/auth/oidc/start',
  'HEAD /api/auth/oidc/start',
  'GET /api/auth/oidc/callback',
  'HEAD /api/auth/oidc/callback',
  'GET /api/invitations/preview',
  'HEAD /api/invitations/preview',
  'POST /api/invitations/accept',
  // A survey respondent's personal link is the credential.
  'GET /api/survey-responses/:token',
  'HEAD /api/survey-responses/:token',
  'PUT /api/survey-responses/:token/answers/:questionKey',
  'POST /api/survey-responses/:token/submit',
  // A calendar feed's secret address is the credential (calendar clients cannot sign in).
  'GET /api/calendar/:token',
  'HEAD /api/calendar/:token',
];

describe('access policies', () => {
  it('are declared by every route; the public ones are exactly these', () => {
    const declared = app.routePolicies.filter((policy) => policy.access === 'public');
    expect(new Set(declared.map((p) => `${p.method} ${p.url}`))).toEqual(new Set(PUBLIC_ROUTES));
  });

  it('exempts only the API documentation (and, when served, the static web files)', () => {
    const exempt = app.routePolicies.filter((policy) => policy.access === 'exempt');
    expect(exempt.length).toBeGreaterThan(0);
    expect(exempt.every((policy) => policy.url.startsWith('/api/docs') || policy.url === '/*')).toBe(true);
  });

  it('are listed, every one, in docs/ACCESS.md (regenerate with npm run docs:access)', async () => {
    expect(await readFile(ACCESS_DOC, 'utf8')).toBe(accessDocument(policyTable(app.routePolicies)));
  });

  it('refuses to start with a route that declares no policy', async () => {
    const bare = Fastify();
    requireAccessPolicies(bare, () => false);
    expect(() => bare.get('/api/secret', async () => 'no')).toThrow(MissingAccessPolicyError);
    await bare.close();
  });
});
