import { readFile } from 'node:fs/promises';
import Fastify from 'fastify';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_DIR, readCatalogueDirectory } from '../../src/catalogue/files.js';
import type { Programme } from '../../src/catalogue/schema.js';
import { validateCatalogue } from '../../src/catalogue/validate.js';
import { compileVocabulary, type CompiledConcept } from '../../src/navigator/concepts.js';
import { resolvePlace, type Place } from '../../src/navigator/geography.js';
import { loadShippedVocabulary } from '../../src/navigator/load-vocabulary.js';
import { rankMatches, type MatchRequest, type MatchResult } from '../../src/navigator/match.js';
import { pairKey } from '../../src/navigator/pair-key.js';
import { MatchResponse } from '../../src/navigator/routes.js';
import { serialiseMatchResponse } from '../../src/navigator/serialise.js';
import { LANGUAGES, type Language } from '../../src/reference/codes.js';
import { DEFAULT_EXCHANGE_RATE } from '../../src/reference/exchange-rate.js';

interface Idea {
  language: Language;
  idea: string;
  applicant: { type: string; country: string; municipality?: string; region?: string };
  partners?: Array<{ country: string; region?: string; municipality?: string; type?: string }>;
  sector?: string;
  projectType?: string;
  budgetNok?: number;
  durationMonths?: number;
}

const place = (input: { country: string; municipality?: string | undefined; region?: string | undefined }): Place => {
  const resolved = resolvePlace(input);
  if (!('place' in resolved)) throw new Error(JSON.stringify(resolved.problem));
  return resolved.place;
};

let programmes: Programme[];
let vocabulary: CompiledConcept[];
let ideas: Idea[];

beforeAll(async () => {
  const read = await readCatalogueDirectory(DEFAULT_CATALOGUE_DIR);
  programmes = validateCatalogue(read.files).programmes.sort((a, b) => (a.id < b.id ? -1 : 1));
  vocabulary = compileVocabulary(await loadShippedVocabulary());
  ideas = (YAML.parse(await readFile(new URL('../navigator-eval/ideas.yaml', import.meta.url), 'utf8')) as { ideas: Idea[] }).ideas;
});

/** The real ranking of a labelled idea, answered in `language`, with some pairs given a text rank. */
function answer(idea: Idea, index: number, language: Language): MatchResult[] {
  const request = {
    idea: idea.idea,
    language,
    question: {
      applicant: { type: idea.applicant.type, place: place(idea.applicant) },
      partners: idea.partners?.map((partner) => ({ place: place(partner), type: partner.type })),
      sector: idea.sector,
      projectType: idea.projectType,
      budgetNok: idea.budgetNok,
      durationMonths: idea.durationMonths,
    },
  } as MatchRequest;
  const ranked = programmes.flatMap((programme) => programme.priorities.map((priority) => pairKey(programme.id, priority.code)));
  const textRanks = new Map(ranked.filter((_, i) => (i + index) % 7 === 0).map((key, i) => [key, 0.01 * (i + 1)]));
  const deadlines = new Map([[programmes[index % programmes.length]!.id, '2027-03-01']]);
  return rankMatches({ programmes, textRanks, concepts: vocabulary, request, exchangeRate: DEFAULT_EXCHANGE_RATE, nextDeadlines: deadlines });
}

describe('the navigator answer as bytes', () => {
  it('is exactly the JSON of the results, for every labelled idea, in its language and another', () => {
    let pairs = 0;
    ideas.forEach((idea, index) => {
      for (const language of [idea.language, LANGUAGES[index % 4]!]) {
        const results = answer(idea, index, language);
        pairs += results.length;
        expect(serialiseMatchResponse(results).toString('utf8')).toBe(JSON.stringify({ results }));
      }
    });
    expect(pairs).toBeGreaterThan(ideas.length * 2 * 100);
  }, 60_000);

  it('says what the route schema\'s own serialiser says', async () => {
    const samples = ideas.slice(0, 12).map((idea, index) => answer(idea, index, LANGUAGES[index % 4]!));
    const app = Fastify();
    app.get('/:index', { schema: { response: { 200: MatchResponse } } }, async (request) => ({ results: samples[Number((request.params as { index: string }).index)] }));
    for (const [index, results] of samples.entries()) {
      const bySchema = await app.inject({ url: `/${index}` });
      expect(JSON.parse(serialiseMatchResponse(results).toString('utf8'))).toEqual(bySchema.json());
    }
    await app.close();
  });

  it('encodes shared parts once but never serves stale ones', () => {
    const results = answer(ideas[0]!, 0, 'nb');
    const first = serialiseMatchResponse(results);
    expect(serialiseMatchResponse(results).equals(first)).toBe(true);
    // Other guidance, names and verdicts in new objects: the bytes follow the objects, not what was encoded before.
    const changed = results.map((result) => ({
      ...result,
      programmeName: `${result.programmeName} (ny)`,
      verdict: 'ineligible' as const,
      guidance: result.guidance.map((body) => ({ ...body, role: 'Endret rolle' })),
      crossBorderQuestions: [...result.crossBorderQuestions, 'Nytt spørsmål?'],
    }));
    expect(serialiseMatchResponse(changed).toString('utf8')).toBe(JSON.stringify({ results: changed }));
    // The same rules array under another verdict is encoded anew.
    const sameRules = results.map((result) => ({ ...result, verdict: result.verdict === 'ineligible' ? ('check' as const) : ('ineligible' as const) }));
    expect(serialiseMatchResponse(sameRules).toString('utf8')).toBe(JSON.stringify({ results: sameRules }));
    expect(serialiseMatchResponse([]).toString('utf8')).toBe('{"results":[]}');
  });
});
