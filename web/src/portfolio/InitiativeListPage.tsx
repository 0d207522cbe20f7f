import { useEffect, useId, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Field, Heading, Label, Paragraph, Select, Spinner, Tag, Textfield } from '@digdir/designsystemet-react';
import { useCodeName } from '../app/code-names.js';
import { useNames } from '../app/names.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageNavigation } from '../app/PageNavigation.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useResource } from '../admin/resource.js';
import { useOrganisations, useProgrammes } from './api.js';
import { ExportLinks } from './ExportLinks.js';
import { FilterPanel } from './FilterPanel.js';
import { listQuery, PAGE_SIZE, SORTS } from './filters.js';
import { formatMoney, formatPeriod } from './present.js';
import { StatusTag } from './StatusTag.js';
import type { InitiativeList, InitiativeSummary } from './types.js';
import { usePortfolioFilters } from './usePortfolioFilters.js';
import { PortfolioNavigation } from './PortfolioNavigation.js';
import './portfolio.css';

const TYPING_DELAY_MS = 250;

function InitiativeCard({ initiative }: { initiative: InitiativeSummary }) {
  const { t } = useTranslation();
  const { locales, date } = useNames();
  const codeName = useCodeName();
  const period = formatPeriod(initiative.startDate, initiative.endDate, locales);
  return (
    <Card data-color="neutral" asChild>
      <li className="initiative-card">
        <div className="initiative-card__head">
          <Heading level={3} data-size="xs">
            <RouterLink to={`/portefolje/${initiative.id}`}>{initiative.title}</RouterLink>
          </Heading>
          <StatusTag status={initiative.status} />
        </div>
        <dl className="fact-row">
          <div>
            <dt>{t('portfolio.fields.organisation')}</dt>
            <dd>{initiative.organisationName}</dd>
          </div>
          <div>
            <dt>{t('portfolio.fields.programme')}</dt>
            <dd>{initiative.programmeName ?? initiative.otherProgramme ?? t('portfolio.notSet')}</dd>
          </div>
          {initiative.deadline && (
            <div>
              <dt>{t('portfolio.fields.deadline')}</dt>
              <dd>{date(`${initiative.deadline}T12:00:00Z`)}</dd>
            </div>
          )}
          {period && (
            <div>
              <dt>{t('portfolio.fields.period')}</dt>
              <dd>{period}</dd>
            </div>
          )}
          {initiative.budgetAmount && (
            <div>
              <dt>{t('portfolio.fields.budget')}</dt>
              <dd>{formatMoney(initiative.budgetAmount, initiative.currency, locales)}</dd>
            </div>
          )}
        </dl>
        {(initiative.sectors.length > 0 || initiative.private) && (
          <div className="tag-row">
            {initiative.private && <Tag data-color="warning" data-size="sm">{t('portfolio.fields.private')}</Tag>}
            {initiative.sectors.map((sector) => (
              <Tag key={sector} data-color="neutral" data-size="sm">{codeName('municipalSector', sector)}</Tag>
            ))}
          </div>
        )}
      </li>
    </Card>
  );
}

export default function InitiativeListPage() {
  const { t } = useTranslation();
  const { filters, update } = usePortfolioFilters();
  const { choices } = useOrganisations();
  const programmes = useProgrammes();
  const [typed, setTyped] = useState(filters.q);
  const { resource } = useResource<InitiativeList>('/api/portfolio/initiatives', listQuery(filters));
  const sortId = useId();
  useDocumentTitle(t('portfolio.list.title'));

  // Search as you type, without a history entry per keystroke.
  useEffect(() => {
    if (typed === filters.q) return;
    const timer = setTimeout(() => update({ q: typed }, { replace: true }), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]); // Only typing starts the timer; `update` reads the latest filters when it fires.
  useEffect(() => setTyped(filters.q), [filters.q]);

  const data = resource.status === 'ready' ? resource.data : undefined;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const mayCreate = choices.some((choice) => choice.mayEdit);

  return (
    <div className="portfolio">
      <PortfolioNavigation />
      <PageHeading>{t('portfolio.list.title')}</PageHeading>
      <Paragraph className="lead">{t('portfolio.list.intro')}</Paragraph>
      <div className="portfolio-actions">
        {mayCreate && (
          <Button asChild>
            <RouterLink to="/portefolje/ny">{t('portfolio.list.new')}</RouterLink>
          </Button>
        )}
        <ExportLinks path="/api/portfolio/initiatives/export" filters={filters} />
      </div>
      <search className="catalogue-search" role="search">
        <Textfield
          label={t('portfolio.list.search')}
          description={t('portfolio.list.searchHelp')}
          type="search"
          value={typed}
          autoComplete="off"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') update({ q: typed });
          }}
        />
      </search>
      <div className="catalogue-layout">
        <FilterPanel filters={filters} organisations={choices} programmes={programmes} onChange={(change) => update(change)} />
        <section aria-labelledby="portfolio-results-heading">
          <div className="results-bar">
            <Heading level={2} data-size="xs" id="portfolio-results-heading">{t('portfolio.list.results')}</Heading>
            <Field data-size="sm" className="sort-field">
              <Label htmlFor={sortId}>{t('portfolio.list.sortBy')}</Label>
              <Select id={sortId} value={filters.sort} onChange={(event) => update({ sort: event.target.value as typeof filters.sort })}>
                {SORTS.map((sort) => (
                  <Select.Option key={sort} value={sort}>{t(`portfolio.sort.${sort}`)}</Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <p className="result-count" role="status" aria-live="polite">
            {data ? t('portfolio.list.count', { count: data.total }) : resource.status === 'loading' ? t('portfolio.loading') : ''}
          </p>
          {resource.status === 'loading' && !data && <Spinner aria-label={t('portfolio.loading')} />}
          {resource.status === 'error' && <Alert data-color="danger">{resource.error.message}</Alert>}
          {data && data.items.length === 0 && (
            <Alert data-color="info">
              <Heading level={3} data-size="2xs">{t('portfolio.list.none')}</Heading>
              <Paragraph>{t('portfolio.list.noneHelp')}</Paragraph>
            </Alert>
          )}
          {data && data.items.length > 0 && (
            <ul className="initiative-list">
              {data.items.map((initiative) => (
                <InitiativeCard key={initiative.id} initiative={initiative} />
              ))}
            </ul>
          )}
          {data && totalPages > 1 && <PageNavigation keyPrefix="portfolio.list" page={filters.page} totalPages={totalPages} onPage={(page) => update({ page })} />}
        </section>
      </div>
    </div>
  );
}
