/**
 * The portfolio's HTTP routes: the list and the dashboard of what a person may read, one initiative with
 * its timeline, documents and links, its changes and its life cycle, and saving a navigator result.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError, requestLanguage } from '../platform/http/errors.js';
import { grantedPermissions, type OrganisationAccess } from '../platform/http/access.js';
import { personActor } from '../platform/audit/audit.js';
import { message } from '../platform/i18n/messages.js';
import { stringEnum } from '../platform/string-enum.js';
import type { Principal } from '../platform/auth/principal.js';
import { LANGUAGES } from '../reference/codes.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { organisationPath } from '../organisations/access.js';
import { allowedTransitions, type Status } from './life-cycle.js';
import { InitiativeFilterQuery, InitiativeListQuery, normalisePage, normaliseSort } from './filters.js';
import { mayEdit, portfolioScope } from './visibility.js';
import { documentPlace, findDocument, initiativePlace, listInitiatives, loadInitiative, timeline, type InitiativeRecord, type InitiativeSummaryRow } from './repository.js';
import { dashboardFigures } from './dashboard-repository.js';
import { attach, changeStatus, createInitiative, deleteInitiative, removeDocument, StatusNotAllowedError, titleFromIdea, updateInitiative, VersionConflictError } from './initiatives.js';
import { MAX_DOCUMENT_BYTES, mediaTypeOf } from './documents.js';
import { contentDisposition } from '../platform/export/download.js';
import { requestFilters } from './request-filters.js';
import { PORTFOLIO_STATUS_NAMES } from './messages.js';
import {
  Dashboard,
  DocumentItem,
  FromNavigator,
  Initiative,
  InitiativeInput,
  InitiativePage,
  InitiativeUpdate,
  NewLink,
  StatusChange,
  StatusConflict,
  TimelineItem,
  VersionConflict,
  type InitiativeSummary,
} from './schemas.js';

const TAGS = ['portfolio'];
const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of messages and programme names'));
const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DocumentQuery = Type.Object(
  { fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The file name it is downloaded under; default "document"' })), title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), lang: Lang },
  { additionalProperties: false },
);
const NoContent = Type.Null({ description: 'Done' });

export interface PortfolioRouteOptions {
  db: Db;
  /** The rate new EUR budgets are converted with, named on the dashboard. */
  exchangeRate: ExchangeRate;
}

const iso = (value: Date) => value.toISOString();

export function presentSummary(row: InitiativeSummaryRow): InitiativeSummary {
  return { ...row, updatedAt: iso(row.updatedAt) };
}

function presentInitiative(record: InitiativeRecord, principal: Principal): Initiative {
  const { row } = record;
  const editable = mayEdit(portfolioScope(principal.memberships), record.organisationPath);
  return {
    id: row.id,
    title: row.title,
    status: row.status as Status,
    organisationId: row.organisationId,
    organisationName: record.organisationName,
    programmeId: row.programmeId,
    programmeName: record.programmeName,
    priorityCode: row.priorityCode,
    otherProgramme: row.otherProgramme,
    deadline: row.deadline,
    startDate: row.startDate,
    endDate: row.endDate,
    currency: row.currency as 'NOK' | 'EUR',
    budgetAmount: row.budgetAmount,
    grantAmount: row.grantAmount,
    budgetNok: row.budgetNok,
    grantNok: row.grantNok,
    sectors: row.sectors,
    sdgGoals: row.sdgGoals,
    private: row.private,
    updatedAt: iso(row.updatedAt),
    version: row.version,
    summary: row.summary,
    contactUserId: row.contactUserId,
    contactName: row.contactName ?? record.contactUserName,
    callReference: row.callReference,
    ownShareAmount: row.ownShareAmount,
    coFinancingAmount: row.coFinancingAmount,
    nokRate: row.nokRate,
    nokRateDate: row.nokRateDate,
    hoursApplication: row.hoursApplication,
    hoursProject: row.hoursProject,
    sdgTargets: row.sdgTargets,
    notes: row.notes,
    partners: record.partners,
    budgetLines: record.budgetLines as Initiative['budgetLines'],
    benefits: record.benefits as Initiative['benefits'],
    documents: record.documents.map(presentDocument),
    allowedTransitions: editable ? allowedTransitions(row.status as Status) : [],
    permissions: editable ? ['read', 'edit'] : ['read'],
    createdAt: iso(row.createdAt),
  };
}

