/** The navigator use case: catalogue snapshot (cached until the catalogue changes), text rank, deadlines, ranking. */
import type { Concept } from '../catalogue/concept-schema.js';
import { nextDeadlines } from '../calls/repository.js';
import { todayIso } from '../platform/dates.js';
import type { Db } from '../platform/db/client.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { compileVocabulary } from './concepts.js';
import { rankMatches, type MatchRequest, type MatchResult } from './match.js';
import { catalogueVersion, loadCatalogue, rankIdea, type CatalogueSnapshot } from './repository.js';

export interface Navigator {
  match(request: MatchRequest): Promise<MatchResult[]>;
}

export function createNavigator(options: { db: Db; concepts: readonly Concept[]; exchangeRate: ExchangeRate }): Navigator {
  const vocabulary = compileVocabulary(options.concepts);
  let snapshot: CatalogueSnapshot | undefined;
  let loading: Promise<CatalogueSnapshot> | undefined;

  async function currentCatalogue(): Promise<CatalogueSnapshot> {
    const version = await catalogueVersion(options.db);
    if (snapshot?.version === version) return snapshot;
    // One reload at a time, however many requests arrive while it runs.
    loading ??= loadCatalogue(options.db).finally(() => (loading = undefined));
    snapshot = await loading;
    return snapshot;
  }

  return {
    async match(request) {
      const [catalogue, textRanks, deadlines] = await Promise.all([
        currentCatalogue(),
        rankIdea(options.db, request.idea, request.language),
        nextDeadlines(options.db, todayIso()),
      ]);
      return rankMatches({ programmes: catalogue.programmes, textRanks, concepts: vocabulary, request, exchangeRate: options.exchangeRate, nextDeadlines: deadlines });
    },
  };
}
