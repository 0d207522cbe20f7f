/** Administration of organisations: the tree a person can see, details, moves, members and the audit trail. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { personActor } from '../platform/audit/audit.js';
import { stringEnum } from '../platform/string-enum.js';
import type { Principal } from '../platform/auth/principal.js';
import { LANGUAGES } from '../reference/codes.js';
import { inOrganisation } from './access.js';
import { ORGANISATION_TYPES } from './kinds.js';
import { createOrganisation, deleteOrganisation, findOrganisation, removeMembership, setMembership, updateOrganisation, type OrganisationRecord } from './organisations.js';
import { auditPage, directMembers, visibleOrganisations } from './repository.js';
import { mayAssignRole, PERMISSIONS, ROLES, type Permission } from './roles.js';
import { grantedPermissions } from '../platform/http/access.js';

const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of error messages'));
const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const MemberParams = Type.Object({ id: Type.String({ format: 'uuid' }), userId: Type.String({ format: 'uuid' }) });
const NoContent = Type.Null({ description: 'Done' });

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const OrganisationDetails = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    kind: stringEnum(ORGANISATION_TYPES),
    name: Type.String(),
    orgNumber: Nullable(Type.String()),
    country: Type.String(),
    placeCode: Nullable(Type.String()),
    writtenStandard: stringEnum(['nb', 'nn'] as const),
    themeColour: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    permissions: Type.Array(stringEnum(PERMISSIONS), { description: 'What the caller may do in this organisation' }),
  },
  { title: 'OrganisationDetails' },
);

const Colour = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: 'Theme colour, #RRGGBB' });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const EditableFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  orgNumber: Type.Union([Type.String({ maxLength: 40 }), Type.Null()], { description: 'Nine digits with a valid check digit; spaces allowed' }),
  country: Country,
  placeCode: Type.Union([Type.String({ pattern: '^[0-9A-Z]{2,6}$' }), Type.Null()], { description: 'Municipality or county code' }),
  writtenStandard: stringEnum(['nb', 'nn'] as const, 'Written standard of the organisation (bokmål or nynorsk)'),
  themeColour: Colour,
};

const NewOrganisation = Type.Object(
  {
    parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
    kind: stringEnum(ORGANISATION_TYPES),
    ...EditableFields,
    orgNumber: Type.Optional(EditableFields.orgNumber),
    country: Type.Optional(Country),
    placeCode: Type.Optional(EditableFields.placeCode),
    writtenStandard: Type.Optional(EditableFields.writtenStandard),
    themeColour: Type.Optional(Colour),
  },
  { additionalProperties: false },
);

const OrganisationChanges = Type.Partial(Type.Object({ ...EditableFields, parentId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) }), { additionalProperties: false });

const Member = Type.Object({ userId: Type.String({ format: 'uuid' }), name: Type.String(), email: Type.String(), role: stringEnum(ROLES), since: Type.String({ format: 'date-time' }) });

const AuditItem = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  organisationName: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

const AuditPage = Type.Object({ items: Type.Array(AuditItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }, { title: 'AuditPage' });

async function presentAuditPage(db: Db, path: string | null, query: { page?: number; pageSize?: number }): Promise<Static<typeof AuditPage>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 50;
  const result = await auditPage(db, path, page, pageSize);
  return { items: result.items.map((item) => ({ ...item, at: item.at.toISOString() })), total: result.total, page, pageSize };
}

const AuditQuery = Type.Object(
  { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })), lang: Lang },
  { additionalProperties: false },
);

function present(organisation: OrganisationRecord, permissions: Iterable<Permission>): Static<typeof OrganisationDetails> {
  return {
    id: organisation.id,
    parentId: organisation.parentId,
    kind: organisation.kind as Static<typeof OrganisationDetails>['kind'],
    name: organisation.name,
    orgNumber: organisation.orgNumber,
    country: organisation.country,
    placeCode: organisation.placeCode,
    writtenStandard: organisation.writtenStandard as 'nb' | 'nn',
    themeColour: organisation.themeColour,
    createdAt: organisation.createdAt.toISOString(),
    updatedAt: organisation.updatedAt.toISOString(),
    permissions: PERMISSIONS.filter((p) => new Set(permissions).has(p)),
  };
}

export function organisationAdminRoutes(db: Db): FastifyPluginAsyncTypebox {
  const permissionsOf = (principal: Principal, path: string) => grantedPermissions(principal, path);
  const mayManageAt = (principal: Principal) => (path: string) => (path === '/' ? principal.systemAdministrator : permissionsOf(principal, path).has('manage-organisations'));

  return async (app) => {
    app.get(
      '/api/organisations/tree',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['organisations'],
          summary: 'The organisations I can see: where a role of mine applies (my organisations and everything below them)',
          description: 'Flat, ordered by path; a parentId outside the list marks a root of what I see. System administrators see every organisation.',
          querystring: LangQuery,
          response: { 200: Type.Object({ items: Type.Array(OrganisationDetails) }) },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const rows = await visibleOrganisations(db, principal.systemAdministrator ? null : principal.memberships.map((m) => m.organisationPath));
        return { items: rows.map((row) => present(row, permissionsOf(principal, row.path))) };
      },
    );

    app.post(
      '/api/organisations',
      {
        config: {
          access: {
            permission: 'manage-organisations',
            scope: 'parent organisation (body parentId; top level: system administrators)',
            resolve: async (request) => {
              const parentId = (request.body as { parentId: string | null }).parentId;
              if (parentId !== null) return (await findOrganisation(db, parentId))?.path ?? null;
              if (!request.principal!.systemAdministrator) throw new HttpError(403, 'forbidden', 'forbidden', {}, 'parentId');
              return '/';
            },
          },
        },
        schema: {
          tags: ['organisations'],
          summary: 'Create an organisation below one I manage (at the top level: system administrators)',
          querystring: LangQuery,
          body: NewOrganisation,
          response: { 201: OrganisationDetails, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const { parentId, ...fields } = request.body;
        const created = await createOrganisation(db, fields, parentId, personActor(principal));
        return reply.status(201).send(present(created, permissionsOf(principal, created.path)));
      },
    );

    app.get(
      '/api/organisations/:id',
      {
        config: { access: inOrganisation(db, 'view') },
        schema: { tags: ['organisations'], summary: 'One organisation, with what I may do in it', params: IdParams, querystring: LangQuery, response: { 200: OrganisationDetails, 404: ErrorResponse } },
      },
      async (request) => present((await findOrganisation(db, request.params.id))!, request.granted!.permissions),
    );

    app.patch(
      '/api/organisations/:id',
      {
        config: { access: inOrganisation(db, 'manage-organisations') },
        schema: {
          tags: ['organisations'],
          summary: 'Change an organisation; with parentId, move it (and everything below it) — that needs the right at the new parent too',
          params: IdParams,
          querystring: LangQuery,
          body: OrganisationChanges,
          response: { 200: OrganisationDetails, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const updated = await updateOrganisation(db, request.params.id, request.body, personActor(principal), mayManageAt(principal));
        return present(updated, permissionsOf(principal, updated.path));
      },
    );

    app.delete(
      '/api/organisations/:id',
      {
        config: { access: inOrganisation(db, 'administer') },
        schema: { tags: ['organisations'], summary: 'Delete an organisation that has none below it', params: IdParams, querystring: LangQuery, response: { 204: NoContent, 409: ErrorResponse } },
      },
      async (request, reply) => {
        await deleteOrganisation(db, request.params.id, personActor(request.principal!));
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/organisations/:id/members',
      {
        config: { access: inOrganisation(db, 'view') },
        schema: { tags: ['organisations'], summary: 'People with a role directly in this organisation', params: IdParams, querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(Member) }) } },
      },
      async (request) => ({ items: (await directMembers(db, request.params.id)).map((m) => ({ ...m, since: m.since.toISOString() })) }),
    );

    app.put(
      '/api/organisations/:id/members/:userId',
      {
        config: { access: inOrganisation(db, 'manage-members') },
        schema: {
          tags: ['organisations'],
          summary: 'Change the role of a member (only administrators give the administrator role)',
          params: MemberParams,
          querystring: LangQuery,
          body: Type.Object({ role: stringEnum(ROLES) }, { additionalProperties: false }),
          response: { 204: NoContent, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { id, userId } = request.params;
        if (!mayAssignRole(request.granted!.permissions, request.body.role)) throw new HttpError(403, 'forbidden', 'roleNotAssignable', {}, 'role');
        await db.transaction(async (tx) => {
          const current = await directMembers(tx, id, userId);
          if (current.length === 0) throw new HttpError(404, 'not-found', 'notFound', { what: `member ${userId}` }, 'userId');
          // Taking the administrator role away is as strong as giving it.
          if (current[0]!.role === 'administrator' && !request.granted!.permissions.has('administer')) throw new HttpError(403, 'forbidden', 'roleNotAssignable', {}, 'role');
          await setMembership(tx, userId, id, request.body.role, personActor(request.principal!));
        });
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/organisations/:id/members/:userId',
      {
        config: { access: inOrganisation(db, 'manage-members') },
        schema: { tags: ['organisations'], summary: 'Remove a member from the organisation', params: MemberParams, querystring: LangQuery, response: { 204: NoContent, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } },
      },
      async (request, reply) => {
        const { id, userId } = request.params;
        await db.transaction(async (tx) => {
          const current = await directMembers(tx, id, userId);
          if (current[0]?.role === 'administrator' && !request.granted!.permissions.has('administer')) throw new HttpError(403, 'forbidden', 'roleNotAssignable', {}, 'role');
          if (!(await removeMembership(tx, userId, id, personActor(request.principal!)))) throw new HttpError(404, 'not-found', 'notFound', { what: `member ${userId}` }, 'userId');
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/organisations/:id/audit',
      {
        config: { access: inOrganisation(db, 'read-audit') },
        schema: {
          tags: ['organisations'],
          summary: 'The audit trail of this organisation and everything below it, newest first',
          params: IdParams,
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => presentAuditPage(db, request.granted!.organisationPath, request.query),
    );

    app.get(
      '/api/audit',
      {
        config: { access: 'system-administrator' },
        schema: {
          tags: ['organisations'],
          summary: 'System-wide audit events (sign-ins, password changes, deleted accounts), newest first',
          querystring: AuditQuery,
          response: { 200: AuditPage },
        },
      },
      async (request) => presentAuditPage(db, null, request.query),
    );
  };
}
