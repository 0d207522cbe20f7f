/** Start-up and shut-down of the whole product: database, migrations, catalogue, HTTP. */
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { importEuPortalCalls } from '../calls/import.js';
import { countCalls } from '../calls/repository.js';
import { DEFAULT_CATALOGUE_DIR } from '../catalogue/files.js';
import { formatProblem, importCatalogue } from '../catalogue/import.js';
import { applyRetention } from '../accounts/retention.js';
import { loadDemoData, type DemoLoad } from '../organisations/demo-data.js';
import { loadDemoInitiatives } from '../portfolio/demo-data.js';
import { loadDemoSurvey } from '../survey/demo-data.js';
import type { AppConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { buildServer } from './http/server.js';
import { scheduleSurveyJobs } from '../survey/jobs.js';

export interface RunningApp {
  app: FastifyInstance;
  database: Database;
  address: string;
  stop(): Promise<void>;
}

export class CatalogueInvalidError extends Error {}

/**
 * What a request line in the log holds: method and path only. The query string can carry a search's
 * words or an invitation token (and a survey link's path its token), and the client's address is personal data the log does not need.
 */
function requestForLog(request: { method: string; url: string }): { method: string; path: string } {
  // A survey respondent's personal link carries its secret in the path.
  const path = (request.url.split('?')[0] ?? '').replace(/^(\/api\/survey-responses|\/svar)\/[^/]+/, '$1/…');
  return { method: request.method, path };
}

/** The retention job runs at start-up and then once a day. */
const RETENTION_INTERVAL_MS = 24 * 3_600_000;

/** Starts the product; `opening` is the database already being opened (the CLI begins it early), if any. */
export async function startApp(config: AppConfig, opening: Promise<Database> = openDatabase(config)): Promise<RunningApp> {
  const database = await opening;
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
    const demo: DemoLoad | null = config.demoData ? await loadDemoData(database.db) : null;
    // The demo initiatives and the demo survey's answers name catalogue programmes: without the catalogue there are none to load.
    if (config.demoData && config.loadCatalogueOnStart) {
      await loadDemoInitiatives(database.db);
      await loadDemoSurvey(database.db);
    }
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const localUrl = (port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const app = await buildServer({
      database,
      logger: { level: config.logLevel, serializers: { req: requestForLog } },
      trustProxy: config.trustProxy,
      sessions: config.sessions,
      publicUrl: config.publicUrl ?? localUrl(config.port),
      oidc: config.oidc,
    });
    if (demo?.loaded) app.log.info(`demo data loaded: ${demo.organisations} organisations, ${demo.users} people (README, "Demo users")`);
    const runRetention = async () => {
      try {
        app.log.info({ deleted: await applyRetention(database.db, new Date(), config.sessions) }, 'retention applied');
      } catch (error) {
        // A failed run must not stop the service; the next one tries again.
        app.log.error({ err: error }, 'retention failed');
      }
    };
    let retentionRun = runRetention();
    await retentionRun;
    await app.listen({ port: config.port, host: config.host });
    const retentionTimer = setInterval(() => (retentionRun = runRetention()), RETENTION_INTERVAL_MS).unref();
    const surveyJobs = scheduleSurveyJobs(app.surveyJobs);
    const port = (app.server.address() as { port: number }).port;
    return {
      app,
      database,
      address: localUrl(port),
      stop: async () => {
        clearInterval(retentionTimer);
        await retentionRun;
        await surveyJobs.stop();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
