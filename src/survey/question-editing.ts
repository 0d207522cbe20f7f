/**
 * Editing a round's questionnaire. A question nobody has answered is changed in place. Once answers
 * exist, a change must be confirmed (409 `answers-exist` otherwise) and then makes a new version: the
 * old one is retired, and the answers given to it stay, tied to the version they answered.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import { HttpError } from '../platform/http/errors.js';
import { definitionProblem, type QuestionDefinition } from './questions.js';
import { answerCount, currentQuestion, insertQuestions, latestVersion, nextPosition, type QuestionRow } from './repository.js';
import { effectiveStatus, requireRound } from './rounds.js';
import { surveyQuestions } from './tables.js';

export interface QuestionInput {
  section?: string;
  required?: boolean;
  position?: number;
  definition: QuestionDefinition;
}

const auditState = (q: QuestionRow) => ({ key: q.key, version: q.version, position: q.position, section: q.section, type: q.type, required: q.required, definition: q.definition });

function assertDefinition(definition: QuestionDefinition): void {
  const problem = definitionProblem(definition);
  if (problem) throw new HttpError(422, 'invalid', problem.messageKey, { ...problem.params, field: `definition.${problem.field}` }, `definition.${problem.field}`);
}

async function editableRound(db: Db, roundId: string) {
  const round = await requireRound(db, roundId);
  const status = effectiveStatus(round);
  if (status === 'closed') throw new HttpError(409, 'round-state', 'surveyRoundState', { status });
  return round;
}

const unknownQuestion = (key: string) => new HttpError(404, 'not-found', 'surveyUnknownQuestion', { key }, 'key');

export async function addQuestion(db: Db, roundId: string, key: string, input: QuestionInput, actor: Actor): Promise<QuestionRow> {
  const round = await editableRound(db, roundId);
  assertDefinition(input.definition);
  return db.transaction(async (tx) => {
    if (await currentQuestion(tx, roundId, key)) throw new HttpError(409, 'key-taken', 'surveyQuestionKeyTaken', { key }, 'key');
    const [created] = await insertQuestions(tx, roundId, [
      { key, version: (await latestVersion(tx, roundId, key)) + 1, position: input.position ?? (await nextPosition(tx, roundId)), section: input.section ?? '', required: input.required ?? false, definition: input.definition },
    ]);
    await recordAudit(tx, { actor, organisationId: round.organisationId, action: 'survey-question-added', entityType: 'survey-question', entityId: created!.id, after: { roundId, ...auditState(created!) } });
    return created!;
  });
}

export interface EditResult {
  question: QuestionRow;
  /** A new version was made (answers existed); the previous version is retired. */
  newVersion: boolean;
}

export async function editQuestion(db: Db, roundId: string, key: string, input: QuestionInput & { confirmNewVersion?: boolean }, actor: Actor): Promise<EditResult> {
  const round = await editableRound(db, roundId);
  assertDefinition(input.definition);
  return db.transaction(async (tx) => {
    const current = await currentQuestion(tx, roundId, key);
    if (!current) throw unknownQuestion(key);
    if (current.type !== input.definition.type) throw new HttpError(422, 'invalid', 'surveyDefinitionTypeChanged', {}, 'definition.type');
    const changes = { section: input.section ?? current.section, required: input.required ?? current.required, position: input.position ?? current.position, definition: input.definition };
    const answers = await answerCount(tx, roundId, key);
    let question: QuestionRow;
    if (answers === 0) {
      [question] = (await tx.update(surveyQuestions).set(changes).where(eq(surveyQuestions.id, current.id)).returning()) as [QuestionRow];
    } else {
      if (!input.confirmNewVersion) throw new HttpError(409, 'answers-exist', 'surveyAnswersExist', { count: answers }, 'confirmNewVersion');
      await tx.update(surveyQuestions).set({ retiredAt: new Date() }).where(eq(surveyQuestions.id, current.id));
      [question] = (await insertQuestions(tx, roundId, [{ key, version: current.version + 1, ...changes }])) as [QuestionRow];
    }
    await recordAudit(tx, { actor, organisationId: round.organisationId, action: 'survey-question-changed', entityType: 'survey-question', entityId: question.id, before: { roundId, ...auditState(current) }, after: { roundId, ...auditState(question), answersKept: answers } });
    return { question, newVersion: answers > 0 };
  });
}

/** Stops asking a question; its answers are kept with their version. */
export async function retireQuestion(db: Db, roundId: string, key: string, actor: Actor): Promise<void> {
  const round = await editableRound(db, roundId);
  await db.transaction(async (tx) => {
    const [retired] = await tx
      .update(surveyQuestions)
      .set({ retiredAt: new Date() })
      .where(and(eq(surveyQuestions.roundId, roundId), eq(surveyQuestions.key, key), isNull(surveyQuestions.retiredAt)))
      .returning();
    if (!retired) throw unknownQuestion(key);
    await recordAudit(tx, { actor, organisationId: round.organisationId, action: 'survey-question-removed', entityType: 'survey-question', entityId: retired.id, before: { roundId, ...auditState(retired) } });
  });
}
