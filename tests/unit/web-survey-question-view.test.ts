import { describe, expect, it } from 'vitest';
import { LIMITS, type QuestionDefinition } from '../../src/survey/questions.js';
import { DEFAULT_TEMPLATE } from '../../src/survey/template.js';
import { openLocalCopy, storageKey } from '../../web/src/survey/local-copy.js';
import { hasBlankLabel, optionListsOf, withOptionLabel, withQuestionText } from '../../web/src/survey/question-edit.js';
import {
  DEFAULT_MAX_ENTRIES,
  DEFAULT_TEXT_LIMIT,
  OTHER_TEXT_LIMIT,
  choicesOf,
  isMultiline,
  matrixRowsOf,
  problemTarget,
  questionId,
  scaleSteps,
  sectionTitle,
  sectionsOf,
  singleChoiceControl,
  textLimit,
} from '../../web/src/survey/question-view.js';

const template = (key: string) => DEFAULT_TEMPLATE.find((q) => q.key === key)!;
// As GET /api/survey-responses/:token gives them: each programme's name per language.
const catalogue = [
  { id: 'erasmus-plus', name: { nb: 'Erasmus+', en: 'Erasmus+' } },
  { id: 'interreg-sverige-norge', name: { nb: 'Interreg Sverige–Norge', sv: 'Interreg Sverige–Norge' } },
];

describe('how questions are shown', () => {
  it('uses the same limits as the server', () => {
    expect(DEFAULT_TEXT_LIMIT).toBe(LIMITS.textLength);
    expect(OTHER_TEXT_LIMIT).toBe(LIMITS.otherLength);
    expect(DEFAULT_MAX_ENTRIES).toBe(LIMITS.entries);
  });
  it('takes a matrix\'s rows from the catalogue, one per programme', () => {
    const knowledge = template('knowledge').definition as Extract<QuestionDefinition, { type: 'matrix' }>;
    expect(matrixRowsOf(knowledge, catalogue, 'nb')).toEqual([
      { value: 'erasmus-plus', label: 'Erasmus+' },
      { value: 'interreg-sverige-norge', label: 'Interreg Sverige–Norge' },
    ]);
  });
  it('shows options in the reader\'s language, falling back to bokmål', () => {
    const definition: QuestionDefinition = { type: 'single', texts: { nb: { label: 'Velg' } }, options: [{ value: 'a', labels: { nb: 'Alfa', en: 'Alpha' } }, { value: 'b', labels: { nb: 'Beta' } }] };
    expect(choicesOf(definition, [], 'en').map((c) => c.label)).toEqual(['Alpha', 'Beta']);
    expect(choicesOf(definition, [], 'sv').map((c) => c.label)).toEqual(['Alfa', 'Beta']);
  });
  it('uses radios for a few options and a dropdown for many', () => {
    expect(singleChoiceControl(5)).toBe('radio');
    expect(singleChoiceControl(40)).toBe('select');
  });
  it('labels the ends of a scale, and only the ends', () => {
    const interest = template('interest').definition as Extract<QuestionDefinition, { type: 'scale' }>;
    const steps = scaleSteps(interest.scale, 'nb');
    expect(steps.map((s) => s.value)).toEqual(Array.from({ length: interest.scale.max - interest.scale.min + 1 }, (_, i) => interest.scale.min + i));
    expect(steps[0]!.endLabel).toBe(interest.scale.minLabel?.nb);
    expect(steps.at(-1)!.endLabel).toBe(interest.scale.maxLabel?.nb);
    expect(steps.slice(1, -1).every((s) => s.endLabel === undefined)).toBe(true);
  });
  it('gives free-text questions a text area and a limit, group text fields one line', () => {
    expect(isMultiline({}, false)).toBe(true);
    expect(isMultiline({}, true)).toBe(false);
    expect(isMultiline({ multiline: true }, true)).toBe(true);
    expect(textLimit({})).toBe(DEFAULT_TEXT_LIMIT);
    expect(textLimit({ maxLength: 1_000 })).toBe(1_000);
  });
  it('cuts the questions into sections in position order, with the template\'s titles', () => {
    const questions = DEFAULT_TEMPLATE.map((q, position) => ({ ...q, position })).reverse();
    const sections = sectionsOf(questions);
    expect(sections.map((s) => s.key)).toEqual(['experience', 'knowledge', 'interest', 'comments']);
    expect(sections[0]!.questions.map((q) => q.key)).toEqual(['earlier-projects', 'ongoing-projects', 'time-and-resources']);
    expect(sectionTitle('knowledge', 'nn')).toBe('Kjennskap til støtteordningane');
    expect(sectionTitle('made-up', 'nb')).toBe('');
  });
  it('points a refused answer at the control at fault', () => {
    const earlier = template('earlier-projects');
    expect(problemTarget(earlier, '2.year')).toBe(`${questionId('earlier-projects', '2-year')}-first`);
    expect(problemTarget(earlier, 'value.1')).toBe(`${questionId('earlier-projects', '1-programme')}-first`);
    expect(problemTarget(template('knowledge'), 'erasmus-plus')).toBe(questionId('knowledge', 'row-erasmus-plus'));
    expect(problemTarget(template('cooperation-areas'), 'other')).toBe(questionId('cooperation-areas', 'other'));
    expect(problemTarget(template('comments'), '')).toBe(questionId('comments', 'first'));
  });
});

