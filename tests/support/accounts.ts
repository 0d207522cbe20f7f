/** People, organisations and signed-in clients for API tests. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/platform/db/client.js';
import { insertUser, type UserRow } from '../../src/accounts/repository.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { SESSION_COOKIE } from '../../src/platform/auth/authentication.js';

export const TEST_PASSWORD = 'riktig-hest-batteri-stift';

export async function createTestUser(db: Db, email: string, options: { name?: string; systemAdministrator?: boolean; password?: string | null } = {}): Promise<UserRow> {
  const password = options.password === undefined ? TEST_PASSWORD : options.password;
  return insertUser(db, {
    email,
    name: options.name ?? email.split('@')[0]!,
    passwordHash: password === null ? null : await hashPassword(password),
    systemAdministrator: options.systemAdministrator ?? false,
  });
}

/** A client holding one session: sends its cookie and, on state-changing requests, its CSRF token. */
export interface SignedInClient {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function sessionCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  return cookie && cookie.value !== '' ? `${SESSION_COOKIE}=${cookie.value}` : undefined;
}

export async function clientForCookie(app: FastifyInstance, cookie: string): Promise<SignedInClient> {
  const state = await app.inject({ url: '/api/auth/session', headers: { cookie } });
  const csrfToken = state.json<{ csrfToken: string | null }>().csrfToken;
  if (!csrfToken) throw new Error(`the session cookie is not signed in: ${state.body}`);
  return {
    cookie,
    csrfToken,
    request: (options) => {
      const method = (options.method ?? 'GET').toUpperCase();
      const headers = { ...(options.headers ?? {}), cookie, ...(method === 'GET' || method === 'HEAD' ? {} : { 'x-csrf-token': csrfToken }) };
      return app.inject({ ...options, headers });
    },
  };
}

export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<SignedInClient> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 204) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  return clientForCookie(app, sessionCookieOf(response)!);
}
