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

/** Where each term's first word leads: [concept index, term index] pairs, built once per compiled vocabulary. */
const firstWordIndexes = new WeakMap<readonly CompiledConcept[], Map<string, Array<[number, number]>>>();
function firstWordIndex(vocabulary: readonly CompiledConcept[]): Map<string, Array<[number, number]>> {
  let index = firstWordIndexes.get(vocabulary);
  if (index === undefined) {
    index = new Map();
    vocabulary.forEach((compiled, conceptIndex) =>
      compiled.terms.forEach((term, termIndex) => {
        const first = term.words[0]!;
        const entries = index!.get(first);
        if (entries) entries.push([conceptIndex, termIndex]);
        else index!.set(first, [[conceptIndex, termIndex]]);
      }),
    );
    firstWordIndexes.set(vocabulary, index);
  }
  return index;
}

/** Concepts found in the idea, in vocabulary order, each with the term that matched. */
export function matchConcepts(idea: string, vocabulary: readonly CompiledConcept[]): Array<ConceptMatch & { compiled: CompiledConcept }> {
  const words = ideaWords(idea);
  if (words.length === 0) return [];
  const { prefixes, inner } = indexWords(words);
  // A term can only match if its first word starts an idea word or, from compound length, sits inside
  // one: look those terms up from the idea's side instead of testing every term of the vocabulary.
  const candidates = new Map<number, number[]>();
  const index = firstWordIndex(vocabulary);
  const collect = (fragment: string) => {
    for (const [conceptIndex, termIndex] of index.get(fragment) ?? []) {
      const terms = candidates.get(conceptIndex);
      if (terms) terms.push(termIndex);
      else candidates.set(conceptIndex, [termIndex]);
    }
  };
  for (const prefix of prefixes) collect(prefix);
  for (const fragment of inner) if (!prefixes.has(fragment)) collect(fragment); // inner fragments are all of compound length
  const matches: Array<ConceptMatch & { compiled: CompiledConcept }> = [];
  for (const conceptIndex of [...candidates.keys()].sort((a, b) => a - b)) {
    const compiled = vocabulary[conceptIndex]!;
    // The first term in vocabulary order that matches; a phrase's later words must each start an idea word.
    const termIndex = candidates
      .get(conceptIndex)!
      .sort((a, b) => a - b)
      .find((i) => {
        const parts = compiled.terms[i]!.words;
        return parts.length === 1 || (parts.every((part, n) => n === 0 || prefixes.has(part)) && phraseMatches(words, parts));
      });
    if (termIndex !== undefined) matches.push({ concept: compiled.concept, term: compiled.terms[termIndex]!.text, compiled });
  }
  return matches;
}

/** Does the concept point at this programme priority (or the programme as a whole)? */
export function conceptTargets(compiled: CompiledConcept, programmeId: string, priorityCode: string | null): boolean {
  return compiled.targets.has(programmeId) || (priorityCode !== null && compiled.targets.has(`${programmeId}/${priorityCode}`));
}
