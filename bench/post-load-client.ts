/**
 * Load client for POST requests, run in its own process (forked by bench/navigator.ts) so that it does not
 * share the server's event loop. Says { ready: true } once loaded; then receives { port, path, bodies,
 * concurrency, total, timeLimitMs } on the IPC channel and answers with { latencies, errors, bytes,
 * durationMs }. Each body is sent once in order (cycled only if `total` exceeds them). Loopback only.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { postJson } from './http-post.js';

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
  let bytes = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < job.total && performance.now() - started < job.timeLimitMs) {
      const body = job.bodies[sent++ % job.bodies.length]!;
      const t0 = performance.now();
      const reply = await postJson(agent, job.port, job.path, body).catch(() => ({ status: 0, bytes: 0 }));
      latencies.push(performance.now() - t0);
      bytes += reply.bytes;
      if (reply.status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  agent.destroy();
  process.send!({ latencies, errors, bytes, durationMs: performance.now() - started }, () => process.exit(0));
});
process.send!({ ready: true });
