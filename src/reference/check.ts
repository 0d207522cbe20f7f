/**
 * Load-time checks that narrow the JSON tables' inferred types (plain strings) to the precise types the
 * modules export. They run once when a module is imported and throw on a malformed table, so a bad edit
 * of a JSON file fails at start-up and in the tests rather than later in a lookup.
 */

export function fail(table: string, message: string): never {
  throw new Error(`reference table ${table}: ${message}`);
}

export function matches(table: string, value: string, pattern: RegExp, what: string): string {
  if (!pattern.test(value)) fail(table, `${what} "${value}" does not match ${String(pattern)}`);
  return value;
}

export function oneOf<T extends string>(table: string, value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) fail(table, `${what} "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

export function unique<T>(table: string, items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) fail(table, `duplicate ${what} "${k}"`);
    seen.add(k);
  }
}

export function count(table: string, items: readonly unknown[], expected: number, what: string): void {
  if (items.length !== expected) fail(table, `expected ${expected} ${what}, found ${items.length}`);
}

export function indexBy<T>(items: readonly T[], key: (item: T) => string): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [key(item), item] as const));
}
