/** All SQL of organisations, memberships and their audit trail. */
import { asc, eq } from 'drizzle-orm';
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
