/** All SQL of the accounts capability: users, identities, sessions, sign-in throttling. */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/rows.js';
import type { Queryable } from '../platform/audit/audit.js';
import type { Principal, SessionStore, StoredSession } from '../platform/auth/principal.js';
import type { Language } from '../reference/codes.js';
import type { MembershipAt } from '../organisations/roles.js';
import { oidcLogins, sessions, signInThrottle, userIdentities, users } from './tables.js';
import type { ThrottleRule, ThrottleState } from './throttle.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  language: Language;
  passwordHash: string | null;
  systemAdministrator: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
}

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  language: users.language,
  passwordHash: users.passwordHash,
  systemAdministrator: users.systemAdministrator,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
};

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(users).where(sql`lower(${users.email}) = lower(${email.trim()})`).limit(1);
  return (row as UserRow | undefined) ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return (row as UserRow | undefined) ?? null;
}

export interface NewUser {
  email: string;
  name: string;
  language?: Language;
  passwordHash?: string | null;
  systemAdministrator?: boolean;
}

export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ email: user.email.trim(), name: user.name.trim(), language: user.language ?? 'nb', passwordHash: user.passwordHash ?? null, systemAdministrator: user.systemAdministrator ?? false })
    .returning(userColumns);
  return row as UserRow;
}

export async function updateUser(db: Queryable, id: string, changes: Partial<Pick<UserRow, 'name' | 'language' | 'passwordHash' | 'lastSignInAt'>>): Promise<void> {
  await db.update(users).set(changes).where(eq(users.id, id));
}

export async function userIdForIdentity(db: Queryable, issuer: string, subject: string): Promise<string | null> {
  const [row] = await db.select({ userId: userIdentities.userId }).from(userIdentities).where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject))).limit(1);
  return row?.userId ?? null;
}

export async function linkIdentity(db: Queryable, userId: string, issuer: string, subject: string): Promise<void> {
  await db.insert(userIdentities).values({ userId, issuer, subject }).onConflictDoNothing();
}

// Sessions

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  userAgent: string | null;
  method: 'password' | 'oidc';
}

export async function insertSession(db: Queryable, session: NewSession): Promise<void> {
  await db.insert(sessions).values(session);
}

export async function touchSession(db: Queryable, tokenHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, at)));
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: Queryable, userId: string, exceptTokenHash?: string): Promise<void> {
  await db.delete(sessions).where(exceptTokenHash ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${exceptTokenHash}`) : eq(sessions.userId, userId));
}

export interface SessionSummary {
  /** A prefix of the token's hash: names the session without revealing anything usable. */
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  method: string;
  tokenHash: string;
}

export const SESSION_ID_LENGTH = 16;

export async function listUserSessions(db: Queryable, userId: string): Promise<SessionSummary[]> {
  const rows = await db
    .select({ tokenHash: sessions.tokenHash, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, method: sessions.method })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(sql`${sessions.lastSeenAt} DESC`);
  return rows.map((row) => ({ ...row, id: row.tokenHash.slice(0, SESSION_ID_LENGTH) }));
}

export async function deleteUserSessionById(db: Queryable, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), sql`left(${sessions.tokenHash}, ${SESSION_ID_LENGTH}) = ${id}`))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length > 0;
}

export async function deleteExpiredSessions(db: Queryable, idleBefore: Date, now: Date): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(sql`${sessions.expiresAt} < ${now} OR ${sessions.lastSeenAt} < ${idleBefore}`)
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

interface SessionPrincipalRow {
  token_hash: string;
  csrf_token: string;
  created_at: string | Date;
  last_seen_at: string | Date;
  expires_at: string | Date;
  user_id: string;
  email: string;
  name: string;
  language: Language;
  system_administrator: boolean;
  memberships: MembershipAt[] | string;
}

/** The session with its person and every membership in one query: this runs on every signed-in request. */
export function databaseSessionStore(db: Db): SessionStore {
  return {
    async find(tokenHash: string): Promise<StoredSession | null> {
      const [row] = await queryRows<SessionPrincipalRow>(
        db,
        sql`SELECT s.token_hash, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
                   u.id AS user_id, u.email, u.name, u.language, u.system_administrator,
                   COALESCE((SELECT json_agg(json_build_object('organisationId', o.id, 'organisationPath', o.path, 'role', m.role))
                               FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                              WHERE m.user_id = u.id), '[]'::json) AS memberships
              FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = ${tokenHash}`,
      );
      if (!row) return null;
      const principal: Principal = {
        userId: row.user_id,
        email: row.email,
        name: row.name,
        language: row.language,
        systemAdministrator: row.system_administrator,
        memberships: typeof row.memberships === 'string' ? (JSON.parse(row.memberships) as MembershipAt[]) : row.memberships,
      };
      return {
        tokenHash: row.token_hash,
        csrfToken: row.csrf_token,
        createdAt: new Date(row.created_at),
        lastSeenAt: new Date(row.last_seen_at),
        expiresAt: new Date(row.expires_at),
        principal,
      };
    },
    touch: (tokenHash: string, at: Date) => touchSession(db, tokenHash, at),
    remove: (tokenHash: string) => deleteSession(db, tokenHash),
  };
}

// Sign-in throttling

export async function readThrottle(db: Queryable, keys: string[]): Promise<Map<string, ThrottleState>> {
  if (keys.length === 0) return new Map();
  const rows = await db.select().from(signInThrottle).where(sql`${signInThrottle.key} IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
  return new Map(rows.map((row) => [row.key, { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil }]));
}

/** Counts one failure for `key` atomically and locks the key when the rule's limit is reached. */
export async function recordFailure(db: Queryable, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const lockedUntil = new Date(now.getTime() + rule.lockMinutes * 60_000);
  await db.execute(sql`
    INSERT INTO sign_in_throttle AS t (key, failures, window_started_at, locked_until) VALUES (${key}, 1, ${now}, NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at > ${windowStart} THEN t.failures + 1 ELSE 1 END,
      window_started_at = CASE WHEN t.window_started_at > ${windowStart} THEN t.window_started_at ELSE ${now} END`);
  await db.execute(sql`UPDATE sign_in_throttle SET locked_until = ${lockedUntil}, failures = 0, window_started_at = ${now}
                        WHERE key = ${key} AND failures >= ${rule.maxFailures}`);
}

export async function clearThrottle(db: Queryable, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

// OpenID Connect sign-ins under way

export interface OidcLogin {
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  expiresAt: Date;
}

/** Stores a new sign-in and clears those that were never finished. */
export async function insertOidcLogin(db: Queryable, login: OidcLogin, now: Date): Promise<void> {
  await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
  await db.insert(oidcLogins).values(login);
}

/** Removes and returns the sign-in in one statement, so a state can be used only once (expired or not). */
export async function takeOidcLogin(db: Queryable, stateHash: string): Promise<OidcLogin | null> {
  const [row] = await db
    .delete(oidcLogins)
    .where(eq(oidcLogins.stateHash, stateHash))
    .returning({ stateHash: oidcLogins.stateHash, nonce: oidcLogins.nonce, codeVerifier: oidcLogins.codeVerifier, returnTo: oidcLogins.returnTo, expiresAt: oidcLogins.expiresAt });
  return row ?? null;
}
