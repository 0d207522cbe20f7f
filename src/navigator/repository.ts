/** All SQL of the navigator: the catalogue snapshot it reasons over and the search vectors it ranks ideas against. */
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Programme } from '../catalogue/schema.js';
import { priorities, programmes } from '../catalogue/tables.js';
import { calls } from '../calls/tables.js';
import { pairKey } from './pair-key.js';

export interface CatalogueSnapshot {
  /** The catalogue's fingerprint when the documents were read (they are at least that new). */
  version: string;
  programmes: Programme[];
}

export async function loadCatalogue(db: Db, version: string): Promise<CatalogueSnapshot> {
  const rows = await db.select({ document: programmes.document }).from(programmes).orderBy(programmes.id);
  return { version, programmes: rows.map((row) => row.document) };
}

/** Changes whenever calls are imported (a source's calls are replaced, with new import times). */
export async function callsFingerprint(db: Db): Promise<string> {
  const [row] = await db.select({ count: sql<number>`count(*)::int`, latest: sql<string | null>`max(${calls.importedAt})::text` }).from(calls);
  return `${row?.count ?? 0}@${row?.latest ?? ''}`;
}

/**
 * The stored search vector of every priority, and of each programme that has none (ranked as a whole),
 * as text, keyed like the matches (`pairKey`).
 */
export async function loadSearchVectors(db: Db): Promise<Array<{ key: string; vector: string }>> {
  const result = await db.execute<{ programme_id: string; code: string | null; vector: string }>(sql`
    select pr.programme_id, pr.code, pr.search_vector::text as vector from ${priorities} pr
    union all
    select p.id, null, p.search_vector::text from ${programmes} p
     where not exists (select 1 from ${priorities} pr where pr.programme_id = p.id)`);
  return (result as unknown as { rows: Array<{ programme_id: string; code: string | null; vector: string }> }).rows.map((row) => ({ key: pairKey(row.programme_id, row.code), vector: row.vector }));
}
