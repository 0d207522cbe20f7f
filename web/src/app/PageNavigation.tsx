import { useTranslation } from 'react-i18next';
import { Pagination, usePagination } from '@digdir/designsystemet-react';
import type common from '../locales/nb.json';
import type portfolio from '../locales/nb/portfolio.json';
import type survey from '../locales/nb/survey.json';

/** The texts a paged list keeps for its navigation. */
type PagingTexts = Record<'pagination' | 'previous' | 'previousPage' | 'next' | 'nextPage' | 'pageNumber', string>;

/** Every key path (`a.b`) in `T` whose texts hold the six of PagingTexts. */
type PagingPrefix<T, Path extends string = ''> = {
  [K in keyof T & string]: T[K] extends PagingTexts ? `${Path}${K}` : T[K] extends object ? PagingPrefix<T[K], `${Path}${K}.`> : never;
}[keyof T & string];

/** The web texts as i18n.ts merges them: the common file, and each capability's file under its name. */
type WebTexts = typeof common & { portfolio: typeof portfolio; survey: typeof survey };

/**
 * Numbered pages with previous and next. `keyPrefix` names the page's own texts (`pagination`, `previous`,
 * `previousPage`, `next`, `nextPage`, `pageNumber`), so the navigation says what it pages through; any place
 * in the texts (bokmål, which the others match) that holds all six will do.
 */
export function PageNavigation({ keyPrefix, page, totalPages, onPage }: { keyPrefix: PagingPrefix<WebTexts>; page: number; totalPages: number; onPage: (page: number) => void }) {
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
