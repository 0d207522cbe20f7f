/**
 * Roles and what they permit. A role held in an organisation applies there and in every organisation
 * below it, never above or beside it (pure rules, no I/O).
 */
export const ROLES = ['reader', 'editor', 'case-officer', 'coordinator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** See the organisation itself: its details, place in the tree and members' names. */
  'view',
  /** See the organisation's private data (drafts, initiatives, survey results). */
  'read',
  /** Create and change the organisation's content. */
  'edit',
  /** Handle applications to a grant scheme the organisation runs. */
  'handle-cases',
  /** Invite people, change their roles, remove them. */
  'manage-members',
  /** Create, rename and move organisations below this one. */
  'manage-organisations',
  /** Read the audit trail of this organisation and those below it. */
  'read-audit',
  /** Grant the administrator role, set retention, delete organisations. */
  'administer',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reader: ['view', 'read'],
  editor: ['view', 'read', 'edit'],
  'case-officer': ['view', 'read', 'handle-cases'],
  coordinator: ['view', 'read', 'edit', 'manage-members', 'manage-organisations', 'read-audit'],
  administrator: PERMISSIONS,
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export interface MembershipAt {
  organisationId: string;
  /** Materialised path of the organisation: `/rootId/…/ownId/`. */
  organisationPath: string;
  role: Role;
}

/** Whether `ancestorPath` is the organisation at `path` or above it. */
export function isSelfOrAncestor(ancestorPath: string, path: string): boolean {
  return path.startsWith(ancestorPath);
}

/** The memberships that reach the organisation at `path`: held there or above it. */
export function membershipsReaching(memberships: readonly MembershipAt[], path: string): MembershipAt[] {
  return memberships.filter((m) => isSelfOrAncestor(m.organisationPath, path));
}

export function permissionsAt(memberships: readonly MembershipAt[], path: string): Set<Permission> {
  const granted = new Set<Permission>();
  for (const membership of membershipsReaching(memberships, path)) for (const p of ROLE_PERMISSIONS[membership.role]) granted.add(p);
  return granted;
}

/**
 * Who may give a role: a member manager may give any role but administrator, which only an
 * administrator may give (nobody can raise anyone above their own powers).
 */
export function mayAssignRole(granted: ReadonlySet<Permission>, role: Role): boolean {
  if (!granted.has('manage-members')) return false;
  return role !== 'administrator' || granted.has('administer');
}
