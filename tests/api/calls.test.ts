import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { importEuPortalCalls } from '../../src/calls/import.js';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { buildServer } from '../../src/platform/http/server.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const call = (id: string, programme: string, deadline: string, callStatus = 'open') =>
  JSON.stringify({ topicId: id, title: `Call ${id}`, programme, callStatus, deadline, portalUrl: `https://example.org/${id}` });

describe.each(ENGINES)('calls and deadlines on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    testDb = await create();
    await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
    dir = await mkdtemp(path.join(tmpdir(), 'calls-'));
    const file = path.join(dir, 'calls.jsonl');
    await writeFile(file, [call('HE-LATER', 'Horizon Europe', inDays(90)), call('HE-SOON', 'Horizon Europe', inDays(10)), call('HE-PAST', 'Horizon Europe', inDays(-5)), call('EDF-1', 'European Defence Fund', inDays(3)), call('HE-SOON', 'Horizon Europe', inDays(10))].join('\n'));
    expect(await importEuPortalCalls(testDb.database.db, file)).toEqual({ ok: true, calls: 4, linked: 3 });
    app = await buildServer({ database: testDb.database, serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the open calls of a programme, next deadline first, without past ones', async () => {
    const response = await app.inject({ url: '/api/programmes/horizon-europe/calls' });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ items: Array<{ id: string }>; total: number }>()).toMatchObject({ total: 2, items: [{ id: 'HE-SOON' }, { id: 'HE-LATER' }] });
    expect((await app.inject({ url: '/api/programmes/nope/calls' })).statusCode).toBe(404);
  });

  it('gives the navigator the next deadline of each programme', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: { idea: 'forskning', applicant: { type: 'university', country: 'NO' } } });
    const results = response.json<{ results: Array<{ programmeId: string; nextDeadline: string | null }> }>().results;
    expect(results.find((r) => r.programmeId === 'horizon-europe')?.nextDeadline).toBe(inDays(10));
    expect(results.find((r) => r.programmeId === 'erasmus-plus')?.nextDeadline).toBeNull();
  });

  it('refuses a file with a broken line and keeps the calls it had', async () => {
    const file = path.join(dir, 'broken.jsonl');
    await writeFile(file, `${call('X', 'Horizon Europe', inDays(5))}\n{oops\n`);
    const result = await importEuPortalCalls(testDb.database.db, file);
    expect(result).toEqual({ ok: false, problems: [`${file}: line 2: not valid JSON`] });
    expect((await app.inject({ url: '/api/programmes/horizon-europe/calls' })).json<{ total: number }>().total).toBe(2);
  });
});
