/**
 * Start-up time of the built product as a user runs it: `node bin/mulighetsrom.js serve` with the
 * embedded database, timed from spawn until the web page and the API both answer 200.
 * Cold = a fresh, empty DATA_DIR (create the database, migrate, import the catalogue);
 * warm = the same DATA_DIR again (migrations and catalogue already there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'mulighetsrom.js');
const HOST = '127.0.0.1';

export interface StartMeasurement {
  /** Spawn → first 200 from `GET /` (the web app's page). */
  webMs: number;
  /** Spawn → first 200 from `GET /api/programmes` (asked right after the page answered). */
  apiMs: number;
  /** What the CLI itself reports as "ready in … ms" (database, migrations, catalogue, listen). */
  reportedReadyMs: number | undefined;
  /** SIGTERM → exit. */
  stopMs: number;
}

export interface StartTimeResult {
  rounds: Array<{ cold: StartMeasurement; warm: StartMeasurement }>;
  cold: { webMs: number; apiMs: number };
  warm: { webMs: number; apiMs: number };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** A port that was free a moment ago on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function status(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined; // not listening yet
  }
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function stop(child: ChildProcess, limitMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(0);
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.once('exit', () => {
      clearTimeout(timer);
      running.delete(child);
      resolve(performance.now() - started);
    });
    child.kill('SIGTERM');
  });
}

/** One start of the product in `dataDir`; stopped again before it returns. */
export async function measureStart(dataDir: string, limitMs = 60_000): Promise<StartMeasurement> {
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.LOAD_CATALOGUE;

  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  try {
    const waitFor = async (url: string): Promise<number> => {
      // Bounded by limitMs; polls every 10 ms, a refused connection answers at once.
      while (performance.now() - started < limitMs) {
        if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output.slice(-2000)}`);
        if ((await status(url)) === 200) return performance.now() - started;
        await sleep(10);
      }
      throw new Error(`${url} did not answer 200 within ${limitMs} ms:\n${output.slice(-2000)}`);
    };
    const webMs = await waitFor(`${base}/`);
    const apiMs = await waitFor(`${base}/api/programmes`);
    const reported = /ready in (\d+) ms/.exec(output)?.[1];
    const stopMs = await stop(child, 10_000);
    return { webMs: Math.round(webMs), apiMs: Math.round(apiMs), reportedReadyMs: reported === undefined ? undefined : Number(reported), stopMs: Math.round(stopMs) };
  } finally {
    await stop(child, 5_000);
  }
}

/** `rounds` × (cold start in a fresh DATA_DIR, then warm start in the same one); medians. */
export async function measureStartTimes(rounds: number, onProgress: (line: string) => void = () => undefined): Promise<StartTimeResult> {
  for (const built of ['dist/server/main.js', 'dist/web/index.html']) {
    if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` (npm run bench does)`);
  }
  const results: StartTimeResult['rounds'] = [];
  for (let round = 1; round <= rounds; round++) {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'mulighetsrom-bench-start-'));
    try {
      const cold = await measureStart(dataDir);
      onProgress(`  round ${round}: cold ${cold.apiMs} ms`);
      const warm = await measureStart(dataDir);
      onProgress(`  round ${round}: warm ${warm.apiMs} ms`);
      results.push({ cold, warm });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const pick = (kind: 'cold' | 'warm', key: 'webMs' | 'apiMs') => median(results.map((r) => r[kind][key]));
  return {
    rounds: results,
    cold: { webMs: pick('cold', 'webMs'), apiMs: pick('cold', 'apiMs') },
    warm: { webMs: pick('warm', 'webMs'), apiMs: pick('warm', 'apiMs') },
  };
}
