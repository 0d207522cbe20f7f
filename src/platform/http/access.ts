/**
 * Every route declares who may call it in `config.access`. A route registered without a
 * declaration stops the server from starting, so none can slip through unreviewed.
 */
import type { FastifyInstance } from 'fastify';

/** `public`: anyone, signed in or not. Roles for signed-in users arrive with the accounts capability. */
export type Access = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export class MissingAccessPolicyError extends Error {}

export function requireAccessPolicies(app: FastifyInstance, exempt: (url: string) => boolean): void {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined && !exempt(route.url)) {
      throw new MissingAccessPolicyError(`Route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
    }
  });
}
