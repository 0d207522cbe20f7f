/** Catalogue API: thin — validate, call the repository, present. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { APPLICANT_TYPES, INTERREG_STRANDS, LANGUAGES, MUNICIPAL_SECTORS, POLICY_OBJECTIVES, PROGRAMME_KINDS } from '../reference/codes.js';
import { stringEnum } from '../platform/string-enum.js';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError, requestLanguage } from '../platform/http/errors.js';
import { AnswerCache } from './answer-cache.js';
import { findProgramme } from './repository.js';
import { PROGRAMME_SORTS, searchKey, type ProgrammeSearch } from './search-index.js';
import { createCatalogueSearch } from './search.js';
import { programmeListJson } from './list-json.js';
import { Programme } from './schema.js';
import { sendSerialisedJson } from '../platform/http/serialised-reply.js';

const enumOf = stringEnum;
const listOf = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Array(stringEnum(values), { description: `${description}; repeat the parameter for several`, maxItems: 50 });

export const ProgrammeListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Search words in any of the four languages; misspellings are tolerated' })),
    lang: Type.Optional(enumOf(LANGUAGES, 'Language of the reader: ranking, sorting by name and error messages')),
    sector: Type.Optional(listOf(MUNICIPAL_SECTORS, 'Municipal sector')),
    applicantType: Type.Optional(listOf(APPLICANT_TYPES, 'Applicant type that must be eligible')),
    kind: Type.Optional(listOf(PROGRAMME_KINDS, 'Kind of scheme')),
    strand: Type.Optional(listOf(INTERREG_STRANDS, 'Interreg strand')),
    policyObjective: Type.Optional(listOf(POLICY_OBJECTIVES, 'EU policy objective of a priority')),
    minFundingRate: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Minimum funding rate in percent' })),
    sort: Type.Optional(enumOf(PROGRAMME_SORTS, 'Order of results; relevance needs q')),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

export const ProgrammeSummary = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  interregStrand: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  period: Type.Object({ start: Type.Integer(), end: Type.Union([Type.Integer(), Type.Null()]) }),
  name: Type.String({ description: 'In the reader language (lang)' }),
  shortName: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String({ description: 'In the reader language (lang)' }),
  sectors: Type.Array(Type.String()),
  fundingRate: Type.Object({ minPercent: Type.Union([Type.Number(), Type.Null()]), maxPercent: Type.Union([Type.Number(), Type.Null()]) }),
  priorityCount: Type.Integer(),
  score: Type.Number({ description: 'Relevance to q; 0 without q' }),
});

export const ProgrammeList = Type.Object({
  items: Type.Array(ProgrammeSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  language: enumOf(LANGUAGES, 'The reader language: names and summaries are in it; every language is in GET /api/programmes/{id}'),
  spelledAs: Type.Optional(Type.String({ description: 'Set when q as typed found nothing and the results are for this corrected spelling' })),
});

export const ProgrammeDetail = Type.Object({ programme: Programme, importedAt: Type.String({ format: 'date-time' }) });

export type ProgrammeListQuery = Static<typeof ProgrammeListQuery>;

/**
 * Finished search answers, kept until the next import. A page of 20 is about 19 KB; 32 MB hold well
 * over a thousand of them — the searches asked more than once (answer-cache.ts).
 */
const ANSWER_CACHE = { maxBytes: 32 * 1024 * 1024, maxEntries: 5000, maxAskedOnce: 20_000 } as const;

export function catalogueRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    const answers = new AnswerCache(ANSWER_CACHE);
    const catalogue = createCatalogueSearch(db);

    app.get(
      '/api/programmes',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Search and filter the programme catalogue',
          querystring: ProgrammeListQuery,
          response: { 200: ProgrammeList, 400: ErrorResponse },
        },
      },
      async (request, reply) => {
        const query = request.query;
        const page = query.page ?? 1;
        const pageSize = query.pageSize ?? 20;
        const search: ProgrammeSearch = {
          q: query.q,
          language: requestLanguage(request),
          sectors: query.sector,
          applicantTypes: query.applicantType,
          kinds: query.kind,
          strands: query.strand,
          policyObjectives: query.policyObjective,
          minFundingRate: query.minFundingRate,
          sort: query.sort ?? (query.q ? 'relevance' : 'name'),
          page,
          pageSize,
        };
        // The catalogue changes only on import: an answer is kept, serialised, until the next one.
        const version = await catalogue.version();
        const key = searchKey(search);
        let body = answers.get(version, key);
        // RFC 9211: whether the answer came from the store (the benchmark counts them).
        reply.header('cache-status', body === undefined ? 'mulighetsrom; fwd=miss' : 'mulighetsrom; hit');
        if (body === undefined) {
          body = programmeListJson({ ...(await catalogue.search(search, version)), page, pageSize, language: search.language });
          answers.offer(version, key, body);
        }
        return sendSerialisedJson(reply as FastifyReply, body);
      },
    );

    app.get(
      '/api/programmes/:id',
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogue'],
          summary: 'Everything the catalogue knows about one programme, with sources',
          params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
          querystring: Type.Object({ lang: Type.Optional(enumOf(LANGUAGES, 'Language of error messages')) }, { additionalProperties: false }),
          response: { 200: ProgrammeDetail, 404: ErrorResponse },
        },
      },
      async (request) => {
        const found = await findProgramme(db, request.params.id);
        if (!found) throw new HttpError(404, 'not-found', 'programmeNotFound', { id: request.params.id }, 'id');
        return { programme: found.document, importedAt: found.importedAt.toISOString() };
      },
    );
  };
}
