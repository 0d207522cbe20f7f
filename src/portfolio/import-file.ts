/**
 * Reads an uploaded import file into a header and rows of cells: CSV (UTF-8, with or without a byte-order
 * mark; semicolon, comma or tab, whichever the header line uses) or XLSX (the first worksheet). Spreadsheet
 * cells keep their type — numbers as numbers, dates as dates — so nothing is re-parsed from display text.
 */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

export type ImportCell = string | number | Date | null;

export interface ImportTable {
  headers: string[];
  /** Data rows with the file's row number (the header is row 1; in CSV, the line the record starts on). */
  rows: Array<{ line: number; cells: ImportCell[] }>;
}

export class UnreadableFileError extends Error {}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((b, i) => bytes[i] === b);
}

function detectDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

export function readCsv(bytes: Uint8Array): ImportTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError('not UTF-8');
  }
  text = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text.slice(0, text.search(/\r?\n|$/)));
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : 'CSV');
  }
  const [header, ...rest] = records;
  let line = header?.info.lines ?? 1;
  const rows: ImportTable['rows'] = [];
  for (const { record, info } of rest) {
    // `info.lines` is the line the record ends on; it starts after the previous record.
    const start = line + 1;
    line = info.lines;
    if (record.some((c) => c.trim() !== '')) rows.push({ line: start, cells: record.map((c) => (c.trim() === '' ? null : c.trim())) });
  }
  return { headers: (header?.record ?? []).map((h) => h.trim()), rows };
}

function cellOf(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return cellOf((value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join(''));
    if ('text' in value) return cellOf((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<ImportTable> {
  // Loaded on first use, as in platform/export/xlsx.ts.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : 'XLSX');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('no worksheet');
  const width = sheet.columnCount;
  const read = (row: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellOf(row.getCell(i + 1).value));
  const headers = read(sheet.getRow(1)).map((h) => (h === null ? '' : String(h).trim()));
  const rows: ImportTable['rows'] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = read(sheet.getRow(n));
    if (cells.some((c) => c !== null)) rows.push({ line: n, cells });
  }
  return { headers, rows };
}

export async function readImportFile(bytes: Uint8Array): Promise<ImportTable> {
  const table = isXlsx(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (table.headers.every((h) => h === '')) throw new UnreadableFileError('no header');
  return table;
}
