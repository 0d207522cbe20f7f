/**
 * The catalogue list's answer as JSON bytes, assembled from each programme's serialised part — written
 * once per programme and index, then reused by every answer that shows it — and the answer's own
 * figures. The bytes are what the route's response schema (`ProgrammeList`) describes, in its order.
 */
import type { LocalisedText } from './schema.js';
import type { IndexedProgramme, ProgrammeSummaryRow } from './search-index.js';

const localised = (text: LocalisedText) => ({ nb: text.nb, nn: text.nn, sv: text.sv, en: text.en });

/** Everything of a list item up to its score: `{"id":…,…,"priorityCount":3,"score":`. */
const itemStarts = new WeakMap<IndexedProgramme, Buffer>();

function itemStart(programme: IndexedProgramme): Buffer {
  let start = itemStarts.get(programme);
  if (!start) {
    const { card } = programme;
    const item = {
      id: programme.id,
      kind: programme.kind,
      interregStrand: programme.interregStrand,
      status: programme.status,
      period: { start: programme.periodStart, end: programme.periodEnd },
      name: localised(card.name),
      shortName: card.shortName,
      summary: localised(card.summary),
      sectors: card.sectors,
      fundingRate: { minPercent: card.fundingRate.minPercent, maxPercent: card.fundingRate.maxPercent },
      priorityCount: card.priorityCount,
      score: 0,
    };
    const json = JSON.stringify(item);
    start = Buffer.from(json.slice(0, json.length - '0}'.length));
    itemStarts.set(programme, start);
  }
  return start;
}

/** Serialises every programme's part now, so that answers need not (the index is built once per import). */
export function prepareListItems(programmes: readonly IndexedProgramme[]): void {
  for (const programme of programmes) itemStart(programme);
}

export interface ProgrammeListPage {
  rows: ProgrammeSummaryRow[];
  total: number;
  page: number;
  pageSize: number;
  spelledAs?: string | undefined;
}

export function programmeListJson(list: ProgrammeListPage): Buffer {
  const parts: Buffer[] = [Buffer.from('{"items":[')];
  list.rows.forEach((row, i) => {
    parts.push(itemStart(row.programme), Buffer.from(`${Math.round(row.rank * 1000) / 1000}}${i < list.rows.length - 1 ? ',' : ''}`));
  });
  const spelledAs = list.spelledAs === undefined ? '' : `,"spelledAs":${JSON.stringify(list.spelledAs)}`;
  parts.push(Buffer.from(`],"total":${list.total},"page":${list.page},"pageSize":${list.pageSize}${spelledAs}}`));
  return Buffer.concat(parts);
}
