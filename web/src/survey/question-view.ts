/**
 * How a question is shown (pure): its texts in the reader's language, its options and rows (those taken
 * from the catalogue included), which control suits a choice, a scale's steps with their end labels, a
 * text's limit, the form's sections, and where in the form a problem the server names belongs.
 */
import type { Language } from '../../../src/reference/codes.js';
import { SECTION_TITLES } from '../../../src/survey/template.js';
import type { CatalogueEntry, GroupField, Question, QuestionDefinition } from './types.js';

/** The server's default longest text answer (src/survey/questions.ts LIMITS.textLength). */
export const DEFAULT_TEXT_LIMIT = 4_000;
/** Longest free text for "other" (LIMITS.otherLength). */
export const OTHER_TEXT_LIMIT = 500;
/** Entries a group takes unless it says otherwise (LIMITS.entries). */
export const DEFAULT_MAX_ENTRIES = 30;
/** More single-choice options than this become a dropdown: a long radio list is tiring on a phone. */
export const MAX_RADIO_OPTIONS = 8;

/** The value an answer uses for the free-text alternative of a single choice. */
export const OTHER = 'other';

type Localised<T> = Partial<Record<Language, T>>;

/** The text in the reader's language, else bokmål, else English, else any (as the server falls back). */
export function localised<T>(texts: Localised<T> | undefined, language: Language): T | undefined {
  if (!texts) return undefined;
  return texts[language] ?? texts.nb ?? texts.en ?? Object.values(texts).find((text) => text !== undefined);
}

export function questionLabel(definition: QuestionDefinition, language: Language): string {
  return localised(definition.texts, language)?.label ?? '';
}

export function questionHelp(definition: QuestionDefinition, language: Language): string | undefined {
  const help = localised(definition.texts, language)?.help;
  return help && help.trim() !== '' ? help : undefined;
}

export interface ChoiceItem {
  value: string;
  label: string;
}

type ChoiceShape = { options?: Array<{ value: string; labels: Localised<string> }> | undefined; optionsFrom?: 'catalogue' | undefined };

/** A choice's options in order: its own, then the catalogue's programmes when it takes them. */
export function choicesOf(shape: ChoiceShape, catalogue: readonly CatalogueEntry[], language: Language): ChoiceItem[] {
  const own = (shape.options ?? []).map((option) => ({ value: option.value, label: localised(option.labels, language) ?? option.value }));
  const fromCatalogue = shape.optionsFrom === 'catalogue' ? catalogue.map((entry) => ({ value: entry.id, label: localised(entry.name, language) ?? entry.id })) : [];
  return [...own, ...fromCatalogue];
}

export function matrixRowsOf(definition: Extract<QuestionDefinition, { type: 'matrix' }>, catalogue: readonly CatalogueEntry[], language: Language): ChoiceItem[] {
  return choicesOf({ options: definition.rows, optionsFrom: definition.rowsFrom }, catalogue, language);
}

export function matrixColumnsOf(definition: Extract<QuestionDefinition, { type: 'matrix' }>, language: Language): ChoiceItem[] {
  return choicesOf({ options: definition.columns }, [], language);
}

/** Radio buttons for a few options, a dropdown for many (e.g. every programme of the catalogue). */
export function singleChoiceControl(optionCount: number): 'radio' | 'select' {
  return optionCount > MAX_RADIO_OPTIONS ? 'select' : 'radio';
}

export interface ScaleStep {
  value: number;
  /** The end's label (e.g. "none", "high") on the first and last step. */
  endLabel?: string | undefined;
}

export function scaleSteps(scale: { min: number; max: number; minLabel?: Localised<string> | undefined; maxLabel?: Localised<string> | undefined }, language: Language): ScaleStep[] {
  const steps: ScaleStep[] = [];
  for (let value = scale.min; value <= scale.max; value++) {
    const endLabel = value === scale.min ? localised(scale.minLabel, language) : value === scale.max ? localised(scale.maxLabel, language) : undefined;
    steps.push({ value, endLabel });
  }
  return steps;
}

export function textLimit(shape: { maxLength?: number | undefined }): number {
  return shape.maxLength ?? DEFAULT_TEXT_LIMIT;
}

