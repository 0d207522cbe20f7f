/**
 * HTTP routes of the survey: rounds, questions and invitees for coordinators, and the respondent's
 * public pages behind the personal link (respondent-routes.ts).
 *
 * Who may do what, at the round's organisation (roles reach down the tree):
 * - see rounds, their status, counts and questions: `read` (readers and up);
 * - run a round — create, change, open, close, delete it, edit questions, see and manage invitees
 *   (names and e-mail addresses): the coordinating powers, `manage-organisations` AND `edit`, i.e.
 *   coordinators and administrators. A system administrator (who never reads tenants' content) and an
 *   editor are refused (403). Respondents' names and addresses are in no other response.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { grantedPermissions, type OrganisationAccess } from '../platform/http/access.js';
import { personActor } from '../platform/audit/audit.js';
import { stringEnum } from '../platform/string-enum.js';
import { LANGUAGES, MUNICIPAL_SECTORS } from '../reference/codes.js';
import { inOrganisationOf, organisationPath } from '../organisations/access.js';
import { permissionsAt, type Permission } from '../organisations/roles.js';
import { ListUnreadableError, municipalityName, parseInviteeList, ROW_PROBLEMS, type InviteePerson } from './invitee-list.js';
import { addInvitees, resendLink, removeInvitee, sendPendingInvitations, SKIP_REASONS, updateInvitee, type SurveyMail } from './invitees.js';
import { addQuestion, editQuestion, retireQuestion } from './question-editing.js';
import { QUESTION_KEY_PATTERN, QuestionDefinition } from './questions.js';
import { presentQuestion, Question } from './presenters.js';
import { currentQuestions, listInvitees, listRounds, roundOrganisation, type InviteeRow, type RoundWithCounts } from './repository.js';
import { surveyJobs, type SurveyJobs } from './jobs.js';
import { respondentRoutes } from './respondent-routes.js';
import { closeRound, createRound, deleteRound, effectiveStatus, markOpen, requireRound, ROUND_STATUSES, updateRound } from './rounds.js';

/** The coordinating permission; routes that hold it also need `edit` (see the file's comment). */
const COORDINATE: Permission = 'manage-organisations';

const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of error messages'));
const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });
const Paging = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
};
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const QuestionParams = Type.Object({ id: Type.String({ format: 'uuid' }), key: Type.String({ pattern: QUESTION_KEY_PATTERN }) });
const InviteeParams = Type.Object({ id: Type.String({ format: 'uuid' }), inviteeId: Type.String({ format: 'uuid' }) });
const NoContent = Type.Null({ description: 'Done' });
const DateTime = Type.String({ format: 'date-time' });
const NullableDateTime = Type.Union([DateTime, Type.Null()]);
const Sector = stringEnum(MUNICIPAL_SECTORS, 'Municipal sector');
const MunicipalityCode = Type.String({ pattern: '^[0-9]{4}$', description: 'Kommunenummer (2024) or Swedish kommunkod' });

const Delivery = Type.Object({ sent: Type.Integer(), failed: Type.Integer({ description: 'Mails that could not be delivered; send them again later' }) });

const Round = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisationId: Type.String({ format: 'uuid' }),
    organisationName: Type.String(),
    title: Type.String(),
    introduction: Type.String(),
    status: stringEnum(ROUND_STATUSES, 'An open round past its closing time is closed'),
    opensAt: NullableDateTime,
    closesAt: DateTime,
    reminderDays: Type.Array(Type.Integer(), { description: 'Days before closing on which those who have not submitted are reminded' }),
    minGroupSize: Type.Integer({ description: 'Summaries never show a smaller group broken down by person-level attributes' }),
    retentionUntil: Type.String({ format: 'date-time', description: 'Answers and respondents are deleted after this' }),
    language: stringEnum(LANGUAGES),
    version: Type.Integer({ description: 'Give it back when changing the round' }),
    createdAt: DateTime,
    updatedAt: DateTime,
    invited: Type.Integer(),
    responded: Type.Integer({ description: 'Invitees who answered anything' }),
    submitted: Type.Integer(),
    mayCoordinate: Type.Boolean({ description: 'Whether the caller may run this round (and see its invitees)' }),
    delivery: Type.Optional(Delivery),
  },
  { title: 'SurveyRound' },
);

