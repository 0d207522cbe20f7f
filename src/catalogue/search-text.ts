/**
 * What the search index holds for a programme, and how a typed query becomes search terms.
 * Pure functions; the repository turns them into tsvector/tsquery values.
 */
import { LANGUAGES, type Language } from '../reference/codes.js';
import type { LocalisedText, Programme } from './schema.js';

export interface ProgrammeSearchText {
  /** The programme's names in all languages, its short name and id, lower-cased: short, for fuzzy (trigram) matching. */
  names: string;
  /** Priority codes and names and the curated keywords, in all languages: matched as written (simple configuration). */
  terms: string;
  /** Everything a reader of each language can read about the programme. */
  byLanguage: Record<Language, string>;
}

const join = (parts: Array<string | undefined>) => parts.filter((part): part is string => Boolean(part)).join(' \n ');

export function programmeSearchText(programme: Programme): ProgrammeSearchText {
  const allLanguages = (text: LocalisedText) => LANGUAGES.map((lang) => text[lang]);
  const names = [...new Set([programme.id.replaceAll('-', ' '), programme.shortName, ...allLanguages(programme.name)].filter(Boolean).map((n) => n!.toLowerCase()))].join(' \n ');
  const terms = join([
    ...programme.priorities.flatMap((priority) => [priority.code, ...allLanguages(priority.name)]),
    ...programme.priorities.flatMap((priority) => priority.keywords ?? []),
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
    terms,
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

/** Letters and digits only, lower-cased, without repeats: safe to place in a tsquery. */
export function searchTerms(query: string, max = MAX_TERMS): string[] {
  const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(terms)].slice(0, max);
}

/** `erasm sko` → `erasm:* & sko:*`: prefix matching while the user is still typing. */
export function prefixQuery(terms: string[]): string {
  return terms.map((term) => `${term}:*`).join(' & ');
}

export interface PrioritySearchText {
  /** Name, code and keywords: weight A. */
  names: string;
  /** Description and examples per language: weight B. */
  byLanguage: Record<Language, string>;
  /** The programme's name and summary per language: weight D, so a priority shares its programme's context. */
  programmeByLanguage: Record<Language, string>;
}

export function prioritySearchText(programme: Programme, priority: Programme['priorities'][number]): PrioritySearchText {
  const names = join([priority.code, ...LANGUAGES.map((lang) => priority.name[lang]), ...(priority.keywords ?? [])]).toLowerCase();
  const textIn = (lang: Language) => join([priority.objective?.[lang], priority.description[lang], ...priority.examples.map((example) => example[lang])]);
  const programmeIn = (lang: Language) => join([programme.name[lang], programme.shortName, programme.summary[lang]]);
  return {
    names,
    byLanguage: { nb: textIn('nb'), nn: textIn('nn'), sv: textIn('sv'), en: textIn('en') },
    programmeByLanguage: { nb: programmeIn('nb'), nn: programmeIn('nn'), sv: programmeIn('sv'), en: programmeIn('en') },
  };
}
