/**
 * Invitations by e-mail link. A person who manages members invites an address with a role; the mail
 * carries a single-use link that is valid for seven days. Only the hash of the link's token is stored.
 * Accepting claims the invitation with one conditional UPDATE, so two clicks cannot both succeed, and
 * adds the membership in the same transaction. Every step writes an audit event in the organisation.
 */
import { and, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { HttpError } from '../platform/http/errors.js';
import { personActor, recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import { MailDeliveryError, type Mailer } from '../platform/mail/mailer.js';
import { hashToken, newToken } from '../platform/auth/tokens.js';
import type { Language } from '../reference/codes.js';
import { users } from '../accounts/tables.js';
import { findUserByEmail } from '../accounts/repository.js';
import { createAccount } from '../accounts/create-account.js';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem } from '../accounts/passwords.js';
import { invitationMail, ROLE_NAMES } from '../accounts/mail-templates.js';
import { findOrganisation, setMembership } from './organisations.js';
import { directMembers } from './repository.js';
import { mayAssignRole, type Permission, type Role } from './roles.js';
import { invitations, memberships, organisations } from './tables.js';

export const INVITATION_DAYS = 7;

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Someone acting on invitations: the inviter, or the person accepting. */
export interface Person {
  userId: string;
  name: string;
  email: string;
}

/** Where invitation mails go out and where their links point. */
export interface InvitationMail {
  mailer: Mailer;
  publicUrl: string;
}

export interface InvitationSummary {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  /** The inviter's name; null once their account is gone. */
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}

type InvitationRow = typeof invitations.$inferSelect;

export function invitationLink(publicUrl: string, token: string): string {
  return `${publicUrl}/invitasjon#${token}`;
}

function statusOf(row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt > now ? 'pending' : 'expired';
}

/** What the audit trail keeps of an invitation: never the token's hash. */
function auditState(row: InvitationRow) {
  return { email: row.email, role: row.role, status: statusOf(row), expiresAt: row.expiresAt, acceptedAt: row.acceptedAt, acceptedBy: row.acceptedBy, revokedAt: row.revokedAt };
}

/** Neither accepted nor revoked; `usable` also not expired (by the database's clock). */
const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
const usable = and(open, gt(invitations.expiresAt, sql`now()`));

const linkInvalid = () => new HttpError(410, 'link-invalid', 'linkInvalid', {}, 'token');
const invitationClosed = () => new HttpError(409, 'invitation-closed', 'invitationClosed');
const notFound = (id: string) => new HttpError(404, 'not-found', 'notFound', { what: `invitation ${id}` }, 'id');

/** Addresses are compared case-insensitively everywhere (users, sign-in); stored lower-case here. */
const normalisedEmail = (email: string) => email.trim().toLowerCase();

const expiryFromNow = () => new Date(Date.now() + INVITATION_DAYS * 24 * 3_600_000);

async function summaries(db: Queryable, where: SQL | undefined): Promise<InvitationSummary[]> {
  const rows = await db
    .select({ invitation: invitations, inviterName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(where)
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  const now = new Date();
  return rows.map(({ invitation, inviterName }) => ({
    id: invitation.id,
    email: invitation.email,
    role: invitation.role as Role,
    status: statusOf(invitation, now),
    invitedBy: inviterName,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    acceptedAt: invitation.acceptedAt,
  }));
}

async function summary(db: Queryable, id: string): Promise<InvitationSummary> {
  const [found] = await summaries(db, eq(invitations.id, id));
  if (!found) throw notFound(id);
  return found;
}

/** Newest first. */
export function listInvitations(db: Db, organisationId: string): Promise<InvitationSummary[]> {
  return summaries(db, eq(invitations.organisationId, organisationId));
}

/** The organisation an invitation belongs to, for the access policy of `/api/invitations/:id`. */
export async function invitationOrganisation(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ organisationId: invitations.organisationId }).from(invitations).where(eq(invitations.id, id)).limit(1);
  return row?.organisationId ?? null;
}

/** Inviting with a role is giving it: only administrators may invite administrators. */
function assertMayInvite(granted: ReadonlySet<Permission>, role: Role): void {
  if (!mayAssignRole(granted, role)) throw new HttpError(403, 'forbidden', 'roleNotAssignable', {}, 'role');
}

async function assertNotMember(db: Queryable, organisationId: string, email: string): Promise<void> {
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), sql`lower(${users.email}) = ${email}`))
    .limit(1);
  if (member) throw new HttpError(409, 'already-member', 'alreadyMember', {}, 'email');
}

interface Letter {
  to: string;
  language: Language;
  organisationName: string;
  inviterName: string;
  role: Role;
  token: string;
  expiresAt: Date;
}

/**
 * Sent before the invitation is written: a failed delivery leaves nothing behind (503 to the caller), and
 * no transaction is held open while the SMTP server answers (PGlite serves one connection).
 */
