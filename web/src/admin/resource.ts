/** Loading what a page shows, and running the actions it offers, with the server's errors kept for the form. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson } from '../app/api.js';

export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

/** Any failure as an ApiError, so pages handle one kind (a network failure has status 0). */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, error instanceof Error ? error.message : String(error));
}

/**
 * GETs `path` (nothing while it is null), again when the language changes (server messages are in it) or
 * when `reload` is called; a reload keeps showing the data it has until the new answer arrives.
 */
export function useResource<T>(path: string | null, params?: URLSearchParams): { resource: Resource<T>; reload: () => void } {
  const { i18n } = useTranslation();
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const query = params?.toString() ?? '';
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setResource((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    getJson<T>(path, new URLSearchParams(query), controller.signal).then(
      (data) => setResource({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [path, query, i18n.language, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { resource, reload };
}

export interface Action {
  pending: boolean;
  error: ApiError | null;
  /** The last success's confirmation, for a role="status" region. */
  done: string | null;
  /** Runs the call; resolves true on success (then `done` is the message) and false on failure (then `error`). */
  run(call: () => Promise<unknown>, doneMessage: string): Promise<boolean>;
  /** The error's message when the server named this field, for its ValidationMessage. */
  fieldError(field: string): string | undefined;
  /** The error's message when it names none of `fields` (it belongs above the form). */
  formError(fields: readonly string[]): string | undefined;
  reset(): void;
}

/**
 * `fieldIdPrefix`: the form's fields have ids `prefix + field name`; when the server names a field, that
 * field takes focus, so its label and error are read out.
 */
export function useAction(fieldIdPrefix?: string): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (fieldIdPrefix !== undefined && error?.field) document.getElementById(fieldIdPrefix + error.field)?.focus();
  }, [error, fieldIdPrefix]);
  const run = useCallback(async (call: () => Promise<unknown>, doneMessage: string) => {
    setPending(true);
    setError(null);
    setDone(null);
    try {
      await call();
      setDone(doneMessage);
      return true;
    } catch (caught) {
      setError(asApiError(caught));
      return false;
    } finally {
      setPending(false);
    }
  }, []);
  return {
    pending,
    error,
    done,
    run,
    fieldError: (field) => (error?.field === field ? error.message : undefined),
    formError: (fields) => (error && !(error.field && fields.includes(error.field)) ? error.message : undefined),
    reset: () => {
      setError(null);
      setDone(null);
    },
  };
}
