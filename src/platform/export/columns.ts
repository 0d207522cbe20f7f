/**
 * The column model every export shares (CSV, XLSX): a header, a type that says how a value is written,
 * and a function that takes the value from a row. Values stay exact until the writer: amounts are decimal
 * strings, dates are `YYYY-MM-DD` strings or Date objects.
 */

/**
 * - `text`: free text (guarded against formula injection in CSV).
 * - `integer`: a whole number.
 * - `amount`: an exact decimal string with up to two decimals (written with two).
 * - `decimal`: an exact decimal string written as it is (hours, rates).
 * - `date`: a calendar day (`YYYY-MM-DD` or a Date at UTC midnight).
 * - `datetime`: a moment (Date), written in UTC.
 */
export type ColumnType = 'text' | 'integer' | 'amount' | 'decimal' | 'date' | 'datetime';

export type CellValue = string | number | bigint | boolean | Date | null | undefined;

export interface ExportColumn<Row> {
  header: string;
  type: ColumnType;
  value: (row: Row) => CellValue;
  /** Width in characters (XLSX); a default from the type otherwise. */
  width?: number;
}

/** Rows one at a time or a batch at a time, from memory or from a database cursor. */
export type RowSource<Row> = Iterable<Row> | AsyncIterable<Row> | AsyncIterable<Row[]>;

/** Every row of a source, whether it yields rows or batches of rows. */
export async function* eachRow<Row>(source: RowSource<Row>, isBatch = false): AsyncGenerator<Row> {
  for await (const item of source as AsyncIterable<Row | Row[]>) {
    if (isBatch && Array.isArray(item)) yield* item;
    else yield item as Row;
  }
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** `'1234.5'` → `'1234.50'`; accepts what PostgreSQL returns for numeric. Throws on anything else. */
export function twoDecimals(value: string | number | bigint): string {
  const text = String(value).trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`Not a decimal amount: ${text}`);
  const fraction = (match[3] ?? '').padEnd(2, '0');
  if (fraction.length > 2 && /[^0]/.test(fraction.slice(2))) throw new RangeError(`More than two decimals: ${text}`);
  return `${match[1]}${match[2]}.${fraction.slice(0, 2)}`;
}

/** A calendar day as `YYYY-MM-DD` (a Date is read at UTC, as the database driver gives dates). */
export function isoDay(value: string | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`Not a date: ${value}`);
  return value;
}

/** A calendar day as a Date at UTC midnight (how spreadsheet writers store a day without a time). */
export function dayAsDate(value: string | Date): Date {
  const [year, month, day] = isoDay(value).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}
