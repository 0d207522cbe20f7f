import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Card, Heading, Link, List, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import type { Programme, Source } from '../../../src/catalogue/schema.js';
import type { Language } from '../../../src/reference/codes.js';
import { INTL_LOCALES } from '../app/i18n.js';
import { ApiError, getJson } from '../app/api.js';
import { useCodeName } from '../app/code-names.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import NotFoundPage from '../pages/NotFoundPage.js';
import { fundingRateText } from './format.js';
import type { ProgrammeDetailResponse } from './types.js';


type DetailState = { status: 'loading' } | { status: 'ready'; programme: Programme } | { status: 'not-found' } | { status: 'error'; message: string };

function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

function formatAmount(value: number, currency: string, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALES[language], { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

/** Where a fact comes from, and whether it still needs checking. */
function Provenance({ fact, sources, language }: { fact: { source: string; mustBeChecked?: boolean | undefined; checkNote?: Record<Language, string> | undefined }; sources: Source[]; language: Language }) {
  const { t } = useTranslation();
  const source = sources.find((s) => s.id === fact.source);
  return (
    <p className="provenance">
      {fact.mustBeChecked && (
        <Tag data-color="warning" data-size="sm" className="must-check">
          {t('programme.mustBeChecked')}
        </Tag>
      )}{' '}
      {fact.checkNote && <span>{fact.checkNote[language]} </span>}
      {source && (
        <span>
          {t('programme.source')}: <a href={`#source-${source.id}`}>{source.title}</a> ({t('programme.checkedOn', { date: formatDate(source.checked, language) })})
        </span>
      )}
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="programme-section">
      <Heading level={2} data-size="sm" id={id}>{title}</Heading>
      {children}
    </section>
  );
}

function ProgrammeView({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const codeName = useCodeName();
  const { sources } = programme;
  useDocumentTitle(programme.name[language]);

  return (
    <article className="programme">
      <nav aria-label={t('programme.breadcrumbs')} className="breadcrumbs">
        <Link asChild>
          <RouterLink to="/programmes">{t('catalogue.title')}</RouterLink>
        </Link>
      </nav>
      <PageHeading>{programme.name[language]}</PageHeading>
      <div className="tag-row">
        <Tag data-color="brand1">{codeName('programmeKind', programme.kind)}</Tag>
        {programme.interregStrand && <Tag data-color="brand2">{codeName('interregStrand', programme.interregStrand)}</Tag>}
        <Tag data-color="neutral">{codeName('programmeStatus', programme.status)}</Tag>
        <Tag data-color="neutral">{programme.period.end ? `${programme.period.start}–${programme.period.end}` : t('catalogue.fromYear', { year: programme.period.start })}</Tag>
      </div>
      <Paragraph className="lead">{programme.summary[language]}</Paragraph>

      <Section id="facts" title={t('programme.keyFacts')}>
        <dl className="facts">
          <dt>{t('catalogue.fundingRate')}</dt>
          <dd>
            <strong>{fundingRateText(programme.fundingRate, t)}</strong> — {programme.fundingRate.covers[language]}
            <Provenance fact={programme.fundingRate} sources={sources} language={language} />
          </dd>
          <dt>{t('programme.coFinancing')}</dt>
          <dd>
            {programme.coFinancing.rules[language]}
            <Provenance fact={programme.coFinancing} sources={sources} language={language} />
          </dd>
          <dt>{t('programme.whoMayApply')}</dt>
          <dd>
            {programme.applicants.eligible.length > 0 && <span>{programme.applicants.eligible.map((code) => codeName('applicantType', code)).join(', ')}.</span>}
            {programme.applicants.excluded.length > 0 && (
              <span> {t('programme.notEligible')}: {programme.applicants.excluded.map((code) => codeName('applicantType', code)).join(', ')}.</span>
            )}
            {programme.applicants.note && <span> {programme.applicants.note[language]}</span>}
            <Provenance fact={programme.applicants} sources={sources} language={language} />
          </dd>
          <dt>{t('programme.partners')}</dt>
          <dd>
            {programme.partnership.minPartners !== undefined && <span>{t('programme.minPartners', { count: programme.partnership.minPartners })} </span>}
            {programme.partnership.requiredCountries.length > 0 && (
              <span>{t('programme.requiredCountries', { countries: programme.partnership.requiredCountries.map((c) => countryName(c, language)).join(', ') })} </span>
            )}
            {programme.partnership.note && <span>{programme.partnership.note[language]}</span>}
            <Provenance fact={programme.partnership} sources={sources} language={language} />
          </dd>
          <dt>{t('catalogue.sectors')}</dt>
          <dd>{programme.sectors.map((sector) => codeName('municipalSector', sector)).join(', ')}</dd>
        </dl>
      </Section>

      {programme.projectTypes.length > 0 && (
        <Section id="project-types" title={t('programme.projectTypes')}>
          {/* Scrolls sideways on a narrow screen; focusable so keyboard users can scroll it too. */}
          <div className="table-scroll" tabIndex={0}>
          <Table zebra className="project-types">
            <caption className="sr-only">{t('programme.projectTypes')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('programme.projectType')}</Table.HeaderCell>
                <Table.HeaderCell>{t('programme.maxDuration')}</Table.HeaderCell>
                <Table.HeaderCell>{t('programme.amount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('programme.notes')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {programme.projectTypes.map((entry) => (
                <Table.Row key={entry.type}>
                  <Table.HeaderCell scope="row">{entry.name?.[language] ?? codeName('projectType', entry.type)}</Table.HeaderCell>
                  <Table.Cell>{entry.maxMonths ? t('programme.months', { count: entry.maxMonths }) : '—'}</Table.Cell>
                  <Table.Cell>
                    {entry.currency && (entry.minAmount !== undefined || entry.maxAmount !== undefined)
                      ? [entry.minAmount, entry.maxAmount].map((v) => (v === undefined ? '…' : formatAmount(v, entry.currency!, language))).join(' – ')
                      : '—'}
                  </Table.Cell>
                  <Table.Cell>
                    {entry.note?.[language]}
                    <Provenance fact={entry} sources={sources} language={language} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          </div>
        </Section>
      )}

      <Section id="priorities" title={t('programme.priorities', { count: programme.priorities.length })}>
        <ol className="priority-list">
          {programme.priorities.map((priority) => (
            <li key={priority.code}>
              <Card data-color="neutral">
                {priority.objective && <Paragraph data-size="sm" className="objective">{priority.objective[language]}</Paragraph>}
                <Heading level={3} data-size="xs">
                  {priority.code}. {priority.name[language]}
                </Heading>
                {(priority.policyObjective || priority.specificObjective) && (
                  <div className="tag-row">
                    {priority.policyObjective && <Tag data-size="sm" data-color="brand2">{priority.policyObjective}: {codeName('policyObjective', priority.policyObjective)}</Tag>}
                    {priority.specificObjective && <Tag data-size="sm" data-color="neutral">{t('programme.specificObjective')} {priority.specificObjective}</Tag>}
                  </div>
                )}
                <Paragraph>{priority.description[language]}</Paragraph>
                {priority.examples.length > 0 && (
                  <>
                    <Heading level={4} data-size="2xs">{t('programme.examples')}</Heading>
                    <List.Unordered>
                      {priority.examples.map((example) => (
                        <List.Item key={example.en}>{example[language]}</List.Item>
                      ))}
                    </List.Unordered>
                  </>
                )}
                <Provenance fact={priority} sources={sources} language={language} />
              </Card>
            </li>
          ))}
        </ol>
      </Section>

      {programme.crossBorderQuestions && programme.crossBorderQuestions.length > 0 && (
        <Section id="added-value" title={t('programme.crossBorderQuestions')}>
          <List.Unordered>
            {programme.crossBorderQuestions.map((question) => (
              <List.Item key={question.en}>{question[language]}</List.Item>
            ))}
          </List.Unordered>
        </Section>
      )}

      <UpcomingCalls programmeId={programme.id} language={language} />

      <Section id="area" title={t('programme.area')}>
        <Paragraph>{programme.area.description[language]}</Paragraph>
        {programme.area.nuts.length > 0 && <Paragraph data-size="sm">{t('programme.nutsCodes')}: {programme.area.nuts.join(', ')}</Paragraph>}
        <Provenance fact={programme.area} sources={sources} language={language} />
      </Section>

      <Section id="guidance" title={t('programme.guidance')}>
        <ul className="guidance-list">
          {programme.guidance.map((body) => (
            <li key={body.name.en}>
              <strong>{body.url ? <Link href={body.url}>{body.name[language]}</Link> : body.name[language]}</strong>
              <span> — {body.role[language]}</span>
              <Provenance fact={body} sources={sources} language={language} />
            </li>
          ))}
        </ul>
      </Section>

      {programme.links.length > 0 && (
        <Section id="links" title={t('programme.links')}>
          <List.Unordered>
            {programme.links.map((link) => (
              <List.Item key={link.url}>
                <Link href={link.url}>{link.title[language]}</Link>
              </List.Item>
            ))}
          </List.Unordered>
        </Section>
      )}

      <Section id="sources" title={t('programme.sources')}>
        <ol className="source-list">
          {sources.map((source) => (
            <li key={source.id} id={`source-${source.id}`}>
              <Link href={source.url}>{source.title}</Link>
              {source.publisher && <span>, {source.publisher}</span>}
              <span> — {t('programme.checkedOn', { date: formatDate(source.checked, language) })}</span>
            </li>
          ))}
        </ol>
      </Section>
    </article>
  );
}

interface CallsResponse {
  items: Array<{ id: string; title: string; deadline: string | null; status: 'open' | 'forthcoming' | 'closed'; url: string | null }>;
  total: number;
}

function UpcomingCalls({ programmeId, language }: { programmeId: string; language: Language }) {
  const { t } = useTranslation();
  const [calls, setCalls] = useState<CallsResponse | undefined>();
  useEffect(() => {
    const controller = new AbortController();
    getJson<CallsResponse>(`/api/programmes/${encodeURIComponent(programmeId)}/calls`, new URLSearchParams({ pageSize: '5' }), controller.signal).then(setCalls, () => undefined);
    return () => controller.abort();
  }, [programmeId]);
  if (!calls) return null;
  return (
    <Section id="calls" title={t('programme.calls')}>
      {calls.items.length === 0 ? (
        <Paragraph>{t('programme.callsNone')}</Paragraph>
      ) : (
        <>
          <ul className="call-list">
            {calls.items.map((call) => (
              <li key={call.id}>
                {call.url ? <Link href={call.url}>{call.title}</Link> : call.title}{' '}
                <Tag data-size="sm" data-color={call.status === 'open' ? 'success' : 'info'}>{t(`programme.callStatus.${call.status}`)}</Tag>
                {call.deadline && <span className="call-deadline"> {t('programme.deadline')}: {formatDate(call.deadline, language)}</span>}
              </li>
            ))}
          </ul>
          {calls.total > calls.items.length && <Paragraph data-size="sm">{t('programme.callsMore', { count: calls.total - calls.items.length })}</Paragraph>}
          <Paragraph data-size="sm" className="provenance">{t('programme.callsSource')}</Paragraph>
        </>
      )}
    </Section>
  );
}

function countryName(code: string, language: Language): string {
  return new Intl.DisplayNames(INTL_LOCALES[language], { type: 'region' }).of(code) ?? code;
}

export default function ProgrammePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<DetailState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getJson<ProgrammeDetailResponse>(`/api/programmes/${encodeURIComponent(id)}`, undefined, controller.signal).then(
      (data) => setState({ status: 'ready', programme: data.programme }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) setState({ status: 'not-found' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [id]);

  if (state.status === 'not-found') return <NotFoundPage />;
  if (state.status === 'error')
    return (
      <>
        <PageHeading>{t('programme.errorTitle')}</PageHeading>
        <Alert data-color="danger">{state.message}</Alert>
      </>
    );
  if (state.status === 'loading')
    return (
      <>
        <h1 className="sr-only">{t('catalogue.loading')}</h1>
        <Spinner aria-label={t('catalogue.loading')} />
      </>
    );
  return <ProgrammeView programme={state.programme} key={i18n.language} />;
}
