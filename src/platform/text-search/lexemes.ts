/**
 * Words → lexemes, as Postgres's text-search configurations make them. A word's lexemes never change
 * (the configurations are fixed per server), so they are kept per process: most words of a request
 * have been seen before, and then it needs no round trip at all.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

export type TextSearchConfig = 'norwegian' | 'swedish' | 'english' | 'simple';

/** Words kept per configuration and word; beyond this the oldest half is dropped (some 20 MB at most). */
const MAX_WORDS = 200_000;

const key = (config: string, word: string) => `${config}\u0000${word}`;

interface Pair {
  config: TextSearchConfig;
  word: string;
}

/**
 * Lexemes of the words seen so far. Words not yet seen are looked up together: those asked for by
 * requests that arrive in the same turn of the event loop share one query, and a word already being
 * looked up is waited for, not asked again.
 */
export class LexemeCache {
  private readonly lexemes = new Map<string, readonly string[]>();
  /** Words being looked up, and the query that brings them. */
  private readonly pending = new Map<string, Promise<void>>();
  /** Words waiting for the next query, which is sent once this turn's requests have asked. */
  private queued = new Map<string, Pair>();
  private nextQuery: Promise<void> | undefined;

  constructor(private readonly db: Db) {}

  /**
   * For each configuration, each word's lexemes (none for a stop word), in the words' order — what
   * `to_tsquery(config, 'word')` would hold.
   */
  async of(configs: readonly TextSearchConfig[], words: readonly string[]): Promise<Array<Array<readonly string[]>>> {
    const waits = new Set<Promise<void>>();
    for (const config of configs) {
      for (const word of words) {
        const pairKey = key(config, word);
        if (this.lexemes.has(pairKey)) continue;
        waits.add(this.pending.get(pairKey) ?? this.enqueue(pairKey, { config, word }));
      }
    }
    if (waits.size > 0) await Promise.all(waits);
    return configs.map((config) => words.map((word) => this.lexemes.get(key(config, word)) ?? []));
  }

  private enqueue(pairKey: string, pair: Pair): Promise<void> {
    this.queued.set(pairKey, pair);
    this.nextQuery ??= new Promise<void>((resolve, reject) => setImmediate(() => this.lookUpQueued().then(resolve, reject)));
    this.pending.set(pairKey, this.nextQuery);
    return this.nextQuery;
  }

  private async lookUpQueued(): Promise<void> {
    const queued = this.queued;
    this.queued = new Map();
    this.nextQuery = undefined;
    const pairs = [...queued.values()];
    try {
      const result = await this.db.execute<{ config: string; word: string; lexemes: string[] }>(sql`
        select t.config, t.word, tsvector_to_array(to_tsvector(t.config::regconfig, t.word)) as lexemes
          from unnest(${sql.param(pairs.map((pair) => pair.config))}::text[], ${sql.param(pairs.map((pair) => pair.word))}::text[]) as t(config, word)`);
      if (this.lexemes.size + pairs.length > MAX_WORDS) this.dropOldestHalf();
      for (const row of (result as unknown as { rows: Array<{ config: string; word: string; lexemes: string[] }> }).rows) this.lexemes.set(key(row.config, row.word), row.lexemes);
    } finally {
      for (const pairKey of queued.keys()) this.pending.delete(pairKey);
    }
  }

  private dropOldestHalf(): void {
    let drop = Math.ceil(this.lexemes.size / 2);
    for (const cached of this.lexemes.keys()) {
      if (drop-- <= 0) break;
      this.lexemes.delete(cached);
    }
  }
}
