import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { buildServer } from '../../src/platform/http/server.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';

interface ListBody {
  items: Array<{ id: string; shortName: string | null }>;
  total: number;
}

describe.each(ENGINES)('stored catalogue answers on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let dir: string;

  beforeAll(async () => {
    testDb = await create();
    dir = await mkdtemp(path.join(tmpdir(), 'catalogue-answers-'));
    await cp(DEFAULT_CATALOGUE_DIR, dir, { recursive: true });
    expect((await importCatalogue(testDb.database.db, dir, { actor: 'test' })).ok).toBe(true);
    app = await buildServer({ database: testDb.database, serveWeb: false });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const search = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/programmes?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return { status: response.headers['cache-status'], type: response.headers['content-type'], body: response.json<ListBody>(), raw: response.body };
  };

  it('answers a search asked again from the store, the same as from the database', async () => {
    const first = await search('q=erasmus&sector=education');
    expect(first.status).toBe('mulighetsrom; fwd=miss');
    expect(first.type).toBe('application/json; charset=utf-8');
    expect(first.body.items.map((item) => item.id)).toContain('erasmus-plus');
    // The same words and filters, written differently: the same question to the database. Asked a
    // second time, the answer is stored; from the third time on, it comes from the store.
    const second = await search('q=%20Erasmus!&sector=education&sector=education');
    expect(second.status).toBe('mulighetsrom; fwd=miss');
    const third = await search('q=erasmus&sector=education');
    expect(third.status).toBe('mulighetsrom; hit');
    expect(third.raw).toBe(first.raw);
    expect(second.raw).toBe(first.raw);
    expect((await search('q=erasmus&sector=education&page=2')).status).toBe('mulighetsrom; fwd=miss');
    expect((await search('q=erasmus&sector=education&lang=en')).status).toBe('mulighetsrom; fwd=miss');
  });

  it('forgets stored answers when this process imports', async () => {
    expect((await search('q=norec')).body.items.map((item) => item.id)).toContain('norec');
    await search('q=norec');
    expect((await search('q=norec')).status).toBe('mulighetsrom; hit');
    await rm(path.join(dir, 'norec.yaml'));
    expect(await importCatalogue(testDb.database.db, dir, { actor: 'test' })).toMatchObject({ ok: true, report: { removed: 1 } });
    const after = await search('q=norec');
    expect(after.status).toBe('mulighetsrom; fwd=miss');
    expect(after.body.items.map((item) => item.id)).not.toContain('norec');
  });

  it('sees a change made by another process within a second', async () => {
    expect((await search('q=erasmus')).body.items.find((item) => item.id === 'erasmus-plus')?.shortName).not.toBe('Changed elsewhere');
    // As another process would (the CLI on the same PostgreSQL server): no import in this process.
    await testDb.database.db.execute(sql`update programmes set card = jsonb_set(card, '{shortName}', '"Changed elsewhere"'), imported_at = now() where id = 'erasmus-plus'`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await search('q=erasmus');
    expect(after.status).toBe('mulighetsrom; fwd=miss');
    expect(after.body.items.find((item) => item.id === 'erasmus-plus')?.shortName).toBe('Changed elsewhere');
  });
});
