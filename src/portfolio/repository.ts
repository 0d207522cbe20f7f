/**
 * All SQL of the portfolio. The list, the exports and the dashboard share one filter condition
 * (`filteredWhere`): what a person sees in the list is exactly what they export and what the dashboard counts.
 */
import { and, asc, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Queryable } from '../platform/audit/audit.js';
import type { Language } from '../reference/codes.js';
import { priorities, programmes } from '../catalogue/tables.js';
import { memberships, organisations } from '../organisations/tables.js';
import { users } from '../accounts/tables.js';
import { prefixQuery } from '../catalogue/search-text.js';
import { initiativeBenefits, initiativeBudgetLines, initiativeDocuments, initiativeEvents, initiativePartners, initiatives } from './tables.js';
import { OTHER_PROGRAMME, type InitiativeFilters, type InitiativeSort, type PageRequest } from './filters.js';
import type { PortfolioScope } from './visibility.js';
import type { Status } from './life-cycle.js';


/** Tree tops as LIKE patterns: `/a/b/` → `/a/b/%` (paths hold only uuids and slashes). */
const treePatterns = (paths: readonly string[]) => paths.map((path) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The first day of an initiative's period and its last: start to end; else the deadline; else the day it was registered. */
const createdDay = sql`(${initiatives.createdAt} at time zone 'Europe/Oslo')::date`;
export const periodStart = sql`coalesce(${initiatives.startDate}, ${initiatives.deadline}, ${createdDay})`;
const periodEnd = sql`coalesce(${initiatives.endDate}, ${initiatives.startDate}, ${initiatives.deadline}, ${createdDay})`;

/** The organisations whose initiatives the person may read (within the filter's tree), and those of them where they also see private ones. */
export interface ReadableOrganisations {
  ids: string[];
  editableIds: string[];
}

/**
 * The organisations first, by id (one indexed prefix query on the tree), so the planner sees how many
 * there are — a pattern match inside the query would be estimated as one row. Null when there are none.
 */
export async function readableOrganisations(db: Queryable, scope: PortfolioScope, organisationId: string | undefined): Promise<ReadableOrganisations | null> {
  if (scope.readPaths.length === 0) return null;
  const inTree = organisationId ? sql` and ${organisations.path} like (select o2.path from organisations o2 where o2.id = ${organisationId}) || '%'` : sql``;
  const editable = scope.editPaths.length === 0 ? sql`false` : sql`${organisations.path} like any(${sql.param(treePatterns(scope.editPaths))}::text[])`;
  const readable = rowsOf<{ id: string; editable: boolean }>(
    await db.execute(sql`select ${organisations.id} as id, ${editable} as editable from ${organisations} where ${organisations.path} like any(${sql.param(treePatterns(scope.readPaths))}::text[])${inTree}`),
  );
  if (readable.length === 0) return null;
  return { ids: readable.map((o) => o.id), editableIds: readable.filter((o) => o.editable).map((o) => o.id) };
}

/** Rows of a table with `organisation_id` and `private` that the person may read: private ones only where they may edit. */
export function readableCondition(readable: ReadableOrganisations, organisationId: SQLWrapper, isPrivate: SQLWrapper): SQL {
  const inOrganisations = sql`${organisationId} = any(${sql.param(readable.ids)}::uuid[])`;
  if (readable.editableIds.length === readable.ids.length) return inOrganisations;
  const visible = readable.editableIds.length === 0 ? sql`not ${isPrivate}` : sql`(not ${isPrivate} or ${organisationId} = any(${sql.param(readable.editableIds)}::uuid[]))`;
  return sql`${inOrganisations} and ${visible}`;
}

/** What the person may read, narrowed by the filters: one condition over `initiatives`, or null when nothing can match. */
async function filteredWhere(db: Queryable, scope: PortfolioScope, filters: InitiativeFilters): Promise<SQL | null> {
  const readable = await readableOrganisations(db, scope, filters.organisationId);
  return readable && filterCondition(readable, filters);
}

/** The initiatives of the readable organisations that the filters let through. */
export function filterCondition(readable: ReadableOrganisations, filters: InitiativeFilters): SQL {
  const conditions: SQL[] = [readableCondition(readable, initiatives.organisationId, initiatives.private)];
  if (filters.terms) {
    const words = filters.terms.join(' ');
    // Stemmed Norwegian (the product's main language) or, word by word, a prefix while the user types.
    conditions.push(sql`${initiatives.searchVector} @@ (plainto_tsquery('norwegian', ${words}) || to_tsquery('simple', ${prefixQuery(filters.terms)}))`);
  }
  if (filters.statuses) conditions.push(sql`${initiatives.status} = any(${sql.param(filters.statuses)}::text[])`);
  if (filters.programmes) {
    const catalogueIds = filters.programmes.filter((p) => p !== OTHER_PROGRAMME);
    const parts: SQL[] = [];
    if (catalogueIds.length > 0) parts.push(sql`${initiatives.programmeId} = any(${sql.param(catalogueIds)}::text[])`);
    if (filters.programmes.includes(OTHER_PROGRAMME)) parts.push(sql`${initiatives.programmeId} is null`);
    conditions.push(sql`(${sql.join(parts, sql` or `)})`);
  }
  if (filters.sectors) conditions.push(sql`${initiatives.sectors} && ${sql.param(filters.sectors)}::text[]`);
  if (filters.sdgGoals) conditions.push(sql`${initiatives.sdgGoals} && ${sql.param(filters.sdgGoals)}::smallint[]`);
  if (filters.datedSince) {
    conditions.push(sql`greatest(${initiatives.deadline}, ${initiatives.startDate}, ${initiatives.endDate}) >= ${filters.datedSince}::date`);
  }
  if (filters.year !== undefined) {
    conditions.push(sql`${periodStart} <= make_date(${filters.year}::int, 12, 31) and ${periodEnd} >= make_date(${filters.year}::int, 1, 1)`);
  }
  return and(...conditions)!;
}

const programmeName = (language: Language) => sql<string | null>`${programmes.name} ->> ${language}`;

/** The columns of a list row. */
function summaryColumns(language: Language) {
  return {
    id: initiatives.id,
    title: initiatives.title,
    status: sql<Status>`${initiatives.status}`,
    organisationId: initiatives.organisationId,
    organisationName: organisations.name,
    programmeId: initiatives.programmeId,
    programmeName: programmeName(language),
    priorityCode: initiatives.priorityCode,
    otherProgramme: initiatives.otherProgramme,
    deadline: initiatives.deadline,
    startDate: initiatives.startDate,
    endDate: initiatives.endDate,
    currency: sql<'NOK' | 'EUR'>`${initiatives.currency}`,
    budgetAmount: initiatives.budgetAmount,
    grantAmount: initiatives.grantAmount,
    budgetNok: initiatives.budgetNok,
    grantNok: initiatives.grantNok,
    sectors: initiatives.sectors,
    sdgGoals: initiatives.sdgGoals,
    private: initiatives.private,
    updatedAt: initiatives.updatedAt,
    version: initiatives.version,
  };
}

/** The columns of an export row: the list's and the rest of the initiative's own figures. */
function exportColumns(language: Language) {
  return {
    ...summaryColumns(language),
    summary: initiatives.summary,
    contactName: initiatives.contactName,
    callReference: initiatives.callReference,
    ownShareAmount: initiatives.ownShareAmount,
    coFinancingAmount: initiatives.coFinancingAmount,
    ownShareNok: initiatives.ownShareNok,
    coFinancingNok: initiatives.coFinancingNok,
    nokRate: initiatives.nokRate,
    nokRateDate: initiatives.nokRateDate,
    hoursApplication: initiatives.hoursApplication,
    hoursProject: initiatives.hoursProject,
    sdgTargets: initiatives.sdgTargets,
    notes: initiatives.notes,
    leadPartner: sql<string | null>`(select p.name from initiative_partners p where p.initiative_id = ${initiatives.id} and p.lead limit 1)`,
    createdAt: initiatives.createdAt,
  };
}

type SummaryColumns = ReturnType<typeof summaryColumns>;
type ExportColumns = ReturnType<typeof exportColumns>;
type RowOf<C> = { [K in keyof C]: C[K] extends SQL<infer T> ? T : C[K] extends { _: { data: infer D; notNull: infer N } } ? (N extends true ? D : D | null) : never };
export type InitiativeSummaryRow = RowOf<SummaryColumns>;
export type InitiativeExportRow = RowOf<ExportColumns>;

function orderOf(sort: InitiativeSort): SQL[] {
  const descending = sort.startsWith('-');
  const key = sort.replace(/^-/, '') as 'updated' | 'title' | 'deadline' | 'start' | 'budget';
  const column = {
    updated: sql`${initiatives.updatedAt}`,
    // ICU root collation: the same order on PGlite and PostgreSQL, case-insensitive, accents after base letters.
    title: sql`${initiatives.title} collate "und-x-icu"`,
    deadline: sql`${initiatives.deadline}`,
    start: sql`${initiatives.startDate}`,
    budget: sql`${initiatives.budgetNok}`,
  }[key];
  // Never-null columns keep the index's own null ordering, so the index serves the descending order too.
  const nullable = key === 'deadline' || key === 'start' || key === 'budget';
  const direction = descending ? (nullable ? sql`desc nulls last` : sql`desc`) : sql`asc`;
  return [sql`${column} ${direction}`, descending ? desc(initiatives.id) : asc(initiatives.id)];
}

function selectFiltered<C extends Record<string, unknown>>(db: Queryable, columns: C, where: SQL) {
  return db
    .select(columns as never)
    .from(initiatives)
    .innerJoin(organisations, eq(organisations.id, initiatives.organisationId))
    .leftJoin(programmes, eq(programmes.id, initiatives.programmeId))
    .where(where);
}

export interface InitiativePage {
  items: InitiativeSummaryRow[];
  total: number;
}

/** One page of the initiatives the scope may read, filtered and sorted, with the number of all that match. */
export async function listInitiatives(db: Db, scope: PortfolioScope, filters: InitiativeFilters, sort: InitiativeSort, page: PageRequest, language: Language = 'nb'): Promise<InitiativePage> {
  const where = await filteredWhere(db, scope, filters);
  if (where === null) return { items: [], total: 0 };
  // The page and the count are two queries: the page walks an index in sort order and stops early,
  // the count never sorts; together cheaper than a window count over every matching row.
  const [items, counted] = await Promise.all([
    selectFiltered(db, summaryColumns(language), where)
      .orderBy(...orderOf(sort))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize) as unknown as Promise<InitiativeSummaryRow[]>,
    db.select({ count: sql<number>`count(*)::int` }).from(initiatives).where(where),
  ]);
  return { items, total: counted[0]?.count ?? 0 };
}

