/**
 * XLSX writer over exceljs's streaming workbook writer: rows are written and flushed as they come, so a
 * sheet of a hundred thousand rows never sits in memory. Every sheet has a bold header row that stays in
 * view (frozen) and an autofilter; cells are typed — days as Excel dates, amounts as numbers with two
 * decimals, integers as numbers — so sums, sorting and filters work as the user expects.
 *
 * Amounts arrive as exact decimal strings and become IEEE doubles only here, because that is how a
 * spreadsheet stores every number; numeric(16,2) values (at most 16 significant digits) survive the trip.
 */
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { dayAsDate, eachRow, twoDecimals, type CellValue, type ColumnType, type ExportColumn, type RowSource } from './columns.js';

export interface XlsxSheet<Row> {
  /** Shown on the tab; cut to Excel's 31 characters, without the characters Excel forbids. */
  name: string;
  columns: readonly ExportColumn<Row>[];
  rows: RowSource<Row>;
  /** The source yields batches (arrays) of rows rather than rows. */
  batches?: boolean;
}

export interface XlsxOptions {
  /** Document properties: the title and who made it. */
  title?: string;
  creator?: string;
}

/**
 * Number formats: `mm-dd-yy` is Excel's built-in format 14, which Excel and LibreOffice show in the
 * reader's own short date format (dd.mm.yyyy in Norway); `#,##0.00` is built-in 4.
 */
const NUMBER_FORMATS: Record<ColumnType, string | undefined> = {
  text: undefined,
  integer: '0',
  amount: '#,##0.00',
  decimal: undefined,
  date: 'mm-dd-yy',
  datetime: 'yyyy-mm-dd hh:mm',
};

const DEFAULT_WIDTHS: Record<ColumnType, number> = { text: 30, integer: 10, amount: 16, decimal: 12, date: 12, datetime: 18 };

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet').slice(0, 31);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return candidate;
}

/** How a typed value is stored in a cell. */
export function xlsxCell(value: CellValue, type: ColumnType): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'amount':
      return Number(twoDecimals(value as string));
    case 'integer':
    case 'decimal':
      return Number(value);
    case 'date':
      return dayAsDate(value as string | Date);
    case 'datetime':
      return value instanceof Date ? value : new Date(String(value));
    case 'text':
      // Excel refuses control characters other than tab and line breaks in cell text.
      return String(value).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  }
}

async function writeWorkbook(stream: PassThrough, sheets: readonly XlsxSheet<unknown>[], options: XlsxOptions): Promise<void> {
  // Loaded on first use: it is large, and most processes never write a workbook (start-up time).
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = options.creator ?? 'Mulighetsrom';
  workbook.title = options.title ?? '';
  workbook.created = new Date();
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    worksheet.columns = sheet.columns.map((column, index) => ({
      key: String(index),
      width: column.width ?? Math.max(DEFAULT_WIDTHS[column.type], Math.min(column.header.length + 2, 40)),
      style: NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type]! } : {},
    }));
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(sheet.columns.length, 1) } };
    const header = worksheet.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const row of eachRow(sheet.rows, sheet.batches ?? false)) {
      worksheet.addRow(sheet.columns.map((c) => xlsxCell(c.value(row), c.type))).commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** A stream of the workbook, for an HTTP response; a failure while writing ends the stream with the error. */
export function xlsxStream(sheets: readonly XlsxSheet<any>[], options: XlsxOptions = {}): Readable {
  const stream = new PassThrough();
  writeWorkbook(stream, sheets, options).catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return stream;
}

/** The whole workbook in memory (small workbooks, tests). */
export async function xlsxBuffer(sheets: readonly XlsxSheet<any>[], options: XlsxOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of xlsxStream(sheets, options)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
