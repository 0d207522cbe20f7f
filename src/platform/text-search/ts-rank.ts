/**
 * Postgres's `ts_rank` (default weights, normalisation 0) for a query whose top operator is OR, in
 * JavaScript: the same single-precision arithmetic as `calc_rank_or` in PostgreSQL's tsrank.c, so a
 * rank computed here equals the database's to the last bit. The words are analysed by the database
 * (`to_tsvector`, `to_tsquery` with its language configurations); only the arithmetic over the stored
 * vectors runs here, because doing it per request in the database costs more than the whole answer
 * may take (docs/ARCHITECTURE.md, "Text ranking in memory").
 *
 * Pure.
 */

/** The default weights of D, C, B and A, as the C code's `float` array holds them. */
const WEIGHTS = [Math.fround(0.1), Math.fround(0.2), Math.fround(0.4), Math.fround(1.0)] as const;
/** Σ 1/i², the limit calc_rank_or divides by (a `double` constant in C). */
const SUM_INVERSE_SQUARES = 1.64493406685;
/** A tsvector keeps at most this many positions per lexeme (MAXNUMPOS). */
const MAX_POSITIONS = 256;

/** One lexeme of a tsvector: its positions (ascending) and their weights (0 = D … 3 = A); none when stripped. */
export interface VectorEntry {
  lexeme: string;
  positions: number[];
  weights: number[];
}

/** One entry of a tsvector's text: a quoted lexeme (quotes and backslashes doubled), then its positions. */
const TSVECTOR_ENTRY = /'((?:[^'\\]|''|\\.)*)'(?::([0-9A-D,]+))? ?/gs;

/**
 * Parses a tsvector's text output (`'klima':1A,4 'skole':2B`). Postgres writes lexemes in single
 * quotes, doubling a quote or backslash inside; positions may carry a weight letter (none means D).
 */
export function parseTsvector(text: string): VectorEntry[] {
  const entries: VectorEntry[] = [];
  let expected = 0;
  for (const match of text.matchAll(TSVECTOR_ENTRY)) {
    if (match.index !== expected) throw new Error(`not a tsvector at ${expected}: ${text.slice(expected, expected + 20)}`);
    expected = match.index + match[0].length;
    const quoted = match[1]!;
    const lexeme = quoted.includes("'") || quoted.includes('\\') ? quoted.replace(/''|\\(.)/g, (_pair, escaped: string | undefined) => escaped ?? "'") : quoted;
    const positions: number[] = [];
    const weights: number[] = [];
    for (const position of match[2]?.split(',') ?? []) {
      if (positions.length === MAX_POSITIONS) break;
      const letter = position[position.length - 1]!;
      const weighted = letter >= 'A' && letter <= 'D';
      positions.push(Number.parseInt(weighted ? position.slice(0, -1) : position, 10));
      weights.push(weighted ? 'DCBA'.indexOf(letter) : 0);
    }
    entries.push({ lexeme, positions, weights });
  }
  if (expected !== text.length) throw new Error(text.startsWith("'", expected) ? 'unterminated lexeme in tsvector' : `not a tsvector at ${expected}: ${text.slice(expected, expected + 20)}`);
  return entries;
}

/**
 * What one lexeme adds to calc_rank_or's sum before the division by the number of query operands, as
 * the C code computes it: `(wjm + resj - wjm / ((jm + 1)²)) / 1.64493406685`, in `float` except the
 * final division. A lexeme stored without positions counts as one D-weighted occurrence.
 */
function entryContribution(weights: readonly number[]): number {
  const occurrences = weights.length > 0 ? weights : [0];
  let sum = 0;
  let maxWeight = -1;
  let maxAt = 0;
  for (let j = 0; j < occurrences.length; j++) {
    const weight = WEIGHTS[occurrences[j]!]!;
    sum = Math.fround(sum + Math.fround(weight / ((j + 1) * (j + 1))));
    if (weight > maxWeight) {
      maxWeight = weight;
      maxAt = j;
    }
  }
  const first = Math.fround(maxWeight + sum);
  return Math.fround(first - Math.fround(maxWeight / ((maxAt + 1) * (maxAt + 1)))) / SUM_INVERSE_SQUARES;
}

