import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/platform/db/client.js';
import { LexemeCache } from '../../src/platform/text-search/lexemes.js';
import { createPgliteDatabase, type TestDatabase } from '../support/databases.js';

describe('LexemeCache', () => {
  let test: TestDatabase;
  let queries = 0;
  let db: Db;

  beforeAll(async () => {
    test = await createPgliteDatabase();
    const real = test.database.db;
    // Counts the round trips; everything else is the real database.
    db = new Proxy(real, { get: (target, property, receiver) => (property === 'execute' ? (...args: unknown[]) => (queries++, (target.execute as (...a: unknown[]) => unknown).apply(target, args)) : Reflect.get(target, property, receiver)) });
  });
  afterAll(() => test?.dispose());

  it('gives each word its lexemes per configuration, none for a stop word', async () => {
    const cache = new LexemeCache(db);
    expect(await cache.of(['norwegian', 'english'], ['skolene', 'og', 'adaptation'])).toEqual([
      [['skol'], [], ['adaptation']],
      [['skolen'], ['og'], ['adapt']],
    ]);
  });

  it('asks once for the words of requests that arrive together, and never again', async () => {
    const cache = new LexemeCache(db);
    queries = 0;
    const [first, second] = await Promise.all([cache.of(['swedish'], ['klimatanpassning']), cache.of(['swedish'], ['klimatanpassning', 'skolor'])]);
    expect(queries).toBe(1);
    expect(first).toEqual([[['klimatanpassning']]]);
    expect(second).toEqual([[['klimatanpassning'], ['skol']]]);
    await cache.of(['swedish'], ['skolor', 'klimatanpassning']);
    expect(queries).toBe(1);
  });
});
