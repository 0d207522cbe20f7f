/** Survey questions: the definition schema and its extra rules, and the check of every answer type. */
import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { completenessProblem, definitionProblem, inLanguage, QuestionDefinition, validateAnswer, type AnswerCheck } from '../../src/survey/questions.js';
import { DEFAULT_TEMPLATE, TEMPLATE_KEYS } from '../../src/survey/template.js';

const context = { catalogueIds: new Set(['erasmus-plus', 'interreg-oks']) };
const question = (key: string) => DEFAULT_TEMPLATE.find((q) => q.key === key)!.definition;
const problemOf = (check: AnswerCheck) => (check.ok ? null : check.problem);

describe('question definitions', () => {
  it('accept the shape of every type and refuse an unknown type or property', () => {
    expect(Value.Check(QuestionDefinition, { type: 'text', texts: { nb: { label: 'Hva?' } } })).toBe(true);
    expect(Value.Check(QuestionDefinition, { type: 'essay', texts: { nb: { label: 'Hva?' } } })).toBe(false);
    expect(Value.Check(QuestionDefinition, { type: 'text', texts: {} })).toBe(false);
    expect(Value.Check(QuestionDefinition, { type: 'text', texts: { nb: { label: 'Hva?' } }, colour: 'red' })).toBe(false);
    expect(Value.Check(QuestionDefinition, { type: 'single', texts: { nb: { label: 'Hva?' } }, options: [{ value: 'Bad Key', labels: { nb: 'x' } }] })).toBe(false);
  });

  it('find what the schema cannot: no options, a scale upside down, a key used twice', () => {
    expect(definitionProblem({ type: 'single', texts: { nb: { label: 'x' } }, options: [] })).toMatchObject({ messageKey: 'surveyDefinitionNoOptions', field: 'options' });
    expect(definitionProblem({ type: 'scale', texts: { nb: { label: 'x' } }, scale: { min: 5, max: 1 } })).toMatchObject({ messageKey: 'surveyDefinitionRange', field: 'scale' });
    const twice = { value: 'a', labels: { nb: 'A' } };
    expect(definitionProblem({ type: 'multiple', texts: { nb: { label: 'x' } }, options: [twice, twice] })).toMatchObject({ messageKey: 'surveyDefinitionDuplicateKey', params: { key: 'a' } });
    expect(
      definitionProblem({ type: 'group', texts: { nb: { label: 'x' } }, fields: [{ key: 'year', type: 'number', min: 2000, max: 1990, labels: { nb: 'År' } }] }),
    ).toMatchObject({ field: 'fields.0.min' });
    expect(definitionProblem({ type: 'matrix', texts: { nb: { label: 'x' } }, columns: [twice] })).toMatchObject({ field: 'rows' });
  });

  it('fall back to bokmål, then English, for a language a coordinator did not write', () => {
    expect(inLanguage({ nb: 'Hei', en: 'Hello' }, 'sv')).toBe('Hei');
    expect(inLanguage({ en: 'Hello' }, 'nn')).toBe('Hello');
    expect(inLanguage({ sv: 'Hej' }, 'nb')).toBe('Hej');
  });
});

