/** How questions look in responses, for the coordinators' and the respondent's routes alike. */
import { Type, type Static } from '@sinclair/typebox';
import { QuestionDefinition } from './questions.js';
import type { QuestionWithCount } from './repository.js';

export const Question = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    key: Type.String(),
    version: Type.Integer(),
    position: Type.Integer(),
    section: Type.String(),
    type: Type.String(),
    required: Type.Boolean(),
    definition: QuestionDefinition,
    answerCount: Type.Integer({ description: 'Answers given to this question, any version' }),
  },
  { title: 'SurveyQuestion' },
);

export function presentQuestion(question: QuestionWithCount): Static<typeof Question> {
  return {
    id: question.id,
    key: question.key,
    version: question.version,
    position: question.position,
    section: question.section,
    type: question.type,
    required: question.required,
    definition: question.definition as QuestionDefinition,
    answerCount: question.answerCount,
  };
}
