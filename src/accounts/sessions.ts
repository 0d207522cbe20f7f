/** Opening and closing sessions. Signing in always opens a new session (rotation), ending the one the browser had. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/client.js';
import { clearSessionCookie, setSessionCookie } from '../platform/auth/authentication.js';
import type { SessionSettings } from '../platform/auth/principal.js';
import { hashToken, newToken } from '../platform/auth/tokens.js';
import { deleteSession, insertSession, updateUser } from './repository.js';

export async function openSession(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  method: 'password' | 'oidc',
  settings: SessionSettings,
): Promise<void> {
  const token = newToken();
  const now = new Date();
  await db.transaction(async (tx) => {
    if (request.session) await deleteSession(tx, request.session.tokenHash);
    await insertSession(tx, {
      tokenHash: hashToken(token),
      userId,
      csrfToken: newToken(),
      expiresAt: new Date(now.getTime() + settings.absoluteHours * 3_600_000),
      userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      method,
    });
    await updateUser(tx, userId, { lastSignInAt: now });
  });
  request.session = null;
  request.principal = null;
  setSessionCookie(request, reply, token, settings);
}

export async function closeSession(db: Db, request: FastifyRequest, reply: FastifyReply, settings: SessionSettings): Promise<void> {
  if (request.session) await deleteSession(db, request.session.tokenHash);
  request.session = null;
  request.principal = null;
  clearSessionCookie(request, reply, settings);
}
