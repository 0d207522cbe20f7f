/**
 * /kartlegging/:id/sammendrag: the round's summary, live while answers arrive (fetched again every half
 * minute while the round is open, and on request). Every chart has its table; groups too small to show
 * are written as "fewer than N", never as zero. Exports: all answers as XLSX, the report as PDF.
 */
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Card, Details, Field, Heading, Label, List, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import type { SchemeSummary, SurveySummary, GroupRate, QuestionSummary } from '../../../src/survey/summary-schema.js';
import { BarChart } from '../app/charts/BarChart.js';
import { useNames } from '../app/names.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { Loading } from '../admin/feedback.js';
import { useResource } from '../admin/resource.js';
import { TableRegion } from '../admin/TableRegion.js';
import { RoundNavigation, RoundStatusTag, SurveyProblem, formatRate } from './shared.js';
import { choiceKeys, groupBars, overallBars, rateCell, schemeBars, type ChoiceLabel } from './summary-view.js';
import '../admin/admin.css';

const REFRESH_MS = 30_000;
const COUNT = { kind: 'count' } as const;
const EXPERIENCE_ORDER = ['earlier', 'ongoing'];

/** Groups left out of a chart because they are too small, named under it. */
function Withheld({ names, minGroupSize }: { names: readonly string[]; minGroupSize: number }) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  return <Paragraph data-size="sm" className="survey-suppressed">{t('survey.summary.withheld', { count: minGroupSize, groups: names.join(', ') })}</Paragraph>;
}

