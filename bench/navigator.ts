/**
 * Navigator benchmark: POST /api/navigator/match with the full shipped catalogue and the EU calls, on
 * PostgreSQL and PGlite. The requests are distinct questions varied from the 100 labelled ideas of
 * tests/navigator-eval (four languages, with applicants, partners, budgets; see navigator-requests.ts),
 * each sent once, without `limit`, so every answer holds every programme-and-priority pair. Reports
 * server-side p50/p95/p99 (Fastify's own timing of each reply), requests/second and latency seen by a
 * closed loop of concurrent clients in a separate process (bench/post-load-client.ts), and who used the
 * CPU meanwhile.
 * Targets (issue 3): server-side p95 ≤ 25 ms; ≥ 300 requests/s on PostgreSQL.
 *
 * Environment: BENCH_CONCURRENCY (8), BENCH_NAVIGATOR_REQUESTS (3000).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { importEuPortalCalls } from '../src/calls/import.js';
import { DEFAULT_CATALOGUE_DIR } from '../src/catalogue/files.js';
import { importCatalogue } from '../src/catalogue/import.js';
import { buildServer } from '../src/platform/http/server.js';
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from '../tests/support/databases.js';
import { cpuShares, cpuSnapshot, summarise, type CpuShares, type LatencySummary } from './http-load.js';
import { postJson } from './http-post.js';
import { distinctNavigatorBodies, type LabelledIdea } from './navigator-requests.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const REQUESTS = Number(process.env.BENCH_NAVIGATOR_REQUESTS ?? 3000);
const WARMUP = 40;
const SEED = 20_261_123;
const TIME_LIMIT_MS = 30_000;
const TARGET_P95_MS = 25;
const TARGET_RPS_POSTGRES = 300;

interface EngineResult {
  engine: string;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  meanAnswerBytes: number;
  serverMs: LatencySummary;
  clientMs: LatencySummary;
  /** % of one core: server = this process (Fastify and, with PGlite, the database), loadDriver = the client. */
  cpuPercent: CpuShares | undefined;
}

interface ClientOutcome {
  latencies: number[];
  errors: number;
  bytes: number;
  durationMs: number;
}

async function loadBodies(): Promise<{ warmup: string[]; measured: string[] }> {
  const ideas = (YAML.parse(await readFile(new URL('../tests/navigator-eval/ideas.yaml', import.meta.url), 'utf8')) as { ideas: Array<LabelledIdea & { id: string; expected: unknown }> }).ideas;
  const labelled = ideas.map(({ id: _id, expected: _expected, ...body }) => body);
  const bodies = distinctNavigatorBodies(labelled, WARMUP + REQUESTS, SEED);
  return { warmup: bodies.slice(0, WARMUP), measured: bodies.slice(WARMUP) };
}

