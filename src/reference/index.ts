/**
 * The project's reference tables, compiled from cited sources (see `referenceSources`), and lookups on them.
 *
 * Norwegian counties and municipalities are given in the structure in force from 1 January 2024 unless a
 * name says otherwise; the 2020–2023 structure is kept for history and for mapping old numbers.
 */
import { norwegianCounties, norwegianCounties2020, norwegianCountySources } from './norwegian-counties.js';
import type { NorwegianCounty, NorwegianCounty2020 } from './norwegian-counties.js';
import { municipalityChanges2020To2024, norwegianMunicipalities, norwegianMunicipalitySources } from './norwegian-municipalities.js';
import type { NorwegianMunicipality } from './norwegian-municipalities.js';
import { swedishCounties, swedishCountySources } from './swedish-counties.js';
import type { SwedishCounty } from './swedish-counties.js';
import { swedishMunicipalities, swedishMunicipalitySources } from './swedish-municipalities.js';
import type { SwedishMunicipality } from './swedish-municipalities.js';
import { NUTS_COUNTRIES, NUTS_COUNTRY_ONLY, nutsRegions, nutsSources } from './nuts.js';
import type { NutsRegion } from './nuts.js';
import { sdgGoals, sdgSources, sdgTargets } from './sdg.js';
import type { SdgGoal } from './sdg.js';
import { CODE_NAMES, codeNameSources } from './code-names.js';
import { indexBy } from './check.js';
import type { ReferenceSource } from './types.js';

export type { LocalisedName, ParallelName, ReferenceSource } from './types.js';
export type { NorwegianCounty, NorwegianCounty2020 } from './norwegian-counties.js';
export type { MunicipalityChange, MunicipalityChange2020To2024, NorwegianMunicipality } from './norwegian-municipalities.js';
export type { SwedishCounty } from './swedish-counties.js';
export type { SwedishMunicipality } from './swedish-municipalities.js';
export type { NutsLevel, NutsRegion } from './nuts.js';
export type { SdgGoal, SdgTarget } from './sdg.js';
export type { CodeNames } from './code-names.js';
export {
  CODE_NAMES,
  NUTS_COUNTRIES,
  NUTS_COUNTRY_ONLY,
  municipalityChanges2020To2024,
  norwegianCounties,
  norwegianCounties2020,
  norwegianMunicipalities,
  nutsRegions,
  sdgGoals,
  sdgTargets,
  swedishCounties,
  swedishMunicipalities,
};

export type ReferenceTable =
  | 'norwegianCounties'
  | 'norwegianMunicipalities'
  | 'swedishCounties'
  | 'swedishMunicipalities'
  | 'nuts'
  | 'sdg'
  | 'codeNames';

/** The citations of each table: publisher, title, url, the date checked, and which facts rest on each. */
export const referenceSources: Readonly<Record<ReferenceTable, readonly ReferenceSource[]>> = {
  norwegianCounties: norwegianCountySources,
  norwegianMunicipalities: norwegianMunicipalitySources,
  swedishCounties: swedishCountySources,
  swedishMunicipalities: swedishMunicipalitySources,
  nuts: nutsSources,
  sdg: sdgSources,
  codeNames: codeNameSources,
};

const countyByNumber = indexBy(norwegianCounties, (c) => c.number);
const county2020ByNumber = indexBy(norwegianCounties2020, (c) => c.number);
const municipalityByNumber = indexBy(norwegianMunicipalities, (m) => m.number);
const changeByNumber2020 = indexBy(municipalityChanges2020To2024, (c) => c.number2020);
const swedishCountyByCode = indexBy(swedishCounties, (c) => c.code);
const swedishMunicipalityByCode = indexBy(swedishMunicipalities, (m) => m.code);
const nutsByCode = indexBy(nutsRegions, (r) => r.code);
const goalByNumber = new Map(sdgGoals.map((g) => [g.number, g] as const));

/** True for a NUTS 2021 code (levels 0–3) of a covered country (`NUTS_COUNTRIES`). */
export const isKnownNuts = (code: string): boolean => nutsByCode.has(code);
/** True for a county number of the 2024 structure ("03" … "56"). */
export const isKnownNorwegianCounty = (number: string): boolean => countyByNumber.has(number);
/** True for a municipality number of the 2024 structure. */
export const isKnownNorwegianMunicipality = (number: string): boolean => municipalityByNumber.has(number);
/** True for a Swedish länskod. */
export const isKnownSwedishCounty = (code: string): boolean => swedishCountyByCode.has(code);
/** True for a Swedish kommunkod. */
export const isKnownSwedishMunicipality = (code: string): boolean => swedishMunicipalityByCode.has(code);

export const nutsRegion = (code: string): NutsRegion | undefined => nutsByCode.get(code);
export const norwegianCounty = (number: string): NorwegianCounty | undefined => countyByNumber.get(number);
export const norwegianCounty2020 = (number: string): NorwegianCounty2020 | undefined => county2020ByNumber.get(number);
export const norwegianMunicipality = (number: string): NorwegianMunicipality | undefined => municipalityByNumber.get(number);
export const swedishCounty = (code: string): SwedishCounty | undefined => swedishCountyByCode.get(code);
export const swedishMunicipality = (code: string): SwedishMunicipality | undefined => swedishMunicipalityByCode.get(code);
export const sdgGoal = (number: number): SdgGoal | undefined => goalByNumber.get(number);

/**
 * The county number of a municipality: by default of a 2024 municipality number in the 2024 structure
 * ("3103" → "31"); with `structure` 2020, of a 2020–2023 number in that structure ("3002" → "30").
 * Undefined for a number that did not exist in the structure asked for.
 */
export function countyOfMunicipality(number: string, structure: 2020 | 2024 = 2024): string | undefined {
  if (structure === 2020) return changeByNumber2020.get(number)?.county2020;
  return municipalityByNumber.get(number)?.county;
}

/**
 * The 2024 municipality numbers that cover a municipality of the 2020–2023 structure: one number ("3002"
 * Moss → ["3103"], "0301" → ["0301"]) or two for Ålesund ("1507" → ["1508", "1580"]). Undefined for a
 * number that was not a municipality in 2020–2023.
 */
export function municipality2024From2020(number: string): readonly string[] | undefined {
  return changeByNumber2020.get(number)?.to2024;
}

/** The 2024 counties that cover a county of 2020–2023 ("30" Viken → ["31", "32", "33"]). */
export function counties2024From2020(number: string): readonly string[] | undefined {
  return county2020ByNumber.get(number)?.successors2024;
}
