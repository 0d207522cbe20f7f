/**
 * The initiative form's state and rules (pure): what is typed, how it becomes the API's input, what can
 * be told before asking the server (the budget lines against the budget, end before start, one lead
 * partner), and whether anything has changed since the form was opened.
 */
import { BENEFITS, type Benefit } from '../../../src/portfolio/benefits.js';
import { formatCents, toCents, type BudgetLineKind, type Currency } from '../../../src/portfolio/money.js';
import { sdgTargets } from '../../../src/reference/sdg.js';
import { OTHER_PROGRAMME } from './filters.js';
import type { Initiative, InitiativeBody } from './types.js';

export interface PartnerForm {
  /** Identifies the row while it is edited (not sent). */
  key: string;
  organisationId: string | null;
  name: string;
  country: string;
  region: string;
  lead: boolean;
}

export interface BudgetLineForm {
  key: string;
  kind: BudgetLineKind;
  label: string;
  /** As typed: "125 000,50" and "125000.50" both work. */
  amount: string;
}

export interface BenefitForm {
  /** 1–5 as text from the radio group; '' when not scored. */
  score: string;
  comment: string;
}

export interface InitiativeForm {
  organisationId: string;
  title: string;
  summary: string;
  /** The contact as a person in the product (kept as it was), or a name typed. */
  contactUserId: string | null;
  contactName: string;
  /** A catalogue programme id, `other`, or '' for none yet. */
  programme: string;
  priorityCode: string;
  otherProgramme: string;
  callReference: string;
  deadline: string;
  startDate: string;
  endDate: string;
  currency: Currency;
  budgetAmount: string;
  nokRate: string;
  nokRateDate: string;
  budgetLines: BudgetLineForm[];
  hoursApplication: string;
  hoursProject: string;
  sectors: string[];
  sdgGoals: number[];
  sdgTargets: string[];
  partners: PartnerForm[];
  benefits: Record<Benefit, BenefitForm>;
  notes: string;
  private: boolean;
}

const noBenefits = (): Record<Benefit, BenefitForm> => Object.fromEntries(BENEFITS.map((b) => [b, { score: '', comment: '' }])) as Record<Benefit, BenefitForm>;

export function emptyForm(organisationId = ''): InitiativeForm {
  return {
    organisationId,
    title: '',
    summary: '',
    contactUserId: null,
    contactName: '',
    programme: '',
    priorityCode: '',
    otherProgramme: '',
    callReference: '',
    deadline: '',
    startDate: '',
    endDate: '',
    currency: 'NOK',
    budgetAmount: '',
    nokRate: '',
    nokRateDate: '',
    budgetLines: [],
    hoursApplication: '',
    hoursProject: '',
    sectors: [],
    sdgGoals: [],
    sdgTargets: [],
    partners: [],
    benefits: noBenefits(),
    notes: '',
    private: false,
  };
}

let keys = 0;
/** A fresh row key for a new partner or budget line. */
export function rowKey(): string {
  keys += 1;
  return `row-${Date.now().toString(36)}-${keys}`;
}

/** An amount as the API stores it, shown the way people type it: `'125000.50'` stays, `'125000.00'` → `'125000'`. */
const amountText = (amount: string | null) => (amount === null ? '' : amount.replace(/\.00$/, ''));

export function formFromInitiative(initiative: Initiative): InitiativeForm {
  const benefits = noBenefits();
  for (const b of initiative.benefits) benefits[b.benefit] = { score: String(b.score), comment: b.comment };
  return {
    organisationId: initiative.organisationId,
    title: initiative.title,
    summary: initiative.summary,
    contactUserId: initiative.contactUserId,
    contactName: initiative.contactName ?? '',
    programme: initiative.programmeId ?? (initiative.otherProgramme ? OTHER_PROGRAMME : ''),
    priorityCode: initiative.priorityCode ?? '',
    otherProgramme: initiative.otherProgramme ?? '',
    callReference: initiative.callReference ?? '',
    deadline: initiative.deadline ?? '',
    startDate: initiative.startDate ?? '',
    endDate: initiative.endDate ?? '',
    currency: initiative.currency,
    budgetAmount: amountText(initiative.budgetAmount),
    nokRate: initiative.currency === 'EUR' && initiative.nokRateDate ? initiative.nokRate : '',
    nokRateDate: initiative.currency === 'EUR' ? (initiative.nokRateDate ?? '') : '',
    budgetLines: initiative.budgetLines.map((line) => ({ key: rowKey(), kind: line.kind, label: line.label, amount: amountText(line.amount) })),
    hoursApplication: initiative.hoursApplication ?? '',
    hoursProject: initiative.hoursProject ?? '',
    sectors: [...initiative.sectors],
    sdgGoals: [...initiative.sdgGoals],
    sdgTargets: [...initiative.sdgTargets],
    partners: initiative.partners.map((p) => ({ key: rowKey(), organisationId: p.organisationId, name: p.name, country: p.country, region: p.region ?? '', lead: p.lead })),
    benefits,
    notes: initiative.notes,
    private: initiative.private,
  };
}

