import { describe, expect, it } from 'vitest';
import { WHOLE_VALUE, changedFields } from '../../web/src/admin/audit-diff.js';

describe('audit event changes', () => {
  it('lists only the fields that changed, leaving out bookkeeping', () => {
    const before = { id: '1', name: 'Moss', orgNumber: null, themeColour: '#0062BA', updatedAt: '2025-01-01', path: '/1/' };
    const after = { id: '1', name: 'Moss kommune', orgNumber: '920220883', themeColour: '#0062BA', updatedAt: '2025-02-01', path: '/1/' };
    expect(changedFields(before, after)).toEqual([
      { field: 'name', before: 'Moss', after: 'Moss kommune' },
      { field: 'orgNumber', before: null, after: '920220883' },
    ]);
  });

  it('shows what a creation set and what a deletion removed, without empty fields', () => {
    expect(changedFields(null, { userId: 'u', role: 'editor', placeCode: null })).toEqual([
      { field: 'userId', before: undefined, after: 'u' },
      { field: 'role', before: undefined, after: 'editor' },
    ]);
    expect(changedFields({ userId: 'u', role: 'reader' }, null)).toEqual([
      { field: 'userId', before: 'u', after: undefined },
      { field: 'role', before: 'reader', after: undefined },
    ]);
  });

  it('compares nested values by content, not key order', () => {
    expect(changedFields({ settings: { a: 1, b: [1, 2] } }, { settings: { b: [1, 2], a: 1 } })).toEqual([]);
    expect(changedFields({ settings: { a: 1 } }, { settings: { a: 2 } })).toEqual([{ field: 'settings', before: { a: 1 }, after: { a: 2 } }]);
  });

  it('treats a value that is not an object as one field', () => {
    expect(changedFields('reader', 'editor')).toEqual([{ field: WHOLE_VALUE, before: 'reader', after: 'editor' }]);
    expect(changedFields(null, undefined)).toEqual([]);
  });
});
