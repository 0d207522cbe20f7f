/**
 * `npm run bench`: catalogue search over HTTP with the catalogue scaled to 10 000 programmes and
 * priorities, on PGlite and on PostgreSQL, plus cold and warm start of the built product.
 * Prints a table and writes the same figures to bench/results/latest.json. Never part of the tests.
 *
 * Environment: BENCH_POSTGRES_URL (default TEST_POSTGRES_URL or postgres://postgres@127.0.0.1:5432/postgres,
 * an admin connection used to create and drop a scratch database), BENCH_QUICK=1 (fewer requests and
 * one start round, for trying the benchmark itself), BENCH_SKIP_START=1 (catalogue search only).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { DEFAULT_CATALOGUE_DIR, readCatalogueDirectory } from '../src/catalogue/files.js';
import { replaceCatalogue } from '../src/catalogue/repository.js';
import type { Programme } from '../src/catalogue/schema.js';
import { validateCatalogue } from '../src/catalogue/validate.js';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.js';
import { buildServer } from '../src/platform/http/server.js';
import { runHttpLoadInChildProcess, type LoadRequest, type LoadResult } from './http-load.js';
import { measureStartTimes, type StartTimeResult } from './start-time.js';
import { distinctSearches, keyOfPath } from './search-queries.js';
import { syntheticCatalogue } from './synthetic-catalogue.js';

const QUICK = process.env.BENCH_QUICK === '1';
/** Search only: no start-time rounds (they need the build; the search part does not). */
const SKIP_START = process.env.BENCH_SKIP_START === '1';
const CONFIG = {
  targetRows: 10_000,
  seed: 20_260_101,
  concurrency: 8,
  /**
   * The server keeps finished answers asked more than once until the next import, so there are two measured runs:
   * *cold* — distinct searches (`search-queries.ts`), each sent once, so every one is answered by the
   * database — ending after this many requests or the time budget; and *warm* — a smaller set of
   * distinct searches, answered once first, then cycled.
   */
  coldRequests: QUICK ? 300 : 3_080,
  warmDistinct: QUICK ? 100 : 500,
  warmRequests: QUICK ? 1_000 : 6_160,
  timeLimitMs: QUICK ? 5_000 : 30_000,
  /**
   * Distinct searches sent before measuring, none of them measured later: about a second of load, so
   * that what is measured is a server that has been running, with its search code optimised by V8,
   * not the first moments of a new process (those are what the start times measure). With 64 instead,
   * the cold run's p95 was 3–4 ms higher (docs/BENCHMARKS.md).
   */
  warmupDistinct: 1_000,
  /**
   * Wait after the first search, which builds the index: the server then builds the index's part for
   * words and stems the catalogue's words in the background (search.ts), for 2–3 s at 10 000
   * programmes on this machine.
   */
  settleMs: 5_000,
  /** One pass over the fixed mix one request at a time, cold and then again (cached): each query's own time. */
  sequentialPasses: 1,
  startRounds: QUICK ? 1 : 3,
} as const;
const TARGETS = { searchP95Ms: 15, coldStartMs: 10_000, warmStartMs: 2_000 } as const;
const POSTGRES_ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));

/** A fixed mix of what people type and click on the catalogue page: each query's own time, one at a time. */
const p = (label: string, query: string): LoadRequest => ({ label, path: `/api/programmes?${query}` });
export const QUERY_MIX: LoadRequest[] = [
  p('word', 'q=erasmus'),
  p('word', 'q=klimatilpasning'),
  p('word sv', 'q=klimatanpassning&lang=sv'),
  p('word', 'q=skole'),
  p('word', 'q=kultur'),
  p('two words, misspelt', 'q=interreg%20sverge'),
  p('misspelt', 'q=erasmsu'),
  p('misspelt', 'q=horisnt%20europa'),
  p('prefix', 'q=eras'),
  p('prefix', 'q=klim'),
  p('word + filter', 'q=kulturarv&sector=culture'),
  p('filters only', 'sector=education&kind=eu-programme'),
  p('filters only', 'kind=county-scheme&sort=name'),
  p('filters only', 'strand=A&applicantType=municipality'),
  p('filters only', 'minFundingRate=80&sort=funding-rate'),
  p('word, page 2', 'q=ungdom&page=2'),
  p('no filter', ''),
  p('no filter, page 5', 'page=5'),
  p('word + sort', 'q=samarbeid&sort=period&lang=nn'),
  p('two words en', 'q=climate%20adaptation&lang=en'),
  p('word + filter', 'q=nordisk&kind=nordic'),
  p('word + 3 filters', 'q=grensehinder&strand=A&applicantType=municipality&minFundingRate=50'),
  p('filters only', 'policyObjective=PO2&sector=environment'),
  p('word + filter', 'q=helse&applicantType=hospital'),
  p('no match', 'q=qwxzvb'),
  p('word, page 3', 'q=reiseliv&page=3&pageSize=10'),
  p('no filter, 100 items', 'pageSize=100&sort=name'),
  p('word sv + filter', 'q=gr%C3%A4nshinder&lang=sv&sector=business-labour'),
];

