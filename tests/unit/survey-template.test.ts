/** The default questionnaire (seed 001, appendix 1): valid definitions, stable keys, four languages. */
import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { LANGUAGES } from '../../src/reference/codes.js';
import { definitionProblem, QuestionDefinition, type ChoiceOption } from '../../src/survey/questions.js';
import { COOPERATION_AREAS, DEFAULT_TEMPLATE, KNOWLEDGE_LEVELS, NEEDS, SECTION_TITLES, SECTIONS, TEMPLATE_KEYS } from '../../src/survey/template.js';

/** Every label in a definition, wherever it sits. */
function labelSets(value: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const item of value) labelSets(item, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('nb' in record) found.push(record);
    else for (const item of Object.values(record)) labelSets(item, found);
  }
  return found;
}

describe('the default questionnaire', () => {
  it('is made of valid definitions with unique, stable keys in the pre-study\'s order', () => {
    expect(DEFAULT_TEMPLATE.map((q) => q.key)).toEqual(Object.values(TEMPLATE_KEYS));
    for (const q of DEFAULT_TEMPLATE) {
      expect(Value.Check(QuestionDefinition, q.definition), q.key).toBe(true);
      expect(definitionProblem(q.definition), q.key).toBeNull();
      expect(SECTIONS).toContain(q.section);
    }
  });

  it('asks what the pre-study asked, with the choices the analysis reads', () => {
    const byKey = Object.fromEntries(DEFAULT_TEMPLATE.map((q) => [q.key, q.definition]));
    const projects = byKey['earlier-projects']!;
    expect(projects.type === 'group' && projects.fields.map((f) => f.key)).toEqual(['programme', 'year', 'partners', 'benefit', 'why']);
    expect(projects.type === 'group' && projects.fields.find((f) => f.key === 'benefit')).toMatchObject({ type: 'scale', scale: { min: 1, max: 5 } });
    const knowledge = byKey.knowledge!;
    expect(knowledge).toMatchObject({ type: 'matrix', rowsFrom: 'catalogue' });
    expect(knowledge.type === 'matrix' && knowledge.columns.map((c) => c.value)).toEqual([...KNOWLEDGE_LEVELS]);
    const values = (options: ChoiceOption[] | undefined) => (options ?? []).map((o) => o.value);
    expect(byKey['cooperation-areas']).toMatchObject({ type: 'multiple', allowOther: true });
    expect(byKey['cooperation-areas']!.type === 'multiple' && values(byKey['cooperation-areas']!.options)).toEqual([...COOPERATION_AREAS]);
    expect(byKey.needs!.type === 'multiple' && values(byKey.needs!.options)).toEqual([...NEEDS]);
    expect(byKey.interest).toMatchObject({ type: 'scale' });
  });

  it('is written in all four languages, each its own text', () => {
    for (const q of DEFAULT_TEMPLATE) {
      for (const labels of labelSets(q.definition)) {
        for (const language of LANGUAGES) expect(labels[language], `${q.key}: ${JSON.stringify(labels)}`).toBeTruthy();
      }
      const texts = q.definition.texts;
      expect(new Set(LANGUAGES.map((l) => texts[l]!.label)).size, q.key).toBe(4);
    }
    for (const section of SECTIONS) for (const language of LANGUAGES) expect(SECTION_TITLES[section][language]).toBeTruthy();
  });
});
