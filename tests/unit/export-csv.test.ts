import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvText, neutraliseFormula, UTF8_BOM } from '../../src/platform/export/csv.js';
import type { ExportColumn } from '../../src/platform/export/columns.js';
import { contentDisposition } from '../../src/platform/export/download.js';

interface Row {
  title: string;
  budget: string | null;
  start: string | null;
  count: number;
}

const columns: ExportColumn<Row>[] = [
  { header: 'Tittel', type: 'text', value: (r) => r.title },
  { header: 'Budsjett', type: 'amount', value: (r) => r.budget },
  { header: 'Start', type: 'date', value: (r) => r.start },
  { header: 'Antall', type: 'integer', value: (r) => r.count },
];

const rows: Row[] = [
  { title: 'Kyststien – Østfold; «ærlig» sa han "hei"', budget: '1234.5', start: '2025-03-01', count: 3 },
  { title: 'Linje 1\r\nlinje 2, med komma', budget: null, start: null, count: 0 },
  { title: '=HYPERLINK("http://evil","klikk")', budget: '-12.00', start: '2024-12-31', count: 1 },
  { title: '+47 123', budget: '0', start: '2024-01-01', count: 2 },
  { title: '@SUM(A1)', budget: '99999999999999.99', start: '2024-01-01', count: 2 },
  { title: '\tTab først', budget: '1', start: '2024-01-01', count: 2 },
];

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', async () => {
    const text = await csvText(columns, rows);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.split('\r\n').at(-1)).toBe('');
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('round-trips through an RFC 4180 parser with semicolons and decimal commas', async () => {
    const text = await csvText(columns, rows, { delimiter: ';' });
    const parsed = parse(text, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
    expect(parsed[0]).toEqual(['Tittel', 'Budsjett', 'Start', 'Antall']);
    expect(parsed[1]).toEqual(['Kyststien – Østfold; «ærlig» sa han "hei"', '1234,50', '2025-03-01', '3']);
    expect(parsed[2]).toEqual(['Linje 1\r\nlinje 2, med komma', '', '', '0']);
    expect(parsed).toHaveLength(rows.length + 1);
  });

  it('writes decimal points with commas as delimiter', async () => {
    const parsed = parse(await csvText(columns, rows, { delimiter: ',' }), { bom: true }) as string[][];
    expect(parsed[1]![1]).toBe('1234.50');
    expect(parsed[1]![0]).toBe('Kyststien – Østfold; «ærlig» sa han "hei"');
    expect(parsed[5]![1]).toBe('99999999999999.99');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not typed negative amounts', async () => {
    const parsed = parse(await csvText(columns, rows), { bom: true, delimiter: ';' }) as string[][];
    expect(parsed[3]![0]).toBe(`'=HYPERLINK("http://evil","klikk")`);
    expect(parsed[3]![1]).toBe('-12,00');
    expect(parsed[4]![0]).toBe("'+47 123");
    expect(parsed[5]![0]).toBe("'@SUM(A1)");
    expect(parsed[6]![0]).toBe("'\tTab først");
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}x`)).toBe(`'${start}x`);
    expect(neutraliseFormula('Vanlig tekst')).toBe('Vanlig tekst');
  });

  it('reads rows from async batches', async () => {
    async function* batches() {
      yield rows.slice(0, 2);
      yield rows.slice(2);
    }
    const { csvLines } = await import('../../src/platform/export/csv.js');
    let text = '';
    for await (const line of csvLines(columns, batches(), { bom: false }, true)) text += line;
    expect(parse(text, { delimiter: ';' })).toHaveLength(rows.length + 1);
  });

  it('refuses an amount that is not an exact decimal', async () => {
    await expect(csvText(columns, [{ title: 'x', budget: '1.234', start: null, count: 1 }])).rejects.toThrow(/two decimals/);
  });
});

describe('Content-Disposition', () => {
  it('gives a plain fallback name and the real name in RFC 5987 form', () => {
    expect(contentDisposition('Rapport – Østfold 2025.pdf')).toBe(
      `attachment; filename="Rapport - Ostfold 2025.pdf"; filename*=UTF-8''Rapport%20%E2%80%93%20%C3%98stfold%202025.pdf`,
    );
    expect(contentDisposition('a"b;c\n.csv')).toBe(`attachment; filename="a_b_c .csv"; filename*=UTF-8''a%22b%3Bc%20.csv`);
  });
});
