import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sheetName, xlsxBuffer } from '../../src/platform/export/xlsx.js';
import type { ExportColumn } from '../../src/platform/export/columns.js';

interface Row {
  title: string;
  budget: string | null;
  start: string | null;
  updated: Date;
}

const columns: ExportColumn<Row>[] = [
  { header: 'Tittel', type: 'text', value: (r) => r.title },
  { header: 'Budsjett (NOK)', type: 'amount', value: (r) => r.budget },
  { header: 'Start', type: 'date', value: (r) => r.start },
  { header: 'Endret', type: 'datetime', value: (r) => r.updated },
];

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('XLSX export', () => {
  it('writes typed cells under a frozen, filtered header row', async () => {
    const buffer = await xlsxBuffer(
      [{ name: 'Initiativ', columns, rows: [{ title: 'Ærlig talt: Unionsleden', budget: '1234.5', start: '2025-03-01', updated: new Date('2025-05-01T10:00:00Z') }, { title: '=1+1', budget: null, start: null, updated: new Date('2025-05-02T10:00:00Z') }] }],
      { title: 'Portefølje' },
    );
    const workbook = await read(buffer);
    const sheet = workbook.getWorksheet('Initiativ')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Tittel', 'Budsjett (NOK)', 'Start', 'Endret']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('A2').value).toBe('Ærlig talt: Unionsleden');
    expect(sheet.getCell('B2').value).toBe(1234.5);
    expect(sheet.getCell('B2').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('C2').value).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(sheet.getCell('C2').type).toBe(ExcelJS.ValueType.Date);
    expect(sheet.getCell('D2').value).toEqual(new Date('2025-05-01T10:00:00Z'));
    // Text stays text: a spreadsheet shows it, never runs it.
    expect(sheet.getCell('A3').value).toBe('=1+1');
    expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(workbook.title).toBe('Portefølje');
  });

  it('streams many rows from batches, over several sheets', async () => {
    async function* batches() {
      for (let b = 0; b < 20; b++) yield Array.from({ length: 1000 }, (_, i) => ({ title: `Initiativ ${b * 1000 + i}`, budget: `${b * 1000 + i}.25`, start: '2024-01-01', updated: new Date(0) }));
    }
    const buffer = await xlsxBuffer([
      { name: 'Mange', columns, rows: batches(), batches: true },
      { name: 'Mange', columns: [{ header: 'N', type: 'integer', value: (n: number) => n }], rows: [1, 2, 3] },
    ]);
    const workbook = await read(buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(20_001);
    expect(sheet.getCell('B20001').value).toBe(19999.25);
    expect(workbook.worksheets[1]!.name).toBe('Mange 2');
    expect(workbook.worksheets[1]!.getCell('A4').value).toBe(3);
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('Per status/programme: [2025]?')).toBe('Per status programme   2025');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('Data', new Set(['data']))).toBe('Data 2');
  });
});
