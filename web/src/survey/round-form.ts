/** A round's details as a form holds them, and as the API takes them (pure). */
import type { Language } from '../../../src/reference/codes.js';
import type { Round } from './types.js';

export interface RoundForm {
  organisationId: string;
  title: string;
  introduction: string;
  /** Dates as the date fields hold them, YYYY-MM-DD; opening is optional. */
  opensOn: string;
  closesOn: string;
  reminderDays: string;
  minGroupSize: string;
  retentionOn: string;
  language: Language;
}

export type RoundFormField = Exclude<keyof RoundForm, 'organisationId'> | 'organisationId';

const pad = (n: number) => String(n).padStart(2, '0');
/** A date in the browser's calendar, YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00`);
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

/** A new round: three weeks to answer, reminders a week and two days before, answers kept a year after. */
export function newRoundForm(today: Date, organisationId: string, language: Language): RoundForm {
  const closesOn = addDays(isoDay(today), 21);
  return { organisationId, title: '', introduction: '', opensOn: '', closesOn, reminderDays: '7, 2', minGroupSize: '3', retentionOn: addDays(closesOn, 365), language };
}

export function formFromRound(round: Pick<Round, 'organisationId' | 'title' | 'introduction' | 'opensAt' | 'closesAt' | 'reminderDays' | 'minGroupSize' | 'retentionUntil' | 'language'>): RoundForm {
  const day = (iso: string | null) => (iso ? isoDay(new Date(iso)) : '');
  return {
    organisationId: round.organisationId,
    title: round.title,
    introduction: round.introduction,
    opensOn: day(round.opensAt),
    closesOn: day(round.closesAt),
    reminderDays: round.reminderDays.join(', '),
    minGroupSize: String(round.minGroupSize),
    retentionOn: day(round.retentionUntil),
    language: round.language,
  };
}

/** The server's limits (src/survey/routes.ts): reminders up to 60 days before closing, groups of 1 to 50. */
export const MAX_REMINDER_DAYS = 60;
export const MAX_GROUP_SIZE = 50;

/** "7, 2" → [7, 2] (largest first, no repeats); null when it is not a list of whole days from 1 to 60. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.some((part) => !/^\d{1,2}$/.test(part))) return null;
  const days = [...new Set(parts.map(Number))];
  if (days.some((day) => day < 1 || day > MAX_REMINDER_DAYS)) return null;
  return days.sort((a, b) => b - a);
}

export type RoundFormProblem = { field: RoundFormField; problem: 'required' | 'reminders' | 'groupSize' | 'closesBeforeOpens' | 'retentionBeforeClose' };

/** What can be told before asking the server; it checks the rest. */
export function roundFormProblems(form: RoundForm): RoundFormProblem[] {
  const problems: RoundFormProblem[] = [];
  if (form.organisationId === '') problems.push({ field: 'organisationId', problem: 'required' });
  if (form.title.trim() === '') problems.push({ field: 'title', problem: 'required' });
  if (form.closesOn === '') problems.push({ field: 'closesOn', problem: 'required' });
  else if (form.opensOn !== '' && form.opensOn >= form.closesOn) problems.push({ field: 'closesOn', problem: 'closesBeforeOpens' });
  if (parseReminderDays(form.reminderDays) === null) problems.push({ field: 'reminderDays', problem: 'reminders' });
  if (!/^\d{1,2}$/.test(form.minGroupSize.trim()) || Number(form.minGroupSize) < 1 || Number(form.minGroupSize) > MAX_GROUP_SIZE) problems.push({ field: 'minGroupSize', problem: 'groupSize' });
  if (form.retentionOn === '') problems.push({ field: 'retentionOn', problem: 'required' });
  else if (form.closesOn !== '' && form.retentionOn <= form.closesOn) problems.push({ field: 'retentionOn', problem: 'retentionBeforeClose' });
  return problems;
}

/** The API's body: the round opens at the start of its day, closes at its end, and answers go at the start of the retention day. */
export function roundBody(form: RoundForm): Record<string, unknown> {
  const at = (day: string, time: string) => new Date(`${day}T${time}`).toISOString();
  return {
    title: form.title.trim(),
    introduction: form.introduction.trim(),
    ...(form.opensOn === '' ? {} : { opensAt: at(form.opensOn, '00:00:00') }),
    closesAt: at(form.closesOn, '23:59:00'),
    reminderDays: parseReminderDays(form.reminderDays) ?? [],
    minGroupSize: Number(form.minGroupSize),
    retentionUntil: at(form.retentionOn, '00:00:00'),
    language: form.language,
  };
}

/** API field names → the form's, so the server's refusal lands on the right field. */
export const API_FIELDS: Record<string, RoundFormField> = {
  organisationId: 'organisationId',
  title: 'title',
  introduction: 'introduction',
  opensAt: 'opensOn',
  closesAt: 'closesOn',
  reminderDays: 'reminderDays',
  minGroupSize: 'minGroupSize',
  retentionUntil: 'retentionOn',
  language: 'language',
};
