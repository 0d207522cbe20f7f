/**
 * The shipped demo data (`demo/moss-region.yaml`): valid, true to the pre-study and the reference tables,
 * and documented in the README; and the checks that keep a broken demo file from loading.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_FILE, demoDataProblems, flattenDemoOrganisations, readDemoFile, type DemoFile } from '../../src/organisations/demo-data.js';
import { checkOrgNumber } from '../../src/organisations/org-number.js';
import { norwegianMunicipality, swedishMunicipality } from '../../src/reference/index.js';
import { projectPath } from '../../src/platform/paths.js';

const demo = await readDemoFile(DEFAULT_DEMO_FILE);
const organisations = flattenDemoOrganisations(demo.organisations);
const byKey = new Map(organisations.map((entry) => [entry.organisation.key, entry]));

describe('the Moss region demo data', () => {
  it('has the four municipalities of the regional council, under the county', () => {
    const municipalities = organisations.filter((o) => o.parentKey === 'mosseregionen');
    expect(municipalities.map((o) => [o.organisation.name, o.placeCode])).toEqual([
      ['Moss kommune', '3103'],
      ['Råde kommune', '3112'],
      ['Vestby kommune', '3216'],
      ['Våler kommune', '3114'],
    ]);
    expect(byKey.get('mosseregionen')).toMatchObject({ parentKey: 'ostfold', organisation: { kind: 'regional-council' } });
    expect(byKey.get('ostfold')).toMatchObject({ parentKey: null, placeCode: '31', organisation: { kind: 'county' } });
  });

  it('has the schools the pre-study names, in their municipalities, with the municipality as their place', () => {
    expect(byKey.get('verket-skole')).toMatchObject({ parentKey: 'moss', placeCode: '3103', organisation: { name: 'Verket skole', kind: 'unit' } });
    expect(byKey.get('ramberg-skole')).toMatchObject({ parentKey: 'moss', placeCode: '3103' });
    expect(byKey.get('spetalen-skole')).toMatchObject({ parentKey: 'rade', placeCode: '3112' });
  });

  it('names every municipality as the reference tables do for its code', () => {
    for (const { organisation, country, placeCode } of organisations.filter((o) => o.organisation.kind === 'municipality')) {
      const reference = country === 'NO' ? norwegianMunicipality(placeCode!)?.norwegianName : swedishMunicipality(placeCode!)?.name;
      expect(reference, organisation.key).toBeDefined();
      expect(organisation.name, organisation.key).toContain(reference);
    }
    expect(byKey.get('arjang')).toMatchObject({ parentKey: null, country: 'SE', placeCode: '1765' });
  });

  it('gives organisation numbers only where one is confirmed, each with a valid check digit', () => {
    const numbered = organisations.filter((o) => o.organisation.orgNumber !== undefined);
    expect(numbered.map((o) => o.organisation.key)).toEqual(['mnu']);
    for (const { organisation } of numbered) expect(checkOrgNumber(organisation.orgNumber!).ok).toBe(true);
  });

  it('has the seven demo people, all on .example addresses, and no problems', () => {
    expect(demo.users).toHaveLength(7);
    expect(demo.users.filter((u) => u.systemAdministrator)).toHaveLength(1);
    expect(demoDataProblems(demo)).toEqual([]);
  });

  it('is documented in the README: every demo address and the shared password', async () => {
    const readme = await readFile(projectPath('README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Demo users'));
    expect(section).not.toBe(readme);
    for (const user of demo.users) expect(section).toContain(user.email);
    expect(section).toContain(demo.password);
  });
});

describe('demoDataProblems', () => {
  const broken = (changes: Partial<DemoFile>): DemoFile => ({ ...structuredClone(demo), ...changes });

  it('finds a key used twice and an unknown place code', () => {
    const problems = demoDataProblems(
      broken({
        organisations: [
          { key: 'a', kind: 'municipality', name: 'A', placeCode: '3002' },
          { key: 'a', kind: 'municipality', name: 'B', country: 'SE', placeCode: '1765' },
        ],
        users: [],
      }),
    );
    expect(problems).toEqual(['a: "3002" is not a known place code in NO', 'organisation key "a" is used twice']);
  });

  it('finds a membership in an organisation the file does not have, and a weak password', () => {
    const problems = demoDataProblems(broken({ password: 'short', users: [{ email: 'x@demo.example', name: 'X', memberships: [{ organisation: 'nowhere', role: 'reader' }] }] }));
    expect(problems).toEqual(['the demo password is too weak for x@demo.example', 'x@demo.example: no organisation with key "nowhere"']);
  });
});
