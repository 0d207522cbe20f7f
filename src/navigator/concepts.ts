/**
 * Finding the vocabulary's concepts in an idea. A term matches the start of a word ("skole" →
 * "skolene"), and from five letters also inside a compound ("skole" → "grunnskolen"); a phrase
 * matches consecutive words. Pure and deterministic. The vocabulary is compiled once so that a match
 * costs set look-ups, not a scan of every term against every word.
 */
import type { Concept } from '../catalogue/concept-schema.js';
import { LANGUAGES } from '../reference/codes.js';

export interface ConceptMatch {
  concept: Concept;
  /** The first term that matched, as written in the vocabulary. */
  term: string;
}

export interface CompiledConcept {
  concept: Concept;
  /** Every term in vocabulary order, split into words. */
  terms: Array<{ text: string; words: string[] }>;
  targets: ReadonlySet<string>;
}

const COMPOUND_MIN_LENGTH = 5;

export function ideaWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function compileVocabulary(concepts: readonly Concept[]): CompiledConcept[] {
  return concepts.map((concept) => ({
    concept,
    terms: LANGUAGES.flatMap((language) => concept.terms[language])
      .map((text) => ({ text, words: ideaWords(text) }))
      .filter((term) => term.words.length > 0),
    targets: new Set(concept.targets),
  }));
}

/** Every prefix of every word, and every inner stretch of compound length: what single-word terms can match. */
function indexWords(words: string[]): { prefixes: Set<string>; inner: Set<string> } {
  const prefixes = new Set<string>();
  const inner = new Set<string>();
  for (const word of new Set(words)) {
    for (let end = 1; end <= word.length; end++) prefixes.add(word.slice(0, end));
    for (let start = 1; start + COMPOUND_MIN_LENGTH <= word.length; start++) {
      for (let end = start + COMPOUND_MIN_LENGTH; end <= word.length; end++) inner.add(word.slice(start, end));
    }
  }
  return { prefixes, inner };
}

function wordMatches(word: string, termWord: string, allowInside: boolean): boolean {
  return word.startsWith(termWord) || (allowInside && termWord.length >= COMPOUND_MIN_LENGTH && word.includes(termWord));
}

function phraseMatches(words: string[], parts: string[]): boolean {
  for (let start = 0; start + parts.length <= words.length; start++) {
    // Only the first word of a phrase may be a compound's tail.
    if (parts.every((part, i) => wordMatches(words[start + i]!, part, i === 0))) return true;
  }
  return false;
}

/** Concepts found in the idea, in vocabulary order, each with the term that matched. */
export function matchConcepts(idea: string, vocabulary: readonly CompiledConcept[]): Array<ConceptMatch & { compiled: CompiledConcept }> {
  const words = ideaWords(idea);
  if (words.length === 0) return [];
  const { prefixes, inner } = indexWords(words);
  const matches: Array<ConceptMatch & { compiled: CompiledConcept }> = [];
  for (const compiled of vocabulary) {
    const term = compiled.terms.find(({ words: parts }) =>
      parts.length === 1 ? prefixes.has(parts[0]!) || (parts[0]!.length >= COMPOUND_MIN_LENGTH && inner.has(parts[0]!)) : phraseMatches(words, parts),
    );
    if (term) matches.push({ concept: compiled.concept, term: term.text, compiled });
  }
  return matches;
}

/** Does the concept point at this programme priority (or the programme as a whole)? */
export function conceptTargets(compiled: CompiledConcept, programmeId: string, priorityCode: string | null): boolean {
  return compiled.targets.has(programmeId) || (priorityCode !== null && compiled.targets.has(`${programmeId}/${priorityCode}`));
}
