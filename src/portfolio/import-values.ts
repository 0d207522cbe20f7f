/**
 * How import cells become values (pure): dates, exact amounts, statuses, lists. Each parser returns the
 * value or a problem (message key and parameters) for the preview to show against the cell's column.
 */
import { LANGUAGES, MUNICIPAL_SECTORS } from '../reference/codes.js';
import { CODE_NAMES } from '../reference/code-names.js';
import type { PortfolioMessageKey } from './messages.js';
import { PORTFOLIO_STATUS_NAMES } from './messages.js';
import { STATUSES, type Status } from './life-cycle.js';
import { CURRENCIES, type Currency } from './money.js';
import type { ImportCell } from './import-file.js';

export interface CellProblem {
  messageKey: PortfolioMessageKey;
  params: Record<string, string | number>;
}

export type Parsed<T> = { value: T } | { problem: CellProblem };

const problem = (messageKey: PortfolioMessageKey, params: Record<string, string | number> = {}): { problem: CellProblem } => ({ problem: { messageKey, params } });

export function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const validDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1900 && year <= 2200;
};
const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** `2025-03-01`, `01.03.2025`, `1.3.2025 00:00`, or a spreadsheet date → `2025-03-01`; empty → null. */
export function parseDay(cell: ImportCell): Parsed<string | null> {
  if (cell === null || cell === '') return { value: null };
  if (cell instanceof Date) return { value: cell.toISOString().slice(0, 10) };
  const text = String(cell).trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (match && validDay(+match[1]!, +match[2]!, +match[3]!)) return { value: iso(+match[1]!, +match[2]!, +match[3]!) };
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (match && validDay(+match[3]!, +match[2]!, +match[1]!)) return { value: iso(+match[3]!, +match[2]!, +match[1]!) };
  return problem('portfolioImportBadDate', { value: text });
}

/**
 * An exact amount with at most two decimals, as a decimal string. Accepts `1 234,50`, `1234.5`, `1,234.50`
 * and `1.234,50`: with both separators the last one is the decimal mark; with one, it is the decimal mark.
 * `round`: more decimals are rounded half up to the cent (for sources that store sums as floating point).
 */
export function parseAmount(cell: ImportCell, round = false): Parsed<string | null> {
  if (cell === null || cell === '') return { value: null };
  let text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cellText(cell);
  const original = text;
  text = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^(NOK|EUR|kr\.?)/i, '').replace(/(NOK|EUR|kr\.?)$/i, '');
  if (typeof cell === 'number' && /e/i.test(text)) text = cell.toFixed(6);
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) {
    const decimalMark = lastComma > lastPoint ? ',' : '.';
    text = text.replaceAll(decimalMark === ',' ? '.' : ',', '').replace(decimalMark, '.');
  } else if (lastComma >= 0) {
    text = text.replace(',', '.');
  }
  const match = /^(\d{1,14})(?:\.(\d+))?$/.exec(text);
  if (!match) return problem('portfolioImportBadAmount', { value: original });
  const fraction = match[2] ?? '';
  if (fraction.length <= 2) return { value: `${BigInt(match[1]!)}.${fraction.padEnd(2, '0')}` };
  if (!round) return problem('portfolioImportBadAmount', { value: original });
  const cents = BigInt(match[1]!) * 100n + BigInt(fraction.slice(0, 2)) + (Number(fraction[2]) >= 5 ? 1n : 0n);
  return { value: `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}` };
}

const STATUS_WORDS = new Map<string, Status>();
for (const status of STATUSES) {
  STATUS_WORDS.set(status, status);
  for (const language of LANGUAGES) STATUS_WORDS.set(PORTFOLIO_STATUS_NAMES[status][language].toLowerCase(), status);
}

/** A status by its code or its name in any of the four languages; empty → null (the caller's default). */
export function parseStatus(cell: ImportCell): Parsed<Status | null> {
  const text = cellText(cell).toLowerCase();
  if (text === '') return { value: null };
  const status = STATUS_WORDS.get(text);
  return status ? { value: status } : problem('portfolioImportUnknownStatus', { value: cellText(cell), known: STATUSES.join(', ') });
}

export function parseCurrency(cell: ImportCell): Parsed<Currency> {
  const text = cellText(cell).toUpperCase();
  if (text === '') return { value: 'NOK' };
  return (CURRENCIES as readonly string[]).includes(text) ? { value: text as Currency } : problem('portfolioImportUnknownCurrency', { value: cellText(cell) });
}

/** `a, b; c` → `['a', 'b', 'c']`. */
export function listOf(cell: ImportCell): string[] {
  return cellText(cell)
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const SECTOR_WORDS = new Map<string, string>();
for (const sector of MUNICIPAL_SECTORS) {
  SECTOR_WORDS.set(sector, sector);
  for (const language of LANGUAGES) SECTOR_WORDS.set(CODE_NAMES.municipalSector[sector][language].toLowerCase(), sector);
}

/** Sectors by code or name; unknown ones are kept as given, for the initiative rules to name. */
export function parseSectors(cell: ImportCell): string[] {
  return listOf(cell).map((s) => SECTOR_WORDS.get(s.toLowerCase()) ?? s);
}

export function parseSdgGoals(cell: ImportCell): Parsed<number[]> {
  const goals: number[] = [];
  for (const part of listOf(typeof cell === 'number' ? String(cell) : cell)) {
    const goal = Number(part.replace(/^(sdg|mål)\s*/i, ''));
    if (!Number.isInteger(goal) || goal < 1 || goal > 17) return problem('portfolioImportBadSdg', { value: part });
    if (!goals.includes(goal)) goals.push(goal);
  }
  return { value: goals.sort((a, b) => a - b) };
}
