/**
 * Where an applicant or partner is, in the terms programme areas use: country, Norwegian county (2024),
 * Swedish län, and every NUTS 2021 code that contains the place. Pure lookups on the reference tables.
 */
import type { Programme } from '../catalogue/schema.js';
import {
  isKnownNuts,
  municipality2024From2020,
  norwegianCounty,
  norwegianCounty2020,
  norwegianMunicipality,
  swedishCounty,
  swedishMunicipality,
} from '../reference/index.js';

export interface PlaceInput {
  country: string;
  municipality?: string | undefined;
  region?: string | undefined;
}

export interface Place {
  country: string;
  norwegianMunicipality?: string;
  norwegianCounty?: string;
  swedishMunicipality?: string;
  swedishCounty?: string;
  /** All NUTS codes containing the place, country first: ['NO', 'NO0', 'NO08', 'NO082']. */
  nuts: string[];
  /** True when only the country is known. */
  countryOnly: boolean;
}

export type PlaceProblem =
  | { field: 'municipality'; reason: 'unknown-municipality'; value: string }
  | { field: 'municipality'; reason: 'municipality-country-mismatch'; value: string }
  | { field: 'region'; reason: 'unknown-region'; value: string }
  | { field: 'region'; reason: 'old-county'; value: string; successors: readonly string[] };

const nutsChain = (code: string): string[] => Array.from({ length: code.length - 1 }, (_, i) => code.slice(0, i + 2));

export function resolvePlace(input: PlaceInput): { place: Place } | { problem: PlaceProblem } {
  const place: Place = { country: input.country, nuts: [input.country], countryOnly: true };
  if (input.municipality !== undefined) {
    if (input.country === 'NO') {
      const successors = municipality2024From2020(input.municipality);
      const number = norwegianMunicipality(input.municipality) ? input.municipality : successors?.length === 1 ? successors[0] : undefined;
      const municipality = number ? norwegianMunicipality(number) : undefined;
      if (!municipality) return { problem: { field: 'municipality', reason: 'unknown-municipality', value: input.municipality } };
      const county = norwegianCounty(municipality.county);
      place.norwegianMunicipality = municipality.number;
      place.norwegianCounty = municipality.county;
      place.nuts = county ? nutsChain(county.nuts2021) : place.nuts;
    } else if (input.country === 'SE') {
      const municipality = swedishMunicipality(input.municipality);
      if (!municipality) return { problem: { field: 'municipality', reason: 'unknown-municipality', value: input.municipality } };
      const county = swedishCounty(municipality.code.slice(0, 2));
      place.swedishMunicipality = municipality.code;
      place.swedishCounty = municipality.code.slice(0, 2);
      place.nuts = county ? nutsChain(county.nuts2021) : place.nuts;
    } else {
      return { problem: { field: 'municipality', reason: 'municipality-country-mismatch', value: input.municipality } };
    }
    place.countryOnly = false;
  }
  if (input.region !== undefined && place.countryOnly) {
    const region = input.region.toUpperCase();
    if (/^\d{2}$/.test(region) && input.country === 'NO') {
      const county = norwegianCounty(region);
      if (!county) {
        const old = norwegianCounty2020(region);
        if (old && old.successors2024.length > 1) return { problem: { field: 'region', reason: 'old-county', value: input.region, successors: old.successors2024 } };
        const successor = old ? norwegianCounty(old.successors2024[0] ?? '') : undefined;
        if (!successor) return { problem: { field: 'region', reason: 'unknown-region', value: input.region } };
        place.norwegianCounty = successor.number;
        place.nuts = nutsChain(successor.nuts2021);
      } else {
        place.norwegianCounty = county.number;
        place.nuts = nutsChain(county.nuts2021);
      }
    } else if (/^\d{2}$/.test(region) && input.country === 'SE') {
      const county = swedishCounty(region);
      if (!county) return { problem: { field: 'region', reason: 'unknown-region', value: input.region } };
      place.swedishCounty = county.code;
      place.nuts = nutsChain(county.nuts2021);
    } else if (isKnownNuts(region) && region.startsWith(input.country === 'GR' ? 'EL' : input.country === 'GB' ? 'UK' : input.country)) {
      place.nuts = nutsChain(region);
    } else {
      return { problem: { field: 'region', reason: 'unknown-region', value: input.region } };
    }
    place.countryOnly = place.nuts.length <= 2;
  }
  return { place };
}

export type AreaMatch = 'inside' | 'outside' | 'unknown';

/** NUTS uses EL for Greece and UK for the United Kingdom; ISO uses GR and GB. */
const nutsCountry = (country: string) => (country === 'GR' ? 'EL' : country === 'GB' ? 'UK' : country);

/**
 * Is the place inside the programme area? County lists decide for their country when the place's county
 * is known (NUTS 2021 regions can hold several 2024 counties); `unknown` when only the country is known
 * and the area covers part of it, or when a NUTS region of the area covers the place only in part.
 */
export function matchArea(place: Place, area: Programme['area']): AreaMatch {
  const country = nutsCountry(place.country);
  if (area.wholeCountries?.includes(place.country) || area.nuts.includes(country)) return 'inside';
  if (place.norwegianMunicipality && area.norwegianMunicipalities?.includes(place.norwegianMunicipality)) return 'inside';
  if (place.norwegianCounty && area.norwegianCounties?.length) return area.norwegianCounties.includes(place.norwegianCounty) ? 'inside' : 'outside';
  if (place.swedishCounty && area.swedishCounties?.length) return area.swedishCounties.includes(place.swedishCounty) ? 'inside' : 'outside';
  if (area.nuts.some((code) => place.nuts.includes(code))) return 'inside';

  const coversPartOfCountry =
    area.nuts.some((code) => code.startsWith(country)) ||
    (country === 'NO' && (area.norwegianCounties?.length ?? 0) > 0) ||
    (country === 'SE' && (area.swedishCounties?.length ?? 0) > 0);
  if (!coversPartOfCountry) return 'outside';
  if (place.countryOnly) return 'unknown';
  const deepest = place.nuts[place.nuts.length - 1] ?? '';
  return area.nuts.some((code) => code.startsWith(deepest)) ? 'unknown' : 'outside';
}
