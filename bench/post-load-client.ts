/**
 * Load client for POST requests, run in its own process (forked by bench/navigator.ts) so that it does not
 * share the server's event loop. Receives { port, path, bodies, concurrency, total, timeLimitMs } on
 * the IPC channel, answers with { latencies, errors, durationMs }. Loopback only.
 */
import http from 'node:http';
import { postJson } from './http-post.js';
import { performance } from 'node:perf_hooks';

interface Job {
  port: number;
  path: string;
  bodies: string[];
  concurrency: number;
  total: number;
  timeLimitMs: number;
}

process.once('message', async (job: Job) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < job.total && performance.now() - started < job.timeLimitMs) {
      const body = job.bodies[sent++ % job.bodies.length]!;
      const t0 = performance.now();
      const status = await postJson(agent, job.port, job.path, body).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  agent.destroy();
  process.send!({ latencies, errors, durationMs: performance.now() - started }, () => process.exit(0));
});