/**
 * An amount as typed → the API's decimal string: spaces (also no-break) as thousands separators, comma
 * or point as the decimal sign. `null` for an empty field, `undefined` when it is not an amount.
 */
export function parseAmount(text: string): string | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return null;
  if (!/^[0-9]{1,14}(\.[0-9]{1,2})?$/.test(compact)) return undefined;
  return formatCents(toCents(compact)).replace(/^0+(?=\d)/, '');
}

/** Hours as typed (comma or point, one decimal) → the API's string; null when empty, undefined when wrong. */
export function parseHours(text: string): string | null | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (compact === '') return null;
  return /^[0-9]{1,9}(\.[0-9])?$/.test(compact) ? compact : undefined;
}

export interface BudgetCheck {
  /** The lines' sum, exact (øre/cents as a decimal string). */
  sum: string;
  /** Budget minus sum; null without a budget. */
  difference: string | null;
  /** Lines present, a budget given, and they agree. */
  balanced: boolean;
  /** The lines whose amount is not a number (by key). */
  unreadable: string[];
}

/** The live sum check under the budget lines, in exact integer arithmetic. */
export function checkBudget(budgetAmount: string, lines: readonly BudgetLineForm[]): BudgetCheck {
  const unreadable: string[] = [];
  let sum = 0n;
  for (const line of lines) {
    const amount = parseAmount(line.amount);
    if (amount === undefined) unreadable.push(line.key);
    else if (amount !== null) sum += toCents(amount);
  }
  const budget = parseAmount(budgetAmount);
  const difference = typeof budget === 'string' ? toCents(budget) - sum : null;
  return { sum: formatCents(sum), difference: difference === null ? null : formatCents(difference), balanced: difference === 0n && unreadable.length === 0, unreadable };
}

