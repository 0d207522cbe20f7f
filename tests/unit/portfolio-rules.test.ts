/** The portfolio's pure rules: life cycle, money, validation, visibility, filters and documents. */
import { describe, expect, it } from 'vitest';
import { allowedTransitions, mayTransition, OPEN_STATUSES, STATUSES } from '../../src/portfolio/life-cycle.js';
import { amountsByKind, budgetMismatch, convertToNok, formatCents, nokConversion, ratioToTwoDecimals, toCents } from '../../src/portfolio/money.js';
import { initiativeProblems } from '../../src/portfolio/validation.js';
import { mayEdit, mayRead, overlapsScope, portfolioScope } from '../../src/portfolio/visibility.js';
import { normaliseFilters, normalisePage } from '../../src/portfolio/filters.js';
import { documentProblem, safeFileName } from '../../src/portfolio/documents.js';
import { contentDisposition } from '../../src/platform/export/download.js';
import { titleFromIdea, changedFields } from '../../src/portfolio/initiatives.js';
import { DEFAULT_EXCHANGE_RATE } from '../../src/reference/exchange-rate.js';

describe('life cycle', () => {
  it('follows idea → pre-project → application → submitted → granted | rejected, granted → running → closed', () => {
    expect(allowedTransitions('idea')).toEqual(['pre-project', 'application', 'withdrawn']);
    expect(allowedTransitions('submitted')).toEqual(['granted', 'rejected', 'withdrawn']);
    expect(allowedTransitions('granted')).toEqual(['running', 'closed', 'withdrawn']);
    expect(allowedTransitions('running')).toEqual(['closed', 'withdrawn']);
    expect(allowedTransitions('closed')).toEqual([]);
    expect(mayTransition('idea', 'granted')).toBe(false);
    expect(mayTransition('application', 'granted')).toBe(false);
    expect(mayTransition('rejected', 'application')).toBe(true);
  });
  it('lets every open state be withdrawn, and no state move to itself', () => {
    for (const status of OPEN_STATUSES) expect(mayTransition(status, 'withdrawn')).toBe(true);
    for (const status of STATUSES) expect(mayTransition(status, status)).toBe(false);
  });
});

describe('money', () => {
  it('converts between decimal strings and øre exactly', () => {
    expect(toCents('1234.5')).toBe(123450n);
    expect(toCents('0.1')).toBe(10n);
    expect(toCents('-7.05')).toBe(-705n);
    expect(formatCents(123450n)).toBe('1234.50');
    expect(formatCents(-5n)).toBe('-0.05');
    expect(toCents('99999999999999.99')).toBe(9999999999999999n);
    expect(() => toCents('1.234')).toThrow();
  });
  it('adds 0.1 + 0.2 as 0.30, not 0.30000000000000004', () => {
    expect(budgetMismatch('0.30', [{ kind: 'grant', label: 'a', amount: '0.1' }, { kind: 'own-share', label: 'b', amount: '0.2' }])).toBeNull();
  });
  it('names the lines that do not add up, their sum and the difference', () => {
    expect(budgetMismatch('100', [{ kind: 'grant', label: 'Interreg', amount: '70' }, { kind: 'own-share', label: '', amount: '20.5' }])).toEqual({
      lines: ['Interreg (grant): 70.00', 'own-share (own-share): 20.50'],
      sum: '90.50',
      budget: '100.00',
      difference: '9.50',
    });
  });
  it('sums the lines per kind', () => {
    expect(amountsByKind([{ kind: 'grant', label: '', amount: '10' }, { kind: 'grant', label: '', amount: '5.5' }, { kind: 'co-financing', label: '', amount: '1' }])).toEqual({ grantAmount: '15.50', ownShareAmount: '0.00', coFinancingAmount: '1.00' });
    expect(amountsByKind([])).toEqual({ grantAmount: null, ownShareAmount: null, coFinancingAmount: null });
  });
  it('converts to NOK at a named rate, rounding half up to the øre', () => {
    expect(convertToNok('60000', '11.5')).toBe('690000.00');
    expect(convertToNok('0.01', '11.635')).toBe('0.12');
    expect(convertToNok('1000.00', '11.634999')).toBe('11635.00');
    expect(convertToNok('12.34', '1')).toBe('12.34');
    expect(nokConversion('NOK', { nokRate: '11' }, DEFAULT_EXCHANGE_RATE)).toEqual({ nokRate: '1', nokRateDate: null });
    expect(nokConversion('EUR', {}, DEFAULT_EXCHANGE_RATE)).toEqual({ nokRate: DEFAULT_EXCHANGE_RATE.eurNok, nokRateDate: DEFAULT_EXCHANGE_RATE.date });
    expect(nokConversion('EUR', { nokRate: '11.2', nokRateDate: '2024-01-02' }, DEFAULT_EXCHANGE_RATE)).toEqual({ nokRate: '11.2', nokRateDate: '2024-01-02' });
  });
  it('divides to two decimals, rounding half up', () => {
    expect(ratioToTwoDecimals(1000n, 300n)).toBe('3.33');
    expect(ratioToTwoDecimals(2000n, 300n)).toBe('6.67');
    expect(ratioToTwoDecimals(1n, 8n)).toBe('0.13');
  });
});