/**
 * Every initiative the filters show, in the list's order, a batch at a time (for exports): the same
 * condition as the list, so an export holds exactly what the list shows on all its pages. The ids are
 * read first, in order, in one query (a snapshot: a change while the file is written cannot make a row
 * appear twice or not at all), then the rows a batch of ids at a time — each batch costs the same, where
 * OFFSET paging would read all rows before it again.
 */
export async function* initiativeBatches(db: Db, scope: PortfolioScope, filters: InitiativeFilters, sort: InitiativeSort, language: Language = 'nb', batchSize = 1000): AsyncGenerator<InitiativeExportRow[]> {
  const where = await filteredWhere(db, scope, filters);
  if (where === null) return;
  const ordered = await selectFiltered(db, { id: initiatives.id }, where).orderBy(...orderOf(sort));
  for (let start = 0; start < ordered.length; start += batchSize) {
    const ids = (ordered as Array<{ id: string }>).slice(start, start + batchSize).map((row) => row.id);
    const rows = (await selectFiltered(db, exportColumns(language), inArray(initiatives.id, ids))) as unknown as InitiativeExportRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A row deleted since the ids were read is left out.
    const batch = ids.flatMap((id) => byId.get(id) ?? []);
    if (batch.length > 0) yield batch;
  }
}

