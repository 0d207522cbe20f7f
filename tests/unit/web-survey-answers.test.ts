import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../src/survey/template.js';
import type { QuestionDefinition } from '../../src/survey/questions.js';
import {
  chooseSingle,
  isAnswered,
  mergeAnswers,
  numberFromText,
  progressOf,
  toggleChoice,
  withEntryAdded,
  withEntryField,
  withEntryRemoved,
  withMatrixRow,
  withOtherText,
} from '../../web/src/survey/answers.js';

const definition = (key: string): QuestionDefinition => DEFAULT_TEMPLATE.find((q) => q.key === key)!.definition;

describe('what counts as answered', () => {
  it('text needs more than blanks', () => {
    expect(isAnswered(definition('comments'), '  ')).toBe(false);
    expect(isAnswered(definition('comments'), 'Mer tid')).toBe(true);
  });
  it('a multiple choice needs a choice or some "other" text', () => {
    expect(isAnswered(definition('needs'), { choices: [] })).toBe(false);
    expect(isAnswered(definition('needs'), { choices: ['time'] })).toBe(true);
    expect(isAnswered(definition('cooperation-areas'), { choices: [], other: 'Bibliotek' })).toBe(true);
  });
  it('a scale needs a number, and "other" as a single choice needs its text', () => {
    expect(isAnswered(definition('interest'), undefined)).toBe(false);
    expect(isAnswered(definition('interest'), 0)).toBe(true);
    const single: QuestionDefinition = { type: 'single', texts: { nb: { label: 'Hvem?' } }, options: [{ value: 'a', labels: { nb: 'A' } }], allowOther: true };
    expect(isAnswered(single, { choice: 'other', other: '' })).toBe(false);
    expect(isAnswered(single, { choice: 'other', other: 'B' })).toBe(true);
  });
  it('a group needs an entry with something in it; a matrix one row', () => {
    expect(isAnswered(definition('earlier-projects'), [{}])).toBe(false);
    expect(isAnswered(definition('earlier-projects'), [{}, { year: 2019 }])).toBe(true);
    expect(isAnswered(definition('knowledge'), {})).toBe(false);
    expect(isAnswered(definition('knowledge'), { 'erasmus-plus': 'heard-of' })).toBe(true);
  });
  it('counts the progress and names the required questions still open, in form order', () => {
    const questions = DEFAULT_TEMPLATE.map((q) => ({ key: q.key, required: q.required, definition: q.definition }));
    const progress = progressOf(questions, { comments: 'Takk', interest: 3 });
    expect(progress).toMatchObject({ answered: 2, total: DEFAULT_TEMPLATE.length });
    expect(progress.missingRequired).toEqual(DEFAULT_TEMPLATE.filter((q) => q.required && !['comments', 'interest'].includes(q.key)).map((q) => q.key));
  });
});

describe('merging the server copy with edits kept in the browser', () => {
  const versions = { comments: 1, interest: 2 };
  it('keeps a local edit typed after the server saved, to send again', () => {
    const merged = mergeAnswers({ comments: { value: 'gammel', questionVersion: 1, updatedAt: 1_000 } }, { comments: { value: 'ny', questionVersion: 1, editedAt: 2_000 } }, versions);
    expect(merged).toEqual({ values: { comments: 'ny' }, unsaved: ['comments'], outdated: [] });
  });
  it('lets a later save elsewhere (another tab) win, and forgets the older local edit', () => {
    const merged = mergeAnswers({ comments: { value: 'fra fanen', questionVersion: 1, updatedAt: 3_000 } }, { comments: { value: 'her', questionVersion: 1, editedAt: 2_000 } }, versions);
    expect(merged).toEqual({ values: { comments: 'fra fanen' }, unsaved: [], outdated: ['comments'] });
  });
  it('does not carry an edit over to a newer version of the question, nor to a removed question', () => {
    const merged = mergeAnswers({}, { interest: { value: 4, questionVersion: 1, editedAt: 5 }, gone: { value: 'x', questionVersion: 1, editedAt: 5 } }, versions);
    expect(merged).toEqual({ values: {}, unsaved: [], outdated: ['interest', 'gone'] });
  });
});

describe('changing answers', () => {
  it('toggles choices and keeps the other text', () => {
    let value = toggleChoice(undefined, 'time', true);
    value = withOtherText(value, 'Lokaler');
    value = toggleChoice(value, 'money', true);
    expect(value).toEqual({ choices: ['time', 'money'], other: 'Lokaler' });
    expect(toggleChoice(value, 'time', false)).toEqual({ choices: ['money'], other: 'Lokaler' });
    expect(withOtherText(value, '')).toEqual({ choices: ['time', 'money'] });
  });
  it('a single choice drops the other text unless "other" is chosen, and keeps it when chosen again', () => {
    expect(chooseSingle({ choice: 'other', other: 'Nordplus' }, 'erasmus')).toEqual({ choice: 'erasmus' });
    expect(chooseSingle({ choice: 'other', other: 'Nordplus' }, 'other')).toEqual({ choice: 'other', other: 'Nordplus' });
  });
  it('sets one matrix row without touching the others', () => {
    expect(withMatrixRow({ a: 'none' }, 'b', 'know-it')).toEqual({ a: 'none', b: 'know-it' });
  });
  it('adds, fills, empties and removes group entries', () => {
    let entries = withEntryAdded(undefined);
    entries = withEntryAdded(entries);
    entries = withEntryField(entries, 1, 'year', 2019);
    entries = withEntryField(entries, 1, 'partners', 'Sverige');
    expect(entries).toEqual([{}, { year: 2019, partners: 'Sverige' }]);
    expect(withEntryField(entries, 1, 'partners', '')).toEqual([{}, { year: 2019 }]);
    expect(withEntryRemoved(entries, 0)).toEqual([{ year: 2019, partners: 'Sverige' }]);
  });
  it('reads a number field: whole numbers as numbers, anything else as typed for the server to refuse', () => {
    expect(numberFromText(' 2019 ')).toBe(2019);
    expect(numberFromText('')).toBeUndefined();
    expect(numberFromText('2019,5')).toBe('2019,5');
  });
});
