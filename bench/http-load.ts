/**
 * A small closed-loop HTTP load driver: `concurrency` workers send a fixed, cycled list of GET
 * requests over keep-alive connections until `total` have been answered, and record each latency.
 * Every response must be 200 with a JSON programme list (status, type, length and start checked on each,
 * the whole body parsed on every 16th); anything else is counted as an error.
 *
 * `runHttpLoadInChildProcess` runs the driver in a separate Node process, so that on a small machine
 * the client does not share an event loop (and a core) with the server it measures.
 */
import { fork } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  /** Query shape, for the per-shape figures. */
  label: string;
  /** Path and query string, e.g. `/api/programmes?q=erasmus`. */
  path: string;
}

export interface LoadOptions {
  /** `http://127.0.0.1:PORT`; only loopback addresses are accepted. */
  baseUrl: string;
  /** The mix, sent in this order and cycled. */
  requests: LoadRequest[];
  /** Most requests measured. */
  total: number;
  /**
   * Time budget of the measured phase. Once it has passed, the current pass over the mix is finished
   * (so every request of the mix is sent equally often) and then no new request is sent.
   */
  timeLimitMs: number;
  /** false: stop at the time budget even within a pass (a mix of distinct requests, each sent once). */
  finishPass?: boolean;
  /** Requests sent (the start of the mix) before measuring; not recorded. */
  warmup: number;
  concurrency: number;
  /** Per-request timeout; a timed-out request is an error. */
  timeoutMs?: number;
  /** Process of the server, for its CPU share; `runHttpLoadInChildProcess` sets it to its own process. */
  serverPid?: number;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  concurrency: number;
  /** Requests answered in the measured phase (fewer than asked when the time budget ran out). */
  requests: number;
  stoppedByTimeLimit: boolean;
  errors: number;
  /** Answers the server took from its store of finished answers (`Cache-Status` header). */
  cacheHits: number;
  /** A few error descriptions, for the report. */
  errorSamples: string[];
  durationMs: number;
  requestsPerSecond: number;
  /**
   * Who used the CPU during the measured phase, in % of one core (Linux /proc; undefined elsewhere):
   * the server's process (`serverPid`; with PGlite the database runs in it too; 0 when the server
   * shares the load driver's process, whose share then holds both),
   * PostgreSQL's processes, the load driver, and everything else on the machine.
   */
  cpuPercent: CpuShares | undefined;
  latencyMs: LatencySummary;
  byLabel: Record<string, LatencySummary>;
  /** Per request of the mix, keyed by its path. */
  byPath: Record<string, LatencySummary>;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarise(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    count: sorted.length,
    mean: round(sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length)),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

interface Reply {
  status: number;
  contentType: string;
  /** The whole body, or only its start when it is not to be parsed (see `PARSE_EVERY`). */
  body: string;
  complete: boolean;
  /** Bytes received and the length the server announced. */
  bytes: number;
  contentLength: number;
  /** The server's answer store was used (RFC 9211 `Cache-Status: …; hit`). */
  cacheHit: boolean;
}

/**
 * Parsing every 25 KB answer as JSON cost the load driver about as much CPU as the server spent
 * answering from its store, on a machine with two cores: every reply is checked for status, type,
 * length and the start of a list answer, and every PARSE_EVERY-th is parsed whole.
 */
const PARSE_EVERY = 16;

function get(agent: http.Agent, url: URL, timeoutMs: number, parse: boolean): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: 'application/json' }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      const status = response.statusCode ?? 0;
      const complete = parse || status !== 200;
      response.on('data', (chunk: Buffer) => {
        if (complete || chunks.length === 0) chunks.push(chunk);
        bytes += chunk.length;
      });
      const cacheHit = /;\s*hit\b/.test(String(response.headers['cache-status'] ?? ''));
      response.on('end', () =>
        resolve({
          status,
          contentType: String(response.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
          complete,
          bytes,
          contentLength: Number(response.headers['content-length'] ?? -1),
          cacheHit,
        }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** Why a reply is not a good answer, or undefined when it is one. */
function problemWith(reply: Reply): string | undefined {
  if (reply.status !== 200) return `status ${reply.status}: ${reply.body.slice(0, 120)}`;
  if (!reply.contentType.startsWith('application/json')) return `content type ${reply.contentType}`;
  if (reply.contentLength >= 0 && reply.bytes !== reply.contentLength) return `${reply.bytes} bytes of ${reply.contentLength}`;
  if (!reply.body.startsWith('{"items":[')) return 'body is not a programme list';
  if (!reply.complete) return undefined;
  try {
    const body = JSON.parse(reply.body) as { items?: unknown; total?: unknown };
    if (!Array.isArray(body.items) || typeof body.total !== 'number') return 'body is not a programme list';
  } catch {
    return 'body is not JSON';
  }
  return undefined;
}

export async function runHttpLoad(options: LoadOptions): Promise<LoadResult> {
  const base = new URL(options.baseUrl);
  if (!['127.0.0.1', '[::1]', 'localhost'].includes(base.hostname)) throw new Error(`refusing to load a non-loopback address: ${options.baseUrl}`);
  if (options.requests.length === 0 || options.concurrency < 1) throw new Error('nothing to send');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const urls = options.requests.map((r) => new URL(r.path, base));

  const latencies: number[] = [];
  const byLabel = new Map<string, number[]>();
  const byPath = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, value: number) => {
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  };
  const errorSamples: string[] = [];
  let errors = 0;
  let cacheHits = 0;

  /** Sends up to `count` requests within `limitMs`; returns how many were sent. */
  const phase = async (count: number, limitMs: number, record: boolean): Promise<number> => {
    let next = 0;
    const deadline = performance.now() + limitMs;
    // Bounded twice: no request after `count` were handed out, nor after the deadline once the pass over the mix is complete.
    const more = () => next < count && (performance.now() < deadline || (options.finishPass !== false && next % urls.length !== 0));
    const worker = async () => {
      while (more()) {
        const index = next++;
        const which = index % urls.length;
        const started = performance.now();
        let problem: string | undefined;
        let hit = false;
        try {
          const reply = await get(agent, urls[which] as URL, timeoutMs, index % PARSE_EVERY === 0);
          problem = problemWith(reply);
          hit = reply.cacheHit;
        } catch (error) {
          problem = (error as Error).message;
        }
        const elapsed = performance.now() - started;
        if (!record) continue;
        if (problem !== undefined) {
          errors++;
          if (errorSamples.length < 5) errorSamples.push(`${options.requests[which]?.path}: ${problem}`);
          continue;
        }
        if (hit) cacheHits++;
        latencies.push(elapsed);
        add(byLabel, options.requests[which]?.label ?? '?', elapsed);
        add(byPath, options.requests[which]?.path ?? '?', elapsed);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
    return next;
  };

  try {
    await phase(options.warmup, options.timeLimitMs, false);
    const cpuBefore = cpuSnapshot(options.serverPid);
    const started = performance.now();
    const sent = await phase(options.total, options.timeLimitMs, true);
    const durationMs = performance.now() - started;
    const cpuAfter = cpuSnapshot(options.serverPid);
    return {
      concurrency: options.concurrency,
      requests: sent,
      stoppedByTimeLimit: sent < options.total,
      errors,
      cacheHits,
      errorSamples,
      durationMs: Math.round(durationMs),
      requestsPerSecond: Math.round((sent / durationMs) * 1000 * 10) / 10,
      cpuPercent: cpuShares(cpuBefore, cpuAfter, durationMs),
      latencyMs: summarise(latencies),
      byLabel: Object.fromEntries([...byLabel].map(([label, values]) => [label, summarise(values)])),
      byPath: Object.fromEntries([...byPath].map(([path, values]) => [path, summarise(values)])),
    };
  } finally {
    agent.destroy();
  }
}

export interface CpuShares {
  server: number;
  postgres: number;
  loadDriver: number;
  other: number;
}

export interface CpuSnapshot {
  /** Busy clock ticks of the whole machine (all but idle and I/O wait). */
  busy: number;
  server: number;
  loadDriver: number;
  /** Per PostgreSQL process, so that connections opened meanwhile count from zero. */
  postgres: Map<number, number>;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, and its name, from /proc/PID/stat. */
function processTicks(pid: number): { comm: string; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: Number(rest[11]) + Number(rest[12]) };
  } catch {
    return undefined; // gone meanwhile
  }
}

/** `driverPid`: the load driver's process, this one unless the driver runs in a child (bench/navigator.ts). */
export function cpuSnapshot(serverPid: number | undefined, driverPid = process.pid): CpuSnapshot | undefined {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
    const busy = fields.reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
    const postgres = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const entry = processTicks(Number(name));
      if (entry?.comm === 'postgres') postgres.set(Number(name), entry.ticks);
    }
    const server = serverPid === undefined || serverPid === driverPid ? 0 : (processTicks(serverPid)?.ticks ?? 0);
    return { busy, server, loadDriver: processTicks(driverPid)?.ticks ?? 0, postgres };
  } catch {
    return undefined;
  }
}

export function cpuShares(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined, durationMs: number): CpuShares | undefined {
  if (!before || !after) return undefined;
  const percent = (ticks: number) => Math.max(0, Math.round((ticks / TICKS_PER_SECOND / (durationMs / 1000)) * 100));
  let postgres = 0;
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  const server = after.server - before.server;
  const loadDriver = after.loadDriver - before.loadDriver;
  return { server: percent(server), postgres: percent(postgres), loadDriver: percent(loadDriver), other: percent(after.busy - before.busy - server - postgres - loadDriver) };
}

const CHILD_FLAG = 'MULIGHETSROM_BENCH_HTTP_LOAD_CHILD';

/** Runs `runHttpLoad` in a child Node process and returns its result. */
export function runHttpLoadInChildProcess(options: LoadOptions): Promise<LoadResult> {
  // Both phases, the slowest possible last request of each, and the child's own start.
  // Both phases, a last pass over the mix after the budget (one request at a time at worst), the child's start.
  const timeoutMs = options.timeoutMs ?? 30_000;
  const limitMs = (options.warmup + options.requests.length + 1) * timeoutMs + options.timeLimitMs + 15_000;
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, [CHILD_FLAG]: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const finish = (error: Error | undefined, result?: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGTERM');
      if (error) reject(error);
      else resolve(result as LoadResult);
    };
    const timer = setTimeout(() => finish(new Error(`load driver did not finish within ${limitMs} ms`)), limitMs);
    child.on('message', (message: { result?: LoadResult; error?: string }) => {
      if (message.error !== undefined) finish(new Error(`load driver failed: ${message.error}`));
      else finish(undefined, message.result);
    });
    child.on('error', (error) => finish(error));
    child.on('exit', (code) => finish(new Error(`load driver exited (code ${code}) without a result`)));
    child.send({ options: { ...options, serverPid: options.serverPid ?? process.pid } });
  });
}

if (process.env[CHILD_FLAG] === '1' && process.send) {
  process.once('message', (message: { options: LoadOptions }) => {
    runHttpLoad(message.options).then(
      (result) => process.send?.({ result }, () => process.disconnect()),
      (error: unknown) => process.send?.({ error: String((error as Error).stack ?? error) }, () => process.disconnect()),
    );
  });
}
