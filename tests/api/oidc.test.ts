/**
 * Sign-in through OpenID Connect against a real OpenID provider started in the test: the whole
 * authorization code flow with PKCE, finding the person by identity or verified e-mail, creating new
 * people, and every way a sign-in can fail ending on the sign-in page instead of an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer, type ServerOptions } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { queryRows } from '../../src/platform/db/rows.js';
import { OIDC_STATE_COOKIE } from '../../src/accounts/oidc-routes.js';
import { placeholderEmail } from '../../src/accounts/oidc.js';
import { hashToken } from '../../src/platform/auth/tokens.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { clientForCookie, createTestUser, sessionCookieOf, type SignedInClient } from '../support/accounts.js';
import { startOidcProvider, type TestAccount, type TestOidcProvider } from '../support/oidc-provider.js';

const PUBLIC_URL = 'https://mulighetsrom.test';
const quietLog = { info: () => undefined, warn: () => undefined };

/** An address nothing listens on: bound, then released. */
async function closedPortAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe.each(ENGINES)('OpenID Connect sign-in on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let idp: TestOidcProvider;
  let app: FastifyInstance;
  const accounts: Record<string, TestAccount> = {
    'ada-sub': { email: 'ada@rade.kommune.no', email_verified: true, name: 'Ada Lovelace' },
    'kari-sub': { email: 'kari@moss.kommune.no', email_verified: true, name: 'Kari fra IdP' },
    'impostor-sub': { email: 'ola@moss.kommune.no', email_verified: false, name: 'Not Ola' },
    'per-sub': { email: 'per@vestby.kommune.no', email_verified: false, name: 'Per Entra' },
    'entra-sub': { preferred_username: 'siri@valer.kommune.no', given_name: 'Siri', family_name: 'Våler' },
    // As from ID-porten: a subject and nothing else.
    'idporten-sub': {},
  };

  const build = (overrides: Partial<ServerOptions> = {}) =>
    buildServer({
      database: testDb.database,
      serveWeb: false,
      publicUrl: PUBLIC_URL,
      mailer: createMailer({ smtpUrl: undefined, from: 'test@mulighetsrom.test' }, quietLog),
      oidc: idp.settings,
      ...overrides,
    });

  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(testDb.database.db, query);
  const userIdOf = async (email: string) => (await rows<{ id: string }>(sql`SELECT id FROM users WHERE lower(email) = lower(${email})`))[0]?.id;

  beforeAll(async () => {
    testDb = await create();
    idp = await startOidcProvider({ redirectUris: [`${PUBLIC_URL}/api/auth/oidc/callback`], accounts });
    app = await build();
    await createTestUser(testDb.database.db, 'kari@moss.kommune.no', { name: 'Kari Nordmann' });
    await createTestUser(testDb.database.db, 'ola@moss.kommune.no', { name: 'Ola Nordmann' });
    await createTestUser(testDb.database.db, 'per@vestby.kommune.no', { name: 'Per Persen' });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.stop();
    await testDb?.dispose();
  });

  interface Attempt {
    start: LightMyRequestResponse;
    /** Where the provider sent the browser back to. */
    callbackUrl: URL;
    stateCookie: string;
  }

  /** The browser's part up to the callback: the app's start, the provider's login page. */
  async function attempt(accountId: string, { returnTo = '/', server = app, provider = idp } = {}): Promise<Attempt> {
    const start = await server.inject({ url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}` });
    expect(start.statusCode).toBe(302);
    const state = start.cookies.find((c) => c.name === OIDC_STATE_COOKIE)!;
    const callbackUrl = await provider.signIn(start.headers.location as string, accountId);
    return { start, callbackUrl, stateCookie: `${OIDC_STATE_COOKIE}=${state.value}` };
  }

  const callback = (url: URL, cookie: string, server = app) => server.inject({ url: url.pathname + url.search, headers: { cookie } });

  async function signInAs(accountId: string, server = app): Promise<SignedInClient> {
    const { callbackUrl, stateCookie } = await attempt(accountId, { server });
    const response = await callback(callbackUrl, stateCookie, server);
    expect(response.headers.location).toBe('/');
    return clientForCookie(server, sessionCookieOf(response)!);
  }

  const expectSignInPage = (response: LightMyRequestResponse, reason: 'innlogging-avbrutt' | 'idp-utilgjengelig') => {
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(`/logg-inn?feil=${reason}`);
    expect(sessionCookieOf(response)).toBeUndefined();
  };

  it('tells the sign-in page that OpenID Connect is on, and under which name', async () => {
    const state = await app.inject({ url: '/api/auth/session' });
    expect(state.json().methods).toEqual({ password: true, oidc: true, oidcName: 'Testleverandør' });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, remembering the state in an HttpOnly cookie', async () => {
    const start = await app.inject({ url: '/api/auth/oidc/start' });
    expect(start.statusCode).toBe(302);
    const location = new URL(start.headers.location as string);
    expect(location.origin).toBe(idp.issuer);
    const params = Object.fromEntries(location.searchParams);
    expect(params).toMatchObject({ client_id: idp.settings.clientId, response_type: 'code', scope: 'openid profile email', redirect_uri: `${PUBLIC_URL}/api/auth/oidc/callback`, code_challenge_method: 'S256' });
    expect(params.state).toMatch(/^[\w-]{20,}$/);
    expect(params.nonce).toMatch(/^[\w-]{20,}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    const cookie = start.cookies.find((c) => c.name === OIDC_STATE_COOKIE)!;
    expect(cookie).toMatchObject({ value: params.state, httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc' });
    // Only the state's hash is stored.
    const stored = await rows<{ state_hash: string }>(sql`SELECT state_hash FROM oidc_logins`);
    expect(stored.map((row) => row.state_hash)).not.toContain(params.state);
  });

  it('signs a new person in end to end, back to where they started, with a working session and an audit event', async () => {
    const { callbackUrl, stateCookie } = await attempt('ada-sub', { returnTo: '/organisasjoner?vis=medlemmer#liste' });
    expect(callbackUrl.origin + callbackUrl.pathname).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`);
    const response = await callback(callbackUrl, stateCookie);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/organisasjoner?vis=medlemmer#liste');
    expect(response.cookies.find((c) => c.name === OIDC_STATE_COOKIE)?.value).toBe('');

    const client = await clientForCookie(app, sessionCookieOf(response)!);
    const me = await client.request({ url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'ada@rade.kommune.no', name: 'Ada Lovelace', memberships: [] });
    const sessions = await client.request({ url: '/api/me/sessions' });
    expect(sessions.json().items).toEqual([expect.objectContaining({ current: true, method: 'oidc' })]);

    const userId = me.json().id as string;
    expect(await rows(sql`SELECT issuer, subject FROM user_identities WHERE user_id = ${userId}`)).toEqual([{ issuer: idp.issuer, subject: 'ada-sub' }]);
    const audit = await rows<{ action: string; after: unknown }>(sql`SELECT action, after FROM audit_events WHERE entity_id = ${userId} ORDER BY at, action`);
    expect(audit.map((event) => event.action).sort()).toEqual(['sign-in', 'user-created']);
    const signInEvent = audit.find((event) => event.action === 'sign-in')!;
    expect(typeof signInEvent.after === 'string' ? JSON.parse(signInEvent.after) : signInEvent.after).toEqual({ method: 'oidc' });
  });

  it('finds the same person by the identity the next time, even when the provider changed their address', async () => {
    const first = await signInAs('ada-sub');
    const firstId = (await first.request({ url: '/api/me' })).json().id;
    accounts['ada-sub']!.email = 'ada.lovelace@rade.kommune.no';
    try {
      const second = await signInAs('ada-sub');
      expect((await second.request({ url: '/api/me' })).json()).toMatchObject({ id: firstId, email: 'ada@rade.kommune.no' });
    } finally {
      accounts['ada-sub']!.email = 'ada@rade.kommune.no';
    }
    expect(await rows(sql`SELECT 1 FROM users WHERE email LIKE 'ada%'`)).toHaveLength(1);
  });

  it('links the identity to the person who already has the verified e-mail address', async () => {
    const kariId = await userIdOf('kari@moss.kommune.no');
    const client = await signInAs('kari-sub');
    expect((await client.request({ url: '/api/me' })).json()).toMatchObject({ id: kariId, name: 'Kari Nordmann' });
    expect(await rows(sql`SELECT subject FROM user_identities WHERE user_id = ${kariId}`)).toEqual([{ subject: 'kari-sub' }]);
    expect(await rows(sql`SELECT 1 FROM audit_events WHERE action = 'identity-linked' AND entity_id = ${kariId}`)).toHaveLength(1);
  });

  it('never hands an existing person to an unverified address: a new person with a placeholder address instead', async () => {
    const olaId = await userIdOf('ola@moss.kommune.no');
    const client = await signInAs('impostor-sub');
    const me = (await client.request({ url: '/api/me' })).json();
    expect(me.id).not.toBe(olaId);
    expect(me).toMatchObject({ email: placeholderEmail(idp.issuer, 'impostor-sub'), name: 'Not Ola', memberships: [] });
    expect(me.email).toMatch(/@id\.invalid$/);
    expect(await rows(sql`SELECT 1 FROM user_identities WHERE user_id = ${olaId}`)).toHaveLength(0);
  });

  it('links by an unverified address when the provider is trusted to verify addresses (OIDC_TRUST_EMAIL)', async () => {
    const trusting = await build({ oidc: { ...idp.settings, trustEmail: true } });
    try {
      const perId = await userIdOf('per@vestby.kommune.no');
      const client = await signInAs('per-sub', trusting);
      expect((await client.request({ url: '/api/me' })).json()).toMatchObject({ id: perId, name: 'Per Persen' });
    } finally {
      await trusting.close();
    }
  });

  it("creates a person from Entra ID's preferred_username and given and family names", async () => {
    const client = await signInAs('entra-sub');
    expect((await client.request({ url: '/api/me' })).json()).toMatchObject({ email: 'siri@valer.kommune.no', name: 'Siri Våler', memberships: [] });
  });

  it('creates a person the provider gives no address (as ID-porten) under a placeholder, and finds them again', async () => {
    const first = await signInAs('idporten-sub');
    const me = (await first.request({ url: '/api/me' })).json();
    expect(me.email).toBe(placeholderEmail(idp.issuer, 'idporten-sub'));
    const second = await signInAs('idporten-sub');
    expect((await second.request({ url: '/api/me' })).json().id).toBe(me.id);
  });

  it('refuses a state used twice', async () => {
    const { callbackUrl, stateCookie } = await attempt('ada-sub');
    expect((await callback(callbackUrl, stateCookie)).headers.location).toBe('/');
    // Gone after its first use (the provider would refuse the reused code as well).
    expect(await rows(sql`SELECT 1 FROM oidc_logins WHERE state_hash = ${hashToken(callbackUrl.searchParams.get('state')!)}`)).toHaveLength(0);
    expectSignInPage(await callback(callbackUrl, stateCookie), 'innlogging-avbrutt');
  });

  it('refuses a forged state, a missing state, and a state started in another browser', async () => {
    expectSignInPage(await app.inject({ url: '/api/auth/oidc/callback?code=abc&state=forged-state-value', headers: { cookie: `${OIDC_STATE_COOKIE}=forged-state-value` } }), 'innlogging-avbrutt');
    expectSignInPage(await app.inject({ url: '/api/auth/oidc/callback?code=abc' }), 'innlogging-avbrutt');
    const { callbackUrl } = await attempt('ada-sub');
    expectSignInPage(await callback(callbackUrl, ''), 'innlogging-avbrutt');
  });

  it('refuses an expired state and deletes it; the next start clears the other expired ones', async () => {
    const { callbackUrl, stateCookie } = await attempt('ada-sub');
    await testDb.database.db.execute(sql`UPDATE oidc_logins SET expires_at = now() - interval '1 minute'`);
    expectSignInPage(await callback(callbackUrl, stateCookie), 'innlogging-avbrutt');
    expect(await rows(sql`SELECT 1 FROM oidc_logins WHERE state_hash = ${hashToken(callbackUrl.searchParams.get('state')!)}`)).toHaveLength(0);
    await app.inject({ url: '/api/auth/oidc/start' });
    expect(await rows(sql`SELECT 1 FROM oidc_logins WHERE expires_at < now()`)).toHaveLength(0);
    expect(await rows(sql`SELECT 1 FROM oidc_logins`)).toHaveLength(1);
  });

  it('ends on the sign-in page when the person cancels at the provider (access_denied)', async () => {
    const start = await app.inject({ url: '/api/auth/oidc/start' });
    const callbackUrl = await idp.cancel(start.headers.location as string);
    expect(callbackUrl.searchParams.get('error')).toBe('access_denied');
    const stateCookie = `${OIDC_STATE_COOKIE}=${start.cookies.find((c) => c.name === OIDC_STATE_COOKIE)!.value}`;
    expectSignInPage(await callback(callbackUrl, stateCookie), 'innlogging-avbrutt');
  });

  it('ends on the sign-in page when the ID token does not validate (nonce mismatch) or the code is forged', async () => {
    const tampered = await attempt('ada-sub');
    await testDb.database.db.execute(sql`UPDATE oidc_logins SET nonce = 'not-the-nonce-the-provider-signed'`);
    expectSignInPage(await callback(tampered.callbackUrl, tampered.stateCookie), 'innlogging-avbrutt');

    const forged = await attempt('ada-sub');
    forged.callbackUrl.searchParams.set('code', 'forged-code');
    expectSignInPage(await callback(forged.callbackUrl, forged.stateCookie), 'innlogging-avbrutt');
  });

  it('returns only to paths on this site', async () => {
    for (const returnTo of ['https://evil.example/steal', '//evil.example/steal', '/\\evil.example', 'javascript:alert(1)']) {
      const { callbackUrl, stateCookie } = await attempt('ada-sub', { returnTo });
      const response = await callback(callbackUrl, stateCookie);
      expect(response.headers.location, returnTo).toBe('/');
      expect(sessionCookieOf(response)).toBeDefined();
    }
  });

  it('sends the browser to the sign-in page when the provider cannot be reached, and keeps serving', async () => {
    const logLines: string[] = [];
    const issuer = await closedPortAddress();
    const unreachable = await build({ oidc: { ...idp.settings, issuer }, logger: { level: 'warn', stream: { write: (line: string) => logLines.push(line) } } });
    try {
      expect((await unreachable.inject({ url: '/api/auth/session' })).json().methods.oidc).toBe(true);
      for (let i = 0; i < 2; i++) {
        const start = await unreachable.inject({ url: '/api/auth/oidc/start?returnTo=/' });
        expectSignInPage(start, 'idp-utilgjengelig');
        expect(start.cookies.find((c) => c.name === OIDC_STATE_COOKIE)).toBeUndefined();
      }
      expect((await unreachable.inject({ url: '/api/health' })).statusCode).toBe(200);
      const warnings = logLines.map((line) => JSON.parse(line) as { level: number; reason?: string }).filter((entry) => entry.level === 40);
      expect(warnings).toHaveLength(2);
      expect(warnings[0]!.reason).toContain(`discovery of ${issuer} failed`);
    } finally {
      await unreachable.close();
    }
  });

  it('sends the browser to the sign-in page when the provider goes away between the login and the code exchange', async () => {
    const shortLived = await startOidcProvider({ redirectUris: [`${PUBLIC_URL}/api/auth/oidc/callback`], accounts });
    const server = await build({ oidc: shortLived.settings });
    try {
      const { callbackUrl, stateCookie } = await attempt('ada-sub', { server, provider: shortLived });
      await shortLived.stop();
      expectSignInPage(await callback(callbackUrl, stateCookie, server), 'idp-utilgjengelig');
    } finally {
      await server.close();
    }
  });

  it('answers 404 in the asked language when OpenID Connect is not configured', async () => {
    const without = await build({ oidc: undefined });
    try {
      expect((await without.inject({ url: '/api/auth/session' })).json().methods).toEqual({ password: true, oidc: false, oidcName: null });
      for (const url of ['/api/auth/oidc/start?lang=en', '/api/auth/oidc/callback?code=x&state=y&lang=en']) {
        const response = await without.inject({ url });
        expect(response.statusCode).toBe(404);
        expect(response.json().message).toBe('This sign-in method is not set up.');
      }
    } finally {
      await without.close();
    }
  });
});
