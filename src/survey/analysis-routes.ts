/**
 * Survey analysis API: the live summary, the opportunity analysis with joint-application candidates,
 * turning a candidate into a portfolio initiative, and the exports (XLSX of all answers, PDF report).
 *
 * Who may call what. A round belongs to its organisation; everything here needs a role reaching it.
 * - Summary and PDF report: `read` there. Units' names (champions, interested units, who wrote a text)
 *   only for the round's coordinators — those who may manage organisations there (coordinator,
 *   administrator), as for running the round;
 *   everyone else sees counts and texts without names. Small groups are withheld for everyone.
 * - Opportunities, the answers as XLSX, and creating an initiative: coordinators only, as they name units.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError, requestLanguage } from '../platform/http/errors.js';
import { stringEnum } from '../platform/string-enum.js';
import { TtlCache } from '../platform/ttl-cache.js';
import { sendSerialisedJson } from '../platform/http/serialised-reply.js';
import { FINGERPRINT_MAX_AGE_MS, watchFingerprint } from '../catalogue/fingerprint-watch.js';
import { catalogueFingerprint, catalogueImportsInThisProcess } from '../catalogue/repository.js';
import { LANGUAGES, type Language } from '../reference/codes.js';
import type { Permission } from '../organisations/roles.js';
import type { Concept } from '../catalogue/concept-schema.js';
import type { Navigator } from '../navigator/navigator.js';
import { SurveySummary } from './summary-schema.js';
import { FREE_TEXT_PER_THEME, QuestionCellStore, roundContext, roundSummary, type RoundContext } from './summary-query.js';
import { roundOpportunities } from './opportunities-query.js';
import { compileThemes } from './themes.js';
import { loadOnce } from '../platform/kept-load.js';
import { inRound } from './routes.js';
import { answersWorkbook } from './survey-export.js';
import { summaryReport } from './report.js';
import { initiativeFromJointCandidate } from './joint-initiative.js';
import { personActor } from '../platform/audit/audit.js';
import { contentDisposition, MEDIA_TYPES } from '../platform/export/download.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';

/** The round's coordinators: those who may manage organisations in the round's organisation, as for running the round (routes.ts). */
export const COORDINATOR_PERMISSION: Permission = 'manage-organisations';

/** Summaries kept serialised: a round's answer is about 1 MB at 2 000 units; old revisions age out. */
const SUMMARY_CACHE = { ttlMs: 30 * 60_000, maxEntries: 32 };

const RoundParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const LangQuery = Type.Object({ lang: Type.Optional(stringEnum(LANGUAGES, 'Language of the answer and of error messages')) }, { additionalProperties: false });
const PageQuery = Type.Object(
  {
    lang: Type.Optional(stringEnum(LANGUAGES, 'Language of the answer and of error messages')),
    offset: Type.Integer({ minimum: 0, default: 0 }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 25, description: 'Interested units per page' }),
  },
  { additionalProperties: false },
);

const Match = Type.Object({
  programmeId: Type.String(),
  programmeName: Type.String(),
  priorityCode: Type.Union([Type.String(), Type.Null()]),
  priorityName: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number(),
  verdict: stringEnum(['eligible', 'check'] as const),
  guidance: Type.Array(Type.Object({ name: Type.String(), role: Type.String(), url: Type.Union([Type.String(), Type.Null()]) })),
});
const Opportunities = Type.Object({
  total: Type.Integer({ description: 'Interested units in the round' }),
  offset: Type.Integer(),
  limit: Type.Integer(),
  units: Type.Array(
    Type.Object({
      inviteeId: Type.String(),
      name: Type.String(),
      municipality: Type.Union([Type.String(), Type.Null()]),
      municipalityName: Type.String(),
      sector: Type.Union([Type.String(), Type.Null()]),
      sectorName: Type.String(),
      interest: Type.Integer(),
      interests: Type.Array(Type.String(), { description: 'The cooperation areas the unit chose' }),
      matches: Type.Array(Match),
    }),
  ),
  jointCandidates: Type.Array(
    Type.Object({
      key: Type.String({ description: '`sector~area`: names the candidate in POST …/joint-candidates/:key/initiative' }),
      sector: Type.String(),
      sectorName: Type.String(),
      area: Type.String(),
      areaLabel: Type.String(),
      municipalities: Type.Array(Type.String()),
      municipalityNames: Type.Array(Type.String()),
      units: Type.Array(Type.Object({ inviteeId: Type.String(), name: Type.String(), municipality: Type.String() })),
      programmes: Type.Array(Match),
    }),
  ),
});

