#!/usr/bin/env node
/** The `mulighetsrom` command line: serve, migrate, catalogue check/import. */
import path from 'node:path';
import { DEFAULT_CATALOGUE_DIR } from '../catalogue/files.js';
import { checkCatalogue, formatProblem, importCatalogue } from '../catalogue/import.js';
import { startApp } from '../platform/app.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DatabaseUnavailableError, openDatabase } from '../platform/db/client.js';
import { importEuPortalCalls } from '../calls/import.js';

const USAGE = `Usage: mulighetsrom <command>

Commands:
  serve                      start the web app and API
  migrate                    create or update the database schema
  catalogue check [dir]      validate every programme file; exit code 1 on problems
  catalogue import [dir]     validate, then load the catalogue in one transaction

Environment: PORT (3000), HOST (localhost), DATA_DIR (./.data, embedded database),
DATABASE_URL (postgres://… to use PostgreSQL instead), LOG_LEVEL (info),
DEMO_CALLS_FILE (../shared/data/eu-funding-calls-open.jsonl, loaded at start when no calls are stored).
`;

const EXIT = { ok: 0, problems: 1, usage: 2, database: 3, config: 4 } as const;

async function serve(): Promise<number> {
  const config = loadConfig();
  const started = Date.now();
  const running = await startApp(config);
  console.log(`Mulighetsrom is running at ${running.address} (database: ${running.database.engine}, ${running.database.location}; ready in ${Date.now() - started} ms)`);
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      console.log(`\n${signal} received, shutting down…`);
      running.stop().then(resolve, (error: unknown) => {
        console.error('Shutdown failed:', error);
        resolve();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return EXIT.ok;
}

async function migrate(): Promise<number> {
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    console.log(`Database schema is up to date (${database.engine}, ${database.location}).`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}

function catalogueSummary(programmes: number, priorities: number, sources: number): string {
  return `${programmes} programmes, ${priorities} priorities, ${sources} sources`;
}

async function catalogueCheck(dir: string): Promise<number> {
  const { programmes, concepts, problems } = await checkCatalogue(dir);
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in ${dir}`);
    return EXIT.problems;
  }
  const priorities = programmes.reduce((sum, p) => sum + p.priorities.length, 0);
  const sources = programmes.reduce((sum, p) => sum + p.sources.length, 0);
  console.log(`Catalogue OK: ${catalogueSummary(programmes.length, priorities, sources)}${concepts > 0 ? `, ${concepts} concepts` : ''}.`);
  return EXIT.ok;
}

async function catalogueImport(dir: string): Promise<number> {
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    const result = await importCatalogue(database.db, dir, { actor: 'cli' });
    if (!result.ok) {
      for (const problem of result.problems) console.error(formatProblem(problem));
      console.error(`\n${result.problems.length} problem(s); nothing was imported, the database keeps its previous catalogue.`);
      return EXIT.problems;
    }
    if (!('report' in result)) return EXIT.ok;
    const r = result.report;
    console.log(`Imported ${catalogueSummary(r.programmes, r.priorities, r.sources)}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed.`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}

async function callsImport(file: string | undefined): Promise<number> {
  if (!file) {
    console.error('Name the calls file: mulighetsrom calls import <file.jsonl>');
    return EXIT.usage;
  }
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    const result = await importEuPortalCalls(database.db, path.resolve(file));
    if (!result.ok) {
      for (const problem of result.problems) console.error(problem);
      console.error(`\n${result.problems.length} problem(s); nothing was imported.`);
      return EXIT.problems;
    }
    console.log(`Imported ${result.calls} calls, ${result.linked} of them linked to catalogue programmes.`);
    return EXIT.ok;
  } finally {
    await database.close();
  }
}

async function run(args: string[]): Promise<number> {
  const [command, sub, dirArg] = args;
  const catalogueDir = path.resolve(dirArg ?? DEFAULT_CATALOGUE_DIR);
  switch (command) {
    case 'serve':
      return serve();
    case 'migrate':
      return migrate();
    case 'catalogue':
      if (sub === 'check') return catalogueCheck(catalogueDir);
      if (sub === 'import') return catalogueImport(catalogueDir);
      break;
    case 'calls':
      if (sub === 'import') return callsImport(dirArg);
      break;
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return EXIT.ok;
  }
  console.error(USAGE);
  return EXIT.usage;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof DatabaseUnavailableError) {
    console.error(error.message);
    console.error('Check DATABASE_URL, or unset it to use the embedded database.');
    process.exitCode = EXIT.database;
  } else if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exitCode = EXIT.config;
  } else {
    throw error;
  }
}
