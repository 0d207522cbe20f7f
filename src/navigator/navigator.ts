/**
 * The navigator use case: catalogue snapshot, text rank, deadlines, ranking. The catalogue changes
 * only on import and the calls only on their import: the snapshot of programme documents and the next
 * deadlines are read once and kept until a fingerprint shows a change (see `fingerprint-watch.ts`).
 * The idea's words become lexemes in the database (kept per word, see `lexemes.ts`), and its full-text
 * rank against every priority's stored vector is Postgres's `ts_rank`, computed over the snapshot in
 * memory (`ts-rank.ts`): a match usually needs no query at all.
 */
import type { Concept } from '../catalogue/concept-schema.js';
import { FINGERPRINT_MAX_AGE_MS, watchFingerprint } from '../catalogue/fingerprint-watch.js';
import { catalogueFingerprint, catalogueImportsInThisProcess } from '../catalogue/repository.js';
import { nextDeadlines } from '../calls/repository.js';
import { todayIso } from '../platform/dates.js';
import type { Db } from '../platform/db/client.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { compileVocabulary } from './concepts.js';
import { rankMatches, type MatchRequest, type MatchResult } from './match.js';
import { callsFingerprint, loadCatalogue, loadSearchVectors, type CatalogueSnapshot } from './repository.js';
import { TEXT_SEARCH_CONFIG, searchTerms } from '../catalogue/search-text.js';
import { LexemeCache } from '../platform/text-search/lexemes.js';
import { keptLoad, loadOnce } from '../platform/kept-load.js';
import { orQuery, parseTsvector, rankableVector, tsRankOr, type RankableVector } from '../platform/text-search/ts-rank.js';
import { serialiseMatchResponse } from './serialise.js';

export interface Navigator {
  match(request: MatchRequest): Promise<MatchResult[]>;
  /** `{ "results": … }` as JSON bytes: the answer of POST /api/navigator/match. */
  matchJson(request: MatchRequest): Promise<Buffer>;
}

export interface NavigatorOptions {
  db: Db;
  /** The concept vocabulary, read when the first question is asked (start-up time). */
  concepts: () => Promise<readonly Concept[]>;
  exchangeRate: ExchangeRate;
  /** How stale the fingerprints may be when another process imports (default one second). */
  fingerprintMaxAgeMs?: number;
}

/** Words of an idea that count for its text rank. */
const MAX_IDEA_TERMS = 64;

interface RankingSnapshot extends CatalogueSnapshot {
  /** Every priority's search vector (and that of each programme without priorities), by pair key. */
  vectors: Array<{ key: string; vector: RankableVector }>;
}

async function loadRankingSnapshot(db: Db, version: string): Promise<RankingSnapshot> {
  const [catalogue, vectors] = await Promise.all([loadCatalogue(db, version), loadSearchVectors(db)]);
  return { ...catalogue, vectors: vectors.map(({ key, vector }) => ({ key, vector: rankableVector(parseTsvector(vector)) })) };
}

/** `ts_rank(search_vector, to_tsquery(config, 'w1 | w2 | …'))` of each pair whose vector matches. */
function rankText(vectors: RankingSnapshot['vectors'], query: readonly string[]): Map<string, number> {
  const ranks = new Map<string, number>();
  if (query.length === 0) return ranks;
  for (const { key, vector } of vectors) {
    const rank = tsRankOr(vector, query);
    if (rank !== undefined) ranks.set(key, rank);
  }
  return ranks;
}

export function createNavigator(options: NavigatorOptions): Navigator {
  const { db } = options;
  const vocabulary = loadOnce(async () => compileVocabulary(await options.concepts()));
  const maxAgeMs = options.fingerprintMaxAgeMs ?? FINGERPRINT_MAX_AGE_MS;
  const catalogueVersion = watchFingerprint(() => catalogueFingerprint(db), { maxAgeMs, localChanges: catalogueImportsInThisProcess });
  const callsVersion = watchFingerprint(() => callsFingerprint(db), { maxAgeMs });
  const snapshot = keptLoad<RankingSnapshot>();
  const lexemes = new LexemeCache(db);
  const deadlines = keptLoad<Map<string, string>>();

  async function currentCatalogue(): Promise<RankingSnapshot> {
    const version = await catalogueVersion.current();
    return snapshot(version, () => loadRankingSnapshot(db, version));
  }

  async function currentDeadlines(): Promise<Map<string, string>> {
    const today = todayIso();
    return deadlines(`${today} ${await callsVersion.current()}`, () => nextDeadlines(db, today));
  }

  async function match(request: MatchRequest): Promise<MatchResult[]> {
    const terms = searchTerms(request.idea, MAX_IDEA_TERMS);
    const [catalogue, upcoming, ideaLexemes, concepts] = await Promise.all([
      currentCatalogue(),
      currentDeadlines(),
      lexemes.of([TEXT_SEARCH_CONFIG[request.language]], terms),
      vocabulary(),
    ]);
    const textRanks = rankText(catalogue.vectors, orQuery(ideaLexemes.flat(2)));
    return rankMatches({ programmes: catalogue.programmes, textRanks, concepts, request, exchangeRate: options.exchangeRate, nextDeadlines: upcoming });
  }

  return {
    match,
    async matchJson(request) {
      return serialiseMatchResponse(await match(request));
    },
  };
}
