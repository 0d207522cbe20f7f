/** All SQL of calls and deadlines. */
import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Call } from './parse.js';
import { calls } from './tables.js';

const INSERT_CHUNK = 200;

/** Makes the stored calls of one source equal to `incoming`, in one transaction. */
export async function replaceCallsOfSource(db: Db, source: string, incoming: Call[]): Promise<{ calls: number; linked: number }> {
  return db.transaction(async (tx) => {
    await tx.delete(calls).where(eq(calls.source, source));
    for (let start = 0; start < incoming.length; start += INSERT_CHUNK) {
      await tx.insert(calls).values(incoming.slice(start, start + INSERT_CHUNK));
    }
    return { calls: incoming.length, linked: incoming.filter((call) => call.programmeId !== null).length };
  });
}

export async function countCalls(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(calls);
  return row?.count ?? 0;
}

/** The next deadline on or after `today` of each catalogue programme that has one. */
export async function nextDeadlines(db: Db, today: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ programmeId: calls.programmeId, deadline: sql<string>`min(${calls.deadline})::text` })
    .from(calls)
    .where(and(isNotNull(calls.programmeId), gte(calls.deadline, today), inArray(calls.status, ['open', 'forthcoming'])))
    .groupBy(calls.programmeId);
  return new Map(rows.map((row) => [row.programmeId!, row.deadline]));
}

export async function upcomingCalls(db: Db, programmeId: string, today: string, page: number, pageSize: number) {
  const where = and(eq(calls.programmeId, programmeId), gte(calls.deadline, today), inArray(calls.status, ['open', 'forthcoming']));
  const rows = await db
    .select({
      id: calls.id,
      title: calls.title,
      callIdentifier: calls.callIdentifier,
      deadline: calls.deadline,
      status: calls.status,
      url: calls.url,
      budgetMinEur: calls.budgetMinEur,
      budgetMaxEur: calls.budgetMaxEur,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(calls)
    .where(where)
    .orderBy(asc(calls.deadline), asc(calls.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: rows[0]?.total ?? 0 };
}
