import { useId } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { MAX_BENEFIT_SCORE } from '../../../src/portfolio/benefits.js';
import { BarChart, TimelineChart } from '../app/charts/index.js';
import { useCodeName } from '../app/code-names.js';
import { useNames } from '../app/names.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useResource } from '../admin/resource.js';
import { useOrganisations, useProgrammes } from './api.js';
import { CalendarFeeds } from './CalendarFeeds.js';
import { ExportLinks } from './ExportLinks.js';
import { FilterPanel } from './FilterPanel.js';
import { filterParams } from './filters.js';
import { PortfolioNavigation } from './PortfolioNavigation.js';
import { formatMoney, formatNumber, osloToday } from './present.js';
import type { DashboardFigures } from './types.js';
import { usePortfolioFilters } from './usePortfolioFilters.js';
import './portfolio.css';

const NOK = { kind: 'money', currency: 'NOK' } as const;
const COUNT = { kind: 'count' } as const;

function Figures({ data }: { data: DashboardFigures }) {
  const { t } = useTranslation();
  const { locales, date } = useNames();
  const nok = (amount: string) => formatMoney(amount, 'NOK', locales, { whole: true });
  const figures: [string, string][] = [
    [t('portfolio.dashboard.count'), formatNumber(data.totals.count, locales, 0)],
    [t('portfolio.dashboard.budget'), nok(data.totals.budgetNok)],
    [t('portfolio.dashboard.grant'), nok(data.totals.grantNok)],
    [t('portfolio.dashboard.ownShare'), nok(data.totals.ownShareNok)],
    [t('portfolio.dashboard.coFinancing'), nok(data.totals.coFinancingNok)],
    [
      t('portfolio.dashboard.successRate'),
      data.successRate.rate === null ? t('portfolio.dashboard.notDecided') : new Intl.NumberFormat([...locales], { style: 'percent', maximumFractionDigits: 0 }).format(data.successRate.rate),
    ],
    [t('portfolio.dashboard.grantPerOwnShare'), data.grantPerOwnShare === null ? '—' : formatMoney(data.grantPerOwnShare, 'NOK', locales)],
    [t('portfolio.dashboard.hoursApplication'), formatNumber(data.totals.hoursApplication, locales)],
    [t('portfolio.dashboard.hoursProject'), formatNumber(data.totals.hoursProject, locales)],
  ];
  return (
    <>
      <dl className="dashboard-figures">
        {figures.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Paragraph data-size="sm" className="provenance">
        {t('portfolio.dashboard.successRateNote', { granted: data.successRate.granted, decided: data.successRate.decided })}{' '}
        {t('portfolio.dashboard.rateNote', { rate: formatNumber(data.rate.nokPerEur, locales, 4), date: date(`${data.rate.date}T12:00:00Z`) })}{' '}
        <Link href={data.rate.source.url}>{data.rate.source.title}</Link>
      </Paragraph>
    </>
  );
}

function Charts({ data }: { data: DashboardFigures }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  const { date } = useNames();
  const deadlinesId = useId();
  const status = (code: string) => t(`portfolio.status.${code}`);
  const amount = (value: string) => Number(value);
  return (
    <div className="dashboard-charts">
      <BarChart
        caption={t('portfolio.dashboard.byStatusCount')}
        categoryLabel={t('portfolio.filters.status')}
        series={[{ label: t('portfolio.dashboard.count') }]}
        data={data.byStatus.map((row) => ({ category: status(row.status), values: [row.count] }))}
        format={COUNT}
      />
      <BarChart
        caption={t('portfolio.dashboard.byStatusMoney')}
        categoryLabel={t('portfolio.filters.status')}
        series={[{ label: t('portfolio.dashboard.budget') }, { label: t('portfolio.dashboard.grant') }]}
        data={data.byStatus.map((row) => ({ category: status(row.status), values: [amount(row.budgetNok), amount(row.grantNok)] }))}
        format={NOK}
      />
      <BarChart
        caption={t('portfolio.dashboard.byProgramme')}
        categoryLabel={t('portfolio.filters.programme')}
        series={[{ label: t('portfolio.dashboard.grant') }]}
        data={data.byProgramme.map((row) => ({ category: row.name || t('portfolio.dashboard.noProgramme'), values: [amount(row.grantNok)] }))}
        format={NOK}
      />
      <BarChart
        caption={t('portfolio.dashboard.bySector')}
        categoryLabel={t('portfolio.filters.sector')}
        series={[{ label: t('portfolio.dashboard.count') }]}
        data={data.bySector.map((row) => ({ category: codeName('municipalSector', row.sector), values: [row.count] }))}
        format={COUNT}
      />
      <div className="dashboard-wide">
        <BarChart
          caption={t('portfolio.dashboard.byYear')}
          categoryLabel={t('portfolio.filters.year')}
          series={[{ label: t('portfolio.dashboard.grant') }, { label: t('portfolio.dashboard.ownShare') }]}
          data={data.byYear.map((row) => ({ category: String(row.year), values: [amount(row.grantNok), amount(row.ownShareNok)] }))}
          format={NOK}
          orientation="vertical"
          arrangement="stacked"
        />
      </div>
      <BarChart
        caption={t('portfolio.dashboard.benefits')}
        categoryLabel={t('portfolio.form.benefits')}
        series={[{ label: t('portfolio.dashboard.average') }]}
        data={data.benefits.map((row) => ({ category: t(`portfolio.benefit.${row.benefit}`), values: [row.average] }))}
        format={{ kind: 'decimal', digits: 1 }}
        maxValue={MAX_BENEFIT_SCORE}
      />
      <section aria-labelledby={deadlinesId}>
        <Heading level={2} data-size="xs" id={deadlinesId}>{t('portfolio.dashboard.nextDeadlines')}</Heading>
        {data.nextDeadlines.length === 0 ? (
          <Paragraph>{t('portfolio.dashboard.noDeadlines')}</Paragraph>
        ) : (
          <ul className="deadline-list">
            {data.nextDeadlines.map((item) => (
              <li key={item.id}>
                <time dateTime={item.deadline}>{date(`${item.deadline}T12:00:00Z`)}</time>:{' '}
                <RouterLink to={`/portefolje/${item.id}`}>{item.title}</RouterLink>
                {item.programmeName && ` (${item.programmeName})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="dashboard-wide">
        <TimelineChart
          caption={t('portfolio.dashboard.running')}
          itemLabel={t('portfolio.dashboard.initiative')}
          detailLabel={t('portfolio.filters.programme')}
          items={data.running.filter((item) => item.startDate).map((item) => ({ label: item.title, start: item.startDate!, end: item.endDate, detail: item.programmeName }))}
          today={osloToday()}
        />
      </div>
    </div>
  );
}

/** The overview for management: figures and charts of an organisation tree, with the list's filters. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const { filters, update } = usePortfolioFilters();
  const { choices } = useOrganisations();
  const programmes = useProgrammes();
  const { resource } = useResource<DashboardFigures>('/api/portfolio/dashboard', filterParams(filters));
  useDocumentTitle(t('portfolio.dashboard.title'));
  const data = resource.status === 'ready' ? resource.data : undefined;
  return (
    <div className="portfolio">
      <PortfolioNavigation />
      <PageHeading>{t('portfolio.dashboard.title')}</PageHeading>
      <Paragraph className="lead">{t('portfolio.dashboard.intro')}</Paragraph>
      <div className="portfolio-actions">
        <ExportLinks path="/api/portfolio/dashboard/export" filters={filters} report />
      </div>
      <div className="catalogue-layout">
        <FilterPanel filters={filters} organisations={choices} programmes={programmes} onChange={(change) => update(change)} />
        <section aria-labelledby="dashboard-figures-heading" className="dashboard">
          <Heading level={2} data-size="sm" id="dashboard-figures-heading">{t('portfolio.dashboard.figures')}</Heading>
          <p className="result-count" role="status" aria-live="polite">
            {data ? t('portfolio.list.count', { count: data.totals.count }) : resource.status === 'loading' ? t('portfolio.loading') : ''}
          </p>
          {resource.status === 'loading' && !data && <Spinner aria-label={t('portfolio.loading')} />}
          {resource.status === 'error' && <Alert data-color="danger">{resource.error.message}</Alert>}
          {data && <Figures data={data} />}
          {data && <Charts data={data} />}
        </section>
      </div>
      {choices.length > 0 && <CalendarFeeds organisations={choices} initialOrganisation={filters.organisation} />}
    </div>
  );
}
