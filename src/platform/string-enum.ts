import { Type, type TUnsafe } from '@sinclair/typebox';

/** A JSON-schema string enum typed as the union of its values (plain `enum`, clearer errors than anyOf). */
export function stringEnum<const T extends readonly string[]>(values: T, description?: string): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
}
