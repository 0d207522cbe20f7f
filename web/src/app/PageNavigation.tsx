import { useTranslation } from 'react-i18next';
import { Pagination, usePagination } from '@digdir/designsystemet-react';

/**
 * Numbered pages with previous and next. `keyPrefix` names the page's own texts (`pagination`, `previous`,
 * `previousPage`, `next`, `nextPage`, `pageNumber`), so the navigation says what it pages through.
 */
export function PageNavigation({ keyPrefix, page, totalPages, onPage }: { keyPrefix: 'catalogue' | 'admin.audit'; page: number; totalPages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const { pages, prevButtonProps, nextButtonProps } = usePagination({ currentPage: page, totalPages, showPages: 7, setCurrentPage: onPage });
  return (
    <Pagination aria-label={t(`${keyPrefix}.pagination`)}>
      <Pagination.List>
        <Pagination.Item>
          <Pagination.Button aria-label={t(`${keyPrefix}.previousPage`)} {...prevButtonProps}>{t(`${keyPrefix}.previous`)}</Pagination.Button>
        </Pagination.Item>
        {pages.map(({ page: number, itemKey, buttonProps }) => (
          <Pagination.Item key={itemKey}>
            {typeof number === 'number' && buttonProps && (
              <Pagination.Button aria-label={t(`${keyPrefix}.pageNumber`, { page: number })} {...buttonProps}>{number}</Pagination.Button>
            )}
          </Pagination.Item>
        ))}
        <Pagination.Item>
          <Pagination.Button aria-label={t(`${keyPrefix}.nextPage`)} {...nextButtonProps}>{t(`${keyPrefix}.next`)}</Pagination.Button>
        </Pagination.Item>
      </Pagination.List>
    </Pagination>
  );
}
