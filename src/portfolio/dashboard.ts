/**
 * The management overview assembled from tallies (pure). Whether the figures come from the database's
 * kept tallies or from a pass over the filtered initiatives, they arrive as the same rows — a count and
 * sums per (dimension, key) — and become the same dashboard here, with exact integer money arithmetic.
 */
import { formatCents, ratioToTwoDecimals, toCents } from './money.js';
import { DECIDED_STATUSES, OPEN_STATUSES, STATUSES, WON_STATUSES, type Status } from './life-cycle.js';

export const TALLY_DIMENSIONS = ['status', 'programme', 'other-programme', 'year', 'sector', 'benefit'] as const;
export type TallyDimension = (typeof TALLY_DIMENSIONS)[number];

/** What one (dimension, key) adds up to: money in NOK to the øre and hours to the tenth, as decimal strings. */
export interface Tally {
  dimension: TallyDimension;
  key: string;
  count: number;
  budgetNok: string;
  grantNok: string;
  ownShareNok: string;
  coFinancingNok: string;
  hoursApplication: string;
  hoursProject: string;
  /** Benefits: the sum of their scores 1–5. */
  scoreSum: number;
  /** Catalogue programmes: the name in the request's language. */
  programmeName: string | null;
}

export interface MoneyGroup {
  count: number;
  budgetNok: string;
  grantNok: string;
  ownShareNok: string;
  coFinancingNok: string;
}

export interface RunningInitiative {
  id: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  programmeName: string | null;
}

export interface UpcomingDeadline {
  id: string;
  title: string;
  deadline: string;
  programmeName: string | null;
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
  running: RunningInitiative[];
  nextDeadlines: UpcomingDeadline[];
}

const sumOf = (values: readonly string[]) => formatCents(values.reduce((sum, v) => sum + toCents(v), 0n));
const hoursSum = (values: readonly string[]) => {
  const tenths = values.reduce((sum, v) => sum + toCents(v), 0n) / 10n;
  return `${tenths / 10n}.${tenths % 10n}`;
};
const money = (tally: Tally): MoneyGroup => ({
  count: tally.count,
  budgetNok: tally.budgetNok,
  grantNok: tally.grantNok,
  ownShareNok: tally.ownShareNok,
  coFinancingNok: tally.coFinancingNok,
});

/** Open statuses first, in life-cycle order, then the ended ones. */
const STATUS_ORDER: readonly Status[] = [...OPEN_STATUSES, ...STATUSES.filter((s) => !OPEN_STATUSES.includes(s))];

/** An empty dashboard: what a person who can read nothing sees. */
export function emptyDashboard(): DashboardFigures {
  return figuresFromTallies([], [], []);
}

/**
 * The dashboard from tallies, one per (dimension, key) — tallies of the same key are added, so rows kept
 * per organisation can be passed as they are — with the running projects and next deadlines beside it.
 */
export function figuresFromTallies(tallies: readonly Tally[], running: RunningInitiative[], nextDeadlines: UpcomingDeadline[]): DashboardFigures {
  const merged = new Map<string, Tally>();
  for (const tally of tallies) {
    const id = `${tally.dimension}\u0000${tally.key}`;
    const seen = merged.get(id);
    merged.set(
      id,
      seen
        ? {
            ...seen,
            count: seen.count + tally.count,
            budgetNok: sumOf([seen.budgetNok, tally.budgetNok]),
            grantNok: sumOf([seen.grantNok, tally.grantNok]),
            ownShareNok: sumOf([seen.ownShareNok, tally.ownShareNok]),
            coFinancingNok: sumOf([seen.coFinancingNok, tally.coFinancingNok]),
            hoursApplication: hoursSum([seen.hoursApplication, tally.hoursApplication]),
            hoursProject: hoursSum([seen.hoursProject, tally.hoursProject]),
            scoreSum: seen.scoreSum + tally.scoreSum,
            programmeName: seen.programmeName ?? tally.programmeName,
          }
        : tally,
    );
  }
  const of = (...dimensions: TallyDimension[]) => [...merged.values()].filter((t) => dimensions.includes(t.dimension) && t.count > 0);

  const statuses = of('status');
  const byStatus = statuses
    .map((t) => ({ status: t.key as Status, ...money(t) }))
    .sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
  const countIn = (wanted: readonly Status[]) => byStatus.filter((s) => wanted.includes(s.status)).reduce((n, s) => n + s.count, 0);
  const decided = countIn(DECIDED_STATUSES);
  const granted = countIn(WON_STATUSES);
  const won = byStatus.filter((s) => WON_STATUSES.includes(s.status));
  const wonOwnShare = won.reduce((sum, s) => sum + toCents(s.ownShareNok), 0n);

  return {
    totals: {
      count: statuses.reduce((n, t) => n + t.count, 0),
      budgetNok: sumOf(statuses.map((t) => t.budgetNok)),
      grantNok: sumOf(statuses.map((t) => t.grantNok)),
      ownShareNok: sumOf(statuses.map((t) => t.ownShareNok)),
      coFinancingNok: sumOf(statuses.map((t) => t.coFinancingNok)),
      hoursApplication: hoursSum(statuses.map((t) => t.hoursApplication)),
      hoursProject: hoursSum(statuses.map((t) => t.hoursProject)),
    },
    byStatus,
    byProgramme: of('programme', 'other-programme')
      .map((t) => ({ programmeId: t.dimension === 'programme' ? t.key : null, name: t.dimension === 'programme' ? (t.programmeName ?? t.key) : t.key, count: t.count, grantNok: t.grantNok }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    bySector: of('sector')
      .map((t) => ({ sector: t.key, count: t.count, grantNok: t.grantNok }))
      .sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector)),
    byYear: of('year')
      .map((t) => ({ year: Number(t.key), count: t.count, grantNok: t.grantNok, ownShareNok: t.ownShareNok }))
      .sort((a, b) => a.year - b.year),
    successRate: { decided, granted, rate: decided === 0 ? null : Math.round((granted / decided) * 10_000) / 10_000 },
    grantPerOwnShare: wonOwnShare === 0n ? null : ratioToTwoDecimals(won.reduce((sum, s) => sum + toCents(s.grantNok), 0n), wonOwnShare),
    benefits: of('benefit')
      .map((t) => ({ benefit: t.key, count: t.count, average: Math.round((t.scoreSum * 100) / t.count) / 100 }))
      .sort((a, b) => b.count - a.count || (a.benefit < b.benefit ? -1 : a.benefit > b.benefit ? 1 : 0)),
    running,
    nextDeadlines,
  };
}
