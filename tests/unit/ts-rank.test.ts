import { describe, expect, it } from 'vitest';
import { orQuery, parseTsvector, rankableVector, tsRankOr } from '../../src/platform/text-search/ts-rank.js';

describe('parseTsvector', () => {
  it('reads lexemes, positions and weights as Postgres writes them', () => {
    expect(parseTsvector("'klima':1A,4 'skole':2B,3C,7 'ungdom'")).toEqual([
      { lexeme: 'klima', positions: [1, 4], weights: [3, 0] },
      { lexeme: 'skole', positions: [2, 3, 7], weights: [2, 1, 0] },
      { lexeme: 'ungdom', positions: [], weights: [] },
    ]);
  });

  it('undoes the doubling of quotes and backslashes', () => {
    expect(parseTsvector("'o''neill':1 'a\\\\b':2A")).toEqual([
      { lexeme: "o'neill", positions: [1], weights: [0] },
      { lexeme: 'a\\b', positions: [2], weights: [3] },
    ]);
  });

  it('reads the empty vector and refuses text that is not one', () => {
    expect(parseTsvector('')).toEqual([]);
    expect(() => parseTsvector('klima:1')).toThrow(/not a tsvector/);
    expect(() => parseTsvector("'klima")).toThrow(/unterminated/);
  });
});

describe('tsRankOr', () => {
  it('gives the values Postgres gives (select ts_rank(...)::float8)', () => {
    // select ts_rank('a:1A b:2'::tsvector, 'a | c'::tsquery)::float8 → 0.3039635419845581
    const vector = rankableVector(parseTsvector("'a':1A 'b':2"));
    expect(tsRankOr(vector, orQuery(['a', 'c']))).toBe(0.3039635419845581);
    // select ts_rank('a:1,2,3'::tsvector, 'a'::tsquery)::float8 → 0.08274563401937485
    expect(tsRankOr(rankableVector(parseTsvector("'a':1,2,3")), ['a'])).toBe(0.08274563401937485);
  });

  it('is undefined where the vector holds no lexeme of the query (the row @@ would not return)', () => {
    expect(tsRankOr(rankableVector(parseTsvector("'a':1")), ['b'])).toBeUndefined();
  });

  it('counts each query lexeme once, in byte order', () => {
    expect(orQuery(['å', 'b', 'a', 'b'])).toEqual(['a', 'b', 'å']);
  });
});
