/**
 * A round's questions as the analysis reads them (pure): the current version of each question that is
 * still asked, in questionnaire order, with its choices named in one language. Choices an older version
 * offered are kept after the current ones, since answers given to that version still count.
 */
import type { LocalisedText } from '../catalogue/schema.js';
import type { Language } from '../reference/codes.js';
import { inLanguage, type QuestionDefinition } from './questions.js';
import type { QuestionRow } from './summary-repository.js';
import type { AnalysedQuestion } from './summary.js';
import { summaryText } from './summary-texts.js';

export interface RoundQuestion {
  key: string;
  type: QuestionDefinition['type'];
  position: number;
  section: string;
  definition: QuestionDefinition;
  label: string;
  /** Older versions' definitions, newest first. */
  earlier: QuestionDefinition[];
}

/** The catalogue's programmes in the language, by name: what `optionsFrom`/`rowsFrom: 'catalogue'` stand for. */
export function catalogueChoices(names: ReadonlyMap<string, LocalisedText>, language: Language): Array<{ key: string; label: string }> {
  return [...names]
    .map(([id, name]) => ({ key: id, label: inLanguage(name, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language === 'en' ? 'en' : language === 'sv' ? 'sv' : 'nb'));
}

export function currentQuestions(rows: readonly QuestionRow[], language: Language): RoundQuestion[] {
  const byKey = new Map<string, QuestionRow[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const current: RoundQuestion[] = [];
  for (const [key, versions] of byKey) {
    const newestFirst = [...versions].sort((a, b) => b.version - a.version);
    const asked = newestFirst.find((row) => !row.retired);
    if (!asked) continue; // removed from the questionnaire
    const definition = asked.definition as QuestionDefinition;
    current.push({
      key,
      type: definition.type,
      position: asked.position,
      section: asked.section,
      definition,
      label: inLanguage(definition.texts, language).label,
      earlier: newestFirst.filter((row) => row !== asked).map((row) => row.definition as QuestionDefinition),
    });
  }
  return current.sort((a, b) => a.position - b.position || (a.key < b.key ? -1 : 1));
}

type Choice = { key: string; label: string };

function withoutRepeats(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((choice) => !seen.has(choice.key) && seen.add(choice.key));
}

function choicesOf(definition: QuestionDefinition, language: Language, catalogue: readonly Choice[]): Choice[] {
  switch (definition.type) {
    case 'single':
    case 'multiple':
      return [
        ...(definition.options ?? []).map((option) => ({ key: option.value, label: inLanguage(option.labels, language) })),
        ...(definition.optionsFrom === 'catalogue' ? catalogue : []),
        ...(definition.allowOther ? [{ key: 'other', label: summaryText('other', language) }] : []),
      ];
    case 'scale': {
      const { min, max, minLabel, maxLabel } = definition.scale;
      return Array.from({ length: max - min + 1 }, (_, i) => {
        const value = min + i;
        const end = value === min && minLabel ? inLanguage(minLabel, language) : value === max && maxLabel ? inLanguage(maxLabel, language) : null;
        return { key: String(value), label: end ? `${value} – ${end}` : String(value) };
      });
    }
    case 'matrix':
      return definition.columns.map((column) => ({ key: column.value, label: inLanguage(column.labels, language) }));
    default:
      return [];
  }
}

function rowsOf(definition: QuestionDefinition, language: Language, catalogue: readonly Choice[]): Choice[] {
  if (definition.type !== 'matrix') return [];
  return [...(definition.rows ?? []).map((row) => ({ key: row.value, label: inLanguage(row.labels, language) })), ...(definition.rowsFrom === 'catalogue' ? catalogue : [])];
}

export function isChoiceQuestion(question: RoundQuestion): question is RoundQuestion & { type: AnalysedQuestion['type'] } {
  return question.type === 'single' || question.type === 'multiple' || question.type === 'scale' || question.type === 'matrix';
}

export function analysedQuestion(question: RoundQuestion & { type: AnalysedQuestion['type'] }, language: Language, catalogue: readonly Choice[]): AnalysedQuestion {
  const all = [question.definition, ...question.earlier];
  return {
    key: question.key,
    type: question.type,
    label: question.label,
    choices: withoutRepeats(all.flatMap((definition) => choicesOf(definition, language, catalogue))),
    rows: withoutRepeats(all.flatMap((definition) => rowsOf(definition, language, catalogue))),
  };
}

/** Choice questions whose free-text `other` is worth reading. */
export function allowsOther(question: RoundQuestion): boolean {
  const definition = question.definition;
  return (definition.type === 'single' || definition.type === 'multiple') && definition.allowOther === true;
}
