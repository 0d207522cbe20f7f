/** All SQL of the navigator: the catalogue snapshot it reasons over, and full-text rank of an idea. */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Programme } from '../catalogue/schema.js';
import { programmes } from '../catalogue/tables.js';
import { TEXT_SEARCH_CONFIG, anyWordQuery, searchTerms } from '../catalogue/search-text.js';
import type { Language } from '../reference/codes.js';
import { pairKey } from './pair-key.js';

const MAX_IDEA_TERMS = 64;

export interface CatalogueSnapshot {
  version: string;
  programmes: Programme[];
}

export async function catalogueVersion(db: Db): Promise<string> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int`, latest: sql<string | null>`max(${programmes.importedAt})::text` })
    .from(programmes);
  return `${row?.count ?? 0}@${row?.latest ?? ''}`;
}

export async function loadCatalogue(db: Db): Promise<CatalogueSnapshot> {
  const version = await catalogueVersion(db);
  const rows = await db.select({ document: programmes.document }).from(programmes).orderBy(programmes.id);
  return { version, programmes: rows.map((row) => row.document) };
}

/**
 * ts_rank of every priority (and every programme without priorities) for the idea, in the idea's
 * language. One query; rows that do not match are absent.
 */
export async function rankIdea(db: Db, idea: string, language: Language): Promise<Map<string, number>> {
  const terms = searchTerms(idea, MAX_IDEA_TERMS);
  if (terms.length === 0) return new Map();
  const config = TEXT_SEARCH_CONFIG[language];
  const query = anyWordQuery(terms);
  const result = await db.execute<{ programme_id: string; code: string | null; rank: number }>(sql`
    with q as (select to_tsquery(${config}::regconfig, ${query}) as tsq)
    select pr.programme_id, pr.code, ts_rank(pr.search_vector, q.tsq)::float8 as rank
      from priorities pr, q
     where pr.search_vector @@ q.tsq
    union all
    select p.id, null, ts_rank(p.search_vector, q.tsq)::float8
      from programmes p, q
     where p.search_vector @@ q.tsq
       and not exists (select 1 from priorities pr where pr.programme_id = p.id)`);
  const rows = (result as unknown as { rows: Array<{ programme_id: string; code: string | null; rank: number }> }).rows;
  return new Map(rows.map((row) => [pairKey(row.programme_id, row.code), Number(row.rank)]));
}
