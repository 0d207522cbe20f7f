/**
 * The units invited to a round: picked from the organisation tree below the round's organisation or
 * given as a list, each with a personal secret link. Only the link token's SHA-256 is stored; sending a
 * link (invitation, reminder, re-send) makes a new token, so the previous link stops working. A mail is
 * sent before its token is stored: a failed delivery leaves the old state, and the invitee is reported.
 * A coordinator may correct an invitee's name, address, municipality and sector; the answers stay.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import { hashToken, newToken } from '../platform/auth/tokens.js';
import { HttpError } from '../platform/http/errors.js';
import { MailDeliveryError, type Mailer } from '../platform/mail/mailer.js';
import { LANGUAGES, MUNICIPAL_SECTORS, type Language, type MunicipalSector } from '../reference/codes.js';
import { memberships } from '../organisations/tables.js';
import { users } from '../accounts/tables.js';
import { ROLES, type Role } from '../organisations/roles.js';
import { isEmail, isMunicipalityCode, municipalityInTree, sectorFromUnitName, type InviteePerson } from './invitee-list.js';
import { findInvitee, invitedEmails, inviteeAtAddress, organisationsById, unitsInTree, type InviteeRow, type RoundWithCounts } from './repository.js';
import { responseLink, surveyMail, type SurveyMailKind } from './mail.js';
import { effectiveStatus, requireRound } from './rounds.js';
import { surveyInvitees } from './tables.js';

/** Where survey mails go out and where their links point. */
export interface SurveyMail {
  mailer: Mailer;
  publicUrl: string;
}

export const SKIP_REASONS = ['already-invited', 'no-address', 'outside-tree', 'invalid-email'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface Skipped {
  /** The address, or for a unit without one, its organisation id. */
  email: string;
  reason: SkipReason;
}

export interface Delivery {
  sent: number;
  /** Invitees whose mail could not be delivered; their previous link (if any) still works, unless their address was changed. */
  failed: string[];
}

export interface AddResult {
  added: InviteeRow[];
  skipped: Skipped[];
  delivery: Delivery;
}

/** What the audit trail keeps of an invitee: never the name, address or token. */
const auditState = (invitee: Pick<InviteeRow, 'id' | 'organisationId' | 'municipalityCode' | 'sector'>) => ({
  inviteeId: invitee.id,
  organisationId: invitee.organisationId,
  municipalityCode: invitee.municipalityCode,
  sector: invitee.sector,
});

/** How many mails go out at once: quick for a few hundred units, gentle on the SMTP server. */
const MAIL_CONCURRENCY = 4;

/**
 * Sends each invitee a new personal link (kind: invitation or reminder) and stores its hash after the
 * mail is accepted. A reminder counts toward `remindersSent`.
 */
export async function sendLinks(db: Db, mail: SurveyMail, round: Pick<RoundWithCounts, 'id' | 'title' | 'organisationName' | 'closesAt' | 'language'>, invitees: InviteeRow[], kind: SurveyMailKind, now = new Date()): Promise<Delivery> {
  const delivery: Delivery = { sent: 0, failed: [] };
  let next = 0;
  const worker = async () => {
    while (next < invitees.length) {
      const invitee = invitees[next++]!;
      const token = newToken();
      const language = (LANGUAGES as readonly string[]).includes(invitee.language ?? '') ? (invitee.language as Language) : (round.language as Language);
      const content = surveyMail(kind, language, {
        roundTitle: round.title,
        organisationName: round.organisationName,
        inviteeName: invitee.name,
        link: responseLink(mail.publicUrl, token),
        closesAt: round.closesAt,
      });
      try {
        await mail.mailer.send({ to: invitee.email, ...content });
      } catch (error) {
        if (!(error instanceof MailDeliveryError)) throw error;
        delivery.failed.push(invitee.id);
        continue;
      }
      await db
        .update(surveyInvitees)
        .set({
          tokenHash: hashToken(token),
          lastSentAt: now,
          invitedAt: sql`COALESCE(${surveyInvitees.invitedAt}, ${now})`,
          ...(kind === 'reminder' ? { remindersSent: sql`${surveyInvitees.remindersSent} + 1` } : {}),
        })
        .where(eq(surveyInvitees.id, invitee.id));
      delivery.sent++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAIL_CONCURRENCY, invitees.length) }, worker));
  return delivery;
}

