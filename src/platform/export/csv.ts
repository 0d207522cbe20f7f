/**
 * CSV writer (RFC 4180): fields quoted when they hold the delimiter, a quote, CR or LF; quotes doubled;
 * CRLF line ends; UTF-8 with a byte-order mark so Excel opens æøå correctly.
 *
 * Two dialects: comma with decimal point (international) and semicolon with decimal comma (what Excel
 * expects in Norwegian and Swedish settings). Text cells that a spreadsheet would read as a formula
 * (starting with = + - @ tab or CR) get a leading apostrophe (OWASP "CSV injection"); typed numbers and
 * dates are written by us and need no guard.
 */
import { Readable } from 'node:stream';
import { eachRow, isoDay, twoDecimals, type CellValue, type ExportColumn, type RowSource } from './columns.js';

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  /** `;` (default: Nordic Excel, decimal comma) or `,` (decimal point). */
  delimiter?: CsvDelimiter;
  /** Write the UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export const UTF8_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when needed. */
export function csvField(text: string, delimiter: CsvDelimiter): string {
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function decimalText(text: string, delimiter: CsvDelimiter): string {
  return delimiter === ';' ? text.replace('.', ',') : text;
}

/** How a typed value is written in a CSV cell. */
export function csvCell(value: CellValue, type: ExportColumn<unknown>['type'], delimiter: CsvDelimiter): string {
  if (value === null || value === undefined || value === '') return '';
  switch (type) {
    case 'amount':
      return csvField(decimalText(twoDecimals(value as string), delimiter), delimiter);
    case 'decimal':
    case 'integer':
      return csvField(decimalText(String(value), delimiter), delimiter);
    case 'date':
      return isoDay(value as string | Date);
    case 'datetime':
      return (value instanceof Date ? value : new Date(String(value))).toISOString();
    case 'text':
      return csvField(neutraliseFormula(String(value)), delimiter);
  }
}

export function csvLine(fields: readonly string[], delimiter: CsvDelimiter): string {
  return `${fields.join(delimiter)}\r\n`;
}

/** The whole file, line by line: header first, then each row. */
export async function* csvLines<Row>(columns: readonly ExportColumn<Row>[], rows: RowSource<Row>, options: CsvOptions = {}, batches = false): AsyncGenerator<string> {
  const delimiter = options.delimiter ?? ';';
  const header = csvLine(columns.map((c) => csvField(neutraliseFormula(c.header), delimiter)), delimiter);
  yield (options.bom ?? true) ? UTF8_BOM + header : header;
  for await (const row of eachRow(rows, batches)) {
    yield csvLine(columns.map((c) => csvCell(c.value(row), c.type, delimiter)), delimiter);
  }
}

/** A stream of the CSV file, for an HTTP response; rows are read as the client takes them. */
export function csvStream<Row>(columns: readonly ExportColumn<Row>[], rows: RowSource<Row>, options: CsvOptions = {}, batches = false): Readable {
  return Readable.from(
    (async function* () {
      for await (const line of csvLines(columns, rows, options, batches)) yield Buffer.from(line, 'utf8');
    })(),
  );
}

/** The whole CSV file as a string (small tables, tests). */
export async function csvText<Row>(columns: readonly ExportColumn<Row>[], rows: RowSource<Row>, options: CsvOptions = {}): Promise<string> {
  let text = '';
  for await (const line of csvLines(columns, rows, options)) text += line;
  return text;
}

export interface CsvSection<Row> {
  title: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}

/**
 * Several small tables in one CSV file (e.g. a dashboard): each as a title line, its header and rows,
 * then an empty line. Spreadsheets open it as stacked tables; one byte-order mark at the start.
 */
export async function csvSectionsText(sections: readonly CsvSection<any>[], options: CsvOptions = {}): Promise<string> {
  const delimiter = options.delimiter ?? ';';
  let text = (options.bom ?? true) ? UTF8_BOM : '';
  for (const section of sections) {
    text += csvLine([csvField(neutraliseFormula(section.title), delimiter)], delimiter);
    text += await csvText(section.columns, section.rows, { ...options, bom: false });
    text += '\r\n';
  }
  return text;
}
