import fastJson from 'fast-json-stringify';
import { describe, expect, it } from 'vitest';
import { programmeListJson } from '../../src/catalogue/list-json.js';
import { ProgrammeList } from '../../src/catalogue/routes.js';
import type { IndexedProgramme } from '../../src/catalogue/search-index.js';

const programme = (id: string, change: Partial<IndexedProgramme> = {}): IndexedProgramme => ({
  id,
  kind: 'eu-programme',
  interregStrand: null,
  status: 'open',
  periodStart: 2021,
  periodEnd: 2027,
  card: {
    name: { en: `Name "${id}"`, nb: `Navn ${id} – «sitat»`, sv: 'Namn\nmed radbrytning', nn: 'Namn \\ skråstrek' },
    shortName: null,
    summary: { nb: 'Om ordninga', nn: 'Om ordninga', sv: 'Om programmet', en: 'About the programme \u2028' },
    sectors: ['culture', 'education'],
    fundingRate: { minPercent: null, maxPercent: 80 },
    priorityCount: 3,
  },
  sectors: ['culture', 'education'],
  applicantTypes: ['municipality'],
  policyObjectives: [],
  fundingRateMax: 80,
  ...change,
});

describe('programmeListJson', () => {
  const serialise = fastJson(ProgrammeList);
  const rows = [
    { programme: programme('erasmus-plus'), rank: 1.23456 },
    { programme: programme('interreg-aurora', { interregStrand: 'A', periodEnd: null }), rank: 0 },
  ];

  it('writes exactly what the route schema’s serialiser writes', () => {
    for (const list of [
      { rows, total: 42, page: 2, pageSize: 20, language: 'en' as const },
      { rows, total: 2, page: 1, pageSize: 20, language: 'nn' as const, spelledAs: 'interreg «sverige»' },
      { rows: [], total: 0, page: 1, pageSize: 20, language: 'sv' as const },
    ]) {
      const expected = serialise({
        items: list.rows.map(({ programme: p, rank }) => ({
          id: p.id,
          kind: p.kind,
          interregStrand: p.interregStrand,
          status: p.status,
          period: { start: p.periodStart, end: p.periodEnd },
          ...p.card,
          name: p.card.name[list.language],
          summary: p.card.summary[list.language],
          score: Math.round(rank * 1000) / 1000,
        })),
        total: list.total,
        page: list.page,
        pageSize: list.pageSize,
        language: list.language,
        ...('spelledAs' in list ? { spelledAs: list.spelledAs } : {}),
      });
      expect(programmeListJson(list).toString()).toBe(expected);
    }
  });

  it('writes names and summaries in the reader language only', () => {
    for (const language of ['nb', 'nn', 'sv', 'en'] as const) {
      const [item] = JSON.parse(programmeListJson({ rows: rows.slice(0, 1), total: 1, page: 1, pageSize: 20, language }).toString()).items;
      expect([item.name, item.summary]).toEqual([rows[0]!.programme.card.name[language], rows[0]!.programme.card.summary[language]]);
    }
  });

  it('reuses a programme’s serialised part across answers', () => {
    const first = programmeListJson({ rows, total: 2, page: 1, pageSize: 20, language: 'nb' });
    const again = programmeListJson({ rows: [{ ...rows[0]!, rank: 2 }], total: 1, page: 1, pageSize: 20, language: 'nb' });
    expect(JSON.parse(again.toString()).items[0].score).toBe(2);
    expect(JSON.parse(first.toString()).items[0].score).toBe(1.235);
  });
});
