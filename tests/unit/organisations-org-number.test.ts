import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkOrgNumber, formatOrgNumber, isValidOrgNumber, normaliseOrgNumber, orgNumberCheckDigit } from '../../src/organisations/org-number.js';

/**
 * Real organisation numbers, each seen with its name in several independent public sources, and chosen
 * to cover every remainder rule: remainder 0 gives check digit 0 (Oslo), remainder 10 gives 1 (Bergen).
 */
const REAL = [
  ['974760673', 'Registerenheten i Brønnøysund (Brønnøysundregistrene)'],
  ['938801363', 'Sarpsborg kommune'],
  ['940039541', 'Fredrikstad kommune'],
  ['958935420', 'Oslo kommune'],
  ['964338531', 'Bergen kommune'],
  ['942110464', 'Trondheim kommune'],
  ['923609016', 'Equinor ASA'],
] as const;

describe('organisation number', () => {
  it.each(REAL)('accepts %s (%s)', (number) => {
    expect(checkOrgNumber(number)).toEqual({ ok: true, number });
  });

  it('computes the check digit by the remainder rules', () => {
    expect(orgNumberCheckDigit('97476067')).toBe(3); // remainder 8 → 11 − 8
    expect(orgNumberCheckDigit('95893542')).toBe(0); // remainder 0 → 0
    expect(orgNumberCheckDigit('96433853')).toBe(1); // remainder 10 → 1
    expect(orgNumberCheckDigit('97476007')).toBeNull(); // remainder 1 → no valid number
    expect(() => orgNumberCheckDigit('1234567')).toThrow(RangeError);
  });

  it.each([
    ['974 760 673', '974760673'],
    ['974.760.673', '974760673'],
    ['974-760-673', '974760673'],
    ['  974760673\n', '974760673'],
    ['974\u00a0760\u00a0673', '974760673'],
    ['NO 974 760 673 MVA', '974760673'],
    ['NO974760673MVA', '974760673'],
    ['no 974760673 mva', '974760673'],
    ['９７４７６０６７３', '974760673'], // full-width digits pasted from a document
  ])('normalises %j', (input, number) => {
    expect(checkOrgNumber(input)).toEqual({ ok: true, number });
  });

  it.each([
    ['', ''],
    ['97476067', '97476067'],
    ['9747606730', '9747606730'],
    ['97476O673', '97476O673'],
    ['974760673 AS', '974760673AS'],
    ['SE 974760673', 'SE974760673'],
    ['NO MVA', 'NOMVA'],
  ])('says %j is not nine digits', (input, normalised) => {
    expect(checkOrgNumber(input)).toEqual({ ok: false, problem: 'not-nine-digits', normalised });
  });

  it('says which check digit was expected when the last digit is wrong', () => {
    expect(checkOrgNumber('974 760 672')).toEqual({ ok: false, problem: 'check-digit', normalised: '974760672', expectedCheckDigit: 3 });
    expect(checkOrgNumber('938801364')).toMatchObject({ ok: false, problem: 'check-digit', expectedCheckDigit: 3 });
    // Two neighbouring digits swapped: a typical typing error.
    expect(checkOrgNumber('947760673')).toMatchObject({ ok: false, problem: 'check-digit' });
    // First eight digits that no check digit completes.
    expect(checkOrgNumber('974760075')).toEqual({ ok: false, problem: 'check-digit', normalised: '974760075', expectedCheckDigit: null });
  });

  it('catches every single wrong digit of a valid number', () => {
    const validNumber = fc
      .stringMatching(/^\d{8}$/)
      .filter((first) => orgNumberCheckDigit(first) !== null)
      .map((first) => `${first}${orgNumberCheckDigit(first)}`);
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (number, position, shift) => {
        expect(isValidOrgNumber(number)).toBe(true);
        const digit = (Number(number[position]) + shift) % 10;
        const typo = `${number.slice(0, position)}${digit}${number.slice(position + 1)}`;
        expect(isValidOrgNumber(typo)).toBe(false);
      }),
    );
  });

  it('normalises without touching what is not a separator, and formats in groups of three', () => {
    expect(normaliseOrgNumber('NO 974 760 673 MVA')).toBe('974760673');
    expect(normaliseOrgNumber('NORDIC')).toBe('NORDIC');
    expect(formatOrgNumber('974760673')).toBe('974 760 673');
    expect(formatOrgNumber('123')).toBe('123');
  });
});
