/** Swedish counties (län): the 21 länskoder and names of Statistics Sweden (SCB), with their NUTS 2021 region. */
import data from './swedish-counties.json' with { type: 'json' };
import { count, matches, unique } from './check.js';
import type { ReferenceSource } from './types.js';

const TABLE = 'swedish-counties';

export interface SwedishCounty {
  /** Two-digit länskod, e.g. "17" (Värmlands län). */
  code: string;
  name: string;
  /** NUTS 2021 level-3 region; each län is one (SE110 … SE332). */
  nuts2021: string;
}

export const swedishCountySources: readonly ReferenceSource[] = data.sources;

export const swedishCounties: readonly SwedishCounty[] = data.counties.map((c) => ({
  code: matches(TABLE, c.code, /^\d{2}$/, 'länskod'),
  name: c.name,
  nuts2021: matches(TABLE, c.nuts2021, /^SE\d{3}$/, 'NUTS-3 code'),
}));

count(TABLE, swedishCounties, 21, 'län');
unique(TABLE, swedishCounties, (c) => c.code, 'länskod');
unique(TABLE, swedishCounties, (c) => c.nuts2021, 'NUTS code');
