import { useEffect, useId, useMemo, useRef, useState, type ComponentRef, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Details, ErrorSummary, Field, Fieldset, Heading, Label, Paragraph, Select, Spinner, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { APPLICANT_TYPES, MUNICIPAL_SECTORS, PROJECT_TYPES, type Language } from '../../../src/reference/codes.js';
import { INTL_LOCALES } from '../app/i18n.js';
import { ApiError, getJson } from '../app/api.js';
import { useCodeName, type CodeList } from '../app/code-names.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useSession } from '../app/session.js';
import { EMPTY_FORM, formFromParams, paramsFromForm, requestBody, type NavigatorForm } from './form-state.js';
import { ResultCard } from './ResultCard.js';
import { SaveToPortfolio, SaveToPortfolioProvider } from '../portfolio/SaveToPortfolio.js';
import type { MatchResult } from './types.js';

const IDEA_LIMIT = 5000;
const SHOWN_AT_FIRST = 10;
const DRAFT_KEY = 'mulighetsrom.navigator.draft';
const COUNTRIES = ['NO', 'SE', 'DK', 'FI', 'IS', 'DE', 'NL', 'BE', 'FR', 'PL', 'EE', 'LV', 'LT', 'IE', 'ES', 'IT', 'AT', 'CZ', 'SK', 'SI', 'HR', 'HU', 'RO', 'BG', 'PT', 'GR', 'CY', 'MT', 'LU', 'FO', 'GL'];

interface Places {
  NO: { regions: Array<{ code: string; name: string }>; municipalities: Array<{ code: string; name: string; region: string }> };
  SE: { regions: Array<{ code: string; name: string }>; municipalities: Array<{ code: string; name: string; region: string }> };
}

type Answer = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; results: MatchResult[] } | { status: 'error'; message: string; field?: string | undefined };

/** A signed-in person's session refuses a POST without its CSRF token, also for this read-only question. */
async function postMatch(body: Record<string, unknown>, signal: AbortSignal, csrfToken: string | null): Promise<MatchResult[]> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) };
  const response = await fetch('/api/navigator/match', { method: 'POST', headers, body: JSON.stringify(body), signal });
  const json = (await response.json().catch(() => ({}))) as { results?: MatchResult[]; message?: string; field?: string };
  if (!response.ok) throw new ApiError(response.status, json.message ?? response.statusText, json.field);
  return json.results ?? [];
}

/** The field id in the form for an API field path, so errors can point at it. */
const FIELD_IDS: Record<string, string> = {
  idea: 'nav-idea',
  'applicant.type': 'nav-type',
  'applicant.country': 'nav-country',
  'applicant.municipality': 'nav-municipality',
  'applicant.region': 'nav-region',
  budgetNok: 'nav-budget',
  durationMonths: 'nav-months',
};
const fieldId = (field: string | undefined) => (field ? (FIELD_IDS[field] ?? (/^partners\.(\d+)\.(\w+)$/.exec(field) ? `nav-partner-${field.split('.')[1]}-${field.split('.')[2]}` : undefined)) : undefined);

function loadDraft(): NavigatorForm | undefined {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    return raw ? { ...EMPTY_FORM, ...(JSON.parse(raw) as Partial<NavigatorForm>) } : undefined;
  } catch {
    return undefined;
  }
}

/** A labelled select of a code list with "not given" first. */
function OptionalCodeSelect({ id, label, list, codes, value, onChange }: { id: string; label: string; list: CodeList; codes: readonly string[]; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const codeName = useCodeName();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <Select.Option value="">{t('navigator.notGiven')}</Select.Option>
        {codes.map((code) => (
          <Select.Option key={code} value={code}>{codeName(list, code)}</Select.Option>
        ))}
      </Select>
    </Field>
  );
}

