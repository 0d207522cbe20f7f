/**
 * Retention: the settings a top-level organisation's administrators choose for their tree, and the job
 * that deletes what is past its time (run at start-up, daily, and by `mulighetsrom retention run`).
 */
import { eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import { DEFAULT_SESSION_SETTINGS, type SessionSettings } from '../platform/auth/principal.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/rows.js';
import { HttpError } from '../platform/http/errors.js';
import { findOrganisation } from '../organisations/organisations.js';
import { retentionSettings } from '../organisations/tables.js';
import { eraseAccount, solelyAdministeredOrganisations } from './personal-data.js';
import { deleteExpiredSessions } from './repository.js';
import {
  daysBefore,
  DEFAULT_RETENTION,
  ENDED_LINK_DAYS,
  isInactiveAccountDue,
  monthsBefore,
  RETENTION_LIMITS,
  systemWideAuditMonths,
  THROTTLE_WINDOW_MINUTES,
  type RetentionPeriods,
} from './retention-rules.js';

/** Retention is set for a whole tree, at its top; 422 naming the organisation otherwise. */
export async function assertTopLevel(db: Queryable, organisationId: string): Promise<void> {
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation) throw new HttpError(404, 'not-found', 'notFound', { what: `organisation ${organisationId}` }, 'id');
  if (organisation.parentId !== null) throw new HttpError(422, 'not-top-level', 'retentionTopLevelOnly', {}, 'id');
}

export async function retentionOf(db: Queryable, organisationId: string): Promise<RetentionPeriods> {
  const [row] = await db
    .select({ auditMonths: retentionSettings.auditMonths, inactiveAccountMonths: retentionSettings.inactiveAccountMonths })
    .from(retentionSettings)
    .where(eq(retentionSettings.organisationId, organisationId));
  return row ?? DEFAULT_RETENTION;
}

export async function setRetention(db: Db, organisationId: string, periods: RetentionPeriods, actor: Actor): Promise<RetentionPeriods> {
  return db.transaction(async (tx) => {
    const before = await retentionOf(tx, organisationId);
    await tx
      .insert(retentionSettings)
      .values({ organisationId, ...periods })
      .onConflictDoUpdate({ target: retentionSettings.organisationId, set: { ...periods, updatedAt: new Date() } });
    await recordAudit(tx, { actor, organisationId, action: 'retention-changed', entityType: 'retention', entityId: organisationId, before, after: periods });
    return periods;
  });
}

export interface RetentionCounts {
  auditEvents: number;
  sessions: number;
  passwordResets: number;
  invitations: number;
  signInThrottle: number;
  /** OpenID Connect sign-ins started but never finished. */
  oidcLogins: number;
  accounts: number;
}

const RETENTION_ACTOR: Actor = { userId: null, label: 'retention' };

/** Runs one DELETE … RETURNING and counts its rows without carrying them back. */
async function countDeleted(db: Queryable, deletion: SQL): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`WITH deleted AS (${deletion} RETURNING 1) SELECT count(*)::int AS count FROM deleted`);
  return row?.count ?? 0;
}

interface TreeRetentionRow {
  organisation_id: string;
  audit_months: number | null;
  inactive_account_months: number | null;
}

async function deleteOldAuditEvents(db: Db, now: Date): Promise<number> {
  const trees = (
    await queryRows<TreeRetentionRow>(
      db,
      sql`SELECT o.id AS organisation_id, r.audit_months FROM organisations o LEFT JOIN retention_settings r ON r.organisation_id = o.id WHERE o.parent_id IS NULL`,
    )
  ).map((row) => ({ id: row.organisation_id, auditMonths: row.audit_months ?? DEFAULT_RETENTION.auditMonths }));
  let deleted = 0;
  for (const tree of trees) {
    deleted += await countDeleted(db, sql`DELETE FROM audit_events WHERE organisation_path LIKE ${`/${tree.id}/%`} AND at < ${monthsBefore(now, tree.auditMonths)}`);
  }
  // System-wide events, and those of trees that no longer exist.
  deleted += await countDeleted(
    db,
    sql`DELETE FROM audit_events
         WHERE at < ${monthsBefore(now, systemWideAuditMonths(trees))}
           AND (organisation_path IS NULL OR split_part(organisation_path, '/', 2) NOT IN (SELECT id::text FROM organisations WHERE parent_id IS NULL))`,
  );
  return deleted;
}

interface InactiveRow {
  email: string;
  system_administrator: boolean;
  last_active_at: string | Date;
  membership_months: (number | null)[] | string;
}

/** Deletes accounts unused for longer than their trees allow; each in its own transaction, checked again under lock. */
async function deleteInactiveAccounts(db: Db, now: Date): Promise<number> {
  const candidates = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM users
         WHERE NOT system_administrator AND COALESCE(last_sign_in_at, created_at) < ${monthsBefore(now, RETENTION_LIMITS.inactiveAccountMonths.min)}`,
  );
  let deleted = 0;
  for (const { id } of candidates) {
    const erased = await db.transaction(async (tx) => {
      const [row] = await queryRows<InactiveRow>(
        tx,
        sql`SELECT u.email, u.system_administrator, COALESCE(u.last_sign_in_at, u.created_at) AS last_active_at,
                   COALESCE((SELECT json_agg(r.inactive_account_months)
                               FROM memberships m
                               JOIN organisations o ON o.id = m.organisation_id
                               LEFT JOIN retention_settings r ON r.organisation_id::text = split_part(o.path, '/', 2)
                              WHERE m.user_id = u.id), '[]'::json) AS membership_months
              FROM users u WHERE u.id = ${id} FOR UPDATE OF u`,
      );
      if (!row) return false;
      const due = isInactiveAccountDue(
        {
          lastActiveAt: new Date(row.last_active_at),
          systemAdministrator: row.system_administrator,
          soleAdministrator: (await solelyAdministeredOrganisations(tx, id)).length > 0,
          membershipMonths: typeof row.membership_months === 'string' ? (JSON.parse(row.membership_months) as (number | null)[]) : row.membership_months,
        },
        now,
      );
      if (due) await eraseAccount(tx, { id, email: row.email }, 'inactive', RETENTION_ACTOR);
      return due;
    });
    if (erased) deleted += 1;
  }
  return deleted;
}

/** Deletes everything past its retention period and says how much of each. */
export async function applyRetention(db: Db, now = new Date(), sessionSettings: SessionSettings = DEFAULT_SESSION_SETTINGS): Promise<RetentionCounts> {
  const endedLinksBefore = daysBefore(now, ENDED_LINK_DAYS);
  return {
    auditEvents: await deleteOldAuditEvents(db, now),
    sessions: await deleteExpiredSessions(db, new Date(now.getTime() - sessionSettings.idleMinutes * 60_000), now),
    passwordResets: await countDeleted(db, sql`DELETE FROM password_resets WHERE expires_at < ${endedLinksBefore}`),
    invitations: await countDeleted(db, sql`DELETE FROM invitations WHERE expires_at < ${endedLinksBefore}`),
    signInThrottle: await countDeleted(
      db,
      sql`DELETE FROM sign_in_throttle WHERE window_started_at < ${new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000)} AND (locked_until IS NULL OR locked_until < ${now})`,
    ),
    oidcLogins: await countDeleted(db, sql`DELETE FROM oidc_logins WHERE expires_at < ${now}`),
    accounts: await deleteInactiveAccounts(db, now),
  };
}
