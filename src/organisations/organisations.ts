/**
 * Creating, changing, moving and deleting organisations, and the memberships in them. Each change and
 * its audit event are written in one transaction. Errors are HttpErrors that name the field at fault.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { HttpError } from '../platform/http/errors.js';
import { recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import type { Language } from '../reference/codes.js';
import { childPath, mayBeChildOf, type OrganisationType } from './kinds.js';
import { checkOrgNumber } from './org-number.js';
import type { Role } from './roles.js';
import { memberships, organisations } from './tables.js';
import { users } from '../accounts/tables.js';

export interface OrganisationFields {
  kind: OrganisationType;
  name: string;
  orgNumber?: string | null;
  country?: string;
  placeCode?: string | null;
  writtenStandard?: Extract<Language, 'nb' | 'nn'>;
  themeColour?: string;
}

export type OrganisationRecord = typeof organisations.$inferSelect;

/** Accepts "974 760 673", "NO974760673MVA"; 422 naming the field when the number is wrong. */
export function normalisedOrgNumber(input: string | null | undefined, field = 'orgNumber'): string | null {
  if (input === undefined || input === null || input.trim() === '') return null;
  const checked = checkOrgNumber(input);
  if (!checked.ok) {
    const shown = checked.problem === 'check-digit' ? checked.normalised : input.trim();
    throw new HttpError(422, 'invalid-org-number', checked.problem === 'check-digit' ? 'orgNumberCheckDigit' : 'orgNumberFormat', { value: shown, field }, field);
  }
  return checked.number;
}

export async function findOrganisation(db: Queryable, id: string): Promise<OrganisationRecord | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}

async function assertOrgNumberFree(db: Queryable, orgNumber: string | null, exceptId?: string): Promise<void> {
  if (orgNumber === null) return;
  const [taken] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.orgNumber, orgNumber)).limit(1);
  if (taken && taken.id !== exceptId) throw new HttpError(409, 'org-number-taken', 'orgNumberTaken', {}, 'orgNumber');
}

function assertPlacement(kind: OrganisationType, parent: OrganisationRecord | null): void {
  const parentKind = (parent?.kind ?? null) as OrganisationType | null;
  if (!mayBeChildOf(kind, parentKind)) {
    throw new HttpError(422, 'kind-not-allowed', 'parentKindNotAllowed', { kind, parentKind: parentKind ?? '—' }, parent ? 'parentId' : 'kind');
  }
}

export async function createOrganisation(db: Db, fields: OrganisationFields, parentId: string | null, actor: Actor): Promise<OrganisationRecord> {
  const orgNumber = normalisedOrgNumber(fields.orgNumber);
  return db.transaction(async (tx) => {
    const parent = parentId === null ? null : await findOrganisation(tx, parentId);
    if (parentId !== null && !parent) throw new HttpError(404, 'not-found', 'notFound', { what: `organisation ${parentId}` }, 'parentId');
    assertPlacement(fields.kind, parent);
    await assertOrgNumberFree(tx, orgNumber);
    const id = crypto.randomUUID();
    const [created] = await tx
      .insert(organisations)
      .values({
        id,
        parentId,
        path: childPath(parent?.path ?? null, id),
        kind: fields.kind,
        name: fields.name.trim(),
        orgNumber,
        country: fields.country ?? 'NO',
        placeCode: fields.placeCode ?? null,
        writtenStandard: fields.writtenStandard ?? 'nb',
        themeColour: fields.themeColour ?? '#0062BA',
      })
      .returning();
    await recordAudit(tx, { actor, organisationId: id, action: 'organisation-created', entityType: 'organisation', entityId: id, after: created });
    return created!;
  });
}

export type OrganisationChanges = Partial<Omit<OrganisationFields, 'kind'>> & { parentId?: string | null };

/**
 * Changes details and, with `parentId`, moves the organisation with everything below it. The caller has
 * checked the right to manage the organisation; moving also needs that right at the new parent (`mayManage`).
 */
