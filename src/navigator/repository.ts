/** All SQL of the navigator: the catalogue snapshot it reasons over, and full-text rank of an idea. */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Programme } from '../catalogue/schema.js';
import { programmes } from '../catalogue/tables.js';
import { TEXT_SEARCH_CONFIG, anyWordQuery, searchTerms } from '../catalogue/search-text.js';
import { calls } from '../calls/tables.js';
import type { Language } from '../reference/codes.js';
import { pairKey } from './pair-key.js';

const MAX_IDEA_TERMS = 64;

export interface CatalogueSnapshot {
  /** The catalogue's fingerprint when the documents were read (they are at least that new). */
  version: string;
  programmes: Programme[];
  /** Programmes ranked as a whole, having no priorities. */
  withoutPriorities: string[];
}

export async function loadCatalogue(db: Db, version: string): Promise<CatalogueSnapshot> {
  const rows = await db.select({ document: programmes.document }).from(programmes).orderBy(programmes.id);
  const documents = rows.map((row) => row.document);
  return { version, programmes: documents, withoutPriorities: documents.filter((p) => p.priorities.length === 0).map((p) => p.id) };
}

/** Changes whenever calls are imported (a source's calls are replaced, with new import times). */
export async function callsFingerprint(db: Db): Promise<string> {
  const [row] = await db.select({ count: sql<number>`count(*)::int`, latest: sql<string | null>`max(${calls.importedAt})::text` }).from(calls);
  return `${row?.count ?? 0}@${row?.latest ?? ''}`;
}

/**
 * ts_rank of every priority, and of the given programmes that have none, for the idea in the idea's
 * language. One query; rows that do not match are absent.
 */
export async function rankIdea(db: Db, idea: string, language: Language, withoutPriorities: readonly string[]): Promise<Map<string, number>> {
  const terms = searchTerms(idea, MAX_IDEA_TERMS);
  if (terms.length === 0) return new Map();
  const config = TEXT_SEARCH_CONFIG[language];
  const query = anyWordQuery(terms);
  // Only the programmes without priorities need their own (large) vectors tested.
  const wholeProgrammes =
    withoutPriorities.length === 0
      ? sql``
      : sql`
    union all
    select p.id, null, ts_rank(p.search_vector, q.tsq)::float8
      from programmes p, q
     where p.id = any(${sql.param([...withoutPriorities])}::text[])
       and p.search_vector @@ q.tsq
       and not exists (select 1 from priorities pr where pr.programme_id = p.id)`;
  const result = await db.execute<{ programme_id: string; code: string | null; rank: number }>(sql`
    with q as (select to_tsquery(${config}::regconfig, ${query}) as tsq)
    select pr.programme_id, pr.code, ts_rank(pr.search_vector, q.tsq)::float8 as rank
      from priorities pr, q
     where pr.search_vector @@ q.tsq${wholeProgrammes}`);
  const rows = (result as unknown as { rows: Array<{ programme_id: string; code: string | null; rank: number }> }).rows;
  return new Map(rows.map((row) => [pairKey(row.programme_id, row.code), Number(row.rank)]));
}
