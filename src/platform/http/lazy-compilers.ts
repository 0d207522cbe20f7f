/**
 * Fastify's own schema compilers (Ajv for validation, fast-json-stringify for responses), made lazy:
 * a route's validator and serialisers are compiled when the route is first called instead of all at
 * start-up, where compiling every route's schemas took about 0.65 s of each start. The compiled
 * functions are the same; only when they are made changes.
 */
import ajvCompiler from '@fastify/ajv-compiler';
import fastJsonStringifyCompiler from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

// The compilers Fastify would otherwise build itself (lib/schema-controller.js), at the versions it asks for.
type Builder = (externalSchemas: unknown, options: unknown) => (route: unknown) => CompiledFunction;
type CompiledFunction = ((...args: unknown[]) => unknown) & { errors?: unknown; schemaEnv?: unknown };
const validatorBuilder = (ajvCompiler as unknown as () => Builder)();
const serializerBuilder = (fastJsonStringifyCompiler as unknown as () => Builder)();

/** A compiler whose functions compile their route's schema on first use (or first look at them). */
function lazily(compile: (route: unknown) => CompiledFunction): (route: unknown) => CompiledFunction {
  return (route) => {
    let compiled: CompiledFunction | undefined;
    const get = () => (compiled ??= compile(route));
    const lazy = ((...args: unknown[]) => get()(...args)) as CompiledFunction;
    // Fastify reads a validator's `errors` after a failed call, and `schemaEnv` to let Ajv coerce a root value.
    Object.defineProperty(lazy, 'errors', { get: () => get().errors });
    Object.defineProperty(lazy, 'schemaEnv', { get: () => get().schemaEnv });
    return lazy;
  };
}

export const lazyCompilersFactory = {
  buildValidator: (externalSchemas: unknown, options: unknown) => lazily(validatorBuilder(externalSchemas, options)),
  buildSerializer: (externalSchemas: unknown, options: unknown) => lazily(serializerBuilder(externalSchemas, options)),
} as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
