import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../../src/platform/http/errors.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';

describe.each(ENGINES)('error handling on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await create();
    const { db } = testDb.database;
    app = Fastify({ logger: false });
    registerErrorHandling(app);
    // The same key twice, as two simultaneous requests that both passed a "not taken yet" check would write it.
    app.post('/twice', async () => {
      await db.execute(sql`insert into catalogue_words (word) values ('samtidig')`);
      await db.execute(sql`insert into catalogue_words (word) values ('samtidig')`);
      return { ok: true };
    });
    app.post('/broken', async () => {
      await db.execute(sql`select no_such_column from catalogue_words`);
      return { ok: true };
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('answers a unique violation found by the database with 409 in the user’s language, not 500', async () => {
    const response = await app.inject({ method: 'POST', url: '/twice', headers: { 'accept-language': 'nn' } });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ statusCode: 409, error: 'conflict', message: 'Nokon andre lagra det same i same augneblink. Last inn på nytt og prøv igjen; det du skreiv, er ikkje lagra.' });
  });

  it('still answers other database failures with 500 and no detail', async () => {
    const response = await app.inject({ method: 'POST', url: '/broken' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: 'internal' });
    expect(response.body).not.toContain('no_such_column');
  });
});