export interface SurveyAnalysisOptions {
  db: Db;
  navigator: Navigator;
  /** The navigator's concept vocabulary, for grouping free text by theme; read at the first summary. */
  concepts: () => Promise<readonly Concept[]>;
  /** The rate an initiative's EUR budget would be converted with. */
  exchangeRate: ExchangeRate;
}

const CandidateParams = Type.Object({ id: Type.String({ format: 'uuid' }), key: Type.String({ minLength: 3, maxLength: 130, pattern: '^[a-z0-9-]+~[a-z0-9-]+$' }) });
const JointInitiativeBody = Type.Object(
  {
    programmeId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description: 'Catalogue programme id, e.g. one of the candidate\'s programmes' })),
    priorityCode: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 50 }), Type.Null()], { description: 'Focus area of the programme' })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Default: the area, the sector and the municipalities' })),
  },
  { additionalProperties: false },
);
const binary = (description: string) => ({ description, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } });

/** `Kartlegging – 2025-06-01.xlsx`: the round's title and today, safe as a file name. */
function fileName(title: string, extension: string): string {
  return `${title.replace(/[\\/:*?"<>|]+/g, ' ').trim().slice(0, 80) || 'survey'} – ${new Date().toISOString().slice(0, 10)}.${extension}`;
}

export function surveyAnalysisRoutes(options: SurveyAnalysisOptions): FastifyPluginAsyncTypebox {
  return async (app) => {
    const { db, navigator } = options;
    const vocabulary = loadOnce(async () => compileThemes(await options.concepts()));
    // Coordinating takes the content permission too: a system administrator, who manages organisations
    // everywhere, reads no tenant's answers.
    const summaries = new TtlCache<Buffer>(SUMMARY_CACHE);
    const questionCells = new QuestionCellStore();
    const catalogueVersion = watchFingerprint(() => catalogueFingerprint(db), { maxAgeMs: FINGERPRINT_MAX_AGE_MS, localChanges: catalogueImportsInThisProcess });
    const isCoordinator = (request: FastifyRequest) => request.granted?.permissions.has(COORDINATOR_PERMISSION) === true && request.granted.permissions.has('edit');
    app.addHook('preHandler', async (request) => {
      const access = request.routeOptions.config.access;
      if (typeof access === 'object' && access.permission === COORDINATOR_PERMISSION && !isCoordinator(request)) throw new HttpError(403, 'forbidden', 'forbidden');
    });
    const contextOf = async (id: string, language: Language): Promise<RoundContext> => {
      const context = await roundContext(db, id, language);
      if (!context) throw new HttpError(404, 'not-found', 'notFound', { what: `/api/surveys/rounds/${id}` });
      return context;
    };

    app.get(
      '/api/surveys/rounds/:id/summary',
      {
        config: { access: inRound(db, 'read') },
        schema: {
          tags: ['surveys'],
          summary: 'The round\'s summary, live: response rates, schemes, interest, areas, needs, benefits, free text by theme, champions',
          description:
            'For those with read in the round\'s organisation. Breakdowns per municipality and sector withhold groups smaller than the round\'s minimum group size (and as many more as needed so they cannot be worked out from the totals). Units are named only to the round\'s coordinators (manage-organisations there): others get `namesShown: false`, empty unit lists with their counts, and texts without names.',
          params: RoundParams,
          querystring: LangQuery,
          response: { 200: SurveySummary, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const context = await contextOf(request.params.id, language);
        const showNames = isCoordinator(request);
        const { round } = context;
        // Computed once per revision of the answers (and of the catalogue's names), however many look at it.
        const key = JSON.stringify([round.id, round.answersRevision, round.title, round.status, round.closesAt, round.minGroupSize, language, showNames, await catalogueVersion.current()]);
        let body = summaries.get(key);
        // RFC 9211, as the catalogue's answers: whether the summary came from the store.
        reply.header('cache-status', body === undefined ? 'mulighetsrom; fwd=miss' : 'mulighetsrom; hit');
        if (body === undefined) {
          body = Buffer.from(reply.serialize(await roundSummary(db, context, await vocabulary(), language, showNames, FREE_TEXT_PER_THEME, questionCells)) as string);
          summaries.set(key, body);
        }
        return sendSerialisedJson(reply as FastifyReply, body);
      },
    );

    app.get(
      '/api/surveys/rounds/:id/opportunities',
      {
        config: { access: inRound(db, COORDINATOR_PERMISSION) },
        schema: {
          tags: ['surveys'],
          summary: 'For each interested unit the programmes the navigator ranks for it, and the joint-application candidates',
          description:
            'Coordinators of the round (manage-organisations in its organisation), since units are named. Interested units are those whose interest is above the scale\'s lowest value; they are paged (`offset`, `limit`). Joint candidates — an area shared by units of one sector in two or more municipalities — are all listed, each with the programmes that fit it.',
          params: RoundParams,
          querystring: PageQuery,
          response: { 200: Opportunities, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const language = requestLanguage(request);
        const { offset, limit } = request.query as Static<typeof PageQuery>;
        return roundOpportunities(db, navigator, await contextOf(request.params.id, language), language, { offset, limit });
      },
    );

    app.post(
      '/api/surveys/rounds/:id/joint-candidates/:key/initiative',
      {
        config: { access: inRound(db, COORDINATOR_PERMISSION) },
        schema: {
          tags: ['surveys'],
          summary: 'Turn a joint-application candidate into a portfolio initiative owned by the round\'s organisation',
          description:
            'Coordinators of the round. The initiative gets the candidate\'s area and sector, its units as partners (the first as lead) and the programme chosen, if any; the portfolio checks it as any new initiative (422 for an unknown programme or focus area). 404 when the answers no longer make the key a candidate.',
          params: CandidateParams,
          querystring: LangQuery,
          body: JointInitiativeBody,
          response: { 201: Type.Object({ initiativeId: Type.String({ format: 'uuid' }) }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const context = await contextOf(request.params.id, language);
        const initiativeId = await initiativeFromJointCandidate(db, context, { key: request.params.key, ...request.body }, {
          actor: personActor(request.principal!),
          organisationPath: request.granted!.organisationPath,
          rate: options.exchangeRate,
          language,
        });
        return reply.status(201).send({ initiativeId });
      },
    );

    app.get(
      '/api/surveys/rounds/:id/answers.xlsx',
      {
        config: { access: inRound(db, COORDINATOR_PERMISSION) },
        schema: {
          tags: ['surveys'],
          summary: 'Every answer of the round as an XLSX workbook: a sheet per section (a row per unit), a sheet per repeatable group (a row per entry)',
          description: 'Coordinators of the round only: it names the units and their e-mail addresses.',
          params: RoundParams,
          querystring: LangQuery,
          response: { 200: binary('XLSX workbook'), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const context = await contextOf(request.params.id, language);
        const workbook = await answersWorkbook(db, context, language);
        return reply.type(MEDIA_TYPES.xlsx).header('content-disposition', contentDisposition(fileName(context.round.title, 'xlsx'))).header('cache-control', 'no-store').send(workbook);
      },
    );

    app.get(
      '/api/surveys/rounds/:id/report.pdf',
      {
        config: { access: inRound(db, 'read') },
        schema: {
          tags: ['surveys'],
          summary: 'The round\'s report as a PDF, laid out like the pre-study\'s summary of answers (seed 001, appendix 2)',
          description: 'For those with read in the round\'s organisation, as the summary: small groups withheld for everyone, units named only to the round\'s coordinators. Holds every free-text answer.',
          params: RoundParams,
          querystring: LangQuery,
          response: { 200: binary('PDF document'), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const context = await contextOf(request.params.id, language);
        const summary = await roundSummary(db, context, await vocabulary(), language, isCoordinator(request), Number.POSITIVE_INFINITY, questionCells);
        const pdf = await summaryReport(summary, language, new Date());
        return reply.type(MEDIA_TYPES.pdf).header('content-disposition', contentDisposition(fileName(context.round.title, 'pdf'))).header('cache-control', 'no-store').send(pdf);
      },
    );
  };
}
