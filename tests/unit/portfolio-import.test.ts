import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../src/platform/paths.js';
import { readCsv, readImportFile } from '../../src/portfolio/import-file.js';
import { parseAmount, parseDay, parseSdgGoals, parseSectors, parseStatus } from '../../src/portfolio/import-values.js';
import { detectLayout, genericDrafts, h2020Drafts, participationStatus, placeOf } from '../../src/portfolio/import-rows.js';
import { xlsxBuffer } from '../../src/platform/export/xlsx.js';

const value = <T>(parsed: { value: T } | { problem: unknown }) => ('value' in parsed ? parsed.value : parsed);

describe('import values', () => {
  it('reads exact amounts in Norwegian and English writing', () => {
    expect(value(parseAmount('1 234,5'))).toBe('1234.50');
    expect(value(parseAmount('1.234,50'))).toBe('1234.50');
    expect(value(parseAmount('1,234.50'))).toBe('1234.50');
    expect(value(parseAmount('kr 300'))).toBe('300.00');
    expect(value(parseAmount(2500.25))).toBe('2500.25');
    expect(value(parseAmount(null))).toBeNull();
    expect(parseAmount('12,345')).toEqual({ problem: { messageKey: 'portfolioImportBadAmount', params: { value: '12,345' } } });
    expect(parseAmount('-5')).toHaveProperty('problem');
    expect(parseAmount('abc')).toHaveProperty('problem');
  });

  it('rounds floating-point noise to the cent, half up, only when asked', () => {
    expect(value(parseAmount('626199.99999984', true))).toBe('626200.00');
    expect(value(parseAmount('352403.74999968', true))).toBe('352403.75');
    expect(value(parseAmount('1.005', true))).toBe('1.01');
    expect(value(parseAmount('1.004', true))).toBe('1.00');
    expect(parseAmount('1.005')).toHaveProperty('problem');
  });

  it('reads days in ISO and Norwegian form, refusing impossible dates', () => {
    expect(value(parseDay('2025-03-01'))).toBe('2025-03-01');
    expect(value(parseDay('1.3.2025'))).toBe('2025-03-01');
    expect(value(parseDay('25.05.2020 00:00'))).toBe('2020-05-25');
    expect(value(parseDay(new Date(Date.UTC(2024, 1, 29))))).toBe('2024-02-29');
    expect(parseDay('31.02.2025')).toHaveProperty('problem');
    expect(parseDay('03/01/2025')).toHaveProperty('problem');
  });

  it('reads statuses, sectors and SDGs by code or name in any language', () => {
    expect(value(parseStatus('søknad under arbeid'))).toBe('application');
    expect(value(parseStatus('Beviljad'))).toBe('granted');
    expect(value(parseStatus('running'))).toBe('running');
    expect(value(parseStatus(''))).toBeNull();
    expect(parseStatus('kanskje')).toHaveProperty('problem');
    expect(parseSectors('Kultur; education, ukjent')).toEqual(['culture', 'education', 'ukjent']);
    expect(value(parseSdgGoals('11, 4; 4'))).toEqual([4, 11]);
    expect(value(parseSdgGoals(13))).toEqual([13]);
    expect(parseSdgGoals('18')).toHaveProperty('problem');
  });
});

