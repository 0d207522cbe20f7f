/**
 * The SQL of the management overview. Without filters beyond the tree, the figures are summed from the
 * tallies the database keeps per organisation (`initiative_tallies`, kept by triggers in the same
 * transaction as every change): a few rows per organisation however many initiatives there are. With
 * other filters, the matching initiatives are read once, grouped at the finest grain the dashboard shows
 * (status × programme × year, with each sector's share as filtered aggregates), and turned into the same
 * tallies. Running projects and next deadlines are two small queries beside it.
 */
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { MUNICIPAL_SECTORS, type Language } from '../reference/codes.js';
import { initiatives, initiativeTallies } from './tables.js';
import type { InitiativeFilters } from './filters.js';
import type { PortfolioScope } from './visibility.js';
import { formatCents, toCents } from './money.js';
import type { Status } from './life-cycle.js';
import { emptyDashboard, figuresFromTallies, type DashboardFigures, type Tally, type TallyDimension } from './dashboard.js';
import { filterCondition, periodStart, readableCondition, readableOrganisations, rowsOf } from './repository.js';

const RUNNING_SHOWN = 50;
const DEADLINES_SHOWN = 10;
/** Statuses whose deadline is still ahead of them. */
const BEFORE_SUBMISSION: readonly Status[] = ['idea', 'pre-project', 'application'];

/** Only the tree is chosen: the kept tallies answer exactly. */
const talliesAnswer = (filters: InitiativeFilters) =>
  !filters.terms && !filters.statuses && !filters.programmes && !filters.sectors && !filters.sdgGoals && filters.year === undefined && !filters.datedSince;

const programmeNameOf = (language: Language, id: SQL) => sql`(select p.name ->> ${language} from programmes p where p.id = ${id})`;

/** What a row of either query sums: money in NOK to the øre and hours, as decimal strings. */
interface SumsRow {
  count: number;
  budget_nok: string;
  grant_nok: string;
  own_share_nok: string;
  co_financing_nok: string;
  hours_application: string;
  hours_project: string;
}

interface TallyRow extends SumsRow {
  dimension: TallyDimension;
  key: string;
  score_sum: number;
  programme_name: string | null;
}

const tallyOf = (row: TallyRow): Tally => ({
  dimension: row.dimension,
  key: row.key,
  count: row.count,
  budgetNok: row.budget_nok,
  grantNok: row.grant_nok,
  ownShareNok: row.own_share_nok,
  coFinancingNok: row.co_financing_nok,
  hoursApplication: row.hours_application,
  hoursProject: row.hours_project,
  scoreSum: row.score_sum,
  programmeName: row.programme_name,
});

/** The kept tallies of the readable organisations, added up per (dimension, key). */
async function keptTallies(db: Db, visible: SQL, language: Language): Promise<Tally[]> {
  const t = initiativeTallies;
  const money = (column: SQLWrapper) => sql`sum(${column})::numeric(18,2)::text`;
  const result = await db.execute(sql`
    select ${t.dimension} as dimension, ${t.key} as key, sum(${t.count})::int as count,
           ${money(t.budgetNok)} as budget_nok, ${money(t.grantNok)} as grant_nok, ${money(t.ownShareNok)} as own_share_nok,
           ${money(t.coFinancingNok)} as co_financing_nok, sum(${t.hoursApplication})::numeric(14,1)::text as hours_application,
           sum(${t.hoursProject})::numeric(14,1)::text as hours_project, sum(${t.scoreSum})::int as score_sum,
           case when ${t.dimension} = 'programme' then ${programmeNameOf(language, sql`${t.key}`)} end as programme_name
    from ${t} where ${visible}
    group by ${t.dimension}, ${t.key}`);
  return rowsOf<TallyRow>(result).map(tallyOf);
}

/** One group of the pass over filtered initiatives: figures per status, programme and year, with each sector's share. */
interface GroupRow extends SumsRow {
  status: Status;
  programme_id: string | null;
  other_programme: string | null;
  programme_name: string | null;
  year: number;
  /** Per sector of MUNICIPAL_SECTORS, in order: how many of the group serve it, and their grant. */
  sector_counts: number[];
  sector_grants: string[];
}

