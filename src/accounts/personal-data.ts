/**
 * A person's own data: everything the product holds about them as one download, and erasure of their
 * account. Erasure keeps the audit trail whole but without the person in it: their events stay, with
 * the actor replaced by a neutral label.
 */
import { Type, type Static } from '@sinclair/typebox';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import { auditEvents } from '../platform/audit/tables.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/rows.js';
import { HttpError } from '../platform/http/errors.js';
import { invitations, memberships, organisations } from '../organisations/tables.js';
import { findUserById } from './repository.js';
import { passwordResets, sessions, signInThrottle, userIdentities, users } from './tables.js';
import { emailKey } from './throttle.js';

/** Stands in for an erased person wherever the audit trail named them (language-neutral, like `system`). */
export const DELETED_USER_LABEL = 'deleted-user';

const Time = Type.String({ format: 'date-time' });
const OptionalTime = Type.Union([Time, Type.Null()]);

export const PersonalDataExport = Type.Object(
  {
    format: Type.Literal('mulighetsrom-personal-data/1'),
    exportedAt: Time,
    profile: Type.Object({
      id: Type.String({ format: 'uuid' }),
      email: Type.String(),
      name: Type.String(),
      language: Type.String(),
      systemAdministrator: Type.Boolean(),
      hasPassword: Type.Boolean({ description: 'Whether a password is set (the hash itself is never exported)' }),
      createdAt: Time,
      lastSignInAt: OptionalTime,
    }),
    memberships: Type.Array(Type.Object({ organisationId: Type.String(), organisationName: Type.String(), organisationKind: Type.String(), role: Type.String(), since: Time })),
    identities: Type.Array(Type.Object({ issuer: Type.String(), subject: Type.String(), linkedAt: Time }), { description: 'Sign-in identities (OpenID Connect) linked to the account' }),
    sessions: Type.Array(Type.Object({ method: Type.String(), userAgent: Type.Union([Type.String(), Type.Null()]), createdAt: Time, lastSeenAt: Time, expiresAt: Time })),
    invitationsSent: Type.Array(
      Type.Object({ organisationId: Type.String(), organisationName: Type.String(), email: Type.String(), role: Type.String(), createdAt: Time, expiresAt: Time, acceptedAt: OptionalTime, revokedAt: OptionalTime }),
    ),
    invitationsReceived: Type.Array(
      Type.Object({
        organisationId: Type.String(),
        organisationName: Type.String(),
        role: Type.String(),
        invitedBy: Type.Union([Type.String(), Type.Null()]),
        createdAt: Time,
        expiresAt: Time,
        acceptedAt: OptionalTime,
        revokedAt: OptionalTime,
      }),
    ),
    passwordResets: Type.Array(Type.Object({ requestedAt: Time, expiresAt: Time, usedAt: OptionalTime }), { description: 'Times only; the links themselves are never stored' }),
    auditEvents: Type.Array(
      Type.Object({
        id: Type.Integer(),
        at: Time,
        actor: Type.String(),
        action: Type.String(),
        entityType: Type.String(),
        entityId: Type.String(),
        organisationId: Type.Union([Type.String(), Type.Null()]),
        before: Type.Unknown(),
        after: Type.Unknown(),
      }),
      { description: 'Events where I acted, events about my account (entity `user`) or my memberships (entity `membership`), and events whose details name my e-mail address (e.g. invitations to me)' },
    ),
  },
  {
    title: 'PersonalDataExport',
    description:
      'Everything Mulighetsrom holds about the signed-in person, as of `exportedAt`: profile, memberships, linked ' +
      'sign-in identities, sessions (no tokens), invitations sent and received (sent to my address or accepted by me), ' +
      'password reset requests (times only) and the audit events about them. Times are ISO 8601 in UTC.',
  },
);
export type PersonalDataExport = Static<typeof PersonalDataExport>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

interface AuditRow {
  id: number | string;
  at: string | Date;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  organisation_id: string | null;
  before: unknown;
  after: unknown;
}

