/** All SQL of the survey capability (parameterised through drizzle's `sql` and query builder only). */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/audit/audit.js';
import { queryRows } from '../platform/db/rows.js';
import { organisations } from '../organisations/tables.js';
import { programmes } from '../catalogue/tables.js';
import { surveyAnswers, surveyInvitees, surveyQuestions, surveyRounds } from './tables.js';
import type { QuestionDefinition } from './questions.js';

export type RoundRow = typeof surveyRounds.$inferSelect;
export type QuestionRow = typeof surveyQuestions.$inferSelect;
export type InviteeRow = typeof surveyInvitees.$inferSelect;

export interface RoundCounts {
  invited: number;
  responded: number;
  submitted: number;
}

export interface RoundWithCounts extends RoundRow, RoundCounts {
  organisationName: string;
  organisationPath: string;
}

interface CountRow {
  round_id: string;
  invited: number;
  responded: number;
  submitted: number;
}

/** Invited, answered anything, submitted — per round, in one query. */
async function countsOf(db: Queryable, roundIds: string[]): Promise<Map<string, RoundCounts>> {
  if (roundIds.length === 0) return new Map();
  const rows = await queryRows<CountRow>(
    db,
    sql`SELECT round_id, count(*)::int AS invited, count(first_answered_at)::int AS responded, count(submitted_at)::int AS submitted
          FROM survey_invitees WHERE round_id IN (${sql.join(roundIds.map((id) => sql`${id}::uuid`), sql`, `)}) GROUP BY round_id`,
  );
  return new Map(rows.map((r) => [r.round_id, { invited: r.invited, responded: r.responded, submitted: r.submitted }]));
}

const roundColumns = { round: surveyRounds, organisationName: organisations.name, organisationPath: organisations.path };

export async function findRound(db: Queryable, id: string): Promise<RoundWithCounts | null> {
  const [row] = await db.select(roundColumns).from(surveyRounds).innerJoin(organisations, eq(organisations.id, surveyRounds.organisationId)).where(eq(surveyRounds.id, id));
  if (!row) return null;
  const counts = (await countsOf(db, [id])).get(id) ?? { invited: 0, responded: 0, submitted: 0 };
  return { ...row.round, organisationName: row.organisationName, organisationPath: row.organisationPath, ...counts };
}

/** The organisation a round belongs to, for access policies; null for an unknown round. */
export async function roundOrganisation(db: Queryable, id: string): Promise<string | null> {
  const [row] = await db.select({ organisationId: surveyRounds.organisationId }).from(surveyRounds).where(eq(surveyRounds.id, id)).limit(1);
  return row?.organisationId ?? null;
}

/**
 * Rounds in the organisations at or below any of `prefixes` (where the caller may read), optionally only
 * those at or below `within`; newest first, a page at a time.
 */
export async function listRounds(db: Queryable, prefixes: string[], within: string | null, page: number, pageSize: number): Promise<{ items: RoundWithCounts[]; total: number }> {
  if (prefixes.length === 0) return { items: [], total: 0 };
  const visible = sql.join(prefixes.map((prefix) => sql`${organisations.path} LIKE ${`${prefix}%`}`), sql` OR `);
  const where = within === null ? sql`(${visible})` : sql`(${visible}) AND ${organisations.path} LIKE ${`${within}%`}`;
  const rows = await db
    .select(roundColumns)
    .from(surveyRounds)
    .innerJoin(organisations, eq(organisations.id, surveyRounds.organisationId))
    .where(where)
    .orderBy(sql`${surveyRounds.createdAt} DESC`, asc(surveyRounds.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyRounds).innerJoin(organisations, eq(organisations.id, surveyRounds.organisationId)).where(where);
  const counts = await countsOf(db, rows.map((r) => r.round.id));
  return {
    items: rows.map((r) => ({ ...r.round, organisationName: r.organisationName, organisationPath: r.organisationPath, ...(counts.get(r.round.id) ?? { invited: 0, responded: 0, submitted: 0 }) })),
    total: total?.n ?? 0,
  };
}

// ---- questions

export interface QuestionWithCount extends QuestionRow {
  answerCount: number;
}

/** The questions asked now (current versions), in order, each with the number of answers given to it (any version). */
export async function currentQuestions(db: Queryable, roundId: string): Promise<QuestionWithCount[]> {
  const rows = await db
    .select({ question: surveyQuestions, answerCount: sql<number>`(SELECT count(*)::int FROM survey_answers a WHERE a.round_id = survey_questions.round_id AND a.question_key = survey_questions.key)` })
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.roundId, roundId), isNull(surveyQuestions.retiredAt)))
    .orderBy(asc(surveyQuestions.position), asc(surveyQuestions.key));
  return rows.map((r) => ({ ...r.question, answerCount: r.answerCount }));
}

