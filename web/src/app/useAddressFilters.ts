import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

export interface AddressFilters<F> {
  filters: F;
  /** A change starts again at page 1 and is a history entry unless `replace`. */
  update: (change: Partial<F>, options?: { replace?: boolean }) => void;
}

/**
 * A page's filters kept in the address bar. The router navigates asynchronously, so a change asked for
 * is remembered until the address shows it: a second change before then (a click while a typed search
 * is still pending, a typing timer firing after a click) builds on the first instead of undoing it. Any
 * other change of the address (back, forward, a link) drops what was asked for.
 */
export function useAddressFilters<F extends { page: number }>(fromParams: (params: URLSearchParams) => F, toParams: (filters: F) => URLSearchParams): AddressFilters<F> {
  const [params, setParams] = useSearchParams();
  const inAddress = useMemo(() => fromParams(params), [params, fromParams]);
  const requested = useRef<{ since: URLSearchParams; filters: F } | null>(null);
  if (requested.current && requested.current.since !== params) requested.current = null;
  // What was asked for is also shown at once — a ticked box is ticked before the address follows — and
  // only until the address changes.
  const [shown, setShown] = useState<{ since: URLSearchParams; filters: F } | null>(null);
  const filters = shown && shown.since === params ? shown.filters : inAddress;
  // A timer set in an earlier render may call `update` after the address has moved on: it reads the
  // address of the latest render, never the one it was created in.
  const latest = useRef({ params, filters: inAddress });
  latest.current = { params, filters: inAddress };
  const update = useCallback(
    (change: Partial<F>, options: { replace?: boolean } = {}) => {
      const next = { ...(requested.current?.filters ?? latest.current.filters), page: 1, ...change };
      requested.current = { since: latest.current.params, filters: next };
      setShown(requested.current);
      setParams(toParams(next), { replace: options.replace ?? false });
    },
    [setParams, toParams],
  );
  return { filters, update };
}
