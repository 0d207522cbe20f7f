/**
 * Survey questions: their types, the shape of a question's definition (one TypeBox schema serves the API,
 * the stored JSON and the TypeScript type) and the check of an answer against its question (pure).
 *
 * Answer values, by question type:
 * - single:   `{ choice: string, other?: string }` — `choice` is an option's value, or `other` when the
 *             question allows a free-text alternative (then `other` holds the text);
 * - multiple: `{ choices: string[], other?: string }` — options' values; `other` is extra free text;
 * - scale:    an integer from `scale.min` to `scale.max`;
 * - text:     a string;
 * - group:    an array of entries (one per project), each an object of the group's fields by key, every
 *             field answered like the question of its type (`number` fields hold an integer);
 * - matrix:   an object from row key to one column value (one choice per row, rows left out are unanswered).
 *
 * Options and matrix rows may come from the catalogue (`optionsFrom`/`rowsFrom: 'catalogue'`: one per
 * programme, keyed by programme id); the caller passes the catalogue's programme ids in the context.
 * A problem names a message key, its parameters and the sub-field at fault (`2.year`, `erasmus-plus`),
 * relative to the question.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Language } from '../reference/codes.js';
import type { SurveyMessageKey } from './messages.js';

export const QUESTION_TYPES = ['single', 'multiple', 'scale', 'text', 'group', 'matrix'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The types a field of a repeatable group may have. */
export const FIELD_TYPES = ['single', 'multiple', 'scale', 'text', 'number'] as const;

export const QUESTION_KEY_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';
const Key = Type.String({ pattern: QUESTION_KEY_PATTERN, description: 'Stable key: lower-case letters, digits and hyphens' });

/** Upper bounds, so that neither a definition nor an answer can grow without limit. */
export const LIMITS = {
  options: 100,
  rows: 200,
  fields: 20,
  labelLength: 500,
  helpLength: 2_000,
  /** Default and ceiling of a text answer's length. */
  textLength: 4_000,
  textLengthCeiling: 20_000,
  otherLength: 500,
  /** Default and ceiling of a group's number of entries. */
  entries: 30,
  entriesCeiling: 100,
} as const;

function localised<T extends TSchema>(item: T, description: string) {
  return Type.Object(
    { nb: Type.Optional(item), nn: Type.Optional(item), sv: Type.Optional(item), en: Type.Optional(item) },
    { additionalProperties: false, minProperties: 1, description: `${description}; at least one language, the others fall back to bokmål, then English` },
  );
}

const Label = Type.String({ minLength: 1, maxLength: LIMITS.labelLength });
export const LocalisedLabel = localised(Label, 'Label per language (nb, nn, sv, en)');
export type LocalisedLabel = Static<typeof LocalisedLabel>;

export const QuestionTexts = localised(
  Type.Object({ label: Label, help: Type.Optional(Type.String({ maxLength: LIMITS.helpLength })) }, { additionalProperties: false }),
  'The question and an optional help text, per language',
);

export const ChoiceOption = Type.Object({ value: Key, labels: LocalisedLabel }, { additionalProperties: false });
export type ChoiceOption = Static<typeof ChoiceOption>;

const Options = Type.Array(ChoiceOption, { maxItems: LIMITS.options });
const CATALOGUE = Type.Literal('catalogue', { description: 'One option (or row) per programme in the catalogue, keyed by programme id' });

const choiceFields = {
  options: Type.Optional(Options),
  optionsFrom: Type.Optional(CATALOGUE),
  allowOther: Type.Optional(Type.Boolean({ description: 'A free-text alternative ("other") besides the options' })),
};

const ScaleRange = Type.Object(
  {
    min: Type.Integer({ minimum: 0, maximum: 100 }),
    max: Type.Integer({ minimum: 1, maximum: 100 }),
    minLabel: Type.Optional(LocalisedLabel),
    maxLabel: Type.Optional(LocalisedLabel),
  },
  { additionalProperties: false },
);

const SingleShape = { type: Type.Literal('single'), ...choiceFields };
const MultipleShape = { type: Type.Literal('multiple'), ...choiceFields, maxChoices: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.options })) };
const ScaleShape = { type: Type.Literal('scale'), scale: ScaleRange };
const TextShape = { type: Type.Literal('text'), maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.textLengthCeiling })), multiline: Type.Optional(Type.Boolean()) };
const NumberShape = { type: Type.Literal('number'), min: Type.Integer(), max: Type.Integer() };

