/**
 * The rules an initiative must meet beyond its schema (pure): a period that ends after it starts,
 * exactly one lead partner, budget lines that add up, benefit scores 1–5 once each, SDG targets of the
 * chosen goals, known sectors, and a programme and focus area from the catalogue or "other" with a
 * name. Each problem names its field and a message; the route answers the first with 422.
 */
import { MUNICIPAL_SECTORS } from '../reference/codes.js';
import { sdgTargets } from '../reference/sdg.js';
import type { PortfolioMessageKey } from './messages.js';
import { BENEFITS, isBenefitScore } from './benefits.js';
import { budgetMismatch, type BudgetLine, type Currency } from './money.js';

export interface PartnerInput {
  organisationId?: string | null;
  name: string;
  country: string;
  region?: string | null;
  lead: boolean;
}

export interface BenefitInput {
  benefit: string;
  score: number;
  comment?: string;
}

/** The fields the rules look at (the route's input and an import row both have them). */
export interface InitiativeRulesInput {
  programmeId?: string | null;
  priorityCode?: string | null;
  otherProgramme?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  currency?: Currency;
  budgetAmount?: string | null;
  nokRate?: string | null;
  nokRateDate?: string | null;
  budgetLines?: BudgetLine[];
  sectors?: string[];
  sdgGoals?: number[];
  sdgTargets?: string[];
  partners?: PartnerInput[];
  benefits?: BenefitInput[];
}

/** What the catalogue says about the chosen programme: its focus areas' codes, or null when there is no such programme. */
export type ProgrammePriorities = readonly string[] | null;

export interface InitiativeProblem {
  field: string;
  messageKey: PortfolioMessageKey;
  params: Record<string, string | number>;
}

const TARGET_GOAL = new Map(sdgTargets.map((t) => [t.id, t.goal]));

export function initiativeProblems(input: InitiativeRulesInput, programme: ProgrammePriorities): InitiativeProblem[] {
  const problems: InitiativeProblem[] = [];
  const problem = (field: string, messageKey: PortfolioMessageKey, params: Record<string, string | number> = {}) => problems.push({ field, messageKey, params });

  if (input.startDate && input.endDate && input.endDate < input.startDate) {
    problem('endDate', 'portfolioEndBeforeStart', { start: input.startDate, end: input.endDate });
  }

  if (input.programmeId) {
    if (programme === null) problem('programmeId', 'portfolioUnknownProgramme', { programme: input.programmeId });
    else if (input.priorityCode && !programme.includes(input.priorityCode)) {
      problem('priorityCode', 'portfolioUnknownPriority', { priority: input.priorityCode, programme: input.programmeId, known: programme.join(', ') });
    }
    if (input.otherProgramme?.trim()) problem('otherProgramme', 'portfolioProgrammeAndOther', {});
  } else if (input.priorityCode) {
    problem('priorityCode', 'portfolioPriorityWithoutProgramme', {});
  }

  const lines = input.budgetLines ?? [];
  if (lines.length > 0) {
    if (!input.budgetAmount) problem('budgetAmount', 'portfolioBudgetMissing', {});
    else {
      const mismatch = budgetMismatch(input.budgetAmount, lines);
      if (mismatch) {
        problem('budgetLines', 'portfolioBudgetLinesDoNotAddUp', { lines: mismatch.lines.join('; '), sum: mismatch.sum, budget: mismatch.budget, difference: mismatch.difference });
      }
    }
  }
  if (input.currency === 'EUR' && Boolean(input.nokRate) !== Boolean(input.nokRateDate)) {
    problem(input.nokRate ? 'nokRateDate' : 'nokRate', 'portfolioRateNeedsDate', {});
  }

  for (const [index, sector] of (input.sectors ?? []).entries()) {
    if (!(MUNICIPAL_SECTORS as readonly string[]).includes(sector)) problem(`sectors.${index}`, 'portfolioUnknownSector', { sector, known: MUNICIPAL_SECTORS.join(', ') });
  }

  const goals = new Set(input.sdgGoals ?? []);
  for (const [index, target] of (input.sdgTargets ?? []).entries()) {
    const goal = TARGET_GOAL.get(target);
    if (goal === undefined) problem(`sdgTargets.${index}`, 'portfolioUnknownSdgTarget', { target });
    else if (!goals.has(goal)) problem(`sdgTargets.${index}`, 'portfolioSdgTargetOutsideGoals', { target, goal });
  }

  const partners = input.partners ?? [];
  const leads = partners.filter((p) => p.lead).length;
  if (partners.length > 0 && leads !== 1) problem('partners', 'portfolioLeadPartner', { leads });

  const seen = new Set<string>();
  for (const [index, benefit] of (input.benefits ?? []).entries()) {
    if (!(BENEFITS as readonly string[]).includes(benefit.benefit)) problem(`benefits.${index}.benefit`, 'portfolioUnknownBenefit', { benefit: benefit.benefit });
    else if (seen.has(benefit.benefit)) problem(`benefits.${index}.benefit`, 'portfolioBenefitTwice', { benefit: benefit.benefit });
    seen.add(benefit.benefit);
    if (!isBenefitScore(benefit.score)) problem(`benefits.${index}.score`, 'portfolioBenefitScore', { score: benefit.score });
  }
  return problems;
}
