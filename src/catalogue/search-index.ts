/**
 * The catalogue's search, answered in memory: an inverted index of the search vectors that Postgres
 * made at import (`to_tsvector` with the norwegian, swedish, english and simple configurations), with
 * the filters' columns and the result cards beside it. It is built once per import and answers a
 * search in well under a millisecond at 10 000 programmes and priorities, where the same search in
 * SQL costs 5–25 ms of database time (docs/ARCHITECTURE.md, "Text ranking in memory").
 *
 * What matches: every word of the query, stemmed in one language configuration (each of the three is
 * tried) or, while the user is still typing, as the beginning of a word. How it ranks: Postgres's
 * `ts_rank` over the names, keywords and summary, plus four times `ts_rank_cd` over the names, so that
 * a programme whose name holds every word comes first. Pure.
 */
import { APPLICANT_TYPES, LANGUAGES, MUNICIPAL_SECTORS, POLICY_OBJECTIVES, type Language } from '../reference/codes.js';
import { orQuery, parseTsvector, rankableVector, utf8Order, tsRankCdAnd, tsRankCdOneOperand, type CoverItem } from '../platform/text-search/ts-rank.js';
import { SIMILARITY_THRESHOLD, WORD_SIMILARITY_THRESHOLD, trigramSet, trigramText, wordSimilarityOf, type TrigramText } from '../platform/text-search/trigrams.js';
import { firstInOrder } from '../platform/first-in-order.js';
import type { ProgrammeCard } from './tables.js';
import { searchTerms } from './search-text.js';

export const PROGRAMME_SORTS = ['relevance', 'name', 'funding-rate', 'period'] as const;
export type ProgrammeSort = (typeof PROGRAMME_SORTS)[number];

export interface ProgrammeFilters {
  sectors?: string[] | undefined;
  applicantTypes?: string[] | undefined;
  kinds?: string[] | undefined;
  strands?: string[] | undefined;
  policyObjectives?: string[] | undefined;
  minFundingRate?: number | undefined;
}

export interface ProgrammeSearch extends ProgrammeFilters {
  q?: string | undefined;
  language: Language;
  sort: ProgrammeSort;
  page: number;
  pageSize: number;
}

/** A programme as the index holds it: what the filters test, the sorts compare and a result shows. */
export interface IndexedProgramme {
  id: string;
  kind: string;
  interregStrand: string | null;
  status: string;
  periodStart: number;
  periodEnd: number | null;
  card: ProgrammeCard;
  sectors: string[];
  applicantTypes: string[];
  policyObjectives: string[];
  fundingRateMax: number | null;
}

/** One stored row: the programme, its names as one text and its three vectors as Postgres writes them out. */
export interface SearchIndexRow extends IndexedProgramme {
  searchNames: string;
  searchVector: string;
  rankVector: string;
  nameVector: string;
}

export interface ProgrammeSummaryRow {
  programme: IndexedProgramme;
  rank: number;
}

/**
 * How much a name holding every word counts beside the text's rank (0–3 for real queries): enough that
 * `horisont europa` puts Horizon Europe before a county scheme whose text speaks of it at length, and
 * `interreg sverige` Interreg Sverige–Norge before Interreg Aurora (whose name says Sverige once).
 */
const NAME_MATCH_WEIGHT = 4;

/** A query as the index needs it: each word's lexemes per language configuration, and the words as typed. */
export interface TextQuery {
  /** For each configuration (norwegian, swedish, english): each word's lexemes, none for a stop word. */
  stemmed: ReadonlyArray<ReadonlyArray<readonly string[]>>;
  /** The words, lower-cased, matched as beginnings of words (the simple configuration). */
  words: readonly string[];
}

interface Postings {
  /** Every lexeme, in code-unit order, so that the lexemes beginning with a prefix lie side by side. */
  sorted: string[];
  docs: Map<string, Int32Array>;
}

interface RankPostings extends Postings {
  contributions: Map<string, Float64Array>;
}

