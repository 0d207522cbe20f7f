/** Pure rules of the administration forms: what the form holds, what a save sends, which roles one may give. */
import { ROLES, mayAssignRole, type Permission, type Role } from '../../../src/organisations/roles.js';
import type { OrganisationDetails, WrittenStandard } from './types.js';

/** The choice "no parent": a top-level organisation (system administrators only). */
export const TOP_LEVEL = '';

export interface OrganisationFormValues {
  parentId: string;
  name: string;
  orgNumber: string;
  country: string;
  writtenStandard: WrittenStandard;
  themeColour: string;
}

export function formValuesOf(organisation: OrganisationDetails): OrganisationFormValues {
  return {
    parentId: organisation.parentId ?? TOP_LEVEL,
    name: organisation.name,
    orgNumber: organisation.orgNumber ?? '',
    country: organisation.country,
    writtenStandard: organisation.writtenStandard,
    themeColour: organisation.themeColour,
  };
}

/** Only what changed is sent: an unchanged organisation number is not checked again, an unchanged parent is no move. */
export function changedValues(before: OrganisationFormValues, after: OrganisationFormValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (after.name.trim() !== before.name) changes.name = after.name.trim();
  if (after.orgNumber.trim() !== before.orgNumber) changes.orgNumber = after.orgNumber.trim() === '' ? null : after.orgNumber.trim();
  if (after.country !== before.country) changes.country = after.country;
  if (after.writtenStandard !== before.writtenStandard) changes.writtenStandard = after.writtenStandard;
  if (after.themeColour.toUpperCase() !== before.themeColour.toUpperCase()) changes.themeColour = after.themeColour;
  if (after.parentId !== before.parentId) changes.parentId = after.parentId === TOP_LEVEL ? null : after.parentId;
  return changes;
}

/** Roles the person may give here; the member's present role stays in the list so the choice can show it. */
export function assignableRoles(permissions: readonly Permission[], current?: Role): Role[] {
  const granted = new Set(permissions);
  return ROLES.filter((role) => role === current || mayAssignRole(granted, role));
}
