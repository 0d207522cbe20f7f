/**
 * How the authorisation matrix calls a capability's routes. Each capability keeps its entries in
 * `tests/support/authorisation/<capability>.ts`, exporting `matrix: CapabilityMatrix`; the matrix test
 * gathers them all, so a capability's routes and its entries change together.
 */
import type { Db } from '../../../src/platform/db/client.js';
import type { Tenants } from '../tenants.js';

/** Ids of objects a capability made in Østfold's tree for the matrix (e.g. `initiative`). */
export type MatrixObjects = Record<string, string>;

/** How to call a route: the path parameters and body that name an object in Østfold's tree. */
export interface MatrixCall {
  params?: (t: Tenants, objects: MatrixObjects) => Record<string, string>;
  body?: (t: Tenants, objects: MatrixObjects) => unknown;
}

export interface CapabilityMatrix {
  /** Makes the objects the calls name, in Østfold's tree (run once, after the tenants are seeded). */
  seed?: (db: Db, t: Tenants) => Promise<MatrixObjects>;
  calls: Record<string, MatrixCall>;
}
