/** What an audit event changed: the fields whose value differs between before and after (pure). */

export interface FieldChange {
  field: string;
  /** `undefined` when the field did not exist before (creation) or after (deletion). */
  before: unknown;
  after: unknown;
}

/** Bookkeeping that says nothing to a reader: identifiers and timestamps the database keeps itself. */
const BOOKKEEPING_FIELDS = new Set(['id', 'path', 'createdAt', 'updatedAt']);

/** The key for a value that is not an object (the whole value changed). */
export const WHOLE_VALUE = 'value';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so equal values compare equal whatever order the keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner) ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]])) : inner,
  );
}

export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const absent = (value: unknown) => value === null || value === undefined;
  if (absent(before) && absent(after)) return [];
  if ((!absent(before) && !isRecord(before)) || (!absent(after) && !isRecord(after))) {
    return canonical(before) === canonical(after) ? [] : [{ field: WHOLE_VALUE, before: before ?? undefined, after: after ?? undefined }];
  }
  const old = (before ?? {}) as Record<string, unknown>;
  const now = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(now), ...Object.keys(old)])].filter((field) => !BOOKKEEPING_FIELDS.has(field));
  return fields
    .filter((field) => canonical(old[field] ?? null) !== canonical(now[field] ?? null))
    .map((field) => ({ field, before: field in old ? old[field] : undefined, after: field in now ? now[field] : undefined }));
}