async function sendLetter(mail: InvitationMail, letter: Letter): Promise<void> {
  const content = invitationMail(letter.language, {
    organisationName: letter.organisationName,
    inviterName: letter.inviterName,
    roleName: ROLE_NAMES[letter.role][letter.language],
    link: invitationLink(mail.publicUrl, letter.token),
    expiresAt: letter.expiresAt,
  });
  try {
    await mail.mailer.send({ to: letter.to, ...content });
  } catch (error) {
    if (error instanceof MailDeliveryError) throw new HttpError(503, 'mail-unavailable', 'mailUnavailable');
    throw error;
  }
}

export interface NewInvitation {
  email: string;
  role: Role;
  /** Language of the mail; the organisation's written standard by default. */
  language?: Language;
}

/** Invites an address; a pending invitation of the same address to the same organisation is replaced. */
export async function createInvitation(db: Db, mail: InvitationMail, organisationId: string, input: NewInvitation, inviter: Person, granted: ReadonlySet<Permission>): Promise<InvitationSummary> {
  assertMayInvite(granted, input.role);
  const email = normalisedEmail(input.email);
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation) throw new HttpError(404, 'not-found', 'notFound', { what: `organisation ${organisationId}` }, 'id');
  await assertNotMember(db, organisationId, email);
  const token = newToken();
  const expiresAt = expiryFromNow();
  const language = input.language ?? (organisation.writtenStandard as Language);
  await sendLetter(mail, { to: email, language, organisationName: organisation.name, inviterName: inviter.name, role: input.role, token, expiresAt });

  const id = crypto.randomUUID();
  const actor = personActor(inviter);
  await db.transaction(async (tx) => {
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.organisationId, organisationId), eq(invitations.email, email), usable))
      .returning();
    for (const old of replaced) {
      await recordAudit(tx, { actor, organisationId, action: 'invitation-revoked', entityType: 'invitation', entityId: old.id, before: auditState({ ...old, revokedAt: null }), after: { ...auditState(old), replacedBy: id } });
    }
    const [created] = await tx.insert(invitations).values({ id, organisationId, email, role: input.role, tokenHash: hashToken(token), invitedBy: inviter.userId, expiresAt }).returning();
    await recordAudit(tx, { actor, organisationId, action: 'invitation-sent', entityType: 'invitation', entityId: id, after: { ...auditState(created!), language } });
  });
  return summary(db, id);
}

/** Withdraws an invitation that is not accepted; withdrawing it again changes nothing. */
export async function revokeInvitation(db: Db, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx.update(invitations).set({ revokedAt: new Date() }).where(and(eq(invitations.id, id), open)).returning();
    if (!revoked) {
      const [current] = await tx.select().from(invitations).where(eq(invitations.id, id));
      if (!current) throw notFound(id);
      if (current.acceptedAt) throw invitationClosed();
      return;
    }
    await recordAudit(tx, { actor, organisationId: revoked.organisationId, action: 'invitation-revoked', entityType: 'invitation', entityId: id, before: auditState({ ...revoked, revokedAt: null }), after: auditState(revoked) });
  });
}

/**
 * A new link (the old one stops working) and a new expiry, by a new mail; also revives an expired
 * invitation. The mail is in the organisation's written standard (the language of the first mail is not kept).
 */
export async function resendInvitation(db: Db, mail: InvitationMail, id: string, sender: Person, granted: ReadonlySet<Permission>): Promise<InvitationSummary> {
  const [current] = await db
    .select({ invitation: invitations, organisation: organisations })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.id, id));
  if (!current) throw notFound(id);
  const { invitation, organisation } = current;
  if (invitation.acceptedAt || invitation.revokedAt) throw invitationClosed();
  const role = invitation.role as Role;
  assertMayInvite(granted, role);
  await assertNotMember(db, organisation.id, invitation.email);
  const token = newToken();
  const expiresAt = expiryFromNow();
  const mailLanguage = organisation.writtenStandard as Language;
  await sendLetter(mail, { to: invitation.email, language: mailLanguage, organisationName: organisation.name, inviterName: sender.name, role, token, expiresAt });

  await db.transaction(async (tx) => {
    const [renewed] = await tx.update(invitations).set({ tokenHash: hashToken(token), expiresAt }).where(and(eq(invitations.id, id), open)).returning();
    // Accepted or withdrawn while the mail was on its way: its link is dead, and the caller is told.
    if (!renewed) throw invitationClosed();
    await recordAudit(tx, { actor: personActor(sender), organisationId: organisation.id, action: 'invitation-resent', entityType: 'invitation', entityId: id, before: auditState(invitation), after: { ...auditState(renewed), language: mailLanguage } });
  });
  return summary(db, id);
}

export interface InvitationPreview {
  organisationName: string;
  role: Role;
  email: string;
  inviterName: string | null;
  expiresAt: Date;
  /** Whether the invited address has an account, so the page asks to sign in rather than to register. */
  accountExists: boolean;
}

