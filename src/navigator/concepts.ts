/**
 * Finding the vocabulary's concepts in an idea. A term matches the start of a word ("skole" →
 * "skolene"), and from five letters also inside a compound ("skole" → "grunnskolen"); a phrase
 * matches consecutive words. Pure and deterministic.
 */
import type { Concept } from '../catalogue/concept-schema.js';
import { LANGUAGES } from '../reference/codes.js';

export interface ConceptMatch {
  concept: Concept;
  /** The first term that matched, as written in the vocabulary. */
  term: string;
}

const COMPOUND_MIN_LENGTH = 5;

export function ideaWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function wordMatches(word: string, termWord: string, allowInside: boolean): boolean {
  return word.startsWith(termWord) || (allowInside && termWord.length >= COMPOUND_MIN_LENGTH && word.includes(termWord));
}

function termMatches(words: string[], term: string): boolean {
  const parts = ideaWords(term);
  if (parts.length === 0) return false;
  if (parts.length === 1) return words.some((word) => wordMatches(word, parts[0]!, true));
  for (let start = 0; start + parts.length <= words.length; start++) {
    // Inside a phrase only the first word may be a compound's tail ("flomsikring" … not needed mid-phrase).
    if (parts.every((part, i) => wordMatches(words[start + i]!, part, i === 0))) return true;
  }
  return false;
}

/** Concepts found in the idea, in vocabulary order, each with the term that matched. */
export function matchConcepts(idea: string, concepts: readonly Concept[]): ConceptMatch[] {
  const words = ideaWords(idea);
  if (words.length === 0) return [];
  const matches: ConceptMatch[] = [];
  for (const concept of concepts) {
    const term = LANGUAGES.flatMap((language) => concept.terms[language]).find((candidate) => termMatches(words, candidate));
    if (term !== undefined) matches.push({ concept, term });
  }
  return matches;
}

/** Does the concept point at this programme priority (or the programme as a whole)? */
export function conceptTargets(concept: Concept, programmeId: string, priorityCode: string | null): boolean {
  return concept.targets.some((target) => target === programmeId || (priorityCode !== null && target === `${programmeId}/${priorityCode}`));
}
