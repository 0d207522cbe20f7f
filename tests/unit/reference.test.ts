/**
 * Checks the project's own reference tables (src/reference) against the independent public data in
 * ../shared/data (see its SOURCES.md). The tables are compiled facts with their own citations; these
 * files are a second source that must agree with them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  APPLICANT_TYPES,
  INTERREG_STRANDS,
  LANGUAGES,
  MUNICIPAL_SECTORS,
  POLICY_OBJECTIVES,
  PROGRAMME_KINDS,
  PROGRAMME_STATUSES,
  PROJECT_TYPES,
} from '../../src/reference/codes.js';
import {
  CODE_NAMES,
  NUTS_COUNTRIES,
  NUTS_COUNTRY_ONLY,
  counties2024From2020,
  countyOfMunicipality,
  isKnownNorwegianCounty,
  isKnownNorwegianMunicipality,
  isKnownNuts,
  isKnownSwedishCounty,
  isKnownSwedishMunicipality,
  municipality2024From2020,
  municipalityChanges2020To2024,
  norwegianCounties,
  norwegianCounties2020,
  norwegianMunicipalities,
  nutsRegion,
  nutsRegions,
  referenceSources,
  sdgGoals,
  sdgTargets,
  swedishCounties,
  swedishMunicipalities,
} from '../../src/reference/index.js';
import type { NorwegianCounty, NorwegianMunicipality } from '../../src/reference/index.js';

const DATA = new URL('../../../shared/data/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, DATA), 'utf8');
const lines = (text: string): string[] => text.split(/\r?\n/).filter((l) => l.trim() !== '');
const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
const sorted = <T>(items: Iterable<T>): T[] => [...items].sort();

interface Feature<P> {
  properties: P;
}
const geojson = <P>(name: string): P[] => (JSON.parse(read(name)) as { features: Feature<P>[] }).features.map((f) => f.properties);

// ---------- shared data, parsed once ----------

const kommuner = new Map(
  geojson<{ kommunenummer: string; kommunenavn: string }>('no-kommuner-2024.geojson').map((p) => [p.kommunenummer, p.kommunenavn] as const),
);
const fylker = new Map(geojson<{ fylkesnummer: string; fylkesnavn: string }>('no-fylker-2024.geojson').map((p) => [p.fylkesnummer, p.fylkesnavn] as const));

interface HistoryRow {
  yearStart: number;
  yearEnd: number | null;
  codeEnd: string | null;
  code: string;
  name: string;
  county: string;
}
/** Rows of real (numbered) municipalities; the CSV also has pseudo codes for Svalbard, Jan Mayen and "unknown". */
const history: HistoryRow[] = (() => {
  const [header, ...rows] = lines(read('no-municipality-history.csv'));
  const cols = header!.split(',');
  const at = (name: string) => cols.indexOf(name);
  const num = (value: string | undefined, prefix: string): string | null => {
    if (!value) return null;
    return value.startsWith(prefix) && /^\d+$/.test(value.slice(prefix.length)) ? value.slice(prefix.length) : null;
  };
  const out: HistoryRow[] = [];
  for (const line of rows) {
    const f = line.split(',');
    const code = num(f[at('municip_code')], 'municip_nor');
    if (code === null) continue;
    out.push({
      yearStart: Number(f[at('year_start')]),
      yearEnd: f[at('year_end')] ? Number(f[at('year_end')]) : null,
      codeEnd: num(f[at('municip_code_end')], 'municip_nor'),
      code,
      name: f[at('municip_name')]!,
      county: num(f[at('county_code')], 'county_nor')!,
    });
  }
  return out;
})();

// The file appends ISO country names after the NUTS rows (AL;Albania after AL;Shqipëria): the first row of a code is the NUTS one.
const nutsCsv = new Map<string, string>();
for (const line of lines(read('nuts-2021.csv')).slice(1)) {
  const i = line.indexOf(';');
  const code = line.slice(0, i);
  if (!nutsCsv.has(code)) nutsCsv.set(code, line.slice(i + 1));
}

const seKommuner = JSON.parse(read('se-kommuner.json')) as Record<string, string>;
const yml = (name: string) => parseYaml(read(`sdg/${name}`)) as Record<string, string>;