// ---------------------------------------------------------------------------------------------
// One initiative: where it belongs, its whole record, and its changes

export interface InitiativePlace {
  organisationId: string;
  organisationPath: string;
  private: boolean;
}

/** The organisation an initiative belongs to, for access policies; null when there is no such initiative. */
export async function initiativePlace(db: Queryable, id: string): Promise<InitiativePlace | null> {
  const [row] = await db
    .select({ organisationId: initiatives.organisationId, organisationPath: organisations.path, private: initiatives.private })
    .from(initiatives)
    .innerJoin(organisations, eq(organisations.id, initiatives.organisationId))
    .where(eq(initiatives.id, id))
    .limit(1);
  return row ?? null;
}

/** The initiative a document belongs to and where that initiative belongs. */
export async function documentPlace(db: Queryable, documentId: string): Promise<(InitiativePlace & { initiativeId: string }) | null> {
  const [row] = await db
    .select({ initiativeId: initiatives.id, organisationId: initiatives.organisationId, organisationPath: organisations.path, private: initiatives.private })
    .from(initiativeDocuments)
    .innerJoin(initiatives, eq(initiatives.id, initiativeDocuments.initiativeId))
    .innerJoin(organisations, eq(organisations.id, initiatives.organisationId))
    .where(eq(initiativeDocuments.id, documentId))
    .limit(1);
  return row ?? null;
}