export default function NavigatorPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const codeName = useCodeName();
  const [params, setParams] = useSearchParams();
  const submitted = useMemo(() => formFromParams(params), [params]);
  const { csrfToken, loading: sessionLoading } = useSession();
  const [form, setForm] = useState<NavigatorForm>(() => submitted ?? loadDraft() ?? EMPTY_FORM);
  const [answer, setAnswer] = useState<Answer>({ status: 'idle' });
  const [places, setPlaces] = useState<Places | undefined>();
  const [showAll, setShowAll] = useState(false);
  const errorSummary = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const ids = { sector: useId(), projectType: useId() };
  useDocumentTitle(t('navigator.title'));

  useEffect(() => {
    getJson<Places>('/api/reference/places').then(setPlaces, () => setPlaces(undefined));
  }, []);

  // Drafts autosave: nothing typed is lost if the tab closes before the search runs.
  useEffect(() => {
    const timer = setTimeout(() => localStorage.setItem(DRAFT_KEY, JSON.stringify(form)), 300);
    return () => clearTimeout(timer);
  }, [form]);

  // The question in the address bar is the one answered (shared links, back and forward, language switch).
  useEffect(() => {
    if (!submitted || sessionLoading) return;
    setForm(submitted);
    const controller = new AbortController();
    setAnswer({ status: 'loading' });
    postMatch(requestBody(submitted, language), controller.signal, csrfToken).then(
      (results) => {
        setAnswer({ status: 'ready', results });
        setShowAll(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setAnswer({ status: 'error', message: error instanceof Error ? error.message : String(error), field: error instanceof ApiError ? error.field : undefined });
      },
    );
    return () => controller.abort();
  }, [submitted, language, sessionLoading, csrfToken]);

  useEffect(() => {
    if (answer.status === 'error' && answer.field) errorSummary.current?.focus();
    if (answer.status === 'ready') resultsHeading.current?.focus();
  }, [answer]);

  const update = (change: Partial<NavigatorForm>) => setForm((previous) => ({ ...previous, ...change }));
  const updatePartner = (index: number, change: Partial<NavigatorForm['partners'][number]>) =>
    setForm((previous) => ({ ...previous, partners: previous.partners.map((p, i) => (i === index ? { ...p, ...change } : p)) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsFromForm(form));
  };
  const errorFor = (id: string) => (answer.status === 'error' && fieldId(answer.field) === id ? answer.message : undefined);

  const eligible = answer.status === 'ready' ? answer.results.filter((r) => r.verdict !== 'ineligible') : [];
  const ineligible = answer.status === 'ready' ? answer.results.filter((r) => r.verdict === 'ineligible') : [];
  const countryNames = new Intl.DisplayNames(INTL_LOCALES[language], { type: 'region' });
  const regionsOf = (country: string) => (country === 'NO' || country === 'SE' ? places?.[country].regions : undefined);
  const municipalitiesOf = (country: string) => (country === 'NO' || country === 'SE' ? places?.[country].municipalities : undefined);

  return (
    <div className="navigator">
      <PageHeading>{t('navigator.title')}</PageHeading>
      <Paragraph className="lead">{t('navigator.intro')}</Paragraph>

      {answer.status === 'error' && answer.field && (
        <ErrorSummary ref={errorSummary} tabIndex={-1}>
          <ErrorSummary.Heading>{t('navigator.errorHeading')}</ErrorSummary.Heading>
          <ErrorSummary.List>
            <ErrorSummary.Item>
              <ErrorSummary.Link href={`#${fieldId(answer.field) ?? 'nav-idea'}`}>{answer.message}</ErrorSummary.Link>
            </ErrorSummary.Item>
          </ErrorSummary.List>
        </ErrorSummary>
      )}

      <form className="navigator-form" onSubmit={submit} noValidate>
        <Textfield
          id="nav-idea"
          label={t('navigator.idea')}
          description={t('navigator.ideaHelp')}
          multiline
          rows={4}
          value={form.idea}
          counter={{ limit: IDEA_LIMIT, over: t('navigator.tooLong'), under: t('navigator.charactersLeft') }}
          error={errorFor('nav-idea')}
          onChange={(event) => update({ idea: event.target.value })}
        />

        <Fieldset>
          <Fieldset.Legend>{t('navigator.applicant')}</Fieldset.Legend>
          <div className="form-grid">
            <Field>
              <Label htmlFor="nav-type">{t('navigator.applicantType')}</Label>
              <Select id="nav-type" value={form.applicantType} onChange={(event) => update({ applicantType: event.target.value })}>
                {APPLICANT_TYPES.map((type) => (
                  <Select.Option key={type} value={type}>{codeName('applicantType', type)}</Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="nav-country">{t('navigator.country')}</Label>
              <Select id="nav-country" value={form.country} aria-invalid={Boolean(errorFor('nav-country'))} onChange={(event) => update({ country: event.target.value, municipality: '', region: '' })}>
                {COUNTRIES.map((code) => (
                  <Select.Option key={code} value={code}>{countryNames.of(code)}</Select.Option>
                ))}
              </Select>
              {errorFor('nav-country') && <ValidationMessage>{errorFor('nav-country')}</ValidationMessage>}
            </Field>
            {municipalitiesOf(form.country) && (
              <Field>
                <Label htmlFor="nav-municipality">{t('navigator.municipality')}</Label>
                <Select id="nav-municipality" value={form.municipality} aria-invalid={Boolean(errorFor('nav-municipality'))} onChange={(event) => update({ municipality: event.target.value })}>
                  <Select.Option value="">{t('navigator.notGiven')}</Select.Option>
                  {regionsOf(form.country)?.map((region) => (
                    <Select.Optgroup key={region.code} label={region.name}>
                      {municipalitiesOf(form.country)!.filter((m) => m.region === region.code).map((m) => (
                        <Select.Option key={m.code} value={m.code}>{m.name}</Select.Option>
                      ))}
                    </Select.Optgroup>
                  ))}
                </Select>
                {errorFor('nav-municipality') && <ValidationMessage>{errorFor('nav-municipality')}</ValidationMessage>}
              </Field>
            )}
            {!form.municipality && (
              <Field>
                <Label htmlFor="nav-region">{t('navigator.region')}</Label>
                {regionsOf(form.country) ? (
                  <Select id="nav-region" value={form.region} onChange={(event) => update({ region: event.target.value })}>
                    <Select.Option value="">{t('navigator.notGiven')}</Select.Option>
                    {regionsOf(form.country)!.map((region) => (
                      <Select.Option key={region.code} value={region.code}>{region.name}</Select.Option>
                    ))}
                  </Select>
                ) : (
                  <Textfield id="nav-region" aria-label={t('navigator.region')} description={t('navigator.nutsHelp')} value={form.region} error={errorFor('nav-region')} onChange={(event) => update({ region: event.target.value })} />
                )}
              </Field>
            )}
          </div>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('navigator.partners')}</Fieldset.Legend>
          <Fieldset.Description>{t('navigator.partnersHelp')}</Fieldset.Description>
          {form.partners.map((partner, index) => (
            <div className="form-grid partner-row" key={index}>
              <Field>
                <Label htmlFor={`nav-partner-${index}-country`}>{t('navigator.partnerCountry', { number: index + 1 })}</Label>
                <Select id={`nav-partner-${index}-country`} value={partner.country} onChange={(event) => updatePartner(index, { country: event.target.value, region: '' })}>
                  {COUNTRIES.map((code) => (
                    <Select.Option key={code} value={code}>{countryNames.of(code)}</Select.Option>
                  ))}
                </Select>
              </Field>
              <Field>
                <Label htmlFor={`nav-partner-${index}-region`}>{t('navigator.partnerRegion', { number: index + 1 })}</Label>
                {regionsOf(partner.country) ? (
                  <Select id={`nav-partner-${index}-region`} value={partner.region} onChange={(event) => updatePartner(index, { region: event.target.value })}>
                    <Select.Option value="">{t('navigator.notGiven')}</Select.Option>
                    {regionsOf(partner.country)!.map((region) => (
                      <Select.Option key={region.code} value={region.code}>{region.name}</Select.Option>
                    ))}
                  </Select>
                ) : (
                  <Textfield id={`nav-partner-${index}-region`} aria-label={t('navigator.partnerRegion', { number: index + 1 })} value={partner.region} error={errorFor(`nav-partner-${index}-region`)} onChange={(event) => updatePartner(index, { region: event.target.value })} />
                )}
              </Field>
              <OptionalCodeSelect id={`nav-partner-${index}-type`} label={t('navigator.partnerType', { number: index + 1 })} list="applicantType" codes={APPLICANT_TYPES} value={partner.type} onChange={(type) => updatePartner(index, { type })} />
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setForm((previous) => ({ ...previous, partners: previous.partners.filter((_, i) => i !== index) }))}>
                {t('navigator.removePartner', { number: index + 1 })}
              </Button>
            </div>
          ))}
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setForm((previous) => ({ ...previous, partners: [...previous.partners, { country: 'SE', region: '', type: '' }] }))}>
            {t('navigator.addPartner')}
          </Button>
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('navigator.project')}</Fieldset.Legend>
          <div className="form-grid">
            <OptionalCodeSelect id={ids.sector} label={t('catalogue.sector')} list="municipalSector" codes={MUNICIPAL_SECTORS} value={form.sector} onChange={(sector) => update({ sector })} />
            <OptionalCodeSelect id={ids.projectType} label={t('programme.projectType')} list="projectType" codes={PROJECT_TYPES} value={form.projectType} onChange={(projectType) => update({ projectType })} />
            <Textfield id="nav-budget" label={t('navigator.budget')} suffix="NOK" inputMode="decimal" value={form.budgetNok} error={errorFor('nav-budget')} onChange={(event) => update({ budgetNok: event.target.value })} />
            <Textfield id="nav-months" label={t('navigator.duration')} suffix={t('navigator.monthsSuffix')} inputMode="numeric" value={form.durationMonths} error={errorFor('nav-months')} onChange={(event) => update({ durationMonths: event.target.value })} />
          </div>
        </Fieldset>

        <div className="form-actions">
          <Button type="submit">{t('navigator.submit')}</Button>
          <Button type="button" variant="tertiary" onClick={() => setForm({ ...EMPTY_FORM, partners: [] })}>{t('navigator.clear')}</Button>
        </div>
      </form>

      <section aria-labelledby="navigator-results" className="navigator-results">
        <p role="status" aria-live="polite" className="sr-only">
          {answer.status === 'loading' ? t('navigator.searching') : answer.status === 'ready' ? t('navigator.resultCount', { count: eligible.length }) : ''}
        </p>
        {answer.status === 'loading' && <Spinner aria-label={t('navigator.searching')} />}
        {answer.status === 'error' && !answer.field && <Alert data-color="danger">{answer.message}</Alert>}
        {answer.status === 'ready' && (
          <>
            <div className="results-bar">
              <Heading level={2} data-size="sm" id="navigator-results" ref={resultsHeading} tabIndex={-1}>
                {t('navigator.resultCount', { count: eligible.length })}
              </Heading>
              <Button type="button" variant="secondary" data-size="sm" onClick={() => window.print()}>{t('navigator.print')}</Button>
            </div>
            <Paragraph data-size="sm">{t('navigator.disclaimer')}</Paragraph>
            <SaveToPortfolioProvider>
              <ol className="result-list">
                {(showAll ? eligible : eligible.slice(0, SHOWN_AT_FIRST)).map((result) => (
                  <ResultCard
                    key={`${result.programmeId}/${result.priorityCode}`}
                    result={result}
                    actions={submitted && <SaveToPortfolio idea={submitted.idea} programmeId={result.programmeId} priorityCode={result.priorityCode} programmeName={result.programmeName} navigatorQuery={Object.fromEntries(paramsFromForm(submitted))} />}
                  />
                ))}
              </ol>
            </SaveToPortfolioProvider>
            {!showAll && eligible.length > SHOWN_AT_FIRST && (
              <Button type="button" variant="secondary" onClick={() => setShowAll(true)}>{t('navigator.showAll', { count: eligible.length })}</Button>
            )}
            {ineligible.length > 0 && (
              <section aria-labelledby="navigator-ineligible" className="ineligible">
                <Heading level={2} data-size="xs" id="navigator-ineligible">{t('navigator.ineligibleHeading', { count: ineligible.length })}</Heading>
                <Details>
                  <Details.Summary>{t('navigator.ineligibleShow')}</Details.Summary>
                  <Details.Content>
                    <ul className="ineligible-list">
                      {ineligible.map((result) => (
                        <li key={`${result.programmeId}/${result.priorityCode}`}>
                          <strong>{result.programmeName}{result.priorityCode ? ` – ${result.priorityCode}. ${result.priorityName}` : ''}</strong>:{' '}
                          {result.rules.filter((rule) => rule.outcome === 'not-met').map((rule) => rule.reason).join(' ')}
                        </li>
                      ))}
                    </ul>
                  </Details.Content>
                </Details>
              </section>
            )}
          </>
        )}
      </section>
    </div>
  );
}