const fieldCommon = { key: Key, labels: LocalisedLabel, required: Type.Optional(Type.Boolean()) };
export const GroupField = Type.Union([
  Type.Object({ ...fieldCommon, ...SingleShape }, { additionalProperties: false }),
  Type.Object({ ...fieldCommon, ...MultipleShape }, { additionalProperties: false }),
  Type.Object({ ...fieldCommon, ...ScaleShape }, { additionalProperties: false }),
  Type.Object({ ...fieldCommon, ...TextShape }, { additionalProperties: false }),
  Type.Object({ ...fieldCommon, ...NumberShape }, { additionalProperties: false }),
]);
export type GroupField = Static<typeof GroupField>;

const questionCommon = { texts: QuestionTexts };
export const QuestionDefinition = Type.Union(
  [
    Type.Object({ ...questionCommon, ...SingleShape }, { additionalProperties: false }),
    Type.Object({ ...questionCommon, ...MultipleShape }, { additionalProperties: false }),
    Type.Object({ ...questionCommon, ...ScaleShape }, { additionalProperties: false }),
    Type.Object({ ...questionCommon, ...TextShape }, { additionalProperties: false }),
    Type.Object(
      {
        ...questionCommon,
        type: Type.Literal('group'),
        fields: Type.Array(GroupField, { minItems: 1, maxItems: LIMITS.fields }),
        maxEntries: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.entriesCeiling })),
        entryLabel: Type.Optional(LocalisedLabel),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        ...questionCommon,
        type: Type.Literal('matrix'),
        rows: Type.Optional(Type.Array(ChoiceOption, { maxItems: LIMITS.rows })),
        rowsFrom: Type.Optional(CATALOGUE),
        columns: Options,
      },
      { additionalProperties: false },
    ),
  ],
  { title: 'QuestionDefinition', description: 'What is asked and how it may be answered; the shape depends on `type`' },
);
export type QuestionDefinition = Static<typeof QuestionDefinition>;
type ChoiceDefinition = Pick<Extract<QuestionDefinition, { type: 'single' }>, 'options' | 'optionsFrom' | 'allowOther'>;

/** What a check needs besides the definition: the catalogue's programme ids, for options and rows taken from it. */
export interface AnswerContext {
  catalogueIds: ReadonlySet<string>;
}

export interface AnswerProblem {
  messageKey: SurveyMessageKey;
  params: Record<string, string | number>;
  /** The part of the answer at fault, relative to the question (`''` for the whole answer). */
  field: string;
}

export type AnswerCheck = { ok: true; value: unknown } | { ok: false; problem: AnswerProblem };

/** The text in the wanted language, else bokmål, else English, else any. */
export function inLanguage<T>(texts: Partial<Record<Language, T>>, language: Language): T {
  return (texts[language] ?? texts.nb ?? texts.en ?? Object.values(texts).find((t) => t !== undefined)) as T;
}

/**
 * Problems in a definition the schema cannot see: choices without options, a scale upside down, keys
 * used twice. Returns the first, with the part of the definition at fault.
 */
export function definitionProblem(definition: QuestionDefinition): AnswerProblem | null {
  const duplicate = (values: string[]) => values.find((value, index) => values.indexOf(value) !== index);
  const choices = (d: ChoiceDefinition, at: string): AnswerProblem | null => {
    if (d.optionsFrom === undefined && (d.options ?? []).length === 0) return { messageKey: 'surveyDefinitionNoOptions', params: {}, field: `${at}options` };
    const repeated = duplicate((d.options ?? []).map((o) => o.value));
    return repeated ? { messageKey: 'surveyDefinitionDuplicateKey', params: { key: repeated }, field: `${at}options` } : null;
  };
  const field = (f: GroupField | QuestionDefinition, at: string): AnswerProblem | null => {
    switch (f.type) {
      case 'single':
      case 'multiple':
        return choices(f, at);
      case 'scale':
        return f.scale.min < f.scale.max ? null : { messageKey: 'surveyDefinitionRange', params: {}, field: `${at}scale` };
      case 'number':
        return f.min <= f.max ? null : { messageKey: 'surveyDefinitionRange', params: {}, field: `${at}min` };
      default:
        return null;
    }
  };
  switch (definition.type) {
    case 'group': {
      const repeated = duplicate(definition.fields.map((f) => f.key));
      if (repeated) return { messageKey: 'surveyDefinitionDuplicateKey', params: { key: repeated }, field: 'fields' };
      for (const [index, f] of definition.fields.entries()) {
        const problem = field(f, `fields.${index}.`);
        if (problem) return problem;
      }
      return null;
    }
    case 'matrix': {
      if (definition.rowsFrom === undefined && (definition.rows ?? []).length === 0) return { messageKey: 'surveyDefinitionNoOptions', params: {}, field: 'rows' };
      if (definition.columns.length === 0) return { messageKey: 'surveyDefinitionNoOptions', params: {}, field: 'columns' };
      const repeated = duplicate((definition.rows ?? []).map((r) => r.value)) ?? duplicate(definition.columns.map((c) => c.value));
      return repeated ? { messageKey: 'surveyDefinitionDuplicateKey', params: { key: repeated }, field: 'rows' } : null;
    }
    default:
      return field(definition, '');
  }
}

