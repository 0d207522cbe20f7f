import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formFromParams, paramsFromForm, parseAmount, requestBody } from '../../web/src/navigator/form-state.js';

describe('navigator form state', () => {
  const form = {
    ...EMPTY_FORM,
    idea: 'Klimatilpasning med Värmland',
    municipality: '3103',
    partners: [{ country: 'SE', region: '17', type: 'municipality' }],
    sector: 'technical',
    budgetNok: '1 500 000',
    durationMonths: '24',
  };

  it('round-trips through the URL', () => {
    expect(formFromParams(paramsFromForm(form))).toEqual(form);
    expect(formFromParams(new URLSearchParams('q=x'))).toBeUndefined();
  });

  it('reads amounts the way people type them', () => {
    expect(parseAmount('1 500 000')).toBe(1_500_000);
    expect(parseAmount('2500,50')).toBe(2500.5);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('abc')).toBeNaN();
  });

  it('sends only what the user gave', () => {
    expect(requestBody(form, 'nn')).toEqual({
      idea: 'Klimatilpasning med Värmland',
      language: 'nn',
      applicant: { type: 'municipality', country: 'NO', municipality: '3103', region: undefined },
      partners: [{ country: 'SE', region: '17', type: 'municipality' }],
      sector: 'technical',
      projectType: undefined,
      budgetNok: 1_500_000,
      durationMonths: 24,
    });
  });
});