// ---------- tests ----------

describe('citations', () => {
  it('every table cites at least one source, each with publisher, title, url and the date checked', () => {
    for (const [table, sources] of Object.entries(referenceSources)) {
      expect(sources.length, table).toBeGreaterThan(0);
      for (const s of sources) {
        expect(s.publisher.trim(), `${table}/${s.id}`).not.toBe('');
        expect(s.title.trim(), `${table}/${s.id}`).not.toBe('');
        expect(s.checked, `${table}/${s.id}`).toBe('2026-11-23');
        if (s.url !== null) expect(s.url, `${table}/${s.id}`).toMatch(/^https:\/\/[^\s]+$/);
      }
      expect(new Set(sources.map((s) => s.id)).size, table).toBe(sources.length);
    }
    // Only the project's own terminology may lack a web address.
    const withoutUrl = Object.values(referenceSources).flat().filter((s) => s.url === null).map((s) => s.id);
    expect(withoutUrl).toEqual(['mulighetsrom-terminology']);
  });
});

describe('Norwegian counties', () => {
  const official = (c: NorwegianCounty | NorwegianMunicipality) => [c.norwegianName, ...c.parallelNames.map((p) => p.name)];

  it('the 15 counties of 2024 have the numbers and names of the Kartverket data', () => {
    expect(fylker.size).toBe(15);
    expect(sorted(norwegianCounties.map((c) => c.number))).toEqual(sorted(fylker.keys()));
    for (const c of norwegianCounties) expect(c.name, c.number).toBe(fylker.get(c.number));
  });

  it('norwegianName and parallel names are exactly the parts of the official name', () => {
    for (const c of norwegianCounties) expect(sorted(official(c)), c.number).toEqual(sorted(c.name.split(' - ')));
    expect(norwegianCounties.find((c) => c.number === '55')?.norwegianName).toBe('Troms');
  });

  it('the 11 counties of 2020–2023 map to the 2024 counties: 30 → 31, 32, 33; 38 → 39, 40; 54 → 55, 56; others unchanged', () => {
    expect(norwegianCounties2020.map((c) => c.number)).toEqual(['03', '11', '15', '18', '30', '34', '38', '42', '46', '50', '54']);
    const split: Record<string, string[]> = { '30': ['31', '32', '33'], '38': ['39', '40'], '54': ['55', '56'] };
    for (const c of norwegianCounties2020) {
      expect(c.successors2024, c.number).toEqual(split[c.number] ?? [c.number]);
      expect(counties2024From2020(c.number)).toEqual(c.successors2024);
    }
    // Every 2024 county has exactly one predecessor, and together they cover the 2020 counties.
    expect(sorted(norwegianCounties2020.flatMap((c) => c.successors2024))).toEqual(sorted(norwegianCounties.map((c) => c.number)));
  });

  it('the county mapping agrees with the municipality history: each municipality moves into a successor of its 2020 county', () => {
    const county2024 = new Map(history.filter((r) => r.yearEnd === null).map((r) => [r.code, r.county] as const));
    for (const r of history.filter((r) => r.yearEnd === 2023)) {
      const to = r.codeEnd ?? r.code;
      expect(counties2024From2020(r.county), r.code).toContain(county2024.get(to));
    }
  });

  it('each county has the NUTS 2021 level-3 region it lies in', () => {
    const byNuts2020 = new Map(norwegianCounties2020.map((c) => [c.number, c.nuts2021] as const));
    for (const c of [...norwegianCounties, ...norwegianCounties2020]) {
      expect(nutsCsv.has(c.nuts2021), c.number).toBe(true);
      expect(c.nuts2021, c.number).toMatch(/^NO.{3}$/);
    }
    // NUTS 2021 level 3 follows the 2020–2023 counties one to one, with the same names.
    for (const c of norwegianCounties2020) expect(nutsCsv.get(c.nuts2021), c.number).toBe(c.norwegianName);
    expect(new Set(norwegianCounties2020.map((c) => c.nuts2021)).size).toBe(11);
    // A 2024 county lies in its predecessor's region.
    for (const c of norwegianCounties) expect(c.nuts2021, c.number).toBe(byNuts2020.get(c.predecessor2020));
    expect(norwegianCounties.filter((c) => c.nuts2021 === 'NO082').map((c) => c.number)).toEqual(['31', '32', '33']);
  });
});

