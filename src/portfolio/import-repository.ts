/** SQL of the import: what the preview looks up in one query each, and the bulk writes of the commit. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import type { Queryable } from '../platform/audit/audit.js';
import { auditEvents } from '../platform/audit/tables.js';
import { priorities, programmes } from '../catalogue/tables.js';
import { organisations } from '../organisations/tables.js';
import { users } from '../accounts/tables.js';
import { initiativeBudgetLines, initiativeEvents, initiativeImports, initiatives } from './tables.js';

export interface TreeOrganisation {
  id: string;
  parentId: string | null;
  name: string;
  orgNumber: string | null;
  placeCode: string | null;
}

const treePattern = (path: string) => `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every organisation in the tree at `path` (the import finds rows' organisations among them). */
export async function treeOrganisations(db: Queryable, path: string): Promise<TreeOrganisation[]> {
  return db
    .select({ id: organisations.id, parentId: organisations.parentId, name: organisations.name, orgNumber: organisations.orgNumber, placeCode: organisations.placeCode })
    .from(organisations)
    .where(sql`${organisations.path} like ${treePattern(path)}`);
}

/** Which of these organisation numbers organisations outside the tree already hold (numbers are unique). */
export async function orgNumbersTakenOutside(db: Queryable, path: string, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const rows = await db
    .select({ orgNumber: organisations.orgNumber })
    .from(organisations)
    .where(and(inArray(organisations.orgNumber, [...numbers]), sql`${organisations.path} not like ${treePattern(path)}`));
  return new Set(rows.map((r) => r.orgNumber!));
}

export interface CatalogueProgramme {
  id: string;
  names: string[];
  priorityCodes: string[];
}

/** The catalogue's programmes with their names in every language and their focus-area codes. */
export async function cataloguePrograms(db: Queryable): Promise<CatalogueProgramme[]> {
  const rows = await db
    .select({ id: programmes.id, name: programmes.name, codes: sql<string[] | null>`array_agg(${priorities.code} order by ${priorities.position}) filter (where ${priorities.code} is not null)` })
    .from(programmes)
    .leftJoin(priorities, eq(priorities.programmeId, programmes.id))
    .groupBy(programmes.id, programmes.name);
  return rows.map((r) => ({ id: r.id, names: Object.values(r.name as Record<string, string>), priorityCodes: r.codes ?? [] }));
}

/** Initiatives in the tree that already carry one of these external references. */
export async function importedRefs(db: Queryable, path: string, refs: readonly string[]): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const found = new Map<string, string>();
  // In slices: a national file has thousands of references.
  for (let i = 0; i < refs.length; i += 5000) {
    const rows = await db
      .select({ ref: initiatives.externalRef, title: initiatives.title })
      .from(initiatives)
      .innerJoin(organisations, eq(organisations.id, initiatives.organisationId))
      .where(and(inArray(initiatives.externalRef, refs.slice(i, i + 5000)), sql`${organisations.path} like ${treePattern(path)}`));
    for (const row of rows) found.set(row.ref!, row.title);
  }
  return found;
}

export type NewOrganisationRow = typeof organisations.$inferInsert;
export type NewInitiativeRow = typeof initiatives.$inferInsert;
export type NewBudgetLineRow = typeof initiativeBudgetLines.$inferInsert;
export type NewEventRow = typeof initiativeEvents.$inferInsert;
export type NewAuditRow = typeof auditEvents.$inferInsert;

/** Rows per INSERT statement: well inside PostgreSQL's 65 535 parameters for the widest table. */
export const BULK_CHUNK = 500;

async function insertChunked<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BULK_CHUNK) await insert(rows.slice(i, i + BULK_CHUNK));
}

export const insertOrganisations = (tx: Queryable, rows: NewOrganisationRow[]) => insertChunked(rows, (chunk) => tx.insert(organisations).values(chunk));
export const insertInitiatives = (tx: Queryable, rows: NewInitiativeRow[]) => tx.insert(initiatives).values(rows);
export const insertBudgetLines = (tx: Queryable, rows: NewBudgetLineRow[]) => insertChunked(rows, (chunk) => tx.insert(initiativeBudgetLines).values(chunk));
export const insertEvents = (tx: Queryable, rows: NewEventRow[]) => insertChunked(rows, (chunk) => tx.insert(initiativeEvents).values(chunk));
export const insertAuditRows = (tx: Queryable, rows: NewAuditRow[]) => insertChunked(rows, (chunk) => tx.insert(auditEvents).values(chunk));

export async function insertImport(tx: Queryable, values: typeof initiativeImports.$inferInsert): Promise<{ id: string; createdAt: Date }> {
  const [row] = await tx.insert(initiativeImports).values(values).returning({ id: initiativeImports.id, createdAt: initiativeImports.createdAt });
  return row!;
}

/** The current path of an organisation (the import's root may have moved since the preview). */
export async function organisationPathOf(tx: Queryable, id: string): Promise<string | null> {
  const [row] = await tx.select({ path: organisations.path }).from(organisations).where(eq(organisations.id, id)).limit(1);
  return row?.path ?? null;
}

/** Committed imports into the tree at `path`, newest first. */
export async function listImports(db: Db, path: string, limit: number) {
  return db
    .select({
      id: initiativeImports.id,
      organisationId: initiativeImports.organisationId,
      organisationName: organisations.name,
      fileName: initiativeImports.fileName,
      rows: initiativeImports.rows,
      createdBy: users.name,
      createdAt: initiativeImports.createdAt,
    })
    .from(initiativeImports)
    .innerJoin(organisations, eq(organisations.id, initiativeImports.organisationId))
    .leftJoin(users, eq(users.id, initiativeImports.createdBy))
    .where(sql`${organisations.path} like ${treePattern(path)}`)
    .orderBy(desc(initiativeImports.createdAt), desc(initiativeImports.id))
    .limit(limit);
}

/** An organisation's current path and name; null when there is none. */
export async function organisationOf(db: Queryable, id: string): Promise<{ id: string; path: string; name: string } | null> {
  const [row] = await db.select({ id: organisations.id, path: organisations.path, name: organisations.name }).from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}
