/** Navigator API: validate the question, resolve places, call the navigator, present. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { APPLICANT_TYPES, LANGUAGES, MUNICIPAL_SECTORS, PROJECT_TYPES, type Language } from '../reference/codes.js';
import { stringEnum } from '../platform/string-enum.js';
import { ErrorResponse, HttpError, requestLanguage } from '../platform/http/errors.js';
import { sendSerialisedJson } from '../platform/http/serialised-reply.js';
import { resolvePlace, type Place, type PlaceInput } from './geography.js';
import { RULE_IDS } from './rules.js';
import type { Navigator } from './navigator.js';

export const IDEA_MAX_LENGTH = 5000;
const BUDGET_MAX_NOK = 10_000_000_000;
const DURATION_MAX_MONTHS = 120;

const placeFields = {
  country: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2, e.g. NO, SE' }),
  municipality: Type.Optional(Type.String({ pattern: '^[0-9]{4}$', description: 'Norwegian kommunenummer (2024; 2020 numbers are mapped) or Swedish kommunkod' })),
  region: Type.Optional(Type.String({ minLength: 2, maxLength: 5, description: 'NUTS 2021 code (any level) or Norwegian county number (2024) / Swedish länskod' })),
};

/** ISO 3166 user-assigned codes (AA, QM–QZ, XA–XZ, ZZ) name no country. */
const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;

export const MatchBody = Type.Object(
  {
    idea: Type.String({ description: `The idea in the user's own words (nb, nn, sv or en); at most ${IDEA_MAX_LENGTH} characters; may be empty` }),
    language: Type.Optional(stringEnum(LANGUAGES, 'Language of the idea and of the reasons in the answer')),
    applicant: Type.Object(
      {
        type: stringEnum(APPLICANT_TYPES, 'Applicant organisation type'),
        ...placeFields,
      },
      { additionalProperties: false },
    ),
    partners: Type.Optional(
      Type.Array(Type.Object({ ...placeFields, type: Type.Optional(stringEnum(APPLICANT_TYPES, 'Partner organisation type')) }, { additionalProperties: false }), { maxItems: 50 }),
    ),
    sector: Type.Optional(stringEnum(MUNICIPAL_SECTORS, 'Municipal sector')),
    projectType: Type.Optional(stringEnum(PROJECT_TYPES, 'Project type')),
    budgetNok: Type.Optional(Type.Number({ description: `Total budget in NOK, more than 0 and at most ${BUDGET_MAX_NOK}` })),
    durationMonths: Type.Optional(Type.Integer({ description: `Duration in months, 1 to ${DURATION_MAX_MONTHS}` })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'Return only the best N; without it every programme-and-priority pair is returned' })),
  },
  { additionalProperties: false },
);
export type MatchBody = Static<typeof MatchBody>;

const Money = Type.Object({ nok: Type.Number(), eur: Type.Number() });
export const MatchResultSchema = Type.Object({
  programmeId: Type.String(),
  programmeName: Type.String(),
  priorityCode: Type.Union([Type.String(), Type.Null()]),
  priorityName: Type.Union([Type.String(), Type.Null()]),
  policyObjective: Type.Union([Type.String(), Type.Null()]),
  specificObjective: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number({ description: 'Relevance 0–1: full-text rank, matched concepts, sector, applicant type' }),
  verdict: stringEnum(['eligible', 'check', 'ineligible'] as const, 'eligible, must be checked, or not eligible'),
  rules: Type.Array(Type.Object({ id: stringEnum(RULE_IDS), outcome: stringEnum(['met', 'not-met', 'unknown'] as const), reason: Type.String() })),
  grant: Type.Union([
    Type.Object({
      budget: Money,
      ratePercent: Type.Object({ min: Type.Union([Type.Number(), Type.Null()]), max: Type.Union([Type.Number(), Type.Null()]) }),
      grant: Type.Union([Money, Type.Null()]),
      ownShare: Type.Union([Money, Type.Null()]),
      cappedAtMaximum: Type.Boolean(),
      exchangeRate: Type.Object({ eurNok: Type.Number(), date: Type.String(), source: Type.String(), mustBeChecked: Type.Boolean() }),
    }),
    Type.Null(),
  ]),
  guidance: Type.Array(Type.Object({ name: Type.String(), role: Type.String(), url: Type.Union([Type.String(), Type.Null()]) })),
  nextDeadline: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  why: Type.Object({
    concepts: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), term: Type.String() })),
    sectorMatch: Type.Boolean(),
    textShare: Type.Number(),
  }),
  crossBorderQuestions: Type.Array(Type.String()),
});
export const MatchResponse = Type.Object({ results: Type.Array(MatchResultSchema) });

