#!/usr/bin/env node
/** The `mulighetsrom` command line: serve, migrate, catalogue check/import, calls import, admin create, retention run. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DatabaseUnavailableError, openDatabase } from '../platform/db/client.js';
import { DEFAULT_CATALOGUE_DIR } from '../catalogue/files.js';
import type { RetentionCounts } from '../accounts/retention.js';
import type { OrganisationType } from '../organisations/kinds.js';
import { askHidden, PromptInterrupted } from './prompt.js';

// Each command imports what it needs when it runs: `serve` loads the server's modules while the
// embedded database opens (docs/BENCHMARKS.md, warm start).

const USAGE = `Usage: mulighetsrom <command>

Commands:
  serve [--demo]             start the web app and API; --demo loads the Moss region's demo organisations
                             and people (README, "Demo users"); without it the product starts empty
  migrate                    create or update the database schema
  catalogue check [dir]      validate every programme file; exit code 1 on problems
  catalogue import [dir]     validate, then load the catalogue in one transaction
  calls import <file>        load calls from an EU Funding & Tenders export (JSON lines)
  admin create --email <address> --name <name> [--organisation <name> --kind <kind> [--org-number <number>]]
                             create a system administrator and, optionally, a top-level organisation with
                             them as its administrator. The password is asked for on the terminal, or read
                             from MULIGHETSROM_ADMIN_PASSWORD; never give it as an argument
  retention run              delete what is past its retention period now, survey answers included
                             (the server does it on its own)

Environment: PORT (3000), HOST (localhost), DATA_DIR (./.data, embedded database),
DATABASE_URL (postgres://… to use PostgreSQL instead), LOG_LEVEL (info),
DEMO_CALLS_FILE (../shared/data/eu-funding-calls-open.jsonl, loaded at start when no calls are stored),
DEMO_DATA (false; true does what serve --demo does).
`;

const EXIT = { ok: 0, problems: 1, usage: 2, database: 3, config: 4 } as const;

async function serve(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } });
  const config = loadConfig();
  if (values.demo) config.demoData = true;
  const started = Date.now();
  // PGlite reads and compiles its WebAssembly partly off this thread: the server's modules load meanwhile.
  const database = openDatabase(config);
  database.catch(() => undefined); // startApp awaits it and reports a failure
  const { startApp } = await import('../platform/app.js');
  const running = await startApp(config, database);
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
  const { checkCatalogue, formatProblem } = await import('../catalogue/import.js');
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
  const { formatProblem, importCatalogue } = await import('../catalogue/import.js');
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
    const { importEuPortalCalls } = await import('../calls/import.js');
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

const ADMIN_PASSWORD_VARIABLE = 'MULIGHETSROM_ADMIN_PASSWORD';

/** From the environment (scripts), else asked twice on the terminal; null when neither is possible or the two differ. */
async function administratorPassword(email: string): Promise<string | null> {
  const fromEnvironment = process.env[ADMIN_PASSWORD_VARIABLE];
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) {
    console.error(`No password: run the command in a terminal, or set ${ADMIN_PASSWORD_VARIABLE}.`);
    return null;
  }
  const password = await askHidden(`Password for ${email}: `);
  if ((await askHidden('The same password again: ')) === password) return password;
  console.error('The two passwords differ; nothing was created.');
  return null;
}

async function adminCreate(args: string[]): Promise<number> {
  if (args.some((arg) => arg === '--password' || arg.startsWith('--password='))) {
    console.error(`The password is never given as an argument (it would stay in the shell history): type it when asked, or set ${ADMIN_PASSWORD_VARIABLE}.`);
    return EXIT.usage;
  }
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, name: { type: 'string' }, organisation: { type: 'string' }, kind: { type: 'string' }, 'org-number': { type: 'string' } },
  });
  const { email, name, organisation, kind } = values;
  const orgNumber = values['org-number'];
  if (!email || !name) {
    console.error('Give the administrator\'s --email and --name.');
    return EXIT.usage;
  }
  if (organisation === undefined && (kind !== undefined || orgNumber !== undefined)) {
    console.error('--kind and --org-number describe the organisation: give its --organisation name too.');
    return EXIT.usage;
  }
  const { ORGANISATION_TYPES } = await import('../organisations/kinds.js');
  if (organisation !== undefined && !(ORGANISATION_TYPES as readonly string[]).includes(kind ?? '')) {
    console.error(`Give the organisation's --kind: one of ${ORGANISATION_TYPES.join(', ')}.`);
    return EXIT.usage;
  }
  const password = await administratorPassword(email);
  if (password === null) return EXIT.problems;
  const [{ createAdministrator }, { HttpError }, { message }] = await Promise.all([import('../accounts/create-account.js'), import('../platform/http/errors.js'), import('../platform/i18n/messages.js')]);
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    const created = await createAdministrator(
      database.db,
      { email, name, password, ...(organisation !== undefined ? { organisation: { name: organisation, kind: kind as OrganisationType, ...(orgNumber ? { orgNumber } : {}) } } : {}) },
      { userId: null, label: 'cli' },
    );
    const administers = created.organisation ? `, administrator of ${created.organisation.name} (${created.organisation.kind})` : '';
    console.log(`Created system administrator ${created.user.email}${administers}.`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    console.error(`Nothing was created (${error.field ?? 'input'}): ${message(error.messageKey, 'en', error.params)}`);
    return EXIT.problems;
  } finally {
    await database.close();
  }
}

const RETENTION_LABELS: Record<keyof RetentionCounts, string> = {
  auditEvents: 'audit events',
  sessions: 'ended sessions',
  passwordResets: 'password reset links',
  invitations: 'invitations',
  signInThrottle: 'sign-in throttle entries',
  oidcLogins: 'unfinished OpenID Connect sign-ins',
  accounts: 'inactive accounts',
};

async function retentionRun(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await database.migrate();
    const [{ applyRetention }, { eraseExpiredRounds }] = await Promise.all([import('../accounts/retention.js'), import('../survey/retention.js')]);
    const now = new Date();
    const counts = await applyRetention(database.db, now, config.sessions);
    // Survey rounds past their retention date lose their respondents and answers (the server does it hourly).
    const survey = await eraseExpiredRounds(database.db, { userId: null, label: 'retention run' }, now);
    const line = (count: number, label: string) => `  ${String(count).padStart(6)} ${label}`;
    const lines = [
      ...(Object.keys(RETENTION_LABELS) as (keyof RetentionCounts)[]).map((key) => line(counts[key], RETENTION_LABELS[key])),
      line(survey.invitees, `survey respondents (names and addresses) in ${survey.rounds} rounds`),
      line(survey.answers, 'survey answers'),
    ];
    console.log(`Retention applied; deleted:\n${lines.join('\n')}`);
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
      return serve(args.slice(1));
    case 'migrate':
      return migrate();
    case 'catalogue':
      if (sub === 'check') return catalogueCheck(catalogueDir);
      if (sub === 'import') return catalogueImport(catalogueDir);
      break;
    case 'calls':
      if (sub === 'import') return callsImport(dirArg);
      break;
    case 'admin':
      if (sub === 'create') return adminCreate(args.slice(2));
      break;
    case 'retention':
      if (sub === 'run') return retentionRun();
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
  } else if (error instanceof PromptInterrupted) {
    console.error('Interrupted; nothing was created.');
    process.exitCode = EXIT.problems;
  } else if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = EXIT.usage;
  } else if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exitCode = EXIT.config;
  } else {
    throw error;
  }
}
