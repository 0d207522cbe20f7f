/**
 * How a chart's numbers read, in the reader's language (pure: Intl only). `locales` is the reader's
 * language as Intl knows it (`useNames().locales`), e.g. ['nn-NO', 'nb-NO'].
 */
type Locales = readonly string[];

export type ValueFormat =
  /** Whole things counted: initiatives, answers. */
  | { kind: 'count' }
  /** Money in one currency, whole units (exact øre belong in the tables of the page, not on a chart). */
  | { kind: 'money'; currency: string }
  /** A share from 0 to 1. */
  | { kind: 'percent' }
  /** A plain number with up to `digits` decimals (averages, scores, hours). */
  | { kind: 'decimal'; digits: number };

function options(format: ValueFormat): Intl.NumberFormatOptions {
  switch (format.kind) {
    case 'count':
      return { maximumFractionDigits: 0 };
    case 'money':
      return { style: 'currency', currency: format.currency, maximumFractionDigits: 0, minimumFractionDigits: 0 };
    case 'percent':
      return { style: 'percent', maximumFractionDigits: 1 };
    case 'decimal':
      return { maximumFractionDigits: format.digits };
  }
}

/** The full figure, as the data table and the text alternative show it. */
export function formatValue(value: number, format: ValueFormat, locales: Locales): string {
  return new Intl.NumberFormat([...locales], options(format)).format(value);
}

/** An axis tick: short ("1,2 mill. kr"), since the exact figure is in the table. */
export function formatTick(value: number, format: ValueFormat, locales: Locales): string {
  return new Intl.NumberFormat([...locales], { ...options(format), notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A calendar date (YYYY-MM-DD or a time in ms) as the reader writes it; dates are Oslo dates. */
export function formatDate(date: string | number, locales: Locales, style: 'medium' | 'month' = 'medium'): string {
  const instant = typeof date === 'number' ? new Date(date) : new Date(`${date}T12:00:00Z`);
  const format: Intl.DateTimeFormatOptions = style === 'month' ? { month: 'short', year: 'numeric' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat([...locales], { ...format, timeZone: 'Europe/Oslo' }).format(instant);
}

/** Milliseconds at noon UTC of a calendar date, so that time zones never move a bar a day. */
export function dateToTime(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}
