/**
 * A JSON-schema validator compiled when it is first used, not when its module loads: compiling costs
 * tens of milliseconds each, and a start that validates nothing (unchanged catalogue, no demo data)
 * should not pay for it (docs/BENCHMARKS.md, warm start).
 */
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats, { type FormatName } from 'ajv-formats';

export function validatorOnFirstUse<T>(schema: TSchema, options: { strict?: boolean; formats?: FormatName[] } = {}): () => ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  return () => {
    if (!compiled) {
      const ajv = new Ajv({ allErrors: true, ...(options.strict === undefined ? {} : { strict: options.strict }) });
      if (options.formats?.length) addFormats.default(ajv, options.formats);
      compiled = ajv.compile<T>(schema);
    }
    return compiled;
  };
}
