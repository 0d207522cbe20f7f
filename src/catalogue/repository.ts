/** All SQL of the catalogue. */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Language } from '../reference/codes.js';
import type { Programme } from './schema.js';
import { catalogueImports, catalogueWords, priorities, programmes, type ProgrammeCard } from './tables.js';
import { prefixQuery, prioritySearchText, programmeSearchText, searchTerms } from './search-text.js';

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

export const PROGRAMME_SORTS = ['relevance', 'name', 'funding-rate', 'period'] as const;
export type ProgrammeSort = (typeof PROGRAMME_SORTS)[number];

export interface ProgrammeSearch {
  q?: string | undefined;
  language: Language;
  sectors?: string[] | undefined;
  applicantTypes?: string[] | undefined;
  kinds?: string[] | undefined;
  strands?: string[] | undefined;
  policyObjectives?: string[] | undefined;
  minFundingRate?: number | undefined;
  sort: ProgrammeSort;
  page: number;
  pageSize: number;
}

/** Two searches with the same key run the same SQL and get the same answer (terms, not the raw text; filters as sets). */
export function searchKey(search: ProgrammeSearch): string {
  const set = (values: string[] | undefined) => (values?.length ? [...new Set(values)].sort() : []);
  return JSON.stringify([
    searchTerms(search.q ?? ''),
    search.language,
    set(search.sectors),
    set(search.applicantTypes),
    set(search.kinds),
    set(search.strands),
    set(search.policyObjectives),
    search.minFundingRate ?? null,
    search.sort,
    search.page,
    search.pageSize,
  ]);
}

export interface ProgrammeSummaryRow {
  id: string;
  kind: string;
  interregStrand: string | null;
  status: string;
  periodStart: number;
  periodEnd: number | null;
  card: ProgrammeCard;
  rank: number;
}

/**
 * The filters as SQL. `indexable: false` writes the same conditions so that no index can serve them:
 * with a text query the planner would otherwise pick a filter's index and test the text condition on
 * every row it returns — decompressing each row's large search vector (0.25 s for `innovasjon` within
 * policy objective PO1 at 10 000 rows) — where the text index finds the matches at once and the
 * filters then cost next to nothing per row.
 */
function filterConditions(search: ProgrammeSearch, indexable: boolean): SQL[] {
  const column = (c: SQLWrapper) => (indexable ? sql`${c}` : sql`(${c} || '{}'::text[])`);
  const scalar = (c: SQLWrapper) => (indexable ? sql`${c}` : sql`(${c} || '')`);
  const filters: SQL[] = [];
  if (search.sectors?.length) filters.push(sql`${column(programmes.sectors)} && ${sql.param(search.sectors)}::text[]`);
  if (search.applicantTypes?.length) filters.push(sql`${column(programmes.applicantTypes)} && ${sql.param(search.applicantTypes)}::text[]`);
  if (search.policyObjectives?.length) filters.push(sql`${column(programmes.policyObjectives)} && ${sql.param(search.policyObjectives)}::text[]`);
  if (search.kinds?.length) filters.push(sql`${scalar(programmes.kind)} = any(${sql.param(search.kinds)}::text[])`);
  if (search.strands?.length) filters.push(sql`${scalar(programmes.interregStrand)} = any(${sql.param(search.strands)}::text[])`);
  if (search.minFundingRate !== undefined) filters.push(sql`${indexable ? sql`${programmes.fundingRateMax}` : sql`(${programmes.fundingRateMax} + 0)`} >= ${search.minFundingRate}`);
  return filters;
}

export async function searchProgrammes(db: Db, search: ProgrammeSearch): Promise<{ rows: ProgrammeSummaryRow[]; total: number; spelledAs?: string }> {
  const terms = searchTerms(search.q ?? '');
  if (terms.length === 0) return searchPage(db, search, filterConditions(search, true), sql<number>`0::float8`, false);
  const filters = filterConditions(search, false);
  const textMatch = await textSearch(db, search, terms, filters);
  if (textMatch.total > 0) return textMatch;
  // Nothing matches as written: a misspelling? Search again with each word that finds nothing on its
  // own replaced by the nearest word of the catalogue's names (`interreg sverge` → `interreg sverige`).
  const corrected = await correctedTerms(db, terms);
  if (corrected) {
    const correctedMatch = await textSearch(db, search, corrected, filters);
    if (correctedMatch.total > 0) return { ...correctedMatch, spelledAs: corrected.join(' ') };
  }
  // Still nothing: programme names that resemble the query as a whole.
  const q = terms.join(' ');
  return searchPage(db, search, [sql`${q} <% ${programmes.searchNames}`, ...filters], sql<number>`word_similarity(${q}, ${programmes.searchNames})::float8`, true);
}

/**
 * A word stemmed in each of the product's configurations — the reader's among them, and a Swede may
 * search the Norwegian text — or, while the user is still typing, its beginning (`prefix`).
 */
