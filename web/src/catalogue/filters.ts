/** The catalogue search as it lives in the address bar, so a search can be shared and bookmarked. */
import { APPLICANT_TYPES, INTERREG_STRANDS, MUNICIPAL_SECTORS, POLICY_OBJECTIVES, PROGRAMME_KINDS } from '../../../src/reference/codes.js';

export const SORTS = ['relevance', 'name', 'funding-rate', 'period'] as const;
export type Sort = (typeof SORTS)[number];

export interface CatalogueFilters {
  q: string;
  sector: string[];
  applicantType: string[];
  kind: string[];
  strand: string[];
  policyObjective: string[];
  minFundingRate: number | undefined;
  sort: Sort | undefined;
  page: number;
}

const LIST_PARAMS = {
  sector: MUNICIPAL_SECTORS,
  applicantType: APPLICANT_TYPES,
  kind: PROGRAMME_KINDS,
  strand: INTERREG_STRANDS,
  policyObjective: POLICY_OBJECTIVES,
} as const;
type ListParam = keyof typeof LIST_PARAMS;
export const LIST_PARAM_NAMES = Object.keys(LIST_PARAMS) as ListParam[];

/** Unknown values are dropped rather than sent on: a mistyped shared link still shows results. */
export function filtersFromParams(params: URLSearchParams): CatalogueFilters {
  const list = (name: ListParam) => params.getAll(name).filter((value) => (LIST_PARAMS[name] as readonly string[]).includes(value));
  const rate = Number(params.get('minFundingRate'));
  const page = Number(params.get('page'));
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    sector: list('sector'),
    applicantType: list('applicantType'),
    kind: list('kind'),
    strand: list('strand'),
    policyObjective: list('policyObjective'),
    minFundingRate: params.has('minFundingRate') && Number.isFinite(rate) && rate >= 0 && rate <= 100 ? rate : undefined,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function paramsFromFilters(filters: CatalogueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q);
  for (const name of LIST_PARAM_NAMES) for (const value of filters[name]) params.append(name, value);
  if (filters.minFundingRate !== undefined) params.set('minFundingRate', String(filters.minFundingRate));
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function activeFilterCount(filters: CatalogueFilters): number {
  return LIST_PARAM_NAMES.reduce((sum, name) => sum + filters[name].length, 0) + (filters.minFundingRate === undefined ? 0 : 1);
}