describe('import files and layouts', () => {
  it('reads CSV with any of three delimiters, a BOM, and multi-line cells, keeping file row numbers', () => {
    const table = readCsv(Buffer.from('\uFEFFTittel,Sammendrag\r\n"Kyststien","to\r\nlinjer"\r\n\r\nUnionsleden,kort\r\n'));
    expect(table.headers).toEqual(['Tittel', 'Sammendrag']);
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'Kyststien'],
      [5, 'Unionsleden'],
    ]);
    expect(readCsv(Buffer.from('title\tstatus\nA\tidea\n')).rows[0]!.cells).toEqual(['A', 'idea']);
  });

  it('reads XLSX with typed cells', async () => {
    const file = await xlsxBuffer([{ name: 'Ark', columns: [{ header: 'Title', type: 'text', value: (r: [string, string]) => r[0] }, { header: 'Start', type: 'date', value: (r: [string, string]) => r[1] }], rows: [['Mona', '2025-01-31']] }]);
    const table = await readImportFile(file);
    expect(table.headers).toEqual(['Title', 'Start']);
    expect(table.rows[0]!.line).toBe(2);
    expect(table.rows[0]!.cells[1]).toEqual(new Date('2025-01-31T00:00:00Z'));
  });

  it('finds generic columns by Norwegian or English headings and sums the budget from its parts', () => {
    const drafts = genericDrafts({
      headers: ['Title', 'Egenandel', 'GRANT', 'own share', 'Ekstern_referanse'],
      rows: [{ line: 2, cells: ['Erasmus+', '100', '900', null, 'x-1'] }],
    });
    expect(drafts.layout).toBe('generic');
    expect(drafts.drafts[0]).toMatchObject({ title: 'Erasmus+', budgetAmount: '1000.00', externalRef: 'x-1', status: 'idea', organisation: { kind: 'root' } });
    expect(drafts.drafts[0]!.budgetLines).toEqual([
      { kind: 'grant', label: '', amount: '900.00' },
      { kind: 'own-share', label: '', amount: '100.00' },
    ]);
  });

  it('places Horizon 2020 participants in the 2024 counties from their 2020 municipality', () => {
    expect(placeOf('3002', '30', 'Viken')).toEqual({ municipality: '3103', group: { code: '31', name: 'Østfold' } });
    expect(placeOf('1507', '15', 'Møre og Romsdal')).toEqual({ municipality: '1508', group: { code: '15', name: 'Møre og Romsdal' } });
    expect(placeOf('301', '3', 'Oslo')).toMatchObject({ municipality: '0301', group: { code: '03', name: 'Oslo' } });
    expect(placeOf('2100', '21', 'Svalbard')).toEqual({ municipality: null, group: { code: '21', name: 'Svalbard' } });
    expect(placeOf('', '30', 'Viken')).toEqual({ municipality: null, group: null });
    expect(placeOf('', '', '')).toEqual({ municipality: null, group: null });
  });

  it('derives the status of a participation from its dates', () => {
    expect(participationStatus('SIGNED', '2020-01-01', '2024-12-31', '2025-06-01')).toBe('closed');
    expect(participationStatus('SIGNED', '2024-01-01', '2026-12-31', '2025-06-01')).toBe('running');
    expect(participationStatus('SIGNED', '2025-09-01', '2027-12-31', '2025-06-01')).toBe('granted');
    expect(participationStatus('CLOSED', null, null, '2025-06-01')).toBe('closed');
  });

  it('recognises the Research Council file and maps its first row', () => {
    const text = readFileSync(projectPath('..', 'shared', 'data', 'forskningsradet-h2020-norwegian-participations.csv'), 'utf8');
    const table = readCsv(Buffer.from(text.split('\n').slice(0, 2).join('\n')));
    expect(detectLayout(table.headers)).toBe('h2020');
    const [draft] = h2020Drafts(table, '2025-06-01').drafts;
    expect(draft).toMatchObject({
      line: 2,
      title: 'Change2Twin – Create and Harvest Offerings to support Manufacturing SMEs to become Digital Twin Champions',
      organisation: { kind: 'placed', orgNumber: '919303808', name: 'SINTEF AS', municipality: '5001', group: { code: '50', name: 'Trøndelag' } },
      programme: 'Horizon 2020',
      status: 'closed',
      startDate: '2020-06-01',
      endDate: '2024-05-31',
      deadline: '2019-11-13',
      currency: 'EUR',
      budgetAmount: '3518202.75',
      externalRef: 'H2020:951956:1',
      problems: [],
    });
    expect(draft!.summary).toContain('Koordinator');
  });
});
