/** Calls the API in the reader's language; errors carry the server's localised message, code and field. */
import { currentLanguage } from './i18n.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    /** The server's short machine-readable code, e.g. `link-invalid`, `last-administrator`. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** What the session module lends every call: the CSRF token, and ears for the session's end. */
export interface SessionBridge {
  csrfToken(): string | null;
  /** Every answer to a signed-in request says when (server time) the session ends if unused. */
  expiresAtChanged(expiresAt: Date): void;
  /** The server no longer knows the session (it ended while the page was open). */
  unauthenticated(): void;
}

let bridge: SessionBridge | undefined;

/** Called once by the session provider. */
export function connectSession(session: SessionBridge | undefined): void {
  bridge = session;
}

export const SESSION_EXPIRES_HEADER = 'x-session-expires-at';
type ErrorBody = { message?: string; field?: string; error?: string };

function withLanguage(path: string, params: URLSearchParams = new URLSearchParams()): string {
  const query = new URLSearchParams(params);
  query.set('lang', currentLanguage());
  return `${path}?${query.toString()}`;
}

let serverClockOffset = 0;

/**
 * A server time as this browser's clock reads it. The session's end is told in server time; a computer
 * whose clock is a few minutes off would otherwise be warned too early or too late.
 */
export function toLocalTime(serverTime: Date): number {
  return serverTime.getTime() + serverClockOffset;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // e.g. a proxy's HTML error page: the status still tells what happened
  }
}

async function read<T>(response: Response): Promise<T | undefined> {
  const serverDate = Date.parse(response.headers.get('date') ?? '');
  if (!Number.isNaN(serverDate)) serverClockOffset = Date.now() - serverDate;
  const expiresAt = response.headers.get(SESSION_EXPIRES_HEADER);
  if (expiresAt) bridge?.expiresAtChanged(new Date(expiresAt));
  const body = parseJson(response.status === 204 ? '' : await response.text().catch(() => ''));
  if (!response.ok) {
    const error = (body ?? {}) as ErrorBody;
    // Only "you are not signed in" means the session ended; a wrong password at sign-in is also a 401.
    if (response.status === 401 && error.error === 'unauthenticated') bridge?.unauthenticated();
    throw new ApiError(response.status, error.message ?? response.statusText, error.field, error.error);
  }
  return body as T | undefined;
}

export async function getJson<T>(path: string, params: URLSearchParams = new URLSearchParams(), signal?: AbortSignal): Promise<T> {
  const response = await fetch(withLanguage(path, params), { headers: { accept: 'application/json' }, signal });
  return (await read<T>(response)) as T;
}

/** A state-changing call: JSON body and the session's CSRF token. 204 answers resolve to undefined. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T | undefined> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrfToken = bridge?.csrfToken();
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(withLanguage(path), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return read<T>(response);
}