/** The tallies of the initiatives matching `where`, counted from the rows themselves. */
async function countedTallies(db: Db, where: SQL, language: Language): Promise<Tally[]> {
  const money = (column: SQLWrapper) => sql`coalesce(sum(${column}), 0)::numeric(18,2)::text`;
  const hasSector = (sector: string) => sql`${initiatives.sectors} @> array[${sector}]::text[]`;
  const sectorCounts = sql.join(MUNICIPAL_SECTORS.map((s) => sql`(count(*) filter (where ${hasSector(s)}))::int`), sql`, `);
  const sectorGrants = sql.join(MUNICIPAL_SECTORS.map((s) => sql`coalesce(sum(${initiatives.grantNok}) filter (where ${hasSector(s)}), 0)::numeric(18,2)::text`), sql`, `);
  const [groupResult, benefitResult] = await Promise.all([
    // A few hundred groups from any number of rows: hashed in memory rather than sorted on disk (the
    // planner cannot know the groups are few and would otherwise sort all rows). The same misestimate
    // makes the plan look costly enough to compile (JIT), which takes longer than the query itself.
    db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '64MB'`);
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local jit = off`);
      return tx.execute(sql`
      select g.*, ${programmeNameOf(language, sql`g.programme_id`)} as programme_name from (
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
      select 'benefit' as dimension, b.benefit as key, count(*)::int as count, '0.00' as budget_nok, '0.00' as grant_nok, '0.00' as own_share_nok,
             '0.00' as co_financing_nok, '0.0' as hours_application, '0.0' as hours_project, sum(b.score)::int as score_sum, null as programme_name
      from initiative_benefits b where b.initiative_id in (select ${initiatives.id} from ${initiatives} where ${where})
      group by b.benefit`),
  ]);
  const groups = rowsOf<GroupRow>(groupResult);
  const none = { budgetNok: '0.00', grantNok: '0.00', ownShareNok: '0.00', coFinancingNok: '0.00', hoursApplication: '0.0', hoursProject: '0.0', scoreSum: 0, programmeName: null };
  const sectors: Tally[] = MUNICIPAL_SECTORS.map((sector, index) => ({
    ...none,
    dimension: 'sector',
    key: sector,
    count: groups.reduce((n, g) => n + g.sector_counts[index]!, 0),
    grantNok: formatCents(groups.reduce((sum, g) => sum + toCents(g.sector_grants[index]!), 0n)),
  }));
  // Each group is a tally under its status, its programme and its year; figuresFromTallies adds equal keys.
  const grouped = groups.flatMap((g): Tally[] => {
    const sums = {
      count: g.count,
      budgetNok: g.budget_nok,
      grantNok: g.grant_nok,
      ownShareNok: g.own_share_nok,
      coFinancingNok: g.co_financing_nok,
      hoursApplication: g.hours_application,
      hoursProject: g.hours_project,
      scoreSum: 0,
    };
    return [
      { ...sums, dimension: 'status', key: g.status, programmeName: null },
      g.programme_id === null
        ? { ...sums, dimension: 'other-programme', key: g.other_programme ?? '', programmeName: null }
        : { ...sums, dimension: 'programme', key: g.programme_id, programmeName: g.programme_name },
      { ...sums, dimension: 'year', key: String(g.year), programmeName: null },
    ];
  });
  return [...grouped, ...sectors, ...rowsOf<TallyRow>(benefitResult).map(tallyOf)];
}

/** The management overview of what the filters show. Money is in NOK at each initiative's stored rate, to the øre. */
export async function dashboardFigures(db: Db, scope: PortfolioScope, filters: InitiativeFilters, language: Language = 'nb', today = new Date()): Promise<DashboardFigures> {
  const readable = await readableOrganisations(db, scope, filters.organisationId);
  if (readable === null) return emptyDashboard();
  const where = filterCondition(readable, filters);
  const [tallies, runningResult, deadlineResult] = await Promise.all([
    talliesAnswer(filters) ? keptTallies(db, readableCondition(readable, initiativeTallies.organisationId, initiativeTallies.private), language) : countedTallies(db, where, language),
    // The programme's name is looked up for the rows shown only, after the limit.
    db.execute(sql`
      select r.id, r.title, r.start_date::text as "startDate", r.end_date::text as "endDate", ${programmeNameOf(language, sql`r.programme_id`)} as "programmeName"
      from (select ${initiatives.id}, ${initiatives.title}, ${initiatives.startDate}, ${initiatives.endDate}, ${initiatives.programmeId}
            from ${initiatives} where ${where} and ${initiatives.status} = 'running'
            order by ${initiatives.endDate}, ${initiatives.startDate}, ${initiatives.id} limit ${RUNNING_SHOWN}) r
      order by r.end_date, r.start_date, r.id`),
    db.execute(sql`
      select r.id, r.title, r.deadline::text as deadline, ${programmeNameOf(language, sql`r.programme_id`)} as "programmeName"
      from (select ${initiatives.id}, ${initiatives.title}, ${initiatives.deadline}, ${initiatives.programmeId}
            from ${initiatives}
            where ${where} and ${initiatives.deadline} >= ${today.toISOString().slice(0, 10)}::date and ${initiatives.status} = any(${sql.param([...BEFORE_SUBMISSION])}::text[])
            order by ${initiatives.deadline}, ${initiatives.id} limit ${DEADLINES_SHOWN}) r
      order by r.deadline, r.id`),
  ]);
  return figuresFromTallies(tallies, rowsOf(runningResult), rowsOf(deadlineResult));
}