// ---------------------------------------------------------------------------------------------------
// Checking an answer. Each check returns the normalised value (strings trimmed, choices de-duplicated).

const fail = (messageKey: SurveyMessageKey, field: string, params: Record<string, string | number> = {}): AnswerCheck => ({ ok: false, problem: { messageKey, params, field } });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (at: string, part: string | number) => (at === '' ? String(part) : `${at}.${part}`);

/** The keys an answer may choose among, or null when any programme id of the catalogue is allowed too. */
function optionValues(d: ChoiceDefinition, context: AnswerContext): Set<string> {
  const values = new Set((d.options ?? []).map((o) => o.value));
  if (d.optionsFrom === 'catalogue') for (const id of context.catalogueIds) values.add(id);
  return values;
}

function checkOther(value: Record<string, unknown>, d: ChoiceDefinition, at: string): { ok: true; other: string | undefined } | { ok: false; check: AnswerCheck } {
  if (value.other === undefined || value.other === null) return { ok: true, other: undefined };
  if (!d.allowOther) return { ok: false, check: fail('surveyAnswerOtherNotAllowed', join(at, 'other')) };
  if (typeof value.other !== 'string') return { ok: false, check: fail('surveyAnswerNotText', join(at, 'other')) };
  const other = value.other.trim();
  if (other.length > LIMITS.otherLength) return { ok: false, check: fail('surveyAnswerTooLong', join(at, 'other'), { limit: LIMITS.otherLength }) };
  return { ok: true, other: other === '' ? undefined : other };
}

function unknownKeys(value: Record<string, unknown>, allowed: string[], at: string): AnswerCheck | null {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  return extra === undefined ? null : fail('surveyAnswerUnknownPart', join(at, extra), { part: extra });
}

function checkSingle(d: ChoiceDefinition, value: unknown, context: AnswerContext, at: string): AnswerCheck {
  if (!isRecord(value) || typeof value.choice !== 'string') return fail('surveyAnswerWrongShape', at, { expected: '{ choice }' });
  const extra = unknownKeys(value, ['choice', 'other'], at);
  if (extra) return extra;
  const other = checkOther(value, d, at);
  if (!other.ok) return other.check;
  if (value.choice === 'other' && d.allowOther) {
    if (other.other === undefined) return fail('surveyAnswerOtherMissing', join(at, 'other'));
    return { ok: true, value: { choice: 'other', other: other.other } };
  }
  if (!optionValues(d, context).has(value.choice)) return fail('surveyAnswerUnknownChoice', join(at, 'choice'), { choice: value.choice });
  if (other.other !== undefined) return fail('surveyAnswerOtherNotAllowed', join(at, 'other'));
  return { ok: true, value: { choice: value.choice } };
}

function checkMultiple(d: ChoiceDefinition & { maxChoices?: number }, value: unknown, context: AnswerContext, at: string): AnswerCheck {
  if (!isRecord(value) || !Array.isArray(value.choices)) return fail('surveyAnswerWrongShape', at, { expected: '{ choices: [] }' });
  const extra = unknownKeys(value, ['choices', 'other'], at);
  if (extra) return extra;
  const allowed = optionValues(d, context);
  const chosen: string[] = [];
  for (const [index, choice] of value.choices.entries()) {
    if (typeof choice !== 'string' || !allowed.has(choice)) return fail('surveyAnswerUnknownChoice', join(at, `choices.${index}`), { choice: String(choice) });
    if (!chosen.includes(choice)) chosen.push(choice);
  }
  if (d.maxChoices !== undefined && chosen.length > d.maxChoices) return fail('surveyAnswerTooMany', join(at, 'choices'), { limit: d.maxChoices });
  const other = checkOther(value, d, at);
  if (!other.ok) return other.check;
  return { ok: true, value: other.other === undefined ? { choices: chosen } : { choices: chosen, other: other.other } };
}

function checkInteger(value: unknown, min: number, max: number, at: string): AnswerCheck {
  if (typeof value !== 'number' || !Number.isInteger(value)) return fail('surveyAnswerNotInteger', at);
  if (value < min || value > max) return fail('surveyAnswerOutOfRange', at, { min, max });
  return { ok: true, value };
}

function checkText(value: unknown, maxLength: number, at: string): AnswerCheck {
  if (typeof value !== 'string') return fail('surveyAnswerNotText', at);
  const text = value.trim();
  if (text.length > maxLength) return fail('surveyAnswerTooLong', at, { limit: maxLength });
  return { ok: true, value: text };
}

