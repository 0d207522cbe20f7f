/**
 * All SQL of the portfolio. The list, the exports and the dashboard share one filter condition
 * (`filteredWhere`): what a person sees in the list is exactly what they export and what the dashboard counts.
 */
import { and, asc, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Queryable } from '../platform/audit/audit.js';
import { MUNICIPAL_SECTORS, type Language } from '../reference/codes.js';
import { priorities, programmes } from '../catalogue/tables.js';
import { memberships, organisations } from '../organisations/tables.js';
import { users } from '../accounts/tables.js';
import { prefixQuery } from '../catalogue/search-text.js';
import { initiativeBenefits, initiativeBudgetLines, initiativeDocuments, initiativeEvents, initiativePartners, initiatives } from './tables.js';
import { OTHER_PROGRAMME, type InitiativeFilters, type InitiativeSort, type PageRequest } from './filters.js';
import type { PortfolioScope } from './visibility.js';
import { formatCents, ratioToTwoDecimals, toCents } from './money.js';
import { DECIDED_STATUSES, OPEN_STATUSES, WON_STATUSES, type Status } from './life-cycle.js';


/** Tree tops as LIKE patterns: `/a/b/` → `/a/b/%` (paths hold only uuids and slashes). */
const treePatterns = (paths: readonly string[]) => paths.map((path) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The first day of an initiative's period and its last: start to end; else the deadline; else the day it was registered. */
const createdDay = sql`(${initiatives.createdAt} at time zone 'Europe/Oslo')::date`;
const periodStart = sql`coalesce(${initiatives.startDate}, ${initiatives.deadline}, ${createdDay})`;
const periodEnd = sql`coalesce(${initiatives.endDate}, ${initiatives.startDate}, ${initiatives.deadline}, ${createdDay})`;

/**
 * What the person may read, narrowed by the filters: one condition over `initiatives`, or null when
 * nothing can match. The organisations come first, by id (one indexed prefix query on the tree), so the
 * planner sees how many there are — a pattern match inside the query would be estimated as one row.
 */
async function filteredWhere(db: Queryable, scope: PortfolioScope, filters: InitiativeFilters): Promise<SQL | null> {
  if (scope.readPaths.length === 0) return null;
  const inTree = filters.organisationId
    ? sql` and ${organisations.path} like (select o2.path from organisations o2 where o2.id = ${filters.organisationId}) || '%'`
    : sql``;
  const editable = scope.editPaths.length === 0 ? sql`false` : sql`${organisations.path} like any(${sql.param(treePatterns(scope.editPaths))}::text[])`;
  const readable = rowsOf<{ id: string; editable: boolean }>(
    await db.execute(sql`select ${organisations.id} as id, ${editable} as editable from ${organisations} where ${organisations.path} like any(${sql.param(treePatterns(scope.readPaths))}::text[])${inTree}`),
  );
  if (readable.length === 0) return null;
  const conditions: SQL[] = [sql`${initiatives.organisationId} = any(${sql.param(readable.map((o) => o.id))}::uuid[])`];
  const editableIds = readable.filter((o) => o.editable).map((o) => o.id);
  if (editableIds.length < readable.length) {
    conditions.push(editableIds.length === 0 ? sql`not ${initiatives.private}` : sql`(not ${initiatives.private} or ${initiatives.organisationId} = any(${sql.param(editableIds)}::uuid[]))`);
  }
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
 * condition as the list, so an export holds exactly what the list shows on all its pages.
 */
export async function* initiativeBatches(db: Db, scope: PortfolioScope, filters: InitiativeFilters, sort: InitiativeSort, language: Language = 'nb', batchSize = 1000): AsyncGenerator<InitiativeExportRow[]> {
  const where = await filteredWhere(db, scope, filters);
  if (where === null) return;
  for (let offset = 0; ; offset += batchSize) {
    const rows = (await selectFiltered(db, exportColumns(language), where)
      .orderBy(...orderOf(sort))
      .limit(batchSize)
      .offset(offset)) as unknown as InitiativeExportRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Dashboard

export interface MoneyGroup {
  count: number;
  budgetNok: string;
  grantNok: string;
  ownShareNok: string;
  coFinancingNok: string;
}

export interface DashboardFigures {
  totals: MoneyGroup & { hoursApplication: string; hoursProject: string };
  byStatus: Array<{ status: Status } & MoneyGroup>;
  byProgramme: Array<{ programmeId: string | null; name: string; count: number; grantNok: string }>;
  bySector: Array<{ sector: string; count: number; grantNok: string }>;
  byYear: Array<{ year: number; count: number; grantNok: string; ownShareNok: string }>;
  successRate: { decided: number; granted: number; rate: number | null };
  /** NOK of grant won per NOK of own share, over the initiatives that won their grant (two decimals). */
  grantPerOwnShare: string | null;
  benefits: Array<{ benefit: string; count: number; average: number }>;
  running: Array<{ id: string; title: string; startDate: string | null; endDate: string | null; programmeName: string | null }>;
  nextDeadlines: Array<{ id: string; title: string; deadline: string; programmeName: string | null }>;
}

/** One group of the single aggregate pass: figures per status, programme and year, with each sector's share. */
interface GroupRow {
  status: Status;
  programme_id: string | null;
  other_programme: string | null;
  programme_name: string | null;
  year: number;
  count: number;
  budget_nok: string;
  grant_nok: string;
  own_share_nok: string;
  co_financing_nok: string;
  hours_application: string;
  hours_project: string;
  /** Per sector of MUNICIPAL_SECTORS, in order: how many of the group serve it, and their grant. */
  sector_counts: number[];
  sector_grants: string[];
}

const RUNNING_SHOWN = 50;
const DEADLINES_SHOWN = 10;
/** Statuses whose deadline is still ahead of them. */
const BEFORE_SUBMISSION: readonly Status[] = ['idea', 'pre-project', 'application'];

const sumOf = (values: readonly string[]) => formatCents(values.reduce((sum, v) => sum + toCents(v), 0n));
const hoursSum = (values: readonly string[]) => {
  const tenths = values.reduce((sum, v) => sum + toCents(v), 0n) / 10n;
  return `${tenths / 10n}.${tenths % 10n}`;
};

/**
 * The management overview of what the filters show. The matching initiatives are read once, grouped at
 * the finest grain the dashboard shows (status × programme × year, with each sector's share as filtered
 * aggregates): a few hundred groups however many initiatives there are, rolled up here into totals and
 * the breakdowns with exact integer sums. Benefits, running projects and next deadlines are three small
 * queries beside it. Money is in NOK at each initiative's stored rate, to the øre.
 */
export async function dashboardFigures(db: Db, scope: PortfolioScope, filters: InitiativeFilters, language: Language = 'nb', today = new Date()): Promise<DashboardFigures> {
  const where = await filteredWhere(db, scope, filters);
  const figures: DashboardFigures = {
    totals: { count: 0, budgetNok: '0.00', grantNok: '0.00', ownShareNok: '0.00', coFinancingNok: '0.00', hoursApplication: '0.0', hoursProject: '0.0' },
    byStatus: [],
    byProgramme: [],
    bySector: [],
    byYear: [],
    successRate: { decided: 0, granted: 0, rate: null },
    grantPerOwnShare: null,
    benefits: [],
    running: [],
    nextDeadlines: [],
  };
  if (where === null) return figures;
  const money = (column: SQLWrapper) => sql`coalesce(sum(${column}), 0)::numeric(18,2)::text`;
  const hasSector = (sector: string) => sql`${initiatives.sectors} @> array[${sector}]::text[]`;
  const sectorCounts = sql.join(MUNICIPAL_SECTORS.map((s) => sql`(count(*) filter (where ${hasSector(s)}))::int`), sql`, `);
  const sectorGrants = sql.join(MUNICIPAL_SECTORS.map((s) => sql`coalesce(sum(${initiatives.grantNok}) filter (where ${hasSector(s)}), 0)::numeric(18,2)::text`), sql`, `);
  const programmeNameOf = (id: SQL) => sql`(select p.name ->> ${language} from programmes p where p.id = ${id})`;

  const [groupResult, benefitResult, runningResult, deadlineResult] = await Promise.all([
    // A few hundred groups from any number of rows: hashed in memory rather than sorted on disk (the
    // planner cannot know the groups are few and would otherwise sort all rows). The same misestimate
    // makes the plan look costly enough to compile (JIT), which takes longer than the query itself.
    db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local jit = off`);
      return tx.execute(sql`
      select g.*, ${programmeNameOf(sql`g.programme_id`)} as programme_name from (
        select ${initiatives.status} as status, ${initiatives.programmeId} as programme_id, ${initiatives.otherProgramme} as other_programme,
               extract(year from ${periodStart})::int as year, count(*)::int as count,
               ${money(initiatives.budgetNok)} as budget_nok, ${money(initiatives.grantNok)} as grant_nok,
               ${money(initiatives.ownShareNok)} as own_share_nok, ${money(initiatives.coFinancingNok)} as co_financing_nok,
               coalesce(sum(${initiatives.hoursApplication}), 0)::numeric(14,1)::text as hours_application,
               coalesce(sum(${initiatives.hoursProject}), 0)::numeric(14,1)::text as hours_project,
               array[${sectorCounts}] as sector_counts, array[${sectorGrants}] as sector_grants
        from ${initiatives} where ${where}
        group by 1, 2, 3, 4
      ) g`);
    }),
    db.execute(sql`
      select b.benefit, count(*)::int as count, round(avg(b.score), 2)::float8 as average
      from initiative_benefits b where b.initiative_id in (select ${initiatives.id} from ${initiatives} where ${where})
      group by b.benefit order by count(*) desc, b.benefit`),
    db.execute(sql`
      select ${initiatives.id} as id, ${initiatives.title} as title, ${initiatives.startDate}::text as start_date, ${initiatives.endDate}::text as end_date,
             ${programmeNameOf(sql`${initiatives.programmeId}`)} as programme_name
      from ${initiatives} where ${where} and ${initiatives.status} = 'running'
      order by ${initiatives.endDate} nulls last, ${initiatives.startDate} nulls last, ${initiatives.id} limit ${RUNNING_SHOWN}`),
    db.execute(sql`
      select ${initiatives.id} as id, ${initiatives.title} as title, ${initiatives.deadline}::text as deadline,
             ${programmeNameOf(sql`${initiatives.programmeId}`)} as programme_name
      from ${initiatives}
      where ${where} and ${initiatives.deadline} >= ${today.toISOString().slice(0, 10)}::date and ${initiatives.status} = any(${sql.param([...BEFORE_SUBMISSION])}::text[])
      order by ${initiatives.deadline}, ${initiatives.id} limit ${DEADLINES_SHOWN}`),
  ]);

  const groups = rowsOf<GroupRow>(groupResult);
  /** Rolls the groups up by `key` into count and money, in first-seen order. */
  const rollUp = <K>(keyOf: (g: GroupRow) => K) => {
    const rolled = new Map<string, { key: K; groups: GroupRow[] }>();
    for (const group of groups) {
      const key = keyOf(group);
      const id = JSON.stringify(key);
      const entry = rolled.get(id) ?? { key, groups: [] };
      entry.groups.push(group);
      rolled.set(id, entry);
    }
    return [...rolled.values()].map(({ key, groups: members }) => ({
      key,
      count: members.reduce((n, g) => n + g.count, 0),
      budgetNok: sumOf(members.map((g) => g.budget_nok)),
      grantNok: sumOf(members.map((g) => g.grant_nok)),
      ownShareNok: sumOf(members.map((g) => g.own_share_nok)),
      coFinancingNok: sumOf(members.map((g) => g.co_financing_nok)),
      members,
    }));
  };

  const [total] = rollUp(() => 'all');
  if (total) {
    figures.totals = {
      count: total.count,
      budgetNok: total.budgetNok,
      grantNok: total.grantNok,
      ownShareNok: total.ownShareNok,
      coFinancingNok: total.coFinancingNok,
      hoursApplication: hoursSum(groups.map((g) => g.hours_application)),
      hoursProject: hoursSum(groups.map((g) => g.hours_project)),
    };
  }
  const byStatus = rollUp((g) => g.status).map(({ key, count, budgetNok, grantNok, ownShareNok, coFinancingNok }) => ({ status: key, count, budgetNok, grantNok, ownShareNok, coFinancingNok }));
  const statusOrder = (s: Status) => [...OPEN_STATUSES, 'rejected', 'closed', 'withdrawn'].indexOf(s);
  figures.byStatus = byStatus.sort((a, b) => statusOrder(a.status) - statusOrder(b.status));
  figures.byProgramme = rollUp((g) => [g.programme_id, g.other_programme] as const)
    .map(({ key, count, grantNok, members }) => ({ programmeId: key[0], name: members[0]!.programme_name ?? key[1] ?? '', count, grantNok }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  figures.byYear = rollUp((g) => g.year)
    .map(({ key, count, grantNok, ownShareNok }) => ({ year: key, count, grantNok, ownShareNok }))
    .sort((a, b) => a.year - b.year);
  figures.bySector = MUNICIPAL_SECTORS.map((sector, index) => ({
    sector,
    count: groups.reduce((n, g) => n + g.sector_counts[index]!, 0),
    grantNok: sumOf(groups.map((g) => g.sector_grants[index]!)),
  }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector));

  const countIn = (statuses: readonly Status[]) => byStatus.filter((s) => statuses.includes(s.status)).reduce((n, s) => n + s.count, 0);
  const decided = countIn(DECIDED_STATUSES);
  const granted = countIn(WON_STATUSES);
  figures.successRate = { decided, granted, rate: decided === 0 ? null : Math.round((granted / decided) * 10_000) / 10_000 };
  const won = byStatus.filter((s) => WON_STATUSES.includes(s.status));
  const wonOwnShare = won.reduce((sum, s) => sum + toCents(s.ownShareNok), 0n);
  figures.grantPerOwnShare = wonOwnShare === 0n ? null : ratioToTwoDecimals(won.reduce((sum, s) => sum + toCents(s.grantNok), 0n), wonOwnShare);

  figures.benefits = rowsOf<{ benefit: string; count: number; average: number }>(benefitResult);
  figures.running = rowsOf<{ id: string; title: string; start_date: string | null; end_date: string | null; programme_name: string | null }>(runningResult).map((r) => ({
    id: r.id,
    title: r.title,
    startDate: r.start_date,
    endDate: r.end_date,
    programmeName: r.programme_name,
  }));
  figures.nextDeadlines = rowsOf<{ id: string; title: string; deadline: string; programme_name: string | null }>(deadlineResult).map((d) => ({
    id: d.id,
    title: d.title,
    deadline: d.deadline,
    programmeName: d.programme_name,
  }));
  return figures;
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
