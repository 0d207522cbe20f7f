import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTree, filterTree, matchesSearch, placements, subtreeIds, type TreeNode } from '../../web/src/admin/tree.js';
import type { OrganisationDetails } from '../../web/src/admin/types.js';

const organisation = (
  id: string,
  parentId: string | null,
  kind: OrganisationDetails['kind'],
  name: string,
  orgNumber: string | null = null,
  permissions: OrganisationDetails['permissions'] = ['view', 'manage-organisations'],
): OrganisationDetails => ({
  id,
  parentId,
  kind,
  name,
  orgNumber,
  country: 'NO',
  placeCode: null,
  writtenStandard: 'nb',
  themeColour: '#0062BA',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  permissions,
});

// Flat and ordered by path (ids), as the API sends it: not by hierarchy level or name.
const ITEMS = [
  organisation('a', null, 'county', 'Østfold fylkeskommune', '974544571'),
  organisation('a1', 'a', 'municipality', 'Råde kommune'),
  organisation('a2', 'a', 'regional-council', 'Mosseregionen'),
  organisation('a2x', 'a2', 'municipality', 'Moss kommune', '920220883'),
  organisation('a2x1', 'a2x', 'unit', 'Verket skole'),
  organisation('a2x2', 'a2x', 'unit', 'Ramberg skole'),
  organisation('a3', 'a', 'unit', 'Fylkeshuset', null, ['view']),
  // Its parent is not visible to the person: shown as a root.
  organisation('z', 'hidden', 'unit', 'Spetalen skole'),
];

const names = (nodes: readonly TreeNode[]): unknown[] =>
  nodes.map((node) => (node.children.length > 0 ? [node.organisation.name, names(node.children)] : node.organisation.name));

describe('organisation tree', () => {
  it('nests by parent, orders siblings by level then name, and makes orphans roots', () => {
    const roots = buildTree(ITEMS);
    expect(names(roots)).toEqual([
      ['Østfold fylkeskommune', [['Mosseregionen', [['Moss kommune', ['Ramberg skole', 'Verket skole']]]], 'Råde kommune', 'Fylkeshuset']],
      'Spetalen skole',
    ]);
    expect(roots[0]!.descendantCount).toBe(6);
    expect(roots[1]!.descendantCount).toBe(0);
  });

  it('sorts names by Norwegian alphabet (Æ Ø Å last)', () => {
    const roots = buildTree([organisation('1', null, 'county', 'Åsen'), organisation('2', null, 'county', 'Østre'), organisation('3', null, 'county', 'Bø')]);
    expect(names(roots)).toEqual(['Bø', 'Østre', 'Åsen']);
  });

  it('matches on name (any case) and on organisation number digits', () => {
    expect(matchesSearch(ITEMS[3]!, 'MOSS')).toBe(true);
    expect(matchesSearch(ITEMS[3]!, '920 220')).toBe(true);
    expect(matchesSearch(ITEMS[3]!, 'råde')).toBe(false);
    expect(matchesSearch(ITEMS[1]!, '  ')).toBe(true);
  });

  it('filters to the matches and the way to them, opening their ancestors', () => {
    const filtered = filterTree(buildTree(ITEMS), 'skole');
    expect(names(filtered.roots)).toEqual([['Østfold fylkeskommune', [['Mosseregionen', [['Moss kommune', ['Ramberg skole', 'Verket skole']]]]]], 'Spetalen skole']);
    expect(filtered.matchCount).toBe(3);
    expect([...filtered.open].sort()).toEqual(['a', 'a2', 'a2x']);
  });

  it('keeps everything below a match', () => {
    const filtered = filterTree(buildTree(ITEMS), 'moss kommune');
    expect(names(filtered.roots)).toEqual([['Østfold fylkeskommune', [['Mosseregionen', [['Moss kommune', ['Ramberg skole', 'Verket skole']]]]]]]);
    expect(filtered.matchCount).toBe(1);
    expect(filtered.open.has('a2x')).toBe(false);
  });

  it('finds nothing without hiding the fact', () => {
    const filtered = filterTree(buildTree(ITEMS), 'Halden');
    expect(filtered).toEqual({ roots: [], matchCount: 0, open: new Set() });
  });

  it('knows the subtree and the ancestors of an organisation', () => {
    expect([...subtreeIds(ITEMS, 'a2')].sort()).toEqual(['a2', 'a2x', 'a2x1', 'a2x2']);
    expect(ancestorsOf(ITEMS, 'a2x1').map((o) => o.id)).toEqual(['a', 'a2', 'a2x']);
    expect(ancestorsOf(ITEMS, 'z')).toEqual([]);
  });

  it('offers as places only organisations the person manages, where the kind may sit, never inside itself', () => {
    const roots = buildTree(ITEMS);
    const choices = (kind: OrganisationDetails['kind'] | null, excluding?: Set<string>) => placements(roots, kind, excluding).map((p) => `${p.depth}:${p.organisation.name}`);
    // Fylkeshuset is only viewed, not managed.
    expect(choices('unit')).toEqual(['0:Østfold fylkeskommune', '1:Mosseregionen', '2:Moss kommune', '3:Ramberg skole', '3:Verket skole', '1:Råde kommune', '0:Spetalen skole']);
    expect(choices('municipality')).toEqual(['0:Østfold fylkeskommune', '1:Mosseregionen']);
    expect(choices('county')).toEqual([]);
    expect(choices(null, subtreeIds(ITEMS, 'a2'))).toEqual(['0:Østfold fylkeskommune', '1:Råde kommune', '0:Spetalen skole']);
  });
});
