/**
 * The navigator ranks an idea in memory (src/platform/text-search/ts-rank.ts) instead of asking the
 * database per request. This checks that it gives exactly what Postgres's own `ts_rank` gives — the
 * same rows matched and the same float4 — for every labelled idea of the evaluation set and variants of
 * them, over the shipped catalogue, on both engines.
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { TEXT_SEARCH_CONFIG, searchTerms } from '../../src/catalogue/search-text.js';
import { loadSearchVectors } from '../../src/navigator/repository.js';
import { LexemeCache } from '../../src/platform/text-search/lexemes.js';
import { orQuery, parseTsvector, rankableVector, tsRankOr } from '../../src/platform/text-search/ts-rank.js';
import type { Language } from '../../src/reference/codes.js';
import { ENGINES, withShippedCatalogue } from '../support/databases.js';
import { pairKey } from '../../src/navigator/pair-key.js';

interface Idea {
  idea: string;
  language: Language;
}

async function ideas(): Promise<Idea[]> {
  const labelled = (YAML.parse(await readFile(new URL('../navigator-eval/ideas.yaml', import.meta.url), 'utf8')) as { ideas: Idea[] }).ideas;
  // Also: every idea read in every configuration, and two ideas run together (more repeated words).
  const variants = labelled.flatMap((idea, i) => [
    ...(['nb', 'sv', 'en'] as const).filter((lang) => lang !== idea.language).map((language) => ({ idea: idea.idea, language })),
    { idea: `${idea.idea} ${labelled[(i + 1) % labelled.length]!.idea}`, language: idea.language },
  ]);
  return [...labelled, ...variants, { idea: 'og i på', language: 'nb' }, { idea: "O'Neill \\ back-slash 2024 café", language: 'en' }];
}

describe.each(ENGINES)('ts_rank in memory equals the database ($engine)', ({ create }) => {
  const database = withShippedCatalogue(create);

  it('matches the same priorities with the same rank for every idea', async () => {
    const db = database();
    const vectors = (await loadSearchVectors(db)).map(({ key, vector }) => ({ key, vector: rankableVector(parseTsvector(vector)) }));
    expect(vectors.length).toBeGreaterThan(150);
    const lexemes = new LexemeCache(db);
    let compared = 0;
    for (const { idea, language } of await ideas()) {
      const terms = searchTerms(idea, 64);
      const config = TEXT_SEARCH_CONFIG[language];
      const query = orQuery((await lexemes.of([config], terms)).flat(2));
      const inMemory = new Map<string, number>();
      for (const { key, vector } of vectors) {
        const rank = query.length > 0 ? tsRankOr(vector, query) : undefined;
        if (rank !== undefined) inMemory.set(key, rank);
      }
      const result = await db.execute<{ programme_id: string; code: string | null; rank: number }>(sql`
        with q as (select to_tsquery(${config}::regconfig, ${terms.join(' | ')}) as tsq)
        select pr.programme_id, pr.code, ts_rank(pr.search_vector, q.tsq)::float8 as rank
          from priorities pr, q where pr.search_vector @@ q.tsq
        union all
        select p.id, null, ts_rank(p.search_vector, q.tsq)::float8 from programmes p, q
         where p.search_vector @@ q.tsq and not exists (select 1 from priorities pr where pr.programme_id = p.id)`);
      const inDatabase = new Map((result as unknown as { rows: Array<{ programme_id: string; code: string | null; rank: number }> }).rows.map((row) => [pairKey(row.programme_id, row.code), Number(row.rank)]));
      expect(inMemory, idea).toEqual(inDatabase);
      compared += inDatabase.size;
    }
    expect(compared).toBeGreaterThan(10_000);
  }, 120_000);
});
