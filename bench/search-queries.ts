/**
 * Many distinct catalogue searches for the benchmark, drawn from the catalogue's own words: whole
 * words and what is typed on the way to them (prefixes), misspellings, two-word searches, searches
 * with filters, filters alone, other sorts and later pages, in the four languages. The server keeps
 * finished answers until the next import, so a mix of a few queries repeated would measure that store;
 * these requests are distinct *as the server sees them* (the same normalised key, `searchKey`, never
 * occurs twice), so each one must be answered by the database.
 *
 * Pure and seeded: the same catalogue and seed always give the same requests, in the same order.
 */
import type { Programme } from '../src/catalogue/schema.js';
import { PROGRAMME_SORTS, searchKey, type ProgrammeSort } from '../src/catalogue/search-index.js';
import { APPLICANT_TYPES, INTERREG_STRANDS, LANGUAGES, MUNICIPAL_SECTORS, POLICY_OBJECTIVES, PROGRAMME_KINDS, type Language } from '../src/reference/codes.js';
import type { LoadRequest } from './http-load.js';
import { seededRandom } from '../src/platform/seeded-random.js';

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Words of at least four letters from names, priority names and keywords, per language. */
function catalogueWords(catalogue: readonly Programme[]): Record<Language, string[]> {
  const words = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Set<string>()])) as Record<Language, Set<string>>;
  const add = (lang: Language, text: string | undefined) => {
    for (const word of text?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (word.length >= 4 && !/^\d+$/.test(word)) words[lang].add(word);
  };
  for (const programme of catalogue) {
    for (const lang of LANGUAGES) {
      add(lang, programme.name[lang]);
      for (const priority of programme.priorities) {
        add(lang, priority.name[lang]);
        for (const keyword of priority.keywords ?? []) add(lang, keyword);
      }
    }
  }
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, [...words[lang]].sort()])) as Record<Language, string[]>;
}

/** A typing slip: two neighbouring letters swapped, or one dropped. */
function misspelt(random: Random, word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
}

interface Search {
  q?: string;
  lang?: Language;
  sector?: string[];
  applicantType?: string[];
  kind?: string[];
  strand?: string[];
  policyObjective?: string[];
  minFundingRate?: number;
  sort?: ProgrammeSort;
  page?: number;
  pageSize?: number;
}

function randomFilters(random: Random, search: Search, count: number): void {
  for (let i = 0; i < count; i++) {
    switch (Math.floor(random() * 6)) {
      case 0:
        search.sector = [pick(random, MUNICIPAL_SECTORS)];
        break;
      case 1:
        search.applicantType = [pick(random, APPLICANT_TYPES)];
        break;
      case 2:
        search.kind = [pick(random, PROGRAMME_KINDS)];
        break;
      case 3:
        search.strand = [pick(random, INTERREG_STRANDS)];
        break;
      case 4:
        search.policyObjective = [pick(random, POLICY_OBJECTIVES)];
        break;
      default:
        search.minFundingRate = pick(random, [25, 40, 50, 60, 70, 75, 80, 85, 100]);
    }
  }
}

function toRequest(label: string, search: Search): LoadRequest {
  const params = new URLSearchParams();
  if (search.q !== undefined) params.set('q', search.q);
  if (search.lang) params.set('lang', search.lang);
  for (const key of ['sector', 'applicantType', 'kind', 'strand', 'policyObjective'] as const) for (const value of search[key] ?? []) params.append(key, value);
  if (search.minFundingRate !== undefined) params.set('minFundingRate', String(search.minFundingRate));
  if (search.sort) params.set('sort', search.sort);
  if (search.page) params.set('page', String(search.page));
  if (search.pageSize) params.set('pageSize', String(search.pageSize));
  return { label, path: `/api/programmes?${params.toString()}` };
}

/** The key the server caches the answer under (the route's defaults applied; no Accept-Language is sent). */
function keyOf(search: Search): string {
  return searchKey({
    q: search.q,
    language: search.lang ?? 'nb',
    sectors: search.sector,
    applicantTypes: search.applicantType,
    kinds: search.kind,
    strands: search.strand,
    policyObjectives: search.policyObjective,
    minFundingRate: search.minFundingRate,
    sort: search.sort ?? (search.q ? 'relevance' : 'name'),
    page: search.page ?? 1,
    pageSize: search.pageSize ?? 20,
  });
}

/** The key a request path is answered under, e.g. for the fixed mix, whose answers are stored first. */
export function keyOfPath(path: string): string {
  const params = new URLSearchParams(path.split('?')[1] ?? '');
  const list = (name: string) => (params.has(name) ? params.getAll(name) : undefined);
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  const search: Search = {};
  if (params.has('q')) search.q = params.get('q')!;
  if (params.has('lang')) search.lang = params.get('lang') as Language;
  for (const name of ['sector', 'applicantType', 'kind', 'strand', 'policyObjective'] as const) {
    const values = list(name);
    if (values) search[name] = values;
  }
  const minFundingRate = number('minFundingRate');
  if (minFundingRate !== undefined) search.minFundingRate = minFundingRate;
  if (params.has('sort')) search.sort = params.get('sort') as ProgrammeSort;
  const page = number('page');
  if (page !== undefined) search.page = page;
  const pageSize = number('pageSize');
  if (pageSize !== undefined) search.pageSize = pageSize;
  return keyOf(search);
}

/**
 * `count` distinct searches, none answered under one of the keys in `exclude`. Shares, roughly as on the catalogue page: 30 % one word, 20 % a prefix
 * while typing, 10 % a misspelt word, 10 % two words, 15 % words with filters, 15 % filters alone;
 * a tenth of them on a later page, some with another sort or page size.
 */
export function distinctSearches(catalogue: readonly Programme[], count: number, seed: number, exclude: Iterable<string> = []): LoadRequest[] {
  const random = seededRandom(seed);
  const words = catalogueWords(catalogue);
  const seen = new Set<string>(exclude);
  const requests: LoadRequest[] = [];
  for (let attempts = 0; requests.length < count; attempts++) {
    if (attempts > count * 50) throw new Error(`only ${requests.length} distinct searches found`);
    const lang = pick(random, LANGUAGES);
    const word = () => pick(random, words[lang]);
    const search: Search = random() < 0.5 ? {} : { lang };
    const shape = random();
    let label: string;
    if (shape < 0.3) {
      label = 'word';
      search.q = word();
    } else if (shape < 0.5) {
      label = 'prefix';
      const whole = word();
      search.q = whole.slice(0, 3 + Math.floor(random() * Math.max(1, whole.length - 3)));
    } else if (shape < 0.6) {
      label = 'misspelt';
      search.q = misspelt(random, word());
    } else if (shape < 0.7) {
      label = 'two words';
      search.q = `${word()} ${random() < 0.2 ? misspelt(random, word()) : word()}`;
    } else if (shape < 0.85) {
      label = 'words + filters';
      search.q = word();
      randomFilters(random, search, 1 + Math.floor(random() * 2));
    } else {
      label = 'filters only';
      randomFilters(random, search, 1 + Math.floor(random() * 3));
    }
    if (random() < 0.1) search.page = 2 + Math.floor(random() * 3);
    if (random() < 0.1) search.sort = pick(random, PROGRAMME_SORTS.filter((sort) => sort !== 'relevance'));
    if (random() < 0.05) search.pageSize = pick(random, [10, 50, 100]);
    const key = keyOf(search);
    if (seen.has(key)) continue;
    seen.add(key);
    requests.push(toRequest(label, search));
  }
  return requests;
}
