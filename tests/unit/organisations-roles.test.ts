/** Roles reach down the tree, never up or sideways; who may give which role; where each kind may sit. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayAssignRole, permissionsAt, PERMISSIONS, ROLES, roleGrants, type MembershipAt } from '../../src/organisations/roles.js';
import { allowedParents, childPath, mayBeChildOf, ORGANISATION_TYPES } from '../../src/organisations/kinds.js';

const county = '/c/';
const region = '/c/r/';
const moss = '/c/r/m/';
const school = '/c/r/m/s/';
const otherCounty = '/v/';
const at = (organisationPath: string, role: MembershipAt['role']): MembershipAt => ({ organisationId: organisationPath, organisationPath, role });

describe('roles in the organisation tree', () => {
  it('apply in the organisation and everything below it', () => {
    const coordinator = [at(region, 'coordinator')];
    expect(permissionsAt(coordinator, region).has('manage-members')).toBe(true);
    expect(permissionsAt(coordinator, school).has('manage-members')).toBe(true);
  });

  it('never apply above or beside', () => {
    const coordinator = [at(region, 'coordinator')];
    expect(permissionsAt(coordinator, county).size).toBe(0);
    expect(permissionsAt(coordinator, otherCounty).size).toBe(0);
    // A path that merely starts with the same characters is not below.
    expect(permissionsAt([at('/c/r/', 'administrator')], '/c/rx/').size).toBe(0);
  });

  it('combine: a reader at the county who coordinates a municipality coordinates only there', () => {
    const both = [at(county, 'reader'), at(moss, 'coordinator')];
    expect(permissionsAt(both, region).has('manage-members')).toBe(false);
    expect(permissionsAt(both, region).has('read')).toBe(true);
    expect(permissionsAt(both, school).has('manage-members')).toBe(true);
  });

  it('grow with the role: each permission of a smaller role is in the administrator\'s', () => {
    for (const role of ROLES) for (const permission of PERMISSIONS) if (roleGrants(role, permission)) expect(roleGrants('administrator', permission)).toBe(true);
    expect(roleGrants('reader', 'edit')).toBe(false);
    expect(roleGrants('case-officer', 'handle-cases')).toBe(true);
    expect(roleGrants('editor', 'handle-cases')).toBe(false);
  });

  it('are given only by member managers, and administrator only by administrators', () => {
    expect(mayAssignRole(permissionsAt([at(moss, 'editor')], moss), 'reader')).toBe(false);
    expect(mayAssignRole(permissionsAt([at(moss, 'coordinator')], moss), 'coordinator')).toBe(true);
    expect(mayAssignRole(permissionsAt([at(moss, 'coordinator')], moss), 'administrator')).toBe(false);
    expect(mayAssignRole(permissionsAt([at(county, 'administrator')], moss), 'administrator')).toBe(true);
  });

  it('never reach an organisation outside the member\'s subtree (property)', () => {
    const segment = fc.stringMatching(/^[a-f0-9]{1,4}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom(...ROLES), (held, target, role) => {
        const heldPath = `/${held.join('/')}/`;
        const targetPath = `/${target.join('/')}/`;
        const below = target.length >= held.length && held.every((s, i) => target[i] === s);
        expect(permissionsAt([at(heldPath, role)], targetPath).size > 0).toBe(below);
      }),
    );
  });
});

describe('kinds of organisation', () => {
  it('puts counties at the top, regional councils under counties, units under public bodies', () => {
    expect(mayBeChildOf('county', null)).toBe(true);
    expect(mayBeChildOf('county', 'county')).toBe(false);
    expect(mayBeChildOf('regional-council', 'county')).toBe(true);
    expect(mayBeChildOf('municipality', 'regional-council')).toBe(true);
    expect(mayBeChildOf('municipality', 'unit')).toBe(false);
    expect(mayBeChildOf('unit', 'unit')).toBe(true);
    expect(mayBeChildOf('unit', null)).toBe(false);
    expect(mayBeChildOf('external', 'county')).toBe(false);
  });

  it('gives every kind at least one place', () => {
    for (const kind of ORGANISATION_TYPES) expect(allowedParents(kind).length).toBeGreaterThan(0);
  });

  it('builds paths from the root down', () => {
    expect(childPath(null, 'a')).toBe('/a/');
    expect(childPath('/a/', 'b')).toBe('/a/b/');
  });
});
