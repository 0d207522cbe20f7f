/**
 * The portfolio's list filters (pure): the query-string schema the list, the dashboard and the exports
 * share, and their normalised form, which the repository turns into one SQL condition.
 */
import { Type, type Static } from '@sinclair/typebox';
import { stringEnum } from '../platform/string-enum.js';
import { LANGUAGES, MUNICIPAL_SECTORS, type MunicipalSector } from '../reference/codes.js';
import { searchTerms } from '../catalogue/search-text.js';
import { STATUSES, type Status } from './life-cycle.js';

/** The value of `programme` that selects initiatives under a scheme outside the catalogue. */
export const OTHER_PROGRAMME = 'other';

export const INITIATIVE_SORTS = ['updated', '-updated', 'title', '-title', 'deadline', '-deadline', 'start', '-start', 'budget', '-budget'] as const;
export type InitiativeSort = (typeof INITIATIVE_SORTS)[number];

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** The filter parameters, to spread into a route's querystring schema (list, dashboard, exports). */
export const FILTER_QUERY_PROPERTIES = {
  organisation: Type.Optional(Type.String({ format: 'uuid', description: 'The organisation tree to show (this organisation and everything below it); absent: everything I may read' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the title or summary (prefixes match while typing)' })),
  status: Type.Optional(Type.Array(stringEnum(STATUSES), { maxItems: STATUSES.length, description: 'Any of these statuses (repeat the parameter)' })),
  programme: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: `Catalogue programme ids; \`${OTHER_PROGRAMME}\` for schemes outside the catalogue` }),
  ),
  sector: Type.Optional(Type.Array(stringEnum(MUNICIPAL_SECTORS), { maxItems: MUNICIPAL_SECTORS.length, description: 'Any of these municipal sectors' })),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description: 'Active that year: its period (start to end; else deadline; else created) overlaps the year' })),
  sdg: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 17 }), { maxItems: 17, description: 'Serves any of these SDG goals' })),
};

export const SORT_PAGE_QUERY_PROPERTIES = {
  sort: Type.Optional(stringEnum(INITIATIVE_SORTS, 'Order; a leading minus reverses it. Default: -updated (last changed first)')),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
};

const LANG_PROPERTY = { lang: Type.Optional(stringEnum(LANGUAGES, 'Language of error messages')) };

export const InitiativeFilterQuery = Type.Object({ ...FILTER_QUERY_PROPERTIES, ...LANG_PROPERTY }, { additionalProperties: false });
export type InitiativeFilterQuery = Static<typeof InitiativeFilterQuery>;

export const InitiativeListQuery = Type.Object({ ...FILTER_QUERY_PROPERTIES, ...SORT_PAGE_QUERY_PROPERTIES, ...LANG_PROPERTY }, { additionalProperties: false });
export type InitiativeListQuery = Static<typeof InitiativeListQuery>;

/** Filters after normalisation: no empty lists, no duplicates, search words instead of raw text. */
export interface InitiativeFilters {
  /** The tree to show, as the organisation's id (the route resolves and checks it). */
  organisationId?: string;
  /** Safe search words (letters and digits); absent when the text held none. */
  terms?: string[];
  statuses?: Status[];
  /** Catalogue programme ids, and/or `other`. */
  programmes?: string[];
  sectors?: MunicipalSector[];
  year?: number;
  sdgGoals?: number[];
  /** Only initiatives with a deadline, start or end on or after this day (YYYY-MM-DD); set by the calendar feed, not by the list's query. */
  datedSince?: string;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

const distinctSorted = <T extends string | number>(values: readonly T[] | undefined): T[] | undefined => {
  if (!values || values.length === 0) return undefined;
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
};

/** The query's filters as the repository takes them: equal filters compare equal (for caches and exports). */
export function normaliseFilters(query: Partial<Static<typeof InitiativeFilterQuery>>): InitiativeFilters {
  const filters: InitiativeFilters = {};
  if (query.organisation) filters.organisationId = query.organisation.toLowerCase();
  const terms = searchTerms(query.q ?? '');
  if (terms.length > 0) filters.terms = terms;
  const statuses = distinctSorted(query.status);
  if (statuses) filters.statuses = statuses;
  const programmes = distinctSorted(query.programme?.map((p) => p.trim()).filter((p) => p !== ''));
  if (programmes) filters.programmes = programmes;
  const sectors = distinctSorted(query.sector);
  if (sectors) filters.sectors = sectors;
  if (query.year !== undefined) filters.year = query.year;
  const sdgGoals = distinctSorted(query.sdg);
  if (sdgGoals) filters.sdgGoals = sdgGoals;
  return filters;
}

export function normaliseSort(sort: InitiativeSort | undefined): InitiativeSort {
  return sort ?? '-updated';
}

export function normalisePage(query: { page?: number | undefined; pageSize?: number | undefined }): PageRequest {
  return { page: query.page ?? 1, pageSize: Math.min(query.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}
