/**
 * pg_trgm's `similarity` and `word_similarity`, in JavaScript: the same trigrams (each word lower-cased
 * and padded with two blanks before and one after) and the same single-precision arithmetic as
 * trgm_op.c, so the catalogue's spelling correction and name resemblance can run over the index in
 * memory (docs/ARCHITECTURE.md, "Text ranking in memory"). Tests compare both with the extension.
 *
 * Pure.
 */

/** `pg_trgm.similarity_threshold`, the `%` operator's least similarity. */
export const SIMILARITY_THRESHOLD = 0.3;
/** `pg_trgm.word_similarity_threshold`, the `<%` operator's least word similarity. */
export const WORD_SIMILARITY_THRESHOLD = 0.6;

const WORD = /[\p{L}\p{N}]+/gu;

/** Each word's trigrams in order of appearance, words one after the other (repeats kept). */
function trigramSequence(text: string): string[] {
  const sequence: string[] = [];
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    const padded = [' ', ' ', ...word, ' '];
    for (let i = 0; i + 3 <= padded.length; i++) sequence.push(padded[i]! + padded[i + 1]! + padded[i + 2]!);
  }
  return sequence;
}

/** The distinct trigrams of a text. */
export function trigramSet(text: string): ReadonlySet<string> {
  return new Set(trigramSequence(text));
}

/** `similarity(a, b)`: shared trigrams over all trigrams of the two, as a float4. */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const trigram of a) if (b.has(trigram)) shared++;
  return Math.fround(shared / (a.size + b.size - shared));
}

const similarityOf = (count: number, length1: number, length2: number) => Math.fround(count / (length1 + length2 - count));

/** A text's trigrams in order, as numbers, with the trigram each number stands for: made once per text. */
export interface TrigramText {
  sequence: Int32Array;
  trigrams: readonly string[];
}

export function trigramText(text: string): TrigramText {
  const ids = new Map<string, number>();
  const sequence = Int32Array.from(trigramSequence(text), (trigram) => {
    let id = ids.get(trigram);
    if (id === undefined) {
      id = ids.size;
      ids.set(trigram, id);
    }
    return id;
  });
  return { sequence, trigrams: [...ids.keys()] };
}

/**
 * `word_similarity(query, text)` for the query's trigrams and a text made ready beforehand (the
 * catalogue's names): the greatest similarity between the query's trigrams and those of a stretch of the
 * text, found as calc_word_similarity and iterate_word_similarity find it.
 */
export function wordSimilarityOf(wanted: ReadonlySet<string>, text: TrigramText): number {
  const indexes = text.sequence;
  if (wanted.size === 0 || indexes.length === 0) return 0;
  // Whether the query holds each of the text's distinct trigrams.
  const found = new Uint8Array(text.trigrams.length);
  text.trigrams.forEach((trigram, id) => (found[id] = wanted.has(trigram) ? 1 : 0));
  const queryLength = wanted.size;

  const lastPosition = new Int32Array(found.length).fill(-1);
  let textLength = 0;
  let count = 0;
  let lower = -1;
  let best = 0;
  for (let i = 0; i < indexes.length; i++) {
    const id = indexes[i]!;
    if (lower >= 0 || found[id]) {
      if (lastPosition[id]! < 0) {
        textLength++;
        if (found[id]) count++;
      }
      lastPosition[id] = i;
    }
    if (!found[id]) continue;
    const upper = i;
    if (lower === -1) {
      lower = i;
      textLength = 1;
    }
    let current = similarityOf(count, queryLength, textLength);
    // Try later starts of the stretch: dropping trigrams may raise the similarity.
    let tryCount = count;
    let tryLength = textLength;
    const previousLower = lower;
    for (let start = lower; start <= upper; start++) {
      const candidate = similarityOf(tryCount, queryLength, tryLength);
      if (candidate > current) {
        current = candidate;
        textLength = tryLength;
        lower = start;
        count = tryCount;
      }
      const startId = indexes[start]!;
      if (lastPosition[startId] === start) {
        tryLength--;
        if (found[startId]) tryCount--;
      }
    }
    best = Math.max(best, current);
    for (let start = previousLower; start < lower; start++) {
      const startId = indexes[start]!;
      if (lastPosition[startId] === start) lastPosition[startId] = -1;
    }
  }
  return best;
}
