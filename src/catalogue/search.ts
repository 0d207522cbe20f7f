/**
 * The catalogue search use case. The index (`search-index.ts`) is built from the database once per
 * catalogue version and kept; a search turns its words into lexemes (kept per word, so usually without
 * a query) and answers from the index. When nothing matches, it tries the nearest spelling of each word
 * that finds nothing (trigram similarity to the names' words), then names that resemble the query as a
 * whole (trigram word similarity), both as pg_trgm computes them.
 */
import type { Db } from '../platform/db/client.js';
import { keptLoad } from '../platform/kept-load.js';
import { LexemeCache, type TextSearchConfig } from '../platform/text-search/lexemes.js';
import { FINGERPRINT_MAX_AGE_MS, watchFingerprint } from './fingerprint-watch.js';
import { catalogueFingerprint, catalogueImportsInThisProcess, loadCatalogueWords, loadSearchIndexRows } from './repository.js';
import { buildSearchIndex, matchingDocs, nearestWord, resemblingNames, searchIndex, type ProgrammeSearch, type ProgrammeSummaryRow, type SearchIndex, type TextIndex, type TextQuery } from './search-index.js';
import { searchTerms } from './search-text.js';
import { prepareListItems } from './list-json.js';

/** Every configuration is tried for every reader: a Swede may search the Norwegian text. */
const CONFIGS: readonly TextSearchConfig[] = ['norwegian', 'swedish', 'english'];
/**
 * When, after an index is built, its part for words is built and its words' lexemes are fetched — just
 * after the request that built it has been answered — and how many words per query: under 10 ms each
 * on PGlite, which runs them on this thread, so a request arriving meanwhile waits little.
 */
const PRIME_DELAY_MS = 200;
const PRIME_CHUNK = 250;

export interface CatalogueSearchAnswer {
  rows: ProgrammeSummaryRow[];
  total: number;
  /** Set when the words as typed found nothing and the answer is for this spelling. */
  spelledAs?: string;
}

export interface CatalogueSearch {
  /** The catalogue's version now: answers for one version stay right until the next import. */
  version(): Promise<string>;
  search(search: ProgrammeSearch, version: string): Promise<CatalogueSearchAnswer>;
}

export function createCatalogueSearch(db: Db, options: { fingerprintMaxAgeMs?: number } = {}): CatalogueSearch {
  const catalogueVersion = watchFingerprint(() => catalogueFingerprint(db), { maxAgeMs: options.fingerprintMaxAgeMs ?? FINGERPRINT_MAX_AGE_MS, localChanges: catalogueImportsInThisProcess });
  const indexes = keptLoad<SearchIndex>();
  const lexemes = new LexemeCache(db);

  /**
   * The index. Its part for words is built a moment later, unless a search with words needs it
   * sooner; the lexemes of its own words, and of what is typed on the way to the words of its names,
   * follow in small queries, so that the requests waiting meanwhile go first (PGlite runs each query on
   * this thread). Afterwards a search for words of the catalogue, whole or begun, needs no query at all.
   */
  async function loadIndex(): Promise<SearchIndex> {
    const [rows, correctionWords] = await Promise.all([loadSearchIndexRows(db), loadCatalogueWords(db)]);
    const index = buildSearchIndex(rows, correctionWords);
    prepareListItems(index.programmes);
    setTimeout(() => {
      (async () => primeLexemes(wordsToPrime(index.text())))().catch(() => {
        // Not needed for correct answers: a word not yet seen is looked up when it is searched for,
        // and a part for words that cannot be built fails the search that needs it, with its error.
      });
    }, PRIME_DELAY_MS).unref();
    return index;
  }

  /** The index's words, and every beginning of its names' words: what search as you type sends on the way to them. */
  function wordsToPrime(text: TextIndex): string[] {
    const beginnings = text.correction.words.flatMap((word) => Array.from({ length: word.length - 1 }, (_, i) => word.slice(0, i + 1)));
    return [...new Set([...text.search.sorted, ...beginnings])];
  }

  async function primeLexemes(words: readonly string[]): Promise<void> {
    for (let start = 0; start < words.length; start += PRIME_CHUNK) await lexemes.of(CONFIGS, words.slice(start, start + PRIME_CHUNK));
  }

  async function textQuery(words: string[]): Promise<TextQuery> {
    return { stemmed: await lexemes.of(CONFIGS, words), words };
  }

  /** The words as typed with each one that finds nothing on its own replaced by its nearest spelling. */
  function corrected(index: SearchIndex, query: TextQuery): string[] | undefined {
    const spelled = query.words.map((word, i) => {
      const alone = { stemmed: query.stemmed.map((byWord) => [byWord[i]!]), words: [word] };
      return matchingDocs(index, alone).includes(1) ? word : (nearestWord(index, word) ?? word);
    });
    return spelled.some((word, i) => word !== query.words[i]) ? spelled : undefined;
  }

  return {
    version: () => catalogueVersion.current(),
    async search(search, version) {
      const index = await indexes(version, () => loadIndex());
      const words = searchTerms(search.q ?? '');
      if (words.length === 0) return searchIndex(index, search, undefined);
      const query = await textQuery(words);
      const asTyped = searchIndex(index, search, { query });
      // Found nothing only because of the filters: the words are right, and the answer is that none pass.
      if (asTyped.total > 0 || matchingDocs(index, query).includes(1)) return asTyped;
      // Nothing matches as written: a misspelling (`interreg sverge` → `interreg sverige`)?
      const spelled = corrected(index, query);
      if (spelled) {
        const answer = searchIndex(index, search, { query: await textQuery(spelled) });
        if (answer.total > 0) return { ...answer, spelledAs: spelled.join(' ') };
      }
      // Still nothing: programme names that resemble the query as a whole.
      return searchIndex(index, search, { ranked: resemblingNames(index, words.join(' ')) });
    },
  };
}
