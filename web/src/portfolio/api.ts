/** The portfolio pages' shared reads (organisations, programmes) and the one call that sends a file. */
import { useMemo } from 'react';
import { ApiError } from '../app/api.js';
import { currentLanguage } from '../app/i18n.js';
import { useSession } from '../app/session.js';
import { useResource } from '../admin/resource.js';
import type { OrganisationDetails } from '../admin/types.js';
import { organisationChoices, type OrganisationChoice } from './organisations.js';
import type { ProgrammeListResponse } from '../catalogue/types.js';

export function useOrganisations(): { choices: OrganisationChoice[]; loading: boolean; error: ApiError | null } {
  const { user } = useSession();
  const { resource } = useResource<{ items: OrganisationDetails[] }>(user ? '/api/organisations/tree' : null);
  const choices = useMemo(() => (resource.status === 'ready' ? organisationChoices(resource.data.items) : []), [resource]);
  return { choices, loading: resource.status === 'loading', error: resource.status === 'error' ? resource.error : null };
}

export interface ProgrammeChoice {
  id: string;
  name: string;
}

/** Every catalogue programme by name in the reader's language (the catalogue has a few dozen). */
export function useProgrammes(): ProgrammeChoice[] {
  const { resource } = useResource<ProgrammeListResponse>('/api/programmes', new URLSearchParams({ pageSize: '100', sort: 'name' }));
  // The list answers in the reader's language, and is asked again when it changes.
  return useMemo(() => (resource.status === 'ready' ? resource.data.items.map((p) => ({ id: p.id, name: p.name })) : []), [resource]);
}

/** Sends a file as the raw request body (documents, import files), with the session's CSRF token. */
export async function sendFile<T>(path: string, params: URLSearchParams, file: File, csrfToken: string | null): Promise<T> {
  const query = new URLSearchParams(params);
  query.set('lang', currentLanguage());
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`${path}?${query.toString()}`, { method: 'POST', headers, body: file });
  const text = await response.text().catch(() => '');
  let body: { message?: string; field?: string; error?: string } | undefined;
  try {
    body = text ? (JSON.parse(text) as typeof body) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw new ApiError(response.status, body?.message ?? response.statusText, body?.field, body?.error);
  return body as T;
}

export type { OrganisationChoice };
