/** My data (download, deletion of my account) and the retention settings of an organisation tree. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { personActor } from '../platform/audit/audit.js';
import { clearSessionCookie } from '../platform/auth/authentication.js';
import type { SessionSettings } from '../platform/auth/principal.js';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { stringEnum } from '../platform/string-enum.js';
import { LANGUAGES } from '../reference/codes.js';
import { inOrganisation } from '../organisations/access.js';
import { deleteOwnAccount, exportPersonalData, PersonalDataExport } from './personal-data.js';
import { assertTopLevel, retentionOf, setRetention } from './retention.js';
import { RETENTION_LIMITS } from './retention-rules.js';

export interface PersonalDataOptions {
  db: Db;
  sessions: SessionSettings;
}

const LangQuery = Type.Object({ lang: Type.Optional(stringEnum(LANGUAGES, 'Language of error messages')) }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const NoContent = Type.Null({ description: 'Done' });

const months = (limits: { min: number; max: number }, description: string) =>
  Type.Integer({ minimum: limits.min, maximum: limits.max, description: `${description} (${limits.min}–${limits.max})` });

const Retention = Type.Object(
  {
    auditMonths: months(RETENTION_LIMITS.auditMonths, 'Months the audit trail of the organisation and everything below it is kept'),
    inactiveAccountMonths: months(RETENTION_LIMITS.inactiveAccountMonths, 'Months without a sign-in after which a member\'s account is deleted'),
  },
  { title: 'Retention', additionalProperties: false },
);

export function personalDataRoutes(options: PersonalDataOptions): FastifyPluginAsyncTypebox {
  const { db } = options;
  return async (app) => {
    app.get(
      '/api/me/export',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['accounts'],
          summary: 'Download everything the product holds about me (JSON attachment)',
          querystring: LangQuery,
          response: { 200: PersonalDataExport },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const data = await exportPersonalData(db, request.principal!.userId, now);
        if (!data) throw new HttpError(401, 'unauthenticated', 'signInRequired');
        return reply
          .header('content-disposition', `attachment; filename="mulighetsrom-mine-data-${now.toISOString().slice(0, 10)}.json"`)
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(data);
      },
    );

    app.delete(
      '/api/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['accounts'],
          summary: 'Delete my account and sign me out',
          description:
            'Confirm with your own e-mail address. Memberships, sessions, sign-in identities and reset links are deleted with the ' +
            'account, and invitations sent to the address; audit events keep what happened, with the actor shown as `deleted-user`. ' +
            '409 when you are the only administrator of an organisation: give someone else the role first.',
          querystring: LangQuery,
          body: Type.Object({ confirmEmail: Type.String({ maxLength: 254, description: 'Your e-mail address, as confirmation' }) }, { additionalProperties: false }),
          response: { 204: NoContent, 409: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        await deleteOwnAccount(db, request.principal!, request.body.confirmEmail);
        request.session = null;
        request.principal = null;
        clearSessionCookie(request, reply, options.sessions);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/organisations/:id/retention',
      {
        config: { access: inOrganisation(db, 'administer') },
        schema: {
          tags: ['organisations'],
          summary: 'Retention settings of a top-level organisation and everything below it',
          params: IdParams,
          querystring: LangQuery,
          response: { 200: Retention, 422: ErrorResponse },
        },
      },
      async (request) => {
        await assertTopLevel(db, request.params.id);
        return retentionOf(db, request.params.id);
      },
    );

    app.put(
      '/api/organisations/:id/retention',
      {
        config: { access: inOrganisation(db, 'administer') },
        schema: {
          tags: ['organisations'],
          summary: 'Set the retention of a top-level organisation\'s tree',
          description: 'The daily retention job deletes audit events and inactive accounts by these settings. 422 (field id) for an organisation below the top level.',
          params: IdParams,
          querystring: LangQuery,
          body: Retention,
          response: { 200: Retention, 422: ErrorResponse },
        },
      },
      async (request) => {
        await assertTopLevel(db, request.params.id);
        return setRetention(db, request.params.id, request.body, personActor(request.principal!));
      },
    );
  };
}
