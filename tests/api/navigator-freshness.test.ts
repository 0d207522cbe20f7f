import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEuPortalCalls } from '../../src/calls/import.js';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { resolvePlace } from '../../src/navigator/geography.js';
import { loadShippedVocabulary } from '../../src/navigator/load-vocabulary.js';
import { createNavigator } from '../../src/navigator/navigator.js';
import { buildServer } from '../../src/platform/http/server.js';
import { DEFAULT_EXCHANGE_RATE } from '../../src/reference/exchange-rate.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';

interface Result {
  programmeId: string;
  priorityCode: string | null;
  verdict: string;
  rules: Array<{ id: string; outcome: string }>;
  nextDeadline: string | null;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const callLine = (id: string, deadline: string) => JSON.stringify({ topicId: id, title: `Call ${id}`, programme: 'Horizon Europe', callStatus: 'open', deadline, portalUrl: `https://example.org/${id}` });
const FESTIVAL = {
  idea: 'Kulturenheten vil bygge et nettverk av musikkfestivaler med partnere i Sverige og Danmark.',
  language: 'nb',
  applicant: { type: 'municipality', country: 'NO', municipality: '3103' },
  sector: 'culture',
  budgetNok: 800_000,
} as const;

describe.each(ENGINES)('navigator answers follow the data on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    testDb = await create();
    dir = await mkdtemp(path.join(tmpdir(), 'navigator-freshness-'));
    await cp(DEFAULT_CATALOGUE_DIR, dir, { recursive: true });
    expect((await importCatalogue(testDb.database.db, dir, { actor: 'test' })).ok).toBe(true);
    await writeFile(path.join(dir, 'calls.jsonl'), callLine('HE-1', inDays(10)));
    expect((await importEuPortalCalls(testDb.database.db, path.join(dir, 'calls.jsonl'))).ok).toBe(true);
    app = await buildServer({ database: testDb.database, serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const match = async (body: object) => {
    const response = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: body });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    return { results: response.json<{ results: Result[] }>().results, raw: response.body };
  };

  it('sends exactly the results of the use case', async () => {
    const { raw } = await match(FESTIVAL);
    const place = resolvePlace(FESTIVAL.applicant);
    if (!('place' in place)) throw new Error('no place');
    const navigator = createNavigator({ db: testDb.database.db, concepts: loadShippedVocabulary, exchangeRate: DEFAULT_EXCHANGE_RATE });
    const results = await navigator.match({ idea: FESTIVAL.idea, language: 'nb', question: { applicant: { type: 'municipality', place: place.place }, sector: 'culture', budgetNok: 800_000 } });
    expect(raw).toBe(JSON.stringify({ results }));
  });

  it('sees a changed programme after an import by this process', async () => {
    const before = (await match(FESTIVAL)).results.filter((r) => r.programmeId === 'creative-europe');
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.rules.find((rule) => rule.id === 'programme-status')?.outcome === 'met')).toBe(true);
    const file = path.join(dir, 'creative-europe.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^status: .*$/m, 'status: closed'));
    expect(await importCatalogue(testDb.database.db, dir, { actor: 'test' })).toMatchObject({ ok: true, report: { updated: 1 } });
    const after = (await match(FESTIVAL)).results.filter((r) => r.programmeId === 'creative-europe');
    expect(after.every((r) => r.verdict === 'ineligible' && r.rules.find((rule) => rule.id === 'programme-status')?.outcome === 'not-met')).toBe(true);
  });

  it('sees newly imported calls within a second', async () => {
    const deadline = async () => (await match({ ...FESTIVAL, idea: 'forskning', applicant: { type: 'university', country: 'NO' } })).results.find((r) => r.programmeId === 'horizon-europe')?.nextDeadline;
    expect(await deadline()).toBe(inDays(10));
    await writeFile(path.join(dir, 'calls.jsonl'), callLine('HE-2', inDays(3)));
    expect((await importEuPortalCalls(testDb.database.db, path.join(dir, 'calls.jsonl'))).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await deadline()).toBe(inDays(3));
  });
});
