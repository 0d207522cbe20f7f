/** Swedish municipalities (kommuner): the 290 kommunkoder and names of Statistics Sweden (SCB). */
import data from './swedish-municipalities.json' with { type: 'json' };
import { count, fail, matches, unique } from './check.js';
import { swedishCounties } from './swedish-counties.js';
import type { ReferenceSource } from './types.js';

const TABLE = 'swedish-municipalities';

export interface SwedishMunicipality {
  /** Four-digit kommunkod, e.g. "1780" (Karlstad). */
  code: string;
  name: string;
  /** Länskod: the first two digits of the kommunkod. */
  county: string;
}

export const swedishMunicipalitySources: readonly ReferenceSource[] = data.sources;

export const swedishMunicipalities: readonly SwedishMunicipality[] = data.municipalities.map((m) => ({
  code: matches(TABLE, m.code, /^\d{4}$/, 'kommunkod'),
  name: m.name,
  county: matches(TABLE, m.county, /^\d{2}$/, 'länskod'),
}));

count(TABLE, swedishMunicipalities, 290, 'kommuner');
unique(TABLE, swedishMunicipalities, (m) => m.code, 'kommunkod');
{
  const counties = new Set(swedishCounties.map((c) => c.code));
  for (const m of swedishMunicipalities) {
    if (m.county !== m.code.slice(0, 2) || !counties.has(m.county)) fail(TABLE, `kommun ${m.code} has län ${m.county}`);
  }
}