interface NamePostings extends Postings {
  /** Per lexeme, per document in `docs`: its positions in the names. */
  positions: Map<string, number[][]>;
}

/** The order of every programme for each sort but relevance, per reader language (names differ). */
type SortOrders = Record<Exclude<ProgrammeSort, 'relevance'>, Int32Array>;

/** A programme's code lists as bits (each list has fewer than 32 codes), so a filter is one AND. */
interface FilterBits {
  sectors: Int32Array;
  applicantTypes: Int32Array;
  policyObjectives: Int32Array;
}

export interface SearchIndex {
  programmes: IndexedProgramme[];
  /** Per language, each programme's place when sorted by its name in that language. */
  nameOrder: Record<Language, Int32Array>;
  orders: Record<Language, SortOrders>;
  bits: FilterBits;
  /**
   * The part for words, built when first needed: a listing without words (the catalogue page as it
   * opens) needs none of it, and it is most of the building (docs/BENCHMARKS.md, warm start).
   */
  text(): TextIndex;
}

export interface TextIndex {
  search: Postings;
  rank: RankPostings;
  names: NamePostings;
  /** Each programme's count of name positions (the length ts_rank_cd normalises by). */
  nameLength: Int32Array;
  /** Each programme's names (`search_names`) as trigrams in order; per trigram the programmes whose names hold it. */
  nameTexts: TrigramText[];
  nameTrigrams: Map<string, Int32Array>;
  /** The words of the names a misspelling may be corrected to, and per trigram the words that hold it. */
  correction: { words: string[]; trigramCounts: Int32Array; byTrigram: Map<string, Int32Array> };
}

/** The ICU root collation, as `collate "und-x-icu"` sorts names in the database. */
const nameCollator = new Intl.Collator('und');
const CODE_BITS = {
  sectors: bitsOf(MUNICIPAL_SECTORS),
  applicantTypes: bitsOf(APPLICANT_TYPES),
  policyObjectives: bitsOf(POLICY_OBJECTIVES),
} as const;

function bitsOf(codes: readonly string[]): Map<string, number> {
  if (codes.length > 31) throw new RangeError('a code list too long for a bit mask');
  return new Map(codes.map((code, i) => [code, 1 << i]));
}

const maskOf = (bits: ReadonlyMap<string, number>, values: readonly string[] | undefined) => (values ?? []).reduce((mask, value) => mask | (bits.get(value) ?? 0), 0);

function collect<T>(into: Map<string, T[]>, lexeme: string, value: T): void {
  const list = into.get(lexeme);
  if (list) list.push(value);
  else into.set(lexeme, [value]);
}

/** Per trigram, the numbers of the texts that hold it. */
function trigramPostings(trigramSets: ReadonlyArray<ReadonlySet<string>>): Map<string, Int32Array> {
  const postings = new Map<string, number[]>();
  trigramSets.forEach((trigrams, at) => {
    for (const trigram of trigrams) collect(postings, trigram, at);
  });
  return new Map([...postings].map(([trigram, list]) => [trigram, Int32Array.from(list)]));
}

/** For each text number, how many of `trigrams` it holds (by `postings`). */
function sharedTrigramCounts(postings: ReadonlyMap<string, Int32Array>, trigrams: ReadonlySet<string>, count: number): Int32Array {
  const shared = new Int32Array(count);
  for (const trigram of trigrams) {
    const holders = postings.get(trigram);
    // An indexed loop: for…of over a typed array allocates per element until the function is optimised.
    if (holders) for (let i = 0; i < holders.length; i++) shared[holders[i]!]!++;
  }
  return shared;
}

