/**
 * GET /api/auth/oidc/start and /api/auth/oidc/callback: sign-in through the OpenID provider. Both answer
 * with redirects; a failure never shows a raw error but sends the browser to the sign-in page with a
 * reason it explains (`/logg-inn?feil=…`).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { stringEnum } from '../platform/string-enum.js';
import { isSecureRequest } from '../platform/auth/authentication.js';
import type { SessionSettings } from '../platform/auth/principal.js';
import { hashToken, sameSecret } from '../platform/auth/tokens.js';
import { personActor, recordAudit } from '../platform/audit/audit.js';
import { LANGUAGES } from '../reference/codes.js';
import { findOrCreatePerson, newPendingSignIn, OidcFailure, type RelyingParty } from './oidc.js';
import { insertOidcLogin, takeOidcLogin } from './repository.js';
import { openSession } from './sessions.js';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
/** Binds a sign-in to the browser that started it, so nobody can make someone else finish their sign-in. */
export const OIDC_STATE_COOKIE = 'mr_oidc_state';
const LOGIN_MINUTES = 10;
const MAX_RETURN_TO_LENGTH = 2000;

/** The values of `feil` the sign-in page explains. */
export const SIGN_IN_ERRORS = { unavailable: 'idp-utilgjengelig', aborted: 'innlogging-avbrutt' } as const;

/** Only a path on this site: one leading slash (`//host` and `/\host` lead elsewhere), else the front page. */
export function safeReturnTo(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > MAX_RETURN_TO_LENGTH) return '/';
  const base = 'http://same-site.invalid';
  const url = new URL(value, base);
  return url.origin === base ? url.pathname + url.search + url.hash : '/';
}

export interface OidcRoutesOptions {
  db: Db;
  sessions: SessionSettings;
  /** Null when OpenID Connect is not configured. */
  relyingParty: RelyingParty | null;
}

const Lang = Type.Optional(stringEnum(LANGUAGES, 'Language of error messages'));
const Redirect = Type.Null({ description: 'Redirect (Location header)' });

export function oidcRoutes({ db, sessions: settings, relyingParty }: OidcRoutesOptions): FastifyPluginAsyncTypebox {
  function configured(): RelyingParty {
    if (!relyingParty) throw new HttpError(404, 'not-found', 'signInMethodUnavailable');
    return relyingParty;
  }

  function toSignInPage(request: FastifyRequest, reply: FastifyReply, error: unknown) {
    const kind = error instanceof OidcFailure ? error.kind : 'aborted';
    if (error instanceof OidcFailure) request.log.warn({ reason: error.message }, 'OpenID Connect sign-in failed');
    else request.log.error({ err: error }, 'OpenID Connect sign-in failed unexpectedly');
    return reply.redirect(`/logg-inn?feil=${SIGN_IN_ERRORS[kind]}`, 302);
  }

  const stateCookie = (request: FastifyRequest) => ({ path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: isSecureRequest(request, settings) });

  return async (app) => {
    app.get(
      '/api/auth/oidc/start',
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: 'Start signing in with the OpenID provider: redirects to it',
          description: `Afterwards the browser returns to \`returnTo\` (a path on this site; anything else means the front page). When the provider cannot be reached: redirect to /logg-inn?feil=${SIGN_IN_ERRORS.unavailable}.`,
          querystring: Type.Object({ returnTo: Type.Optional(Type.String({ maxLength: MAX_RETURN_TO_LENGTH })), lang: Lang }, { additionalProperties: false }),
          response: { 302: Redirect, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const party = configured();
        reply.header('cache-control', 'no-store');
        const pending = newPendingSignIn();
        let authorizationUrl: URL;
        try {
          authorizationUrl = await party.authorizationUrl(pending);
        } catch (error) {
          return toSignInPage(request, reply, error);
        }
        const now = new Date();
        await insertOidcLogin(
          db,
          { stateHash: hashToken(pending.state), nonce: pending.nonce, codeVerifier: pending.codeVerifier, returnTo: safeReturnTo(request.query.returnTo), expiresAt: new Date(now.getTime() + LOGIN_MINUTES * 60_000) },
          now,
        );
        reply.setCookie(OIDC_STATE_COOKIE, pending.state, { ...stateCookie(request), maxAge: LOGIN_MINUTES * 60 });
        return reply.redirect(authorizationUrl.href, 302);
      },
    );

    app.get(
      OIDC_CALLBACK_PATH,
      {
        config: { access: 'public' },
        schema: {
          tags: ['accounts'],
          summary: "The OpenID provider's answer: signs in and redirects to where the sign-in started",
          description: `Opens a session for the person linked to the identity, or the person with the same verified e-mail address, or a new person. A missing, expired or reused state, a cancelled sign-in or an answer that does not validate: redirect to /logg-inn?feil=${SIGN_IN_ERRORS.aborted}.`,
          // The provider adds parameters of its own (iss, session_state, …).
          querystring: Type.Object(
            {
              state: Type.Optional(Type.String({ maxLength: 1000 })),
              // Entra ID's codes run to a couple of kilobytes.
              code: Type.Optional(Type.String({ maxLength: 8000 })),
              error: Type.Optional(Type.String({ maxLength: 1000 })),
              error_description: Type.Optional(Type.String({ maxLength: 4000 })),
              lang: Lang,
            },
            { additionalProperties: true },
          ),
          response: { 302: Redirect, 404: ErrorResponse },
        },
      },
      async (request, reply) => {
        const party = configured();
        reply.header('cache-control', 'no-store');
        const browserState = request.cookies[OIDC_STATE_COOKIE];
        reply.clearCookie(OIDC_STATE_COOKIE, stateCookie(request));
        try {
          const { state, error } = request.query;
          if (!state) throw new OidcFailure('aborted', 'callback without state');
          const login = await takeOidcLogin(db, hashToken(state));
          if (!login || login.expiresAt <= new Date()) throw new OidcFailure('aborted', 'unknown, used or expired state');
          if (!browserState || !sameSecret(browserState, state)) throw new OidcFailure('aborted', 'state not started in this browser');
          if (error) throw new OidcFailure('aborted', `provider answered ${error}`);

          const query = new URL(request.url, 'http://callback.invalid').search;
          const identity = await party.identify(query, { state, nonce: login.nonce, codeVerifier: login.codeVerifier });
          const { user } = await findOrCreatePerson(db, identity, party.settings.trustEmail);
          await openSession(db, request, reply, user.id, 'oidc', settings);
          await recordAudit(db, { actor: personActor({ userId: user.id, name: user.name, email: user.email }), organisationId: null, action: 'sign-in', entityType: 'user', entityId: user.id, after: { method: 'oidc' } });
          return reply.redirect(login.returnTo, 302);
        } catch (error) {
          return toSignInPage(request, reply, error);
        }
      },
    );
  };
}