/** The targets that belong to the chosen goals (a target of a goal no longer chosen is dropped). */
export function targetsWithinGoals(targets: readonly string[], goals: readonly number[]): string[] {
  const goalOf = new Map(sdgTargets.map((t) => [t.id, t.goal]));
  return targets.filter((target) => goals.includes(goalOf.get(target) ?? 0));
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The form as the API's input. Call `formProblems` first: unreadable amounts are sent as null here. */
export function inputFromForm(form: InitiativeForm): InitiativeBody {
  const other = form.programme === OTHER_PROGRAMME;
  const eur = form.currency === 'EUR';
  return {
    organisationId: form.organisationId,
    title: form.title.trim(),
    summary: form.summary,
    private: form.private,
    contactUserId: form.contactUserId,
    contactName: form.contactUserId ? null : orNull(form.contactName),
    programmeId: form.programme && !other ? form.programme : null,
    priorityCode: form.programme && !other ? orNull(form.priorityCode) : null,
    otherProgramme: other ? orNull(form.otherProgramme) : null,
    callReference: orNull(form.callReference),
    deadline: orNull(form.deadline),
    startDate: orNull(form.startDate),
    endDate: orNull(form.endDate),
    currency: form.currency,
    budgetAmount: parseAmount(form.budgetAmount) ?? null,
    nokRate: eur ? orNull(form.nokRate.replace(',', '.')) : null,
    nokRateDate: eur ? orNull(form.nokRateDate) : null,
    budgetLines: form.budgetLines.map((line) => ({ kind: line.kind, label: line.label.trim(), amount: parseAmount(line.amount) ?? '0' })),
    hoursApplication: parseHours(form.hoursApplication) ?? null,
    hoursProject: parseHours(form.hoursProject) ?? null,
    sectors: form.sectors as InitiativeBody['sectors'],
    sdgGoals: form.sdgGoals,
    sdgTargets: targetsWithinGoals(form.sdgTargets, form.sdgGoals),
    notes: form.notes,
    partners: form.partners.map((p) => ({ organisationId: p.organisationId, name: p.name.trim(), country: p.country.trim().toUpperCase(), region: orNull(p.region), lead: p.lead })),
    benefits: BENEFITS.filter((b) => form.benefits[b].score !== '').map((b) => ({ benefit: b, score: Number(form.benefits[b].score), comment: form.benefits[b].comment.trim() })),
  };
}

/** The field ids of the form, by the API's field names (the error summary links to them). */
export const FORM_FIELDS = [
  'organisationId',
  'title',
  'summary',
  'contactName',
  'programmeId',
  'priorityCode',
  'otherProgramme',
  'callReference',
  'deadline',
  'startDate',
  'endDate',
  'currency',
  'budgetAmount',
  'nokRate',
  'nokRateDate',
  'budgetLines',
  'hoursApplication',
  'hoursProject',
  'sectors',
  'sdgGoals',
  'sdgTargets',
  'partners',
  'benefits',
  'notes',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** A problem key and its parameters, translated by the page (`portfolio.form.problems.<key>`). */
export interface FormRuleProblem {
  field: FormField;
  key: 'titleMissing' | 'organisationMissing' | 'endBeforeStart' | 'amountUnreadable' | 'budgetMissing' | 'linesDoNotAddUp' | 'hoursUnreadable' | 'leadPartner' | 'partnerIncomplete' | 'otherProgrammeName' | 'rateNeedsDate';
  params?: Record<string, string>;
}

/** What can be told before asking the server. The server checks the same and more. */
export function formRuleProblems(form: InitiativeForm): FormRuleProblem[] {
  const problems: FormRuleProblem[] = [];
  if (!form.organisationId) problems.push({ field: 'organisationId', key: 'organisationMissing' });
  if (!form.title.trim()) problems.push({ field: 'title', key: 'titleMissing' });
  if (form.programme === OTHER_PROGRAMME && !form.otherProgramme.trim()) problems.push({ field: 'otherProgramme', key: 'otherProgrammeName' });
  if (form.startDate && form.endDate && form.endDate < form.startDate) problems.push({ field: 'endDate', key: 'endBeforeStart' });
  if (parseAmount(form.budgetAmount) === undefined) problems.push({ field: 'budgetAmount', key: 'amountUnreadable' });
  const budget = checkBudget(form.budgetAmount, form.budgetLines);
  if (budget.unreadable.length > 0) problems.push({ field: 'budgetLines', key: 'amountUnreadable' });
  else if (form.budgetLines.length > 0 && parseAmount(form.budgetAmount) === null) problems.push({ field: 'budgetAmount', key: 'budgetMissing' });
  else if (form.budgetLines.length > 0 && !budget.balanced && budget.difference !== null) problems.push({ field: 'budgetLines', key: 'linesDoNotAddUp', params: { sum: budget.sum, difference: budget.difference } });
  if (form.currency === 'EUR' && Boolean(form.nokRate.trim()) !== Boolean(form.nokRateDate)) problems.push({ field: form.nokRate.trim() ? 'nokRateDate' : 'nokRate', key: 'rateNeedsDate' });
  for (const field of ['hoursApplication', 'hoursProject'] as const) if (parseHours(form[field]) === undefined) problems.push({ field, key: 'hoursUnreadable' });
  if (form.partners.some((p) => !p.name.trim() || !/^[A-Za-z]{2}$/.test(p.country.trim()))) problems.push({ field: 'partners', key: 'partnerIncomplete' });
  else if (form.partners.length > 0 && form.partners.filter((p) => p.lead).length !== 1) problems.push({ field: 'partners', key: 'leadPartner' });
  return problems;
}

/** Whether two states of the form say the same (row keys aside): nothing would be lost by leaving. */
export function sameForm(a: InitiativeForm, b: InitiativeForm): boolean {
  return JSON.stringify(inputForComparison(a)) === JSON.stringify(inputForComparison(b));
}

function inputForComparison(form: InitiativeForm) {
  return { ...form, budgetLines: form.budgetLines.map(({ key: _key, ...line }) => line), partners: form.partners.map(({ key: _key, ...partner }) => partner) };
}