export async function exportPersonalData(db: Db, userId: string, now = new Date()): Promise<PersonalDataExport | null> {
  const user = await findUserById(db, userId);
  if (!user) return null;
  const invitationColumns = {
    organisationId: invitations.organisationId,
    organisationName: organisations.name,
    email: invitations.email,
    role: invitations.role,
    createdAt: invitations.createdAt,
    expiresAt: invitations.expiresAt,
    acceptedAt: invitations.acceptedAt,
    revokedAt: invitations.revokedAt,
  };
  const [membershipRows, identityRows, sessionRows, sentRows, receivedRows, resetRows, auditRows] = await Promise.all([
    db
      .select({ organisationId: organisations.id, organisationName: organisations.name, organisationKind: organisations.kind, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organisations.path)),
    db.select().from(userIdentities).where(eq(userIdentities.userId, userId)).orderBy(asc(userIdentities.createdAt)),
    db
      .select({ method: sessions.method, userAgent: sessions.userAgent, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt)),
    db.select(invitationColumns).from(invitations).innerJoin(organisations, eq(organisations.id, invitations.organisationId)).where(eq(invitations.invitedBy, userId)).orderBy(asc(invitations.createdAt)),
    db
      .select({ ...invitationColumns, invitedBy: users.name })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      // Sent to my address, or accepted by me while signed in under another address.
      .where(sql`lower(${invitations.email}) = lower(${user.email}) OR ${invitations.acceptedBy} = ${userId}`)
      .orderBy(asc(invitations.createdAt)),
    db.select().from(passwordResets).where(eq(passwordResets.userId, userId)).orderBy(asc(passwordResets.createdAt)),
    queryRows<AuditRow>(
      db,
      sql`SELECT id, at, actor_label, action, entity_type, entity_id, organisation_id, before, after FROM audit_events
           WHERE actor_user_id = ${userId}
              OR (entity_type = 'user' AND entity_id = ${userId})
              OR (entity_type = 'membership' AND entity_id LIKE ${`%/${userId}`})
              OR strpos(lower(before::text), ${user.email.toLowerCase()}) > 0
              OR strpos(lower(after::text), ${user.email.toLowerCase()}) > 0
           ORDER BY at, id`,
    ),
  ]);
  return {
    format: 'mulighetsrom-personal-data/1',
    exportedAt: iso(now),
    profile: {
      id: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      systemAdministrator: user.systemAdministrator,
      hasPassword: user.passwordHash !== null,
      createdAt: iso(user.createdAt),
      lastSignInAt: isoOrNull(user.lastSignInAt),
    },
    memberships: membershipRows.map((m) => ({ ...m, since: iso(m.since) })),
    identities: identityRows.map((i) => ({ issuer: i.issuer, subject: i.subject, linkedAt: iso(i.createdAt) })),
    sessions: sessionRows.map((s) => ({ ...s, createdAt: iso(s.createdAt), lastSeenAt: iso(s.lastSeenAt), expiresAt: iso(s.expiresAt) })),
    invitationsSent: sentRows.map((i) => ({ ...i, createdAt: iso(i.createdAt), expiresAt: iso(i.expiresAt), acceptedAt: isoOrNull(i.acceptedAt), revokedAt: isoOrNull(i.revokedAt) })),
    invitationsReceived: receivedRows.map((i) => ({
      organisationId: i.organisationId,
      organisationName: i.organisationName,
      role: i.role,
      invitedBy: i.invitedBy,
      createdAt: iso(i.createdAt),
      expiresAt: iso(i.expiresAt),
      acceptedAt: isoOrNull(i.acceptedAt),
      revokedAt: isoOrNull(i.revokedAt),
    })),
    passwordResets: resetRows.map((r) => ({ requestedAt: iso(r.createdAt), expiresAt: iso(r.expiresAt), usedAt: isoOrNull(r.usedAt) })),
    auditEvents: auditRows.map((e) => ({
      id: Number(e.id),
      at: iso(new Date(e.at)),
      actor: e.actor_label,
      action: e.action,
      entityType: e.entity_type,
      entityId: e.entity_id,
      organisationId: e.organisation_id,
      before: e.before,
      after: e.after,
    })),
  };
}