/** Invites everyone of an open round who has had no invitation yet (after opening, or after a failure). */
export async function sendPendingInvitations(db: Db, mail: SurveyMail, roundId: string): Promise<Delivery> {
  const round = await requireRound(db, roundId);
  const pending = await db.select().from(surveyInvitees).where(and(eq(surveyInvitees.roundId, roundId), sql`${surveyInvitees.invitedAt} IS NULL`));
  return sendLinks(db, mail, round, pending, 'invitation');
}

/** The member who answers for a unit: the one with the largest role directly in it (ties by name). */
async function unitContacts(db: Queryable, unitIds: string[]): Promise<Map<string, { email: string; language: string }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select({ organisationId: memberships.organisationId, role: memberships.role, email: users.email, name: users.name, language: users.language })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(sql`${memberships.organisationId} IN (${sql.join(unitIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  const rank = (role: string) => ROLES.indexOf(role as Role);
  rows.sort((a, b) => rank(b.role) - rank(a.role) || a.name.localeCompare(b.name, 'nb'));
  const contacts = new Map<string, { email: string; language: string }>();
  for (const row of rows) if (!contacts.has(row.organisationId)) contacts.set(row.organisationId, { email: row.email, language: row.language });
  return contacts;
}

interface Candidate extends InviteePerson {
  organisationId: string | null;
  language: string | null;
}

/** A unit of the tree to invite: at the address given for it, or else at its member's with the largest role. */
export interface UnitPick {
  organisationId: string;
  person?: InviteePerson;
}

/** Units of the tree as candidates: named after the unit, placed by the tree, unless the pick says otherwise. */
async function candidatesFromTree(db: Queryable, round: RoundWithCounts, picks: UnitPick[], skipped: Skipped[]): Promise<Candidate[]> {
  const units = await unitsInTree(db, round.organisationPath, [...new Set(picks.map((pick) => pick.organisationId))]);
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const ancestors = await organisationsById(db, [...new Set(units.flatMap((u) => u.path.split('/').filter(Boolean)))]);
  const byId = new Map(ancestors.map((o) => [o.id, o]));
  const contacts = await unitContacts(db, [...new Set(picks.filter((pick) => !pick.person && unitsById.has(pick.organisationId)).map((pick) => pick.organisationId))]);
  const candidates: Candidate[] = [];
  for (const { organisationId, person } of picks) {
    const unit = unitsById.get(organisationId);
    if (!unit) {
      skipped.push({ email: person?.email ?? organisationId, reason: 'outside-tree' });
      continue;
    }
    const contact = person ? { email: person.email, language: null } : contacts.get(unit.id);
    if (!contact) {
      skipped.push({ email: unit.id, reason: 'no-address' });
      continue;
    }
    candidates.push({
      organisationId: unit.id,
      name: person?.name.trim() || unit.name,
      email: contact.email.trim(),
      municipalityCode: person?.municipalityCode ?? municipalityInTree(unit.path, byId),
      sector: person?.sector ?? (unit.kind === 'municipality' ? null : sectorFromUnitName(unit.name)),
      language: contact.language,
    });
  }
  return candidates;
}

/**
 * Adds invitees from the tree (at their member's address, or at one given per unit) and/or as people; an
 * address already invited is skipped. When the round is open, the new invitees get their invitations at once.
 */
export async function addInvitees(db: Db, mail: SurveyMail, roundId: string, input: { organisationIds?: string[]; units?: UnitPick[]; people?: InviteePerson[] }, actor: Actor): Promise<AddResult> {
  const round = await requireRound(db, roundId);
  const status = effectiveStatus(round);
  if (status === 'closed') throw new HttpError(409, 'round-state', 'surveyRoundState', { status });
  const skipped: Skipped[] = [];
  const picks: UnitPick[] = [...[...new Set(input.organisationIds ?? [])].map((organisationId) => ({ organisationId })), ...(input.units ?? [])];
  const candidates: Candidate[] = [
    ...(await candidatesFromTree(db, round, picks, skipped)),
    ...(input.people ?? []).map((p) => ({ ...p, name: p.name.trim(), email: p.email.trim(), organisationId: null, language: null })),
  ];
  const added = await db.transaction(async (tx) => {
    const taken = await invitedEmails(tx, roundId);
    const rows: InviteeRow[] = [];
    for (const candidate of candidates) {
      const email = candidate.email.toLowerCase();
      if (!isEmail(candidate.email)) {
        skipped.push({ email: candidate.email, reason: 'invalid-email' });
        continue;
      }
      if (taken.has(email)) {
        skipped.push({ email: candidate.email, reason: 'already-invited' });
        continue;
      }
      taken.add(email);
      // Until its first mail, the invitee's link is a secret nobody knows.
      const [row] = await tx
        .insert(surveyInvitees)
        .values({ roundId, organisationId: candidate.organisationId, name: candidate.name, email: candidate.email, municipalityCode: candidate.municipalityCode, sector: candidate.sector, language: candidate.language, tokenHash: hashToken(newToken()) })
        .returning();
      rows.push(row!);
      await recordAudit(tx, { actor, organisationId: round.organisationId, action: 'survey-invitee-added', entityType: 'survey-invitee', entityId: row!.id, after: { roundId, ...auditState(row!) } });
    }
    return rows;
  });
  const delivery = status === 'open' ? await sendLinks(db, mail, round, added, 'invitation') : { sent: 0, failed: [] };
  return { added, skipped, delivery };
}

const inviteeNotFound = (inviteeId: string) => new HttpError(404, 'not-found', 'notFound', { what: `invitee ${inviteeId}` }, 'inviteeId');

/** A new link by a new mail (the old link stops working); only while the round is open. */
export async function resendLink(db: Db, mail: SurveyMail, roundId: string, inviteeId: string, actor: Actor): Promise<InviteeRow> {
  const round = await requireRound(db, roundId);
  const status = effectiveStatus(round);
  if (status !== 'open') throw new HttpError(409, 'round-state', 'surveyRoundState', { status });
  const invitee = await findInvitee(db, roundId, inviteeId);
  if (!invitee) throw inviteeNotFound(inviteeId);
  const delivery = await sendLinks(db, mail, round, [invitee], 'invitation');
  if (delivery.sent === 0) throw new HttpError(503, 'mail-unavailable', 'surveyMailUnavailable', { count: 1 });
  await recordAudit(db, { actor, organisationId: round.organisationId, action: 'survey-link-resent', entityType: 'survey-invitee', entityId: inviteeId, after: { roundId, ...auditState(invitee) } });
  return (await findInvitee(db, roundId, inviteeId))!;
}

/** A correction of an invitee: a field left out stays as it is; null takes the municipality or sector away. */
export interface InviteeChange {
  name?: string;
  email?: string;
  municipalityCode?: string | null;
  sector?: MunicipalSector | null;
}

export interface ChangedInvitee {
  invitee: InviteeRow;
  /** The new link after an address change (nothing when none was due). */
  delivery: Delivery;
}

/** The change with its texts trimmed; the first field at fault is refused (422). */
function checkedChange(change: InviteeChange): InviteeChange {
  if (Object.values(change).every((value) => value === undefined)) throw new HttpError(422, 'invalid', 'surveyInviteeNoChange');
  const checked: InviteeChange = { ...change, name: change.name?.trim(), email: change.email?.trim() };
  if (checked.name === '') throw new HttpError(422, 'invalid', 'required', { field: 'name' }, 'name');
  if (checked.email !== undefined && !isEmail(checked.email)) throw new HttpError(422, 'invalid', 'surveyInviteeEmailInvalid', { value: checked.email }, 'email');
  if (checked.municipalityCode != null && !isMunicipalityCode(checked.municipalityCode)) {
    throw new HttpError(422, 'unknown-municipality', 'unknownMunicipality', { field: 'municipalityCode', value: checked.municipalityCode }, 'municipalityCode');
  }
  if (checked.sector != null && !(MUNICIPAL_SECTORS as readonly string[]).includes(checked.sector)) {
    throw new HttpError(422, 'invalid', 'invalidEnum', { field: 'sector', allowed: MUNICIPAL_SECTORS.join(', ') }, 'sector');
  }
  return checked;
}

/**
 * Corrects an invitee of a round that is not closed; their answers are kept. A new address revokes the old
 * link at once (it went to the wrong address); an invitee who had been sent one gets a new link at the new
 * address while the round is open. The summary follows a new municipality or sector by itself (triggers,
 * migrations 0015 and 0016).
 */
export async function updateInvitee(db: Db, mail: SurveyMail, roundId: string, inviteeId: string, change: InviteeChange, actor: Actor): Promise<ChangedInvitee> {
  const round = await requireRound(db, roundId);
  const status = effectiveStatus(round);
  if (status === 'closed') throw new HttpError(409, 'round-state', 'surveyRoundState', { status });
  const checked = checkedChange(change);
  const { before, after, newAddress } = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(surveyInvitees).where(and(eq(surveyInvitees.roundId, roundId), eq(surveyInvitees.id, inviteeId))).for('update');
    if (!before) throw inviteeNotFound(inviteeId);
    // Addresses are compared without case, as the round's unique index does: "Ola@X" is still Ola's address.
    const newAddress = checked.email !== undefined && checked.email.toLowerCase() !== before.email.toLowerCase();
    if (newAddress && (await inviteeAtAddress(tx, roundId, checked.email!)) !== null) throw new HttpError(409, 'already-invited', 'surveyInviteeEmailTaken', { email: checked.email! }, 'email');
    const changed = (Object.keys(checked) as Array<keyof InviteeChange>).filter((field) => checked[field] !== undefined && checked[field] !== before[field]);
    if (changed.length === 0) return { before, after: before, newAddress };
    const [after] = await tx
      .update(surveyInvitees)
      .set({ ...checked, ...(newAddress ? { tokenHash: hashToken(newToken()) } : {}) })
      .where(eq(surveyInvitees.id, inviteeId))
      .returning();
    await recordAudit(tx, {
      actor,
      organisationId: round.organisationId,
      action: 'survey-invitee-changed',
      entityType: 'survey-invitee',
      entityId: inviteeId,
      // Which fields changed, but never the name or address themselves.
      before: { roundId, ...auditState(before) },
      after: { roundId, ...auditState(after!), changed },
    });
    return { before, after: after!, newAddress };
  });
  if (!(newAddress && before.invitedAt !== null && status === 'open')) return { invitee: after, delivery: { sent: 0, failed: [] } };
  const delivery = await sendLinks(db, mail, round, [after], 'invitation');
  return { invitee: (await findInvitee(db, roundId, inviteeId))!, delivery };
}

/** Removes an invitee and their answers; their link stops working. */
export async function removeInvitee(db: Db, roundId: string, inviteeId: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const round = await requireRound(tx, roundId);
    const [removed] = await tx.delete(surveyInvitees).where(and(eq(surveyInvitees.roundId, roundId), eq(surveyInvitees.id, inviteeId))).returning();
    if (!removed) throw inviteeNotFound(inviteeId);
    await recordAudit(tx, {
      actor,
      organisationId: round.organisationId,
      action: 'survey-invitee-removed',
      entityType: 'survey-invitee',
      entityId: inviteeId,
      before: { roundId, ...auditState(removed), answered: removed.firstAnsweredAt !== null, submitted: removed.submittedAt !== null },
    });
  });
}
