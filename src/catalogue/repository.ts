/** All SQL of the catalogue. */
import { createHash } from 'node:crypto';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Programme } from './schema.js';
import { catalogueImports, catalogueWords, priorities, programmes } from './tables.js';
import { prioritySearchText, programmeSearchText } from './search-text.js';
import type { SearchIndexRow } from './search-index.js';

export interface ImportReport {
  programmes: number;
  priorities: number;
  sources: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** Bump when what is derived from a programme (search vectors, columns) changes: every programme is then re-imported. */
export const DERIVED_DATA_VERSION = '5';

const contentHash = (programme: Programme) => createHash('sha256').update(DERIVED_DATA_VERSION).update(JSON.stringify(programme)).digest('hex');

function programmeRow(programme: Programme) {
  const search = programmeSearchText(programme);
  const rates = [programme.fundingRate.maxPercent, programme.fundingRate.minPercent].filter((v): v is number => v !== undefined);
  return {
    id: programme.id,
    kind: programme.kind,
    interregStrand: programme.interregStrand ?? null,
    status: programme.status,
    periodStart: programme.period.start,
    periodEnd: programme.period.end ?? null,
    name: programme.name,
    document: programme,
    card: {
      name: programme.name,
      shortName: programme.shortName ?? null,
      summary: programme.summary,
      sectors: programme.sectors,
      fundingRate: { minPercent: programme.fundingRate.minPercent ?? null, maxPercent: programme.fundingRate.maxPercent ?? null },
      priorityCount: programme.priorities.length,
    },
    contentHash: contentHash(programme),
    sectors: programme.sectors,
    applicantTypes: programme.applicants.eligible,
    policyObjectives: [...new Set(programme.priorities.map((p) => p.policyObjective).filter((v): v is NonNullable<typeof v> => v !== undefined))],
    fundingRateMax: rates.length > 0 ? Math.max(...rates) : null,
    searchNames: search.names,
    searchVector: sql`setweight(to_tsvector('simple', ${search.names}), 'A')
      || setweight(to_tsvector('simple', ${search.terms}), 'A')
      || setweight(to_tsvector('norwegian', ${search.byLanguage.nb}), 'B')
      || setweight(to_tsvector('norwegian', ${search.byLanguage.nn}), 'B')
      || setweight(to_tsvector('swedish', ${search.byLanguage.sv}), 'B')
      || setweight(to_tsvector('english', ${search.byLanguage.en}), 'B')` as unknown as string,
    rankVector: sql`setweight(to_tsvector('simple', ${search.names}), 'A')
      || setweight(to_tsvector('simple', ${search.terms}), 'A')
      || setweight(to_tsvector('norwegian', ${search.terms}), 'A')
      || setweight(to_tsvector('norwegian', ${programme.summary.nb}), 'B')
      || setweight(to_tsvector('norwegian', ${programme.summary.nn}), 'B')
      || setweight(to_tsvector('swedish', ${programme.summary.sv}), 'B')
      || setweight(to_tsvector('english', ${programme.summary.en}), 'B')` as unknown as string,
    importedAt: new Date(),
  };
}

function priorityRows(programme: Programme) {
  return programme.priorities.map((priority, position) => {
    const search = prioritySearchText(programme, priority);
    return {
      programmeId: programme.id,
      code: priority.code,
      position,
      policyObjective: priority.policyObjective ?? null,
      specificObjective: priority.specificObjective ?? null,
      name: priority.name,
      document: priority,
      searchVector: sql`setweight(to_tsvector('simple', ${search.names}), 'A')
        || setweight(to_tsvector('norwegian', ${search.names}), 'A')
        || setweight(to_tsvector('norwegian', ${search.byLanguage.nb}), 'B')
        || setweight(to_tsvector('norwegian', ${search.byLanguage.nn}), 'B')
        || setweight(to_tsvector('swedish', ${search.byLanguage.sv}), 'B')
        || setweight(to_tsvector('english', ${search.byLanguage.en}), 'B')
        || setweight(to_tsvector('norwegian', ${search.programmeByLanguage.nb}), 'D')
        || setweight(to_tsvector('norwegian', ${search.programmeByLanguage.nn}), 'D')
        || setweight(to_tsvector('swedish', ${search.programmeByLanguage.sv}), 'D')
        || setweight(to_tsvector('english', ${search.programmeByLanguage.en}), 'D')` as unknown as string,
    };
  });
}

const INSERT_CHUNK = 200;

async function insertInChunks<T>(items: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += INSERT_CHUNK) await insert(items.slice(start, start + INSERT_CHUNK));
}

let importsInThisProcess = 0;

/** Imports this process has committed (into any database): caches of derived data see their own process's imports at once. */
export const catalogueImportsInThisProcess = () => importsInThisProcess;

