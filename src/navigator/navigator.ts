/**
 * The navigator use case: catalogue snapshot, text rank, deadlines, ranking. The catalogue changes
 * only on import and the calls only on their import: the snapshot of programme documents and the next
 * deadlines are read once and kept until a fingerprint shows a change (see `fingerprint-watch.ts`);
 * each match costs one query, the full-text rank of the idea.
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
import { callsFingerprint, loadCatalogue, rankIdea, type CatalogueSnapshot } from './repository.js';
import { serialiseMatchResponse } from './serialise.js';

export interface Navigator {
  match(request: MatchRequest): Promise<MatchResult[]>;
  /** `{ "results": … }` as JSON bytes: the answer of POST /api/navigator/match. */
  matchJson(request: MatchRequest): Promise<Buffer>;
}

export interface NavigatorOptions {
  db: Db;
  concepts: readonly Concept[];
  exchangeRate: ExchangeRate;
  /** How stale the fingerprints may be when another process imports (default one second). */
  fingerprintMaxAgeMs?: number;
}

/** One load at a time per key, shared by the requests that need it; a failed load is not kept. */
function keptLoad<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  let current: { key: string; value: Promise<T> } | undefined;
  return (key, load) => {
    if (current?.key !== key) {
      const entry = { key, value: load() };
      entry.value.catch(() => {
        if (current === entry) current = undefined;
      });
      current = entry;
    }
    return current.value;
  };
}

export function createNavigator(options: NavigatorOptions): Navigator {
  const { db } = options;
  const vocabulary = compileVocabulary(options.concepts);
  const maxAgeMs = options.fingerprintMaxAgeMs ?? FINGERPRINT_MAX_AGE_MS;
  const catalogueVersion = watchFingerprint(() => catalogueFingerprint(db), { maxAgeMs, localChanges: catalogueImportsInThisProcess });
  const callsVersion = watchFingerprint(() => callsFingerprint(db), { maxAgeMs });
  const snapshot = keptLoad<CatalogueSnapshot>();
  const deadlines = keptLoad<Map<string, string>>();

  async function currentCatalogue(): Promise<CatalogueSnapshot> {
    const version = await catalogueVersion.current();
    return snapshot(version, () => loadCatalogue(db, version));
  }

  async function currentDeadlines(): Promise<Map<string, string>> {
    const today = todayIso();
    return deadlines(`${today} ${await callsVersion.current()}`, () => nextDeadlines(db, today));
  }

  async function match(request: MatchRequest): Promise<MatchResult[]> {
    const [catalogue, upcoming] = await Promise.all([currentCatalogue(), currentDeadlines()]);
    const textRanks = await rankIdea(db, request.idea, request.language, catalogue.withoutPriorities);
    return rankMatches({ programmes: catalogue.programmes, textRanks, concepts: vocabulary, request, exchangeRate: options.exchangeRate, nextDeadlines: upcoming });
  }

  return {
    match,
    async matchJson(request) {
      return serialiseMatchResponse(await match(request));
    },
  };
}
