/** SQL of the calendar feeds: a person's secret, revocable ICS addresses for an organisation tree. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Queryable } from '../platform/audit/audit.js';
import type { MembershipAt } from '../organisations/roles.js';
import type { Language } from '../reference/codes.js';
import { organisations } from '../organisations/tables.js';
import { calendarFeeds } from './tables.js';

export interface FeedSummary {
  id: string;
  organisationId: string;
  organisationName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function insertFeed(tx: Queryable, feed: { userId: string; organisationId: string; tokenHash: string }): Promise<{ id: string; createdAt: Date }> {
  const [row] = await tx.insert(calendarFeeds).values(feed).returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
  return row!;
}

/** The person's feeds that still work, newest first. */
export async function listFeeds(db: Queryable, userId: string): Promise<FeedSummary[]> {
  return db
    .select({ id: calendarFeeds.id, organisationId: calendarFeeds.organisationId, organisationName: organisations.name, createdAt: calendarFeeds.createdAt, lastUsedAt: calendarFeeds.lastUsedAt })
    .from(calendarFeeds)
    .innerJoin(organisations, eq(organisations.id, calendarFeeds.organisationId))
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id));
}

/** Revokes the person's own feed; null when they have no such working feed. */
export async function revokeFeed(tx: Queryable, id: string, userId: string): Promise<{ organisationId: string } | null> {
  const [row] = await tx
    .update(calendarFeeds)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(calendarFeeds.id, id), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ organisationId: calendarFeeds.organisationId });
  return row ?? null;
}

export interface FeedOwner {
  feedId: string;
  organisationId: string;
  organisationName: string;
  language: Language;
  /** The owner's memberships now (not when the feed was made): access lost is access lost for the feed too. */
  memberships: MembershipAt[];
}

/** The working feed with this token hash, its organisation and its owner's current memberships, in one query. */
export async function feedByTokenHash(db: Db, tokenHash: string): Promise<FeedOwner | null> {
  const result = await db.execute(sql`
    select f.id as feed_id, o.id as organisation_id, o.name as organisation_name, u.language,
           coalesce((select json_agg(json_build_object('organisationId', mo.id, 'organisationPath', mo.path, 'role', m.role))
                       from memberships m join organisations mo on mo.id = m.organisation_id
                      where m.user_id = u.id), '[]'::json) as memberships
      from calendar_feeds f
      join users u on u.id = f.user_id
      join organisations o on o.id = f.organisation_id
     where f.token_hash = ${tokenHash} and f.revoked_at is null`);
  const row = (result as unknown as { rows: Array<Record<string, unknown>> }).rows[0];
  if (!row) return null;
  const memberships = typeof row.memberships === 'string' ? (JSON.parse(row.memberships) as MembershipAt[]) : (row.memberships as MembershipAt[]);
  return { feedId: String(row.feed_id), organisationId: String(row.organisation_id), organisationName: String(row.organisation_name), language: row.language as Language, memberships };
}

/** Notes when a feed was last fetched (at most once an hour: calendar clients poll often). */
export async function touchFeed(db: Queryable, feedId: string): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(calendarFeeds.id, feedId), sql`(${calendarFeeds.lastUsedAt} is null or ${calendarFeeds.lastUsedAt} < now() - interval '1 hour')`));
}