/**
 * The organisations where the person is the only administrator. Their administrator memberships are
 * locked first, so two administrators leaving at the same moment cannot both pass this check.
 */
export async function solelyAdministeredOrganisations(tx: Queryable, userId: string): Promise<string[]> {
  await tx.execute(sql`SELECT 1 FROM memberships WHERE role = 'administrator'
                         AND organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = ${userId} AND role = 'administrator')
                       FOR UPDATE`);
  const rows = await queryRows<{ organisation_id: string }>(
    tx,
    sql`SELECT m.organisation_id FROM memberships m
         WHERE m.user_id = ${userId} AND m.role = 'administrator'
           AND NOT EXISTS (SELECT 1 FROM memberships other
                            WHERE other.organisation_id = m.organisation_id AND other.role = 'administrator' AND other.user_id <> ${userId})`,
  );
  return rows.map((row) => row.organisation_id);
}

/** `a.b+c@x.no` as a regular expression that matches only itself (case-insensitively, with the `i` flag). */
function literalPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type ErasureReason = 'requested' | 'inactive';

/**
 * Deletes the account and what hangs on it (memberships, sessions, identities, reset links go with the
 * row), the invitations sent to its address and its sign-in throttle entry, and takes the person out of
 * the audit trail: their name and address as actor, the details of events about their account, and
 * their address wherever an event's before/after still holds it. Call inside a transaction.
 */
export async function eraseAccount(tx: Queryable, user: { id: string; email: string }, reason: ErasureReason, actor: Actor): Promise<void> {
  await tx.update(auditEvents).set({ actorUserId: null, actorLabel: DELETED_USER_LABEL }).where(eq(auditEvents.actorUserId, user.id));
  await tx.update(auditEvents).set({ before: null, after: null }).where(and(eq(auditEvents.entityType, 'user'), eq(auditEvents.entityId, user.id)));
  // E-mail addresses contain no characters that JSON escapes, so the address appears verbatim in the text.
  const address = literalPattern(user.email.trim());
  for (const column of ['before', 'after'] as const) {
    await tx.execute(sql`UPDATE audit_events SET ${sql.identifier(column)} = regexp_replace(${sql.identifier(column)}::text, ${address}, ${DELETED_USER_LABEL}, 'gi')::jsonb
                          WHERE ${sql.identifier(column)}::text ~* ${address}`);
  }
  await tx.delete(invitations).where(sql`lower(${invitations.email}) = lower(${user.email.trim()})`);
  await tx.delete(signInThrottle).where(eq(signInThrottle.key, emailKey(user.email)));
  await tx.delete(users).where(eq(users.id, user.id));
  await recordAudit(tx, { actor, organisationId: null, action: 'account-deleted', entityType: 'user', entityId: user.id, after: { reason } });
}

/** What the person's own request for deletion is recorded as: no name, no address. */
const SELF_ERASURE_ACTOR: Actor = { userId: null, label: DELETED_USER_LABEL };

/** Deletes the signed-in person's account when they confirm it with their own e-mail address. */
export async function deleteOwnAccount(db: Db, person: { userId: string; email: string }, confirmEmail: string): Promise<void> {
  if (confirmEmail.trim().toLowerCase() !== person.email.trim().toLowerCase()) {
    throw new HttpError(422, 'confirmation-mismatch', 'confirmEmailMismatch', {}, 'confirmEmail');
  }
  await db.transaction(async (tx) => {
    if ((await solelyAdministeredOrganisations(tx, person.userId)).length > 0) throw new HttpError(409, 'last-administrator', 'lastAdministrator');
    await eraseAccount(tx, { id: person.userId, email: person.email }, 'requested', SELF_ERASURE_ACTOR);
  });
}
