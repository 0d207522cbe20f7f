import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { filtersFromParams, paramsFromFilters, type PortfolioFilters } from './filters.js';

/** The filters in the address bar; a change starts again at page 1 and is a history entry unless `replace`. */
export function usePortfolioFilters(): { filters: PortfolioFilters; update: (change: Partial<PortfolioFilters>, options?: { replace?: boolean }) => void } {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  // A typing timer fires after later renders: it must build on the filters as they are then.
  const latest = useRef(filters);
  latest.current = filters;
  const update = (change: Partial<PortfolioFilters>, options: { replace?: boolean } = {}) =>
    setParams(paramsFromFilters({ ...latest.current, page: 1, ...change }), { replace: options.replace ?? false });
  return { filters, update };
}