interface EngineResult {
  engine: 'pglite' | 'postgres';
  skipped?: string;
  loadMs?: number;
  totalProgrammes?: number;
  /** Concurrency 8, distinct searches each sent once: every answer from the database. */
  cold?: LoadResult;
  /** Concurrency 8, a set of distinct searches already answered, cycled: answers from the store. */
  warm?: LoadResult;
  /** The fixed mix one at a time on a fresh server (answered by the database), then again (stored). */
  sequentialCold?: LoadResult;
  sequentialWarm?: LoadResult;
  /** 1-minute load average when the measured runs began (this benchmark's own load comes on top during them). */
  loadAverageAtStart?: number;
}

const log = (line: string) => console.log(line);
/** An error's first line and, for a server that failed, the line that says why. */
const firstLine = (message: string) => {
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  const reason = lines.find((line) => /Error\b/.test(line) && line !== lines[0]);
  return [lines[0], reason].filter(Boolean).join(' … ');
};
const round = (v: number) => Math.round(v);
const loadAverage = () => Math.round((os.loadavg()[0] ?? 0) * 100) / 100;

/** Which code was measured: the commit, and how many files differ from it. */
function sourceVersion(): { commit: string; changedFiles: number } {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: fileURLToPath(new URL('..', import.meta.url)), encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), changedFiles: git('status', '--porcelain').split('\n').filter(Boolean).length };
  } catch {
    return { commit: 'unknown', changedFiles: 0 };
  }
}

async function loadCatalogue(): Promise<{ real: Programme[]; synthetic: Programme[]; generateMs: number }> {
  const read = await readCatalogueDirectory(DEFAULT_CATALOGUE_DIR);
  const { programmes, problems } = validateCatalogue(read.files);
  if (read.problems.length + problems.length > 0) throw new Error(`the catalogue in ${DEFAULT_CATALOGUE_DIR} has problems; run mulighetsrom catalogue check`);
  const started = performance.now();
  const synthetic = syntheticCatalogue(programmes, { targetRows: CONFIG.targetRows, seed: CONFIG.seed });
  const generateMs = performance.now() - started;
  // The generated programmes must be as valid as the real ones (ids double as file names).
  const check = validateCatalogue(synthetic.map((programme) => ({ file: `${programme.id}.yaml`, document: programme })));
  if (check.problems.length > 0) throw new Error(`synthetic catalogue invalid: ${JSON.stringify(check.problems.slice(0, 3))}`);
  return { real: programmes, synthetic, generateMs };
}

