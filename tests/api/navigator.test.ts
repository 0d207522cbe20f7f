import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { buildServer } from '../../src/platform/http/server.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';

interface Result {
  programmeId: string;
  priorityCode: string | null;
  verdict: string;
  score: number;
  rules: Array<{ id: string; outcome: string; reason: string }>;
  grant: { grant: { nok: number; eur: number } | null; ownShare: { nok: number } | null; budget: { nok: number }; exchangeRate: { eurNok: number; date: string } } | null;
  guidance: Array<{ name: string }>;
  crossBorderQuestions: string[];
}

const MOSS_SCHOOL_EXCHANGE = {
  idea: 'Ungdomsskolen vår ønsker et utvekslingssamarbeid med en skole i Värmland, der elever og lærere besøker hverandre.',
  language: 'nb',
  applicant: { type: 'school', country: 'NO', municipality: '3103' },
  partners: [{ country: 'SE', region: '17', type: 'school' }],
  sector: 'education',
};
const CLIMATE_WITH_VARMLAND = {
  idea: 'Teknisk etat vil samarbeide med kommuner i Värmland om klimatilpasning, overvann og flom.',
  language: 'nb',
  applicant: { type: 'municipality', country: 'NO', municipality: '3103' },
  partners: [{ country: 'SE', municipality: '1780', type: 'municipality' }],
  sector: 'technical',
  projectType: 'main-project',
  budgetNok: 3_000_000,
  durationMonths: 36,
};
const FESTIVAL_NETWORK = {
  idea: 'Kulturenheten vil bygge et nettverk av musikkfestivaler med partnere i Sverige og Danmark.',
  language: 'nb',
  applicant: { type: 'municipality', country: 'NO', municipality: '3103' },
  sector: 'culture',
};

