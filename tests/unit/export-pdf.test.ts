import { describe, expect, it } from 'vitest';
import { PdfDocumentBuilder, winAnsiText } from '../../src/platform/export/pdf.js';
import { pdfText } from '../support/pdf-text.js';

const pageLabel = (page: number, pages: number) => `Side ${page} av ${pages}`;

describe('PDF export', () => {
  it('writes Nordic letters as extractable text with title and language in the metadata', async () => {
    const pdf = await (await PdfDocumentBuilder.create({ title: 'Rapport for Østfold', lang: 'nb-NO', pageLabel }))
      .title('Internasjonale initiativ – Mosseregionen', 'Ærøskøbing, Åsgårdstrand, Göteborg och Malmö')
      .heading('Nøkkeltall')
      .paragraph('Søknader innvilget: «fire» av fem; «Kulturförståelse» är viktig.')
      .table({ columns: [{ header: 'Status' }, { header: 'Beløp', align: 'right' }], rows: [['Innvilget', '1 234,50'], ['Avslått', '0,00']] })
      .finish();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Internasjonale initiativ – Mosseregionen', 'Ærøskøbing, Åsgårdstrand, Göteborg och Malmö', 'Nøkkeltall', '«Kulturförståelse» är viktig.', 'Innvilget', '1 234,50', 'Side 1 av 1']) {
      expect(text).toContain(expected);
    }
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (nb-NO)');
    expect(raw).toMatch(/\/Title/);
    expect(raw).toContain('/MarkInfo');
    expect(raw).toContain('/StructTreeRoot');
  });

  it('breaks long tables over pages, repeating the header, and numbers every page', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Initiativ nummer ${i + 1} med en lang tittel som må brytes over flere linjer i cellen`, `${i + 1},00`]);
    const pdf = await (await PdfDocumentBuilder.create({ title: 'Lang', lang: 'nb-NO', pageLabel })).title('Lang tabell').table({ columns: [{ header: 'Tittel', width: 1 }, { header: 'Beløp', width: 1, align: 'right' }], rows }).finish();
    const text = pdfText(pdf);
    const pages = Number(/Side 1 av (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(2);
    expect(text).toContain(`Side ${pages} av ${pages}`);
    expect(text.match(/^Tittel$/gm)?.length).toBe(pages);
    expect(text).toContain('120,00');
  });

  it('replaces what WinAnsi lacks with the nearest letter', () => {
    expect(winAnsiText('Čáhcesuolu – Kárášjohka, Guovdageaidnu ŋ')).toBe('Cáhcesuolu – Kárášjohka, Guovdageaidnu n');
    expect(winAnsiText('æøå ÆØÅ äö é € “x”')).toBe('æøå ÆØÅ äö é € “x”');
    expect(winAnsiText('中')).toBe('?');
  });
});
