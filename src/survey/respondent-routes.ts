/**
 * The respondent's API behind the personal link (public: the token is the credential; web page /svar/<token>).
 * Every link that does not work gets the same 404 and message. Failed look-ups are counted per client
 * address; too many within a window get 429, so guessing links is slow as well as hopeless. Tokens are
 * never logged (the request log holds no path of these routes; see platform/app.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { stringEnum } from '../platform/string-enum.js';
import { LANGUAGES } from '../reference/codes.js';
import { QUESTION_KEY_PATTERN } from './questions.js';
import { responseForm, saveAnswer, submitResponse } from './responses.js';
import { presentQuestion, Question } from './presenters.js';

const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of error messages'));
const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });
const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
const AnswerParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }), questionKey: Type.String({ pattern: QUESTION_KEY_PATTERN }) });

/** Failed look-ups allowed per client address within the window. */
const FAILURES_ALLOWED = 30;
const WINDOW_MS = 15 * 60_000;
const TRACKED_CLIENTS = 10_000;

/** Counts failed link look-ups per client address in memory (one process); forgets after the window. */
export function linkThrottle(now: () => number = Date.now) {
  const failures = new Map<string, { count: number; since: number }>();
  return {
    assertAllowed(client: string): void {
      const entry = failures.get(client);
      if (entry && now() - entry.since < WINDOW_MS && entry.count >= FAILURES_ALLOWED) throw new HttpError(429, 'too-many-attempts', 'surveyTooManyAttempts');
    },
    failed(client: string): void {
      const entry = failures.get(client);
      if (!entry || now() - entry.since >= WINDOW_MS) {
        if (failures.size >= TRACKED_CLIENTS) failures.delete(failures.keys().next().value!);
        failures.set(client, { count: 1, since: now() });
      } else entry.count++;
    },
  };
}

const Respondent = Type.Object(
  {
    round: Type.Object({ title: Type.String(), introduction: Type.String(), closesAt: Type.String({ format: 'date-time' }), language: stringEnum(LANGUAGES) }),
    respondent: Type.Object({ name: Type.String() }),
    questions: Type.Array(Type.Omit(Question, ['answerCount']), { description: 'The questions asked now (current versions), in order' }),
    catalogue: Type.Array(Type.Object({ id: Type.String(), name: Type.Record(Type.String(), Type.String()) }), { description: 'Programmes, for questions whose rows or options come from the catalogue' }),
    answers: Type.Record(Type.String(), Type.Object({ value: Type.Unknown(), questionVersion: Type.Integer(), updatedAt: Type.String({ format: 'date-time' }) })),
    submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'SurveyResponse' },
);

export function respondentRoutes(db: Db): FastifyPluginAsyncTypebox {
  const throttle = linkThrottle();
  /** Runs `action` under the throttle: a link that does not work counts against the client. */
  const withLink = async <T>(request: FastifyRequest, action: () => Promise<T>): Promise<T> => {
    throttle.assertAllowed(request.ip);
    try {
      return await action();
    } catch (error) {
      if (error instanceof HttpError && error.code === 'link-invalid') throttle.failed(request.ip);
      throw error;
    }
  };

  return async (app) => {
    app.get(
      '/api/survey-responses/:token',
      {
        config: { access: 'public' },
        schema: { tags: ['surveys'], summary: 'The questionnaire and my answers so far (personal link)', params: TokenParams, querystring: LangQuery, response: { 200: Respondent, 404: ErrorResponse, 429: ErrorResponse } },
      },
      async (request, reply) => {
        const form = await withLink(request, () => responseForm(db, request.params.token));
        reply.header('cache-control', 'no-store');
        return {
          round: { title: form.round.title, introduction: form.round.introduction, closesAt: form.round.closesAt.toISOString(), language: form.round.language as (typeof LANGUAGES)[number] },
          respondent: { name: form.name },
          questions: form.questions.map((q) => {
            const { answerCount: _count, ...question } = presentQuestion({ ...q, answerCount: 0 });
            return question;
          }),
          catalogue: form.catalogue,
          answers: Object.fromEntries(Object.entries(form.answers).map(([key, a]) => [key, { value: a.value, questionVersion: a.questionVersion, updatedAt: a.updatedAt.toISOString() }])),
          submittedAt: form.submittedAt ? form.submittedAt.toISOString() : null,
        };
      },
    );

    app.put(
      '/api/survey-responses/:token/answers/:questionKey',
      {
        config: { access: 'public' },
        schema: {
          tags: ['surveys'],
          summary: 'Save my answer to one question (null clears it); the later save wins, other answers are untouched',
          params: AnswerParams,
          querystring: LangQuery,
          body: Type.Object({ value: Type.Unknown({ description: 'The answer, shaped by the question type' }), questionVersion: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
          response: { 200: Type.Object({ updatedAt: Type.String({ format: 'date-time' }) }), 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request) => {
        const saved = await withLink(request, () => saveAnswer(db, request.params.token, request.params.questionKey, request.body.questionVersion, request.body.value ?? null));
        return { updatedAt: saved.updatedAt.toISOString() };
      },
    );

    app.post(
      '/api/survey-responses/:token/submit',
      {
        config: { access: 'public' },
        schema: {
          tags: ['surveys'],
          summary: 'Say I am done (answers can still be changed until the round closes); 422 at the first required question left empty',
          params: TokenParams,
          querystring: LangQuery,
          response: { 200: Type.Object({ submittedAt: Type.String({ format: 'date-time' }) }), 404: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request) => {
        const submitted = await withLink(request, () => submitResponse(db, request.params.token));
        return { submittedAt: submitted.submittedAt.toISOString() };
      },
    );
  };
}
