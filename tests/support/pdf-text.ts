/**
 * Reads the text back out of a PDF written with pdfkit's standard fonts (tests only): inflates each
 * content stream and decodes the hex strings of its TJ operators from WinAnsi. Text objects are
 * separated by line breaks, so a sentence written on one line comes back whole.
 */
import { inflateSync } from 'node:zlib';

/** WinAnsi bytes 0x80–0x9F that differ from Latin-1 (Node's windows-1252 decoder treats them as Latin-1). */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');

function streams(pdf: Buffer): Buffer[] {
  const found: Buffer[] = [];
  const text = pdf.toString('latin1');
  const pattern = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(match[1]!)) {
      try {
        found.push(inflateSync(raw));
      } catch {
        // Not a content stream we can read (e.g. a truncated one); skip it.
      }
    } else found.push(raw);
  }
  return found;
}

/** The text of every page, in drawing order. */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  for (const content of streams(pdf)) {
    const source = content.toString('latin1');
    for (const block of source.match(/BT[^]*?ET/g) ?? []) {
      const pieces = [...block.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)].flatMap((tj) => [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => winAnsi(Buffer.from(hex[1]!, 'hex'))));
      if (pieces.length > 0) lines.push(pieces.join(''));
    }
  }
  return lines.join('\n');
}