describe('Norwegian municipalities', () => {
  it('the 357 municipalities of 2024 have the numbers and names of the Kartverket data', () => {
    expect(kommuner.size).toBe(357);
    expect(sorted(norwegianMunicipalities.map((m) => m.number))).toEqual(sorted(kommuner.keys()));
    for (const m of norwegianMunicipalities) expect(m.name, m.number).toBe(kommuner.get(m.number));
  });

  it('norwegianName and parallel names are exactly the parts of the official name', () => {
    for (const m of norwegianMunicipalities) {
      expect(sorted([m.norwegianName, ...m.parallelNames.map((p) => p.name)]), m.number).toEqual(sorted(m.name.split(' - ')));
    }
    const kautokeino = norwegianMunicipalities.find((m) => m.number === '5612');
    expect(kautokeino?.norwegianName).toBe('Kautokeino');
    expect(kautokeino?.parallelNames).toEqual([{ language: 'smi', name: 'Guovdageaidnu' }]);
  });

  it('each 2024 municipality is in the county of the municipality history (and of its number)', () => {
    const current = new Map(history.filter((r) => r.yearEnd === null).map((r) => [r.code, r.county] as const));
    expect(current.size).toBe(357);
    for (const m of norwegianMunicipalities) {
      expect(m.county, m.number).toBe(current.get(m.number));
      expect(countyOfMunicipality(m.number), m.number).toBe(m.county);
      expect(isKnownNorwegianCounty(m.county)).toBe(true);
    }
  });

  it('the 2020→2024 mapping agrees with the municipality history', () => {
    // Municipalities of 2020–2023: in force in 2020 and not ended before it.
    const expected = new Map<string, { county: string; to: Set<string>; name: string }>();
    for (const r of history) {
      if (r.yearStart > 2020 || (r.yearEnd !== null && r.yearEnd < 2020)) continue;
      const e = expected.get(r.code) ?? { county: r.county, to: new Set<string>(), name: r.name };
      e.to.add(r.codeEnd ?? r.code);
      expected.set(r.code, e);
    }
    expect(expected.size).toBe(356);
    expect(sorted(municipalityChanges2020To2024.map((c) => c.number2020))).toEqual(sorted(expected.keys()));
    for (const c of municipalityChanges2020To2024) {
      const e = expected.get(c.number2020)!;
      expect(sorted(c.to2024), c.number2020).toEqual(sorted(e.to));
      expect(c.county2020, c.number2020).toBe(e.county);
      expect(municipality2024From2020(c.number2020)).toEqual(c.to2024);
      expect(countyOfMunicipality(c.number2020, 2020)).toBe(c.county2020);
      // The history file writes parallel names without spaces ("Loabák-Lavangen") and Voss as "Voss herad".
      const historyName = e.name.replace(/ herad$/, '');
      expect(historyName === c.norwegianName || historyName.split('-').includes(c.norwegianName), `${c.number2020} ${e.name}`).toBe(true);
    }
  });

  it('knows the 2024 changes: renumbering in the split counties and the Ålesund/Haram split', () => {
    expect(municipality2024From2020('3002')).toEqual(['3103']); // Moss
    expect(municipality2024From2020('3024')).toEqual(['3201']); // Bærum
    expect(municipality2024From2020('3805')).toEqual(['3909']); // Larvik
    expect(municipality2024From2020('5444')).toEqual(['5605']); // Sør-Varanger
    expect(municipality2024From2020('1507')).toEqual(['1508', '1580']); // Ålesund → Ålesund, Haram
    expect(municipality2024From2020('4602')).toEqual(['4602']); // Kinn was not split
    expect(municipality2024From2020('0301')).toEqual(['0301']);
    expect(municipality2024From2020('3103')).toBeUndefined(); // a 2024 number, not a 2020 one
    const kinds = (kind: string) => municipalityChanges2020To2024.filter((c) => c.change === kind).map((c) => c.number2020);
    expect(kinds('split')).toEqual(['1507']);
    expect(kinds('renumbered').every((n) => ['30', '38', '54'].includes(n.slice(0, 2)))).toBe(true);
    expect(kinds('renumbered').length).toBe(51 + 23 + 39);
    expect(countyOfMunicipality('3103')).toBe('31');
    expect(countyOfMunicipality('3002')).toBeUndefined();
    expect(isKnownNorwegianMunicipality('1580')).toBe(true);
    expect(isKnownNorwegianMunicipality('1507')).toBe(false);
  });
});