/** A question's text is a text area unless it says single line; a group's text field is one line unless it says more. */
export function isMultiline(shape: { multiline?: boolean | undefined }, inGroup: boolean): boolean {
  return shape.multiline ?? !inGroup;
}

export function fieldLabel(field: GroupField, language: Language): string {
  return localised(field.labels, language) ?? field.key;
}

export interface Section<Q> {
  key: string;
  questions: Q[];
}

/** Questions in position order, cut into runs of the same section (a section may appear once only). */
export function sectionsOf<Q extends Pick<Question, 'section' | 'position'>>(questions: readonly Q[]): Section<Q>[] {
  const sections: Section<Q>[] = [];
  for (const question of [...questions].sort((a, b) => a.position - b.position)) {
    const last = sections.at(-1);
    if (last && last.key === question.section) last.questions.push(question);
    else sections.push({ key: question.section, questions: [question] });
  }
  return sections;
}

/** A section's title in the reader's language; a section the template does not name has none (''). */
export function sectionTitle(key: string, language: Language): string {
  return (SECTION_TITLES as Partial<Record<string, Record<Language, string>>>)[key]?.[language] ?? '';
}

/** DOM ids: every control of a question starts with the question's own prefix. */
export function questionId(key: string, part = ''): string {
  return `q-${key}${part === '' ? '' : `-${part.replace(/[^a-zA-Z0-9_-]/g, '_')}`}`;
}

/** The id of the first control of a group entry's field. */
export function entryFieldId(questionKey: string, index: number, fieldKey: string): string {
  return `${questionId(questionKey, `${index}-${fieldKey}`)}-first`;
}

/**
 * The part of a question the server names (`earlier-projects.1.year`) as the respondent sees it:
 * "Project 2: Year", a matrix row's label, or the question's own label. `entryName` names a group's
 * entries when the question does not ("Entry").
 */
export function partName(question: Pick<Question, 'key' | 'definition'>, field: string, language: Language, catalogue: readonly CatalogueEntry[], entryName: string): string {
  const { definition, key } = question;
  const label = questionLabel(definition, language);
  const part = field === key ? '' : field.startsWith(`${key}.`) ? field.slice(key.length + 1) : field;
  if (definition.type === 'group') {
    const [index, fieldKey] = part.split('.');
    if (index === undefined || !/^\d+$/.test(index)) return label;
    const entry = `${localised(definition.entryLabel, language) ?? entryName} ${Number(index) + 1}`;
    const groupField = definition.fields.find((f) => f.key === fieldKey);
    return groupField ? `${entry}: ${fieldLabel(groupField, language)}` : entry;
  }
  if (definition.type === 'matrix') {
    const row = matrixRowsOf(definition, catalogue, language).find((r) => r.value === part.split('.')[0]);
    return row ? `${label}: ${row.label}` : label;
  }
  return label;
}

/** The server's message about a refused answer, with the part it names written as the respondent sees it. */
export function readableProblem(message: string, field: string | undefined, question: Pick<Question, 'key' | 'definition'>, language: Language, catalogue: readonly CatalogueEntry[], entryName: string): string {
  return field ? message.split(field).join(partName(question, field, language, catalogue, entryName)) : message;
}

/**
 * The control a refused answer points at. The server names the part relative to the question
 * (`''`, `other`, `choices.2`, `erasmus-plus`, `2.year`), sometimes prefixed by `value.`. The page
 * falls back to the question's first control (`questionId(key, 'first')`) when there is no such control.
 */
export function problemTarget(question: Pick<Question, 'key' | 'definition'>, field: string | undefined): string {
  const part = (field ?? '').replace(/^value\.?/, '');
  const { definition, key } = question;
  if (part === '') return questionId(key, 'first');
  if (definition.type === 'group') {
    const [index, fieldKey] = part.split('.');
    const firstField = definition.fields[0]?.key;
    if (index !== undefined && /^\d+$/.test(index) && (fieldKey ?? firstField)) return entryFieldId(key, Number(index), (fieldKey ?? firstField)!);
  }
  if (definition.type === 'matrix') return questionId(key, `row-${part.split('.')[0]}`);
  if (part === OTHER || part.endsWith(`.${OTHER}`)) return questionId(key, OTHER);
  return questionId(key, 'first');
}
