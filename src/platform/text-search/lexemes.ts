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

export class LexemeCache {
  private readonly lexemes = new Map<string, readonly string[]>();

  constructor(private readonly db: Db) {}

  /**
   * For each configuration, each word's lexemes (none for a stop word), in the words' order — what
   * `to_tsquery(config, 'word')` would hold. One query for all the pairs not yet seen.
   */
  async of(configs: readonly TextSearchConfig[], words: readonly string[]): Promise<Array<Array<readonly string[]>>> {
    const key = (config: string, word: string) => `${config}\u0000${word}`;
    const unseen = configs.flatMap((config) => [...new Set(words)].filter((word) => !this.lexemes.has(key(config, word))).map((word) => ({ config, word })));
    if (unseen.length > 0) {
      const result = await this.db.execute<{ config: string; word: string; lexemes: string[] }>(sql`
        select t.config, t.word, tsvector_to_array(to_tsvector(t.config::regconfig, t.word)) as lexemes
          from unnest(${sql.param(unseen.map((pair) => pair.config))}::text[], ${sql.param(unseen.map((pair) => pair.word))}::text[]) as t(config, word)`);
      if (this.lexemes.size + unseen.length > MAX_WORDS) this.dropOldestHalf();
      for (const row of (result as unknown as { rows: Array<{ config: string; word: string; lexemes: string[] }> }).rows) this.lexemes.set(key(row.config, row.word), row.lexemes);
    }
    return configs.map((config) => words.map((word) => this.lexemes.get(key(config, word)) ?? []));
  }

  private dropOldestHalf(): void {
    let drop = Math.ceil(this.lexemes.size / 2);
    for (const key of this.lexemes.keys()) {
      if (drop-- <= 0) break;
      this.lexemes.delete(key);
    }
  }
}