describe('answers', () => {
  it('single choice: an option, or "other" with its text; nothing else', () => {
    const single = { type: 'single' as const, texts: { nb: { label: 'x' } }, options: [{ value: 'yes', labels: { nb: 'Ja' } }], allowOther: true };
    expect(validateAnswer(single, { choice: 'yes' })).toEqual({ ok: true, value: { choice: 'yes' } });
    expect(validateAnswer(single, { choice: 'other', other: '  Kanskje ' })).toEqual({ ok: true, value: { choice: 'other', other: 'Kanskje' } });
    expect(problemOf(validateAnswer(single, { choice: 'other' }))).toMatchObject({ messageKey: 'surveyAnswerOtherMissing', field: 'other' });
    expect(problemOf(validateAnswer(single, { choice: 'no' }))).toMatchObject({ messageKey: 'surveyAnswerUnknownChoice', field: 'choice', params: { choice: 'no' } });
    expect(problemOf(validateAnswer(single, 'yes'))).toMatchObject({ messageKey: 'surveyAnswerWrongShape', field: '' });
    expect(problemOf(validateAnswer({ ...single, allowOther: false }, { choice: 'yes', other: 'x' }))).toMatchObject({ messageKey: 'surveyAnswerOtherNotAllowed' });
  });

  it('multiple choice: known options, de-duplicated, with free text where allowed, within the limit', () => {
    const areas = question(TEMPLATE_KEYS.cooperationAreas);
    expect(validateAnswer(areas, { choices: ['climate', 'forestry', 'climate'], other: 'Havbruk' })).toEqual({ ok: true, value: { choices: ['climate', 'forestry'], other: 'Havbruk' } });
    expect(problemOf(validateAnswer(areas, { choices: ['climate', 'space-travel'] }))).toMatchObject({ messageKey: 'surveyAnswerUnknownChoice', field: 'choices.1' });
    expect(problemOf(validateAnswer(areas, { choices: 'climate' }))).toMatchObject({ messageKey: 'surveyAnswerWrongShape' });
    expect(problemOf(validateAnswer(areas, { choices: [], extra: 1 }))).toMatchObject({ messageKey: 'surveyAnswerUnknownPart', field: 'extra' });
    const limited = { type: 'multiple' as const, texts: { nb: { label: 'x' } }, maxChoices: 1, options: [{ value: 'a', labels: { nb: 'A' } }, { value: 'b', labels: { nb: 'B' } }] };
    expect(problemOf(validateAnswer(limited, { choices: ['a', 'b'] }))).toMatchObject({ messageKey: 'surveyAnswerTooMany', params: { limit: 1 } });
  });

  it('scale: a whole number within the range', () => {
    const interest = question(TEMPLATE_KEYS.interest);
    expect(validateAnswer(interest, 0)).toEqual({ ok: true, value: 0 });
    expect(validateAnswer(interest, 3)).toEqual({ ok: true, value: 3 });
    expect(problemOf(validateAnswer(interest, 4))).toMatchObject({ messageKey: 'surveyAnswerOutOfRange', params: { min: 0, max: 3 } });
    expect(problemOf(validateAnswer(interest, 1.5))).toMatchObject({ messageKey: 'surveyAnswerNotInteger' });
    expect(problemOf(validateAnswer(interest, '2'))).toMatchObject({ messageKey: 'surveyAnswerNotInteger' });
  });

  it('text: trimmed, within its length', () => {
    const comments = question(TEMPLATE_KEYS.comments);
    expect(validateAnswer(comments, '  Godt initiativ. ')).toEqual({ ok: true, value: 'Godt initiativ.' });
    expect(problemOf(validateAnswer(comments, 'x'.repeat(4_001)))).toMatchObject({ messageKey: 'surveyAnswerTooLong', params: { limit: 4_000 } });
    expect(problemOf(validateAnswer(comments, 42))).toMatchObject({ messageKey: 'surveyAnswerNotText' });
  });

  it('repeatable group: each entry checked field by field, the entry and field at fault named', () => {
    const projects = question(TEMPLATE_KEYS.earlierProjects);
    const erasmus = { programme: { choice: 'erasmus-plus' }, year: 2019, partners: 'Skoler i Spania og Italia', benefit: 5, why: 'Elevene lærte mye.' };
    const other = { programme: { choice: 'other', other: 'Nordplus' }, year: 2016 };
    expect(validateAnswer(projects, [erasmus, other], context)).toEqual({ ok: true, value: [erasmus, other] });
    expect(problemOf(validateAnswer(projects, [erasmus, { ...other, year: 'i fjor' }], context))).toMatchObject({ messageKey: 'surveyAnswerNotInteger', field: '1.year' });
    expect(problemOf(validateAnswer(projects, [{ ...erasmus, benefit: 6 }], context))).toMatchObject({ messageKey: 'surveyAnswerOutOfRange', field: '0.benefit' });
    expect(problemOf(validateAnswer(projects, [{ ...erasmus, programme: { choice: 'horizon-9' } }], context))).toMatchObject({ field: '0.programme.choice' });
    expect(problemOf(validateAnswer(projects, [{ ...erasmus, budget: 1 }], context))).toMatchObject({ messageKey: 'surveyAnswerUnknownPart', field: '0.budget' });
    expect(problemOf(validateAnswer(projects, { programme: 'x' }, context))).toMatchObject({ messageKey: 'surveyAnswerWrongShape', field: '' });
    expect(problemOf(validateAnswer(projects, Array.from({ length: 31 }, () => other), context))).toMatchObject({ messageKey: 'surveyAnswerTooMany' });
    // An entry being typed may lack fields; only submission asks for the required ones.
    expect(validateAnswer(projects, [{ year: 2020 }], context)).toEqual({ ok: true, value: [{ year: 2020 }] });
  });

  it('matrix over the catalogue: one known column per programme of the catalogue', () => {
    const knowledge = question(TEMPLATE_KEYS.knowledge);
    expect(validateAnswer(knowledge, { 'erasmus-plus': 'have-used-it', 'interreg-oks': 'heard-of' }, context)).toEqual({
      ok: true,
      value: { 'erasmus-plus': 'have-used-it', 'interreg-oks': 'heard-of' },
    });
    expect(problemOf(validateAnswer(knowledge, { 'not-a-programme': 'none' }, context))).toMatchObject({ messageKey: 'surveyAnswerUnknownRow', field: 'not-a-programme' });
    expect(problemOf(validateAnswer(knowledge, { 'erasmus-plus': 'expert' }, context))).toMatchObject({ messageKey: 'surveyAnswerUnknownChoice', field: 'erasmus-plus' });
    expect(problemOf(validateAnswer(knowledge, ['none'], context))).toMatchObject({ messageKey: 'surveyAnswerWrongShape' });
  });

  it('completeness at submission: required questions answered, required group fields filled in', () => {
    const projects = question(TEMPLATE_KEYS.earlierProjects);
    expect(completenessProblem(projects, false, undefined)).toBeNull();
    expect(completenessProblem(projects, true, [])).toMatchObject({ messageKey: 'surveyAnswerRequired', field: '' });
    expect(completenessProblem(projects, false, [{ year: 2020 }])).toMatchObject({ field: '0.programme' });
    expect(completenessProblem(projects, false, [{ programme: { choice: 'erasmus-plus' } }])).toBeNull();
    expect(completenessProblem(question(TEMPLATE_KEYS.interest), true, 0)).toBeNull();
    expect(completenessProblem(question(TEMPLATE_KEYS.needs), true, { choices: [] })).toMatchObject({ messageKey: 'surveyAnswerRequired' });
    expect(completenessProblem(question(TEMPLATE_KEYS.comments), true, '  ')).toMatchObject({ messageKey: 'surveyAnswerRequired' });
  });
});