function presentDocument(document: InitiativeRecord['documents'][number]): DocumentItem {
  return { ...document, addedAt: iso(document.addedAt) };
}

export function portfolioRoutes(options: PortfolioRouteOptions): FastifyPluginAsyncTypebox {
  const { db } = options;

  /**
   * The organisation of the initiative named by `:id`. A private initiative exists only for those who
   * may edit its organisation: to everyone else it is not found.
   */
  const inInitiative = (permission: 'read' | 'edit'): OrganisationAccess => ({
    permission,
    scope: 'initiative :id (private: edit)',
    resolve: async (request) => visiblePath(request, await initiativePlace(db, (request.params as { id: string }).id)),
  });
  const inDocumentsInitiative = (permission: 'read' | 'edit'): OrganisationAccess => ({
    permission,
    scope: "document :id's initiative (private: edit)",
    resolve: async (request) => visiblePath(request, await documentPlace(db, (request.params as { id: string }).id)),
  });
  const inBodyOrganisation: OrganisationAccess = {
    permission: 'edit',
    scope: 'organisation (body organisationId)',
    resolve: (request) => organisationPath(db, (request.body as { organisationId: string }).organisationId),
  };
  function visiblePath(request: FastifyRequest, place: { organisationPath: string; private: boolean } | null): string | null {
    if (!place) return null;
    if (place.private && !grantedPermissions(request.principal!, place.organisationPath).has('edit')) return null;
    return place.organisationPath;
  }

  const presentById = async (request: FastifyRequest, id: string) => presentInitiative((await loadInitiative(db, id, requestLanguage(request)))!, request.principal!);

  const filtersOf = (request: FastifyRequest, query: InitiativeFilterQuery) => requestFilters(db, request, query);

  return async (app) => {
    app.get(
      '/api/portfolio/initiatives',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The initiatives I may read, filtered, sorted and a page at a time',
          description: 'Everything in the trees where a role of mine grants read; private initiatives only where I may edit.',
          querystring: InitiativeListQuery,
          response: { 200: InitiativePage, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { scope, filters } = await filtersOf(request, request.query);
        const page = normalisePage(request.query);
        const result = await listInitiatives(db, scope, filters, normaliseSort(request.query.sort), page, requestLanguage(request));
        return { items: result.items.map(presentSummary), total: result.total, ...page };
      },
    );

    app.get(
      '/api/portfolio/dashboard',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The management overview of the initiatives the filters show: counts and money by status, programme, sector and year, success rate, benefits, running projects and next deadlines',
          description: "Money in NOK, each initiative converted at its own stored rate and date; `rate` names the current rate new EUR budgets get.",
          querystring: InitiativeFilterQuery,
          response: { 200: Dashboard, 404: ErrorResponse },
        },
      },
      async (request) => {
        const { scope, filters } = await filtersOf(request, request.query);
        const figures = await dashboardFigures(db, scope, filters, requestLanguage(request));
        const rate = options.exchangeRate;
        return { rate: { nokPerEur: rate.eurNok, date: rate.date, source: rate.source }, ...figures, benefits: figures.benefits as Dashboard['benefits'] };
      },
    );

    app.post(
      '/api/portfolio/initiatives',
      {
        config: { access: inBodyOrganisation },
        schema: {
          tags: TAGS,
          summary: 'Register an initiative (status idea) in an organisation where I may edit',
          querystring: LangQuery,
          body: InitiativeInput,
          response: { 201: Initiative, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const id = await createInitiative(db, { input: request.body, organisationPath: request.granted!.organisationPath, actor: personActor(request.principal!), rate: options.exchangeRate });
        return reply.status(201).send(await presentById(request, id));
      },
    );

    app.post(
      '/api/portfolio/initiatives/from-navigator',
      {
        config: { access: inBodyOrganisation },
        schema: {
          tags: TAGS,
          summary: 'Save a navigator result as a new initiative (status idea) with the programme, focus area and idea filled in',
          querystring: LangQuery,
          body: FromNavigator,
          response: { 201: Initiative, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { organisationId, idea, programmeId, priorityCode, navigatorQuery } = request.body;
        const id = await createInitiative(db, {
          input: { organisationId, title: titleFromIdea(idea), summary: idea.trim(), programmeId, priorityCode, private: true },
          organisationPath: request.granted!.organisationPath,
          actor: personActor(request.principal!),
          rate: options.exchangeRate,
          origin: { comment: '', changes: { source: 'navigator', programmeId, priorityCode, navigatorQuery: navigatorQuery ?? null } },
        });
        return reply.status(201).send(await presentById(request, id));
      },
    );

    app.get(
      '/api/portfolio/initiatives/:id',
      {
        config: { access: inInitiative('read') },
        schema: { tags: TAGS, summary: 'One initiative, with what I may do with it', params: IdParams, querystring: LangQuery, response: { 200: Initiative, 404: ErrorResponse } },
      },
      async (request) => presentById(request, request.params.id),
    );

    app.put(
      '/api/portfolio/initiatives/:id',
      {
        config: { access: inInitiative('edit') },
        schema: {
          tags: TAGS,
          summary: 'Change an initiative (all its fields); refused with 409 when someone saved after the version I edited',
          description: 'A new organisationId moves it; that needs edit there too.',
          params: IdParams,
          querystring: LangQuery,
          body: InitiativeUpdate,
          response: { 200: Initiative, 403: ErrorResponse, 404: ErrorResponse, 409: VersionConflict, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { version, ...input } = request.body;
        const principal = request.principal!;
        let path = request.granted!.organisationPath;
        const place = await initiativePlace(db, request.params.id);
        if (place && place.organisationId !== input.organisationId) {
          const target = await organisationPath(db, input.organisationId);
          const permissions = target === null ? new Set() : grantedPermissions(principal, target);
          if (target === null || permissions.size === 0) throw new HttpError(404, 'not-found', 'notFound', { what: input.organisationId }, 'organisationId');
          if (!permissions.has('edit')) throw new HttpError(403, 'forbidden', 'forbidden', {}, 'organisationId');
          path = target;
        }
        try {
          await updateInitiative(db, { id: request.params.id, version, input, organisationPath: path, actor: personActor(principal), rate: options.exchangeRate });
        } catch (error) {
          if (error instanceof VersionConflictError) return reply.status(409).send(versionConflict(request, error));
          throw error;
        }
        return presentById(request, request.params.id);
      },
    );

    app.post(
      '/api/portfolio/initiatives/:id/status',
      {
        config: { access: inInitiative('edit') },
        schema: {
          tags: TAGS,
          summary: 'Move an initiative in its life cycle, dated (the day it took effect; default today) and with a comment',
          description: '409 `status-not-allowed` names the allowed next steps; 409 `version-conflict` when someone changed it meanwhile.',
          params: IdParams,
          querystring: LangQuery,
          body: StatusChange,
          response: { 200: Initiative, 403: ErrorResponse, 404: ErrorResponse, 409: Type.Union([StatusConflict, VersionConflict]) },
        },
      },
      async (request, reply) => {
        const { status, date, comment, version } = request.body;
        try {
          await changeStatus(db, { id: request.params.id, version, status, effectiveDate: date, comment, actor: personActor(request.principal!) });
        } catch (error) {
          if (error instanceof VersionConflictError) return reply.status(409).send(versionConflict(request, error));
          if (error instanceof StatusNotAllowedError) {
            const language = requestLanguage(request);
            const name = (s: Status) => PORTFOLIO_STATUS_NAMES[s][language];
            const allowed = error.allowed.length === 0 ? message('portfolioNoNextStep', language) : error.allowed.map(name).join(', ');
            return reply.status(409).send({
              statusCode: 409 as const,
              error: 'status-not-allowed' as const,
              message: message('portfolioStatusNotAllowed', language, { from: name(error.from), to: name(error.to), allowed }),
              field: 'status',
              allowed: error.allowed,
            });
          }
          throw error;
        }
        return presentById(request, request.params.id);
      },
    );

    app.delete(
      '/api/portfolio/initiatives/:id',
      {
        config: { access: inInitiative('edit') },
        schema: { tags: TAGS, summary: 'Delete an initiative with its timeline and documents (the audit trail keeps what it was)', params: IdParams, querystring: LangQuery, response: { 204: NoContent, 403: ErrorResponse, 404: ErrorResponse } },
      },
      async (request, reply) => {
        await deleteInitiative(db, request.params.id, personActor(request.principal!));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/portfolio/initiatives/:id/timeline',
      {
        config: { access: inInitiative('read') },
        schema: {
          tags: TAGS,
          summary: "The initiative's history: created, each status change (dated, by whom), edits and documents, oldest first",
          params: IdParams,
          querystring: LangQuery,
          response: { 200: Type.Object({ items: Type.Array(TimelineItem) }), 404: ErrorResponse },
        },
      },
      async (request) => {
        const events = await timeline(db, request.params.id);
        return {
          items: events.map((e) => ({ ...e, at: iso(e.at), kind: e.kind as 'created', fromStatus: e.fromStatus as Status | null, toStatus: e.toStatus as Status | null })),
        };
      },
    );

    app.post(
      '/api/portfolio/initiatives/:id/links',
      {
        config: { access: inInitiative('edit') },
        schema: { tags: TAGS, summary: 'Add a link (http or https) to an initiative', params: IdParams, querystring: LangQuery, body: NewLink, response: { 201: DocumentItem, 403: ErrorResponse, 404: ErrorResponse } },
      },
      async (request, reply) => {
        const document = await attach(db, { initiativeId: request.params.id, title: request.body.title, link: { url: request.body.url }, actor: personActor(request.principal!) });
        return reply.status(201).send(presentDocument(document));
      },
    );

    // Documents arrive as the raw request body with their own Content-Type; the allow-list and the
    // file's first bytes decide whether it is kept (documents.ts). Only in this plugin's scope.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES + 1 }, (_request, body, done) => done(null, body));

    app.post(
      '/api/portfolio/initiatives/:id/documents',
      {
        config: { access: inInitiative('edit') },
        bodyLimit: MAX_DOCUMENT_BYTES + 1,
        schema: {
          tags: TAGS,
          summary: `Upload a document (at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB: PDF, office documents, PNG/JPEG, plain text or CSV) as the raw body with its Content-Type`,
          params: IdParams,
          querystring: DocumentQuery,
          response: { 201: DocumentItem, 403: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const content = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : JSON.stringify(request.body ?? ''));
        const fileName = request.query.fileName ?? 'document';
        const document = await attach(db, {
          initiativeId: request.params.id,
          title: request.query.title ?? fileName,
          file: { fileName, mediaType: mediaTypeOf(request.headers['content-type']), content },
          actor: personActor(request.principal!),
        });
        return reply.status(201).send(presentDocument(document));
      },
    );

    app.get(
      '/api/portfolio/documents/:id',
      {
        config: { access: inDocumentsInitiative('read') },
        schema: { tags: TAGS, summary: 'Download a document (as an attachment, in its own media type); a link answers with a redirect to its address', params: IdParams, querystring: LangQuery },
      },
      async (request, reply) => {
        const document = (await findDocument(db, request.params.id))!;
        if (document.url !== null) return reply.redirect(document.url, 303);
        return reply
          .header('content-type', document.mediaType ?? 'application/octet-stream')
          .header('content-disposition', contentDisposition(document.fileName ?? 'document'))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .send(document.content);
      },
    );

    app.delete(
      '/api/portfolio/documents/:id',
      {
        config: { access: inDocumentsInitiative('edit') },
        schema: { tags: TAGS, summary: 'Remove a document or link from an initiative', params: IdParams, querystring: LangQuery, response: { 204: NoContent, 403: ErrorResponse, 404: ErrorResponse } },
      },
      async (request, reply) => {
        await removeDocument(db, request.params.id, personActor(request.principal!));
        return reply.status(204).send(null);
      },
    );
  };
}

function versionConflict(request: FastifyRequest, error: VersionConflictError) {
  return {
    statusCode: 409 as const,
    error: 'version-conflict' as const,
    message: message('portfolioVersionConflict', requestLanguage(request), { current: error.current, yours: error.yours }),
    field: 'version',
    currentVersion: error.current,
  };
}