const stemmedOrPrefix = (words: SQL | string, prefix: SQL | string) =>
  sql`(websearch_to_tsquery('norwegian', ${words}) || websearch_to_tsquery('swedish', ${words})
    || websearch_to_tsquery('english', ${words}) || to_tsquery('simple', ${prefix}))`;

/**
 * How much a name holding every word counts beside the text's rank (0–3 for real queries): enough that
 * `horisont europa` puts Horizon Europe before a county scheme whose text speaks of it at length, and
 * `interreg sverige` Interreg Sverige–Norge before Interreg Aurora (whose name says Sverige once).
 */
const NAME_MATCH_WEIGHT = 4;

function textSearch(db: Db, search: ProgrammeSearch, terms: string[], filters: SQL[]) {
  const prefix = prefixQuery(terms);
  const tsQuery = stemmedOrPrefix(terms.join(' '), prefix);
  // Cover density, normalised by the names' length: all words close together in a short name rank highest.
  const rank = sql<number>`(ts_rank(${programmes.rankVector}, ${tsQuery}) + ${NAME_MATCH_WEIGHT} * ts_rank_cd(${programmes.nameVector}, to_tsquery('simple', ${prefix}), 1))::float8`;
  return searchPage(db, search, [sql`${programmes.searchVector} @@ ${tsQuery}`, ...filters], rank, true);
}

/** Least trigram similarity for a correction: `sverge` → `sverige` is 0.5, `erasmsu` → `erasmus` 0.45. */
const CORRECTION_MIN_SIMILARITY = 0.4;

/** The terms with each one that finds no programme replaced by its nearest name word; undefined when none changes. */
async function correctedTerms(db: Db, terms: string[]): Promise<string[] | undefined> {
  const term = sql.raw('t.term');
  const rows = await withIndexScans(db, (tx) =>
    tx.execute<{ term: string; found: boolean; nearest: string | null }>(sql`
      select t.term,
             exists (select 1 from ${programmes} p where p.search_vector @@ ${stemmedOrPrefix(term, sql`${term} || ':*'`)}) as found,
             (select w.word from ${catalogueWords} w
               where w.word % t.term and similarity(w.word, t.term) >= ${CORRECTION_MIN_SIMILARITY}
               order by similarity(w.word, t.term) desc, w.word limit 1) as nearest
        from unnest(${sql.param(terms)}::text[]) with ordinality as t(term, position)
       order by t.position`),
  );
  const corrected = (rows as unknown as { rows: Array<{ term: string; found: boolean; nearest: string | null }> }).rows.map((row) => (row.found || row.nearest === null ? row.term : row.nearest));
  return corrected.some((word, i) => word !== terms[i]) ? corrected : undefined;
}

/**
 * The planner cannot see that testing a row's large search vector costs far more than an index lookup,
 * and on a few thousand rows it scans the table; text queries are told to use the indexes.
 */
function withIndexScans<T>(db: Db, query: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return query(tx as unknown as Db);
  });
}

async function searchPage(db: Db, search: ProgrammeSearch, conditions: SQL[], rank: SQL<number>, textQuery: boolean): Promise<{ rows: ProgrammeSummaryRow[]; total: number }> {
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  // ICU root collation: the same order on PGlite and PostgreSQL, case-insensitive, accents after base letters.
  const nameInLanguage = sql`(${programmes.name} ->> ${search.language}) collate "und-x-icu"`;
  const order = {
    relevance: textQuery ? [sql`rank desc`, nameInLanguage] : [nameInLanguage],
    name: [nameInLanguage],
    'funding-rate': [sql`${programmes.fundingRateMax} desc nulls last`, nameInLanguage],
    period: [sql`${programmes.periodStart} desc`, nameInLanguage],
  }[search.sort];
  const pageQuery = (executor: Db) =>
    executor
      .select({
        id: programmes.id,
        kind: programmes.kind,
        interregStrand: programmes.interregStrand,
        status: programmes.status,
        periodStart: programmes.periodStart,
        periodEnd: programmes.periodEnd,
        card: programmes.card,
        rank: sql<number>`${rank}`.as('rank'),
        total: sql<number>`(count(*) over ())::int`.as('total'),
      })
      .from(programmes)
      .where(where)
      .orderBy(...order, programmes.id)
      .limit(search.pageSize)
      .offset((search.page - 1) * search.pageSize);

  const rows = textQuery ? await withIndexScans(db, pageQuery) : await pageQuery(db);
  const total = rows[0]?.total ?? (search.page > 1 ? await (textQuery ? withIndexScans(db, (tx) => countMatching(tx, where)) : countMatching(db, where)) : 0);
  return { rows, total };
}

async function countMatching(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(programmes).where(where);
  return row?.count ?? 0;
}

export async function findProgramme(db: Db, id: string): Promise<{ document: Programme; importedAt: Date } | undefined> {
  const [row] = await db.select({ document: programmes.document, importedAt: programmes.importedAt }).from(programmes).where(eq(programmes.id, id));
  return row;
}

export async function programmeExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id));
  return row !== undefined;
}