const RoundFieldsSchema = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  introduction: Type.String({ maxLength: 5_000 }),
  opensAt: Type.Union([DateTime, Type.Null()]),
  closesAt: DateTime,
  reminderDays: Type.Array(Type.Integer({ minimum: 1, maximum: 60 }), { maxItems: 10 }),
  minGroupSize: Type.Integer({ minimum: 1, maximum: 50 }),
  retentionUntil: DateTime,
  language: stringEnum(LANGUAGES, 'Language of the invitations, unless an invitee has their own'),
};
const NewRound = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    title: RoundFieldsSchema.title,
    closesAt: RoundFieldsSchema.closesAt,
    introduction: Type.Optional(RoundFieldsSchema.introduction),
    opensAt: Type.Optional(RoundFieldsSchema.opensAt),
    reminderDays: Type.Optional(RoundFieldsSchema.reminderDays),
    minGroupSize: Type.Optional(RoundFieldsSchema.minGroupSize),
    retentionUntil: Type.Optional(RoundFieldsSchema.retentionUntil),
    language: Type.Optional(RoundFieldsSchema.language),
  },
  { additionalProperties: false },
);
const RoundChanges = Type.Object({ version: Type.Integer({ minimum: 1 }), ...Type.Partial(Type.Object(RoundFieldsSchema)).properties }, { additionalProperties: false });

const QuestionBody = {
  section: Type.Optional(Type.String({ maxLength: 60 })),
  required: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  definition: QuestionDefinition,
};
const NewQuestion = Type.Object({ key: Type.String({ pattern: QUESTION_KEY_PATTERN }), ...QuestionBody }, { additionalProperties: false });
const QuestionChange = Type.Object(
  { ...QuestionBody, confirmNewVersion: Type.Optional(Type.Boolean({ description: 'Required once answers exist: make a new version, keep the answers with the old one' })) },
  { additionalProperties: false },
);

const Invitee = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organisationId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    name: Type.String(),
    email: Type.String(),
    municipalityCode: Type.Union([Type.String(), Type.Null()]),
    municipalityName: Type.Union([Type.String(), Type.Null()], { description: 'The municipality\'s name, when its code is known' }),
    sector: Type.Union([Type.String(), Type.Null()]),
    invitedAt: NullableDateTime,
    lastSentAt: NullableDateTime,
    remindersSent: Type.Integer(),
    firstAnsweredAt: NullableDateTime,
    lastAnsweredAt: NullableDateTime,
    submittedAt: NullableDateTime,
  },
  { title: 'SurveyInvitee' },
);
const Person = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    municipalityCode: Type.Optional(MunicipalityCode),
    sector: Type.Optional(Sector),
    organisationId: Type.Optional(Type.String({ format: 'uuid', description: 'The unit of the tree this address answers for; its municipality and sector come from the tree unless given' })),
  },
  { additionalProperties: false },
);
const NewInvitees = Type.Object(
  { organisationIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 5_000 })), people: Type.Optional(Type.Array(Person, { maxItems: 5_000 })) },
  { additionalProperties: false },
);
const InviteeChanges = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    municipalityCode: Type.Optional(Type.Union([MunicipalityCode, Type.Null()])),
    sector: Type.Optional(Type.Union([Sector, Type.Null()])),
  },
  { additionalProperties: false, description: 'At least one field; a field left out stays as it is, null takes the municipality or sector away' },
);
const ChangedInvitee = Type.Object({ ...Invitee.properties, delivery: Delivery }, { title: 'SurveyInviteeChanged' });
const Skipped = Type.Object({ email: Type.String({ description: 'The address, or the organisation id of a unit without one' }), reason: stringEnum(SKIP_REASONS) });
const RowProblem = Type.Object({ line: Type.Integer(), column: stringEnum(['name', 'email', 'municipality', 'sector'] as const), problem: stringEnum(ROW_PROBLEMS), value: Type.String() });
const AddResult = Type.Object({ added: Type.Integer(), skipped: Type.Array(Skipped), problems: Type.Array(RowProblem), delivery: Delivery }, { title: 'SurveyInviteesAdded' });

// ---------------------------------------------------------------------------------------------------

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

function presentRound(round: RoundWithCounts, permissions: ReadonlySet<Permission>): Static<typeof Round> {
  return {
    id: round.id,
    organisationId: round.organisationId,
    organisationName: round.organisationName,
    title: round.title,
    introduction: round.introduction,
    status: effectiveStatus(round),
    opensAt: isoOrNull(round.opensAt),
    closesAt: iso(round.closesAt),
    reminderDays: round.reminderDays,
    minGroupSize: round.minGroupSize,
    retentionUntil: iso(round.retentionUntil),
    language: round.language as Static<typeof Round>['language'],
    version: round.version,
    createdAt: iso(round.createdAt),
    updatedAt: iso(round.updatedAt),
    invited: round.invited,
    responded: round.responded,
    submitted: round.submitted,
    mayCoordinate: permissions.has(COORDINATE) && permissions.has('edit'),
  };
}

