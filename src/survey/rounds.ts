/**
 * Survey rounds: created with a copy of the default questionnaire, changed with optimistic concurrency
 * (the caller's `version`), opened (invitations go out), closed (every personal link stops working),
 * deleted. Every change writes its audit event in the same transaction.
 */
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import { HttpError } from '../platform/http/errors.js';
import type { Language } from '../reference/codes.js';
import { findRound, insertQuestions, type RoundRow, type RoundWithCounts } from './repository.js';
import { surveyInvitees, surveyQuestions, surveyRounds } from './tables.js';
import { DEFAULT_TEMPLATE } from './template.js';

export const ROUND_STATUSES = ['draft', 'open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** Reminders by default a week and two days before closing; answers kept a year after closing. */
export const DEFAULT_REMINDER_DAYS = [7, 2];
export const DEFAULT_RETENTION_MONTHS = 12;
export const DEFAULT_MIN_GROUP_SIZE = 3;

export interface RoundFields {
  title: string;
  introduction: string;
  opensAt: Date | null;
  closesAt: Date;
  reminderDays: number[];
  minGroupSize: number;
  retentionUntil: Date;
  language: Language;
}

export type NewRound = Pick<RoundFields, 'title' | 'closesAt'> & Partial<RoundFields>;

/** An open round whose closing time has passed is closed, whether or not the job has recorded it yet. */
export function effectiveStatus(round: Pick<RoundRow, 'status' | 'closesAt'>, now = new Date()): RoundStatus {
  if (round.status === 'open' && round.closesAt <= now) return 'closed';
  return round.status as RoundStatus;
}

export function monthsAfter(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** The dates' order: opening before closing before deletion. */
function assertDates(fields: Pick<RoundFields, 'opensAt' | 'closesAt' | 'retentionUntil'>): void {
  if (fields.opensAt && fields.opensAt >= fields.closesAt) throw new HttpError(422, 'invalid', 'surveyDatesOrder', { rule: 'opensAt < closesAt' }, 'opensAt');
  if (fields.retentionUntil <= fields.closesAt) throw new HttpError(422, 'invalid', 'surveyDatesOrder', { rule: 'closesAt < retentionUntil' }, 'retentionUntil');
}

const normalisedReminderDays = (days: number[]) => [...new Set(days)].sort((a, b) => b - a);

/** What the audit trail keeps of a round. */
const auditState = (round: RoundRow) => ({
  title: round.title,
  status: round.status,
  opensAt: round.opensAt,
  closesAt: round.closesAt,
  reminderDays: round.reminderDays,
  minGroupSize: round.minGroupSize,
  retentionUntil: round.retentionUntil,
  language: round.language,
});

const notFound = (id: string) => new HttpError(404, 'not-found', 'notFound', { what: `survey round ${id}` }, 'id');

export async function requireRound(db: Queryable, id: string): Promise<RoundWithCounts> {
  const round = await findRound(db, id);
  if (!round) throw notFound(id);
  return round;
}

export async function createRound(db: Db, organisationId: string, input: NewRound, actor: Actor, now = new Date()): Promise<RoundWithCounts> {
  if (input.closesAt <= now) throw new HttpError(422, 'invalid', 'surveyClosesInPast', {}, 'closesAt');
  const fields: RoundFields = {
    title: input.title.trim(),
    introduction: input.introduction?.trim() ?? '',
    opensAt: input.opensAt ?? null,
    closesAt: input.closesAt,
    reminderDays: normalisedReminderDays(input.reminderDays ?? DEFAULT_REMINDER_DAYS),
    minGroupSize: input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
    retentionUntil: input.retentionUntil ?? monthsAfter(input.closesAt, DEFAULT_RETENTION_MONTHS),
    language: input.language ?? 'nb',
  };
  assertDates(fields);
  const id = await db.transaction(async (tx) => {
    const [round] = await tx.insert(surveyRounds).values({ organisationId, ...fields, createdBy: actor.userId }).returning();
    await insertQuestions(
      tx,
      round!.id,
      DEFAULT_TEMPLATE.map((q, index) => ({ key: q.key, version: 1, position: index + 1, section: q.section, required: q.required, definition: q.definition })),
    );
    await recordAudit(tx, { actor, organisationId, action: 'survey-round-created', entityType: 'survey-round', entityId: round!.id, after: { ...auditState(round!), questions: DEFAULT_TEMPLATE.length } });
    return round!.id;
  });
  return requireRound(db, id);
}

export async function updateRound(db: Db, id: string, version: number, changes: Partial<RoundFields>, actor: Actor, now = new Date()): Promise<RoundWithCounts> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(surveyRounds).where(eq(surveyRounds.id, id)).for('update');
    if (!current) throw notFound(id);
    if (current.version !== version) throw new HttpError(409, 'conflict', 'surveyRoundConflict', {}, 'version');
    const status = effectiveStatus(current, now);
    if (changes.closesAt !== undefined && changes.closesAt.getTime() !== current.closesAt.getTime()) {
      if (status === 'closed') throw new HttpError(409, 'round-state', 'surveyRoundState', { status }, 'closesAt');
      if (changes.closesAt <= now) throw new HttpError(422, 'invalid', 'surveyClosesInPast', {}, 'closesAt');
    }
    const next: RoundFields = {
      title: changes.title?.trim() ?? current.title,
      introduction: changes.introduction?.trim() ?? current.introduction,
      opensAt: changes.opensAt === undefined ? current.opensAt : changes.opensAt,
      closesAt: changes.closesAt ?? current.closesAt,
      reminderDays: changes.reminderDays ? normalisedReminderDays(changes.reminderDays) : current.reminderDays,
      minGroupSize: changes.minGroupSize ?? current.minGroupSize,
      retentionUntil: changes.retentionUntil ?? current.retentionUntil,
      language: changes.language ?? (current.language as Language),
    };
    assertDates(next);
    const [updated] = await tx
      .update(surveyRounds)
      .set({ ...next, version: current.version + 1, updatedAt: now })
      .where(eq(surveyRounds.id, id))
      .returning();
    await recordAudit(tx, { actor, organisationId: current.organisationId, action: 'survey-round-changed', entityType: 'survey-round', entityId: id, before: auditState(current), after: auditState(updated!) });
  });
  return requireRound(db, id);
}