export function buildSearchIndex(rows: readonly SearchIndexRow[], correctionWords: readonly string[]): SearchIndex {
  const programmes = rows.map(({ searchNames: _names, searchVector: _s, rankVector: _r, nameVector: _n, ...programme }) => programme);
  const nameOrder = Object.fromEntries(
    LANGUAGES.map((language) => {
      const order = programmes.map((_, doc) => doc).sort((a, b) => nameCollator.compare(programmes[a]!.card.name[language], programmes[b]!.card.name[language]) || utf8Order(programmes[a]!.id, programmes[b]!.id));
      const place = new Int32Array(programmes.length);
      order.forEach((doc, at) => (place[doc] = at));
      return [language, place];
    }),
  ) as Record<Language, Int32Array>;
  const orders = Object.fromEntries(
    LANGUAGES.map((language) => {
      const byName = (a: number, b: number) => nameOrder[language][a]! - nameOrder[language][b]!;
      const sorted = (compare: (a: number, b: number) => number) => Int32Array.from(programmes.map((_, doc) => doc).sort(compare));
      const sorts: SortOrders = {
        name: sorted(byName),
        // Highest rate first, programmes without one last.
        'funding-rate': sorted((a, b) => (programmes[b]!.fundingRateMax ?? -1) - (programmes[a]!.fundingRateMax ?? -1) || byName(a, b)),
        period: sorted((a, b) => programmes[b]!.periodStart - programmes[a]!.periodStart || byName(a, b)),
      };
      return [language, sorts];
    }),
  ) as Record<Language, SortOrders>;
  const bits: FilterBits = {
    sectors: Int32Array.from(programmes, (p) => maskOf(CODE_BITS.sectors, p.sectors)),
    applicantTypes: Int32Array.from(programmes, (p) => maskOf(CODE_BITS.applicantTypes, p.applicantTypes)),
    policyObjectives: Int32Array.from(programmes, (p) => maskOf(CODE_BITS.policyObjectives, p.policyObjectives)),
  };
  let text: TextIndex | undefined;
  let source: { rows: readonly SearchIndexRow[]; correctionWords: readonly string[] } | undefined = { rows, correctionWords };
  return {
    programmes,
    nameOrder,
    orders,
    bits,
    text() {
      if (!text) {
        text = buildTextIndex(source!.rows, source!.correctionWords);
        source = undefined; // the vectors' text is not needed any more
      }
      return text;
    },
  };
}

function buildTextIndex(rows: readonly SearchIndexRow[], correctionWords: readonly string[]): TextIndex {
  const wordTrigrams = correctionWords.map((word) => trigramSet(word));
  const searchDocs = new Map<string, number[]>();
  const rankDocs = new Map<string, Array<[number, number]>>();
  const nameDocs = new Map<string, Array<[number, number[]]>>();
  const nameLength = new Int32Array(rows.length);
  rows.forEach((row, doc) => {
    for (const entry of parseTsvector(row.searchVector)) collect(searchDocs, entry.lexeme, doc);
    for (const [lexeme, contribution] of rankableVector(parseTsvector(row.rankVector))) collect(rankDocs, lexeme, [doc, contribution] as [number, number]);
    const nameEntries = parseTsvector(row.nameVector);
    // The names' vector has positions, all weighted D (to_tsvector without setweight).
    for (const entry of nameEntries) collect(nameDocs, entry.lexeme, [doc, entry.positions] as [number, number[]]);
    nameLength[doc] = nameEntries.reduce((sum, entry) => sum + Math.max(1, entry.positions.length), 0);
  });
  const nameTexts = rows.map((row) => trigramText(row.searchNames));
  return {
    search: { sorted: [...searchDocs.keys()].sort(), docs: new Map([...searchDocs].map(([lexeme, docs]) => [lexeme, Int32Array.from(docs)])) },
    rank: {
      sorted: [...rankDocs.keys()].sort(),
      docs: new Map([...rankDocs].map(([lexeme, list]) => [lexeme, Int32Array.from(list, ([doc]) => doc)])),
      contributions: new Map([...rankDocs].map(([lexeme, list]) => [lexeme, Float64Array.from(list, ([, contribution]) => contribution)])),
    },
    names: {
      sorted: [...nameDocs.keys()].sort(),
      docs: new Map([...nameDocs].map(([lexeme, list]) => [lexeme, Int32Array.from(list, ([doc]) => doc)])),
      positions: new Map([...nameDocs].map(([lexeme, list]) => [lexeme, list.map(([, positions]) => positions)])),
    },
    nameLength,
    nameTexts,
    nameTrigrams: trigramPostings(nameTexts.map((text) => new Set(text.trigrams))),
    correction: { words: [...correctionWords], trigramCounts: Int32Array.from(wordTrigrams, (trigrams) => trigrams.size), byTrigram: trigramPostings(wordTrigrams) },
  };
}

