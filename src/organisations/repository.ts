/** All SQL of organisations, memberships and their audit trail. */
import { and, asc, desc, eq, isNull, like, or, sql } from 'drizzle-orm';
import { users } from '../accounts/tables.js';
import { auditEvents } from '../platform/audit/tables.js';
import type { Queryable } from '../platform/audit/audit.js';
import { memberships, organisations } from './tables.js';
import type { Role } from './roles.js';

export interface MembershipSummary {
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  role: Role;
}

export async function membershipsOf(db: Queryable, userId: string): Promise<MembershipSummary[]> {
  const rows = await db
    .select({ organisationId: organisations.id, organisationName: organisations.name, organisationKind: organisations.kind, role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.path));
  return rows as MembershipSummary[];
}

/** Organisations at or below any of `paths`, ordered by path; `null`: every organisation (system administrators). */
export async function visibleOrganisations(db: Queryable, paths: string[] | null): Promise<Array<typeof organisations.$inferSelect>> {
  if (paths !== null && paths.length === 0) return [];
  const below = paths === null ? undefined : or(...paths.map((path) => like(organisations.path, `${escapeLike(path)}%`)));
  return db.select().from(organisations).where(below).orderBy(asc(organisations.path));
}

/** `%` and `_` in a LIKE pattern taken literally (paths hold only uuids and slashes, but the rule is general). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: Date;
}

/** People with a role directly in the organisation (one person with `userId`). */
export async function directMembers(db: Queryable, organisationId: string, userId?: string): Promise<MemberRow[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(userId ? and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)) : eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name));
  return rows as MemberRow[];
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  organisationName: string | null;
  before: unknown;
  after: unknown;
}

/** Audit events of the organisation at `path` and everything below it, newest first; `null`: the system-wide events (sign-ins, accounts). */
export async function auditPage(db: Queryable, path: string | null, page: number, pageSize: number): Promise<{ items: AuditRow[]; total: number }> {
  const inTree = path === null ? isNull(auditEvents.organisationPath) : like(auditEvents.organisationPath, `${escapeLike(path)}%`);
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actor: auditEvents.actorLabel,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        organisationId: auditEvents.organisationId,
        organisationName: organisations.name,
        before: auditEvents.before,
        after: auditEvents.after,
      })
      .from(auditEvents)
      .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
      .where(inTree)
      .orderBy(desc(auditEvents.at), desc(auditEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(inTree),
  ]);
  return { items: items as AuditRow[], total: count?.total ?? 0 };
}
