/** Shapes of the administration API (organisations, members, invitations, audit trail, retention). */
import type { Language } from '../../../src/reference/codes.js';
import type { OrganisationType } from '../../../src/organisations/kinds.js';
import type { Permission, Role } from '../../../src/organisations/roles.js';

export type WrittenStandard = Extract<Language, 'nb' | 'nn'>;

export interface OrganisationDetails {
  id: string;
  parentId: string | null;
  kind: OrganisationType;
  name: string;
  orgNumber: string | null;
  country: string;
  placeCode: string | null;
  writtenStandard: WrittenStandard;
  themeColour: string;
  createdAt: string;
  updatedAt: string;
  /** What the signed-in person may do here. */
  permissions: Permission[];
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: string;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface AuditEvent {
  id: number | string;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  organisationId: string | null;
  organisationName: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Retention {
  auditMonths: number;
  inactiveAccountMonths: number;
}

export interface ItemList<T> {
  items: T[];
}
