/**
 * The portfolio's list and dashboard filters as they live in the address bar (pure), so a selection can
 * be shared, bookmarked and exported exactly as shown. Parameter names are the API's own.
 */
import { MUNICIPAL_SECTORS } from '../../../src/reference/codes.js';
import { STATUSES, type Status } from '../../../src/portfolio/life-cycle.js';

export const SORTS = ['-updated', 'updated', 'title', '-title', 'deadline', '-deadline', 'start', '-start', 'budget', '-budget'] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = '-updated';
export const PAGE_SIZE = 25;
/** Catalogue programmes are ids; this one selects schemes outside the catalogue. */
export const OTHER_PROGRAMME = 'other';

export interface PortfolioFilters {
  /** The organisation tree to show; absent: everything I may read. */
  organisation: string | undefined;
  q: string;
  status: Status[];
  programme: string[];
  sector: string[];
  year: number | undefined;
  sdg: number[];
  sort: Sort;
  page: number;
}

export const NO_FILTERS: PortfolioFilters = { organisation: undefined, q: '', status: [], programme: [], sector: [], year: undefined, sdg: [], sort: DEFAULT_SORT, page: 1 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROGRAMME_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** Unknown values are dropped rather than sent on: a mistyped shared link still shows a list. */
export function filtersFromParams(params: URLSearchParams): PortfolioFilters {
  const organisation = params.get('organisation') ?? '';
  const year = Number(params.get('year'));
  const page = Number(params.get('page'));
  const sort = params.get('sort') ?? '';
  return {
    organisation: UUID.test(organisation) ? organisation.toLowerCase() : undefined,
    q: params.get('q') ?? '',
    status: unique(params.getAll('status').filter((s): s is Status => (STATUSES as readonly string[]).includes(s))),
    programme: unique(params.getAll('programme').filter((p) => PROGRAMME_ID.test(p))),
    sector: unique(params.getAll('sector').filter((s) => (MUNICIPAL_SECTORS as readonly string[]).includes(s))),
    year: params.has('year') && Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    sdg: unique(params.getAll('sdg').map(Number).filter((goal) => Number.isInteger(goal) && goal >= 1 && goal <= 17)).sort((a, b) => a - b),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The filters alone (what the dashboard and the exports take). */
export function filterParams(filters: PortfolioFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.organisation) params.set('organisation', filters.organisation);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const status of filters.status) params.append('status', status);
  for (const programme of filters.programme) params.append('programme', programme);
  for (const sector of filters.sector) params.append('sector', sector);
  if (filters.year !== undefined) params.set('year', String(filters.year));
  for (const goal of filters.sdg) params.append('sdg', String(goal));
  return params;
}

/** The list's address: the filters, and sort and page when they differ from the defaults. */
export function paramsFromFilters(filters: PortfolioFilters): URLSearchParams {
  const params = filterParams(filters);
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The list API's query: every filter, the sort, the page and its size. */
export function listQuery(filters: PortfolioFilters): URLSearchParams {
  const params = filterParams(filters);
  params.set('sort', filters.sort);
  params.set('page', String(filters.page));
  params.set('pageSize', String(PAGE_SIZE));
  return params;
}

/** How many filters narrow the selection (the organisation and the search words count as one each). */
export function activeFilterCount(filters: PortfolioFilters): number {
  return (
    (filters.organisation ? 1 : 0) + (filters.q.trim() ? 1 : 0) + filters.status.length + filters.programme.length + filters.sector.length + (filters.year === undefined ? 0 : 1) + filters.sdg.length
  );
}

/** An export of exactly what the filters show: `path?format=…&<filters>`. */
export function exportHref(path: string, filters: PortfolioFilters, extra: Record<string, string>, language: string): string {
  const params = filterParams(filters);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  params.set('lang', language);
  return `${path}?${params.toString()}`;
}
