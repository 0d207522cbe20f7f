/**
 * The engines every API test runs against: embedded PGlite and the PostgreSQL server
 * (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres). Each test file gets a
 * fresh, migrated database that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { openPglite, openPostgres, type Database, type Db } from '../../src/platform/db/client.js';

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  database: Database;
  dispose(): Promise<void>;
}

export async function createPgliteDatabase(): Promise<TestDatabase> {
  const database = await openPglite('memory://');
  await database.migrate();
  return { database, dispose: () => database.close() };
}

export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `mulighetsrom_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  await database.migrate();
  return {
    database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export const ENGINES = [
  { engine: 'pglite', create: createPgliteDatabase },
  { engine: 'postgres', create: createPostgresDatabase },
] as const;

/**
 * For a describe block: a fresh database of one engine with the shipped catalogue imported before its
 * tests, dropped after them. Returns the way to reach it.
 */
export function withShippedCatalogue(create: () => Promise<TestDatabase>): () => Db {
  let test: TestDatabase | undefined;
  beforeAll(async () => {
    test = await create();
    await importCatalogue(test.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
  }, 120_000);
  afterAll(() => test?.dispose());
  return () => test!.database.db;
}