async function measure(engine: string, create: () => Promise<TestDatabase>, bodies: { warmup: string[]; measured: string[] }): Promise<EngineResult> {
  const testDb = await create();
  try {
    const imported = await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'bench' });
    if (!imported.ok) throw new Error('catalogue invalid');
    const calls = await importEuPortalCalls(testDb.database.db, fileURLToPath(new URL('../../shared/data/eu-funding-calls-open.jsonl', import.meta.url)));
    if (!calls.ok) throw new Error('calls invalid');
    const app = await buildServer({ database: testDb.database, serveWeb: false, logger: false });
    const serverTimes: number[] = [];
    let measuring = false;
    app.addHook('onResponse', async (request, reply) => {
      if (measuring && request.url === '/api/navigator/match') serverTimes.push(reply.elapsedTime);
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    // Warm-up (JIT, connections, the catalogue snapshot), with questions that are not measured.
    for (const body of bodies.warmup) {
      const reply = await postJson(agent, port, '/api/navigator/match', body);
      if (reply.status !== 200) throw new Error(`warm-up answered ${reply.status}: ${body}`);
    }
    agent.destroy();
    const client = fork(fileURLToPath(new URL('./post-load-client.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
    await new Promise<void>((resolve, reject) => {
      client.once('message', () => resolve());
      client.once('error', reject);
    });
    measuring = true;
    const cpuBefore = cpuSnapshot(process.pid, client.pid);
    const outcome = await new Promise<ClientOutcome>((resolve, reject) => {
      client.once('message', (message) => resolve(message as ClientOutcome));
      client.once('error', reject);
      client.send({ port, path: '/api/navigator/match', bodies: bodies.measured, concurrency: CONCURRENCY, total: bodies.measured.length, timeLimitMs: TIME_LIMIT_MS });
    });
    const cpuAfter = cpuSnapshot(process.pid, client.pid);
    measuring = false;
    await app.close();
    const requests = outcome.latencies.length;
    return {
      engine,
      requests,
      errors: outcome.errors,
      requestsPerSecond: Math.round((requests / outcome.durationMs) * 10000) / 10,
      meanAnswerBytes: Math.round(outcome.bytes / Math.max(1, requests)),
      serverMs: summarise(serverTimes),
      clientMs: summarise(outcome.latencies),
      cpuPercent: cpuShares(cpuBefore, cpuAfter, outcome.durationMs),
    };
  } finally {
    await testDb.dispose();
  }
}

const bodies = await loadBodies();
const loadBefore = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
const results: EngineResult[] = [];
for (const [engine, create] of [['postgres', createPostgresDatabase], ['pglite', createPgliteDatabase]] as const) {
  results.push(await measure(engine, create, bodies));
}

const line = (r: EngineResult) =>
  `${r.engine.padEnd(9)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(6)} ${String(r.serverMs.p50).padStart(8)} ${String(r.serverMs.p95).padStart(8)} ${String(r.serverMs.p99).padStart(8)} ${String(r.clientMs.p50).padStart(10)} ${String(r.clientMs.p95).padStart(10)} ${String(r.requestsPerSecond).padStart(7)}`;
console.log(`\nNavigator: POST /api/navigator/match, ${bodies.measured.length} distinct questions varied from the labelled ideas, each sent once; concurrency ${CONCURRENCY}; full catalogue + EU calls; load average before: ${loadBefore}`);
console.log('engine    requests errors  srv p50  srv p95  srv p99 client p50 client p95   req/s');
for (const r of results) console.log(line(r));
for (const r of results) {
  const cpu = r.cpuPercent;
  console.log(
    `${r.engine}: answers of ${Math.round(r.meanAnswerBytes / 1024)} KB on average; CPU, % of one core (${os.availableParallelism()} cores): ${
      cpu ? `server process ${cpu.server}, PostgreSQL ${cpu.postgres}, load client ${cpu.loadDriver}, other processes ${cpu.other}` : 'unknown (no /proc)'
    }`,
  );
}
if (results.some((r) => (r.cpuPercent?.other ?? 0) > 20)) console.log('other processes took a noticeable share of the CPU: these figures are pessimistic; run again on a quiet machine');
const postgres = results.find((r) => r.engine === 'postgres')!;
const verdicts = [
  ...results.map((r) => `server-side p95 ${r.engine}: ${r.serverMs.p95} ms (target ≤ ${TARGET_P95_MS} ms) — ${r.serverMs.p95 <= TARGET_P95_MS && r.errors === 0 ? 'PASS' : 'FAIL'}`),
  `requests/s postgres: ${postgres.requestsPerSecond} (target ≥ ${TARGET_RPS_POSTGRES}) — ${postgres.requestsPerSecond >= TARGET_RPS_POSTGRES && postgres.errors === 0 ? 'PASS' : 'FAIL'}`,
];
console.log(`\n${verdicts.join('\n')}`);
const resultsDir = new URL('./results/', import.meta.url);
await mkdir(resultsDir, { recursive: true });
await writeFile(new URL('navigator-latest.json', resultsDir), JSON.stringify({ date: new Date().toISOString(), concurrency: CONCURRENCY, loadAverageBefore: loadBefore, results, verdicts }, null, 2));
