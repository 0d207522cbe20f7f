import { useEffect, useId, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Spinner,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { APPLICANT_TYPES, INTERREG_STRANDS, MUNICIPAL_SECTORS, POLICY_OBJECTIVES, PROGRAMME_KINDS } from '../../../src/reference/codes.js';
import { ApiError, getJson } from '../app/api.js';
import { useAddressFilters } from '../app/useAddressFilters.js';
import { useCodeName } from '../app/code-names.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageNavigation } from '../app/PageNavigation.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { SORTS, activeFilterCount, filtersFromParams, paramsFromFilters, type CatalogueFilters } from './filters.js';
import { fundingRateText } from './format.js';
import type { ProgrammeListResponse, ProgrammeSummary } from './types.js';

const PAGE_SIZE = 20;
const TYPING_DELAY_MS = 200;
const FUNDING_RATE_STEPS = [50, 60, 75, 100];

type ListState = { status: 'loading' } | { status: 'ready'; data: ProgrammeListResponse } | { status: 'error'; message: string };

function useProgrammeSearch(filters: CatalogueFilters, language: string): ListState {
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const query = paramsFromFilters(filters);
  query.set('pageSize', String(PAGE_SIZE));
  const key = query.toString();
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    getJson<ProgrammeListResponse>('/api/programmes', new URLSearchParams(key), controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: error instanceof ApiError ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [key, language]);
  return state;
}

function CheckboxGroup({ legend, name, values, selected, label, onChange }: {
  legend: string;
  name: keyof CatalogueFilters;
  values: readonly string[];
  selected: string[];
  label: (value: string) => string;
  onChange: (next: string[]) => void;
}) {
  return (
    <Fieldset data-size="sm">
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {values.map((value) => (
        <Checkbox
          key={value}
          name={name}
          value={value}
          label={label(value)}
          checked={selected.includes(value)}
          onChange={(event) => onChange(event.target.checked ? [...selected, value] : selected.filter((v) => v !== value))}
        />
      ))}
    </Fieldset>
  );
}

function ProgrammeCard({ programme }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  return (
    <Card data-color="neutral" className="programme-card" asChild>
      <li>
        <Heading level={2} data-size="xs">
          <RouterLink to={`/programmes/${programme.id}`}>{programme.name}</RouterLink>
        </Heading>
        <div className="tag-row">
          <Tag data-color="brand1" data-size="sm">{codeName('programmeKind', programme.kind)}</Tag>
          {programme.interregStrand && <Tag data-color="brand2" data-size="sm">{codeName('interregStrand', programme.interregStrand)}</Tag>}
          <Tag data-color="neutral" data-size="sm">
            {programme.period.end ? `${programme.period.start}–${programme.period.end}` : t('catalogue.fromYear', { year: programme.period.start })}
          </Tag>
        </div>
        <Paragraph data-size="sm" className="programme-card__summary">{programme.summary}</Paragraph>
        <dl className="fact-row">
          <div>
            <dt>{t('catalogue.fundingRate')}</dt>
            <dd>{fundingRateText(programme.fundingRate, t)}</dd>
          </div>
          <div>
            <dt>{t('catalogue.priorities')}</dt>
            <dd>{programme.priorityCount}</dd>
          </div>
          <div>
            <dt>{t('catalogue.sectors')}</dt>
            <dd>{programme.sectors.map((sector) => codeName('municipalSector', sector)).join(', ')}</dd>
          </div>
        </dl>
      </li>
    </Card>
  );
}

export default function ProgrammeListPage() {
  const { t, i18n } = useTranslation();
  const codeName = useCodeName();
  const { filters, update } = useAddressFilters(filtersFromParams, paramsFromFilters);
  const [typed, setTyped] = useState(filters.q);
  const state = useProgrammeSearch(filters, i18n.language);
  const ids = { sort: useId(), rate: useId(), applicant: useId(), filterControls: useId() };
  const [filtersOpen, setFiltersOpen] = useState(false);
  useDocumentTitle(t('catalogue.title'));

  // Search as you type, without a history entry per keystroke.
  useEffect(() => {
    if (typed === filters.q) return;
    const timer = setTimeout(() => update({ q: typed }, { replace: true }), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]); // Only typing starts the timer; `update` builds on the latest filters asked for when it fires.

  // Back/forward or a shared link changes q under us: show it in the field.
  useEffect(() => setTyped(filters.q), [filters.q]);

  const data = state.status === 'ready' ? state.data : undefined;
  const totalPages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const filterCount = activeFilterCount(filters);

  return (
    <div className="catalogue">
      <PageHeading>{t('catalogue.title')}</PageHeading>
      <Paragraph className="lead">{t('catalogue.intro')}</Paragraph>
      <search className="catalogue-search" role="search">
        <Textfield
          label={t('catalogue.searchLabel')}
          description={t('catalogue.searchHelp')}
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
        <aside className="catalogue-filters" aria-labelledby="filters-heading">
          <Heading level={2} data-size="xs" id="filters-heading">
            {t('catalogue.filters')} {filterCount > 0 && <span className="sr-only">({t('catalogue.activeFilters', { count: filterCount })})</span>}
          </Heading>
          {/* On a phone the controls fold away, so the results are not a screen-length scroll below them. */}
          <Button className="filters-toggle" variant="secondary" data-size="sm" aria-expanded={filtersOpen} aria-controls={ids.filterControls} onClick={() => setFiltersOpen((open) => !open)}>
            {filtersOpen ? t('catalogue.hideFilters') : t('catalogue.showFilters')}
            {filterCount > 0 && ` (${t('catalogue.activeFilters', { count: filterCount })})`}
          </Button>
          <div className="catalogue-filter-controls" id={ids.filterControls} data-open={filtersOpen}>
          {filterCount > 0 && (
            <Button variant="tertiary" data-size="sm" onClick={() => update({ sector: [], applicantType: [], kind: [], strand: [], policyObjective: [], minFundingRate: undefined })}>
              {t('catalogue.clearFilters')}
            </Button>
          )}
          <CheckboxGroup legend={t('catalogue.sector')} name="sector" values={MUNICIPAL_SECTORS} selected={filters.sector} label={(v) => codeName('municipalSector', v)} onChange={(sector) => update({ sector })} />
          <Field data-size="sm">
            <Label htmlFor={ids.applicant}>{t('catalogue.applicantType')}</Label>
            <Select id={ids.applicant} value={filters.applicantType[0] ?? ''} onChange={(event) => update({ applicantType: event.target.value ? [event.target.value] : [] })}>
              <Select.Option value="">{t('catalogue.anyApplicant')}</Select.Option>
              {APPLICANT_TYPES.map((type) => (
                <Select.Option key={type} value={type}>{codeName('applicantType', type)}</Select.Option>
              ))}
            </Select>
          </Field>
          <CheckboxGroup legend={t('catalogue.kind')} name="kind" values={PROGRAMME_KINDS} selected={filters.kind} label={(v) => codeName('programmeKind', v)} onChange={(kind) => update({ kind })} />
          <CheckboxGroup legend={t('catalogue.strand')} name="strand" values={INTERREG_STRANDS} selected={filters.strand} label={(v) => codeName('interregStrand', v)} onChange={(strand) => update({ strand })} />
          <CheckboxGroup legend={t('catalogue.policyObjective')} name="policyObjective" values={POLICY_OBJECTIVES} selected={filters.policyObjective} label={(v) => `${v}: ${codeName('policyObjective', v)}`} onChange={(policyObjective) => update({ policyObjective })} />
          <Field data-size="sm">
            <Label htmlFor={ids.rate}>{t('catalogue.minFundingRate')}</Label>
            <Select id={ids.rate} value={filters.minFundingRate === undefined ? '' : String(filters.minFundingRate)} onChange={(event) => update({ minFundingRate: event.target.value === '' ? undefined : Number(event.target.value) })}>
              <Select.Option value="">{t('catalogue.anyFundingRate')}</Select.Option>
              {FUNDING_RATE_STEPS.map((rate) => (
                <Select.Option key={rate} value={String(rate)}>{t('catalogue.atLeastPercent', { percent: rate })}</Select.Option>
              ))}
            </Select>
          </Field>
          </div>
        </aside>
        <section className="catalogue-results" aria-labelledby="results-heading">
          <div className="results-bar">
            <Heading level={2} data-size="xs" id="results-heading">{t('catalogue.results')}</Heading>
            <Field data-size="sm" className="sort-field">
              <Label htmlFor={ids.sort}>{t('catalogue.sortBy')}</Label>
              <Select id={ids.sort} value={filters.sort ?? (filters.q ? 'relevance' : 'name')} onChange={(event) => update({ sort: event.target.value as CatalogueFilters['sort'] })}>
                {SORTS.map((sort) => (
                  <Select.Option key={sort} value={sort}>{t(`catalogue.sort.${sort}`)}</Select.Option>
                ))}
              </Select>
            </Field>
          </div>
          <p className="result-count" role="status" aria-live="polite">
            {state.status === 'loading' && !data
              ? t('catalogue.loading')
              : data?.spelledAs
                ? t('catalogue.spelledAs', { count: data.total, typed: filters.q, spelled: data.spelledAs })
                : data
                  ? t('catalogue.resultCount', { count: data.total })
                  : ''}
          </p>
          {state.status === 'loading' && !data && <Spinner aria-label={t('catalogue.loading')} />}
          {state.status === 'error' && <Alert data-color="danger">{state.message}</Alert>}
          {data && data.items.length === 0 && (
            <Alert data-color="info">
              <Heading level={3} data-size="2xs">{t('catalogue.noResults')}</Heading>
              <Paragraph>{t('catalogue.noResultsHelp')}</Paragraph>
            </Alert>
          )}
          {data && data.items.length > 0 && (
            <ul className="programme-list" lang={data.language}>
              {data.items.map((programme) => (
                <ProgrammeCard key={programme.id} programme={programme} />
              ))}
            </ul>
          )}
          {data && totalPages > 1 && <PageNavigation keyPrefix="catalogue" page={filters.page} totalPages={totalPages} onPage={(page) => update({ page })} />}
        </section>
      </div>
    </div>
  );
}
