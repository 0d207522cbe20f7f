import { describe, expect, it } from 'vitest';
import { TOP_LEVEL, assignableRoles, changedValues, formValuesOf } from '../../web/src/admin/rules.js';
import type { OrganisationDetails } from '../../web/src/admin/types.js';

const MOSS: OrganisationDetails = {
  id: 'moss',
  parentId: 'county',
  kind: 'municipality',
  name: 'Moss kommune',
  orgNumber: '920220883',
  country: 'NO',
  placeCode: '3103',
  writtenStandard: 'nb',
  themeColour: '#0062BA',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  permissions: ['view', 'manage-organisations'],
};

describe('organisation form', () => {
  const saved = formValuesOf(MOSS);

  it('sends nothing when nothing changed, whatever the colour case', () => {
    expect(changedValues(saved, { ...saved, themeColour: '#0062ba', name: ' Moss kommune ' })).toEqual({});
  });

  it('sends only the changed fields, trimmed; an emptied number becomes null', () => {
    expect(changedValues(saved, { ...saved, name: ' Moss  ', orgNumber: '', writtenStandard: 'nn' })).toEqual({ name: 'Moss', orgNumber: null, writtenStandard: 'nn' });
  });

  it('moves with parentId, to the top level as null', () => {
    expect(changedValues(saved, { ...saved, parentId: 'council' })).toEqual({ parentId: 'council' });
    expect(changedValues(saved, { ...saved, parentId: TOP_LEVEL })).toEqual({ parentId: null });
    expect(formValuesOf({ ...MOSS, parentId: null, orgNumber: null })).toMatchObject({ parentId: TOP_LEVEL, orgNumber: '' });
  });
});

describe('roles one may give', () => {
  it('lets member managers give every role but administrator, which needs administer', () => {
    expect(assignableRoles(['view', 'manage-members'])).toEqual(['reader', 'editor', 'case-officer', 'coordinator']);
    expect(assignableRoles(['view', 'manage-members', 'administer'])).toContain('administrator');
    expect(assignableRoles(['view', 'read'])).toEqual([]);
  });

  it('keeps the present role in the list so the choice can show it', () => {
    expect(assignableRoles(['view', 'manage-members'], 'administrator')).toEqual(['reader', 'editor', 'case-officer', 'coordinator', 'administrator']);
  });
});
