/**
 * The catalogue is searched in memory (src/catalogue/search-index.ts). This checks, over the shipped
 * catalogue on both engines, that for many queries it matches exactly the programmes Postgres's own
 * `@@` matches, and ranks each with exactly Postgres's `ts_rank` of the rank vector plus four times
 * `ts_rank_cd` of the name vector, for the same query operands; and that spelling correction and name
 * resemblance find what pg_trgm finds.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_DIR, readCatalogueDirectory } from '../../src/catalogue/files.js';
import { loadCatalogueWords, loadSearchIndexRows } from '../../src/catalogue/repository.js';
import { buildSearchIndex, nearestWord, resemblingNames, searchIndex } from '../../src/catalogue/search-index.js';
import { searchTerms } from '../../src/catalogue/search-text.js';
import { validateCatalogue } from '../../src/catalogue/validate.js';
import { LexemeCache } from '../../src/platform/text-search/lexemes.js';
import { orQuery } from '../../src/platform/text-search/ts-rank.js';
import { seededRandom } from '../../src/platform/seeded-random.js';
import { ENGINES, withShippedCatalogue } from '../support/databases.js';

/** A typing slip: two neighbouring letters swapped, or one dropped. */
function misspelt(random: () => number, word: string): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  return random() < 0.5 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
}

/** Whole words, beginnings of words and pairs, drawn from the catalogue's own names and keywords. */
async function queries(): Promise<string[]> {
  const read = await readCatalogueDirectory(DEFAULT_CATALOGUE_DIR);
  const { programmes } = validateCatalogue(read.files);
  const words = [...new Set(programmes.flatMap((p) => [...Object.values(p.name), ...p.priorities.flatMap((pr) => [...Object.values(pr.name), ...(pr.keywords ?? [])])]).flatMap((text) => searchTerms(text)))]
    .filter((word) => word.length >= 3 && word !== 'or')
    .sort();
  const random = seededRandom(2026);
  const pick = () => words[Math.floor(random() * words.length)]!;
  const fixed = ['erasmus', 'klimatilpasning', 'klimatanpassning', 'skole', 'kultur', 'interreg sverige', 'horisont europa', 'eras', 'klim', 'e', 'samarbeid', 'climate adaptation', 'nordisk', 'og kultur'];
  return [...fixed, ...Array.from({ length: 60 }, pick), ...Array.from({ length: 30 }, () => pick().slice(0, 4)), ...Array.from({ length: 30 }, () => `${pick()} ${pick()}`)];
}

describe.each(ENGINES)('catalogue search in memory equals the database ($engine)', ({ create }) => {
  const database = withShippedCatalogue(create);

  it('matches the same programmes with the same rank', async () => {
    const db = database();
    const index = buildSearchIndex(await loadSearchIndexRows(db), await loadCatalogueWords(db));
    const lexemes = new LexemeCache(db);
    let compared = 0;
    for (const q of await queries()) {
      const words = searchTerms(q);
      const stemmed = await lexemes.of(['norwegian', 'swedish', 'english'], words);
      const inMemory = searchIndex(index, { language: 'nb', sort: 'relevance', page: 1, pageSize: 10_000 }, { query: { stemmed, words } });

      // The same operands as one tsquery: a word typed whole counts as its beginning.
      const prefixes = new Set(words);
      const operands = orQuery([...stemmed.flat(2), ...words]).map((operand) => (prefixes.has(operand) ? `'${operand}':*` : `'${operand}'`));
      const prefix = words.map((word) => `${word}:*`).join(' & ');
      const result = await db.execute<{ id: string; rank: number }>(sql`
        select id, (ts_rank(rank_vector, ${operands.join(' | ')}::tsquery) + 4 * ts_rank_cd(name_vector, to_tsquery('simple', ${prefix}), 1))::float8 as rank
          from programmes
         where search_vector @@ (websearch_to_tsquery('norwegian', ${q}) || websearch_to_tsquery('swedish', ${q})
                                 || websearch_to_tsquery('english', ${q}) || to_tsquery('simple', ${prefix}))`);
      const inDatabase = new Map((result as unknown as { rows: Array<{ id: string; rank: number }> }).rows.map((row) => [row.id, Number(row.rank)]));
      expect(new Map(inMemory.rows.map((row) => [row.programme.id, row.rank])), q).toEqual(inDatabase);
      compared += inDatabase.size;
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);

  it('corrects a misspelt word and finds resembling names as pg_trgm does', async () => {
    const db = database();
    const index = buildSearchIndex(await loadSearchIndexRows(db), await loadCatalogueWords(db));
    const random = seededRandom(7);
    const words = (await queries()).flatMap((q) => searchTerms(q)).filter((word) => word.length >= 4);
    const slips = [...new Set(words.map((word) => misspelt(random, word)))].slice(0, 150);
    let corrected = 0;
    let resembling = 0;
    for (const slip of [...slips, 'interreg sverge', 'horisnt europa', 'erasmsu', 'nordplus junior', 'kreativt europa', 'interregsverige']) {
      const result = await db.execute<{ nearest: string | null }>(sql`
        select (select w.word from catalogue_words w where w.word % ${slip} and similarity(w.word, ${slip}) >= 0.4
                 order by similarity(w.word, ${slip}) desc, w.word collate "C" limit 1) as nearest`);
      const nearest = (result as unknown as { rows: Array<{ nearest: string | null }> }).rows[0]?.nearest ?? undefined;
      if (!slip.includes(' ')) expect(nearestWord(index, slip), slip).toBe(nearest);
      if (nearest) corrected++;

      const names = await db.execute<{ id: string; similarity: number }>(sql`
        select id, word_similarity(${slip}, search_names)::float8 as similarity from programmes where ${slip} <% search_names`);
      const inDatabase = new Map((names as unknown as { rows: Array<{ id: string; similarity: number }> }).rows.map((row) => [row.id, Number(row.similarity)]));
      const inMemory = new Map([...resemblingNames(index, slip)].map(([doc, similarity]) => [index.programmes[doc]!.id, similarity]));
      expect(inMemory, slip).toEqual(inDatabase);
      resembling += inDatabase.size;
    }
    expect(corrected).toBeGreaterThan(50);
    expect(resembling).toBeGreaterThan(10);
  }, 120_000);
});
