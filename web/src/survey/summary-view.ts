/**
 * The summary's numbers as the charts take them (pure). Withheld groups (smaller than the round's minimum
 * group size) are never drawn as zero: they are left out of the chart and named beside it instead.
 */
import type { BarDatum } from '../app/charts/BarChart.js';
import type { Distribution, GroupCounts, GroupRate } from '../../../src/survey/summary-schema.js';

export interface ChoiceLabel {
  key: string;
  label: string;
}

export interface GroupedBars {
  data: BarDatum[];
  /** Names of the groups withheld because they are too small. */
  withheld: string[];
}

/** One bar per choice, overall: how many gave each. */
export function overallBars(distribution: Distribution, choices: readonly ChoiceLabel[]): BarDatum[] {
  return choices.map((choice) => ({ category: choice.label, values: [distribution.overall.counts[choice.key] ?? 0] }));
}

/** One bar per group (municipality or sector), one series per choice; withheld groups named apart. */
export function groupBars(groups: readonly GroupCounts[], choices: readonly ChoiceLabel[]): GroupedBars {
  const data: BarDatum[] = [];
  const withheld: string[] = [];
  for (const group of groups) {
    if (group.suppressed || group.counts === null) withheld.push(group.name);
    else data.push({ category: group.name, values: choices.map((choice) => group.counts![choice.key] ?? 0) });
  }
  return { data, withheld };
}

/** One bar per scheme, one series per choice, from each scheme's own distribution (overall). */
export function schemeBars<T>(schemes: readonly T[], name: (scheme: T) => string, distribution: (scheme: T) => Distribution | null, choices: readonly ChoiceLabel[]): BarDatum[] {
  return schemes.flatMap((scheme) => {
    const counts = distribution(scheme)?.overall.counts;
    return counts ? [{ category: name(scheme), values: choices.map((choice) => counts[choice.key] ?? 0) }] : [];
  });
}

/** The keys a distribution counts, in the order given first, then any others it has. */
export function choiceKeys(distributions: ReadonlyArray<Distribution | null>, preferred: readonly string[]): string[] {
  const keys = [...preferred];
  for (const distribution of distributions) for (const key of Object.keys(distribution?.overall.counts ?? {})) if (!keys.includes(key)) keys.push(key);
  return keys;
}

export type RateCell = { kind: 'value'; invited: number; responded: number; submitted: number; rate: number } | { kind: 'withheld' };

/** A response-rate row: its figures, or withheld (shown as "fewer than N", never as zero). */
export function rateCell(group: GroupRate): RateCell {
  if (group.suppressed || group.invited === null || group.responded === null || group.submitted === null || group.rate === null) return { kind: 'withheld' };
  return { kind: 'value', invited: group.invited, responded: group.responded, submitted: group.submitted, rate: group.rate };
}
