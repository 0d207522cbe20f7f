/**
 * PDF documents with pdfkit: A4, a title, headings, paragraphs and simple tables that wrap their cells
 * and continue on the next page with the header repeated, page numbers, and the document's title and
 * language in its metadata. The PDF is tagged (headings, paragraphs, tables as structure elements;
 * page numbers as artifacts) so screen readers and text extraction read it in order.
 *
 * The standard fonts (Helvetica) need no embedding and cover WinAnsi, which holds æøå, äö, é and the
 * typographic quotes and dashes; `winAnsiText` replaces what WinAnsi lacks (e.g. Sámi č, ŋ) with the
 * nearest letter rather than letting pdfkit write a broken glyph.
 */
import type PDFDocumentClass from 'pdfkit';

export interface PdfOptions {
  title: string;
  /** BCP 47 language of the text, e.g. `nb-NO`. */
  lang: string;
  author?: string;
  subject?: string;
  /** The footer of each page, e.g. `(3, 7) => 'Side 3 av 7'`. */
  pageLabel: (page: number, pages: number) => string;
}

export interface PdfTableColumn {
  header: string;
  /** Relative width: the columns share the page's width in these proportions. */
  width?: number;
  align?: 'left' | 'right';
}

export interface PdfTable {
  columns: readonly PdfTableColumn[];
  rows: readonly (readonly string[])[];
  /** Said when there are no rows. */
  empty?: string;
}

/** Code points WinAnsi (Windows-1252) holds above Latin-1's range, as pdfkit maps them. */
const WIN_ANSI_EXTRA = new Set([0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122]);
const REPLACEMENTS: Record<string, string> = { 'ŋ': 'n', 'Ŋ': 'N', 'ŧ': 't', 'Ŧ': 'T', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', '−': '-', '≤': '<=', '≥': '>=', '\u00a0': ' ', '\u202f': ' ' };

const inWinAnsi = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code) || code === 0x0a;

/** Text the standard fonts can show: each character outside WinAnsi becomes its base letter, or `?`. */
export function winAnsiText(text: string): string {
  let result = '';
  for (const char of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const code = char.codePointAt(0)!;
    if (inWinAnsi(code)) result += char;
    else if (REPLACEMENTS[char] !== undefined) result += REPLACEMENTS[char];
    else {
      const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      result += [...base].every((c) => inWinAnsi(c.codePointAt(0)!)) && base !== '' ? base : '?';
    }
  }
  return result;
}

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const MARGIN = 56;
const CELL_PADDING = 3;
const TEXT_COLOUR = '#1a1a1a';
const RULE_COLOUR = '#9a9a9a';

/** A document being written; `finish()` numbers the pages and returns the file. */
export class PdfDocumentBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  /** A new document; pdfkit is loaded on first use, being large and rarely needed (start-up time). */
  static async create(options: PdfOptions): Promise<PdfDocumentBuilder> {
    const { default: PDFDocument } = await import('pdfkit');
    return new PdfDocumentBuilder(PDFDocument, options);
  }

  private constructor(
    PDFDocument: typeof PDFDocumentClass,
    private readonly options: PdfOptions,
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      tagged: true,
      lang: options.lang,
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: winAnsiText(options.title), Author: winAnsiText(options.author ?? 'Mulighetsrom'), Subject: winAnsiText(options.subject ?? ''), Creator: 'Mulighetsrom' },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.doc.fillColor(TEXT_COLOUR);
  }

  private get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page if fewer than `height` points remain. */
  private keepSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  private tagged(tag: string, draw: () => void): void {
    this.root.add(this.doc.struct(tag, {}, [draw]));
  }

  title(text: string, subtitle?: string): this {
    this.tagged('H1', () => this.doc.font(BOLD).fontSize(20).text(winAnsiText(text), { width: this.contentWidth }));
    if (subtitle) this.tagged('P', () => this.doc.font(FONT).fontSize(11).text(winAnsiText(subtitle), { width: this.contentWidth }));
    this.doc.moveDown(0.8);
    return this;
  }

  heading(text: string, level: 2 | 3 = 2): this {
    const size = level === 2 ? 14 : 12;
    // A heading never ends a page alone: it needs room for itself and a few lines after it.
    this.keepSpace(size * 5);
    this.doc.moveDown(0.4);
    this.tagged(`H${level}`, () => this.doc.font(BOLD).fontSize(size).text(winAnsiText(text), this.doc.page.margins.left, this.doc.y, { width: this.contentWidth }));
    this.doc.moveDown(0.3);
    return this;
  }

  paragraph(text: string): this {
    this.tagged('P', () => this.doc.font(FONT).fontSize(10).text(winAnsiText(text), this.doc.page.margins.left, this.doc.y, { width: this.contentWidth, lineGap: 2 }));
    this.doc.moveDown(0.5);
    return this;
  }

  /** A table; rows that do not fit continue on the next page under a repeated header. */
  table(table: PdfTable): this {
    if (table.rows.length === 0) return table.empty ? this.paragraph(table.empty) : this;
    const doc = this.doc;
    const left = doc.page.margins.left;
    const totalWeight = table.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
    const widths = table.columns.map((c) => (this.contentWidth * (c.width ?? 1)) / totalWeight);
    const fontSize = 9;
    const rowHeight = (cells: readonly string[], font: string) => {
      doc.font(font).fontSize(fontSize);
      return Math.max(...cells.map((cell, i) => doc.heightOfString(winAnsiText(cell), { width: widths[i]! - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
    };
    const tableElement = doc.struct('Table');
    this.root.add(tableElement);
    const drawRow = (cells: readonly string[], header: boolean) => {
      const font = header ? BOLD : FONT;
      const height = rowHeight(cells, font);
      const y = doc.y;
      const rowElement = doc.struct('TR');
      tableElement.add(rowElement);
      let x = left;
      cells.forEach((cell, i) => {
        const width = widths[i]!;
        rowElement.add(
          doc.struct(header ? 'TH' : 'TD', {}, [
            () => doc.font(font).fontSize(fontSize).text(winAnsiText(cell), x + CELL_PADDING, y + CELL_PADDING, { width: width - 2 * CELL_PADDING, align: table.columns[i]?.align ?? 'left' }),
          ]),
        );
        x += width;
      });
      rowElement.end();
      doc.markContent('Artifact', { type: 'Layout' });
      doc.moveTo(left, y + height).lineTo(left + this.contentWidth, y + height).lineWidth(header ? 1 : 0.4).strokeColor(RULE_COLOUR).stroke();
      doc.endMarkedContent();
      doc.x = left;
      doc.y = y + height;
    };
    const header = table.columns.map((c) => c.header);
    const headerHeight = rowHeight(header, BOLD);
    this.keepSpace(headerHeight + rowHeight(table.rows[0]!, FONT));
    drawRow(header, true);
    for (const row of table.rows) {
      if (doc.y + rowHeight(row, FONT) > this.bottom) {
        doc.addPage();
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    tableElement.end();
    doc.moveDown(0.8);
    return this;
  }

  /** Numbers the pages and returns the whole file. */
  async finish(): Promise<Buffer> {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page.
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font(FONT).fontSize(8).fillColor('#4a4a4a').text(winAnsiText(this.options.pageLabel(index + 1, range.count)), doc.page.margins.left, doc.page.height - bottomMargin / 2, {
        width: this.contentWidth,
        align: 'center',
        lineBreak: false,
      });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottomMargin;
    }
    this.root.end();
    doc.end();
    return this.done;
  }
}
