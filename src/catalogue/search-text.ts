/**
 * What the search index holds for a programme, and how a typed query becomes search terms.
 * Pure functions; the repository turns them into tsvector/tsquery values.
 */
import { LANGUAGES, type Language } from '../reference/codes.js';
import type { LocalisedText, Programme } from './schema.js';

export interface ProgrammeSearchText {
  /** Names, short name, priority codes and names, keywords in all languages; for fuzzy matching. */
  names: string;
  /** Everything a reader of each language can read about the programme. */
  byLanguage: Record<Language, string>;
}

const join = (parts: Array<string | undefined>) => parts.filter((part): part is string => Boolean(part)).join(' \n ');

export function programmeSearchText(programme: Programme): ProgrammeSearchText {
  const allLanguages = (text: LocalisedText) => LANGUAGES.map((lang) => text[lang]);
  const keywords = programme.priorities.flatMap((priority) => priority.keywords ?? []);
  const names = join([
    programme.id.replaceAll('-', ' '),
    programme.shortName,
    ...allLanguages(programme.name),
    ...programme.priorities.flatMap((priority) => [priority.code, ...allLanguages(priority.name)]),
    ...keywords,
  ]).toLowerCase();

  const textIn = (lang: Language) =>
    join([
      programme.name[lang],
      programme.summary[lang],
      ...programme.priorities.flatMap((priority) => [
        priority.objective?.[lang],
        priority.name[lang],
        priority.description[lang],
        ...priority.examples.map((example) => example[lang]),
      ]),
      programme.fundingRate.covers[lang],
      ...programme.guidance.map((body) => body.name[lang]),
      programme.area.description[lang],
    ]);

  return {
    names,
    byLanguage: { nb: textIn('nb'), nn: textIn('nn'), sv: textIn('sv'), en: textIn('en') },
  };
}

/** Postgres text-search configuration per reader language (no nynorsk stemmer exists). */
export const TEXT_SEARCH_CONFIG: Record<Language, 'norwegian' | 'swedish' | 'english'> = {
  nb: 'norwegian',
  nn: 'norwegian',
  sv: 'swedish',
  en: 'english',
};

const MAX_TERMS = 12;

/** Letters and digits only, lower-cased: safe to place in a tsquery as `term:*`. */
export function searchTerms(query: string): string[] {
  const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** `erasm sko` → `erasm:* & sko:*`: prefix matching while the user is still typing. */
export function prefixQuery(terms: string[]): string {
  return terms.map((term) => `${term}:*`).join(' & ');
}
