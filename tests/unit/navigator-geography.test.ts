import { describe, expect, it } from 'vitest';
import { matchArea, resolvePlace, type Place } from '../../src/navigator/geography.js';

const place = (input: Parameters<typeof resolvePlace>[0]): Place => {
  const resolved = resolvePlace(input);
  if (!('place' in resolved)) throw new Error(JSON.stringify(resolved.problem));
  return resolved.place;
};

describe('resolving places', () => {
  it('finds county and NUTS of a Norwegian municipality (2024 numbers)', () => {
    expect(place({ country: 'NO', municipality: '3103' })).toMatchObject({ norwegianMunicipality: '3103', norwegianCounty: '31', nuts: ['NO', 'NO0', 'NO08', 'NO082'], countryOnly: false });
  });

  it('maps a 2020 municipality number to its 2024 number', () => {
    expect(place({ country: 'NO', municipality: '3002' })).toMatchObject({ norwegianMunicipality: '3103', norwegianCounty: '31' });
  });

  it('finds the län of a Swedish kommun', () => {
    expect(place({ country: 'SE', municipality: '1780' })).toMatchObject({ swedishMunicipality: '1780', swedishCounty: '17' });
  });

  it('accepts county numbers and NUTS codes as regions', () => {
    expect(place({ country: 'NO', region: '18' })).toMatchObject({ norwegianCounty: '18', countryOnly: false });
    expect(place({ country: 'SE', region: 'SE311' })).toMatchObject({ nuts: ['SE', 'SE3', 'SE31', 'SE311'], countryOnly: false });
    expect(place({ country: 'DK' })).toMatchObject({ nuts: ['DK'], countryOnly: true });
  });

  it('names the field of what it cannot resolve', () => {
    expect(resolvePlace({ country: 'NO', municipality: '9999' })).toEqual({ problem: { field: 'municipality', reason: 'unknown-municipality', value: '9999' } });
    expect(resolvePlace({ country: 'NO', region: 'SE311' })).toMatchObject({ problem: { field: 'region', reason: 'unknown-region' } });
    expect(resolvePlace({ country: 'NO', region: '30' })).toMatchObject({ problem: { field: 'region', reason: 'old-county', successors: ['31', '32', '33'] } });
    expect(resolvePlace({ country: 'DK', municipality: '0101' })).toMatchObject({ problem: { reason: 'municipality-country-mismatch' } });
  });
});

describe('programme areas', () => {
  const area = { description: { nb: 'x', nn: 'x', sv: 'x', en: 'x' }, nuts: ['NO082', 'SE311'], norwegianCounties: ['31', '32', '34'], swedishCounties: ['17'], source: 's' };

  it('lets county lists decide inside their country, even where a NUTS region holds more counties', () => {
    expect(matchArea(place({ country: 'NO', municipality: '3103' }), area)).toBe('inside'); // Moss, Østfold
    expect(matchArea(place({ country: 'NO', region: '33' }), area)).toBe('outside'); // Buskerud shares NO082
    expect(matchArea(place({ country: 'SE', municipality: '1780' }), area)).toBe('inside');
    expect(matchArea(place({ country: 'SE', region: '01' }), area)).toBe('outside');
  });

  it('is unknown when only the country is known and the area covers part of it', () => {
    expect(matchArea(place({ country: 'NO' }), area)).toBe('unknown');
    expect(matchArea(place({ country: 'DK' }), area)).toBe('outside');
  });

  it('covers whole countries', () => {
    expect(matchArea(place({ country: 'PL' }), { ...area, wholeCountries: ['PL'] })).toBe('inside');
    expect(matchArea(place({ country: 'GR' }), { ...area, nuts: ['EL'] })).toBe('inside');
  });
});
