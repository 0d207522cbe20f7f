/**
 * NUTS 2021 regions (Eurostat), levels 0–3, of the countries the Nordic and Interreg programme areas in
 * the catalogue name. Names are Eurostat's Latin-script names. Extra-Regio codes (xxZ, xxZZ, xxZZZ) are
 * not included.
 */
import data from './nuts.json' with { type: 'json' };
import { fail, matches, unique } from './check.js';
import type { ReferenceSource } from './types.js';

const TABLE = 'nuts';

export type NutsLevel = 0 | 1 | 2 | 3;

export interface NutsRegion {
  /** E.g. "NO", "NO0", "NO08", "NO082". */
  code: string;
  name: string;
  /** 0 = country, 1–3 = NUTS levels; always the code's length minus 2. */
  level: NutsLevel;
}

export const nutsSources: readonly ReferenceSource[] = data.sources;

/** ISO country codes (as NUTS level 0) covered by the table. */
export const NUTS_COUNTRIES: readonly string[] = data.countries;

/** Other NUTS countries, listed at level 0 only: enough for programme areas that take whole countries. */
export const NUTS_COUNTRY_ONLY: readonly string[] = data.countryOnly;

export const nutsRegions: readonly NutsRegion[] = data.regions.map((r) => {
  const code = matches(TABLE, r.code, /^[A-Z]{2}[0-9A-Z]{0,3}$/, 'NUTS code');
  if (r.level !== code.length - 2) fail(TABLE, `${code} has level ${r.level}`);
  const country = code.slice(0, 2);
  if (!NUTS_COUNTRIES.includes(country) && !(NUTS_COUNTRY_ONLY.includes(country) && r.level === 0)) fail(TABLE, `${code} is outside the covered countries`);
  return { code, name: r.name, level: r.level as NutsLevel };
});

unique(TABLE, nutsRegions, (r) => r.code, 'NUTS code');
{
  const codes = new Set(nutsRegions.map((r) => r.code));
  for (const r of nutsRegions) {
    if (r.level > 0 && !codes.has(r.code.slice(0, -1))) fail(TABLE, `${r.code} has no parent ${r.code.slice(0, -1)}`);
  }
}
