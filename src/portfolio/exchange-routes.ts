/**
 * The portfolio's exchange with the outside world: the list and the dashboard as CSV/XLSX (exactly what
 * the filters show), the council report as PDF, secret calendar feeds (ICS), and importing initiatives
 * from CSV/XLSX with a preview and an all-or-nothing commit.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError, requestLanguage } from '../platform/http/errors.js';
import { grantedPermissions, type OrganisationAccess } from '../platform/http/access.js';
import { personActor, recordAudit } from '../platform/audit/audit.js';
import { hashToken, newToken } from '../platform/auth/tokens.js';
import { message } from '../platform/i18n/messages.js';
import { stringEnum } from '../platform/string-enum.js';
import type { Permission } from '../organisations/roles.js';
import { organisationPath } from '../organisations/access.js';
import { LANGUAGES, type Language } from '../reference/codes.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { csvSectionsText, csvStream } from '../platform/export/csv.js';
import { xlsxBuffer, xlsxStream } from '../platform/export/xlsx.js';
import { contentDisposition, MEDIA_TYPES } from '../platform/export/download.js';
import { requestFilters } from './request-filters.js';
import { FILTER_QUERY_PROPERTIES, INITIATIVE_SORTS, normaliseSort, type InitiativeFilterQuery } from './filters.js';
import { initiativeBatches } from './repository.js';
import { dashboardFigures } from './dashboard-repository.js';
import { EXCHANGE_TEXTS } from './export-texts.js';
import { dashboardTables, EXPORT_FORMATS, exportFileName, initiativeColumns, sectorName, statusName } from './export.js';
import { councilReport } from './report.js';
import { feedByTokenHash, insertFeed, listFeeds, revokeFeed, touchFeed } from './calendar-repository.js';
import { feedCalendar, FEED_REFRESH_MINUTES } from './calendar-feed.js';
import { buildPreview, describeJob, ImportFileProblem, ImportWorkspace, MAX_IMPORT_BYTES, type ImportPreview } from './import.js';
import { listImports, organisationOf } from './import-repository.js';

const TAGS = ['portfolio'];
const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of the file and of messages'));
const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const ExportQuery = Type.Object(
  {
    ...FILTER_QUERY_PROPERTIES,
    sort: Type.Optional(stringEnum(INITIATIVE_SORTS, 'Order of the rows, as in the list; default -updated')),
    format: stringEnum(EXPORT_FORMATS, 'csv or xlsx'),
    delimiter: Type.Optional(stringEnum(['semicolon', 'comma'] as const, 'CSV only: semicolon with decimal comma (Nordic Excel, default) or comma with decimal point')),
    lang: Lang,
  },
  { additionalProperties: false },
);
const DashboardExportQuery = Type.Object(
  { ...FILTER_QUERY_PROPERTIES, format: stringEnum(EXPORT_FORMATS, 'csv or xlsx'), delimiter: ExportQuery.properties.delimiter, lang: Lang },
  { additionalProperties: false },
);
const ReportQuery = Type.Object({ ...FILTER_QUERY_PROPERTIES, lang: Lang }, { additionalProperties: false });

const FeedCreated = Type.Object({
  id: Uuid,
  url: Type.String({ description: 'The secret address to subscribe to; shown this once (only its hash is stored)' }),
  organisationId: Uuid,
  organisationName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
const FeedItem = Type.Object({ id: Uuid, organisationId: Uuid, organisationName: Type.String(), createdAt: Type.String({ format: 'date-time' }), lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) });

const PreviewQuery = Type.Object(
  { organisation: Uuid, fileName: Type.String({ minLength: 1, maxLength: 255 }), lang: Lang },
  { additionalProperties: false },
);
const RowProblem = Type.Object({ column: Type.String(), message: Type.String() });
const PreviewRowSchema = Type.Object({
  row: Type.Integer({ description: 'The row in the file (the header is row 1)' }),
  outcome: stringEnum(['create', 'error'] as const),
  title: Type.String(),
  organisationName: Type.String(),
  newOrganisation: Type.Boolean({ description: 'The import creates this organisation' }),
  programme: Nullable(Type.String()),
  status: Type.String(),
  startDate: Nullable(Day),
  endDate: Nullable(Day),
  currency: Type.String(),
  budgetAmount: Nullable(Type.String()),
  externalRef: Nullable(Type.String()),
  errors: Type.Array(RowProblem),
});
const PreviewResponse = Type.Object({
  previewId: Uuid,
  fileName: Type.String(),
  layout: stringEnum(['generic', 'h2020'] as const, 'generic columns, or the Research Council\'s Horizon 2020 participations'),
  total: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  organisationsToCreate: Type.Integer(),
  expiresAt: Type.String({ format: 'date-time' }),
  rows: Type.Array(PreviewRowSchema),
});
const JobResponse = Type.Object({
  id: Uuid,
  state: stringEnum(['running', 'done', 'failed'] as const),
  done: Type.Integer(),
  total: Type.Integer(),
  importId: Nullable(Uuid),
  message: Nullable(Type.String()),
});
const ImportItem = Type.Object({ id: Uuid, organisationId: Uuid, organisationName: Type.String(), fileName: Type.String(), rows: Type.Integer(), createdBy: Nullable(Type.String()), createdAt: Type.String({ format: 'date-time' }) });

export interface ExchangeRouteOptions {
  db: Db;
  /** Where people reach the product: feed addresses and links in calendar events. */
  publicUrl: string;
  exchangeRate: ExchangeRate;
}

