/**
 * A small closed-loop HTTP load driver: `concurrency` workers send a fixed, cycled list of GET
 * requests over keep-alive connections until `total` have been answered, and record each latency.
 * Every response must be 200 with a JSON list body; anything else is counted as an error.
 *
 * `runHttpLoadInChildProcess` runs the driver in a separate Node process, so that on a small machine
 * the client does not share an event loop (and a core) with the server it measures.
 */
import { fork } from 'node:child_process';
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
  /** Requests measured. */
  total: number;
  /** Requests sent (the same mix) before measuring; not recorded. */
  warmup: number;
  concurrency: number;
  /** Per-request timeout; a timed-out request is an error. */
  timeoutMs?: number;
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
  requests: number;
  errors: number;
  /** A few error descriptions, for the report. */
  errorSamples: string[];
  durationMs: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  byLabel: Record<string, LatencySummary>;
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
  body: string;
}

function get(agent: http.Agent, url: URL, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { accept: 'application/json' }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    request.on('error', reject);
  });
}

/** Why a reply is not a good answer, or undefined when it is one. */
function problemWith(reply: Reply): string | undefined {
  if (reply.status !== 200) return `status ${reply.status}: ${reply.body.slice(0, 120)}`;
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
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const urls = options.requests.map((r) => new URL(r.path, base));

  const latencies: number[] = [];
  const byLabel = new Map<string, number[]>();
  const errorSamples: string[] = [];
  let errors = 0;

  const phase = async (count: number, record: boolean) => {
    let next = 0;
    const worker = async () => {
      // Bounded: each worker stops once `count` requests have been handed out.
      while (next < count) {
        const index = next++;
        const which = index % urls.length;
        const started = performance.now();
        let problem: string | undefined;
        try {
          problem = problemWith(await get(agent, urls[which] as URL, timeoutMs));
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
        latencies.push(elapsed);
        const label = options.requests[which]?.label ?? '?';
        const list = byLabel.get(label) ?? [];
        list.push(elapsed);
        byLabel.set(label, list);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency, count) }, worker));
  };

  try {
    await phase(options.warmup, false);
    const started = performance.now();
    await phase(options.total, true);
    const durationMs = performance.now() - started;
    return {
      concurrency: options.concurrency,
      requests: options.total,
      errors,
      errorSamples,
      durationMs: Math.round(durationMs),
      requestsPerSecond: Math.round((options.total / durationMs) * 1000 * 10) / 10,
      latencyMs: summarise(latencies),
      byLabel: Object.fromEntries([...byLabel].map(([label, values]) => [label, summarise(values)])),
    };
  } finally {
    agent.destroy();
  }
}

const CHILD_FLAG = 'MULIGHETSROM_BENCH_HTTP_LOAD_CHILD';

/** Runs `runHttpLoad` in a child Node process and returns its result. */
export function runHttpLoadInChildProcess(options: LoadOptions, limitMs = 180_000): Promise<LoadResult> {
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
    child.send({ options });
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