describe('the browser copy of unsaved answers', () => {
  const memoryStorage = (): Storage => {
    const data = new Map<string, string>();
    return {
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
      getItem: (key) => data.get(key) ?? null,
      key: (index) => [...data.keys()][index] ?? null,
      removeItem: (key) => void data.delete(key),
      setItem: (key, value) => void data.set(key, value),
    };
  };
  it('does not write the link\'s secret to storage', () => {
    const storage = memoryStorage();
    openLocalCopy('s3cret-token-value', storage).put('comments', { value: 'x', questionVersion: 1, editedAt: 1 });
    expect(storage.key(0)).toBe(storageKey('s3cret-token-value'));
    expect(storage.key(0)).not.toContain('s3cret');
  });
  it('forgets an edit once the server has that value, but not a newer one', () => {
    const storage = memoryStorage();
    const copy = openLocalCopy('token', storage);
    copy.put('comments', { value: 'ny', questionVersion: 1, editedAt: 1 });
    copy.saved('comments', 'gammel');
    expect(Object.keys(copy.read())).toEqual(['comments']);
    copy.saved('comments', 'ny');
    expect(copy.read()).toEqual({});
    expect(storage.length).toBe(0);
  });
  it('ignores what it cannot read', () => {
    const storage = memoryStorage();
    storage.setItem(storageKey('token'), '{not json');
    expect(openLocalCopy('token', storage).read()).toEqual({});
  });
});

describe('editing a question\'s wording', () => {
  const needs = template('needs').definition;
  it('changes one language of the label and of an option', () => {
    const edited = withOptionLabel(withQuestionText(needs, 'en', 'label', 'What do you need?'), 'options', 0, 'en', 'Advice');
    expect(edited.texts.en?.label).toBe('What do you need?');
    expect(edited.texts.nb).toEqual(needs.texts.nb);
    expect(optionListsOf(edited)[0]!.items[0]!.labels.en).toBe('Advice');
    expect(optionListsOf(edited)[0]!.items[1]).toEqual(optionListsOf(needs)[0]!.items[1]);
  });
  it('drops a language that is blanked, unless it is the last one', () => {
    const single: QuestionDefinition = { type: 'single', texts: { nb: { label: 'Ja?' } }, options: [{ value: 'a', labels: { nb: 'A', en: 'A' } }] };
    expect(optionListsOf(withOptionLabel(single, 'options', 0, 'en', ''))[0]!.items[0]!.labels).toEqual({ nb: 'A' });
    expect(optionListsOf(withOptionLabel(single, 'options', 0, 'nb', ''))[0]!.items[0]!.labels).toEqual({ en: 'A' });
    const blanked = withQuestionText(single, 'nb', 'label', '');
    expect(hasBlankLabel(blanked)).toBe(true);
    expect(hasBlankLabel(single)).toBe(false);
  });
  it('lists a matrix\'s columns for editing (its catalogue rows are not the round\'s to word)', () => {
    expect(optionListsOf(template('knowledge').definition).map((l) => l.list)).toEqual(['columns']);
  });
});
