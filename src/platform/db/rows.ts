/** Raw SQL (always through drizzle's `sql` template, so parameters stay parameters) returning typed rows on both engines. */
import type { SQL } from 'drizzle-orm';
import type { Queryable } from '../audit/audit.js';

export async function queryRows<T>(db: Pick<Queryable, 'execute'>, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
