/** A running product (built web app + API) on a free loopback port, with the shipped catalogue and the EU calls. */
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { importEuPortalCalls } from '../../src/calls/import.js';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { buildServer, type ServerOptions } from '../../src/platform/http/server.js';
import type { Database } from '../../src/platform/db/client.js';
import { createPgliteDatabase, type TestDatabase } from './databases.js';

export interface AppServer {
  url: string;
  /** The server's database, for tests that set up people and organisations. */
  database: Database;
  stop(): Promise<void>;
}

/** `options` override the server's (e.g. a mailer, OpenID Connect settings); the database is always a fresh PGlite. */
export async function startAppServer(options: Partial<Omit<ServerOptions, 'database'>> = {}): Promise<AppServer> {
  const testDb: TestDatabase = await createPgliteDatabase();
  const result = await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
  if (!result.ok) throw new Error('shipped catalogue is invalid');
  // The real EU calls export, as the demo start-up loads it.
  const calls = await importEuPortalCalls(testDb.database.db, fileURLToPath(new URL('../../../shared/data/eu-funding-calls-open.jsonl', import.meta.url)));
  if (!calls.ok) throw new Error(calls.problems.join('\n'));
  const app: FastifyInstance = await buildServer({ ...options, database: testDb.database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    database: testDb.database,
    stop: async () => {
      await app.close();
      await testDb.dispose();
    },
  };
}
