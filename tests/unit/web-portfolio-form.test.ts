import { describe, expect, it } from 'vitest';
import { checkBudget, emptyForm, formFromInitiative, formRuleProblems, inputFromForm, parseAmount, parseHours, sameForm, targetsWithinGoals, type InitiativeForm } from '../../web/src/portfolio/form-state.js';
import type { Initiative } from '../../web/src/portfolio/types.js';

const MOSS = '0b9e2c9a-5d0c-4f7e-9f4e-6f0d6b1f2a10';
const line = (key: string, kind: 'grant' | 'own-share' | 'co-financing', amount: string) => ({ key, kind, label: '', amount });
const form = (change: Partial<InitiativeForm> = {}): InitiativeForm => ({ ...emptyForm(MOSS), title: 'Kyststien', ...change });

describe('amounts as people type them', () => {
  it('reads spaces as thousands separators and a comma or point as the decimal sign', () => {
    expect(parseAmount('1 250 000')).toBe('1250000.00');
    expect(parseAmount('1\u00a0250\u00a0000,5')).toBe('1250000.50');
    expect(parseAmount('0.10')).toBe('0.10');
    expect(parseAmount('007')).toBe('7.00');
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('12,345')).toBeUndefined();
    expect(parseAmount('-5')).toBeUndefined();
    expect(parseAmount('1e6')).toBeUndefined();
  });
  it('reads hours with at most one decimal', () => {
    expect(parseHours('37,5')).toBe('37.5');
    expect(parseHours('')).toBeNull();
    expect(parseHours('1.25')).toBeUndefined();
  });
});

describe('the live budget check', () => {
  it('sums the lines exactly, where floating point would not', () => {
    // 0.1 + 0.2 in floating point is 0.30000000000000004.
    const check = checkBudget('0,3', [line('a', 'grant', '0,1'), line('b', 'own-share', '0.2')]);
    expect(check).toEqual({ sum: '0.30', difference: '0.00', balanced: true, unreadable: [] });
  });
  it('tells the difference, its sign, and which lines are not numbers', () => {
    expect(checkBudget('1 000 000', [line('a', 'grant', '600 000'), line('b', 'own-share', '300000')])).toMatchObject({ sum: '900000.00', difference: '100000.00', balanced: false });
    expect(checkBudget('100', [line('a', 'grant', '150')]).difference).toBe('-50.00');
    expect(checkBudget('', [line('a', 'grant', '150')])).toMatchObject({ difference: null, balanced: false });
    expect(checkBudget('100', [line('a', 'grant', 'hundre')]).unreadable).toEqual(['a']);
  });
});

describe('what the form can tell before asking the server', () => {
  it('accepts a complete form', () => {
    expect(formRuleProblems(form({ budgetAmount: '100', budgetLines: [line('a', 'grant', '60'), line('b', 'own-share', '40')] }))).toEqual([]);
  });
  it('names the field of each problem', () => {
    const problems = formRuleProblems(
      form({
        title: ' ',
        startDate: '2025-06-01',
        endDate: '2025-01-01',
        budgetAmount: '100',
        budgetLines: [line('a', 'grant', '60')],
        programme: 'other',
        hoursProject: '1,25',
        currency: 'EUR',
        nokRate: '11,5',
        partners: [{ key: 'p', organisationId: null, name: 'Strömstad', country: 'SE', region: '', lead: false }],
      }),
    );
    expect(problems.map((p) => [p.field, p.key])).toEqual([
      ['title', 'titleMissing'],
      ['otherProgramme', 'otherProgrammeName'],
      ['endDate', 'endBeforeStart'],
      ['budgetLines', 'linesDoNotAddUp'],
      ['nokRateDate', 'rateNeedsDate'],
      ['hoursProject', 'hoursUnreadable'],
      ['partners', 'leadPartner'],
    ]);
    expect(problems[3]!.params).toEqual({ sum: '60.00', difference: '40.00' });
  });
  it('asks for a budget when there are lines, and for names and countries of partners', () => {
    expect(formRuleProblems(form({ budgetLines: [line('a', 'grant', '60')] })).map((p) => p.key)).toEqual(['budgetMissing']);
    expect(formRuleProblems(form({ partners: [{ key: 'p', organisationId: null, name: '', country: 'Sverige', region: '', lead: true }] })).map((p) => p.key)).toEqual(['partnerIncomplete']);
  });
});

