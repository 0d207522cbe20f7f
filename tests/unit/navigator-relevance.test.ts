import { describe, expect, it } from 'vitest';
import type { Concept } from '../../src/catalogue/concept-schema.js';
import { compileVocabulary, conceptTargets, matchConcepts } from '../../src/navigator/concepts.js';
import { rankMatches } from '../../src/navigator/match.js';
import { resolvePlace } from '../../src/navigator/geography.js';
import { relevanceScore } from '../../src/navigator/relevance.js';
import { DEFAULT_EXCHANGE_RATE } from '../../src/reference/exchange-rate.js';
import { validProgramme } from '../support/programme-fixture.js';

const concept = (id: string, terms: Concept['terms'], targets: string[]): Concept => ({ id, label: { nb: id, nn: id, sv: id, en: id }, terms, targets });
const CLIMATE = concept('climate-adaptation', { nb: ['klimatilpasning', 'overvann'], nn: ['klimatilpassing'], sv: ['klimatanpassning'], en: ['climate adaptation'] }, ['test-programme/2A']);
const SCHOOL = concept('school', { nb: ['skole'], nn: ['skule'], sv: ['skola'], en: ['school'] }, ['other-programme']);

describe('concepts in an idea', () => {
  it('matches inflections, compounds, phrases and other languages', () => {
    expect(matchConcepts('Vi vil jobbe med klimatilpasningstiltak', compileVocabulary([CLIMATE])).map((m) => m.term)).toEqual(['klimatilpasning']);
    expect(matchConcepts('Grunnskolene i Moss', compileVocabulary([SCHOOL])).map((m) => m.term)).toEqual(['skole']);
    expect(matchConcepts('We need climate adaptation plans', compileVocabulary([CLIMATE]))).toHaveLength(1);
    expect(matchConcepts('climate change and adaptation', compileVocabulary([CLIMATE]))).toHaveLength(0); // not consecutive
    expect(matchConcepts('Kommunen ska arbeta med klimatanpassning', compileVocabulary([CLIMATE, SCHOOL])).map((m) => m.concept.id)).toEqual(['climate-adaptation']);
  });

  it('does not match short terms inside other words', () => {
    const art = concept('art', { nb: ['kunst'], nn: ['kunst'], sv: ['konst'], en: ['art'] }, ['x']);
    expect(matchConcepts('We start a partnership', compileVocabulary([art]))).toHaveLength(0);
    expect(matchConcepts('Artists meet', compileVocabulary([art]))).toHaveLength(1);
  });

  it('knows what a concept points at', () => {
    const [climate, school] = compileVocabulary([CLIMATE, SCHOOL]);
    expect(conceptTargets(climate!, 'test-programme', '2A')).toBe(true);
    expect(conceptTargets(climate!, 'test-programme', '1A')).toBe(false);
    expect(conceptTargets(school!, 'other-programme', 'KA1')).toBe(true);
  });
});

describe('ranking', () => {
  const moss = resolvePlace({ country: 'NO', municipality: '3103' });
  if (!('place' in moss)) throw new Error('no Moss');
  const programmes = [
    validProgramme(),
    validProgramme({ id: 'other-programme', interregStrand: undefined, priorities: [] }),
    validProgramme({ id: 'closed-programme', status: 'closed' }),
  ];
  const request = { idea: 'klimatilpasning og overvann', language: 'nb' as const, question: { applicant: { type: 'municipality' as const, place: moss.place } } };
  const rank = (ranks: Array<[string, number]> = []) =>
    rankMatches({ programmes, textRanks: new Map(ranks), concepts: compileVocabulary([CLIMATE, SCHOOL]), request, exchangeRate: DEFAULT_EXCHANGE_RATE });

  it('returns every programme-and-priority pair, relevant first, ineligible last', () => {
    const results = rank([['test-programme/2A', 0.2], ['closed-programme/2A', 0.4]]);
    expect(results.map((r) => `${r.programmeId}/${r.priorityCode}`)).toEqual(['test-programme/2A', 'other-programme/null', 'closed-programme/2A']);
    expect(results[0]?.why.concepts.map((c) => c.id)).toEqual(['climate-adaptation']);
    expect(results[2]?.verdict).toBe('ineligible');
  });

  it('is deterministic', () => {
    expect(JSON.stringify(rank([['test-programme/2A', 0.1]]))).toBe(JSON.stringify(rank([['test-programme/2A', 0.1]])));
  });

  it('weighs text, concepts, sector and rule fit', () => {
    const nothing = relevanceScore({ textShare: 0, conceptHits: 0, sector: undefined, prioritySectors: [], ruleFit: 0 });
    const everything = relevanceScore({ textShare: 1, conceptHits: 10, sector: 'technical', prioritySectors: ['technical'], ruleFit: 1 });
    expect(nothing).toBe(0);
    expect(everything).toBeCloseTo(1, 2);
  });
});
