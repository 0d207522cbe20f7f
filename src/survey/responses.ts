/**
 * Answering through the personal link (no account: the token is the credential). A link works only
 * while its round is open and before its closing time; every other link — unknown, replaced, of a
 * draft, closed or deleted round — gets the same 404, so nobody learns whether a round exists.
 *
 * Answers are saved one question at a time: the later save of a question wins and touches no other
 * question, so two tabs of the same respondent never overwrite each other's other answers.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { hashToken } from '../platform/auth/tokens.js';
import { HttpError } from '../platform/http/errors.js';
import type { Queryable } from '../platform/audit/audit.js';
import { completenessProblem, validateAnswer, type AnswerProblem, type QuestionDefinition } from './questions.js';
import { catalogueIds, catalogueRows, currentQuestion, currentQuestions, type CatalogueRow, type QuestionRow } from './repository.js';
import { surveyAnswers, surveyInvitees, surveyRounds } from './tables.js';

export const linkInvalid = () => new HttpError(404, 'link-invalid', 'surveyLinkInvalid');

interface Respondent {
  inviteeId: string;
  name: string;
  submittedAt: Date | null;
  round: { id: string; title: string; introduction: string; closesAt: Date; language: string };
}

/** The invitee holding the token, if their round is open now (by the database's clock); else the 404. */
async function respondent(db: Queryable, token: string): Promise<Respondent> {
  const [row] = await db
    .select({ invitee: surveyInvitees, round: surveyRounds })
    .from(surveyInvitees)
    .innerJoin(surveyRounds, eq(surveyRounds.id, surveyInvitees.roundId))
    .where(and(eq(surveyInvitees.tokenHash, hashToken(token)), eq(surveyRounds.status, 'open'), gt(surveyRounds.closesAt, sql`now()`)));
  if (!row) throw linkInvalid();
  const { invitee, round } = row;
  return {
    inviteeId: invitee.id,
    name: invitee.name,
    submittedAt: invitee.submittedAt,
    round: { id: round.id, title: round.title, introduction: round.introduction, closesAt: round.closesAt, language: round.language },
  };
}

export interface StoredAnswer {
  value: unknown;
  questionVersion: number;
  updatedAt: Date;
}

export interface ResponseForm extends Omit<Respondent, 'inviteeId'> {
  questions: QuestionRow[];
  /** Programmes of the catalogue, for questions whose options or rows come from it. */
  catalogue: CatalogueRow[];
  answers: Record<string, StoredAnswer>;
}

const usesCatalogue = (definition: QuestionDefinition): boolean =>
  definition.type === 'matrix' ? definition.rowsFrom === 'catalogue' : definition.type === 'group' ? definition.fields.some((f) => 'optionsFrom' in f && f.optionsFrom === 'catalogue') : 'optionsFrom' in definition && definition.optionsFrom === 'catalogue';

async function answersOf(db: Queryable, inviteeId: string): Promise<Record<string, StoredAnswer>> {
  const rows = await db.select().from(surveyAnswers).where(eq(surveyAnswers.inviteeId, inviteeId));
  return Object.fromEntries(rows.map((a) => [a.questionKey, { value: a.value, questionVersion: a.questionVersion, updatedAt: a.updatedAt }]));
}

export async function responseForm(db: Db, token: string): Promise<ResponseForm> {
  const { inviteeId, ...who } = await respondent(db, token);
  const questions = await currentQuestions(db, who.round.id);
  const catalogue = questions.some((q) => usesCatalogue(q.definition as QuestionDefinition)) ? await catalogueRows(db) : [];
  return { ...who, questions, catalogue, answers: await answersOf(db, inviteeId) };
}

/** `earlier-projects` + `1.year` → `earlier-projects.1.year`: the question and the part at fault. */
const at = (key: string, problem: AnswerProblem) => (problem.field === '' ? key : `${key}.${problem.field}`);
const answerError = (status: number, key: string, problem: AnswerProblem) => {
  const field = at(key, problem);
  return new HttpError(status, 'invalid-answer', problem.messageKey, { ...problem.params, field }, field);
};

/**
 * Saves the answer to one question (null clears it). 404 for a question not asked now, 409 when the
 * respondent answered a version that has since been replaced, 422 naming the part of the answer at fault.
 */
export async function saveAnswer(db: Db, token: string, questionKey: string, questionVersion: number, value: unknown): Promise<{ updatedAt: Date }> {
  const { inviteeId, round } = await respondent(db, token);
  const question = await currentQuestion(db, round.id, questionKey);
  if (!question) throw new HttpError(404, 'not-found', 'surveyUnknownQuestion', { key: questionKey }, 'questionKey');
  if (question.version !== questionVersion) throw new HttpError(409, 'question-changed', 'surveyAnswerOldVersion', {}, 'questionVersion');
  const definition = question.definition as QuestionDefinition;
  const now = new Date();
  if (value === null) {
    await db.delete(surveyAnswers).where(and(eq(surveyAnswers.inviteeId, inviteeId), eq(surveyAnswers.questionKey, questionKey)));
    return { updatedAt: now };
  }
  const check = validateAnswer(definition, value, { catalogueIds: usesCatalogue(definition) ? await catalogueIds(db) : new Set() });
  if (!check.ok) throw answerError(422, questionKey, check.problem);
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(surveyAnswers)
      .values({ inviteeId, questionKey, roundId: round.id, questionVersion, value: check.value, updatedAt: now })
      .onConflictDoUpdate({ target: [surveyAnswers.inviteeId, surveyAnswers.questionKey], set: { value: check.value, questionVersion, updatedAt: now } })
      .returning({ updatedAt: surveyAnswers.updatedAt });
    await tx
      .update(surveyInvitees)
      .set({ firstAnsweredAt: sql`COALESCE(${surveyInvitees.firstAnsweredAt}, ${now})`, lastAnsweredAt: now })
      .where(eq(surveyInvitees.id, inviteeId));
    return { updatedAt: saved!.updatedAt };
  });
}

/** Marks the response submitted (again, after changes) once every required question is answered; 422 at the first gap. */
export async function submitResponse(db: Db, token: string): Promise<{ submittedAt: Date }> {
  const { inviteeId, round } = await respondent(db, token);
  const [questions, answers] = await Promise.all([currentQuestions(db, round.id), answersOf(db, inviteeId)]);
  for (const question of questions) {
    const problem = completenessProblem(question.definition as QuestionDefinition, question.required, answers[question.key]?.value);
    if (problem) throw answerError(422, question.key, problem);
  }
  const now = new Date();
  await db
    .update(surveyInvitees)
    .set({ submittedAt: now, firstAnsweredAt: sql`COALESCE(${surveyInvitees.firstAnsweredAt}, ${now})` })
    .where(eq(surveyInvitees.id, inviteeId));
  return { submittedAt: now };
}