function placeOrError(input: PlaceInput, field: string): Place {
  const country = input.country.toUpperCase();
  const known = COUNTRY_NAMES.of(country);
  if (!/^[A-Z]{2}$/.test(country) || USER_ASSIGNED.test(country) || known === undefined) throw new HttpError(422, 'unknown-country', 'unknownCountry', { field: `${field}.country`, value: input.country }, `${field}.country`);
  const resolved = resolvePlace({ ...input, country });
  if ('place' in resolved) return resolved.place;
  const { problem } = resolved;
  const problemField = `${field}.${problem.field}`;
  switch (problem.reason) {
    case 'unknown-municipality':
      throw new HttpError(422, 'unknown-municipality', 'unknownMunicipality', { field: problemField, value: problem.value }, problemField);
    case 'municipality-country-mismatch':
      throw new HttpError(422, 'unknown-municipality', 'municipalityCountry', { field: problemField }, problemField);
    case 'old-county':
      throw new HttpError(422, 'unknown-region', 'oldCounty', { field: problemField, value: problem.value, successors: problem.successors.join(', ') }, problemField);
    case 'unknown-region':
      throw new HttpError(422, 'unknown-region', 'unknownRegion', { field: problemField, value: problem.value }, problemField);
  }
}

function checkRange(field: string, value: number | undefined, min: number, max: number, minExclusive = false): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || (minExclusive ? value <= min : value < min) || value > max) {
    throw new HttpError(422, 'out-of-range', 'outOfRange', { field, min, max }, field);
  }
}

export function navigatorRoutes(navigator: Navigator): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/navigator/match',
      {
        config: { access: 'public' },
        bodyLimit: 64 * 1024,
        schema: {
          tags: ['navigator'],
          summary: 'Rank every programme priority for an idea, with an eligibility verdict, rules, grant estimate and guidance',
          body: MatchBody,
          response: { 200: MatchResponse, 400: ErrorResponse, 413: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const language: Language = body.language ?? requestLanguage(request);
        if (body.idea.length > IDEA_MAX_LENGTH) throw new HttpError(422, 'too-long', 'tooLong', { field: 'idea', limit: IDEA_MAX_LENGTH }, 'idea');
        checkRange('budgetNok', body.budgetNok, 0, BUDGET_MAX_NOK, true);
        checkRange('durationMonths', body.durationMonths, 1, DURATION_MAX_MONTHS);
        const applicantPlace = placeOrError(body.applicant, 'applicant');
        const partners = body.partners?.map((partner, i) => ({ place: placeOrError(partner, `partners.${i}`), type: partner.type }));
        // Assembled as bytes from parts encoded once (`serialise.ts`); the schema above documents it.
        const answer = await navigator.matchJson({
          idea: body.idea,
          language,
          question: {
            applicant: { type: body.applicant.type, place: applicantPlace },
            partners,
            sector: body.sector,
            projectType: body.projectType,
            budgetNok: body.budgetNok,
            durationMonths: body.durationMonths,
          },
          limit: body.limit,
        });
        return sendSerialisedJson(reply as FastifyReply, answer);
      },
    );
  };
}
