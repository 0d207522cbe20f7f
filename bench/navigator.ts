/**
 * Navigator benchmark: POST /api/navigator/match with the full shipped catalogue and the EU calls, on
 * PGlite and PostgreSQL. The request mix is the 100 labelled ideas of tests/navigator-eval (four
 * languages, with applicants, partners, budgets). Reports server-side p50/p95/p99 (Fastify's own timing
 * of each reply) and requests/second through HTTP on loopback from a closed loop of concurrent clients
 * in a separate process (bench/post-load-client.ts).
 * Targets (issue 3): server-side p95 ≤ 25 ms; ≥ 300 requests/s on PostgreSQL.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { importEuPortalCalls } from '../src/calls/import.js';
import { DEFAULT_CATALOGUE_DIR } from '../src/catalogue/files.js';
import { importCatalogue } from '../src/catalogue/import.js';
import { buildServer } from '../src/platform/http/server.js';
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from '../tests/support/databases.js';
import { summarise, type LatencySummary } from './http-load.js';
import { postJson } from './http-post.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const REQUESTS = Number(process.env.BENCH_NAVIGATOR_REQUESTS ?? 3000);
const TIME_LIMIT_MS = 30_000;
const TARGET_P95_MS = 25;
const TARGET_RPS_POSTGRES = 300;

interface EngineResult {
  engine: string;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  serverMs: LatencySummary;
  clientMs: LatencySummary;
}

async function loadBodies(): Promise<string[]> {
  const ideas = (YAML.parse(await readFile(new URL('../tests/navigator-eval/ideas.yaml', import.meta.url), 'utf8')) as { ideas: Array<Record<string, unknown>> }).ideas;
  return ideas.map(({ id: _id, expected: _expected, ...body }) => JSON.stringify(body));
}

async function measure(engine: string, create: () => Promise<TestDatabase>, bodies: string[]): Promise<EngineResult> {
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

    for (const body of bodies.slice(0, 20)) await postJson(agent, port, '/api/navigator/match', body); // warm-up: caches, JIT
    agent.destroy();
    measuring = true;
    const client = fork(fileURLToPath(new URL('./post-load-client.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
    const outcome = await new Promise<{ latencies: number[]; errors: number; durationMs: number }>((resolve, reject) => {
      client.once('message', (message) => resolve(message as { latencies: number[]; errors: number; durationMs: number }));
      client.once('error', reject);
      client.send({ port, path: '/api/navigator/match', bodies, concurrency: CONCURRENCY, total: REQUESTS, timeLimitMs: TIME_LIMIT_MS });
    });
    measuring = false;
    await app.close();
    const clientTimes = outcome.latencies;
    const errors = outcome.errors;
    const duration = outcome.durationMs;
    return {
      engine,
      requests: clientTimes.length,
      errors,
      requestsPerSecond: Math.round((clientTimes.length / duration) * 10000) / 10,
      serverMs: summarise(serverTimes),
      clientMs: summarise(clientTimes),
    };
  } finally {
    await testDb.dispose();
  }
}

const bodies = await loadBodies();
const results: EngineResult[] = [];
for (const [engine, create] of [['postgres', createPostgresDatabase], ['pglite', createPgliteDatabase]] as const) {
  results.push(await measure(engine, create, bodies));
}

const line = (r: EngineResult) =>
  `${r.engine.padEnd(9)} ${String(r.requests).padStart(8)} ${String(r.errors).padStart(6)} ${String(r.serverMs.p50).padStart(8)} ${String(r.serverMs.p95).padStart(8)} ${String(r.serverMs.p99).padStart(8)} ${String(r.clientMs.p95).padStart(10)} ${String(r.requestsPerSecond).padStart(7)}`;
console.log(`\nNavigator: POST /api/navigator/match, ${bodies.length} labelled ideas cycled, concurrency ${CONCURRENCY}, full catalogue + EU calls`);
console.log('engine    requests errors  srv p50  srv p95  srv p99  client p95   req/s');
for (const r of results) console.log(line(r));
const postgres = results.find((r) => r.engine === 'postgres')!;
const verdicts = [
  ...results.map((r) => `server-side p95 ${r.engine}: ${r.serverMs.p95} ms (target ≤ ${TARGET_P95_MS} ms) — ${r.serverMs.p95 <= TARGET_P95_MS && r.errors === 0 ? 'PASS' : 'FAIL'}`),
  `requests/s postgres: ${postgres.requestsPerSecond} (target ≥ ${TARGET_RPS_POSTGRES}) — ${postgres.requestsPerSecond >= TARGET_RPS_POSTGRES ? 'PASS' : 'FAIL'}`,
];
console.log(`\n${verdicts.join('\n')}`);
const resultsDir = new URL('./results/', import.meta.url);
await mkdir(resultsDir, { recursive: true });
await writeFile(new URL('navigator-latest.json', resultsDir), JSON.stringify({ date: new Date().toISOString(), concurrency: CONCURRENCY, results, verdicts }, null, 2));