/** Least trigram similarity for a correction: `sverge` → `sverige` is 0.5, `erasmsu` → `erasmus` 0.45. */
const CORRECTION_MIN_SIMILARITY = 0.4;

/**
 * The word of the names most similar to `word` (pg_trgm similarity, at least 0.4; of equals, the first
 * in order), if any.
 */
export function nearestWord(index: SearchIndex, word: string): string | undefined {
  const trigrams = trigramSet(word);
  const { words, trigramCounts, byTrigram } = index.text().correction;
  const shared = sharedTrigramCounts(byTrigram, trigrams, words.length);
  let best: { word: string; similarity: number } | undefined;
  for (let at = 0; at < words.length; at++) {
    if (shared[at] === 0) continue;
    const similarity = Math.fround(shared[at]! / (trigrams.size + trigramCounts[at]! - shared[at]!));
    if (similarity < SIMILARITY_THRESHOLD || similarity < CORRECTION_MIN_SIMILARITY) continue;
    if (!best || similarity > best.similarity || (similarity === best.similarity && words[at]! < best.word)) best = { word: words[at]!, similarity };
  }
  return best?.word;
}

/**
 * Programmes whose names resemble `text` as a whole (`text <% search_names`: pg_trgm word similarity at
 * least 0.6), with that similarity. A name holding under 60 % of the text's trigrams cannot reach it.
 */
export function resemblingNames(index: SearchIndex, text: string): Map<number, number> {
  const trigrams = trigramSet(text);
  const resembling = new Map<number, number>();
  if (trigrams.size === 0) return resembling;
  const { nameTrigrams, nameTexts } = index.text();
  const shared = sharedTrigramCounts(nameTrigrams, trigrams, index.programmes.length);
  for (let doc = 0; doc < shared.length; doc++) {
    if (Math.fround(shared[doc]! / trigrams.size) < WORD_SIMILARITY_THRESHOLD) continue;
    const similarity = wordSimilarityOf(trigrams, nameTexts[doc]!);
    if (similarity >= WORD_SIMILARITY_THRESHOLD) resembling.set(doc, similarity);
  }
  return resembling;
}

/** The lexemes of `postings` that begin with `prefix`, in order. */
function withPrefix(postings: Postings, prefix: string): string[] {
  const { sorted } = postings;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
}

/** Documents holding every one of the given sets of lexemes (each set: any of its lexemes). */
function docsWithAll(postings: Postings, lexemeSets: ReadonlyArray<readonly string[]>, count: number): Uint8Array | undefined {
  if (lexemeSets.length === 0) return undefined;
  let result: Uint8Array | undefined;
  for (const lexemes of lexemeSets) {
    const hit = new Uint8Array(count);
    for (const lexeme of lexemes) {
      const docs = postings.docs.get(lexeme);
      if (docs) for (let i = 0; i < docs.length; i++) hit[docs[i]!] = 1;
    }
    if (result) for (let doc = 0; doc < count; doc++) result[doc]! &= hit[doc]!;
    else result = hit;
  }
  return result;
}

/** Which programmes the query matches: the words in one configuration, or the words' beginnings. */
export function matchingDocs(index: SearchIndex, query: TextQuery): Uint8Array {
  const count = index.programmes.length;
  const { search } = index.text();
  const matched = new Uint8Array(count);
  const groups: Array<ReadonlyArray<readonly string[]>> = query.stemmed.map((words) => words.filter((lexemes) => lexemes.length > 0).flatMap((lexemes) => lexemes.map((lexeme) => [lexeme])));
  groups.push(query.words.map((word) => withPrefix(search, word)));
  for (const group of groups) {
    const docs = docsWithAll(search, group, count);
    if (docs) for (let doc = 0; doc < count; doc++) matched[doc]! |= docs[doc]!;
  }
  return matched;
}

