import { describe, expect, it } from 'vitest';
import { prefixQuery, programmeSearchText, searchTerms } from '../../src/catalogue/search-text.js';
import { validProgramme } from '../support/programme-fixture.js';

describe('search text', () => {
  it('keeps the fuzzy-match text short: the programme names in all languages', () => {
    const { names, terms } = programmeSearchText(validProgramme());
    expect(names).toContain('test programme nn');
    expect(names).not.toContain('klimatanpassning');
    expect(terms).toContain('2a');
    expect(terms).toContain('klimatanpassning');
  });

  it('keeps each language’s readable text apart', () => {
    const { byLanguage } = programmeSearchText(validProgramme());
    expect(byLanguage.sv).toContain('Flood plans sv');
    expect(byLanguage.sv).not.toContain('Flood plans nb');
  });

  it('reduces a query to safe terms, whatever the user typed', () => {
    expect(searchTerms("Erasmus+ & 'skole' | !:*")).toEqual(['erasmus', 'skole']);
    expect(searchTerms('Øresund–Kattegat')).toEqual(['øresund', 'kattegat']);
    expect(prefixQuery(['eras', 'sko'])).toBe('eras:* & sko:*');
  });
});
