/**
 * Accounts made outside the web app: the demo people, and the first administrator of a new installation
 * (`mulighetsrom admin create`). Everything else joins through an invitation.
 */
import { recordAudit, type Actor, type Queryable } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/client.js';
import { HttpError } from '../platform/http/errors.js';
import { mayBeChildOf, type OrganisationType } from '../organisations/kinds.js';
import { createOrganisation, normalisedOrgNumber, setMembership, type OrganisationRecord } from '../organisations/organisations.js';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.js';
import { findUserByEmail, insertUser, type NewUser, type UserRow } from './repository.js';

export async function createAccount(tx: Queryable, user: NewUser, actor: Actor): Promise<UserRow> {
  const created = await insertUser(tx, user);
  await recordAudit(tx, { actor, organisationId: null, action: 'account-created', entityType: 'user', entityId: created.id, after: { systemAdministrator: created.systemAdministrator } });
  return created;
}

export interface NewAdministrator {
  email: string;
  name: string;
  password: string;
  /** A top-level organisation to create with the person as its administrator. */
  organisation?: { name: string; kind: OrganisationType; orgNumber?: string };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a system administrator, and optionally a top-level organisation they administer, in one
 * transaction. Refusals are HttpErrors naming the field (the command line prints their message).
 */
export async function createAdministrator(db: Db, input: NewAdministrator, actor: Actor): Promise<{ user: UserRow; organisation: OrganisationRecord | null }> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) throw new HttpError(422, 'invalid', 'invalidValue', { field: 'email' }, 'email');
  if (input.name.trim() === '') throw new HttpError(422, 'invalid', 'required', { field: 'name' }, 'name');
  if (passwordProblem(input.password, email)) throw new HttpError(422, 'weak-password', 'weakPassword', { min: MIN_PASSWORD_LENGTH }, 'password');
  const organisation = input.organisation;
  if (organisation) {
    if (organisation.name.trim() === '') throw new HttpError(422, 'invalid', 'required', { field: 'organisation' }, 'organisation');
    if (!mayBeChildOf(organisation.kind, null)) throw new HttpError(422, 'kind-not-allowed', 'parentKindNotAllowed', { kind: organisation.kind, parentKind: '—' }, 'kind');
    normalisedOrgNumber(organisation.orgNumber);
  }
  if (await findUserByEmail(db, email)) throw new HttpError(409, 'email-taken', 'emailTaken', {}, 'email');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await createAccount(tx, { email, name: input.name, passwordHash, systemAdministrator: true }, actor);
    if (!organisation) return { user, organisation: null };
    const created = await createOrganisation(tx, { kind: organisation.kind, name: organisation.name, orgNumber: organisation.orgNumber ?? null }, null, actor);
    await setMembership(tx, user.id, created.id, 'administrator', actor);
    return { user, organisation: created };
  });
}
