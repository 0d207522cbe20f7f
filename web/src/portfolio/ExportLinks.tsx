import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import { currentLanguage } from '../app/i18n.js';
import { exportHref, type PortfolioFilters } from './filters.js';

/**
 * Downloads of exactly what the filters show. Plain links: the browser downloads with the session's
 * cookie, and the address says what is exported.
 */
export function ExportLinks({ path, filters, report = false }: { path: string; filters: PortfolioFilters; report?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="portfolio-exports" role="group" aria-label={t('portfolio.export.label')}>
      <Button asChild variant="secondary" data-size="sm">
        <a href={exportHref(path, filters, { format: 'csv' }, language)} download>
          {t('portfolio.export.csv')}
        </a>
      </Button>
      <Button asChild variant="secondary" data-size="sm">
        <a href={exportHref(path, filters, { format: 'xlsx' }, language)} download>
          {t('portfolio.export.xlsx')}
        </a>
      </Button>
      {report && (
        <Button asChild variant="secondary" data-size="sm">
          <a href={exportHref('/api/portfolio/report', filters, {}, language)} download>
            {t('portfolio.export.pdf')}
          </a>
        </Button>
      )}
    </div>
  );
}
