/**
 * Helmet's security headers (content security policy, nosniff, frame and referrer rules, …) on every
 * answer. Our policy has no per-request part (no nonces), so helmet is run once, at start, and the
 * headers it sets are kept and added to each answer: @fastify/helmet instead rebuilds helmet's
 * middleware on every request, re-parsing the policy each time (docs/BENCHMARKS.md).
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options`, as a name → value record. */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  // Helmet only sets and removes headers on the response; it reads nothing of the request.
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export const securityHeaders = fp<{ helmet: HelmetOptions }>(
  async (app: FastifyInstance, options) => {
    const headers = helmetHeaders(options.helmet);
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: 'security-headers' },
);
