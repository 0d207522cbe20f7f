/** Sign-in, sessions, password reset and "my page" (profile, language, sessions). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { stringEnum } from '../platform/string-enum.js';
import type { SessionSettings } from '../platform/auth/principal.js';
import { idleExpiry } from '../platform/auth/principal.js';
import { personActor, recordAudit } from '../platform/audit/audit.js';
import { MailDeliveryError, type Mailer } from '../platform/mail/mailer.js';
import { LANGUAGES } from '../reference/codes.js';
import { ROLES } from '../organisations/roles.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './passwords.js';
import { completePasswordReset, requestPasswordReset } from './password-reset.js';
import { deleteUserSessionById, deleteUserSessions, findUserById, listUserSessions, SESSION_ID_LENGTH, touchSession, updateUser } from './repository.js';
import { closeSession, openSession } from './sessions.js';
import { signInWithPassword } from './sign-in.js';
import { membershipsOf } from '../organisations/repository.js';

export interface AccountsOptions {
  db: Db;
  mailer: Mailer;
  sessions: SessionSettings;
  /** The address people reach the product at, for links in e-mails (never taken from the request's Host header). */
  publicUrl: string;
  /** Whether OpenID Connect sign-in is configured, for the sign-in page. */
  oidcEnabled: boolean;
  /** The OpenID provider's name for the sign-in button, e.g. ID-porten. */
  oidcName: string | null;
}

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });
const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of error messages'));
const LangQuery = Type.Object({ lang: Lang }, { additionalProperties: false });

const Membership = Type.Object({
  organisationId: Type.String({ format: 'uuid' }),
  organisationName: Type.String(),
  organisationKind: Type.String(),
  role: stringEnum(ROLES),
});

const Me = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    name: Type.String(),
    language: stringEnum(LANGUAGES),
    systemAdministrator: Type.Boolean(),
    memberships: Type.Array(Membership),
  },
  { title: 'Me' },
);

const SessionState = Type.Object(
  {
    user: Type.Union([Me, Type.Null()]),
    /** Send in the x-csrf-token header with every state-changing request. */
    csrfToken: Type.Union([Type.String(), Type.Null()]),
    expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When the session ends if unused' }),
    idleMinutes: Type.Integer(),
    methods: Type.Object({ password: Type.Boolean(), oidc: Type.Boolean(), oidcName: Type.Union([Type.String(), Type.Null()], { description: 'Label of the OpenID Connect button' }) }),
  },
  { title: 'SessionState' },
);

const SessionInfo = Type.Object({
  id: Type.String(),
  current: Type.Boolean(),
  method: Type.String(),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
});

const NoContent = Type.Null({ description: 'Done' });