const presentInvitee = (i: InviteeRow): Static<typeof Invitee> => ({
  id: i.id,
  organisationId: i.organisationId,
  name: i.name,
  email: i.email,
  municipalityCode: i.municipalityCode,
  municipalityName: i.municipalityCode ? municipalityName(i.municipalityCode) : null,
  sector: i.sector,
  invitedAt: isoOrNull(i.invitedAt),
  lastSentAt: isoOrNull(i.lastSentAt),
  remindersSent: i.remindersSent,
  firstAnsweredAt: isoOrNull(i.firstAnsweredAt),
  lastAnsweredAt: isoOrNull(i.lastAnsweredAt),
  submittedAt: isoOrNull(i.submittedAt),
});

const toDate = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

export interface SurveyRouteOptions {
  db: Db;
  mail: SurveyMail;
}

/** The round named by `:id`, for organisation policies. */
export function inRound(db: Db, permission: Permission): OrganisationAccess {
  return inOrganisationOf(db, permission, 'the organisation of survey round :id', (request: FastifyRequest) => roundOrganisation(db, (request.params as { id: string }).id));
}

export function surveyCoordinatorRoutes({ db, mail }: SurveyRouteOptions): FastifyPluginAsyncTypebox {
  const coordinating = inRound(db, COORDINATE);
  const reading = inRound(db, 'read');
  const actor = (request: FastifyRequest) => personActor(request.principal!);

  return async (app) => {
    // The coordinating permission alone is not enough: running a round also changes content (`edit`).
    app.addHook('preHandler', async (request) => {
      const access = request.routeOptions.config.access;
      if (typeof access === 'object' && access.permission === COORDINATE && !request.granted?.permissions.has('edit')) throw new HttpError(403, 'forbidden', 'forbidden');
    });
    // The list import takes the file as it is: text/csv, or any other text (a body without a JSON type
    // reaching the JSON routes fails their schema with 400, as it should).
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_request, body, done) => done(null, body));

    app.get(
      '/api/surveys/rounds',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['surveys'],
          summary: 'Survey rounds I may see: in organisations where I may read, optionally only at or below one organisation',
          querystring: Type.Object({ organisation: Type.Optional(Type.String({ format: 'uuid' })), ...Paging, lang: Lang }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(Round), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const { page = 1, pageSize = 100 } = request.query;
        const readable = principal.memberships.filter((m) => permissionsAt([m], m.organisationPath).has('read')).map((m) => m.organisationPath);
        const within = request.query.organisation ? await organisationPath(db, request.query.organisation) : null;
        if (request.query.organisation && within === null) return { items: [], total: 0, page, pageSize };
        const result = await listRounds(db, readable, within, page, pageSize);
        return { items: result.items.map((round) => presentRound(round, grantedPermissions(principal, round.organisationPath))), total: result.total, page, pageSize };
      },
    );

    app.post(
      '/api/surveys/rounds',
      {
        config: {
          access: {
            permission: COORDINATE,
            scope: 'organisation (body organisationId); coordinators: also edit',
            resolve: (request) => organisationPath(db, (request.body as { organisationId: string }).organisationId),
          },
        },
        schema: {
          tags: ['surveys'],
          summary: 'Start a survey round for an organisation tree, with the pre-study questionnaire as its questions',
          querystring: LangQuery,
          body: NewRound,
          response: { 201: Round, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { organisationId, opensAt, closesAt, retentionUntil, ...rest } = request.body;
        const round = await createRound(db, organisationId, { ...rest, opensAt: toDate(opensAt) ?? null, closesAt: new Date(closesAt), ...(retentionUntil ? { retentionUntil: new Date(retentionUntil) } : {}) }, actor(request));
        return reply.status(201).send(presentRound(round, request.granted!.permissions));
      },
    );

    app.get(
      '/api/surveys/rounds/:id',
      { config: { access: reading }, schema: { tags: ['surveys'], summary: 'One round: status and counts (no respondents)', params: IdParams, querystring: LangQuery, response: { 200: Round, 404: ErrorResponse } } },
      async (request) => presentRound(await requireRound(db, request.params.id), request.granted!.permissions),
    );

    app.patch(
      '/api/surveys/rounds/:id',
      {
        config: { access: coordinating },
        schema: { tags: ['surveys'], summary: 'Change a round (give the version you read; 409 if it changed meanwhile)', params: IdParams, querystring: LangQuery, body: RoundChanges, response: { 200: Round, 409: ErrorResponse, 422: ErrorResponse } },
      },
      async (request) => {
        const { version, opensAt, closesAt, retentionUntil, ...rest } = request.body;
        const changes = { ...rest, ...(opensAt !== undefined ? { opensAt: toDate(opensAt)! } : {}), ...(closesAt ? { closesAt: new Date(closesAt) } : {}), ...(retentionUntil ? { retentionUntil: new Date(retentionUntil) } : {}) };
        return presentRound(await updateRound(db, request.params.id, version, changes, actor(request)), request.granted!.permissions);
      },
    );

    app.delete(
      '/api/surveys/rounds/:id',
      { config: { access: coordinating }, schema: { tags: ['surveys'], summary: 'Delete a round with its questions, invitees and answers', params: IdParams, querystring: LangQuery, response: { 204: NoContent } } },
      async (request, reply) => {
        await deleteRound(db, request.params.id, actor(request));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/surveys/rounds/:id/open',
      {
        config: { access: coordinating },
        schema: {
          tags: ['surveys'],
          summary: 'Open a draft round: every invitee gets an e-mail with a personal link',
          params: IdParams,
          querystring: LangQuery,
          response: { 200: Round, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => {
        await markOpen(db, request.params.id, actor(request));
        const delivery = await sendPendingInvitations(db, mail, request.params.id);
        return { ...presentRound(await requireRound(db, request.params.id), request.granted!.permissions), delivery: { sent: delivery.sent, failed: delivery.failed.length } };
      },
    );

    app.post(
      '/api/surveys/rounds/:id/close',
      { config: { access: coordinating }, schema: { tags: ['surveys'], summary: 'Close a round now: every personal link stops working', params: IdParams, querystring: LangQuery, response: { 200: Round, 409: ErrorResponse } } },
      async (request) => presentRound(await closeRound(db, request.params.id, actor(request)), request.granted!.permissions),
    );

    // ---- questions

    app.get(
      '/api/surveys/rounds/:id/questions',
      { config: { access: reading }, schema: { tags: ['surveys'], summary: 'The questions asked now, in order', params: IdParams, querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(Question) }) } } },
      async (request) => ({ items: (await currentQuestions(db, request.params.id)).map(presentQuestion) }),
    );

    app.post(
      '/api/surveys/rounds/:id/questions',
      {
        config: { access: coordinating },
        schema: { tags: ['surveys'], summary: 'Add a question', params: IdParams, querystring: LangQuery, body: NewQuestion, response: { 201: Question, 409: ErrorResponse, 422: ErrorResponse } },
      },
      async (request, reply) => {
        const { key, ...input } = request.body;
        const created = await addQuestion(db, request.params.id, key, input, actor(request));
        return reply.status(201).send(presentQuestion({ ...created, answerCount: 0 }));
      },
    );

    app.put(
      '/api/surveys/rounds/:id/questions/:key',
      {
        config: { access: coordinating },
        schema: {
          tags: ['surveys'],
          summary: 'Change a question; once answered, only with confirmNewVersion (409 answers-exist otherwise), which makes a new version and keeps the answers with the old',
          params: QuestionParams,
          querystring: LangQuery,
          body: QuestionChange,
          response: { 200: Question, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => {
        const { question } = await editQuestion(db, request.params.id, request.params.key, request.body, actor(request));
        const counted = (await currentQuestions(db, request.params.id)).find((q) => q.id === question.id);
        return presentQuestion(counted ?? { ...question, answerCount: 0 });
      },
    );

    app.delete(
      '/api/surveys/rounds/:id/questions/:key',
      { config: { access: coordinating }, schema: { tags: ['surveys'], summary: 'Stop asking a question (its answers are kept)', params: QuestionParams, querystring: LangQuery, response: { 204: NoContent, 404: ErrorResponse } } },
      async (request, reply) => {
        await retireQuestion(db, request.params.id, request.params.key, actor(request));
        return reply.status(204).send(null);
      },
    );

    // ---- invitees (names and addresses: coordinators only)

    app.get(
      '/api/surveys/rounds/:id/invitees',
      {
        config: { access: coordinating },
        schema: {
          tags: ['surveys'],
          summary: 'The invited units with their contact and progress (coordinators only)',
          params: IdParams,
          querystring: Type.Object({ ...Paging, lang: Lang }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(Invitee), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
        },
      },
      async (request) => {
        const { page = 1, pageSize = 100 } = request.query;
        const result = await listInvitees(db, request.params.id, page, pageSize);
        return { items: result.items.map(presentInvitee), total: result.total, page, pageSize };
      },
    );

    app.post(
      '/api/surveys/rounds/:id/invitees',
      {
        config: { access: coordinating },
        schema: {
          tags: ['surveys'],
          summary: 'Invite units from the tree below the round\'s organisation (organisationIds: addressed to each unit\'s member with the largest role; people with organisationId: at the address given) and/or people by address; invited at once when the round is open',
          params: IdParams,
          querystring: LangQuery,
          body: NewInvitees,
          response: { 200: AddResult, 409: ErrorResponse },
        },
      },
      async (request) => {
        const given = request.body.people ?? [];
        const person = (p: (typeof given)[number]): InviteePerson => ({ name: p.name, email: p.email, municipalityCode: p.municipalityCode ?? null, sector: p.sector ?? null });
        const units = given.flatMap((p) => (p.organisationId ? [{ organisationId: p.organisationId, person: person(p) }] : []));
        const people = given.filter((p) => !p.organisationId).map(person);
        const result = await addInvitees(db, mail, request.params.id, { organisationIds: request.body.organisationIds, units, people }, actor(request));
        return { added: result.added.length, skipped: result.skipped, problems: [], delivery: { sent: result.delivery.sent, failed: result.delivery.failed.length } };
      },
    );

    app.post(
      '/api/surveys/rounds/:id/invitees/import',
      {
        config: { access: coordinating },
        schema: {
          tags: ['surveys'],
          summary: 'Invite from a list (text/csv: name;email;municipality;sector per line, optional header); good lines are added, bad ones reported',
          params: IdParams,
          querystring: LangQuery,
          consumes: ['text/csv'],
          body: Type.String({ maxLength: 2 * 1024 * 1024 }),
          response: { 200: AddResult, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => {
        let parsed;
        try {
          parsed = parseInviteeList(request.body);
        } catch (error) {
          if (error instanceof ListUnreadableError) throw new HttpError(422, 'invalid', 'surveyCsvUnreadable', { line: error.line }, 'body');
          throw error;
        }
        if (parsed.people.length === 0 && parsed.problems.length === 0) throw new HttpError(422, 'invalid', 'surveyCsvEmpty', {}, 'body');
        const result = await addInvitees(db, mail, request.params.id, { people: parsed.people }, actor(request));
        return { added: result.added.length, skipped: result.skipped, problems: parsed.problems, delivery: { sent: result.delivery.sent, failed: result.delivery.failed.length } };
      },
    );

    app.post(
      '/api/surveys/rounds/:id/invitees/:inviteeId/resend',
      {
        config: { access: coordinating },
        schema: { tags: ['surveys'], summary: 'Send a new personal link (the previous one stops working)', params: InviteeParams, querystring: LangQuery, response: { 200: Invitee, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse } },
      },
      async (request) => presentInvitee(await resendLink(db, mail, request.params.id, request.params.inviteeId, actor(request))),
    );

    app.patch(
      '/api/surveys/rounds/:id/invitees/:inviteeId',
      {
        config: { access: coordinating },
        schema: {
          tags: ['surveys'],
          summary: 'Correct an invitee\'s name, address, municipality or sector; the answers are kept. A new address revokes the old link, and gets a new one at once if a link had been sent and the round is open',
          params: InviteeParams,
          querystring: LangQuery,
          body: InviteeChanges,
          response: { 200: ChangedInvitee, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => {
        const { invitee, delivery } = await updateInvitee(db, mail, request.params.id, request.params.inviteeId, request.body, actor(request));
        return { ...presentInvitee(invitee), delivery: { sent: delivery.sent, failed: delivery.failed.length } };
      },
    );

    app.delete(
      '/api/surveys/rounds/:id/invitees/:inviteeId',
      { config: { access: coordinating }, schema: { tags: ['surveys'], summary: 'Remove an invitee and their answers', params: InviteeParams, querystring: LangQuery, response: { 204: NoContent, 404: ErrorResponse } } },
      async (request, reply) => {
        await removeInvitee(db, request.params.id, request.params.inviteeId, actor(request));
        return reply.status(204).send(null);
      },
    );
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The survey's periodic job (close due rounds, retention, reminders), scheduled from platform/app.ts. */
    surveyJobs: SurveyJobs;
  }
}

/**
 * Everything the survey serves: the coordinators' and the respondent's routes, each in its own
 * encapsulated context, and `app.surveyJobs` on the server itself (fastify-plugin lifts the decoration
 * out of this plugin so that start-up can schedule it).
 */
export function surveyRoutes(options: SurveyRouteOptions) {
  return fastifyPlugin(
    async (app: FastifyInstance) => {
      app.decorate('surveyJobs', surveyJobs(options.db, options.mail, app.log));
      await app.register(surveyCoordinatorRoutes(options));
      await app.register(respondentRoutes(options.db));
    },
    { name: 'survey', fastify: '5.x' },
  );
}