function RateTable({ id, caption, groups, minGroupSize }: { id: string; caption: string; groups: readonly GroupRate[]; minGroupSize: number }) {
  const { t } = useTranslation();
  const names = useNames();
  if (groups.length === 0) return null;
  return (
    <>
      <Heading level={3} data-size="xs" id={id}>{caption}</Heading>
      <TableRegion labelledBy={id}>
        <Table className="admin-table" aria-labelledby={id} data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('survey.summary.group')}</Table.HeaderCell>
              <Table.HeaderCell>{t('survey.summary.invited')}</Table.HeaderCell>
              <Table.HeaderCell>{t('survey.summary.responded')}</Table.HeaderCell>
              <Table.HeaderCell>{t('survey.summary.submitted')}</Table.HeaderCell>
              <Table.HeaderCell>{t('survey.summary.rate')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {groups.map((group) => {
              const cell = rateCell(group);
              return (
                <Table.Row key={group.key ?? group.name}>
                  <Table.HeaderCell scope="row">{group.name}</Table.HeaderCell>
                  {cell.kind === 'withheld' ? (
                    <Table.Cell colSpan={4} className="survey-suppressed">{t('survey.summary.fewerThan', { count: minGroupSize })}</Table.Cell>
                  ) : (
                    <>
                      <Table.Cell>{cell.invited}</Table.Cell>
                      <Table.Cell>{cell.responded}</Table.Cell>
                      <Table.Cell>{cell.submitted}</Table.Cell>
                      <Table.Cell>{formatRate(cell.rate, names.locales)}</Table.Cell>
                    </>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </TableRegion>
    </>
  );
}

/** A choice question: overall, per municipality and per sector, each a chart with its table. */
function QuestionCharts({ question, minGroupSize }: { question: QuestionSummary; minGroupSize: number }) {
  const { t } = useTranslation();
  const choices: ChoiceLabel[] = question.choices.map((choice) => ({ key: choice.key, label: choice.label }));
  const series = choices.map((choice) => ({ label: choice.label }));
  return (
    <>
      {question.items.map((item) => {
        const title = item.rowLabel ? `${question.label} – ${item.rowLabel}` : question.label;
        const municipalities = groupBars(item.distribution.byMunicipality, choices);
        const sectors = groupBars(item.distribution.bySector, choices);
        return (
          <div key={item.row ?? 'all'} className="survey-figure">
            <BarChart caption={t('survey.summary.overallOf', { title, count: item.distribution.overall.size })} categoryLabel={t('survey.summary.answer')} series={[{ label: t('survey.summary.answers') }]} data={overallBars(item.distribution, choices)} format={COUNT} />
            {question.type !== 'multiple' && (
              <>
                <BarChart caption={t('survey.summary.byMunicipalityOf', { title })} categoryLabel={t('survey.summary.municipality')} series={series} data={municipalities.data} format={COUNT} arrangement="stacked" />
                <Withheld names={municipalities.withheld} minGroupSize={minGroupSize} />
                <BarChart caption={t('survey.summary.bySectorOf', { title })} categoryLabel={t('survey.summary.sector')} series={series} data={sectors.data} format={COUNT} arrangement="stacked" />
                <Withheld names={sectors.withheld} minGroupSize={minGroupSize} />
              </>
            )}
          </div>
        );
      })}
    </>
  );
}

function SchemesSection({ summary }: { summary: SurveySummary }) {
  const { t } = useTranslation();
  const { schemes } = summary;
  const [chosen, setChosen] = useState(schemes[0]?.programmeId ?? '');
  const levels = new Map(summary.knowledgeLevels.map((level) => [level.key, level.label]));
  const knowledge = choiceKeys(schemes.map((s) => s.knowledge), [...levels.keys()]).map((key): ChoiceLabel => ({ key, label: levels.get(key) ?? key }));
  const experience = choiceKeys(schemes.map((s) => s.experience), EXPERIENCE_ORDER).map((key): ChoiceLabel => ({ key, label: t(`survey.summary.experienceKind.${key}`, { defaultValue: key }) }));
  const scheme = schemes.find((s) => s.programmeId === chosen) ?? schemes[0];
  const name = (s: SchemeSummary) => s.programmeName;
  if (!scheme) return null;
  const knowledgeByMunicipality = scheme.knowledge ? groupBars(scheme.knowledge.byMunicipality, knowledge) : null;
  const knowledgeBySector = scheme.knowledge ? groupBars(scheme.knowledge.bySector, knowledge) : null;
  const experienceByMunicipality = groupBars(scheme.experience.byMunicipality, experience);
  const experienceBySector = groupBars(scheme.experience.bySector, experience);
  const knowledgeSeries = knowledge.map((k) => ({ label: k.label }));
  const experienceSeries = experience.map((k) => ({ label: k.label }));
  return (
    <section aria-labelledby="schemes-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="schemes-heading">{t('survey.summary.schemesHeading')}</Heading>
      <BarChart caption={t('survey.summary.knowledgeOverall')} categoryLabel={t('survey.summary.scheme')} series={knowledgeSeries} data={schemeBars(schemes, name, (s) => s.knowledge, knowledge)} format={COUNT} arrangement="stacked" />
      <BarChart caption={t('survey.summary.experienceOverall')} categoryLabel={t('survey.summary.scheme')} series={experienceSeries} data={schemeBars(schemes, name, (s) => s.experience, experience)} format={COUNT} />
      <Heading level={3} data-size="xs">{t('survey.summary.perSchemeHeading')}</Heading>
      <Field className="survey-scheme-choice">
        <Label htmlFor="scheme-choice">{t('survey.summary.chooseScheme')}</Label>
        <Select id="scheme-choice" value={scheme.programmeId} onChange={(event) => setChosen(event.target.value)}>
          {schemes.map((s) => (
            <Select.Option key={s.programmeId} value={s.programmeId}>{s.programmeName}</Select.Option>
          ))}
        </Select>
      </Field>
      {knowledgeByMunicipality && knowledgeBySector && (
        <>
          <BarChart caption={t('survey.summary.knowledgeByMunicipality', { scheme: scheme.programmeName })} categoryLabel={t('survey.summary.municipality')} series={knowledgeSeries} data={knowledgeByMunicipality.data} format={COUNT} arrangement="stacked" />
          <Withheld names={knowledgeByMunicipality.withheld} minGroupSize={summary.round.minGroupSize} />
          <BarChart caption={t('survey.summary.knowledgeBySector', { scheme: scheme.programmeName })} categoryLabel={t('survey.summary.sector')} series={knowledgeSeries} data={knowledgeBySector.data} format={COUNT} arrangement="stacked" />
          <Withheld names={knowledgeBySector.withheld} minGroupSize={summary.round.minGroupSize} />
        </>
      )}
      <BarChart caption={t('survey.summary.experienceByMunicipality', { scheme: scheme.programmeName })} categoryLabel={t('survey.summary.municipality')} series={experienceSeries} data={experienceByMunicipality.data} format={COUNT} />
      <Withheld names={experienceByMunicipality.withheld} minGroupSize={summary.round.minGroupSize} />
      <BarChart caption={t('survey.summary.experienceBySector', { scheme: scheme.programmeName })} categoryLabel={t('survey.summary.sector')} series={experienceSeries} data={experienceBySector.data} format={COUNT} />
      <Withheld names={experienceBySector.withheld} minGroupSize={summary.round.minGroupSize} />
    </section>
  );
}

function SummaryView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  const { resource, reload } = useResource<SurveySummary>(`/api/surveys/rounds/${id}/summary`);
  const [fetchedAt, setFetchedAt] = useState<Date | null>(null);
  const summary = resource.status === 'ready' ? resource.data : undefined;
  useEffect(() => {
    if (summary) setFetchedAt(new Date());
  }, [summary]);
  const open = summary?.round.status === 'open';
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, reload]);
  useDocumentTitle(summary ? t('survey.summary.documentTitle', { title: summary.round.title }) : undefined);
  const time = useMemo(() => new Intl.DateTimeFormat(names.locales, { timeStyle: 'short', timeZone: 'Europe/Oslo' }), [names.language]);
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <SurveyProblem error={resource.error} />;
  const data = resource.data;
  const { round, responseRate } = data;
  const minGroupSize = round.minGroupSize;
  const overall = responseRate.overall;
  const exportBase = `/api/surveys/rounds/${round.id}`;
  return (
    <div className="survey-page">
      <RoundNavigation id={round.id} title={round.title} mayCoordinate={data.namesShown} />
      <PageHeading>{t('survey.summary.title', { title: round.title })}</PageHeading>
      <div className="survey-round-meta">
        <RoundStatusTag status={round.status as 'draft' | 'open' | 'closed'} />
        <span className="survey-status-line" role="status">{fetchedAt ? t('survey.summary.updatedAt', { time: time.format(fetchedAt) }) : ''}</span>
        <Button variant="tertiary" data-size="sm" onClick={reload}>{t('survey.summary.refresh')}</Button>
      </div>
      {open && <Paragraph data-size="sm">{t('survey.summary.liveNote')}</Paragraph>}
      <div className="survey-exports">
        {data.namesShown && (
          <Button variant="secondary" asChild>
            <a href={`${exportBase}/answers.xlsx?lang=${i18n.language}`} download>{t('survey.summary.exportXlsx')}</a>
          </Button>
        )}
        <Button variant="secondary" asChild>
          <a href={`${exportBase}/report.pdf?lang=${i18n.language}`} download>{t('survey.summary.exportPdf')}</a>
        </Button>
      </div>

      <section aria-labelledby="rate-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="rate-heading">{t('survey.summary.rateHeading')}</Heading>
        <Paragraph>{t('survey.summary.rateOverall', { responded: overall.responded, invited: overall.invited, rate: formatRate(overall.rate, names.locales), submitted: overall.submitted })}</Paragraph>
        <RateTable id="rate-municipality" caption={t('survey.summary.byMunicipality')} groups={responseRate.byMunicipality} minGroupSize={minGroupSize} />
        <RateTable id="rate-sector" caption={t('survey.summary.bySector')} groups={responseRate.bySector} minGroupSize={minGroupSize} />
      </section>

      {data.schemes.length > 0 && <SchemesSection summary={data} />}

      {[data.interest, data.cooperationAreas, data.needs, ...data.otherQuestions].map(
        (question) =>
          question && (
            <section key={question.key} aria-labelledby={`question-${question.key}`} className="admin-section">
              <Heading level={2} data-size="sm" id={`question-${question.key}`}>{question.label}</Heading>
              <QuestionCharts question={question} minGroupSize={minGroupSize} />
            </section>
          ),
      )}

      <section aria-labelledby="benefits-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="benefits-heading">{t('survey.summary.benefitsHeading')}</Heading>
        {data.benefits.length === 0 ? (
          <Paragraph>{t('survey.summary.noBenefits')}</Paragraph>
        ) : (
          <ul className="survey-cards">
            {data.benefits.map((benefit) => (
              <li key={benefit.programmeId}>
                <Card data-color="neutral">
                  <Heading level={3} data-size="xs">{benefit.programmeName}</Heading>
                  <Paragraph data-size="sm">
                    {t('survey.summary.benefitLine', { count: benefit.projects, mean: benefit.mean === null ? '—' : new Intl.NumberFormat(names.locales, { maximumFractionDigits: 1 }).format(benefit.mean) })}
                  </Paragraph>
                  {benefit.reasons.length > 0 && (
                    <List.Unordered className="survey-theme-list">
                      {benefit.reasons.map((reason, index) => (
                        <List.Item key={index}>
                          {reason.score !== null && <strong>{reason.score}/5: </strong>}
                          {reason.text}
                          {reason.unit && <span className="survey-required"> – {reason.unit}</span>}
                        </List.Item>
                      ))}
                    </List.Unordered>
                  )}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="freetext-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="freetext-heading">{t('survey.summary.freeTextHeading')}</Heading>
        {data.freeText.length === 0 ? (
          <Paragraph>{t('survey.summary.noFreeText')}</Paragraph>
        ) : (
          data.freeText.map((group) => (
            <Details key={group.theme}>
              <Details.Summary>{t('survey.summary.themeLine', { theme: group.label, count: group.count })}</Details.Summary>
              <Details.Content>
                <List.Unordered className="survey-theme-list">
                  {group.answers.map((answer, index) => (
                    <List.Item key={index}>
                      {answer.text}
                      <span className="survey-required"> – {answer.questionLabel}{answer.unit ? `, ${answer.unit}` : ''}</span>
                    </List.Item>
                  ))}
                </List.Unordered>
              </Details.Content>
            </Details>
          ))
        )}
      </section>

      <section aria-labelledby="champions-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="champions-heading">{t('survey.summary.championsHeading')}</Heading>
        <Paragraph>{t('survey.summary.championsCount', { count: data.champions.count })}</Paragraph>
        {data.namesShown && data.champions.units.length > 0 && (
          <List.Unordered>
            {data.champions.units.map((unit) => (
              <List.Item key={unit.inviteeId}>
                <strong>{unit.name}</strong> ({[unit.municipalityName, unit.sectorName].filter(Boolean).join(', ')}): {unit.programmes.map((p) => p.name).join(', ')}
              </List.Item>
            ))}
          </List.Unordered>
        )}
        <Heading level={3} data-size="xs">{t('survey.summary.interestedHeading')}</Heading>
        <Paragraph>{t('survey.summary.interestedCount', { count: data.interestedWithoutExperience.count })}</Paragraph>
        {data.namesShown && data.interestedWithoutExperience.units.length > 0 && (
          <List.Unordered>
            {data.interestedWithoutExperience.units.map((unit) => (
              <List.Item key={unit.inviteeId}>
                <strong>{unit.name}</strong> ({[unit.municipalityName, unit.sectorName].filter(Boolean).join(', ')}): {unit.interestLabel}
                {unit.areas.length > 0 && ` – ${unit.areas.join(', ')}`}
              </List.Item>
            ))}
          </List.Unordered>
        )}
        {!data.namesShown && <Paragraph data-size="sm">{t('survey.summary.namesHidden')}</Paragraph>}
      </section>
    </div>
  );
}

export default function SummaryPage() {
  const { id = '' } = useParams();
  return <SummaryView key={id} id={id} />;
}
