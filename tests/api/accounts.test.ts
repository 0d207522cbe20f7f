/**
 * Local accounts end to end over HTTP: sign-in with the same answer for unknown addresses and wrong
 * passwords, lockout, session cookie flags and rotation, CSRF, idle expiry, my page, sessions, and
 * password reset read back from a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { SESSION_COOKIE } from '../../src/platform/auth/authentication.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { clientForCookie, createTestUser, sessionCookieOf, signIn, TEST_PASSWORD } from '../support/accounts.js';

const quietLog = { info: () => undefined, warn: () => undefined };

describe.each(ENGINES)('local accounts on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;

  beforeAll(async () => {
    testDb = await create();
    smtp = await startTestSmtp();
    app = await buildServer({
      database: testDb.database,
      serveWeb: false,
      mailer: createMailer({ smtpUrl: smtp.url, from: 'Mulighetsrom <test@mulighetsrom.localhost>' }, quietLog),
      publicUrl: 'https://mulighetsrom.test',
      sessions: { idleMinutes: 30, absoluteHours: 12, secureCookies: 'auto' },
    });
    await createTestUser(testDb.database.db, 'kari@moss.kommune.no', { name: 'Kari Nordmann' });
    await createTestUser(testDb.database.db, 'locked@moss.kommune.no');
    await createTestUser(testDb.database.db, 'reset@moss.kommune.no', { name: 'Rita Reset' });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
    await testDb?.dispose();
  });

  it('signs in and opens an HttpOnly, SameSite session; the session names the person', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'KARI@moss.kommune.no', password: TEST_PASSWORD } });
    expect(response.statusCode).toBe(204);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const state = await app.inject({ url: '/api/auth/session', headers: { cookie: sessionCookieOf(response)! } });
    expect(state.json()).toMatchObject({ user: { email: 'kari@moss.kommune.no', name: 'Kari Nordmann' }, methods: { password: true } });
    expect(state.headers['x-session-expires-at']).toBeDefined();
  });

  it('marks the cookie Secure when the request came over TLS through a trusted proxy', async () => {
    const proxied = await buildServer({ database: testDb.database, serveWeb: false, trustProxy: true, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, quietLog) });
    const response = await proxied.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'x-forwarded-proto': 'https' }, payload: { email: 'kari@moss.kommune.no', password: TEST_PASSWORD } });
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
    await proxied.close();
  });

  it('answers an unknown address exactly as a wrong password', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/sign-in?lang=en', payload: { email: 'kari@moss.kommune.no', password: 'not-the-password' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/sign-in?lang=en', payload: { email: 'nobody@moss.kommune.no', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json().message).toBe('Wrong e-mail address or password.');
  });

  it('locks an address after five failures, even with the right password, and says for how long', async () => {
    for (let i = 0; i < 5; i++) {
      const attempt = await app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: `10.0.0.${i}`, payload: { email: 'locked@moss.kommune.no', password: `wrong-${i}` } });
      expect(attempt.statusCode).toBe(401);
    }
    const right = await app.inject({ method: 'POST', url: '/api/auth/sign-in?lang=nb', payload: { email: 'locked@moss.kommune.no', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBe('900');
    expect(right.json().message).toContain('15 minutter');
    // An address without an account locks the same way: the lockout does not reveal who has an account.
    for (let i = 0; i < 5; i++) await app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: `10.1.0.${i}`, payload: { email: 'ghost@moss.kommune.no', password: 'x' } });
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'ghost@moss.kommune.no', password: 'x' } })).statusCode).toBe(429);
  });

  it('counts parallel failures without losing any', async () => {
    await createTestUser(testDb.database.db, 'parallel@moss.kommune.no');
    await Promise.all(Array.from({ length: 5 }, (_, i) => app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: `10.2.0.${i}`, payload: { email: 'parallel@moss.kommune.no', password: `wrong-${i}` } })));
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'parallel@moss.kommune.no', password: TEST_PASSWORD } })).statusCode).toBe(429);
  });

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    const first = await signIn(app, 'kari@moss.kommune.no');
    const again = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken }, payload: { email: 'kari@moss.kommune.no', password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(204);
    expect(sessionCookieOf(again)).not.toBe(first.cookie);
    expect((await app.inject({ url: '/api/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
  });

  it('refuses a state-changing request with a session but without its CSRF token, or from another origin', async () => {
    const kari = await signIn(app, 'kari@moss.kommune.no');
    const noToken = await app.inject({ method: 'PATCH', url: '/api/me?lang=en', headers: { cookie: kari.cookie }, payload: { name: 'Mallory' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ error: 'csrf', field: 'x-csrf-token' });
    const wrongToken = await app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie: kari.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload: { name: 'Mallory' } });
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await kari.request({ method: 'PATCH', url: '/api/me', headers: { origin: 'https://evil.example' }, payload: { name: 'Mallory' } });
    expect(crossSite.statusCode).toBe(403);
    expect((await kari.request({ url: '/api/me' })).json().name).toBe('Kari Nordmann');
  });

  it('ends a session that has been idle too long, and refuses its cookie', async () => {
    const kari = await signIn(app, 'kari@moss.kommune.no');
    await testDb.database.db.execute(sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE email = 'kari@moss.kommune.no')`);
    const response = await app.inject({ url: '/api/me', headers: { cookie: kari.cookie } });
    expect(response.statusCode).toBe(401);
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
  });

  it('keeps a session alive on request and reports the new end', async () => {
    const kari = await signIn(app, 'kari@moss.kommune.no');
    const alive = await kari.request({ method: 'POST', url: '/api/auth/keep-alive' });
    expect(alive.statusCode).toBe(200);
    expect(new Date(alive.json().expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
  });

  it('changes my name and language, with an audit event, and refuses an empty name', async () => {
    const kari = await signIn(app, 'kari@moss.kommune.no');
    const changed = await kari.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Kari N. Nordmann', language: 'nn' } });
    expect(changed.json()).toMatchObject({ name: 'Kari N. Nordmann', language: 'nn' });
    expect((await kari.request({ method: 'PATCH', url: '/api/me', payload: { name: '   ' } })).statusCode).toBe(422);
    const audit = await testDb.database.db.execute(sql`SELECT action, before, after FROM audit_events WHERE action = 'profile-changed'`);
    expect((audit as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    await kari.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Kari Nordmann', language: 'nb' } });
  });

  it('lists my sessions and signs one out', async () => {
    const laptop = await signIn(app, 'kari@moss.kommune.no');
    const phone = await signIn(app, 'kari@moss.kommune.no');
    const list = (await laptop.request({ url: '/api/me/sessions' })).json<{ items: Array<{ id: string; current: boolean }> }>().items;
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await laptop.request({ method: 'DELETE', url: `/api/me/sessions/${other.id}` })).statusCode).toBe(204);
    expect((await laptop.request({ method: 'DELETE', url: `/api/me/sessions/${other.id}` })).statusCode).toBe(404);
    expect((await laptop.request({ url: '/api/me' })).statusCode).toBe(200);
    void phone;
  });

  it('changes my password only with the current one, and ends my other sessions', async () => {
    await createTestUser(testDb.database.db, 'change@moss.kommune.no');
    const one = await signIn(app, 'change@moss.kommune.no');
    const two = await signIn(app, 'change@moss.kommune.no');
    expect((await one.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: 'wrong', password: 'et-nytt-langt-passord' } })).json()).toMatchObject({ field: 'currentPassword' });
    expect((await one.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, password: 'kort' } })).statusCode).toBe(422);
    expect((await one.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword: TEST_PASSWORD, password: 'et-nytt-langt-passord' } })).statusCode).toBe(204);
    expect((await two.request({ url: '/api/me' })).statusCode).toBe(401);
    expect((await one.request({ url: '/api/me' })).statusCode).toBe(200);
    await signIn(app, 'change@moss.kommune.no', 'et-nytt-langt-passord');
  });

  it('resets a password through a single-use e-mailed link that ends every session', async () => {
    const before = await signIn(app, 'reset@moss.kommune.no');
    expect((await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'unknown@moss.kommune.no' } })).statusCode).toBe(202);
    expect((await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'Reset@moss.kommune.no' } })).statusCode).toBe(202);
    const mail = await smtp.waitForMessage('reset@moss.kommune.no');
    expect(smtp.messages.some((m) => m.text?.includes('unknown@'))).toBe(false);
    const token = /tilbakestill-passord#([\w-]+)/.exec(mail.text ?? '')![1]!;
    expect(mail.text).toContain('https://mulighetsrom.test/tilbakestill-passord#');

    const weak = await app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'short' } });
    expect(weak.statusCode).toBe(422);
    expect((await app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'nytt-og-langt-passord' } })).statusCode).toBe(204);
    const reused = await app.inject({ method: 'POST', url: '/api/auth/password-reset/complete?lang=en', payload: { token, password: 'enda-et-nytt-passord' } });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().message).toContain('already used or expired');
    expect((await before.request({ url: '/api/me' })).statusCode).toBe(401);
    await signIn(app, 'reset@moss.kommune.no', 'nytt-og-langt-passord');
  });

  it('signs out and forgets the session', async () => {
    const kari = await signIn(app, 'kari@moss.kommune.no');
    expect((await kari.request({ method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/me', headers: { cookie: kari.cookie } })).statusCode).toBe(401);
    await expect(clientForCookie(app, kari.cookie)).rejects.toThrow();
  });
});
