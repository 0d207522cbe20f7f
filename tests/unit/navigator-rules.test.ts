import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePlace, type Place } from '../../src/navigator/geography.js';
import { estimateGrant } from '../../src/navigator/grant.js';
import { evaluateRules, verdictOf, type EligibilityQuestion, type RuleResult } from '../../src/navigator/rules.js';
import { APPLICANT_TYPES, PROJECT_TYPES, type ApplicantType } from '../../src/reference/codes.js';
import { DEFAULT_EXCHANGE_RATE } from '../../src/reference/exchange-rate.js';
import { validProgramme } from '../support/programme-fixture.js';

const place = (input: Parameters<typeof resolvePlace>[0]): Place => {
  const resolved = resolvePlace(input);
  if (!('place' in resolved)) throw new Error('bad place');
  return resolved.place;
};
const MOSS = place({ country: 'NO', municipality: '3103' });
const KARLSTAD = place({ country: 'SE', municipality: '1780' });
const BERGEN = place({ country: 'NO', municipality: '4601' });
const STOCKHOLM = place({ country: 'SE', region: '01' });

// The fixture: Interreg-like, NO+SE, at least 2 partners, Østfold (31) and Värmland (17), pre-project ≤ 12 months, NOK 100 000–400 000, 50 %.
const programme = validProgramme();
const rules = (question: EligibilityQuestion, p = programme) => {
  const grant = question.budgetNok === undefined ? null : estimateGrant({ budgetNok: question.budgetNok, fundingRate: p.fundingRate, exchangeRate: DEFAULT_EXCHANGE_RATE });
  return evaluateRules(p, question, grant, 'en');
};
const rule = (results: RuleResult[], id: string) => results.find((r) => r.id === id);
const base: EligibilityQuestion = { applicant: { type: 'municipality', place: MOSS } };

