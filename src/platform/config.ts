/** Settings from the environment; secrets and addresses never live in the code. */
import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Data directory of the embedded PGlite database; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Load the shipped catalogue when the database has none (first start). */
  loadCatalogueOnStart: boolean;
  logLevel: string;
  /** Believe X-Forwarded-* headers: only behind a reverse proxy that sets them (TRUST_PROXY=true). */
  trustProxy: boolean;
  /** EU Funding & Tenders calls (JSON lines) loaded as demo data when no calls are stored yet. */
  demoCallsFile: string | undefined;
}

export class ConfigError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  return port;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST || 'localhost',
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    loadCatalogueOnStart: env.LOAD_CATALOGUE !== 'false',
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    demoCallsFile: env.DEMO_CALLS_FILE === '' ? undefined : path.resolve(env.DEMO_CALLS_FILE ?? '../shared/data/eu-funding-calls-open.jsonl'),
  };
}