describe.each(ENGINES)('navigator API on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await create();
    const result = await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
    if (!result.ok) throw new Error('catalogue invalid');
    app = await buildServer({ database: testDb.database, serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  const match = async (body: object) => {
    const response = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ results: Result[] }>().results;
  };
  const top = (results: Result[], n: number) => results.slice(0, n).map((r) => `${r.programmeId}/${r.priorityCode}`);

  it('answers every programme-and-priority pair, ineligible last, unless limited', async () => {
    const results = await match(MOSS_SCHOOL_EXCHANGE);
    const catalogue = await app.inject({ method: 'GET', url: '/api/programmes?pageSize=100' });
    const programmes = catalogue.json<{ items: Array<{ priorityCount: number }> }>().items;
    expect(results).toHaveLength(programmes.reduce((sum, p) => sum + Math.max(1, p.priorityCount), 0));
    const firstIneligible = results.findIndex((r) => r.verdict === 'ineligible');
    expect(firstIneligible).toBeGreaterThan(0);
    expect(results.slice(firstIneligible).every((r) => r.verdict === 'ineligible')).toBe(true);
    expect(await match({ ...MOSS_SCHOOL_EXCHANGE, limit: 5 })).toHaveLength(5);
  });

  it('is deterministic', async () => {
    expect(top(await match(CLIMATE_WITH_VARMLAND), 20)).toEqual(top(await match(CLIMATE_WITH_VARMLAND), 20));
  });

  it('a school in Moss wanting an exchange with a Swedish school finds Erasmus+ or Interreg Sverige–Norge 3B first', async () => {
    const best = top(await match(MOSS_SCHOOL_EXCHANGE), 3);
    expect(best.some((pair) => pair.startsWith('erasmus-plus/') || pair === 'interreg-sverige-norge/3B' || pair.startsWith('nordic-council-of-ministers/'))).toBe(true);
  });

  it('technical services wanting climate adaptation with Värmland find Interreg Sverige–Norge 2A, eligible or to check, with a grant estimate', async () => {
    const results = await match(CLIMATE_WITH_VARMLAND);
    expect(top(results, 3)).toContain('interreg-sverige-norge/2A');
    const svn = results.find((r) => r.programmeId === 'interreg-sverige-norge' && r.priorityCode === '2A')!;
    expect(svn.verdict).not.toBe('ineligible');
    expect(svn.rules.find((r) => r.id === 'required-countries')?.outcome).toBe('met');
    expect(svn.grant?.grant?.nok).toBe(1_500_000);
    expect(svn.grant!.grant!.nok + svn.grant!.ownShare!.nok).toBe(3_000_000);
    expect(svn.grant?.exchangeRate.eurNok).toBeGreaterThan(0);
    expect(svn.guidance.length).toBeGreaterThan(0);
    expect(svn.crossBorderQuestions.length).toBeGreaterThan(0);
  });

  it('a culture unit wanting a festival network finds culture programmes first', async () => {
    const best = top(await match(FESTIVAL_NETWORK), 3);
    expect(best.some((pair) => /^(creative-europe|nordic-council-of-ministers|interreg-oresund-kattegat-skagerrak|interreg-sverige-norge\/3C)/.test(pair))).toBe(true);
  });

  it('tells a private person why Interreg Sverige–Norge is not for them', async () => {
    const results = await match({ ...CLIMATE_WITH_VARMLAND, applicant: { ...CLIMATE_WITH_VARMLAND.applicant, type: 'private-person' }, language: 'en' });
    const svn = results.find((r) => r.programmeId === 'interreg-sverige-norge')!;
    expect(svn.verdict).toBe('ineligible');
    expect(svn.rules.find((r) => r.id === 'applicant-type')).toMatchObject({ outcome: 'not-met', reason: expect.stringContaining('may not apply') });
  });

  it('treats a partner outside the programme area as must be checked, never as not eligible', async () => {
    const results = await match({ ...CLIMATE_WITH_VARMLAND, partners: [{ country: 'SE', region: '01', type: 'state-agency' }] });
    const svn = results.find((r) => r.programmeId === 'interreg-sverige-norge' && r.priorityCode === '2A')!;
    expect(svn.rules.find((r) => r.id === 'partner-area')?.outcome).toBe('unknown');
    expect(svn.verdict).toBe('check');
  });

  it.each([
    [{ ...MOSS_SCHOOL_EXCHANGE, applicant: { type: 'wizard', country: 'NO' } }, 400, 'applicant.type'],
    [{ ...MOSS_SCHOOL_EXCHANGE, applicant: undefined }, 400, 'applicant'],
    [{ ...MOSS_SCHOOL_EXCHANGE, applicant: { type: 'school', country: 'NO', municipality: '9999' } }, 422, 'applicant.municipality'],
    [{ ...MOSS_SCHOOL_EXCHANGE, partners: [{ country: 'SE', region: 'XX9' }] }, 422, 'partners.0.region'],
    [{ ...MOSS_SCHOOL_EXCHANGE, applicant: { type: 'school', country: 'ZZ' } }, 422, 'applicant.country'],
    [{ ...MOSS_SCHOOL_EXCHANGE, budgetNok: -5 }, 422, 'budgetNok'],
    [{ ...MOSS_SCHOOL_EXCHANGE, budgetNok: 1e15 }, 422, 'budgetNok'],
    [{ ...MOSS_SCHOOL_EXCHANGE, durationMonths: 0 }, 422, 'durationMonths'],
    [{ ...MOSS_SCHOOL_EXCHANGE, idea: 'x'.repeat(5001) }, 422, 'idea'],
  ])('rejects bad input %# with %i naming %s, in the request language', async (body, status, field) => {
    const response = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: { ...body, language: 'nn' }, headers: { 'accept-language': 'nn' } });
    expect(response.statusCode).toBe(status);
    const error = response.json<{ field: string; message: string }>();
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('compresses the answer for clients that accept it', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: MOSS_SCHOOL_EXCHANGE, headers: { 'accept-encoding': 'gzip' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.rawPayload).length).toBeGreaterThan(response.rawPayload.length * 5);
  });

  it('refuses an oversized or broken body with a message in the user\'s language', async () => {
    const tooLarge = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: { ...MOSS_SCHOOL_EXCHANGE, idea: 'x'.repeat(70_000) }, headers: { 'accept-language': 'nn' } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<{ message: string }>().message).toBe('Førespurnaden er for stor.');
    const broken = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: '{"idea": ', headers: { 'content-type': 'application/json', 'accept-language': 'sv' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ message: string }>().message).toBe('Begäran är inte giltig JSON.');
  });

  it('speaks the request language in the reasons', async () => {
    const [first] = await match({ ...MOSS_SCHOOL_EXCHANGE, language: 'sv', limit: 1 });
    expect(first?.rules.find((r) => r.id === 'programme-status')?.reason).toMatch(/Programmet (är|har)/);
  });
});
