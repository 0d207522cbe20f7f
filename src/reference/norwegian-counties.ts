/**
 * Norwegian counties (fylker): the 15 of the 2024 structure and the 11 of 2020–2023, with the mapping
 * between them and each county's NUTS 2021 region. Compiled from SSB's KLASS 104 (see `sources`).
 */
import data from './norwegian-counties.json' with { type: 'json' };
import { count, fail, matches, oneOf, unique } from './check.js';
import type { ParallelName, ReferenceSource } from './types.js';

const TABLE = 'norwegian-counties';

/** A county of the structure in force from 1 January 2024. */
export interface NorwegianCounty {
  /** Two-digit county number, e.g. "31". */
  number: string;
  /** Official name as SSB and Kartverket give it, Sámi/Kven parallel names included: "Troms - Romsa - Tromssa". */
  name: string;
  /** The Norwegian-language name alone: "Troms". */
  norwegianName: string;
  parallelNames: readonly ParallelName[];
  /** Number of the 2020–2023 county it was part of ("30" for Østfold, Akershus and Buskerud). */
  predecessor2020: string;
  /**
   * NUTS 2021 level-3 region the county lies in. NUTS 2021 still has the pre-2024 regions, so Østfold,
   * Akershus and Buskerud share NO082 (Viken), Vestfold and Telemark NO091, Troms and Finnmark NO074.
   */
  nuts2021: string;
}

/** A county of the structure in force from 1 January 2020 to 31 December 2023. */
export interface NorwegianCounty2020 {
  number: string;
  /** The Norwegian-language name ("Viken", "Troms og Finnmark"). */
  norwegianName: string;
  parallelNames: readonly ParallelName[];
  /** The 2024 counties that cover it: one, or several for a county split on 1 January 2024. */
  successors2024: readonly string[];
  nuts2021: string;
}

const parallel = (names: readonly { language: string; name: string }[] | undefined): ParallelName[] =>
  (names ?? []).map((p) => ({ language: oneOf(TABLE, p.language, ['smi', 'fkv'] as const, 'parallel-name language'), name: p.name }));

export const norwegianCountySources: readonly ReferenceSource[] = data.sources;

export const norwegianCounties: readonly NorwegianCounty[] = data.counties2024.map((c) => ({
  number: matches(TABLE, c.number, /^\d{2}$/, 'county number'),
  name: c.name,
  norwegianName: c.norwegianName,
  parallelNames: parallel(c.parallelNames),
  predecessor2020: matches(TABLE, c.predecessor2020, /^\d{2}$/, 'county number'),
  nuts2021: matches(TABLE, c.nuts2021, /^NO0[0-9A-Z]\d$/, 'NUTS-3 code'),
}));

export const norwegianCounties2020: readonly NorwegianCounty2020[] = data.counties2020.map((c) => ({
  number: matches(TABLE, c.number, /^\d{2}$/, 'county number'),
  norwegianName: c.norwegianName,
  parallelNames: parallel(c.parallelNames),
  successors2024: c.successors2024,
  nuts2021: matches(TABLE, c.nuts2021, /^NO0[0-9A-Z]\d$/, 'NUTS-3 code'),
}));

count(TABLE, norwegianCounties, 15, 'counties of 2024');
count(TABLE, norwegianCounties2020, 11, 'counties of 2020–2023');
unique(TABLE, norwegianCounties, (c) => c.number, 'county number');
unique(TABLE, norwegianCounties2020, (c) => c.number, 'county number');
for (const c of norwegianCounties2020) {
  for (const s of c.successors2024) {
    const successor = norwegianCounties.find((n) => n.number === s);
    if (!successor || successor.predecessor2020 !== c.number) fail(TABLE, `county ${c.number} → ${s} is not mirrored by predecessor2020`);
  }
}