export async function updateOrganisation(db: Db, id: string, changes: OrganisationChanges, actor: Actor, mayManageParent: (path: string) => boolean): Promise<OrganisationRecord> {
  const orgNumber = changes.orgNumber === undefined ? undefined : normalisedOrgNumber(changes.orgNumber);
  return db.transaction(async (tx) => {
    const before = await findOrganisation(tx, id);
    if (!before) throw new HttpError(404, 'not-found', 'notFound', { what: `organisation ${id}` });
    if (orgNumber !== undefined) await assertOrgNumberFree(tx, orgNumber, id);
    let path = before.path;
    if (changes.parentId !== undefined && changes.parentId !== before.parentId) {
      const parent = changes.parentId === null ? null : await findOrganisation(tx, changes.parentId);
      if (changes.parentId !== null && !parent) throw new HttpError(404, 'not-found', 'notFound', { what: `organisation ${changes.parentId}` }, 'parentId');
      if (parent && parent.path.startsWith(before.path)) throw new HttpError(422, 'move-into-self', 'moveIntoOwnSubtree', {}, 'parentId');
      if (parent ? !mayManageParent(parent.path) : !mayManageParent('/')) throw new HttpError(403, 'forbidden', 'forbidden', {}, 'parentId');
      assertPlacement(before.kind as OrganisationType, parent);
      path = childPath(parent?.path ?? null, id);
      // Everything below moves along: one statement rewrites the prefix of every descendant's path.
      await tx.execute(sql`UPDATE organisations SET path = ${path} || substr(path, ${before.path.length + 1}) WHERE path LIKE ${before.path + '%'} AND id <> ${id}`);
      await tx.execute(sql`UPDATE audit_events SET organisation_path = ${path} || substr(organisation_path, ${before.path.length + 1}) WHERE organisation_path LIKE ${before.path + '%'}`);
    }
    const [after] = await tx
      .update(organisations)
      .set({
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(orgNumber !== undefined ? { orgNumber } : {}),
        ...(changes.country !== undefined ? { country: changes.country } : {}),
        ...(changes.placeCode !== undefined ? { placeCode: changes.placeCode } : {}),
        ...(changes.writtenStandard !== undefined ? { writtenStandard: changes.writtenStandard } : {}),
        ...(changes.themeColour !== undefined ? { themeColour: changes.themeColour } : {}),
        ...(changes.parentId !== undefined ? { parentId: changes.parentId } : {}),
        path,
        updatedAt: new Date(),
      })
      .where(eq(organisations.id, id))
      .returning();
    await recordAudit(tx, { actor, organisationId: id, action: path === before.path ? 'organisation-changed' : 'organisation-moved', entityType: 'organisation', entityId: id, before, after });
    return after!;
  });
}

export async function deleteOrganisation(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findOrganisation(tx, id);
    if (!before) throw new HttpError(404, 'not-found', 'notFound', { what: `organisation ${id}` });
    const [child] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.parentId, id)).limit(1);
    if (child) throw new HttpError(409, 'has-children', 'organisationHasChildren');
    // The event is kept at the parent, which outlives the organisation (top level: system-wide).
    await recordAudit(tx, { actor, organisationId: before.parentId, action: 'organisation-deleted', entityType: 'organisation', entityId: id, before });
    await tx.delete(organisations).where(eq(organisations.id, id));
  });
}

async function administratorCount(db: Queryable, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'administrator')));
  return row?.count ?? 0;
}

/**
 * The member's address, so the audit trail says who, not only an id. Deleting an account replaces the
 * address in every event (accounts/personal-data.ts), so this does not outlive the person.
 */
async function memberEmail(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

/** Adds a membership, or changes the role of an existing one. */
export async function setMembership(db: Queryable, userId: string, organisationId: string, role: Role, actor: Actor): Promise<void> {
  const [before] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (before?.role === 'administrator' && role !== 'administrator' && (await administratorCount(db, organisationId)) <= 1) {
    throw new HttpError(409, 'last-administrator', 'lastAdministrator', {}, 'role');
  }
  await db
    .insert(memberships)
    .values({ userId, organisationId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.organisationId], set: { role } });
  const email = await memberEmail(db, userId);
  await recordAudit(db, {
    actor,
    organisationId,
    action: before ? 'member-role-changed' : 'member-added',
    entityType: 'membership',
    entityId: `${organisationId}/${userId}`,
    before: before ? { email, role: before.role } : null,
    after: { userId, email, role },
  });
}

export async function removeMembership(db: Queryable, userId: string, organisationId: string, actor: Actor): Promise<boolean> {
  const [before] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  if (!before) return false;
  if (before.role === 'administrator' && (await administratorCount(db, organisationId)) <= 1) {
    throw new HttpError(409, 'last-administrator', 'lastAdministrator', {}, 'userId');
  }
  await db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
  const email = await memberEmail(db, userId);
  await recordAudit(db, { actor, organisationId, action: 'member-removed', entityType: 'membership', entityId: `${organisationId}/${userId}`, before: { userId, email, role: before.role } });
  return true;
}
