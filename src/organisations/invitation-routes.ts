/** Invitations by e-mail link: invite, list, withdraw and resend (member managers); preview and accept (anyone with the link). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, requestLanguage } from '../platform/http/errors.js';
import { personActor } from '../platform/audit/audit.js';
import { stringEnum } from '../platform/string-enum.js';
import type { SessionSettings } from '../platform/auth/principal.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { LANGUAGES } from '../reference/codes.js';
import { MAX_PASSWORD_LENGTH } from '../accounts/passwords.js';
import { openSession } from '../accounts/sessions.js';
import { inOrganisation, inOrganisationOf } from './access.js';
import { ROLES } from './roles.js';
import {
  acceptInvitation,
  createInvitation,
  INVITATION_STATUSES,
  invitationOrganisation,
  listInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
  type InvitationSummary,
} from './invitations.js';

export interface InvitationRoutesOptions {
  db: Db;
  mailer: Mailer;
  /** The address people reach the product at, for the link in the mail (never the request's Host header). */
  publicUrl: string;
  sessions: SessionSettings;
}

const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of error messages'));
const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Token = Type.String({ minLength: 10, maxLength: 200, description: 'The token after # in the e-mailed link' });
const NoContent = Type.Null({ description: 'Done' });

const Invitation = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    role: stringEnum(ROLES),
    status: stringEnum(INVITATION_STATUSES),
    invitedBy: Type.Union([Type.String(), Type.Null()], { description: "The inviter's name" }),
    createdAt: Type.String({ format: 'date-time' }),
    expiresAt: Type.String({ format: 'date-time' }),
    acceptedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Invitation' },
);

const Preview = Type.Object(
  {
    organisationName: Type.String(),
    role: stringEnum(ROLES),
    email: Type.String(),
    inviterName: Type.Union([Type.String(), Type.Null()]),
    expiresAt: Type.String({ format: 'date-time' }),
    accountExists: Type.Boolean({ description: 'The invited address has an account: sign in to accept' }),
  },
  { title: 'InvitationPreview' },
);

function present(invitation: InvitationSummary): Static<typeof Invitation> {
  return { ...invitation, createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString(), acceptedAt: invitation.acceptedAt?.toISOString() ?? null };
}

export function invitationRoutes(options: InvitationRoutesOptions): FastifyPluginAsyncTypebox {
  const { db, sessions: settings } = options;
  const mail = { mailer: options.mailer, publicUrl: options.publicUrl };
  const ofInvitation = inOrganisationOf(db, 'manage-members', 'invitation :id', (request) => invitationOrganisation(db, (request.params as Static<typeof IdParams>).id));

  return async (app) => {
    app.post(
      '/api/organisations/:id/invitations',
      {
        config: { access: inOrganisation(db, 'manage-members') },
        schema: {
          tags: ['organisations'],
          summary: 'Invite a person by e-mail with a role (only administrators invite administrators); replaces a pending invitation of the same address',
          params: IdParams,
          querystring: LangQuery,
          body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), role: stringEnum(ROLES), language: Type.Optional(stringEnum(LANGUAGES, "Language of the e-mail; the organisation's written standard by default")) }, { additionalProperties: false }),
          response: { 201: Invitation, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (request, reply) => {
        const created = await createInvitation(db, mail, request.params.id, request.body, request.principal!, request.granted!.permissions);
        return reply.status(201).send(present(created));
      },
    );

    app.get(
      '/api/organisations/:id/invitations',
      {
        config: { access: inOrganisation(db, 'manage-members') },
        schema: { tags: ['organisations'], summary: 'Invitations to this organisation, newest first', params: IdParams, querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(Invitation) }) } },
      },
      async (request) => ({ items: (await listInvitations(db, request.params.id)).map(present) }),
    );

    app.delete(
      '/api/invitations/:id',
      {
        config: { access: ofInvitation },
        schema: {
          tags: ['organisations'],
          summary: 'Withdraw an invitation: its link stops working',
          params: IdParams,
          querystring: LangQuery,
          response: { 204: NoContent, 404: ErrorResponse, 409: ErrorResponse },
        },
      },
      async (request, reply) => {
        await revokeInvitation(db, request.params.id, personActor(request.principal!));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/invitations/:id/resend',
      {
        config: { access: ofInvitation },
        schema: {
          tags: ['organisations'],
          summary: 'Send the invitation again with a new link and expiry (the old link stops working); also for an expired one',
          description: "The mail is in the organisation's written standard.",
          params: IdParams,
          querystring: LangQuery,
          response: { 200: Invitation, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (request) => present(await resendInvitation(db, mail, request.params.id, request.principal!, request.granted!.permissions)),
    );

    app.get(
      '/api/invitations/preview',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisations'],
          summary: 'What an invitation link offers, before accepting',
          querystring: Type.Object({ token: Token, lang: Lang }, { additionalProperties: false }),
          response: { 200: Preview, 410: ErrorResponse },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const preview = await previewInvitation(db, request.query.token);
        return { ...preview, expiresAt: preview.expiresAt.toISOString() };
      },
    );

    app.post(
      '/api/invitations/accept',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisations'],
          summary: 'Accept an invitation: the signed-in person joins; without an account, name and password create one and sign in',
          description: 'Not signed in and the invited address has an account: 409 sign-in-first. The link works once: 410 when unknown, used, withdrawn or expired.',
          querystring: LangQuery,
          body: Type.Object(
            { token: Token, name: Type.Optional(Type.String({ maxLength: 200 })), password: Type.Optional(Type.String({ maxLength: MAX_PASSWORD_LENGTH })) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ organisationId: Type.String({ format: 'uuid' }) }), 409: ErrorResponse, 410: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { token, name, password } = request.body;
        const accepted = await acceptInvitation(db, token, request.principal, { name, password, language: requestLanguage(request) });
        // The new account is signed in at once: it has just proved its mailbox and chosen its password.
        if (accepted.accountCreated) await openSession(db, request, reply, accepted.userId, 'password', settings);
        return { organisationId: accepted.organisationId };
      },
    );
  };
}