export async function currentQuestion(db: Queryable, roundId: string, key: string): Promise<QuestionRow | null> {
  const [row] = await db.select().from(surveyQuestions).where(and(eq(surveyQuestions.roundId, roundId), eq(surveyQuestions.key, key), isNull(surveyQuestions.retiredAt)));
  return row ?? null;
}

/** The newest version of a key, retired or not (a re-added key continues its numbering). */
export async function latestVersion(db: Queryable, roundId: string, key: string): Promise<number> {
  const [row] = await db.select({ v: sql<number | null>`max(${surveyQuestions.version})` }).from(surveyQuestions).where(and(eq(surveyQuestions.roundId, roundId), eq(surveyQuestions.key, key)));
  return row?.v ?? 0;
}

export async function nextPosition(db: Queryable, roundId: string): Promise<number> {
  const [row] = await db.select({ p: sql<number>`COALESCE(max(${surveyQuestions.position}), 0)::int` }).from(surveyQuestions).where(eq(surveyQuestions.roundId, roundId));
  return (row?.p ?? 0) + 1;
}

export async function answerCount(db: Queryable, roundId: string, key: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyAnswers).where(and(eq(surveyAnswers.roundId, roundId), eq(surveyAnswers.questionKey, key)));
  return row?.n ?? 0;
}

export interface NewQuestion {
  key: string;
  version: number;
  position: number;
  section: string;
  required: boolean;
  definition: QuestionDefinition;
}

export async function insertQuestions(db: Queryable, roundId: string, questions: NewQuestion[]): Promise<QuestionRow[]> {
  if (questions.length === 0) return [];
  return db
    .insert(surveyQuestions)
    .values(questions.map((q) => ({ roundId, key: q.key, version: q.version, position: q.position, section: q.section, type: q.definition.type, required: q.required, definition: q.definition })))
    .returning();
}

/** The programme ids of the catalogue, for options and matrix rows taken from it. */
export async function catalogueIds(db: Queryable): Promise<Set<string>> {
  return new Set((await db.select({ id: programmes.id }).from(programmes)).map((r) => r.id));
}

export interface CatalogueRow {
  id: string;
  name: Record<string, string>;
}

/** Programme ids and names, by name in bokmål: the rows and options of questions taken from the catalogue. */
export async function catalogueRows(db: Queryable): Promise<CatalogueRow[]> {
  return (await db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(sql`${programmes.name}->>'nb'`, asc(programmes.id))) as CatalogueRow[];
}

// ---- invitees

export async function listInvitees(db: Queryable, roundId: string, page: number, pageSize: number): Promise<{ items: InviteeRow[]; total: number }> {
  const items = await db
    .select()
    .from(surveyInvitees)
    .where(eq(surveyInvitees.roundId, roundId))
    .orderBy(asc(surveyInvitees.municipalityCode), asc(surveyInvitees.name), asc(surveyInvitees.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyInvitees).where(eq(surveyInvitees.roundId, roundId));
  return { items, total: total?.n ?? 0 };
}

export async function findInvitee(db: Queryable, roundId: string, id: string): Promise<InviteeRow | null> {
  const [row] = await db.select().from(surveyInvitees).where(and(eq(surveyInvitees.roundId, roundId), eq(surveyInvitees.id, id)));
  return row ?? null;
}

/** The invitee of the round at an address (compared without case), if any. */
export async function inviteeAtAddress(db: Queryable, roundId: string, email: string): Promise<string | null> {
  const [row] = await db.select({ id: surveyInvitees.id }).from(surveyInvitees).where(and(eq(surveyInvitees.roundId, roundId), sql`lower(${surveyInvitees.email}) = lower(${email})`)).limit(1);
  return row?.id ?? null;
}

/** Addresses already invited to the round, lower-cased. */
export async function invitedEmails(db: Queryable, roundId: string): Promise<Set<string>> {
  return new Set((await db.select({ email: sql<string>`lower(${surveyInvitees.email})` }).from(surveyInvitees).where(eq(surveyInvitees.roundId, roundId))).map((r) => r.email));
}

export interface TreeUnit {
  id: string;
  name: string;
  kind: string;
  placeCode: string | null;
  path: string;
}

/** Organisations at or below `path` among `ids`, with what their invitation needs. */
export async function unitsInTree(db: Queryable, path: string, ids: string[]): Promise<TreeUnit[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, placeCode: organisations.placeCode, path: organisations.path })
    .from(organisations)
    .where(and(sql`${organisations.id} IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`, sql`${organisations.path} LIKE ${`${path}%`}`));
}

/** Every organisation on the paths above the given ones (for finding a unit's municipality). */
export async function organisationsById(db: Queryable, ids: string[]): Promise<Array<{ id: string; kind: string; placeCode: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, kind: organisations.kind, placeCode: organisations.placeCode })
    .from(organisations)
    .where(sql`${organisations.id} IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
}
