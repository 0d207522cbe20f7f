/**
 * Sessions and CSRF for every request. The session cookie is HttpOnly and SameSite=Lax (Secure over TLS);
 * it holds a random token whose hash keys the session row. A state-changing request (not GET/HEAD/OPTIONS)
 * is refused when it comes from another origin, and, when it carries a session, unless it also carries
 * the session's CSRF token in the `x-csrf-token` header (the web app reads it from GET /api/auth/session).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';
import { HttpError } from '../http/errors.js';
import { hashToken, sameSecret } from './tokens.js';
import { idleExpiry, TOUCH_INTERVAL_MS, type Principal, type SessionSettings, type SessionStore, type StoredSession } from './principal.js';

export const SESSION_COOKIE = 'mr_session';
export const CSRF_HEADER = 'x-csrf-token';
/** Tells the web app when the session will end if nothing else happens, so it can warn in time. */
export const SESSION_EXPIRES_HEADER = 'x-session-expires-at';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. */
    principal: Principal | null;
    /** The session behind `principal`. */
    session: StoredSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

export function isSecureRequest(request: FastifyRequest, settings: SessionSettings): boolean {
  return settings.secureCookies === 'auto' ? request.protocol === 'https' : settings.secureCookies;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, settings: SessionSettings): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecureRequest(request, settings),
    maxAge: settings.absoluteHours * 3600,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, settings: SessionSettings): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecureRequest(request, settings) });
}

export const authentication = fp<{ store: SessionStore; settings: SessionSettings }>(
  async (app: FastifyInstance, { store, settings }) => {
    await app.register(cookie);
    app.decorateRequest('principal', null);
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const session = await store.find(hashToken(token));
        const now = new Date();
        if (session && idleExpiry(session, settings) > now) {
          request.session = session;
          request.principal = session.principal;
          if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
            await store.touch(session.tokenHash, now);
            session.lastSeenAt = now;
          }
          reply.header(SESSION_EXPIRES_HEADER, idleExpiry(session, settings).toISOString());
        } else {
          if (session) await store.remove(session.tokenHash);
          clearSessionCookie(request, reply, settings);
        }
      }
      if (SAFE_METHODS.has(request.method)) return;
      if (!sameOrigin(request)) throw new HttpError(403, 'cross-origin', 'crossOriginRefused');
      const csrf = request.headers[CSRF_HEADER];
      if (request.session && (typeof csrf !== 'string' || !sameSecret(csrf, request.session.csrfToken))) {
        throw new HttpError(403, 'csrf', 'csrfRefused', {}, CSRF_HEADER);
      }
    });
  },
  { name: 'authentication' },
);
