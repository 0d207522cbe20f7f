/** Start-up and shut-down of the whole product: database, migrations, catalogue, HTTP. */
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { importEuPortalCalls } from '../calls/import.js';
import { countCalls } from '../calls/repository.js';
import { DEFAULT_CATALOGUE_DIR } from '../catalogue/files.js';
import { formatProblem, importCatalogue } from '../catalogue/import.js';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { buildServer } from './http/server.js';

export interface RunningApp {
  app: FastifyInstance;
  database: Database;
  address: string;
  stop(): Promise<void>;
}

export class CatalogueInvalidError extends Error {}

export async function startApp(config: AppConfig): Promise<RunningApp> {
  const database = await openDatabase(config);
  try {
    await database.migrate();
    if (config.loadCatalogueOnStart) {
      const result = await importCatalogue(database.db, DEFAULT_CATALOGUE_DIR, { actor: 'start-up', skipIfUnchanged: true });
      if (!result.ok) throw new CatalogueInvalidError(`The shipped catalogue has problems:\n${result.problems.map(formatProblem).join('\n')}`);
    }
    if (config.demoCallsFile && existsSync(config.demoCallsFile) && (await countCalls(database.db)) === 0) {
      const calls = await importEuPortalCalls(database.db, config.demoCallsFile);
      if (!calls.ok) throw new Error(`The demo calls file has problems:\n${calls.problems.slice(0, 10).join('\n')}`);
    }
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const localUrl = (port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const app = await buildServer({
      database,
      logger: { level: config.logLevel },
      trustProxy: config.trustProxy,
      sessions: config.sessions,
      publicUrl: config.publicUrl ?? localUrl(config.port),
    });
    await app.listen({ port: config.port, host: config.host });
    const port = (app.server.address() as { port: number }).port;
    return {
      app,
      database,
      address: localUrl(port),
      stop: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
