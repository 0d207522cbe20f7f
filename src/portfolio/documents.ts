/**
 * Which documents may be uploaded to an initiative and how they are handed back (pure rules). Only
 * office documents, PDFs, images and plain text are accepted, and a file must begin the way its type
 * says (a "PDF" that is really an HTML page is refused), so nothing uploaded can run in a browser.
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // OOXML and OpenDocument files are zip archives
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .doc, .xls, .ppt
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];

/** Allowed media types and the bytes a file of that type starts with (null: text, checked separately). */
export const DOCUMENT_TYPES: Readonly<Record<string, readonly number[] | null>> = {
  'application/pdf': PDF,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ZIP,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ZIP,
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ZIP,
  'application/vnd.oasis.opendocument.text': ZIP,
  'application/vnd.oasis.opendocument.spreadsheet': ZIP,
  'application/vnd.oasis.opendocument.presentation': ZIP,
  'application/msword': OLE,
  'application/vnd.ms-excel': OLE,
  'application/vnd.ms-powerpoint': OLE,
  'image/png': PNG,
  'image/jpeg': JPEG,
  'text/plain': null,
  'text/csv': null,
};

/** `Application/PDF; charset=x` → `application/pdf`. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export type DocumentProblem = { kind: 'type'; mediaType: string } | { kind: 'empty' } | { kind: 'too-large' };

export function documentProblem(mediaType: string, content: Uint8Array): DocumentProblem | null {
  if (!(mediaType in DOCUMENT_TYPES)) return { kind: 'type', mediaType };
  if (content.length === 0) return { kind: 'empty' };
  if (content.length > MAX_DOCUMENT_BYTES) return { kind: 'too-large' };
  const signature = DOCUMENT_TYPES[mediaType];
  if (signature === null) {
    // Text must be text: valid UTF-8 without NUL bytes.
    if (content.includes(0)) return { kind: 'type', mediaType };
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch {
      return { kind: 'type', mediaType };
    }
    return null;
  }
  return signature!.every((byte, i) => content[i] === byte) ? null : { kind: 'type', mediaType };
}

/** A file name safe to store and show: no directories, no control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\p{Cc}"]/gu, '').trim().slice(0, 200);
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? 'document' : cleaned;
}