export function accountsRoutes(options: AccountsOptions): FastifyPluginAsyncTypebox {
  const { db, mailer, sessions: settings, publicUrl } = options;

  async function describeMe(userId: string) {
    const user = await findUserById(db, userId);
    if (!user) throw new HttpError(401, 'unauthenticated', 'signInRequired');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      language: user.language,
      systemAdministrator: user.systemAdministrator,
      memberships: await membershipsOf(db, user.id),
    };
  }

  function weakPassword(): HttpError {
    return new HttpError(422, 'weak-password', 'weakPassword', { min: MIN_PASSWORD_LENGTH }, 'password');
  }

  return async (app) => {
    app.get(
      '/api/auth/session',
      {
        config: { access: 'public' },
        schema: { tags: ['accounts'], summary: 'Who is signed in, the CSRF token, and when the session ends if unused', querystring: LangQuery, response: { 200: SessionState } },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        const session = request.session;
        return {
          user: session ? await describeMe(session.principal.userId) : null,
          csrfToken: session?.csrfToken ?? null,
          expiresAt: session ? idleExpiry(session, settings).toISOString() : null,
          idleMinutes: settings.idleMinutes,
          methods: { password: true, oidc: options.oidcEnabled, oidcName: options.oidcName },
        };
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: 'Sign in with e-mail and password; opens a new session (cookie)',
          description: 'The same 401 for an unknown address and a wrong password. Repeated failures lock the address (and a client sending many) for a while: 429.',
          querystring: LangQuery,
          body: Type.Object({ email: Type.String({ maxLength: 254 }), password: Password }, { additionalProperties: false }),
          response: { 204: NoContent, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const result = await signInWithPassword(db, { email: request.body.email, password: request.body.password, clientAddress: request.ip });
        if (result.outcome === 'locked') {
          reply.header('retry-after', String(result.minutes * 60));
          throw new HttpError(429, 'locked', 'tooManyAttempts', { minutes: result.minutes });
        }
        if (result.outcome === 'wrong-credentials') throw new HttpError(401, 'wrong-credentials', 'wrongCredentials', {}, 'password');
        await openSession(db, request, reply, result.user.id, 'password', settings);
        await recordAudit(db, { actor: personActor({ userId: result.user.id, name: result.user.name, email: result.user.email }), organisationId: null, action: 'sign-in', entityType: 'user', entityId: result.user.id, after: { method: 'password' } });
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/sign-out',
      { config: { access: 'public' }, schema: { tags: ['accounts'], summary: 'End the current session (if any)', querystring: LangQuery, response: { 204: NoContent } } },
      async (request, reply) => {
        await closeSession(db, request, reply, settings);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/keep-alive',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['accounts'], summary: 'Keep the session open (the idle warning\'s "stay signed in")', querystring: LangQuery, response: { 200: Type.Object({ expiresAt: Type.String({ format: 'date-time' }) }) } },
      },
      async (request) => {
        const session = request.session!;
        const now = new Date();
        await touchSession(db, session.tokenHash, now);
        return { expiresAt: idleExpiry({ lastSeenAt: now, expiresAt: session.expiresAt }, settings).toISOString() };
      },
    );

    app.post(
      '/api/auth/password-reset',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: 'Send a password reset link to the address, if it has an account',
          description: 'Always 202, so the answer does not tell whether the address has an account.',
          querystring: LangQuery,
          body: Type.Object({ email: Email }, { additionalProperties: false }),
          response: { 202: NoContent, 503: ErrorResponse },
        },
      },
      async (request, reply) => {
        try {
          await requestPasswordReset(db, mailer, request.body.email, publicUrl);
        } catch (error) {
          if (error instanceof MailDeliveryError) throw new HttpError(503, 'mail-unavailable', 'mailUnavailable');
          throw error;
        }
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/api/auth/password-reset/complete',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: 'Set a new password with the token from the e-mailed link; ends every session of the person',
          querystring: LangQuery,
          body: Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }), password: Password }, { additionalProperties: false }),
          response: { 204: NoContent, 410: ErrorResponse, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const result = await completePasswordReset(db, request.body.token, request.body.password);
        if (result.outcome === 'invalid-link') throw new HttpError(410, 'link-invalid', 'linkInvalid', {}, 'token');
        if (result.outcome === 'weak-password') throw weakPassword();
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me',
      { config: { access: 'signed-in' }, schema: { tags: ['accounts'], summary: 'My profile and memberships', querystring: LangQuery, response: { 200: Me } } },
      async (request) => describeMe(request.principal!.userId),
    );

    app.patch(
      '/api/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['accounts'],
          summary: 'Change my name or language',
          querystring: LangQuery,
          body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), language: Type.Optional(stringEnum(LANGUAGES)) }, { additionalProperties: false }),
          response: { 200: Me, 422: ErrorResponse },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const name = request.body.name?.trim();
        if (name === '') throw new HttpError(422, 'invalid', 'required', { field: 'name' }, 'name');
        const changes = { ...(name ? { name } : {}), ...(request.body.language ? { language: request.body.language } : {}) };
        await db.transaction(async (tx) => {
          await updateUser(tx, principal.userId, changes);
          await recordAudit(tx, { actor: personActor(principal), organisationId: null, action: 'profile-changed', entityType: 'user', entityId: principal.userId, before: { name: principal.name, language: principal.language }, after: changes });
        });
        return describeMe(principal.userId);
      },
    );

    app.post(
      '/api/me/password',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['accounts'],
          summary: 'Change my password; ends my other sessions',
          querystring: LangQuery,
          body: Type.Object({ currentPassword: Type.String({ maxLength: MAX_PASSWORD_LENGTH }), password: Password }, { additionalProperties: false }),
          response: { 204: NoContent, 422: ErrorResponse },
        },
      },
      async (request, reply) => {
        const principal = request.principal!;
        const user = await findUserById(db, principal.userId);
        if (user?.passwordHash && !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
          throw new HttpError(422, 'wrong-password', 'wrongCurrentPassword', {}, 'currentPassword');
        }
        if (passwordProblem(request.body.password, principal.email)) throw weakPassword();
        const passwordHash = await hashPassword(request.body.password);
        await db.transaction(async (tx) => {
          await updateUser(tx, principal.userId, { passwordHash });
          await deleteUserSessions(tx, principal.userId, request.session!.tokenHash);
          await recordAudit(tx, { actor: personActor(principal), organisationId: null, action: 'password-changed', entityType: 'user', entityId: principal.userId });
        });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me/sessions',
      { config: { access: 'signed-in' }, schema: { tags: ['accounts'], summary: 'My open sessions', querystring: LangQuery, response: { 200: Type.Object({ items: Type.Array(SessionInfo) }) } } },
      async (request) => {
        const current = request.session!.tokenHash;
        const list = await listUserSessions(db, request.principal!.userId);
        return {
          items: list.map((s) => ({ id: s.id, current: s.tokenHash === current, method: s.method, userAgent: s.userAgent, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() })),
        };
      },
    );

    app.delete(
      '/api/me/sessions/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['accounts'],
          summary: 'Sign out one of my sessions (e.g. on a lost device)',
          params: Type.Object({ id: Type.String({ pattern: `^[0-9a-f]{${SESSION_ID_LENGTH}}$` }) }),
          querystring: LangQuery,
          response: { 204: NoContent, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const deleted = await deleteUserSessionById(db, request.principal!.userId, request.params.id);
        if (!deleted) throw new HttpError(404, 'not-found', 'notFound', { what: `session ${request.params.id}` }, 'id');
        return reply.status(204).send(null);
      },
    );
  };
}
