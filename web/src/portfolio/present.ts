/** How the portfolio's amounts, hours and periods read (pure; `locales` from useNames()). */
import { formatDate } from '../app/charts/format.js';

/**
 * An exact decimal amount in its currency; whole amounts without decimals. `whole` rounds to whole units,
 * for totals where øre and cents only make the number harder to read.
 */
export function formatMoney(amount: string, currency: string, locales: readonly string[], { whole = false } = {}): string {
  const cents = whole || amount.endsWith('.00') || !amount.includes('.');
  return new Intl.NumberFormat([...locales], { style: 'currency', currency, minimumFractionDigits: cents ? 0 : 2, maximumFractionDigits: cents ? 0 : 2 }).format(Number(amount));
}

export function formatNumber(value: string | number, locales: readonly string[], digits = 1): string {
  return new Intl.NumberFormat([...locales], { maximumFractionDigits: digits }).format(Number(value));
}

/** "1 Mar 2024 – 31 Dec 2025", or one end alone; '' when neither is known. */
export function formatPeriod(start: string | null, end: string | null, locales: readonly string[]): string {
  if (!start && !end) return '';
  return `${start ? formatDate(start, locales) : '…'} – ${end ? formatDate(end, locales) : '…'}`;
}

/** Today in Oslo as YYYY-MM-DD. */
export function osloToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
