import { useAddressFilters, type AddressFilters } from '../app/useAddressFilters.js';
import { filtersFromParams, paramsFromFilters, type PortfolioFilters } from './filters.js';

/** The portfolio list's and dashboard's filters, in the address bar. */
export function usePortfolioFilters(): AddressFilters<PortfolioFilters> {
  return useAddressFilters(filtersFromParams, paramsFromFilters);
}