/**
 * `ts_rank` of the rank vectors for the whole query (every lexeme of every configuration and every
 * word's beginning, counted once each; a word typed whole is also a beginning) plus the names' cover
 * density, for the matched documents.
 */
function rankDocs(index: SearchIndex, query: TextQuery, matched: Uint8Array): Float64Array {
  const count = index.programmes.length;
  const words = index.text();
  const prefixes = new Set(query.words);
  const operands = orQuery([...query.stemmed.flat(2), ...query.words]);
  const text = new Float64Array(count);
  for (const operand of operands) {
    const lexemes = prefixes.has(operand) ? withPrefix(words.rank, operand) : [operand];
    for (const lexeme of lexemes) {
      const docs = words.rank.docs.get(lexeme);
      const contributions = words.rank.contributions.get(lexeme);
      if (!docs || !contributions) continue;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (matched[doc]) text[doc] = Math.fround(text[doc]! + contributions[i]!);
      }
    }
  }
  const ranks = new Float64Array(count);
  for (let doc = 0; doc < count; doc++) if (matched[doc]) ranks[doc] = Math.fround(text[doc]! / operands.length);

  if (query.words.length === 1) addOneWordNameRanks(words, query.words[0]!, matched, ranks);
  else addNameRanks(words, query.words, matched, ranks);
  return ranks;
}

/** The names' cover density for one word: only how often the name holds its beginning counts. */
function addOneWordNameRanks(index: TextIndex, word: string, matched: Uint8Array, ranks: Float64Array): void {
  const occurrences = new Int32Array(ranks.length);
  for (const lexeme of withPrefix(index.names, word)) {
    const docs = index.names.docs.get(lexeme)!;
    const positions = index.names.positions.get(lexeme)!;
    for (let i = 0; i < docs.length; i++) if (matched[docs[i]!]) occurrences[docs[i]!]! += positions[i]!.length;
  }
  for (let doc = 0; doc < occurrences.length; doc++) {
    if (occurrences[doc]! > 0) ranks[doc] = ranks[doc]! + NAME_MATCH_WEIGHT * tsRankCdOneOperand(occurrences[doc]!, 0, index.nameLength[doc]!);
  }
}

/** The names' cover density for several words: positions holding each word's beginning; a name needs them all. */
function addNameRanks(index: TextIndex, words: readonly string[], matched: Uint8Array, ranks: Float64Array): void {
  const items = new Map<number, CoverItem[]>();
  const found = new Map<number, number>();
  words.forEach((word, operand) => {
    const bit = 2 ** operand;
    for (const lexeme of withPrefix(index.names, word)) {
      const docs = index.names.docs.get(lexeme)!;
      const positions = index.names.positions.get(lexeme)!;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (!matched[doc]) continue;
        found.set(doc, (found.get(doc) ?? 0) | bit);
        const list = items.get(doc) ?? [];
        for (const position of positions[i]!) list.push({ position, weight: 0, operands: bit });
        items.set(doc, list);
      }
    }
  });
  const all = 2 ** words.length - 1;
  for (const [doc, list] of items) {
    if (found.get(doc) !== all) continue;
    ranks[doc] = ranks[doc]! + NAME_MATCH_WEIGHT * tsRankCdAnd(mergedByPosition(list), words.length, index.nameLength[doc]!);
  }
}

/** Sorted by position, one item per position with the operands found there. */
function mergedByPosition(items: CoverItem[]): CoverItem[] {
  items.sort((a, b) => a.position - b.position);
  const merged: CoverItem[] = [];
  for (const item of items) {
    const last = merged[merged.length - 1];
    if (last && last.position === item.position) last.operands |= item.operands;
    else merged.push({ ...item });
  }
  return merged;
}