const today = () => new Date();
const isoDay = (moment: Date) => moment.toISOString().slice(0, 10);

export function portfolioExchangeRoutes(options: ExchangeRouteOptions): FastifyPluginAsyncTypebox {
  const { db, publicUrl, exchangeRate } = options;
  const workspace = new ImportWorkspace();
  const rate = { nokPerEur: exchangeRate.eurNok, date: exchangeRate.date };

  const filtersOf = (request: FastifyRequest, query: Partial<InitiativeFilterQuery>) => requestFilters(db, request, query);

  /** The organisation named in the query, where the person needs `permission`: 404 without any role reaching it, 403 with too small a role. */
  async function organisationWith(request: FastifyRequest, id: string, permission: Permission) {
    const organisation = await organisationOf(db, id);
    const permissions = organisation ? grantedPermissions(request.principal!, organisation.path) : new Set<Permission>();
    if (!organisation || permissions.size === 0) throw new HttpError(404, 'not-found', 'notFound', { what: id }, 'organisation');
    if (!permissions.has(permission)) throw new HttpError(403, 'forbidden', 'forbidden');
    return { organisation, permissions };
  }

  /** The filters beyond the organisation, in words, for the report's subtitle. */
  function selectionWords(query: Partial<InitiativeFilterQuery>, language: Language): string[] {
    const c = EXCHANGE_TEXTS[language].columns;
    const words: string[] = [];
    if (query.q) words.push(`«${query.q}»`);
    if (query.status?.length) words.push(`${c.status}: ${query.status.map((s) => statusName(s, language)).join(', ')}`);
    if (query.programme?.length) words.push(`${c.programme}: ${query.programme.join(', ')}`);
    if (query.sector?.length) words.push(`${c.sectors}: ${query.sector.map((s) => sectorName(s, language)).join(', ')}`);
    if (query.year) words.push(`${c.year}: ${query.year}`);
    if (query.sdg?.length) words.push(`${c.sdgGoals}: ${query.sdg.join(', ')}`);
    return words;
  }

  const inBodyOrganisation: OrganisationAccess = {
    permission: 'read',
    scope: 'organisation (body organisationId)',
    resolve: (request) => organisationPath(db, (request.body as { organisationId: string }).organisationId),
  };

  function presentPreview(preview: ImportPreview, language: Language): Static<typeof PreviewResponse> {
    return {
      previewId: preview.id,
      fileName: preview.fileName,
      layout: preview.layout,
      total: preview.rows.length,
      valid: preview.rows.length - preview.invalid,
      invalid: preview.invalid,
      organisationsToCreate: preview.organisationsToCreate,
      expiresAt: new Date(preview.expiresAt).toISOString(),
      rows: preview.rows.map(({ problems, ...row }) => ({ ...row, errors: problems.map((p) => ({ column: p.column, message: message(p.messageKey, language, p.params) })) })),
    };
  }

  return async (app) => {
    // ---- exports --------------------------------------------------------------------------------
    app.get(
      '/api/portfolio/initiatives/export',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The initiatives the filters show — every page — as CSV or XLSX, streamed',
          description: 'Takes the list\'s filters and sort. CSV is UTF-8 with a byte-order mark; cells a spreadsheet would run as formulas are neutralised.',
          querystring: ExportQuery,
          produces: [MEDIA_TYPES.csv, MEDIA_TYPES.xlsx],
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const { scope, filters } = await filtersOf(request, request.query);
        const t = EXCHANGE_TEXTS[language];
        const rows = initiativeBatches(db, scope, filters, normaliseSort(request.query.sort), language);
        const columns = initiativeColumns(language);
        const format = request.query.format;
        const body =
          format === 'csv'
            ? csvStream(columns, rows, { delimiter: request.query.delimiter === 'comma' ? ',' : ';' }, true)
            : xlsxStream([{ name: t.sheets.initiatives, columns, rows, batches: true }], { title: t.sheets.initiatives });
        return reply
          .type(MEDIA_TYPES[format])
          .header('content-disposition', contentDisposition(exportFileName(t.fileNames.initiatives, format, today())))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );

    app.get(
      '/api/portfolio/dashboard/export',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: "The dashboard's tables for the filters as CSV (one section per table) or XLSX (one sheet per table)",
          querystring: DashboardExportQuery,
          produces: [MEDIA_TYPES.csv, MEDIA_TYPES.xlsx],
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const { scope, filters } = await filtersOf(request, request.query);
        const figures = await dashboardFigures(db, scope, filters, language);
        const tables = dashboardTables(figures, language, rate);
        const t = EXCHANGE_TEXTS[language];
        const format = request.query.format;
        const body =
          format === 'csv'
            ? await csvSectionsText(tables, { delimiter: request.query.delimiter === 'comma' ? ',' : ';' })
            : await xlsxBuffer(tables.map((table) => ({ name: table.title, columns: table.columns, rows: table.rows })), { title: t.sheets.totals });
        return reply
          .type(MEDIA_TYPES[format])
          .header('content-disposition', contentDisposition(exportFileName(t.fileNames.dashboard, format, today())))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );

    app.get(
      '/api/portfolio/report',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'A council report (PDF) of the initiatives the filters show, in the language of `lang`',
          description: 'The organisation and date, key figures, money by status and programme, success rate, grant per NOK of own share, running projects, next deadlines and benefits.',
          querystring: ReportQuery,
          produces: [MEDIA_TYPES.pdf],
        },
      },
      async (request, reply) => {
        const language = requestLanguage(request);
        const { scope, filters } = await filtersOf(request, request.query);
        const figures = await dashboardFigures(db, scope, filters, language);
        const organisation = filters.organisationId ? await organisationOf(db, filters.organisationId) : null;
        const now = today();
        const pdf = await councilReport(figures, { organisationName: organisation?.name ?? null, selection: selectionWords(request.query, language), today: isoDay(now), rate }, language);
        const t = EXCHANGE_TEXTS[language];
        const base = organisation ? `${t.fileNames.report}-${organisation.name}` : t.fileNames.report;
        return reply.type(MEDIA_TYPES.pdf).header('content-disposition', contentDisposition(exportFileName(base, 'pdf', now))).header('cache-control', 'no-store').send(pdf);
      },
    );

    // ---- calendar feeds -------------------------------------------------------------------------
    app.post(
      '/api/portfolio/calendar-feeds',
      {
        config: { access: inBodyOrganisation },
        schema: {
          tags: TAGS,
          summary: 'A secret calendar address (ICS) of the deadlines, starts and ends in an organisation tree',
          description: 'The address is shown once; only the SHA-256 of its token is stored. The feed shows what its owner may read at the time it is fetched.',
          body: Type.Object({ organisationId: Uuid }, { additionalProperties: false }),
          querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
          response: { 201: FeedCreated, 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const token = newToken();
        const organisation = (await organisationOf(db, request.body.organisationId))!;
        const feed = await db.transaction(async (tx) => {
          const created = await insertFeed(tx, { userId: principal.userId, organisationId: organisation.id, tokenHash: hashToken(token) });
          await recordAudit(tx, { actor: personActor(principal), organisationId: organisation.id, action: 'calendar-feed-created', entityType: 'calendar-feed', entityId: created.id, after: { userId: principal.userId, organisationId: organisation.id } });
          return created;
        });
        return reply.status(201).send({ id: feed.id, url: `${publicUrl}/api/calendar/${token}`, organisationId: organisation.id, organisationName: organisation.name, createdAt: feed.createdAt.toISOString() });
      },
    );

    app.get(
      '/api/portfolio/calendar-feeds',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'My calendar feeds that still work (their addresses are not shown again)', querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 200: Type.Object({ items: Type.Array(FeedItem) }) } },
      },
      async (request) => {
        const feeds = await listFeeds(db, request.principal!.userId);
        return { items: feeds.map((f) => ({ ...f, createdAt: f.createdAt.toISOString(), lastUsedAt: f.lastUsedAt?.toISOString() ?? null })) };
      },
    );

    app.delete(
      '/api/portfolio/calendar-feeds/:id',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'Revoke one of my calendar feeds: its address stops working at once', params: Type.Object({ id: Uuid }), querystring: Type.Object({ lang: Lang }, { additionalProperties: false }), response: { 204: Type.Null({ description: 'Revoked' }), 404: ErrorResponse } },
      },
      async (request, reply) => {
        const principal = request.principal!;
        await db.transaction(async (tx) => {
          const revoked = await revokeFeed(tx, request.params.id, principal.userId);
          if (!revoked) throw new HttpError(404, 'not-found', 'notFound', { what: request.params.id }, 'id');
          await recordAudit(tx, { actor: personActor(principal), organisationId: revoked.organisationId, action: 'calendar-feed-revoked', entityType: 'calendar-feed', entityId: request.params.id });
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/calendar/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: TAGS,
          summary: 'A calendar feed (ICS): the secret token in the address is the only credential',
          description: 'Deadlines, starts and ends as all-day events, in the owner\'s language. Revoked or unknown → 404.',
          params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }),
          produces: [MEDIA_TYPES.ics],
        },
      },
      async (request, reply) => {
        // Some clients want the address to end in .ics; both forms work.
        const token = request.params.token.replace(/\.ics$/, '');
        const owner = await feedByTokenHash(db, hashToken(token));
        if (!owner) throw new HttpError(404, 'not-found', 'notFound', { what: 'calendar' });
        const ics = await feedCalendar(db, owner, publicUrl);
        await touchFeed(db, owner.feedId);
        return reply
          .type(MEDIA_TYPES.ics)
          .header('content-disposition', contentDisposition('mulighetsrom.ics', 'inline'))
          .header('cache-control', `private, max-age=${FEED_REFRESH_MINUTES * 60}`)
          .header('x-robots-tag', 'noindex')
          .send(ics);
      },
    );

    // ---- import ---------------------------------------------------------------------------------
    // The file arrives as the raw request body (CSV or XLSX), only in this plugin's scope.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser(
      ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel', MEDIA_TYPES.xlsx],
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/portfolio/imports/preview',
      {
        config: { access: 'signed-in' },
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags: TAGS,
          summary: `Preview an import: the raw CSV or XLSX file as the body (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB) → per row what will be created, and which rows are wrong and why`,
          description:
            'Needs edit in the organisation; a file that places participants in new organisations (the Horizon 2020 layout) also needs manage-organisations there. The preview is kept for 30 minutes for its commit.',
          querystring: PreviewQuery,
          response: { 200: PreviewResponse, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => {
        const language = requestLanguage(request);
        const { organisation, permissions } = await organisationWith(request, request.query.organisation, 'edit');
        const bytes = request.body as unknown;
        if (!(bytes instanceof Buffer) || bytes.length === 0) throw new HttpError(422, 'unreadable-file', 'portfolioImportEmpty', {}, 'body');
        try {
          const preview = await buildPreview(db, {
            bytes,
            fileName: request.query.fileName,
            root: organisation,
            userId: request.principal!.userId,
            mayCreateOrganisations: permissions.has('manage-organisations'),
            exchangeRate,
            today: isoDay(today()),
          });
          workspace.keep(preview);
          return presentPreview(preview, language);
        } catch (error) {
          if (error instanceof ImportFileProblem) throw new HttpError(422, 'unreadable-file', error.messageKey, error.params, 'body');
          throw error;
        }
      },
    );

    app.post(
      '/api/portfolio/imports/:previewId/commit',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Commit my preview: everything in one transaction, or nothing → 202 with the job to follow',
          description: 'Refused (422) while any row has errors. Needs edit in the organisation still.',
          params: Type.Object({ previewId: Uuid }),
          querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
          response: { 202: Type.Object({ jobId: Uuid }), 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const preview = workspace.preview(request.params.previewId, principal.userId);
        if (!preview) throw new HttpError(404, 'not-found', 'portfolioImportPreviewGone', {}, 'previewId');
        await organisationWith(request, preview.root.id, 'edit');
        if (preview.invalid > 0) throw new HttpError(422, 'rows-with-errors', 'portfolioImportHasErrors', { count: preview.invalid });
        const job = workspace.start(db, preview, personActor(principal), (error) => request.log.error({ err: error }, 'import failed'));
        return reply.status(202).send({ jobId: job.id });
      },
    );

    app.get(
      '/api/portfolio/imports/jobs/:jobId',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'How my import job is doing: state, initiatives written of the total, and the import when done',
          params: Type.Object({ jobId: Uuid }),
          querystring: Type.Object({ lang: Lang }, { additionalProperties: false }),
          response: { 200: JobResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const job = workspace.job(request.params.jobId, request.principal!.userId);
        if (!job) throw new HttpError(404, 'not-found', 'notFound', { what: request.params.jobId }, 'jobId');
        return describeJob(job, requestLanguage(request));
      },
    );

    app.get(
      '/api/portfolio/imports',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Committed imports into an organisation tree, newest first (needs edit there)',
          querystring: Type.Object({ organisation: Uuid, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })), lang: Lang }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(ImportItem) }), 403: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { organisation } = await organisationWith(request, request.query.organisation, 'edit');
        const items = await listImports(db, organisation.path, request.query.limit ?? 50);
        return { items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
      },
    );
  };
}
