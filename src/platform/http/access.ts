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
  interface FastifyInstance {
    /** Every route and who may call it, in registration order: the one place to audit access. */
    routePolicies: RoutePolicy[];
  }
}

export interface RoutePolicy {
  method: string;
  url: string;
  /** `exempt` for the documentation viewer and the web app's static files. */
  access: Access | 'exempt';
}

export class MissingAccessPolicyError extends Error {}

export function requireAccessPolicies(app: FastifyInstance, exempt: (url: string) => boolean): void {
  const policies: RoutePolicy[] = [];
  app.decorate('routePolicies', policies);
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined && !exempt(route.url)) {
      throw new MissingAccessPolicyError(`Route ${String(route.method)} ${route.url} declares no access policy (config.access)`);
    }
    for (const method of [route.method].flat()) policies.push({ method: String(method), url: route.url, access: access ?? 'exempt' });
  });
}