async function withPglite<T>(use: (database: Database) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mulighetsrom-bench-pglite-'));
  try {
    const database = await openPglite(dir);
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function withPostgres<T>(use: (database: Database) => Promise<T>): Promise<T> {
  const adminUrl = new URL(POSTGRES_ADMIN_URL);
  const name = `mulighetsrom_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  try {
    adminUrl.pathname = `/${name}`;
    // The pool size the product uses (openDatabase → openPostgres default).
    const database = await openPostgres(adminUrl.toString());
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  } finally {
    const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 5000 });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
}

async function benchEngine(database: Database, catalogue: Programme[], searches: { warmup: LoadRequest[]; cold: LoadRequest[] }): Promise<EngineResult> {
  await database.migrate();
  const started = performance.now();
  await replaceCatalogue(database.db, catalogue, { actor: 'npm run bench', sourceHash: `synthetic:${CONFIG.seed}:${CONFIG.targetRows}` });
  const loadMs = performance.now() - started;
  log(`  loaded ${catalogue.length} programmes in ${round(loadMs)} ms`);
  // A PostgreSQL server's autovacuum would gather planner statistics within a minute or so, in the
  // middle of the run; gather them now so every request sees the same plans. PGlite has no
  // autovacuum and the product never runs ANALYZE, so PGlite is measured as users get it.
  if (database.engine === 'postgres') await database.db.execute(sql`analyze`);

  const app = await buildServer({ database, serveWeb: false });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const baseUrl = `http://127.0.0.1:${port}`;

    const all = (await (await fetch(`${baseUrl}/api/programmes?pageSize=1`)).json()) as { total: number };
    if (all.total !== catalogue.length) throw new Error(`the API lists ${all.total} programmes, expected ${catalogue.length}`);
    await new Promise((resolve) => setTimeout(resolve, CONFIG.settleMs));
    const load = (requests: LoadRequest[], total: number, concurrency: number, finishPass = true) =>
      runHttpLoadInChildProcess({ baseUrl, requests, total, timeLimitMs: CONFIG.timeLimitMs, warmup: 0, concurrency, finishPass });

    const loadAverageAtStart = loadAverage();
    // Each query of the fixed mix alone, first from the database (nothing stored yet), then stored.
    const sequentialCold = await load(QUERY_MIX, CONFIG.sequentialPasses * QUERY_MIX.length, 1);
    log(`  alone, from the database: ${describeRun(sequentialCold)}`);
    // The server stores an answer the second time it is asked (answer-cache.ts): ask once more, unmeasured.
    await load(QUERY_MIX, QUERY_MIX.length, 1);
    const sequentialWarm = await load(QUERY_MIX, CONFIG.sequentialPasses * QUERY_MIX.length, 1);
    log(`  alone, stored: ${describeRun(sequentialWarm)}`);
    await load(searches.warmup, searches.warmup.length, CONFIG.concurrency);
    const cold = await load(searches.cold, searches.cold.length, CONFIG.concurrency, false);
    log(`  concurrency ${CONFIG.concurrency}, ${searches.cold.length} distinct searches (cold): ${describeRun(cold)}; CPU: ${describeCpu(cold)}`);
    const warmSet = searches.cold.slice(0, CONFIG.warmDistinct);
    await load(warmSet, warmSet.length, CONFIG.concurrency); // asked a second time, so stored; not measured
    const warm = await load(warmSet, CONFIG.warmRequests, CONFIG.concurrency);
    log(`  concurrency ${CONFIG.concurrency}, ${warmSet.length} distinct searches cycled (warm): ${describeRun(warm)}; CPU: ${describeCpu(warm)}`);
    return { engine: database.engine, loadMs: round(loadMs), totalProgrammes: all.total, cold, warm, sequentialCold, sequentialWarm, loadAverageAtStart };
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Presentation

const describeCpu = (run: LoadResult) => {
  const cpu = run.cpuPercent;
  if (!cpu) return 'unknown (no /proc)';
  return `server process ${cpu.server} %, PostgreSQL ${cpu.postgres} %, load driver ${cpu.loadDriver} %, other processes ${cpu.other} % of one core`;
};
const describeRun = (run: LoadResult) =>
  `${run.requests} requests${run.stoppedByTimeLimit ? ' (time budget reached)' : ''}, p50 ${run.latencyMs.p50} ms, p95 ${run.latencyMs.p95} ms, ${run.requestsPerSecond} req/s, ${run.errors} errors, ${run.cacheHits} answers from the store`;

function table(header: string[], rows: Array<Array<string | number>>, alignLeft = 1): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((cell, i) => (i < alignLeft ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function report(results: EngineResult[], start: (StartTimeResult & { loadAverageAtStart: number }) | { skipped: string }, targets: Array<{ target: string; limit: string; measured: string; verdict: string }>): string {
  const out: string[] = [];
  const runRows: Array<Array<string | number>> = [];
  const runs = (r: EngineResult) =>
    [
      ['cold: distinct searches, each once', r.cold],
      ['warm: stored searches, cycled', r.warm],
      ['fixed mix alone, from the database', r.sequentialCold],
      ['fixed mix alone, stored', r.sequentialWarm],
    ] as const;
  for (const r of results) {
    if (r.skipped) {
      runRows.push([r.engine, 'skipped', '', '', '', '', '', '', '', '', '', '']);
      continue;
    }
    for (const [name, run] of runs(r)) {
      if (!run) continue;
      runRows.push([r.engine, name, run.concurrency, `${run.requests}${run.stoppedByTimeLimit ? '*' : ''}`, run.errors, run.cacheHits, run.latencyMs.p50, run.latencyMs.p95, run.latencyMs.p99, run.latencyMs.max, run.requestsPerSecond, `${(run.durationMs / 1000).toFixed(1)} s`]);
    }
  }
  out.push('Catalogue search over HTTP (GET /api/programmes, loopback, keep-alive), latency in ms');
  out.push(table(['engine', 'run', 'concurrency', 'requests', 'errors', 'stored', 'p50', 'p95', 'p99', 'max', 'req/s', 'took'], runRows, 2));
  for (const r of results) if (r.skipped) out.push(`${r.engine} skipped: ${r.skipped}`);
  const cpu = results.filter((r) => r.cold?.cpuPercent);
  if (cpu.length > 0) {
    out.push(`CPU during the concurrency-${CONFIG.concurrency} runs, % of one core (${os.availableParallelism()} cores):`);
    for (const r of cpu) for (const [name, run] of runs(r).slice(0, 2)) if (run) out.push(`  ${r.engine}, ${name.split(':')[0]}: ${describeCpu(run)}`);
    if (cpu.some((r) => Math.max(r.cold?.cpuPercent?.other ?? 0, r.warm?.cpuPercent?.other ?? 0) > 20)) out.push('  other processes took a noticeable share of the CPU: these figures are pessimistic; run again on a quiet machine');
  }
  const loads = results.filter((r) => r.loadAverageAtStart !== undefined).map((r) => `${r.engine} ${r.loadAverageAtStart}`);
  if (!('skipped' in start)) loads.push(`start-time ${start.loadAverageAtStart}`);
  if (loads.length > 0) out.push(`Load average (1 min) when each part began: ${loads.join(', ')} (includes this benchmark's own preceding work)`);
  const loaded = results.filter((r) => r.loadMs !== undefined);
  if (loaded.length > 0) out.push(`Loading the catalogue (replaceCatalogue, ${CONFIG.targetRows} rows): ${loaded.map((r) => `${r.engine} ${r.loadMs} ms`).join(', ')}`);
  if (results.some((r) => r.cold?.stoppedByTimeLimit)) out.push(`* the time budget (${CONFIG.timeLimitMs / 1000} s) ended the cold run before ${CONFIG.coldRequests} requests`);

  const measured = results.filter((r) => r.sequentialCold);
  if (measured.length > 0) {
    out.push('');
    out.push(`Each query of the fixed mix alone (concurrency 1, ${CONFIG.sequentialPasses === 1 ? 'one request' : `median of ${CONFIG.sequentialPasses}`}): from the database, then stored; ms`);
    out.push(
      table(
        ['shape', 'query', ...measured.flatMap((r) => [`${r.engine} db`, `${r.engine} stored`])],
        QUERY_MIX.map((q) => [
          q.label,
          decodeURIComponent(q.path.replace('/api/programmes?', '')) || '(none)',
          ...measured.flatMap((r) => [r.sequentialCold?.byPath[q.path]?.p50 ?? '-', r.sequentialWarm?.byPath[q.path]?.p50 ?? '-']),
        ]),
        2,
      ),
    );
  }

  out.push('');
  if ('skipped' in start) out.push(`Start time: skipped (${start.skipped})`);
  else {
    out.push(`Start time of \`node bin/mulighetsrom.js serve\` (PGlite), spawn → first 200, ms; median of ${start.rounds.length}`);
    out.push(
      table(
        ['start', 'GET /', 'GET /api/programmes', 'rounds (api)', '"ready in" printed'],
        (['cold', 'warm'] as const).map((kind) => [
          kind,
          start[kind].webMs,
          start[kind].apiMs,
          start.rounds.map((r) => r[kind].apiMs).join(', '),
          start.rounds.map((r) => r[kind].reportedReadyMs ?? '?').join(', '),
        ]),
      ),
    );
  }
  out.push('');
  out.push('Targets');
  out.push(table(['target', 'limit', 'measured', 'verdict'], targets.map((t) => [t.target, t.limit, t.measured, t.verdict]), 3));
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const cpus = os.cpus();
  const machine = {
    nproc: os.availableParallelism(),
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
  const source = sourceVersion();
  const loadBefore = loadAverage();
  log(`Mulighetsrom benchmark — ${machine.nproc} CPU (${machine.cpu}), Node ${machine.node}, load average ${loadBefore} (the build just before counts too)${QUICK ? ' — QUICK mode' : ''}`);
  log(`Code: commit ${source.commit}${source.changedFiles > 0 ? ` with ${source.changedFiles} changed or new files` : ''}`);

  const { real, synthetic, generateMs } = await loadCatalogue();
  const catalogue = [...real, ...synthetic];
  const priorityCount = catalogue.reduce((sum, programme) => sum + programme.priorities.length, 0);
  log(`Catalogue: ${real.length} real + ${synthetic.length} synthetic programmes, ${priorityCount} priorities = ${catalogue.length + priorityCount} rows (generated in ${round(generateMs)} ms)`);

  const results: EngineResult[] = [];
  const engines = [
    { engine: 'pglite', title: 'PGlite (embedded, data directory in a temporary folder)', run: withPglite },
    { engine: 'postgres', title: `PostgreSQL (${new URL(POSTGRES_ADMIN_URL).host}, scratch database)`, run: withPostgres },
  ] as const;
  // Distinct searches: a few to warm up with, the rest measured; none repeats another (see search-queries.ts).
  // The fixed mix and the size check are answered (and stored) first: the cold run must not meet them again.
  const answeredBefore = [...QUERY_MIX.map((request) => request.path), '/api/programmes?pageSize=1'].map(keyOfPath);
  const pool = distinctSearches(catalogue, CONFIG.warmupDistinct + CONFIG.coldRequests, CONFIG.seed + 1, answeredBefore);
  const searches = { warmup: pool.slice(0, CONFIG.warmupDistinct), cold: pool.slice(CONFIG.warmupDistinct) };
  const shapes = new Map<string, number>();
  for (const request of searches.cold) shapes.set(request.label, (shapes.get(request.label) ?? 0) + 1);
  log(`Searches: ${searches.cold.length} distinct for the cold run (${[...shapes].map(([label, n]) => `${n} ${label}`).join(', ')}), the first ${CONFIG.warmDistinct} of them for the warm run`);
  for (const { engine, title, run } of engines) {
    log(`${title}, load average ${loadAverage()}:`);
    try {
      results.push(await run((database) => benchEngine(database, catalogue, searches)));
    } catch (error) {
      const message = firstLine((error as Error).message);
      log(`  skipped: ${message}`);
      results.push({ engine, skipped: message });
    }
  }

  const startLoadAverage = loadAverage();
  if (!SKIP_START) log(`Start time (${CONFIG.startRounds} × cold + warm), load average ${startLoadAverage}:`);
  let start: (StartTimeResult & { loadAverageAtStart: number }) | { skipped: string };
  if (SKIP_START) start = { skipped: 'BENCH_SKIP_START=1' };
  else {
    try {
      start = { ...(await measureStartTimes(CONFIG.startRounds, log)), loadAverageAtStart: startLoadAverage };
    } catch (error) {
      start = { skipped: firstLine((error as Error).message) };
      log(`  failed: ${start.skipped}`);
    }
  }

  const targets: Array<{ target: string; limit: string; measured: string; verdict: string; pass: boolean }> = [];
  for (const r of results) {
    for (const [kind, run] of [['every search distinct (cold)', r.cold], ['searches stored (warm)', r.warm]] as const) {
      const p95 = run?.latencyMs.p95;
      const ok = p95 !== undefined && run?.errors === 0 && p95 <= TARGETS.searchP95Ms;
      targets.push({
        target: `search p95, ${r.engine}, concurrency ${CONFIG.concurrency}, ${kind}`,
        limit: `≤ ${TARGETS.searchP95Ms} ms, 0 errors`,
        measured: p95 === undefined ? 'not measured' : `${p95} ms, ${run?.errors} errors, ${run?.requestsPerSecond} req/s`,
        verdict: verdict(ok),
        pass: ok,
      });
    }
  }
  for (const kind of ['cold', 'warm'] as const) {
    const limit = kind === 'cold' ? TARGETS.coldStartMs : TARGETS.warmStartMs;
    const value = 'skipped' in start ? undefined : Math.max(start[kind].webMs, start[kind].apiMs);
    const ok = value !== undefined && value <= limit;
    targets.push({ target: `${kind} start (page and API answer)`, limit: `≤ ${limit} ms`, measured: value === undefined ? 'not measured' : `${value} ms`, verdict: value === undefined ? '-' : verdict(ok), pass: ok });
  }

  const text = report(results, start, targets);
  log('');
  log(text);

  const totalMs = round(performance.now() - benchStarted);
  await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
  await writeFile(
    RESULTS_FILE,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        command: 'npm run bench',
        quick: QUICK,
        source,
        machine,
        // Before the benchmark's own work: how busy the machine was with other things.
        loadAverageBefore: loadBefore,
        config: { ...CONFIG, targets: TARGETS },
        catalogue: { realProgrammes: real.length, syntheticProgrammes: synthetic.length, priorities: priorityCount, rows: catalogue.length + priorityCount },
        queryMix: QUERY_MIX,
        distinctSearches: { seed: CONFIG.seed + 1, cold: searches.cold.map((r) => r.path) },
        search: results,
        start,
        targets,
        totalMs,
        table: text,
      },
      null,
      2,
    ) + '\n',
  );
  log('');
  log(`Written to ${path.relative(process.cwd(), RESULTS_FILE)} (benchmark took ${round(totalMs / 1000)} s).`);
}

await main();
