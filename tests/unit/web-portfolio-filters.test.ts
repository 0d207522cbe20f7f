import { describe, expect, it } from 'vitest';
import { activeFilterCount, exportHref, filterParams, filtersFromParams, listQuery, NO_FILTERS, PAGE_SIZE, paramsFromFilters } from '../../web/src/portfolio/filters.js';
import { organisationChoices } from '../../web/src/portfolio/organisations.js';
import type { OrganisationDetails } from '../../web/src/admin/types.js';

const MOSS = '0b9e2c9a-5d0c-4f7e-9f4e-6f0d6b1f2a10';

describe('portfolio filters in the address', () => {
  it('reads every filter, sort and page, and writes them back the same', () => {
    const address = `organisation=${MOSS}&q=kyststi&status=idea&status=granted&programme=interreg-oks&sector=culture&year=2025&sdg=11&sdg=4&sort=title&page=3`;
    const filters = filtersFromParams(new URLSearchParams(address));
    expect(filters).toEqual({ organisation: MOSS, q: 'kyststi', status: ['idea', 'granted'], programme: ['interreg-oks'], sector: ['culture'], year: 2025, sdg: [4, 11], sort: 'title', page: 3 });
    expect(filtersFromParams(paramsFromFilters(filters))).toEqual(filters);
  });

  it('drops what is not a filter value, so a mistyped shared link still shows a list', () => {
    const filters = filtersFromParams(new URLSearchParams('organisation=moss&status=maybe&status=idea&status=idea&sector=space&year=1776&sdg=18&sdg=x&sort=random&page=-2&programme=<b>'));
    expect(filters).toEqual({ ...NO_FILTERS, status: ['idea'] });
  });

  it('leaves defaults out of the address, but tells the API every part of the list query', () => {
    expect(paramsFromFilters(NO_FILTERS).toString()).toBe('');
    const query = listQuery({ ...NO_FILTERS, q: '  Mona ' });
    expect(query.get('q')).toBe('Mona');
    expect(query.get('sort')).toBe('-updated');
    expect(query.get('page')).toBe('1');
    expect(query.get('pageSize')).toBe(String(PAGE_SIZE));
  });

  it('counts the filters that narrow the selection', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, organisation: MOSS, q: 'x', status: ['idea', 'submitted'], year: 2024, sdg: [3] })).toBe(6);
  });

  it('exports exactly what the filters show, without sort or page', () => {
    const filters = { ...NO_FILTERS, status: ['running' as const], sector: ['education'], sort: 'title' as const, page: 4 };
    expect(filterParams(filters).toString()).toBe('status=running&sector=education');
    expect(exportHref('/api/portfolio/initiatives/export', filters, { format: 'xlsx' }, 'nn')).toBe('/api/portfolio/initiatives/export?status=running&sector=education&format=xlsx&lang=nn');
  });
});

describe('organisations to choose from', () => {
  const organisation = (id: string, parentId: string | null, permissions: OrganisationDetails['permissions']): OrganisationDetails => ({
    id,
    parentId,
    kind: 'municipality',
    name: id,
    orgNumber: null,
    country: 'NO',
    placeCode: null,
    writtenStandard: 'nb',
    themeColour: '#0062ba',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    permissions,
  });
  it('keeps those whose initiatives I may read, indents them by depth, and says where I may register', () => {
    const choices = organisationChoices([
      organisation('region', 'county-not-visible', ['view', 'read', 'edit']),
      organisation('moss', 'region', ['view', 'read', 'edit']),
      organisation('verket', 'moss', ['view', 'read']),
      organisation('neighbour', null, ['view']),
    ]);
    expect(choices).toEqual([
      { id: 'region', name: 'region', depth: 0, mayEdit: true },
      { id: 'moss', name: 'moss', depth: 1, mayEdit: true },
      { id: 'verket', name: 'verket', depth: 2, mayEdit: false },
    ]);
  });
});
