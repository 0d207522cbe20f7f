/** Changing a question's wording in one language (pure): its label and help, and the labels of its own options. */
import type { Language } from '../../../src/reference/codes.js';
import type { QuestionDefinition } from './types.js';

/** The lists of labelled choices a definition may have, by the name the editor uses for them. */
export type OptionList = 'options' | 'rows' | 'columns';

type Labelled = { value: string; labels: Partial<Record<Language, string>> };

export function optionListsOf(definition: QuestionDefinition): Array<{ list: OptionList; items: Labelled[] }> {
  const lists: Array<{ list: OptionList; items: Labelled[] }> = [];
  if ((definition.type === 'single' || definition.type === 'multiple') && definition.options?.length) lists.push({ list: 'options', items: definition.options });
  if (definition.type === 'matrix') {
    if (definition.rows?.length) lists.push({ list: 'rows', items: definition.rows });
    lists.push({ list: 'columns', items: definition.columns });
  }
  return lists;
}

/**
 * Blanking a language's text removes that language (the reader then gets bokmål or English instead),
 * unless it is the only one left.
 */
export function withQuestionText(definition: QuestionDefinition, language: Language, part: 'label' | 'help', text: string): QuestionDefinition {
  const texts = { ...definition.texts };
  const current = texts[language] ?? { label: '' };
  const next = { ...current, [part]: text };
  if (part === 'help' && text.trim() === '') delete next.help;
  if (next.label.trim() === '' && (next.help ?? '') === '' && Object.keys(texts).some((other) => other !== language)) delete texts[language];
  else texts[language] = next;
  return { ...definition, texts };
}

export function withOptionLabel(definition: QuestionDefinition, list: OptionList, index: number, language: Language, label: string): QuestionDefinition {
  const relabel = (items: Labelled[]) =>
    items.map((item, i) => {
      if (i !== index) return item;
      const labels = { ...item.labels, [language]: label };
      if (label.trim() === '' && Object.keys(labels).length > 1) delete labels[language];
      return { ...item, labels };
    });
  const record = definition as unknown as Record<OptionList, Labelled[] | undefined>;
  const items = record[list];
  if (!items) return definition;
  return { ...definition, [list]: relabel(items) } as QuestionDefinition;
}

/** Whether some label has no text in any language (the server would refuse it). */
export function hasBlankLabel(definition: QuestionDefinition): boolean {
  const blank = (labels: Partial<Record<Language, string>>) => Object.values(labels).every((text) => (text ?? '').trim() === '');
  if (blank(Object.fromEntries(Object.entries(definition.texts).map(([language, texts]) => [language, texts?.label])))) return true;
  return optionListsOf(definition).some(({ items }) => items.some((item) => blank(item.labels)));
}
