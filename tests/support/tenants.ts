/**
 * Two counties with the tree below them and a person in each role, for authorisation tests:
 * Østfold ⊃ Mosseregionen ⊃ Moss ⊃ Verket skole, and Vestland ⊃ Bergen (another tenant).
 */
import type { Db } from '../../src/platform/db/client.js';
import type { Actor } from '../../src/platform/audit/audit.js';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import type { Role } from '../../src/organisations/roles.js';
import { createTestUser } from './accounts.js';
import { invitations } from '../../src/organisations/tables.js';
import { hashToken, newToken } from '../../src/platform/auth/tokens.js';

export const SETUP_ACTOR: Actor = { userId: null, label: 'test set-up' };

export interface Tenants {
  ostfold: string;
  region: string;
  moss: string;
  verket: string;
  vestland: string;
  bergen: string;
  /** A pending invitation to Moss. */
  invitation: string;
  /** E-mail of the person holding each role, at the organisation named. */
  people: Record<Person, string>;
  userIds: Record<Person, string>;
  /** Who holds which role where. */
  roles: Array<[Person, string, Role]>;
}

export type Person = 'countyAdmin' | 'regionCoordinator' | 'mossEditor' | 'mossReader' | 'caseOfficer' | 'verketReader' | 'vestlandAdmin' | 'outsider' | 'systemAdmin';

export async function seedTenants(db: Db): Promise<Tenants> {
  const make = async (kind: Parameters<typeof createOrganisation>[1]['kind'], name: string, parentId: string | null, orgNumber?: string) =>
    (await createOrganisation(db, { kind, name, orgNumber: orgNumber ?? null }, parentId, SETUP_ACTOR)).id;
  const ostfold = await make('county', 'Østfold fylkeskommune', null);
  const region = await make('regional-council', 'Mosseregionen', ostfold);
  const moss = await make('municipality', 'Moss kommune', region);
  const verket = await make('unit', 'Verket skole', moss);
  const vestland = await make('county', 'Vestland fylkeskommune', null);
  const bergen = await make('municipality', 'Bergen kommune', vestland);
  const people: Tenants['people'] = {
    countyAdmin: 'admin@ostfold.example',
    regionCoordinator: 'coordinator@mosseregionen.example',
    mossEditor: 'editor@moss.example',
    mossReader: 'reader@moss.example',
    caseOfficer: 'saksbehandler@ostfold.example',
    verketReader: 'laerer@verket.example',
    vestlandAdmin: 'admin@vestland.example',
    outsider: 'nobody@elsewhere.example',
    systemAdmin: 'operator@mulighetsrom.example',
  };
  const memberships: Array<[Person, string, Role]> = [
    ['countyAdmin', ostfold, 'administrator'],
    ['regionCoordinator', region, 'coordinator'],
    ['mossEditor', moss, 'editor'],
    ['mossReader', moss, 'reader'],
    ['caseOfficer', ostfold, 'case-officer'],
    ['verketReader', verket, 'reader'],
    ['vestlandAdmin', vestland, 'administrator'],
  ];
  const userIds = {} as Record<Person, string>;
  for (const [key, email] of Object.entries(people) as Array<[Person, string]>) {
    userIds[key] = (await createTestUser(db, email, { name: key, systemAdministrator: key === 'systemAdmin' })).id;
  }
  for (const [who, organisationId, role] of memberships) await setMembership(db, userIds[who], organisationId, role, SETUP_ACTOR);
  const [invitation] = await db
    .insert(invitations)
    .values({ organisationId: moss, email: 'invited@moss.example', role: 'reader', tokenHash: hashToken(newToken()), invitedBy: userIds.regionCoordinator, expiresAt: new Date(Date.now() + 86_400_000) })
    .returning({ id: invitations.id });
  return { ostfold, region, moss, verket, vestland, bergen, invitation: invitation!.id, people, userIds, roles: memberships };
}
