/**
 * The catalogue list's answer as JSON bytes, assembled from each programme's serialised part — written
 * once per programme, language and index, then reused by every answer that shows it — and the answer's
 * own figures. The bytes are what the route's response schema (`ProgrammeList`) describes, in its order.
 */
import { LANGUAGES, type Language } from '../reference/codes.js';
import type { IndexedProgramme, ProgrammeSummaryRow } from './search-index.js';

/** Per programme and reader language, everything of a list item up to its score: `{"id":…,…,"priorityCount":3,"score":`. */
const itemStarts = new WeakMap<IndexedProgramme, Partial<Record<Language, Buffer>>>();

function itemStart(programme: IndexedProgramme, language: Language): Buffer {
  let starts = itemStarts.get(programme);
  if (!starts) itemStarts.set(programme, (starts = {}));
  let start = starts[language];
  if (!start) {
    const { card } = programme;
    const item = {
      id: programme.id,
      kind: programme.kind,
      interregStrand: programme.interregStrand,
      status: programme.status,
      period: { start: programme.periodStart, end: programme.periodEnd },
      name: card.name[language],
      shortName: card.shortName,
      summary: card.summary[language],
      sectors: card.sectors,
      fundingRate: { minPercent: card.fundingRate.minPercent, maxPercent: card.fundingRate.maxPercent },
      priorityCount: card.priorityCount,
      score: 0,
    };
    const json = JSON.stringify(item);
    start = Buffer.from(json.slice(0, json.length - '0}'.length));
    starts[language] = start;
  }
  return start;
}

/** Serialises every programme's part in every language now, so that answers need not (the index is built once per import). */
export function prepareListItems(programmes: readonly IndexedProgramme[]): void {
  for (const programme of programmes) for (const language of LANGUAGES) itemStart(programme, language);
}

export interface ProgrammeListPage {
  rows: ProgrammeSummaryRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The reader's language: the items' names and summaries are in it. */
  language: Language;
  spelledAs?: string | undefined;
}

export function programmeListJson(list: ProgrammeListPage): Buffer {
  const parts: Buffer[] = [Buffer.from('{"items":[')];
  list.rows.forEach((row, i) => {
    parts.push(itemStart(row.programme, list.language), Buffer.from(`${Math.round(row.rank * 1000) / 1000}}${i < list.rows.length - 1 ? ',' : ''}`));
  });
  const spelledAs = list.spelledAs === undefined ? '' : `,"spelledAs":${JSON.stringify(list.spelledAs)}`;
  parts.push(Buffer.from(`],"total":${list.total},"page":${list.page},"pageSize":${list.pageSize},"language":"${list.language}"${spelledAs}}`));
  return Buffer.concat(parts);
}
