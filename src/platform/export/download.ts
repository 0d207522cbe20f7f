/** Headers for a file the browser saves: a Content-Disposition with a plain fallback name and the real one (RFC 6266 / RFC 5987). */

/** `Rapport – Østfold 2025.pdf` → `attachment; filename="Rapport - Ostfold 2025.pdf"; filename*=UTF-8''Rapport%20%E2%80%93%20%C3%98stfold%202025.pdf` */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const clean = fileName.replace(/[\u0000-\u001F\u007F/\\]/g, ' ').trim() || 'download';
  const fallback = clean
    .normalize('NFKD')
    .replace(/[\u0300-\u036F]/g, '')
    .replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o'))
    .replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'AE' : 'ae'))
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7E]/g, '_')
    .replace(/["%;]/g, '_');
  // RFC 5987 attr-char: letters, digits and !#$&+-.^_`|~ stay; everything else is percent-encoded UTF-8.
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  ics: 'text/calendar; charset=utf-8',
} as const;