describe('Swedish counties and municipalities', () => {
  it('the 290 municipalities have the codes and names of se-kommuner.json', () => {
    expect(Object.keys(seKommuner).length).toBe(290);
    expect(sorted(swedishMunicipalities.map((m) => m.code))).toEqual(sorted(Object.keys(seKommuner)));
    for (const m of swedishMunicipalities) {
      expect(m.name, m.code).toBe(seKommuner[m.code]);
      expect(m.county, m.code).toBe(m.code.slice(0, 2));
      expect(isKnownSwedishMunicipality(m.code)).toBe(true);
    }
  });

  it('the 21 län are exactly the länskoder the municipalities use, and each is named as its NUTS 2021 region', () => {
    expect(swedishCounties.length).toBe(21);
    expect(sorted(swedishCounties.map((c) => c.code))).toEqual(sorted(new Set(Object.keys(seKommuner).map((k) => k.slice(0, 2)))));
    for (const c of swedishCounties) {
      expect(nutsCsv.get(c.nuts2021), c.code).toBe(c.name);
      expect(isKnownSwedishCounty(c.code)).toBe(true);
    }
    // All 21 Swedish NUTS-3 regions are used once.
    const se3 = [...nutsCsv.keys()].filter((k) => k.startsWith('SE') && k.length === 5);
    expect(sorted(swedishCounties.map((c) => c.nuts2021))).toEqual(sorted(se3));
    expect(swedishCounties.find((c) => c.code === '17')?.name).toBe('Värmlands län');
  });
});

describe('NUTS 2021', () => {
  it('every listed region exists in nuts-2021.csv with the same name, and its level is the code length minus 2', () => {
    for (const r of nutsRegions) {
      expect(nutsCsv.get(r.code), r.code).toBe(r.name);
      expect(r.level, r.code).toBe(r.code.length - 2);
    }
  });

  it('covers all levels of the programme-area countries', () => {
    expect(sorted(NUTS_COUNTRIES)).toEqual(sorted(['NO', 'SE', 'DK', 'FI', 'IS', 'DE', 'NL', 'BE', 'FR', 'IE', 'PL', 'EE', 'LV', 'LT']));
    const expected = [...nutsCsv.keys()].filter((k) => NUTS_COUNTRIES.includes(k.slice(0, 2)) || (NUTS_COUNTRY_ONLY.includes(k) && k.length === 2));
    expect(sorted(nutsRegions.map((r) => r.code))).toEqual(sorted(expected));
    for (const country of NUTS_COUNTRIES) {
      for (const level of [0, 1, 2, 3]) {
        expect(nutsRegions.some((r) => r.code.startsWith(country) && r.level === level), `${country} level ${level}`).toBe(true);
      }
    }
  });

  it('answers lookups', () => {
    expect(isKnownNuts('NO082')).toBe(true);
    expect(nutsRegion('NO08')?.name).toBe('Oslo og Viken');
    expect(isKnownNuts('SE311')).toBe(true);
    expect(isKnownNuts('NO083')).toBe(false);
    expect(isKnownNuts('AT1')).toBe(false); // exists in NUTS, but outside the covered countries
    expect(isKnownNuts('no082')).toBe(false);
  });
});

