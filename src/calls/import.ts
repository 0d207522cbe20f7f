/** Importing a calls file: every line parsed first; nothing is written if any line is wrong. */
import { readFile } from 'node:fs/promises';
import type { Db } from '../platform/db/client.js';
import { EU_PORTAL_SOURCE, parseEuPortalLine, type Call } from './parse.js';
import { replaceCallsOfSource } from './repository.js';

export type CallsImportResult = { ok: true; calls: number; linked: number } | { ok: false; problems: string[] };

export async function importEuPortalCalls(db: Db, file: string): Promise<CallsImportResult> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const parsed: Call[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const result = parseEuPortalLine(line);
    if ('problem' in result) problems.push(`${file}: line ${index + 1}: ${result.problem}`);
    // The export repeats a topic now and then; the first occurrence wins.
    else if (!seen.has(result.call.id)) {
      seen.add(result.call.id);
      parsed.push(result.call);
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, ...(await replaceCallsOfSource(db, EU_PORTAL_SOURCE, parsed)) };
}
