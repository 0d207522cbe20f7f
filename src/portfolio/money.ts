/**
 * Money in the portfolio (pure rules): amounts are exact decimals with at most two decimals, kept as
 * strings in JSON and `numeric` in SQL; arithmetic is on integer øre/cents (BigInt), never floating point.
 */
import type { ExchangeRate } from '../reference/exchange-rate.js';

export const CURRENCIES = ['NOK', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** What the API accepts as an amount: up to 14 digits before the point (numeric(16,2)), at most two after. */
export const AMOUNT_PATTERN = '^[0-9]{1,14}([.][0-9]{1,2})?$';
const AMOUNT = new RegExp(AMOUNT_PATTERN);
/** A rate: NOK per unit of the currency, up to six decimals (numeric(12,6)). */
export const RATE_PATTERN = '^[0-9]{1,6}([.][0-9]{1,6})?$';
const RATE = new RegExp(RATE_PATTERN);

export function isAmount(text: string): boolean {
  return AMOUNT.test(text);
}

/** `'1234.5'` → `123450n` (øre/cents). Also accepts what PostgreSQL returns for numeric, with a sign. */
export function toCents(text: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`Not an amount: ${text}`);
  const cents = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** `123450n` → `'1234.50'`. */
export function formatCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
}

/** `a / b` rounded half up to two decimals, as a decimal string (b > 0). */
export function ratioToTwoDecimals(a: bigint, b: bigint): string {
  return formatCents((a * 200n + b) / (2n * b));
}

/** A rate as an integer number of millionths: `'11.63'` → `11630000n`. */
function rateMicros(rate: string): bigint {
  if (!RATE.test(rate)) throw new RangeError(`Not a rate: ${rate}`);
  const [whole, fraction = ''] = rate.split('.');
  return BigInt(whole!) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
}

/** An amount in NOK at `rate` (NOK per unit), rounded half up to the øre. */
export function convertToNok(amount: string, rate: string): string {
  const product = toCents(amount) * rateMicros(rate);
  const negative = product < 0n;
  const absolute = negative ? -product : product;
  const rounded = (absolute + 500_000n) / 1_000_000n;
  return formatCents(negative ? -rounded : rounded);
}

export interface NokConversion {
  /** NOK per unit of the currency ('1' for NOK). */
  nokRate: string;
  /** The date of the rate; null for NOK, which needs no conversion. */
  nokRateDate: string | null;
}

/**
 * The rate an initiative's amounts are converted with: a rate the user gives (e.g. from the grant
 * agreement) with its date, else the product's current EUR rate with its date.
 */
export function nokConversion(currency: Currency, given: { nokRate?: string | null; nokRateDate?: string | null }, current: ExchangeRate): NokConversion {
  if (currency === 'NOK') return { nokRate: '1', nokRateDate: null };
  if (given.nokRate && given.nokRateDate) return { nokRate: given.nokRate, nokRateDate: given.nokRateDate };
  return { nokRate: current.eurNok, nokRateDate: current.date };
}

export const BUDGET_LINE_KINDS = ['grant', 'own-share', 'co-financing'] as const;
export type BudgetLineKind = (typeof BUDGET_LINE_KINDS)[number];

export interface BudgetLine {
  kind: BudgetLineKind;
  label: string;
  amount: string;
}

export interface BudgetMismatch {
  /** Each line as `label (kind): amount`, for the message. */
  lines: string[];
  sum: string;
  budget: string;
  difference: string;
}

/** Whether the lines add up to the budget; if not, the lines, their sum and the difference. */
export function budgetMismatch(budget: string, lines: readonly BudgetLine[]): BudgetMismatch | null {
  const sum = lines.reduce((total, line) => total + toCents(line.amount), 0n);
  const budgetCents = toCents(budget);
  if (sum === budgetCents) return null;
  return {
    lines: lines.map((line) => `${line.label.trim() || line.kind} (${line.kind}): ${formatCents(toCents(line.amount))}`),
    sum: formatCents(sum),
    budget: formatCents(budgetCents),
    difference: formatCents(budgetCents - sum),
  };
}

export interface AmountsByKind {
  grantAmount: string | null;
  ownShareAmount: string | null;
  coFinancingAmount: string | null;
}

/** The totals per kind of line, kept on the initiative for the list and dashboard; null when there are no lines. */
export function amountsByKind(lines: readonly BudgetLine[]): AmountsByKind {
  if (lines.length === 0) return { grantAmount: null, ownShareAmount: null, coFinancingAmount: null };
  const total = (kind: BudgetLineKind) => formatCents(lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + toCents(l.amount), 0n));
  return { grantAmount: total('grant'), ownShareAmount: total('own-share'), coFinancingAmount: total('co-financing') };
}