/**
 * Makes the stored catalogue equal to `catalogue`, in one transaction: new programmes are added,
 * changed ones replaced, vanished ones removed, identical ones left alone. Running it twice with
 * the same files changes nothing.
 */
export async function replaceCatalogue(db: Db, catalogue: Programme[], audit: { actor: string; sourceHash: string }): Promise<ImportReport> {
  const report = await db.transaction(async (tx) => {
    const existing = new Map((await tx.select({ id: programmes.id, hash: programmes.contentHash }).from(programmes)).map((row) => [row.id, row.hash]));
    const incomingIds = new Set(catalogue.map((p) => p.id));
    const removedIds = [...existing.keys()].filter((id) => !incomingIds.has(id));
    const changed = catalogue.filter((p) => existing.get(p.id) !== contentHash(p));
    const updatedIds = changed.filter((p) => existing.has(p.id)).map((p) => p.id);

    if (removedIds.length > 0) await tx.delete(programmes).where(inArray(programmes.id, removedIds));
    if (updatedIds.length > 0) await tx.delete(programmes).where(inArray(programmes.id, updatedIds));
    await insertInChunks(changed.map(programmeRow), (rows) => tx.insert(programmes).values(rows));
    await insertInChunks(changed.flatMap(priorityRows), (rows) => tx.insert(priorities).values(rows));
    if (changed.length > 0 || removedIds.length > 0) await tx.execute(sql`select refresh_catalogue_words()`);

    const report = {
      programmes: catalogue.length,
      priorities: catalogue.reduce((sum, p) => sum + p.priorities.length, 0),
      sources: catalogue.reduce((sum, p) => sum + p.sources.length, 0),
      added: changed.length - updatedIds.length,
      updated: updatedIds.length,
      unchanged: catalogue.length - changed.length,
      removed: removedIds.length,
    };
    await tx.insert(catalogueImports).values({ actor: audit.actor, sourceHash: audit.sourceHash, programmes: report.programmes, added: report.added, updated: report.updated, removed: report.removed });
    return report;
  });
  importsInThisProcess++;
  return report;
}

/**
 * Changes with every import: the last import's number, and the programmes' count and latest import time
 * (so that rows changed without an import record are noticed too). Cheap: read at most once a second.
 */
export async function catalogueFingerprint(db: Db): Promise<string> {
  const [row] = await db
    .select({
      lastImport: sql<number | null>`(select max(${catalogueImports.id}) from ${catalogueImports})`,
      count: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${programmes.importedAt})::text`,
    })
    .from(programmes);
  return `${row?.lastImport ?? 0}:${row?.count ?? 0}@${row?.latest ?? ''}`;
}

/** The fingerprint of the sources of the last import, if any. */
export async function lastImportedSourceHash(db: Db): Promise<string | undefined> {
  const [row] = await db.select({ hash: catalogueImports.sourceHash }).from(catalogueImports).orderBy(desc(catalogueImports.id)).limit(1);
  return row?.hash;
}

/** Everything the in-memory search index is built from (`search-index.ts`), one row per programme. */
export async function loadSearchIndexRows(db: Db): Promise<SearchIndexRow[]> {
  return db
    .select({
      id: programmes.id,
      kind: programmes.kind,
      interregStrand: programmes.interregStrand,
      status: programmes.status,
      periodStart: programmes.periodStart,
      periodEnd: programmes.periodEnd,
      card: programmes.card,
      sectors: programmes.sectors,
      applicantTypes: programmes.applicantTypes,
      policyObjectives: programmes.policyObjectives,
      fundingRateMax: programmes.fundingRateMax,
      searchNames: programmes.searchNames,
      // Only the lexemes: matching needs no positions, and they are most of the text.
      searchVector: sql<string>`strip(${programmes.searchVector})::text`,
      rankVector: sql<string>`${programmes.rankVector}::text`,
      nameVector: sql<string>`${programmes.nameVector}::text`,
    })
    .from(programmes)
    .orderBy(programmes.id);
}

/** The words of the names a misspelt word may be corrected to (kept by `refresh_catalogue_words()`). */
export async function loadCatalogueWords(db: Db): Promise<string[]> {
  return (await db.select({ word: catalogueWords.word }).from(catalogueWords).orderBy(catalogueWords.word)).map((row) => row.word);
}

export async function findProgramme(db: Db, id: string): Promise<{ document: Programme; importedAt: Date } | undefined> {
  const [row] = await db.select({ document: programmes.document, importedAt: programmes.importedAt }).from(programmes).where(eq(programmes.id, id));
  return row;
}

export async function programmeExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id));
  return row !== undefined;
}