/** A stored vector prepared for ranking: each lexeme's contribution. */
export type RankableVector = ReadonlyMap<string, number>;

export function rankableVector(entries: readonly VectorEntry[]): RankableVector {
  return new Map(entries.map((entry) => [entry.lexeme, entryContribution(entry.weights)]));
}

/** Postgres's order of lexemes: by their UTF-8 bytes. */
export const utf8Order = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * A query of lexemes joined by OR (`to_tsquery(config, 'a | b')`), prepared as calc_rank_or sees it:
 * unique, in byte order (the order in which the C code adds them up, which decides the float rounding).
 */
export function orQuery(lexemes: Iterable<string>): readonly string[] {
  return [...new Set(lexemes)].sort(utf8Order);
}

/**
 * `ts_rank(vector, query)` for an OR query of plain lexemes, or undefined where `vector @@ query` is
 * false (no lexeme of the query in the vector) — the rows the SQL would not return.
 */
export function tsRankOr(vector: RankableVector, query: readonly string[]): number | undefined {
  let sum = 0;
  let matched = false;
  for (const lexeme of query) {
    const contribution = vector.get(lexeme);
    if (contribution === undefined) continue;
    matched = true;
    sum = Math.fround(sum + contribution);
  }
  if (!matched) return undefined;
  const rank = Math.fround(sum / query.length);
  return rank < 0 ? Math.fround(1e-20) : rank;
}

/** A position of a document that holds some query operands (`get_docrep` in tsrank.c). */
export interface CoverItem {
  position: number;
  /** 0 = D … 3 = A. */
  weight: number;
  /** The query operands found at this position, one bit each. */
  operands: number;
}

/**
 * `ts_rank_cd(vector, query, 1)` for a query that joins `operandCount` operands with AND, given the
 * vector's positions that hold an operand (`items`, sorted by position, one per position) and the
 * vector's count of positions: the covers (shortest spans holding every operand) found as calc_rank_cd
 * finds them, each worth its density, divided by the natural log of the vector's length.
 */
export function tsRankCdAnd(items: readonly CoverItem[], operandCount: number, vectorLength: number): number {
  const all = 2 ** operandCount - 1;
  let score = 0;
  let from = 0;
  while (from < items.length) {
    let seen = 0;
    let end = -1;
    for (let i = from; i < items.length; i++) {
      seen |= items[i]!.operands;
      if (seen === all) {
        end = i;
        break;
      }
    }
    if (end < 0) break;
    seen = 0;
    let begin = -1;
    for (let i = end; i >= from; i--) {
      seen |= items[i]!.operands;
      if (seen === all) {
        begin = i;
        break;
      }
    }
    let inverseWeights = 0;
    for (let i = begin; i <= end; i++) inverseWeights += 1 / WEIGHTS[items[i]!.weight]!;
    const density = (end - begin + 1) / inverseWeights;
    const span = items[end]!.position - items[begin]!.position;
    let noise = span - (end - begin);
    if (noise < 0) noise = Math.trunc((end - begin) / 2);
    score += density / (1 + noise);
    from = begin + 1;
  }
  if (vectorLength > 0) score /= Math.log(vectorLength + 1);
  return Math.fround(score);
}

/**
 * `tsRankCdAnd` for a query of one operand found at `occurrences` positions of one weight: each position
 * is a cover of its own, worth the weight, so no positions need to be listed.
 */
export function tsRankCdOneOperand(occurrences: number, weight: number, vectorLength: number): number {
  let score = 0;
  const density = 1 / (1 / WEIGHTS[weight]!);
  for (let i = 0; i < occurrences; i++) score += density;
  if (vectorLength > 0) score /= Math.log(vectorLength + 1);
  return Math.fround(score);
}
