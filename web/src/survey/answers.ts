/**
 * The respondent's answers in the browser (pure): what counts as answered, the progress through the form,
 * and which of two copies of an answer to keep — the server's, or an edit this browser had not yet saved.
 */
import type { QuestionDefinition } from './types.js';

export type ChoiceValue = { choice: string; other?: string };
export type ChoicesValue = { choices: string[]; other?: string };
export type GroupEntry = Record<string, unknown>;
export type MatrixValue = Record<string, string>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A single value (a field of a group, or a question) that holds something. */
function holdsSomething(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (isRecord(value) && Array.isArray(value.choices)) return value.choices.length > 0 || (typeof value.other === 'string' && value.other.trim() !== '');
  if (isRecord(value) && typeof value.choice === 'string') return value.choice !== 'other' || (typeof value.other === 'string' && value.other.trim() !== '');
  return false;
}

/** Whether the question has an answer worth counting: a group needs an entry with something in it, a matrix one row. */
export function isAnswered(definition: QuestionDefinition, value: unknown): boolean {
  switch (definition.type) {
    case 'group':
      return Array.isArray(value) && value.some((entry) => isRecord(entry) && Object.values(entry).some(holdsSomething));
    case 'matrix':
      return isRecord(value) && Object.values(value).some((column) => typeof column === 'string');
    default:
      return holdsSomething(value);
  }
}

export interface Progress {
  answered: number;
  total: number;
  /** Required questions still without an answer, in form order. */
  missingRequired: string[];
}

export function progressOf(questions: ReadonlyArray<{ key: string; required: boolean; definition: QuestionDefinition }>, values: Readonly<Record<string, unknown>>): Progress {
  let answered = 0;
  const missingRequired: string[] = [];
  for (const question of questions) {
    if (isAnswered(question.definition, values[question.key])) answered += 1;
    else if (question.required) missingRequired.push(question.key);
  }
  return { answered, total: questions.length, missingRequired };
}

/** An edit made in this browser that the server had not confirmed when the page was left. */
export interface LocalEdit {
  value: unknown;
  /** The question version it answers. */
  questionVersion: number;
  /** When it was typed (this browser's clock, ms). */
  editedAt: number;
}

export interface ServerAnswer {
  value: unknown;
  questionVersion: number;
  /** When the server stored it, on this browser's clock (ms). */
  updatedAt: number;
}

export interface MergedAnswers {
  values: Record<string, unknown>;
  /** Keys whose local edit is newer than the server's answer: they are to be saved again. */
  unsaved: string[];
  /** Keys whose local edit lost to a later save elsewhere (another tab or device): to be forgotten. */
  outdated: string[];
}

/**
 * The answers to show: the server's, except where this browser holds an unsaved edit typed after the
 * server's answer was stored (the later save wins, per question). An edit to an older version of a
 * question that has since changed is not carried over: its wording may no longer fit.
 */
export function mergeAnswers(
  server: Readonly<Record<string, ServerAnswer>>,
  local: Readonly<Record<string, LocalEdit>>,
  currentVersions: Readonly<Record<string, number>>,
): MergedAnswers {
  const values: Record<string, unknown> = {};
  for (const [key, answer] of Object.entries(server)) values[key] = answer.value;
  const unsaved: string[] = [];
  const outdated: string[] = [];
  for (const [key, edit] of Object.entries(local)) {
    const version = currentVersions[key];
    const stored = server[key];
    if (version === undefined || edit.questionVersion !== version || (stored && stored.updatedAt >= edit.editedAt)) {
      outdated.push(key);
      continue;
    }
    values[key] = edit.value;
    unsaved.push(key);
  }
  return { values, unsaved, outdated };
}

// ---- Changing answers (each returns a new value; the form never mutates what it holds)

export function toggleChoice(value: unknown, choice: string, checked: boolean): ChoicesValue {
  const current = isRecord(value) && Array.isArray(value.choices) ? (value as ChoicesValue) : { choices: [] };
  const choices = checked ? [...current.choices.filter((c) => c !== choice), choice] : current.choices.filter((c) => c !== choice);
  return current.other === undefined ? { choices } : { choices, other: current.other };
}

export function withOtherText(value: unknown, other: string): ChoicesValue {
  const current = isRecord(value) && Array.isArray(value.choices) ? (value as ChoicesValue) : { choices: [] };
  return other === '' ? { choices: current.choices } : { choices: current.choices, other };
}

/** A single choice; choosing `other` keeps the text typed for it, any other choice drops it. */
export function chooseSingle(value: unknown, choice: string, other?: string): ChoiceValue {
  if (choice !== 'other') return { choice };
  const previous = isRecord(value) && typeof value.other === 'string' ? value.other : '';
  return { choice: 'other', other: other ?? previous };
}

export function withMatrixRow(value: unknown, row: string, column: string): MatrixValue {
  return { ...(isRecord(value) ? (value as MatrixValue) : {}), [row]: column };
}

export function entriesOf(value: unknown): GroupEntry[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function withEntryField(value: unknown, index: number, field: string, fieldValue: unknown): GroupEntry[] {
  return entriesOf(value).map((entry, i) => {
    if (i !== index) return entry;
    const next = { ...entry };
    if (fieldValue === undefined || fieldValue === '') delete next[field];
    else next[field] = fieldValue;
    return next;
  });
}

export function withEntryAdded(value: unknown): GroupEntry[] {
  return [...entriesOf(value), {}];
}

export function withEntryRemoved(value: unknown, index: number): GroupEntry[] {
  return entriesOf(value).filter((_, i) => i !== index);
}

/**
 * What a number field's text means: an integer, nothing (empty), or the text itself when it is not a
 * whole number — the server then says so at the field, and what was typed stays.
 */
export function numberFromText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d{1,9}$/.test(trimmed) ? Number(trimmed) : trimmed;
}
