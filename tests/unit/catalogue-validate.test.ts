import { describe, expect, it } from 'vitest';
import { validateCatalogue, validateProgrammeDocument } from '../../src/catalogue/validate.js';
import { validProgramme } from '../support/programme-fixture.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const file = 'catalogue/programmes/test-programme.yaml';
const problemsOf = (document: unknown) => validateProgrammeDocument({ file, document }, NOW);

describe('catalogue validation', () => {
  it('accepts a complete programme', () => {
    expect(problemsOf(validProgramme())).toEqual([]);
  });

  it('names the path of a missing translation', () => {
    const programme = validProgramme();
    const { nn: _dropped, ...withoutNynorsk } = programme.summary;
    expect(problemsOf({ ...programme, summary: withoutNynorsk })).toEqual([{ file, path: '/summary', message: 'missing required property "nn"' }]);
  });

  it('lists the allowed values of a wrong code', () => {
    const [problem] = problemsOf({ ...validProgramme(), sectors: ['fishing'] });
    expect(problem?.path).toBe('/sectors/0');
    expect(problem?.message).toContain('"culture"');
  });

  it('rejects unknown properties', () => {
    expect(problemsOf({ ...validProgramme(), colour: 'blue' })).toEqual([{ file, path: '/', message: 'unknown property "colour"' }]);
  });

  it('requires an id equal to the file name', () => {
    expect(problemsOf(validProgramme({ id: 'other' }))).toContainEqual(expect.objectContaining({ path: '/id' }));
  });

  it('requires every fact to cite an existing source, and every source to be cited', () => {
    const programme = validProgramme();
    programme.fundingRate.source = 'missing';
    const problems = problemsOf(programme);
    expect(problems).toContainEqual({ file, path: '/fundingRate/source', message: 'refers to unknown source "missing"' });
    const unused = validProgramme({ sources: [...validProgramme().sources, { id: 'extra', url: 'https://x.org', title: 'X', checked: '2026-01-01' }] });
    expect(problemsOf(unused)).toContainEqual(expect.objectContaining({ path: '/sources/1', message: expect.stringContaining('not cited') }));
  });

  it('rejects a checked date in the future or an impossible date', () => {
    const future = validProgramme({ sources: [{ id: 'main', url: 'https://x.org', title: 'X', checked: '2027-01-01' }] });
    expect(problemsOf(future)).toContainEqual(expect.objectContaining({ path: '/sources/0/checked', message: expect.stringContaining('future') }));
    const impossible = validProgramme({ sources: [{ id: 'main', url: 'https://x.org', title: 'X', checked: '2026-02-30' }] });
    expect(problemsOf(impossible)).toContainEqual(expect.objectContaining({ path: '/sources/0/checked' }));
  });

  it('checks ranges: funding rate, amounts, period', () => {
    const programme = validProgramme({ period: { start: 2027, end: 2021 } });
    programme.fundingRate.minPercent = 80;
    programme.projectTypes[0]!.minAmount = 500000;
    const paths = problemsOf(programme).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/period/end', '/fundingRate/minPercent', '/projectTypes/0/minAmount']));
  });

  it('rejects a type that is both eligible and excluded', () => {
    const programme = validProgramme();
    programme.applicants.excluded = ['municipality'];
    expect(problemsOf(programme)).toContainEqual(expect.objectContaining({ path: '/applicants/eligible/0' }));
  });

  it('requires Interreg priorities to carry matching policy and specific objectives', () => {
    const programme = validProgramme();
    programme.priorities[0]!.specificObjective = 'RSO1.1';
    expect(problemsOf(programme)).toContainEqual(expect.objectContaining({ path: '/priorities/0/specificObjective', message: 'RSO1.1 does not belong to PO2' }));
    delete programme.priorities[0]!.policyObjective;
    expect(problemsOf(programme)).toContainEqual(expect.objectContaining({ path: '/priorities/0/policyObjective' }));
  });

  it('rejects region codes that do not exist', () => {
    const programme = validProgramme();
    programme.area.nuts = ['NO99'];
    programme.area.norwegianCounties = ['30'];
    programme.area.swedishCounties = ['02'];
    const paths = problemsOf(programme).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/area/nuts/0', '/area/norwegianCounties/0', '/area/swedishCounties/0']));
  });

  it('rejects an id used by two files', () => {
    const { problems, programmes } = validateCatalogue(
      [
        { file: 'a/test-programme.yaml', document: validProgramme() },
        { file: 'b/test-programme.yaml', document: validProgramme() },
      ],
      NOW,
    );
    expect(programmes).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ file: 'b/test-programme.yaml', path: '/id' })]);
  });
});