describe('the form and the API', () => {
  const initiative: Initiative = {
    id: '7d1f8a64-3a55-4e2a-9d55-1d8e3b0a9f01',
    title: 'Erasmus+ i skolene',
    status: 'idea',
    organisationId: MOSS,
    organisationName: 'Moss kommune',
    programmeId: 'erasmus-plus',
    programmeName: 'Erasmus+',
    priorityCode: 'KA1',
    otherProgramme: null,
    deadline: '2026-02-15',
    startDate: '2026-08-01',
    endDate: null,
    currency: 'EUR',
    budgetAmount: '30000.00',
    grantAmount: '30000.00',
    budgetNok: '348900.00',
    grantNok: '348900.00',
    sectors: ['education'],
    sdgGoals: [4],
    private: false,
    updatedAt: '2026-01-01T10:00:00Z',
    version: 3,
    summary: 'Utveksling for lærere',
    contactUserId: null,
    contactName: 'Kari Lærer',
    callReference: null,
    ownShareAmount: '0.00',
    coFinancingAmount: '0.00',
    nokRate: '11.63',
    nokRateDate: '2025-12-31',
    hoursApplication: '40',
    hoursProject: null,
    sdgTargets: ['4.7'],
    notes: '',
    partners: [{ organisationId: null, name: 'Gdańsk', country: 'PL', region: null, lead: true }],
    budgetLines: [{ kind: 'grant', label: 'Erasmus+', amount: '30000.00' }],
    benefits: [{ benefit: 'competence', score: 5, comment: 'Mye lært' }],
    documents: [],
    allowedTransitions: ['pre-project', 'application', 'withdrawn'],
    permissions: ['read', 'edit'],
    createdAt: '2026-01-01T10:00:00Z',
  };

  it('sends back what it was opened with, unchanged', () => {
    const body = inputFromForm(formFromInitiative(initiative));
    expect(body).toEqual({
      organisationId: MOSS,
      title: 'Erasmus+ i skolene',
      summary: 'Utveksling for lærere',
      private: false,
      contactUserId: null,
      contactName: 'Kari Lærer',
      programmeId: 'erasmus-plus',
      priorityCode: 'KA1',
      otherProgramme: null,
      callReference: null,
      deadline: '2026-02-15',
      startDate: '2026-08-01',
      endDate: null,
      currency: 'EUR',
      budgetAmount: '30000.00',
      nokRate: '11.63',
      nokRateDate: '2025-12-31',
      budgetLines: [{ kind: 'grant', label: 'Erasmus+', amount: '30000.00' }],
      hoursApplication: '40',
      hoursProject: null,
      sectors: ['education'],
      sdgGoals: [4],
      sdgTargets: ['4.7'],
      notes: '',
      partners: [{ organisationId: null, name: 'Gdańsk', country: 'PL', region: null, lead: true }],
      benefits: [{ benefit: 'competence', score: 5, comment: 'Mye lært' }],
    });
  });

  it('sends either a catalogue programme or another scheme by name, never both', () => {
    const other = inputFromForm({ ...formFromInitiative(initiative), programme: 'other', otherProgramme: 'Nordplus' });
    expect([other.programmeId, other.priorityCode, other.otherProgramme]).toEqual([null, null, 'Nordplus']);
  });

  it('drops targets of goals no longer chosen', () => {
    expect(targetsWithinGoals(['4.7', '11.a', '17.17'], [4, 17])).toEqual(['4.7', '17.17']);
  });

  it('knows when nothing has changed, whatever the rows are keyed by', () => {
    const opened = formFromInitiative(initiative);
    expect(sameForm(opened, formFromInitiative(initiative))).toBe(true);
    expect(sameForm(opened, { ...opened, title: 'Erasmus+' })).toBe(false);
  });
});
