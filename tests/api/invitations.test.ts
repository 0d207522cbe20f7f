/**
 * Invitations by e-mail link over HTTP, with the mails read back from a real SMTP server: inviting with
 * a role one may give, preview, accepting with a new account or as a signed-in person, single use,
 * expiry, withdrawal, resending, who may see and manage invitations, the audit trail, and mail failure.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { queryRows } from '../../src/platform/db/rows.js';
import type { Actor } from '../../src/platform/audit/audit.js';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { clientForCookie, createTestUser, sessionCookieOf, signIn, type SignedInClient } from '../support/accounts.js';

const quietLog = { info: () => undefined, warn: () => undefined };
const FROM = 'Mulighetsrom <test@mulighetsrom.localhost>';
const PUBLIC_URL = 'https://mulighetsrom.test';
const ACTOR: Actor = { userId: null, label: 'test' };
const NEW_PASSWORD = 'fjord-lyng-tavle-kompass';

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(ENGINES)('invitations on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let county: string;
  let valer: string;
  let admin: SignedInClient;
  let coordinator: SignedInClient;
  let reader: SignedInClient;
  let otherCounty: SignedInClient;

  const db = () => testDb.database.db;
  const invite = (as: SignedInClient, email: string, role = 'editor', extra: Record<string, unknown> = {}, organisationId = valer) =>
    as.request({ method: 'POST', url: `/api/organisations/${organisationId}/invitations?lang=en`, payload: { email, role, ...extra } });

  /** The token in the next mail to `to`, checked to be a link to the invitation page. */
  async function tokenFromMail(to: string): Promise<string> {
    const mail = await smtp.waitForMessage(to);
    const match = /https:\/\/mulighetsrom\.test\/invitasjon#([A-Za-z0-9_-]{20,})/.exec(mail.text ?? '');
    expect(match, mail.text).not.toBeNull();
    return match![1]!;
  }
  const preview = (token: string) => app.inject({ url: `/api/invitations/preview?lang=en&token=${encodeURIComponent(token)}` });
  const accept = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/invitations/accept?lang=en', payload });
  const invitationRow = async (email: string) =>
    (await queryRows<{ id: string; token_hash: string; accepted_at: string | null; revoked_at: string | null }>(db(), sql`SELECT id, token_hash, accepted_at, revoked_at FROM invitations WHERE email = ${email} ORDER BY created_at DESC`))[0];
  const listed = async (as: SignedInClient) =>
    (await as.request({ url: `/api/organisations/${valer}/invitations` })).json<{ items: Array<{ id: string; email: string; status: string; role: string; invitedBy: string | null }> }>().items;

  beforeAll(async () => {
    testDb = await create();
    smtp = await startTestSmtp();
    app = await buildServer({
      database: testDb.database,
      serveWeb: false,
      mailer: createMailer({ smtpUrl: smtp.url, from: FROM }, quietLog),
      publicUrl: PUBLIC_URL,
      sessions: { idleMinutes: 30, absoluteHours: 12, secureCookies: 'auto' },
    });
    county = (await createOrganisation(db(), { kind: 'county', name: 'Østfold fylkeskommune' }, null, ACTOR)).id;
    valer = (await createOrganisation(db(), { kind: 'municipality', name: 'Våler kommune', writtenStandard: 'nn' }, county, ACTOR)).id;
    const vestland = (await createOrganisation(db(), { kind: 'county', name: 'Vestland fylkeskommune' }, null, ACTOR)).id;
    const people: Array<[string, string, string, 'administrator' | 'coordinator' | 'reader']> = [
      ['admin@ostfold.example', 'Ada Administrator', county, 'administrator'],
      ['koordinator@valer.example', 'Kåre Koordinator', valer, 'coordinator'],
      ['leser@valer.example', 'Lise Leser', valer, 'reader'],
      ['admin@vestland.example', 'Vera Vestland', vestland, 'administrator'],
    ];
    for (const [email, name, organisationId, role] of people) {
      const user = await createTestUser(db(), email, { name });
      await setMembership(db(), user.id, organisationId, role, ACTOR);
    }
    admin = await signIn(app, 'admin@ostfold.example');
    coordinator = await signIn(app, 'koordinator@valer.example');
    reader = await signIn(app, 'leser@valer.example');
    otherCounty = await signIn(app, 'admin@vestland.example');
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
    await testDb?.dispose();
  });

  it('lets a coordinator invite an editor: the mail carries the link and the organisation, in its written standard', async () => {
    const response = await invite(coordinator, 'Nina.Ny@Valer.example');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ email: 'nina.ny@valer.example', role: 'editor', status: 'pending', invitedBy: 'Kåre Koordinator', acceptedAt: null });
    const days = (new Date(response.json().expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const mail = await smtp.waitForMessage('nina.ny@valer.example');
    expect(mail.subject).toBe('Du har fått ein invitasjon til Våler kommune i Mulighetsrom');
    expect(mail.text).toContain('Kåre Koordinator har invitert deg til å bli med i Våler kommune');
    expect(mail.text).toContain('redaktør');
    const token = /invitasjon#([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    expect(mail.html).toContain(`href="${PUBLIC_URL}/invitasjon#${token}"`);
    // Only the token's hash is stored.
    const row = await invitationRow('nina.ny@valer.example');
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(token);

    const previewed = await preview(token);
    expect(previewed.statusCode).toBe(200);
    expect(previewed.headers['cache-control']).toBe('no-store');
    expect(previewed.json()).toEqual({
      organisationName: 'Våler kommune',
      role: 'editor',
      email: 'nina.ny@valer.example',
      inviterName: 'Kåre Koordinator',
      expiresAt: response.json().expiresAt,
      accountExists: false,
    });
  });

  it('writes the mail in the language chosen', async () => {
    await invite(coordinator, 'sven@kil.example', 'reader', { language: 'sv' });
    expect((await smtp.waitForMessage('sven@kil.example')).subject).toBe('Du har fått en inbjudan till Våler kommune i Mulighetsrom');
  });

  it('accepts without an account: name and password create one, sign in and join; the link works once', async () => {
    await invite(coordinator, 'ola@valer.example');
    const token = await tokenFromMail('ola@valer.example');

    const noName = await accept({ token, password: NEW_PASSWORD });
    expect(noName.statusCode).toBe(422);
    expect(noName.json()).toMatchObject({ field: 'name', message: '"name" is required.' });
    const weak = await accept({ token, name: 'Ola Nordmann', password: 'passord123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({ error: 'weak-password', field: 'password' });
    expect((await preview(token)).statusCode).toBe(200);

    const accepted = await accept({ token, name: '  Ola Nordmann ', password: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ organisationId: valer });
    const ola = await clientForCookie(app, sessionCookieOf(accepted)!);
    const me = (await ola.request({ url: '/api/me' })).json();
    expect(me).toMatchObject({ email: 'ola@valer.example', name: 'Ola Nordmann', language: 'en', memberships: [{ organisationId: valer, role: 'editor' }] });
    await signIn(app, 'ola@valer.example', NEW_PASSWORD);

    const again = await accept({ token, name: 'Ola Nordmann', password: NEW_PASSWORD });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: 'link-invalid', field: 'token', message: 'The link is invalid, already used or expired. Ask for a new one.' });
    expect((await preview(token)).statusCode).toBe(410);
    expect((await listed(coordinator)).find((i) => i.email === 'ola@valer.example')).toMatchObject({ status: 'accepted' });
  });

  it('lets only one of two simultaneous clicks succeed', async () => {
    await invite(coordinator, 'dobbel@valer.example');
    const token = await tokenFromMail('dobbel@valer.example');
    const results = await Promise.all([0, 1].map(() => accept({ token, name: 'Dobbel Klikk', password: NEW_PASSWORD })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    const [memberships] = await queryRows<{ count: number }>(db(), sql`SELECT count(*)::int AS count FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'dobbel@valer.example'`);
    expect(memberships!.count).toBe(1);
  });

  it('refuses an unknown or expired link with 410', async () => {
    expect((await preview('x'.repeat(43))).statusCode).toBe(410);
    expect((await accept({ token: 'x'.repeat(43), name: 'X', password: NEW_PASSWORD })).statusCode).toBe(410);

    await invite(coordinator, 'sein@valer.example');
    const token = await tokenFromMail('sein@valer.example');
    await db().execute(sql`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'sein@valer.example'`);
    expect((await preview(token)).statusCode).toBe(410);
    expect((await accept({ token, name: 'Sein Svar', password: NEW_PASSWORD })).statusCode).toBe(410);
    expect((await listed(coordinator)).find((i) => i.email === 'sein@valer.example')).toMatchObject({ status: 'expired' });
  });

  it('withdraws an invitation: its link stops working', async () => {
    const created = (await invite(coordinator, 'angra@valer.example')).json<{ id: string }>();
    const token = await tokenFromMail('angra@valer.example');
    expect((await coordinator.request({ method: 'DELETE', url: `/api/invitations/${created.id}` })).statusCode).toBe(204);
    expect((await coordinator.request({ method: 'DELETE', url: `/api/invitations/${created.id}` })).statusCode).toBe(204);
    expect((await preview(token)).statusCode).toBe(410);
    expect((await accept({ token, name: 'Angra Seg', password: NEW_PASSWORD })).statusCode).toBe(410);
    expect((await listed(coordinator)).find((i) => i.id === created.id)).toMatchObject({ status: 'revoked' });
    const resend = await coordinator.request({ method: 'POST', url: `/api/invitations/${created.id}/resend?lang=en` });
    expect(resend.statusCode).toBe(409);
    expect(resend.json().message).toBe('The invitation has already been accepted or withdrawn.');
  });

  it('replaces a pending invitation of the same address instead of adding a second', async () => {
    await invite(coordinator, 'to-gonger@valer.example', 'reader');
    const first = await tokenFromMail('to-gonger@valer.example');
    await invite(coordinator, 'to-gonger@valer.example', 'editor');
    const second = await tokenFromMail('to-gonger@valer.example');
    const mine = (await listed(coordinator)).filter((i) => i.email === 'to-gonger@valer.example');
    expect(mine.map((i) => [i.role, i.status])).toEqual([['editor', 'pending'], ['reader', 'revoked']]);
    expect((await preview(first)).statusCode).toBe(410);
    expect((await preview(second)).json()).toMatchObject({ role: 'editor' });
  });

  it('lets only administrators invite administrators', async () => {
    const refused = await invite(coordinator, 'sjef@valer.example', 'administrator');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ field: 'role', message: 'Only an administrator can give the administrator role.' });
    expect(await invitationRow('sjef@valer.example')).toBeUndefined();
    expect((await invite(admin, 'sjef@valer.example', 'administrator')).statusCode).toBe(201);
    const mail = await smtp.waitForMessage('sjef@valer.example');
    expect(mail.text).toContain('Ada Administrator');
    // Resending an administrator's invitation gives the role as much as sending it.
    const id = (await invitationRow('sjef@valer.example'))!.id;
    expect((await coordinator.request({ method: 'POST', url: `/api/invitations/${id}/resend` })).statusCode).toBe(403);
  });

  it('refuses to invite someone who is already a member (409, field email)', async () => {
    const response = await invite(coordinator, 'LESER@valer.example', 'editor');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ error: 'already-member', field: 'email' });
  });

  it('hides invitations from another tenant (404) and refuses a reader (403)', async () => {
    expect((await otherCounty.request({ url: `/api/organisations/${valer}/invitations` })).statusCode).toBe(404);
    expect((await invite(otherCounty, 'inntrengjar@valer.example')).statusCode).toBe(404);
    expect((await reader.request({ url: `/api/organisations/${valer}/invitations` })).statusCode).toBe(403);
    expect((await invite(reader, 'venn@valer.example')).statusCode).toBe(403);
    const id = (await invitationRow('nina.ny@valer.example'))!.id;
    expect((await otherCounty.request({ method: 'DELETE', url: `/api/invitations/${id}` })).statusCode).toBe(404);
    expect((await otherCounty.request({ method: 'POST', url: `/api/invitations/${id}/resend` })).statusCode).toBe(404);
    expect((await reader.request({ method: 'DELETE', url: `/api/invitations/${id}` })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/organisations/${valer}/invitations` })).statusCode).toBe(401);
    // The county administrator manages the municipality below, and sees the list newest first.
    const list = await listed(admin);
    expect(list.length).toBeGreaterThan(3);
    expect(list.some((i) => i.email === 'nina.ny@valer.example')).toBe(true);
  });

  it('asks an existing account to sign in first, then lets the signed-in person join', async () => {
    await createTestUser(db(), 'finst@valer.example', { name: 'Finst Frå Før' });
    await invite(coordinator, 'finst@valer.example', 'reader');
    const token = await tokenFromMail('finst@valer.example');
    expect((await preview(token)).json()).toMatchObject({ accountExists: true });
    const anonymous = await accept({ token, name: 'Someone Else', password: NEW_PASSWORD });
    expect(anonymous.statusCode).toBe(409);
    expect(anonymous.json()).toMatchObject({ error: 'sign-in-first', message: 'An account with this e-mail address already exists. Sign in to accept the invitation.' });
    expect((await preview(token)).statusCode).toBe(200);

    const finst = await signIn(app, 'finst@valer.example');
    const joined = await finst.request({ method: 'POST', url: '/api/invitations/accept', payload: { token } });
    expect(joined.statusCode).toBe(200);
    expect((await finst.request({ url: '/api/me' })).json().memberships).toEqual([expect.objectContaining({ organisationId: valer, role: 'reader' })]);
  });

  it('lets a signed-in person join with a link sent to another of their addresses, but not one who is already a member', async () => {
    await invite(coordinator, 'privat.adresse@example.org', 'reader');
    const token = await tokenFromMail('privat.adresse@example.org');
    const alreadyMember = await reader.request({ method: 'POST', url: '/api/invitations/accept?lang=en', payload: { token } });
    expect(alreadyMember.statusCode).toBe(409);
    expect(alreadyMember.json()).toMatchObject({ error: 'already-member' });
    expect((await preview(token)).statusCode).toBe(200);
    expect((await otherCounty.request({ method: 'POST', url: '/api/invitations/accept', payload: { token } })).statusCode).toBe(200);
    expect((await otherCounty.request({ url: '/api/me' })).json().memberships).toContainEqual(expect.objectContaining({ organisationId: valer, role: 'reader' }));
  });

  it('resends with a new working link; the old one stops working', async () => {
    const created = (await invite(coordinator, 'glemsk@valer.example', 'reader')).json<{ id: string; expiresAt: string }>();
    const old = await tokenFromMail('glemsk@valer.example');
    await db().execute(sql`UPDATE invitations SET expires_at = now() - interval '1 day' WHERE id = ${created.id}`);
    const resent = await coordinator.request({ method: 'POST', url: `/api/invitations/${created.id}/resend` });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ id: created.id, status: 'pending' });
    const mail = await smtp.waitForMessage('glemsk@valer.example');
    expect(mail.subject).toBe('Du har fått ein invitasjon til Våler kommune i Mulighetsrom');
    const fresh = /invitasjon#([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    expect(fresh).not.toBe(old);
    expect((await preview(old)).statusCode).toBe(410);
    expect((await preview(fresh)).statusCode).toBe(200);
    expect((await accept({ token: old, name: 'Glemsk Gudrun', password: NEW_PASSWORD })).statusCode).toBe(410);
    expect((await accept({ token: fresh, name: 'Glemsk Gudrun', password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('records every step in the audit trail of the organisation, with before and after, never the token', async () => {
    const events = await queryRows<{ action: string; actor_label: string; organisation_id: string; entity_id: string; before: unknown; after: unknown }>(
      db(),
      sql`SELECT action, actor_label, organisation_id, entity_id, before, after FROM audit_events WHERE entity_type = 'invitation' ORDER BY id`,
    );
    const byAction = (action: string) => events.filter((e) => e.action === action);
    for (const action of ['invitation-sent', 'invitation-revoked', 'invitation-resent', 'invitation-accepted']) expect(byAction(action).length, action).toBeGreaterThan(0);
    expect(events.every((e) => e.organisation_id === valer)).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/token|[0-9a-f]{64}/i);

    const ola = (await invitationRow('ola@valer.example'))!.id;
    const sent = byAction('invitation-sent').find((e) => e.entity_id === ola)!;
    expect(sent).toMatchObject({ actor_label: 'Kåre Koordinator <koordinator@valer.example>', before: null, after: { email: 'ola@valer.example', role: 'editor', status: 'pending', language: 'nn' } });
    const accepted = byAction('invitation-accepted').find((e) => e.entity_id === ola)!;
    expect(accepted).toMatchObject({ actor_label: 'Ola Nordmann <ola@valer.example>', before: { status: 'pending', acceptedAt: null }, after: { status: 'accepted' } });
    expect((accepted.after as { acceptedBy: string }).acceptedBy).toMatch(/^[0-9a-f-]{36}$/);

    const withdrawn = (await invitationRow('angra@valer.example'))!.id;
    expect(byAction('invitation-revoked').filter((e) => e.entity_id === withdrawn)).toEqual([
      expect.objectContaining({ before: expect.objectContaining({ status: 'pending', revokedAt: null }), after: expect.objectContaining({ status: 'revoked' }) }),
    ]);
    const forgotten = (await invitationRow('glemsk@valer.example'))!.id;
    const resent = byAction('invitation-resent').find((e) => e.entity_id === forgotten)!;
    expect(resent.before).toMatchObject({ status: 'expired' });
    expect(resent.after).toMatchObject({ status: 'pending', language: 'nn' });
    expect(new Date((resent.after as { expiresAt: string }).expiresAt).getTime()).toBeGreaterThan(new Date((resent.before as { expiresAt: string }).expiresAt).getTime());

    const [created] = await queryRows<{ count: number }>(db(), sql`SELECT count(*)::int AS count FROM audit_events WHERE action = 'account-created' AND actor_label = 'Ola Nordmann <ola@valer.example>'`);
    expect(created!.count).toBe(1);
  });

  it('keeps no invitation when the mail cannot be sent, and says so (503)', async () => {
    const broken = await buildServer({
      database: testDb.database,
      serveWeb: false,
      mailer: createMailer({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: FROM }, quietLog),
      publicUrl: PUBLIC_URL,
    });
    try {
      const coordinatorThere = await signIn(broken, 'koordinator@valer.example');
      const before = await listed(coordinatorThere);
      const response = await coordinatorThere.request({ method: 'POST', url: `/api/organisations/${valer}/invitations?lang=nb`, payload: { email: 'utan-post@valer.example', role: 'reader' } });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ error: 'mail-unavailable', message: 'E-posten kunne ikke sendes nå. Prøv igjen om litt.' });
      expect(await invitationRow('utan-post@valer.example')).toBeUndefined();
      // A failed resend leaves the invitation and its link as they were.
      const pending = before.find((i) => i.email === 'sven@kil.example')!;
      const rowBefore = await invitationRow(pending.email);
      expect((await coordinatorThere.request({ method: 'POST', url: `/api/invitations/${pending.id}/resend` })).statusCode).toBe(503);
      expect((await invitationRow(pending.email))!.token_hash).toBe(rowBefore!.token_hash);
    } finally {
      await broken.close();
    }
  });
});