function checkField(field: GroupField, value: unknown, context: AnswerContext, at: string): AnswerCheck {
  switch (field.type) {
    case 'single':
      return checkSingle(field, value, context, at);
    case 'multiple':
      return checkMultiple(field, value, context, at);
    case 'scale':
      return checkInteger(value, field.scale.min, field.scale.max, at);
    case 'text':
      return checkText(value, field.maxLength ?? LIMITS.textLength, at);
    case 'number':
      return checkInteger(value, field.min, field.max, at);
  }
}

/** A field left empty: absent, null, blank text, or a choice question with nothing chosen. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (isRecord(value) && Array.isArray(value.choices)) return value.choices.length === 0 && (value.other === undefined || value.other === '');
  return false;
}

function checkGroup(d: Extract<QuestionDefinition, { type: 'group' }>, value: unknown, context: AnswerContext): AnswerCheck {
  if (!Array.isArray(value)) return fail('surveyAnswerWrongShape', '', { expected: '[ { … } ]' });
  const maxEntries = d.maxEntries ?? LIMITS.entries;
  if (value.length > maxEntries) return fail('surveyAnswerTooMany', '', { limit: maxEntries });
  const entries: Record<string, unknown>[] = [];
  for (const [index, entry] of value.entries()) {
    const at = String(index);
    if (!isRecord(entry)) return fail('surveyAnswerWrongShape', at, { expected: '{ … }' });
    const extra = unknownKeys(entry, d.fields.map((f) => f.key), at);
    if (extra) return extra;
    const normalised: Record<string, unknown> = {};
    for (const field of d.fields) {
      const fieldValue = entry[field.key];
      if (isEmpty(fieldValue)) {
        // Entries are saved while they are typed: only a required field with others filled in is wrong.
        continue;
      }
      const check = checkField(field, fieldValue, context, join(at, field.key));
      if (!check.ok) return check;
      normalised[field.key] = check.value;
    }
    entries.push(normalised);
  }
  return { ok: true, value: entries };
}

function checkMatrix(d: Extract<QuestionDefinition, { type: 'matrix' }>, value: unknown, context: AnswerContext): AnswerCheck {
  if (!isRecord(value)) return fail('surveyAnswerWrongShape', '', { expected: '{ row: column }' });
  const rows = new Set((d.rows ?? []).map((r) => r.value));
  if (d.rowsFrom === 'catalogue') for (const id of context.catalogueIds) rows.add(id);
  const columns = new Set(d.columns.map((c) => c.value));
  const normalised: Record<string, string> = {};
  for (const [row, column] of Object.entries(value)) {
    if (!rows.has(row)) return fail('surveyAnswerUnknownRow', row, { row });
    if (column === null) continue;
    if (typeof column !== 'string' || !columns.has(column)) return fail('surveyAnswerUnknownChoice', row, { choice: String(column) });
    normalised[row] = column;
  }
  return { ok: true, value: normalised };
}

/** Whether `value` answers the question; the value to store (normalised) or the problem and where it is. */
export function validateAnswer(definition: QuestionDefinition, value: unknown, context: AnswerContext = { catalogueIds: new Set() }): AnswerCheck {
  switch (definition.type) {
    case 'single':
      return checkSingle(definition, value, context, '');
    case 'multiple':
      return checkMultiple(definition, value, context, '');
    case 'scale':
      return checkInteger(value, definition.scale.min, definition.scale.max, '');
    case 'text':
      return checkText(value, definition.maxLength ?? LIMITS.textLength, '');
    case 'group':
      return checkGroup(definition, value, context);
    case 'matrix':
      return checkMatrix(definition, value, context);
  }
}

/**
 * What is missing at submission: a required question left unanswered, or, in any answered group, a
 * required field of an entry left empty. Returns the first gap, or null.
 */
export function completenessProblem(definition: QuestionDefinition, required: boolean, value: unknown): AnswerProblem | null {
  const missing = (field: string): AnswerProblem => ({ messageKey: 'surveyAnswerRequired', params: {}, field });
  const unanswered =
    isEmpty(value) ||
    (definition.type === 'group' && (!Array.isArray(value) || value.length === 0)) ||
    (definition.type === 'matrix' && (!isRecord(value) || Object.keys(value).length === 0)) ||
    (isRecord(value) && 'choices' in value && isEmpty(value));
  if (unanswered) return required ? missing('') : null;
  if (definition.type === 'group' && Array.isArray(value)) {
    for (const [index, entry] of value.entries()) {
      const gap = definition.fields.find((f) => f.required && isEmpty((entry as Record<string, unknown>)[f.key]));
      if (gap) return missing(`${index}.${gap.key}`);
    }
  }
  return null;
}