describe('validation', () => {
  const fields = (input: Parameters<typeof initiativeProblems>[0], programme: readonly string[] | null = null) => initiativeProblems(input, programme).map((p) => p.field);
  it('accepts a complete, consistent initiative', () => {
    expect(
      fields(
        {
          programmeId: 'interreg',
          priorityCode: '2A',
          startDate: '2025-01-01',
          endDate: '2025-01-01',
          budgetAmount: '100',
          budgetLines: [{ kind: 'grant', label: 'x', amount: '100' }],
          sectors: ['education'],
          sdgGoals: [4],
          sdgTargets: ['4.7', '4.a'],
          partners: [{ name: 'A', country: 'SE', lead: true }, { name: 'B', country: 'NO', lead: false }],
          benefits: [{ benefit: 'networks', score: 1 }, { benefit: 'competence', score: 5 }],
        },
        ['1A', '2A'],
      ),
    ).toEqual([]);
  });
  it('names each broken rule by its field', () => {
    expect(fields({ startDate: '2025-02-01', endDate: '2025-01-31' })).toEqual(['endDate']);
    expect(fields({ programmeId: 'gone' }, null)).toEqual(['programmeId']);
    expect(fields({ programmeId: 'p', priorityCode: 'X' }, ['A'])).toEqual(['priorityCode']);
    expect(fields({ priorityCode: 'X' })).toEqual(['priorityCode']);
    expect(fields({ programmeId: 'p', otherProgramme: 'Annet' }, [])).toEqual(['otherProgramme']);
    expect(fields({ budgetLines: [{ kind: 'grant', label: '', amount: '1' }] })).toEqual(['budgetAmount']);
    expect(fields({ budgetAmount: '2', budgetLines: [{ kind: 'grant', label: '', amount: '1' }] })).toEqual(['budgetLines']);
    expect(fields({ currency: 'EUR', nokRateDate: '2024-01-01' })).toEqual(['nokRate']);
    expect(fields({ sectors: ['space'] })).toEqual(['sectors.0']);
    expect(fields({ sdgGoals: [4], sdgTargets: ['13.1', '99.9'] })).toEqual(['sdgTargets.0', 'sdgTargets.1']);
    expect(fields({ partners: [{ name: 'A', country: 'SE', lead: false }] })).toEqual(['partners']);
    expect(fields({ benefits: [{ benefit: 'luck', score: 3 }, { benefit: 'networks', score: 0 }, { benefit: 'networks', score: 2 }] })).toEqual(['benefits.0.benefit', 'benefits.1.score', 'benefits.2.benefit']);
  });
});

describe('visibility', () => {
  const county = { organisationId: 'c', organisationPath: '/c/', role: 'reader' as const };
  const unitEditor = { organisationId: 'u', organisationPath: '/c/m/u/', role: 'editor' as const };
  it('reads down the tree, sees private initiatives only where it may edit', () => {
    const scope = portfolioScope([county, unitEditor, { organisationId: 'm', organisationPath: '/c/m/', role: 'case-officer' }]);
    expect(scope).toEqual({ readPaths: ['/c/'], editPaths: ['/c/m/u/'] });
    expect(mayRead(scope, '/c/m/', false)).toBe(true);
    expect(mayRead(scope, '/c/m/', true)).toBe(false);
    expect(mayRead(scope, '/c/m/u/x/', true)).toBe(true);
    expect(mayRead(scope, '/other/', false)).toBe(false);
    expect(mayEdit(scope, '/c/m/')).toBe(false);
    expect(overlapsScope(portfolioScope([unitEditor]), '/c/')).toBe(true);
    expect(overlapsScope(portfolioScope([unitEditor]), '/c/other/')).toBe(false);
  });
});

describe('filters', () => {
  it('normalises: no empty lists, no duplicates, words instead of raw text', () => {
    expect(normaliseFilters({ q: '  Erasmus+ skole!! ', status: ['running', 'idea', 'running'], sector: [], sdg: [13, 4, 13], programme: [' other ', ''] })).toEqual({
      terms: ['erasmus', 'skole'],
      statuses: ['idea', 'running'],
      sdgGoals: [4, 13],
      programmes: ['other'],
    });
    expect(normaliseFilters({ q: '%%%' })).toEqual({});
    expect(normalisePage({})).toEqual({ page: 1, pageSize: 25 });
  });
});

describe('documents', () => {
  it('accepts allowed types whose content matches, and refuses the rest', () => {
    expect(documentProblem('application/pdf', Buffer.from('%PDF-1.4'))).toBeNull();
    expect(documentProblem('application/pdf', Buffer.from('<html>'))).toEqual({ kind: 'type', mediaType: 'application/pdf' });
    expect(documentProblem('text/html', Buffer.from('<html>'))).toEqual({ kind: 'type', mediaType: 'text/html' });
    expect(documentProblem('text/plain', Buffer.from([0xff, 0xfe, 0x00]))).toEqual({ kind: 'type', mediaType: 'text/plain' });
    expect(documentProblem('text/plain', Buffer.from('Søknad'))).toBeNull();
    expect(documentProblem('image/png', Buffer.alloc(0))).toEqual({ kind: 'empty' });
  });
  it('keeps file names safe and downloads them under their own name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\Budsjett "2025".xlsx')).toBe('Budsjett 2025.xlsx');
    expect(safeFileName('..')).toBe('document');
    expect(contentDisposition('Årsrapport Ørje.pdf')).toBe(`attachment; filename="Arsrapport Orje.pdf"; filename*=UTF-8''%C3%85rsrapport%20%C3%98rje.pdf`);
  });
});

describe('use-case helpers', () => {
  it('takes a title from the first sentence of a navigator idea', () => {
    expect(titleFromIdea('Kyststi langs Mossesundet. Med universell utforming.')).toBe('Kyststi langs Mossesundet.');
    expect(titleFromIdea('x'.repeat(300))).toHaveLength(120);
  });
  it('lists the changed fields with their values before and after', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [1, 2], d: 'y' })).toEqual({ b: { before: [1], after: [1, 2] }, c: { before: 'x', after: null }, d: { before: null, after: 'y' } });
  });
});
