/** Calls the API in the reader's language; errors carry the server's localised message and field. */
import { currentLanguage } from './i18n.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export async function getJson<T>(path: string, params: URLSearchParams = new URLSearchParams(), signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams(params);
  query.set('lang', currentLanguage());
  const response = await fetch(`${path}?${query.toString()}`, { headers: { accept: 'application/json' }, signal });
  const body = (await response.json().catch(() => undefined)) as (T & { message?: string; field?: string }) | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.message ?? response.statusText, body?.field);
  return body as T;
}
