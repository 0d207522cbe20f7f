/**
 * Words → lexemes, as Postgres's text-search configurations make them. A word's lexemes never change
 * (the configurations are fixed per server), so they are kept per process: most words of a request
 * have been seen before, and then it needs no round trip at all.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';

export type TextSearchConfig = 'norwegian' | 'swedish' | 'english' | 'simple';

/** Words kept; beyond this the oldest half is dropped (a few MB at most). */
const MAX_WORDS = 100_000;

export class LexemeCache {
  private readonly lexemes = new Map<string, readonly string[]>();

  constructor(private readonly db: Db) {}

  /**
   * Each word's lexemes in `config` (none for a stop word), in the words' order — what
   * `to_tsquery(config, 'word')` would hold. One query for the words not yet seen.
   */
  async of(config: TextSearchConfig, words: readonly string[]): Promise<Array<readonly string[]>> {
    const key = (word: string) => `${config}\u0000${word}`;
    const unseen = [...new Set(words.filter((word) => !this.lexemes.has(key(word))))];
    if (unseen.length > 0) {
      const result = await this.db.execute<{ word: string; lexemes: string[] }>(sql`
        select t.word, tsvector_to_array(to_tsvector(${config}::regconfig, t.word)) as lexemes
          from unnest(${sql.param(unseen)}::text[]) as t(word)`);
      if (this.lexemes.size + unseen.length > MAX_WORDS) this.dropOldestHalf();
      for (const row of (result as unknown as { rows: Array<{ word: string; lexemes: string[] }> }).rows) this.lexemes.set(key(row.word), row.lexemes);
    }
    return words.map((word) => this.lexemes.get(key(word)) ?? []);
  }

  private dropOldestHalf(): void {
    let drop = Math.ceil(this.lexemes.size / 2);
    for (const key of this.lexemes.keys()) {
      if (drop-- <= 0) break;
      this.lexemes.delete(key);
    }
  }
}
