/** The survey summary's pure rules: small-group suppression, rolling cells up, themes. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { suppressedGroups } from '../../src/survey/summary-suppression.js';
import { buildSummary, distributionOf, rollUp, type SummaryInput, type SummaryNames } from '../../src/survey/summary.js';
import { compileThemes, groupByTheme, themeOf } from '../../src/survey/themes.js';
import { loadShippedVocabulary } from '../../src/navigator/load-vocabulary.js';

const names: SummaryNames = {
  municipality: (code) => ({ '3103': 'Moss', '3112': 'Råde', '3216': 'Vestby', '3101': 'Halden', '3114': 'Våler' })[code ?? ''] ?? 'Ikke oppgitt',
  sector: (code) => code ?? 'Ikke oppgitt',
  programme: (id) => id.toUpperCase(),
};

describe('small-group suppression', () => {
  it('withholds nothing when every group is large enough', () => {
    expect(suppressedGroups(new Map([['a', 3], ['b', 5]]), 3)).toEqual(new Set());
  });

  it('withholds a small group and the next smallest, so it cannot be derived from the total', () => {
    expect(suppressedGroups(new Map([['moss', 10], ['rade', 2], ['vestby', 4], ['valer', 6]]), 3)).toEqual(new Set(['rade', 'vestby']));
  });

  it('keeps withholding until the withheld groups together reach the threshold', () => {
    expect(suppressedGroups(new Map([['a', 1], ['b', 1], ['c', 8], ['d', 9]]), 3)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('ignores empty groups and does nothing with a threshold of one', () => {
    expect(suppressedGroups(new Map([['a', 0], ['b', 2], ['c', 5]]), 3)).toEqual(new Set(['b', 'c']));
    expect(suppressedGroups(new Map([['a', 1], ['b', 5]]), 1)).toEqual(new Set());
  });

  it('never leaves exactly one withheld group or a withheld total below the threshold while others are shown', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 2, max: 6 }), (sizes, k) => {
        const groups = new Map(sizes.map((size, i) => [`g${i}`, size]));
        const withheld = suppressedGroups(groups, k);
        const shownSmall = [...groups].filter(([key, size]) => size > 0 && size < k && !withheld.has(key));
        expect(shownSmall).toEqual([]);
        const shownPopulated = [...groups].filter(([key, size]) => size > 0 && !withheld.has(key));
        if (withheld.size > 0 && shownPopulated.length > 0) {
          expect(withheld.size).toBeGreaterThanOrEqual(2);
          expect([...withheld].reduce((sum, key) => sum + groups.get(key)!, 0)).toBeGreaterThanOrEqual(k);
        }
      }),
    );
  });
});

describe('rolling up cells', () => {
  const cells: Array<{ municipality: string | null; sector: string; size: number; counts: Record<string, number> }> = [
    { municipality: '3103', sector: 'education', size: 4, counts: { used: 2, none: 2 } },
    { municipality: '3103', sector: 'culture', size: 3, counts: { heard: 3 } },
    { municipality: '3112', sector: 'education', size: 2, counts: { used: 1, know: 1 } },
    { municipality: null, sector: 'education', size: 1, counts: { none: 1 } },
  ];

  it('adds cells up overall, per municipality and per sector', () => {
    const rolled = rollUp(cells);
    expect(rolled.overall).toEqual({ size: 10, counts: { used: 3, none: 3, heard: 3, know: 1 } });
    expect(rolled.groups.municipality.get('3103')).toEqual({ size: 7, counts: { used: 2, none: 2, heard: 3 } });
    expect(rolled.groups.sector.get('education')).toEqual({ size: 7, counts: { used: 3, none: 3, know: 1 } });
  });

  it('withholds the small groups of each breakdown, named, those without a group last', () => {
    const distribution = distributionOf(cells, 3, names);
    expect(distribution.byMunicipality.map((g) => [g.name, g.size, g.suppressed])).toEqual([
      ['Moss', 7, false],
      ['Råde', null, true],
      ['Ikke oppgitt', null, true],
    ]);
    expect(distribution.bySector.map((g) => [g.key, g.counts])).toEqual([
      ['culture', { heard: 3 }],
      ['education', { used: 3, none: 3, know: 1 }],
    ]);
  });
});

describe('building the summary', () => {
  const input = (showNames: boolean): SummaryInput => ({
    round: { id: 'r', title: 'Kartlegging', status: 'open', closesAt: '2025-01-01T00:00:00.000Z', minGroupSize: 3 },
    language: 'nb',
    showNames,
    roles: { knowledge: 'knowledge', interest: 'interest', cooperationAreas: 'cooperation-areas', needs: 'needs', earlierProjects: 'earlier-projects', ongoingProjects: 'ongoing-projects' },
    questions: [
      { key: 'knowledge', type: 'matrix', label: 'Kunnskap', choices: [{ key: 'none', label: 'Ingen' }, { key: 'used', label: 'Brukt' }], rows: [{ key: 'erasmus-plus', label: 'Erasmus+' }] },
      { key: 'interest', type: 'scale', label: 'Interesse', choices: [{ key: '1', label: 'Ingen' }, { key: '2', label: '2' }, { key: '3', label: 'Høy' }], rows: [] },
    ],
    programmes: ['erasmus-plus'],
    invitees: [
      { municipality: '3103', sector: 'education', invited: 5, responded: 4, submitted: 3 },
      { municipality: '3112', sector: 'education', invited: 2, responded: 1, submitted: 1 },
    ],
    answered: [
      { questionKey: 'interest', municipality: '3103', sector: 'education', count: 4 },
      { questionKey: 'interest', municipality: '3112', sector: 'education', count: 1 },
    ],
    choices: [
      { questionKey: 'knowledge', row: 'erasmus-plus', choice: 'used', municipality: '3103', sector: 'education', count: 2 },
      { questionKey: 'knowledge', row: 'erasmus-plus', choice: 'none', municipality: '3103', sector: 'education', count: 2 },
      { questionKey: 'knowledge', row: 'erasmus-plus', choice: 'none', municipality: '3112', sector: 'education', count: 1 },
      { questionKey: 'interest', row: null, choice: '3', municipality: '3103', sector: 'education', count: 4 },
      { questionKey: 'interest', row: null, choice: '1', municipality: '3112', sector: 'education', count: 1 },
    ],
    projects: [{ questionKey: 'earlier-projects', programme: 'erasmus-plus', municipality: '3103', sector: 'education', units: 2 }],
    benefits: [
      { programme: 'erasmus-plus', score: 5, projects: 2 },
      { programme: 'erasmus-plus', score: 4, projects: 1 },
      { programme: 'erasmus-plus', score: null, projects: 1 },
    ],
    benefitReasons: [{ programme: 'erasmus-plus', score: 5, text: 'Nye undervisningsformer', unit: 'Verket skole' }],
    freeText: [{ theme: 'other', kind: 'other', label: 'Annet', count: 1, answers: [{ questionKey: 'comments', questionLabel: 'Kommentarer', text: 'Hei', unit: 'Verket skole' }] }],
    champions: [{ inviteeId: 'a', name: 'Verket skole', municipality: '3103', sector: 'education', programmes: ['erasmus-plus'] }],
    interestedWithoutExperience: [{ inviteeId: 'b', name: 'Kirkeparken skole', municipality: '3103', sector: 'education', interest: 3, areas: ['Klima'] }],
    names,
  });

  it('reports response rates, schemes, interest and benefits from the cells', () => {
    const summary = buildSummary(input(true));
    expect(summary.responseRate.overall).toEqual({ invited: 7, responded: 5, submitted: 4, rate: 0.714 });
    // Råde has two invitees: withheld, and Moss with it (it would be the total minus Råde).
    expect(summary.responseRate.byMunicipality.every((g) => g.suppressed)).toBe(true);
    expect(summary.responseRate.bySector).toEqual([{ key: 'education', name: 'education', invited: 7, responded: 5, submitted: 4, rate: 0.714, suppressed: false }]);
    const [scheme] = summary.schemes;
    expect(scheme!.knowledge!.overall).toEqual({ size: 5, counts: { used: 2, none: 3 } });
    expect(scheme!.experience.overall).toEqual({ size: 5, counts: { earlier: 2, ongoing: 0 } });
    expect(summary.interest!.items[0]!.distribution.overall.counts).toEqual({ '3': 4, '1': 1 });
    expect(summary.benefits[0]).toMatchObject({ projects: 4, scores: { '5': 2, '4': 1 }, mean: 4.7 });
    expect(summary.champions.units[0]!.programmes).toEqual([{ id: 'erasmus-plus', name: 'ERASMUS-PLUS' }]);
    expect(summary.interestedWithoutExperience.units[0]).toMatchObject({ interestLabel: 'Høy', areas: ['Klima'] });
  });

  it('names no unit to those who are not coordinators', () => {
    const summary = buildSummary(input(false));
    expect(summary.namesShown).toBe(false);
    expect(summary.champions).toEqual({ count: 1, units: [] });
    expect(summary.interestedWithoutExperience).toEqual({ count: 1, units: [] });
    expect(summary.benefits[0]!.reasons[0]!.unit).toBeNull();
    expect(summary.freeText[0]!.answers[0]!.unit).toBeNull();
    expect(JSON.stringify(summary)).not.toContain('Verket');
  });
});

describe('free text by theme', async () => {
  const vocabulary = compileThemes(await loadShippedVocabulary());

  it('puts a text under the first cooperation area it names, in any of the four languages', () => {
    expect(themeOf('Vi vil jobbe med klimatilpasning og overvann', vocabulary)).toEqual({ id: 'climate', kind: 'area' });
    expect(themeOf('Me ønskjer å styrkje folkehelsa i bygda', vocabulary)).toEqual({ id: 'public-health', kind: 'area' });
    expect(themeOf('Hållbar stadsutveckling', vocabulary).kind).toBe('area');
    expect(themeOf('Digital project management for our staff', vocabulary)).toEqual({ id: 'digitalisation', kind: 'area' });
  });

  it('falls back to the navigator\'s concepts, then to other', () => {
    expect(themeOf('Elevutveksling med en partnerskole i Tyskland', vocabulary)).toEqual({ id: 'school-exchange', kind: 'concept' });
    expect(themeOf('Takk for en fin undersøkelse', vocabulary)).toEqual({ id: 'other', kind: 'other' });
  });

  it('groups the largest theme first and other last, the same way every time', () => {
    const answers = ['Takk', 'klima', 'Klimagassutslipp fra bilparken', 'folkehelse'].map((text) => ({ text }));
    const groups = groupByTheme(answers, vocabulary, (theme) => theme.id);
    expect(groups.map((g) => [g.theme, g.answers.length])).toEqual([
      ['climate', 2],
      ['public-health', 1],
      ['other', 1],
    ]);
    expect(groupByTheme(answers, vocabulary, (theme) => theme.id)).toEqual(groups);
  });
});