describe('SDGs', () => {
  const en = yml('en_global_goals.yml');
  const nb = yml('nb_NO_global_goals.yml');

  it('the 17 goals have the en and nb short names and titles of the shared yml files', () => {
    expect(sdgGoals.map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const g of sdgGoals) {
      expect(g.names.en, `goal ${g.number}`).toBe(ws(en[`${g.number}-short`]!));
      expect(g.names.nb, `goal ${g.number}`).toBe(ws(nb[`${g.number}-short`]!));
      expect(g.titles.en, `goal ${g.number}`).toBe(ws(en[`${g.number}-title`]!));
      expect(g.titles.nb, `goal ${g.number}`).toBe(ws(nb[`${g.number}-title`]!));
    }
  });

  it('every goal has a name in all four languages; the nn and sv names are their own texts', () => {
    for (const g of sdgGoals) {
      for (const lang of LANGUAGES) expect(g.names[lang].trim(), `goal ${g.number} ${lang}`).not.toBe('');
    }
    const distinct = (lang: 'nn' | 'sv') => new Set(sdgGoals.map((g) => g.names[lang])).size;
    expect(distinct('nn')).toBe(17);
    expect(distinct('sv')).toBe(17);
    // Guards against a bokmål name pasted into nn, or a Norwegian name into sv.
    const bokmaalOnly = /\b(Bærekraftige|byer|Rent|vann|Ren|sult|ulikhet|Ansvarlig|klimaendringene|kjønnene|institusjoner|målene)\b/;
    expect(sdgGoals.filter((g) => bokmaalOnly.test(g.names.nn)).map((g) => g.names.nn)).toEqual([]);
    expect(sdgGoals.filter((g) => /[æøÆØ]/.test(g.names.sv)).map((g) => g.names.sv)).toEqual([]);
    expect(sdgGoals.filter((g) => g.names.sv === g.names.en)).toEqual([]);
  });

  it('the 169 targets have the en texts of the shared yml, and the nb texts where the source has a usable one', () => {
    const ten = yml('en_global_targets.yml');
    const tnb = yml('nb_NO_global_targets.yml');
    const keys = Object.keys(ten);
    expect(sorted(sdgTargets.map((t) => `${t.id.replace('.', '-')}-title`))).toEqual(sorted(keys));
    const seen = new Set<string>();
    for (const t of sdgTargets) {
      const key = `${t.id.replace('.', '-')}-title`;
      expect(t.en, t.id).toBe(ws(ten[key]!));
      const nbText = ws(tnb[key]!);
      // A bokmål text that repeats an earlier target's is a copy error in the source and is left out.
      expect(t.nb, t.id).toBe(seen.has(nbText) ? null : nbText);
      seen.add(nbText);
    }
    expect(sdgTargets.filter((t) => t.nb === null).map((t) => t.id)).toEqual(['1.a', '10.3']);
  });
});

describe('code names', () => {
  const lists = {
    applicantType: APPLICANT_TYPES,
    municipalSector: MUNICIPAL_SECTORS,
    programmeKind: PROGRAMME_KINDS,
    interregStrand: INTERREG_STRANDS,
    programmeStatus: PROGRAMME_STATUSES,
    projectType: PROJECT_TYPES,
    policyObjective: POLICY_OBJECTIVES,
  } as const;

  it('names exactly the codes of codes.ts, in all four languages, with distinct names within a list', () => {
    expect(sorted(Object.keys(CODE_NAMES))).toEqual(sorted(Object.keys(lists)));
    for (const [list, codes] of Object.entries(lists) as [keyof typeof lists, readonly string[]][]) {
      const names = CODE_NAMES[list] as Record<string, Record<string, string>>;
      expect(sorted(Object.keys(names)), list).toEqual(sorted(codes));
      for (const lang of LANGUAGES) {
        for (const code of codes) expect(names[code]?.[lang]?.trim(), `${list}.${code}.${lang}`).toBeTruthy();
        expect(new Set(codes.map((code) => names[code]![lang])).size, `${list} ${lang}`).toBe(codes.length);
      }
    }
  });

  it('names the cohesion-policy and Interreg objectives', () => {
    expect(CODE_NAMES.policyObjective.PO1.en).toMatch(/smarter Europe/);
    expect(CODE_NAMES.policyObjective.PO2.en).toMatch(/greener/);
    expect(CODE_NAMES.policyObjective.PO3.en).toMatch(/more connected Europe/);
    expect(CODE_NAMES.policyObjective.PO4.en).toMatch(/more social/);
    expect(CODE_NAMES.policyObjective.PO5.en).toMatch(/closer to citizens/);
    expect(CODE_NAMES.policyObjective.ISO6.en).toMatch(/better cooperation governance/);
    expect(CODE_NAMES.policyObjective.ISO7.en).toMatch(/safer and more secure Europe/);
  });
});