export async function deleteRound(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await requireRound(tx, id);
    await tx.delete(surveyRounds).where(eq(surveyRounds.id, id));
    await recordAudit(tx, {
      actor,
      organisationId: round.organisationId,
      action: 'survey-round-deleted',
      entityType: 'survey-round',
      entityId: id,
      before: { ...auditState(round), invited: round.invited, responded: round.responded, submitted: round.submitted },
    });
  });
}

/**
 * Marks a draft round open; the caller then sends the invitations. 409 unless a draft; 422 without
 * questions or invitees, or when the closing date has passed.
 */
export async function markOpen(db: Db, id: string, actor: Actor, now = new Date()): Promise<RoundWithCounts> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(surveyRounds).where(eq(surveyRounds.id, id)).for('update');
    if (!current) throw notFound(id);
    if (current.status !== 'draft') throw new HttpError(409, 'round-state', 'surveyRoundState', { status: effectiveStatus(current, now) });
    if (current.closesAt <= now) throw new HttpError(422, 'invalid', 'surveyClosesInPast', {}, 'closesAt');
    const [questions] = await tx.select({ n: sql<number>`count(*)::int` }).from(surveyQuestions).where(and(eq(surveyQuestions.roundId, id), sql`${surveyQuestions.retiredAt} IS NULL`));
    if ((questions?.n ?? 0) === 0) throw new HttpError(422, 'invalid', 'surveyNoQuestions');
    const [invitees] = await tx.select({ n: sql<number>`count(*)::int` }).from(surveyInvitees).where(eq(surveyInvitees.roundId, id));
    if ((invitees?.n ?? 0) === 0) throw new HttpError(422, 'invalid', 'surveyNoInvitees');
    const [opened] = await tx
      .update(surveyRounds)
      .set({ status: 'open', opensAt: current.opensAt && current.opensAt < now ? current.opensAt : now, version: current.version + 1, updatedAt: now })
      .where(eq(surveyRounds.id, id))
      .returning();
    await recordAudit(tx, { actor, organisationId: current.organisationId, action: 'survey-round-opened', entityType: 'survey-round', entityId: id, before: auditState(current), after: auditState(opened!) });
  });
  return requireRound(db, id);
}

async function close(tx: Queryable, current: RoundRow, actor: Actor, now: Date): Promise<void> {
  const [closed] = await tx
    .update(surveyRounds)
    .set({ status: 'closed', closesAt: current.closesAt < now ? current.closesAt : now, version: current.version + 1, updatedAt: now })
    .where(eq(surveyRounds.id, current.id))
    .returning();
  await recordAudit(tx, { actor, organisationId: current.organisationId, action: 'survey-round-closed', entityType: 'survey-round', entityId: current.id, before: auditState(current), after: auditState(closed!) });
}

/** Closes a round now (a draft too: it is then never sent); every personal link stops working. */
export async function closeRound(db: Db, id: string, actor: Actor, now = new Date()): Promise<RoundWithCounts> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(surveyRounds).where(eq(surveyRounds.id, id)).for('update');
    if (!current) throw notFound(id);
    if (current.status === 'closed') throw new HttpError(409, 'round-state', 'surveyRoundState', { status: 'closed' });
    await close(tx, current, actor, now);
  });
  return requireRound(db, id);
}

/** Drafts whose opening time has come and whose closing time has not (the periodic job opens them). */
export async function roundsDueToOpen(db: Db, now = new Date()): Promise<string[]> {
  const due = await db
    .select({ id: surveyRounds.id })
    .from(surveyRounds)
    .where(and(eq(surveyRounds.status, 'draft'), lte(surveyRounds.opensAt, now), sql`${surveyRounds.closesAt} > ${now}`));
  return due.map((round) => round.id);
}

/** Records as closed the open rounds whose closing time has passed (run by the periodic job). */
export async function closeDueRounds(db: Db, actor: Actor, now = new Date()): Promise<number> {
  const due = await db.select({ id: surveyRounds.id }).from(surveyRounds).where(and(eq(surveyRounds.status, 'open'), lte(surveyRounds.closesAt, now)));
  let closed = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [current] = await tx.select().from(surveyRounds).where(and(eq(surveyRounds.id, id), eq(surveyRounds.status, 'open'))).for('update');
      if (!current) return;
      await close(tx, current, actor, now);
      closed++;
    });
  }
  return closed;
}