/** The focus-area codes of a catalogue programme, or null when the catalogue has no such programme. */
export async function programmePriorityCodes(db: Queryable, programmeId: string): Promise<string[] | null> {
  const rows = await db
    .select({ code: priorities.code })
    .from(programmes)
    .leftJoin(priorities, eq(priorities.programmeId, programmes.id))
    .where(eq(programmes.id, programmeId))
    .orderBy(asc(priorities.position));
  if (rows.length === 0) return null;
  return rows.flatMap((r) => (r.code === null ? [] : [r.code]));
}

/** Whether the person holds a role in the organisation at `organisationPath`, above it or below it (may be its contact). */
export async function isMemberAround(db: Queryable, userId: string, organisationPath: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), sql`(${organisationPath} like ${organisations.path} || '%' or ${organisations.path} like ${organisationPath} || '%')`))
    .limit(1);
  return row !== undefined;
}

/** The ids among `ids` that name no organisation. */
export async function missingOrganisations(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, [...ids]));
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export type InitiativeRow = typeof initiatives.$inferSelect;
export type InitiativeValues = Omit<typeof initiatives.$inferInsert, 'id' | 'searchVector' | 'version' | 'createdAt' | 'updatedAt'>;

export interface InitiativeChildren {
  partners: Array<{ organisationId: string | null; name: string; country: string; region: string | null; lead: boolean }>;
  budgetLines: Array<{ kind: string; label: string; amount: string }>;
  benefits: Array<{ benefit: string; score: number; comment: string }>;
}

export interface InitiativeRecord extends InitiativeChildren {
  row: InitiativeRow;
  organisationName: string;
  organisationPath: string;
  programmeName: string | null;
  contactUserName: string | null;
  documents: Array<{ id: string; title: string; url: string | null; fileName: string | null; mediaType: string | null; size: number | null; addedAt: Date }>;
}

/** The whole initiative: its row, partners, budget lines, benefits and documents (without their content). */
export async function loadInitiative(db: Queryable, id: string, language: Language = 'nb'): Promise<InitiativeRecord | null> {
  const [head] = await db
    .select({ row: initiatives, organisationName: organisations.name, organisationPath: organisations.path, programmeName: programmeName(language), contactUserName: users.name })
    .from(initiatives)
    .innerJoin(organisations, eq(organisations.id, initiatives.organisationId))
    .leftJoin(programmes, eq(programmes.id, initiatives.programmeId))
    .leftJoin(users, eq(users.id, initiatives.contactUserId))
    .where(eq(initiatives.id, id))
    .limit(1);
  if (!head) return null;
  const [partners, budgetLines, benefits, documents] = await Promise.all([
    db
      .select({ organisationId: initiativePartners.organisationId, name: initiativePartners.name, country: initiativePartners.country, region: initiativePartners.region, lead: initiativePartners.lead })
      .from(initiativePartners)
      .where(eq(initiativePartners.initiativeId, id))
      .orderBy(asc(initiativePartners.position)),
    db
      .select({ kind: initiativeBudgetLines.kind, label: initiativeBudgetLines.label, amount: initiativeBudgetLines.amount })
      .from(initiativeBudgetLines)
      .where(eq(initiativeBudgetLines.initiativeId, id))
      .orderBy(asc(initiativeBudgetLines.position)),
    db
      .select({ benefit: initiativeBenefits.benefit, score: initiativeBenefits.score, comment: initiativeBenefits.comment })
      .from(initiativeBenefits)
      .where(eq(initiativeBenefits.initiativeId, id))
      .orderBy(asc(initiativeBenefits.benefit)),
    db
      .select({
        id: initiativeDocuments.id,
        title: initiativeDocuments.title,
        url: initiativeDocuments.url,
        fileName: initiativeDocuments.fileName,
        mediaType: initiativeDocuments.mediaType,
        size: initiativeDocuments.size,
        addedAt: initiativeDocuments.addedAt,
      })
      .from(initiativeDocuments)
      .where(eq(initiativeDocuments.initiativeId, id))
      .orderBy(asc(initiativeDocuments.addedAt), asc(initiativeDocuments.id)),
  ]);
  return { ...head, partners, budgetLines, benefits, documents };
}

