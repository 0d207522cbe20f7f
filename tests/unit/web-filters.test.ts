import { describe, expect, it } from 'vitest';
import { activeFilterCount, filtersFromParams, paramsFromFilters } from '../../web/src/catalogue/filters.js';

describe('catalogue filters in the URL', () => {
  it('round-trips every filter', () => {
    const params = new URLSearchParams('q=klima&sector=technical&sector=environment&strand=A&minFundingRate=50&sort=name&page=2');
    const filters = filtersFromParams(params);
    expect(filters).toMatchObject({ q: 'klima', sector: ['technical', 'environment'], strand: ['A'], minFundingRate: 50, sort: 'name', page: 2 });
    expect(paramsFromFilters(filters).toString()).toBe(params.toString());
    expect(activeFilterCount(filters)).toBe(4);
  });

  it('drops values a mistyped link carries instead of failing', () => {
    const filters = filtersFromParams(new URLSearchParams('sector=fishing&page=-3&minFundingRate=500&sort=random'));
    expect(filters).toMatchObject({ sector: [], page: 1, minFundingRate: undefined, sort: undefined });
  });
});
