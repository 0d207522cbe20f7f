/**
 * One database interface over two engines: embedded PGlite (default, a data directory) and
 * PostgreSQL (`DATABASE_URL`). Both run the same migrations and the same queries.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import v8 from 'node:v8';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { projectPath } from '../paths.js';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up message (never includes a password). */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {}

const MIGRATIONS_DIR = projectPath('migrations');

/**
 * Runs the migrator only when the database is behind the migrations folder. The migrator itself would
 * find nothing to do, but only after reading and hashing every migration and running its own DDL —
 * some 90 ms of each PGlite start. Drizzle applies the migrations newer than the newest one recorded;
 * equal timestamps mean there is none.
 */
async function migrateIfBehind(db: Db, migrate: () => Promise<void>): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  const newest = journal.entries.at(-1)?.when;
  try {
    const result = await db.execute<{ created_at: string | number }>(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    const recorded = (result as unknown as { rows: Array<{ created_at: string | number }> }).rows[0]?.created_at;
    if (newest !== undefined && recorded !== undefined && Number(recorded) === newest) return;
  } catch {
    // No migrations table yet: a new database.
  }
  await migrate();
}

/** `postgres://user:secret@host/db` → `postgres://user@host/db`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * PGlite's default of 128 MB shared buffers is set up at every start, which takes about 0.3 s here; the
 * embedded database of one installation needs far less (the operating system caches its files too).
 */
const PGLITE_SETTINGS = ['-c', 'shared_buffers=32MB'];

/**
 * V8 compiles PGlite's WebAssembly on as many background threads as it may (four), which on a small
 * machine crowd out the thread that starts the server: leaving one core free made a warm start about
 * 70 ms and a cold start about 0.8 s shorter on two cores (docs/BENCHMARKS.md). Set before the module
 * is compiled; hot functions are still optimised, only fewer at a time.
 */
function leaveACoreForStartUp(): void {
  v8.setFlagsFromString(`--wasm-num-compilation-tasks=${Math.max(1, availableParallelism() - 1)}`);
}

/** Opens PGlite in `dataDir`, or in memory when `dataDir` is `memory://`. */
export async function openPglite(dataDir: string): Promise<Database> {
  leaveACoreForStartUp();
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    location: dataDir,
    migrate: () => migrateIfBehind(db, () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_DIR })),
    close: () => client.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // Loaded only for a PostgreSQL server: the embedded default never needs the driver (start-up time).
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // A broken connection in the pool must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    location: redactUrl(url),
    migrate: () => migrateIfBehind(db, () => migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_DIR })),
    close: () => pool.end(),
  };
}

export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
