/**
 * A person's own data over HTTP: the download of everything held about them, deletion of their account
 * (confirmation, last administrator, what goes and how the audit trail forgets them), the retention
 * settings of a tree, and the retention job against rows of every kind it deletes or must keep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { SESSION_COOKIE } from '../../src/platform/auth/authentication.js';
import { recordAudit, type Actor } from '../../src/platform/audit/audit.js';
import { queryRows } from '../../src/platform/db/rows.js';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import { linkIdentity } from '../../src/accounts/repository.js';
import { applyRetention } from '../../src/accounts/retention.js';
import { DEFAULT_SESSION_SETTINGS } from '../../src/platform/auth/principal.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { createTestUser, signIn, TEST_PASSWORD, type SignedInClient } from '../support/accounts.js';

const ACTOR: Actor = { userId: null, label: 'test set-up' };
const quietLog = { info: () => undefined, warn: () => undefined };
const DAY = 86_400_000;

describe.each(ENGINES)('personal data on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let ostfold: string;
  let moss: string;
  let vestland: string;
  let admin: SignedInClient;
  let kari: SignedInClient;
  let kariId: string;

  const db = () => testDb.database.db;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(db(), query);
  const ago = (ms: number) => new Date(Date.now() - ms);
  const monthsAgo = (months: number) => ago(months * 30.5 * DAY);

  async function member(email: string, name: string, organisationId: string | null, role: 'reader' | 'editor' | 'administrator' = 'editor') {
    const user = await createTestUser(db(), email, { name });
    if (organisationId) await setMembership(db(), user.id, organisationId, role, ACTOR);
    return user.id;
  }
  async function invitation(organisationId: string, email: string, invitedBy: string | null, expiresAt = new Date(Date.now() + 7 * DAY)) {
    await db().execute(sql`INSERT INTO invitations (organisation_id, email, role, token_hash, invited_by, expires_at)
                           VALUES (${organisationId}, ${email}, 'reader', ${crypto.randomUUID()}, ${invitedBy}, ${expiresAt})`);
  }

  beforeAll(async () => {
    testDb = await create();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, quietLog), sessions: DEFAULT_SESSION_SETTINGS });
    ostfold = (await createOrganisation(db(), { kind: 'county', name: 'Østfold fylkeskommune' }, null, ACTOR)).id;
    moss = (await createOrganisation(db(), { kind: 'municipality', name: 'Moss kommune' }, ostfold, ACTOR)).id;
    vestland = (await createOrganisation(db(), { kind: 'county', name: 'Vestland fylkeskommune' }, null, ACTOR)).id;
    await member('ada@ostfold.example', 'Ada Administrator', ostfold, 'administrator');
    await member('vera@vestland.example', 'Vera Vestland', vestland, 'administrator');
    kariId = await member('kari@moss.example', 'Kari Nordmann', moss);
    admin = await signIn(app, 'ada@ostfold.example');
    kari = await signIn(app, 'kari@moss.example');
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  describe('GET /api/me/export', () => {
    it('downloads my profile, memberships, identities, sessions, invitations, reset requests and audit events as a dated JSON file', async () => {
      await kari.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Kari N. Nordmann' } });
      await linkIdentity(db(), kariId, 'https://idporten.example', 'pseudonym-123');
      await db().execute(sql`INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (${'reset-hash-kari'}, ${kariId}, ${new Date(Date.now() + 3_600_000)})`);
      await invitation(moss, 'ny@moss.example', kariId);
      await invitation(ostfold, 'KARI@moss.example', null);

      const response = await kari.request({ url: '/api/me/export' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="mulighetsrom-mine-data-${new Date().toISOString().slice(0, 10)}.json"`);
      const data = response.json();
      expect(data).toMatchObject({
        format: 'mulighetsrom-personal-data/1',
        profile: { id: kariId, email: 'kari@moss.example', name: 'Kari N. Nordmann', systemAdministrator: false, hasPassword: true },
        memberships: [{ organisationId: moss, organisationName: 'Moss kommune', organisationKind: 'municipality', role: 'editor' }],
        identities: [{ issuer: 'https://idporten.example', subject: 'pseudonym-123' }],
        invitationsSent: [{ organisationName: 'Moss kommune', email: 'ny@moss.example', role: 'reader', acceptedAt: null }],
        invitationsReceived: [{ organisationName: 'Østfold fylkeskommune', role: 'reader', invitedBy: null }],
        passwordResets: [{ usedAt: null }],
      });
      expect(data.sessions).toEqual([expect.objectContaining({ method: 'password', userAgent: 'lightMyRequest' })]);
      const actions = data.auditEvents.map((e: { action: string }) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['member-added', 'sign-in', 'profile-changed']));
      expect(data.auditEvents.every((e: { actor: string; entityId: string }) => e.actor.includes('kari@moss.example') || e.entityId.includes(kariId))).toBe(true);

      // Never a secret: no token hashes, no CSRF token, no password hash.
      const [session] = await rows<{ token_hash: string; csrf_token: string }>(sql`SELECT token_hash, csrf_token FROM sessions WHERE user_id = ${kariId}`);
      const [user] = await rows<{ password_hash: string }>(sql`SELECT password_hash FROM users WHERE id = ${kariId}`);
      for (const secret of [session!.token_hash, session!.csrf_token, user!.password_hash, 'reset-hash-kari']) expect(response.body).not.toContain(secret);
    });

    it('holds nothing of other people', async () => {
      const data = (await admin.request({ url: '/api/me/export' })).json();
      expect(data.profile.email).toBe('ada@ostfold.example');
      expect(data.invitationsReceived).toEqual([]);
      expect(JSON.stringify(data)).not.toContain('kari@moss.example');
    });

    it('is for signed-in people only', async () => {
      expect((await app.inject({ url: '/api/me/export' })).statusCode).toBe(401);
    });
  });

  describe('DELETE /api/me', () => {
    it('refuses a confirmation that is not my address (422, field confirmEmail) and keeps the account', async () => {
      const response = await kari.request({ method: 'DELETE', url: '/api/me?lang=en', payload: { confirmEmail: 'someone@moss.example' } });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toMatchObject({ field: 'confirmEmail', message: 'Type the e-mail address of your account to confirm that you want to delete it.' });
      expect((await kari.request({ url: '/api/me' })).statusCode).toBe(200);
    });

    it('refuses the only administrator of an organisation (409), but not one of two', async () => {
      const refused = await admin.request({ method: 'DELETE', url: '/api/me?lang=nb', payload: { confirmEmail: 'ada@ostfold.example' } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: 'last-administrator', message: 'Organisasjonen må ha minst én administrator igjen.' });
      expect((await admin.request({ url: '/api/me' })).statusCode).toBe(200);

      await member('bjorn@ostfold.example', 'Bjørn Backup', ostfold, 'administrator');
      const bjorn = await signIn(app, 'bjorn@ostfold.example');
      expect((await bjorn.request({ method: 'DELETE', url: '/api/me', payload: { confirmEmail: 'bjorn@ostfold.example' } })).statusCode).toBe(204);
      expect(await rows(sql`SELECT role FROM memberships WHERE organisation_id = ${ostfold}`)).toEqual([{ role: 'administrator' }]);
    });

    it('deletes my account with everything hanging on it, signs me out, and takes me out of the audit trail', async () => {
      const name = 'Torunn Tilbaketrekk';
      const email = 'Torunn.T@moss.example';
      const id = await member(email, name, moss);
      const torunn = await signIn(app, email);
      await torunn.request({ method: 'PATCH', url: '/api/me', payload: { name: 'Torunn T. Tilbaketrekk' } });
      await linkIdentity(db(), id, 'https://idporten.example', 'pseudonym-torunn');
      await invitation(ostfold, 'torunn.t@moss.example', null);
      await invitation(moss, 'venn@moss.example', id);
      // Another service's record that names her address, as an invitation's audit event does.
      await recordAudit(db(), { actor: ACTOR, organisationId: ostfold, action: 'invitation-sent', entityType: 'invitation', entityId: 'x', after: { email: 'torunn.t@moss.example', role: 'reader' } });
      await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: 'not-her-password' } });
      expect(await rows(sql`SELECT key FROM sign_in_throttle WHERE key = ${'email:torunn.t@moss.example'}`)).toHaveLength(1);

      const response = await torunn.request({ method: 'DELETE', url: '/api/me', payload: { confirmEmail: ' TORUNN.t@MOSS.example ' } });
      expect(response.statusCode).toBe(204);
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
      expect(await rows(sql`SELECT 1 FROM sign_in_throttle WHERE key = ${'email:torunn.t@moss.example'}`)).toHaveLength(0);
      expect((await app.inject({ url: '/api/me', headers: { cookie: torunn.cookie } })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: TEST_PASSWORD } })).statusCode).toBe(401);

      for (const table of ['users', 'memberships', 'sessions', 'user_identities']) {
        const column = table === 'users' ? 'id' : 'user_id';
        expect(await rows(sql`SELECT 1 FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} = ${id}`), table).toHaveLength(0);
      }
      expect(await rows(sql`SELECT 1 FROM invitations WHERE lower(email) = 'torunn.t@moss.example'`)).toHaveLength(0);
      expect(await rows(sql`SELECT invited_by FROM invitations WHERE email = 'venn@moss.example'`)).toEqual([{ invited_by: null }]);

      // Her events stay, but neither her name nor her address is anywhere in the trail.
      const trail = await rows<{ actor_user_id: string | null; actor_label: string; action: string; entity_id: string; text: string }>(
        sql`SELECT actor_user_id, actor_label, action, entity_id, actor_label || ' ' || coalesce(before::text, '') || ' ' || coalesce(after::text, '') AS text FROM audit_events`,
      );
      expect(trail.filter((e) => e.actor_user_id === id)).toEqual([]);
      expect(trail.filter((e) => /torunn/i.test(e.text))).toEqual([]);
      const hers = trail.filter((e) => e.actor_label === 'deleted-user').map((e) => e.action);
      expect(hers).toEqual(expect.arrayContaining(['sign-in', 'profile-changed', 'account-deleted']));
      const [deleted] = await rows<{ after: unknown }>(sql`SELECT after FROM audit_events WHERE action = 'account-deleted' AND entity_id = ${id}`);
      expect(deleted!.after).toEqual({ reason: 'requested' });
    });

    it('is for signed-in people only', async () => {
      expect((await app.inject({ method: 'DELETE', url: '/api/me', payload: { confirmEmail: 'kari@moss.example' } })).statusCode).toBe(401);
    });
  });

  describe('retention settings', () => {
    const url = (id: string) => `/api/organisations/${id}/retention?lang=en`;

    it('shows the defaults, saves new periods with an audit event, and shows them', async () => {
      expect((await admin.request({ url: url(ostfold) })).json()).toEqual({ auditMonths: 60, inactiveAccountMonths: 24 });
      const saved = await admin.request({ method: 'PUT', url: url(ostfold), payload: { auditMonths: 36, inactiveAccountMonths: 12 } });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toEqual({ auditMonths: 36, inactiveAccountMonths: 12 });
      expect((await admin.request({ url: url(ostfold) })).json()).toEqual({ auditMonths: 36, inactiveAccountMonths: 12 });
      const events = await rows<{ organisation_id: string; before: unknown; after: unknown; actor_label: string }>(
        sql`SELECT organisation_id, before, after, actor_label FROM audit_events WHERE action = 'retention-changed'`,
      );
      expect(events).toEqual([{ organisation_id: ostfold, before: { auditMonths: 60, inactiveAccountMonths: 24 }, after: { auditMonths: 36, inactiveAccountMonths: 12 }, actor_label: 'Ada Administrator <ada@ostfold.example>' }]);
    });

    it('refuses periods outside the limits, naming the field', async () => {
      const short = await admin.request({ method: 'PUT', url: url(ostfold), payload: { auditMonths: 6, inactiveAccountMonths: 12 } });
      expect(short.statusCode).toBe(400);
      expect(short.json().field).toBe('auditMonths');
      const long = await admin.request({ method: 'PUT', url: url(ostfold), payload: { auditMonths: 24, inactiveAccountMonths: 121 } });
      expect(long.json()).toMatchObject({ statusCode: 400, field: 'inactiveAccountMonths' });
    });

    it('is set at the top of a tree only (422, field id)', async () => {
      const below = await admin.request({ url: url(moss) });
      expect(below.statusCode).toBe(422);
      expect(below.json()).toMatchObject({ field: 'id', message: 'Retention is set at the top of an organisation tree and applies to everything below it.' });
      expect((await admin.request({ method: 'PUT', url: url(moss), payload: { auditMonths: 24, inactiveAccountMonths: 12 } })).statusCode).toBe(422);
    });

    it('is for administrators of the tree: 403 for a smaller role, 404 for other tenants', async () => {
      expect((await kari.request({ url: url(moss) })).statusCode).toBe(403);
      expect((await kari.request({ url: url(ostfold) })).statusCode).toBe(404);
      const vera = await signIn(app, 'vera@vestland.example');
      expect((await vera.request({ method: 'PUT', url: url(ostfold), payload: { auditMonths: 120, inactiveAccountMonths: 120 } })).statusCode).toBe(404);
    });
  });

  describe('the retention job', () => {
    it('deletes what is past its time, keeps the rest, and spares operators and last administrators', async () => {
      const agder = (await createOrganisation(db(), { kind: 'county', name: 'Agder fylkeskommune' }, null, ACTOR)).id;
      const kristiansand = (await createOrganisation(db(), { kind: 'municipality', name: 'Kristiansand kommune' }, agder, ACTOR)).id;
      const troms = (await createOrganisation(db(), { kind: 'county', name: 'Troms fylkeskommune' }, null, ACTOR)).id;
      await db().execute(sql`INSERT INTO retention_settings (organisation_id, audit_months, inactive_account_months) VALUES (${agder}, 12, 6), (${troms}, 96, 36)`);

      // Audit events. System-wide ones are kept as long as the longest tree asks (Troms: 96 months).
      const event = async (label: string, organisationPath: string | null, at: Date) =>
        db().execute(sql`INSERT INTO audit_events (at, actor_label, organisation_path, action, entity_type, entity_id) VALUES (${at}, ${label}, ${organisationPath}, 'test', 'test', ${label})`);
      const gone = `/${crypto.randomUUID()}/`;
      await event('agder-13', `/${agder}/${kristiansand}/`, monthsAgo(13));
      await event('agder-11', `/${agder}/`, monthsAgo(11));
      await event('troms-95', `/${troms}/`, monthsAgo(95));
      await event('troms-97', `/${troms}/`, monthsAgo(97));
      await event('system-61', null, monthsAgo(61));
      await event('system-97', null, monthsAgo(97));
      await event('gone-tree-95', gone, monthsAgo(95));
      await event('gone-tree-97', gone, monthsAgo(97));

      // Sessions, reset links, invitations, throttle entries and unfinished OpenID Connect sign-ins.
      const holder = await member('holder@agder.example', 'Hanne Holder', null);
      const session = (hash: string, lastSeen: Date, expires: Date) =>
        db().execute(sql`INSERT INTO sessions (token_hash, user_id, csrf_token, last_seen_at, expires_at, method) VALUES (${hash}, ${holder}, 'c', ${lastSeen}, ${expires}, 'password')`);
      await session('expired', ago(60_000), ago(1000));
      await session('idle', ago(31 * 60_000), new Date(Date.now() + 3_600_000));
      await session('fresh', ago(60_000), new Date(Date.now() + 3_600_000));
      for (const [hash, expires] of [['reset-31', ago(31 * DAY)], ['reset-29', ago(29 * DAY)]] as const) {
        await db().execute(sql`INSERT INTO password_resets (token_hash, user_id, expires_at, created_at) VALUES (${hash}, ${holder}, ${expires}, ${expires})`);
      }
      await invitation(agder, 'old@agder.example', null, ago(31 * DAY));
      await invitation(agder, 'recent@agder.example', null, ago(29 * DAY));
      const throttle = (key: string, windowStarted: Date, lockedUntil: Date | null) =>
        db().execute(sql`INSERT INTO sign_in_throttle (key, failures, window_started_at, locked_until) VALUES (${key}, 1, ${windowStarted}, ${lockedUntil})`);
      await throttle('email:stale@agder.example', ago(16 * 60_000), null);
      await throttle('email:lock-ended@agder.example', ago(40 * 60_000), ago(60_000));
      await throttle('email:locked@agder.example', ago(16 * 60_000), new Date(Date.now() + 60_000));
      await throttle('client:10.9.9.9', ago(5 * 60_000), null);
      for (const [state, expires] of [['expired-state', ago(1000)], ['live-state', new Date(Date.now() + 600_000)]] as const) {
        await db().execute(sql`INSERT INTO oidc_logins (state_hash, nonce, code_verifier, return_to, expires_at) VALUES (${state}, 'n', 'v', '/', ${expires})`);
      }

      // Accounts, with their last sign-in (or creation, for those who never signed in).
      const account = async (email: string, lastActive: Date, memberships: Array<[string, 'editor' | 'administrator']>, options: { neverSignedIn?: boolean; systemAdministrator?: boolean } = {}) => {
        const user = await createTestUser(db(), email, { systemAdministrator: options.systemAdministrator ?? false });
        for (const [organisationId, role] of memberships) await setMembership(db(), user.id, organisationId, role, ACTOR);
        await db().execute(
          options.neverSignedIn
            ? sql`UPDATE users SET created_at = ${lastActive}, last_sign_in_at = NULL WHERE id = ${user.id}`
            : sql`UPDATE users SET created_at = ${monthsAgo(200)}, last_sign_in_at = ${lastActive} WHERE id = ${user.id}`,
        );
        return email;
      };
      const expectedGone = [
        await account('inactive@kristiansand.example', monthsAgo(7), [[kristiansand, 'editor']]),
        await account('never@nowhere.example', monthsAgo(25), [], { neverSignedIn: true }),
      ];
      const expectedKept = [
        await account('recent@kristiansand.example', monthsAgo(5), [[kristiansand, 'editor']]),
        await account('two-trees@agder.example', monthsAgo(20), [[kristiansand, 'editor'], [troms, 'editor']]),
        await account('new@nowhere.example', monthsAgo(23), [], { neverSignedIn: true }),
        await account('operator@agder.example', monthsAgo(100), [], { systemAdministrator: true }),
        await account('only-admin@troms.example', monthsAgo(100), [[troms, 'administrator']]),
      ];
      // Both administrators of Agder are inactive: the first to go leaves the other as the last one, who stays.
      const agderAdmins = [await account('admin-1@agder.example', monthsAgo(8), [[agder, 'administrator']]), await account('admin-2@agder.example', monthsAgo(8), [[agder, 'administrator']])];

      const counts = await applyRetention(db(), new Date());
      expect(counts).toEqual({ auditEvents: 4, sessions: 2, passwordResets: 1, invitations: 1, signInThrottle: 2, oidcLogins: 1, accounts: 3 });

      const labels = (await rows<{ actor_label: string }>(sql`SELECT actor_label FROM audit_events WHERE action = 'test'`)).map((r) => r.actor_label).sort();
      expect(labels).toEqual(['agder-11', 'gone-tree-95', 'system-61', 'troms-95']);
      expect((await rows<{ token_hash: string }>(sql`SELECT token_hash FROM sessions WHERE user_id = ${holder}`)).map((r) => r.token_hash)).toEqual(['fresh']);
      expect(await rows(sql`SELECT token_hash FROM password_resets WHERE user_id = ${holder}`)).toEqual([{ token_hash: 'reset-29' }]);
      expect(await rows(sql`SELECT email FROM invitations WHERE organisation_id = ${agder}`)).toEqual([{ email: 'recent@agder.example' }]);
      expect((await rows<{ key: string }>(sql`SELECT key FROM sign_in_throttle WHERE key LIKE '%agder%' OR key LIKE 'client:10.9%' ORDER BY key`)).map((r) => r.key)).toEqual([
        'client:10.9.9.9',
        'email:locked@agder.example',
      ]);
      expect(await rows(sql`SELECT state_hash FROM oidc_logins`)).toEqual([{ state_hash: 'live-state' }]);

      const remaining = new Set((await rows<{ email: string }>(sql`SELECT email FROM users`)).map((r) => r.email));
      for (const email of expectedGone) expect(remaining.has(email), email).toBe(false);
      for (const email of expectedKept) expect(remaining.has(email), email).toBe(true);
      expect(agderAdmins.filter((email) => remaining.has(email))).toHaveLength(1);
      const erasures = await rows<{ actor_label: string; after: unknown }>(sql`SELECT actor_label, after FROM audit_events WHERE action = 'account-deleted' AND actor_label = 'retention'`);
      expect(erasures).toEqual(Array.from({ length: 3 }, () => ({ actor_label: 'retention', after: { reason: 'inactive' } })));

      // A second run finds nothing more.
      expect(await applyRetention(db(), new Date())).toEqual({ auditEvents: 0, sessions: 0, passwordResets: 0, invitations: 0, signInThrottle: 0, oidcLogins: 0, accounts: 0 });
    });
  });
});
