/**
 * Norwegian municipalities (kommuner): the 357 of the 2024 structure, and the mapping from the 356 of
 * 2020–2023 to them. Compiled from SSB's KLASS 131 (see `sources`).
 *
 * On 1 January 2024 the municipalities of the split counties got new numbers (Moss 3002 → 3103) and
 * Ålesund (1507) was split into Ålesund (1508) and Haram (1580); all other numbers stayed.
 */
import data from './norwegian-municipalities.json' with { type: 'json' };
import { count, fail, matches, oneOf, unique } from './check.js';
import { norwegianCounties, norwegianCounties2020 } from './norwegian-counties.js';
import type { ParallelName, ReferenceSource } from './types.js';

const TABLE = 'norwegian-municipalities';

export interface NorwegianMunicipality {
  /** Four-digit municipality number; its first two digits are the county number. */
  number: string;
  /** Official name as SSB and Kartverket give it, parallel names included: "Guovdageaidnu - Kautokeino". */
  name: string;
  /** The Norwegian-language name alone: "Kautokeino". */
  norwegianName: string;
  parallelNames: readonly ParallelName[];
  /** Two-digit number of the 2024 county. */
  county: string;
}

export const MUNICIPALITY_CHANGES = ['unchanged', 'renumbered', 'split'] as const;
export type MunicipalityChange = (typeof MUNICIPALITY_CHANGES)[number];

/** What became of a municipality of the 2020–2023 structure on 1 January 2024. */
export interface MunicipalityChange2020To2024 {
  number2020: string;
  /** The Norwegian-language name in 2020–2023. */
  norwegianName: string;
  /** Two-digit number of the 2020–2023 county. */
  county2020: string;
  /** The 2024 municipality numbers that cover it (two for a split). */
  to2024: readonly string[];
  change: MunicipalityChange;
}

export const norwegianMunicipalitySources: readonly ReferenceSource[] = data.sources;

export const norwegianMunicipalities: readonly NorwegianMunicipality[] = data.municipalities2024.map((m) => ({
  number: matches(TABLE, m.number, /^\d{4}$/, 'municipality number'),
  name: m.name,
  norwegianName: m.norwegianName,
  parallelNames: (m.parallelNames ?? []).map((p) => ({
    language: oneOf(TABLE, p.language, ['smi', 'fkv'] as const, 'parallel-name language'),
    name: p.name,
  })),
  county: matches(TABLE, m.county, /^\d{2}$/, 'county number'),
}));

export const municipalityChanges2020To2024: readonly MunicipalityChange2020To2024[] = data.changes2020to2024.map((c) => ({
  number2020: matches(TABLE, c.number2020, /^\d{4}$/, 'municipality number'),
  norwegianName: c.norwegianName,
  county2020: matches(TABLE, c.county2020, /^\d{2}$/, 'county number'),
  to2024: c.to2024,
  change: oneOf(TABLE, c.change, MUNICIPALITY_CHANGES, 'change'),
}));

count(TABLE, norwegianMunicipalities, 357, 'municipalities of 2024');
count(TABLE, municipalityChanges2020To2024, 356, 'municipalities of 2020–2023');
unique(TABLE, norwegianMunicipalities, (m) => m.number, 'municipality number');
unique(TABLE, municipalityChanges2020To2024, (m) => m.number2020, 'municipality number');
{
  const counties2024 = new Set(norwegianCounties.map((c) => c.number));
  const counties2020 = new Map(norwegianCounties2020.map((c) => [c.number, c] as const));
  const byNumber = new Map(norwegianMunicipalities.map((m) => [m.number, m] as const));
  for (const m of norwegianMunicipalities) {
    if (!counties2024.has(m.county) || m.number.slice(0, 2) !== m.county) fail(TABLE, `municipality ${m.number} has county ${m.county}`);
  }
  for (const c of municipalityChanges2020To2024) {
    const county = counties2020.get(c.county2020);
    if (!county || c.number2020.slice(0, 2) !== c.county2020) fail(TABLE, `2020 municipality ${c.number2020} has county ${c.county2020}`);
    if (c.to2024.length === 0) fail(TABLE, `2020 municipality ${c.number2020} maps to nothing`);
    for (const n of c.to2024) {
      const target = byNumber.get(n);
      if (!target) fail(TABLE, `2020 municipality ${c.number2020} maps to unknown ${n}`);
      if (!county.successors2024.includes(target.county)) fail(TABLE, `${c.number2020} → ${n} leaves county ${c.county2020}`);
    }
    const expected: MunicipalityChange = c.to2024.length > 1 ? 'split' : c.to2024[0] === c.number2020 ? 'unchanged' : 'renumbered';
    if (c.change !== expected) fail(TABLE, `2020 municipality ${c.number2020} is marked ${c.change}, expected ${expected}`);
  }
}