/** What the invitation page shows before accepting; 410 for an unknown, used, withdrawn or expired link. */
export async function previewInvitation(db: Db, token: string): Promise<InvitationPreview> {
  const [found] = await db
    .select({ invitation: invitations, organisationName: organisations.name, inviterName: users.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.tokenHash, hashToken(token)), usable));
  if (!found) throw linkInvalid();
  const { invitation } = found;
  return {
    organisationName: found.organisationName,
    role: invitation.role as Role,
    email: invitation.email,
    inviterName: found.inviterName,
    expiresAt: invitation.expiresAt,
    accountExists: (await findUserByEmail(db, invitation.email)) !== null,
  };
}

/** What a person without an account gives to create one while accepting. */
export interface NewAccount {
  name?: string;
  password?: string;
  language: Language;
}

export interface Acceptance {
  organisationId: string;
  userId: string;
  /** An account was created: the caller opens a session for it. */
  accountCreated: boolean;
}

interface AccountToCreate {
  email: string;
  name: string;
  passwordHash: string;
  language: Language;
}

/**
 * 409 when the address already has an account (sign in first), 422 for a missing name or a weak password;
 * 410 when the account was just made from this very link by a simultaneous click, which won.
 */
async function accountToCreate(db: Db, tokenHash: string, email: string, account: NewAccount): Promise<AccountToCreate> {
  if (await findUserByEmail(db, email)) {
    const [stillOpen] = await db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.tokenHash, tokenHash), usable));
    throw stillOpen ? new HttpError(409, 'sign-in-first', 'signInFirst') : linkInvalid();
  }
  const name = account.name?.trim() ?? '';
  if (name === '') throw new HttpError(422, 'invalid', 'required', { field: 'name' }, 'name');
  if (account.password === undefined || account.password === '') throw new HttpError(422, 'invalid', 'required', { field: 'password' }, 'password');
  if (passwordProblem(account.password, email)) throw new HttpError(422, 'weak-password', 'weakPassword', { min: MIN_PASSWORD_LENGTH }, 'password');
  return { email, name, passwordHash: await hashPassword(account.password), language: account.language };
}

/**
 * Accepts an invitation. Signed in (`signedIn`), that person joins, whatever address their account has:
 * the link went only to the invited mailbox, so holding it proves access to that mailbox, and people
 * often have their account under another address than the one a colleague typed. Not signed in, the
 * invited address must not have an account yet (409: sign in first), and `account` creates one.
 */
export async function acceptInvitation(db: Db, token: string, signedIn: Person | null, account: NewAccount): Promise<Acceptance> {
  const tokenHash = hashToken(token);
  const [invitation] = await db.select().from(invitations).where(and(eq(invitations.tokenHash, tokenHash), usable));
  if (!invitation) throw linkInvalid();
  const joiner: { member: Person } | { newAccount: AccountToCreate } = signedIn ? { member: signedIn } : { newAccount: await accountToCreate(db, tokenHash, invitation.email, account) };
  const existing = 'member' in joiner ? joiner.member : null;

  return db.transaction(async (tx) => {
    // Checked and claimed in one statement: of two clicks, the second finds the invitation taken.
    const [claimed] = await tx.update(invitations).set({ acceptedAt: new Date(), acceptedBy: existing?.userId ?? null }).where(and(eq(invitations.tokenHash, tokenHash), usable)).returning();
    if (!claimed) throw linkInvalid();
    if (existing && (await directMembers(tx, claimed.organisationId, existing.userId)).length > 0) {
      // Joining would change the role the person already has here, perhaps to a smaller one.
      throw new HttpError(409, 'already-member', 'alreadyMember');
    }
    const person = 'member' in joiner ? joiner.member : await createInvitedAccount(tx, joiner.newAccount);
    if (!existing) await tx.update(invitations).set({ acceptedBy: person.userId }).where(eq(invitations.id, claimed.id));
    const actor = personActor(person);
    await setMembership(tx, person.userId, claimed.organisationId, claimed.role as Role, actor);
    await recordAudit(tx, {
      actor,
      organisationId: claimed.organisationId,
      action: 'invitation-accepted',
      entityType: 'invitation',
      entityId: claimed.id,
      before: auditState({ ...claimed, acceptedAt: null, acceptedBy: null }),
      after: auditState({ ...claimed, acceptedBy: person.userId }),
    });
    return { organisationId: claimed.organisationId, userId: person.userId, accountCreated: !existing };
  });
}

async function createInvitedAccount(tx: Queryable, account: AccountToCreate): Promise<Person> {
  // The account does not exist yet to be the actor of its own creation; the label names the person.
  const user = await createAccount(tx, account, { userId: null, label: `${account.name} <${account.email}>` });
  return { userId: user.id, name: user.name, email: user.email };
}