export async function insertInitiative(tx: Queryable, values: InitiativeValues): Promise<InitiativeRow> {
  const [row] = await tx.insert(initiatives).values(values).returning();
  return row!;
}

/** Writes the new values if the initiative is still at `version`; returns the new row, or null when someone saved in between. */
export async function updateInitiativeAt(tx: Queryable, id: string, version: number, values: Partial<InitiativeValues>): Promise<InitiativeRow | null> {
  const [row] = await tx
    .update(initiatives)
    .set({ ...values, version: sql`${initiatives.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(initiatives.id, id), eq(initiatives.version, version)))
    .returning();
  return row ?? null;
}

export async function currentVersion(db: Queryable, id: string): Promise<number | null> {
  const [row] = await db.select({ version: initiatives.version }).from(initiatives).where(eq(initiatives.id, id));
  return row?.version ?? null;
}

/** Replaces partners, budget lines and benefits with the given lists (their order is kept). */
export async function replaceChildren(tx: Queryable, id: string, children: InitiativeChildren): Promise<void> {
  await tx.delete(initiativePartners).where(eq(initiativePartners.initiativeId, id));
  await tx.delete(initiativeBudgetLines).where(eq(initiativeBudgetLines.initiativeId, id));
  await tx.delete(initiativeBenefits).where(eq(initiativeBenefits.initiativeId, id));
  if (children.partners.length > 0) await tx.insert(initiativePartners).values(children.partners.map((p, position) => ({ ...p, initiativeId: id, position })));
  if (children.budgetLines.length > 0) await tx.insert(initiativeBudgetLines).values(children.budgetLines.map((l, position) => ({ ...l, initiativeId: id, position })));
  if (children.benefits.length > 0) await tx.insert(initiativeBenefits).values(children.benefits.map((b) => ({ ...b, initiativeId: id })));
}

export async function deleteInitiativeRow(tx: Queryable, id: string): Promise<void> {
  await tx.delete(initiatives).where(eq(initiatives.id, id));
}

/** Marks an initiative as changed (a document added or removed) without touching what a concurrent editor holds. */
export async function touchInitiative(tx: Queryable, id: string): Promise<void> {
  await tx.update(initiatives).set({ updatedAt: sql`now()` }).where(eq(initiatives.id, id));
}

export interface TimelineEvent {
  initiativeId: string;
  actorUserId: string | null;
  actorLabel: string;
  kind: 'created' | 'status' | 'edited' | 'imported' | 'document';
  fromStatus?: string | null;
  toStatus?: string | null;
  effectiveDate?: string | null;
  comment?: string;
  changes?: unknown;
}

export async function insertEvent(tx: Queryable, event: TimelineEvent): Promise<void> {
  await tx.insert(initiativeEvents).values({ ...event, comment: event.comment ?? '', changes: event.changes ?? null });
}

/** The initiative's history, oldest first. */
export async function timeline(db: Queryable, id: string) {
  return db
    .select({
      id: initiativeEvents.id,
      at: initiativeEvents.at,
      actor: initiativeEvents.actorLabel,
      kind: initiativeEvents.kind,
      fromStatus: initiativeEvents.fromStatus,
      toStatus: initiativeEvents.toStatus,
      effectiveDate: initiativeEvents.effectiveDate,
      comment: initiativeEvents.comment,
      changes: initiativeEvents.changes,
    })
    .from(initiativeEvents)
    .where(eq(initiativeEvents.initiativeId, id))
    .orderBy(asc(initiativeEvents.at), asc(initiativeEvents.id));
}

export type DocumentValues = Omit<typeof initiativeDocuments.$inferInsert, 'id' | 'addedAt'>;

export async function insertDocument(tx: Queryable, values: DocumentValues) {
  const [row] = await tx
    .insert(initiativeDocuments)
    .values(values)
    .returning({ id: initiativeDocuments.id, title: initiativeDocuments.title, url: initiativeDocuments.url, fileName: initiativeDocuments.fileName, mediaType: initiativeDocuments.mediaType, size: initiativeDocuments.size, addedAt: initiativeDocuments.addedAt });
  return row!;
}

export async function findDocument(db: Queryable, documentId: string) {
  const [row] = await db.select().from(initiativeDocuments).where(eq(initiativeDocuments.id, documentId)).limit(1);
  return row ?? null;
}

export async function deleteDocumentRow(tx: Queryable, documentId: string): Promise<void> {
  await tx.delete(initiativeDocuments).where(eq(initiativeDocuments.id, documentId));
}
