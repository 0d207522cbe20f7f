/** Geometry of the charts that does not need a browser (pure). */

/** A long name cut to `max` characters with an ellipsis; short names stay as they are. */
export function shorten(name: string, max: number): string {
  const characters = [...name];
  return characters.length <= max ? name : `${characters.slice(0, Math.max(1, max - 1)).join('').trimEnd()}…`;
}

/** Height of a chart with lying bars: room for every category's bars, and never too small to read. */
export function lyingBarsHeight(categories: number, seriesPerCategory: number): number {
  const perCategory = Math.max(28, 12 + 16 * seriesPerCategory);
  return Math.max(160, categories * perCategory + 56);
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Ticks for a time axis from `start` to `end` (ms): the first of each year, or of each quarter when the
 * span is under three years, or of each month under a year — at most about eight ticks.
 */
export function timeTicks(start: number, end: number): number[] {
  const span = end - start;
  const stepMonths = span < 366 * DAY ? 1 : span < 3 * 366 * DAY ? 3 : 12;
  const first = new Date(start);
  let year = first.getUTCFullYear();
  let month = Math.ceil(first.getUTCMonth() / stepMonths) * stepMonths;
  const ticks: number[] = [];
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const tick = Date.UTC(year, month, 1);
    if (tick > end) break;
    if (tick >= start) ticks.push(tick);
    month += stepMonths;
  }
  const every = Math.ceil(ticks.length / 8);
  return ticks.filter((_, index) => index % every === 0);
}

/** The time axis' range: every bar and today, with a little room either side. */
export function timeDomain(times: readonly number[]): [number, number] {
  const min = Math.min(...times);
  const max = Math.max(...times);
  const margin = Math.max(15 * DAY, (max - min) * 0.03);
  return [min - margin, max + margin];
}

/** Where an open-ended period is drawn to: the end of the axis, so it reads as "still going". */
export const OPEN_END_DAYS = 180;
export const DAY_MS = DAY;