/** A test per programme for the search's filters. */
function filterTest(index: SearchIndex, filters: ProgrammeFilters): (doc: number) => boolean {
  const wanted = (bits: ReadonlyMap<string, number>, values: string[] | undefined) => (values?.length ? maskOf(bits, values) : undefined);
  const overlaps = (mask: number, want: number | undefined) => want === undefined || (mask & want) !== 0;
  const sectors = wanted(CODE_BITS.sectors, filters.sectors);
  const applicantTypes = wanted(CODE_BITS.applicantTypes, filters.applicantTypes);
  const policyObjectives = wanted(CODE_BITS.policyObjectives, filters.policyObjectives);
  const { programmes, bits } = index;
  return (doc) => {
    const programme = programmes[doc]!;
    return (
      overlaps(bits.sectors[doc]!, sectors) &&
      overlaps(bits.applicantTypes[doc]!, applicantTypes) &&
      overlaps(bits.policyObjectives[doc]!, policyObjectives) &&
      (!filters.kinds?.length || filters.kinds.includes(programme.kind)) &&
      (!filters.strands?.length || (programme.interregStrand !== null && filters.strands.includes(programme.interregStrand))) &&
      (filters.minFundingRate === undefined || (programme.fundingRateMax !== null && programme.fundingRateMax >= filters.minFundingRate))
    );
  };
}

/**
 * One page of the programmes that pass the filters — among those the query matches, or those `ranked`
 * gives (programme number → rank), or all — in the requested order, and how many there are in all.
 */
export function searchIndex(index: SearchIndex, search: ProgrammeSearch, candidates: { query: TextQuery } | { ranked: ReadonlyMap<number, number> } | undefined): { rows: ProgrammeSummaryRow[]; total: number } {
  const count = index.programmes.length;
  let ranks: Float64Array | undefined;
  let included: Uint8Array | undefined;
  if (candidates !== undefined && 'query' in candidates) {
    included = matchingDocs(index, candidates.query);
    ranks = rankDocs(index, candidates.query, included);
  } else if (candidates !== undefined) {
    included = new Uint8Array(count);
    ranks = new Float64Array(count);
    for (const [doc, rank] of candidates.ranked) {
      included[doc] = 1;
      ranks[doc] = rank;
    }
  }
  const passes = filterTest(index, search);
  const start = (search.page - 1) * search.pageSize;
  const page = (docs: ArrayLike<number>, total: number) => ({
    rows: Array.from(docs, (doc) => ({ programme: index.programmes[doc]!, rank: ranks?.[doc] ?? 0 })),
    total,
  });

  if (search.sort !== 'relevance' || ranks === undefined) {
    // The order is kept in the index: walk it, count what passes, keep the page.
    const order = index.orders[search.language][search.sort === 'relevance' ? 'name' : search.sort];
    const onPage: number[] = [];
    let total = 0;
    for (let at = 0; at < count; at++) {
      const doc = order[at]!;
      if ((included === undefined || included[doc]) && passes(doc)) {
        if (total >= start && onPage.length < search.pageSize) onPage.push(doc);
        total++;
      }
    }
    return page(onPage, total);
  }
  const docs: number[] = [];
  for (let doc = 0; doc < count; doc++) if (included![doc] && passes(doc)) docs.push(doc);
  const byName = index.nameOrder[search.language];
  const rankOf = ranks;
  const inOrder = firstInOrder(docs, start + search.pageSize, (a, b) => rankOf[b]! - rankOf[a]! || byName[a]! - byName[b]!);
  return page(inOrder.slice(start), docs.length);
}

/** Two searches with the same key get the same answer (the query's words, not the raw text; filters as sets). */
export function searchKey(search: ProgrammeSearch): string {
  const set = (values: string[] | undefined) => (values?.length ? [...new Set(values)].sort() : []);
  return JSON.stringify([
    searchTerms(search.q ?? ''),
    search.language,
    set(search.sectors),
    set(search.applicantTypes),
    set(search.kinds),
    set(search.strands),
    set(search.policyObjectives),
    search.minFundingRate ?? null,
    search.sort,
    search.page,
    search.pageSize,
  ]);
}