describe('eligibility rules', () => {
  it('meets every rule for a complete, fitting question', () => {
    const results = rules({ ...base, partners: [{ place: KARLSTAD }], projectType: 'pre-project', durationMonths: 12, budgetNok: 400_000 });
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      ['programme-status', 'met'],
      ['applicant-type', 'met'],
      ['applicant-area', 'met'],
      ['required-countries', 'met'],
      ['minimum-partners', 'met'],
      ['partner-area', 'met'],
      ['project-type', 'met'],
      ['duration', 'met'],
      ['amount', 'met'],
    ]);
    expect(verdictOf(results)).toBe('eligible');
  });

  it('refuses an excluded applicant type, says who, and keeps unlisted types open', () => {
    const excluded = rule(rules({ applicant: { type: 'private-person', place: MOSS } }), 'applicant-type');
    expect(excluded).toMatchObject({ outcome: 'not-met', reason: 'Private individual may not apply to this programme.' });
    expect(rule(rules({ applicant: { type: 'hospital', place: MOSS } }), 'applicant-type')?.outcome).toBe('unknown');
  });

  it('places the applicant inside or outside the area', () => {
    expect(rule(rules({ ...base, applicant: { type: 'municipality', place: BERGEN } }), 'applicant-area')).toMatchObject({ outcome: 'not-met', reason: 'Bergen is outside the programme area.' });
    expect(rule(rules({ ...base, applicant: { type: 'municipality', place: place({ country: 'NO' }) } }), 'applicant-area')?.outcome).toBe('unknown');
  });

  it('asks for the missing partner country, and refuses only when the partners given lack it', () => {
    expect(rule(rules(base), 'required-countries')).toMatchObject({ outcome: 'unknown', reason: 'The project needs a partner from Sweden.' });
    expect(rule(rules({ ...base, partners: [{ place: BERGEN }] }), 'required-countries')?.outcome).toBe('not-met');
    expect(rule(rules({ ...base, partners: [] }), 'minimum-partners')?.outcome).toBe('not-met');
  });

  it('never refuses because a partner is outside the area: must be checked', () => {
    const results = rules({ ...base, partners: [{ place: STOCKHOLM, type: 'state-agency' }] });
    expect(rule(results, 'partner-area')).toMatchObject({ outcome: 'unknown', reason: expect.stringContaining('must be checked') });
    expect(verdictOf(results)).toBe('check');
  });

  it('checks project type, duration and amount against the project-type limits', () => {
    expect(rule(rules({ ...base, projectType: 'main-project' }), 'project-type')?.outcome).toBe('not-met');
    expect(rule(rules({ ...base, projectType: 'pre-project', durationMonths: 18 }), 'duration')).toMatchObject({ outcome: 'not-met', reason: '18 months is longer than the limit of 12.' });
    expect(rule(rules({ ...base, projectType: 'pre-project', budgetNok: 100_000 }), 'amount')?.outcome).toBe('not-met'); // 50 000 < 100 000
    expect(rule(rules(base), 'duration')).toBeUndefined(); // nothing to check
  });

  it('refuses a closed programme and asks to check a forthcoming one', () => {
    expect(verdictOf(rules(base, validProgramme({ status: 'closed' })))).toBe('ineligible');
    expect(rule(rules(base, validProgramme({ status: 'forthcoming' })), 'programme-status')?.outcome).toBe('unknown');
  });

  it('flags a rule that rests on a fact marked must be checked', () => {
    const flagged = validProgramme();
    flagged.applicants.mustBeChecked = true;
    expect(rule(rules(base, flagged), 'applicant-type')?.reason).toContain('This catalogue fact must be checked');
  });

  it('gives reasons in the request language', () => {
    const grant = null;
    expect(evaluateRules(programme, base, grant, 'nn').find((r) => r.id === 'required-countries')?.reason).toBe('Prosjektet treng ein partnar frå Sverige.');
    expect(evaluateRules(programme, base, grant, 'sv').find((r) => r.id === 'applicant-type')?.reason).toBe('Kommun kan söka.');
  });

  it('never turns a met rule into unknown when the user adds information', () => {
    const places = [MOSS, KARLSTAD, BERGEN, STOCKHOLM, place({ country: 'NO' }), place({ country: 'SE' }), place({ country: 'DK' })];
    const questionArb = fc.record({
      type: fc.constantFrom<ApplicantType>(...APPLICANT_TYPES),
      applicantPlace: fc.constantFrom(...places),
      partners: fc.option(fc.array(fc.constantFrom(...places), { maxLength: 3 })),
      projectType: fc.option(fc.constantFrom(...PROJECT_TYPES)),
      durationMonths: fc.option(fc.integer({ min: 1, max: 60 })),
      budgetNok: fc.option(fc.integer({ min: 1, max: 5_000_000 })),
    });
    fc.assert(
      fc.property(questionArb, fc.record({ partners: fc.boolean(), projectType: fc.boolean(), durationMonths: fc.boolean(), budgetNok: fc.boolean() }), (full, keep) => {
        const complete: EligibilityQuestion = {
          applicant: { type: full.type, place: full.applicantPlace },
          partners: full.partners?.map((p) => ({ place: p })),
          projectType: full.projectType ?? undefined,
          durationMonths: full.durationMonths ?? undefined,
          budgetNok: full.budgetNok ?? undefined,
        };
        const partial: EligibilityQuestion = {
          applicant: complete.applicant,
          partners: keep.partners ? complete.partners : undefined,
          projectType: keep.projectType ? complete.projectType : undefined,
          durationMonths: keep.durationMonths ? complete.durationMonths : undefined,
          budgetNok: keep.budgetNok ? complete.budgetNok : undefined,
        };
        const before = rules(partial);
        const after = rules(complete);
        for (const rule of before.filter((r) => r.outcome === 'met')) {
          expect(after.find((r) => r.id === rule.id)?.outcome, rule.id).not.toBe('unknown');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
