/**
 * /kartlegging/:id/muligheter: for each interested unit the programmes and focus areas the navigator
 * ranks for it, with the guidance bodies to contact; and the joint-application candidates — an interest
 * shared by units of one sector in two or more municipalities — each of which a coordinator can turn
 * into a portfolio initiative with one action.
 */
import { useState } from 'react';
import type { Language } from '../../../src/reference/codes.js';
import { TEMPLATE_KEYS } from '../../../src/survey/template.js';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Details, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { Loading } from '../admin/feedback.js';
import { asApiError, useResource } from '../admin/resource.js';
import { RoundNavigation, SurveyProblem } from './shared.js';
import { localised } from './question-view.js';
import type { ItemList, JointCandidate, OpportunityMatch, Opportunities, Round, RoundQuestion } from './types.js';
import '../admin/admin.css';

const PAGE_SIZE = 25;
/** An area of cooperation's label as the round's question words it; "other" is the free-text choice. */
function useAreaLabel(questions: readonly RoundQuestion[]): (area: string) => string {
  const { t, i18n } = useTranslation();
  const definition = questions.find((question) => question.key === TEMPLATE_KEYS.cooperationAreas)?.definition;
  const options = definition && 'options' in definition ? (definition.options ?? []) : [];
  return (area) => (area === 'other' ? t('survey.respond.other') : (localised(options.find((option) => option.value === area)?.labels, i18n.language as Language) ?? area));
}

function MatchList({ matches }: { matches: readonly OpportunityMatch[] }) {
  const { t } = useTranslation();
  if (matches.length === 0) return <Paragraph data-size="sm">{t('survey.opportunities.noMatches')}</Paragraph>;
  return (
    <List.Unordered className="survey-theme-list">
      {matches.map((match) => (
        <List.Item key={`${match.programmeId}:${match.priorityCode ?? ''}`}>
          <Link asChild>
            <RouterLink to={`/programmes/${match.programmeId}`}>{match.programmeName}</RouterLink>
          </Link>
          {match.priorityName && ` – ${match.priorityName}`}{' '}
          <Tag data-size="sm" data-color={match.verdict === 'eligible' ? 'success' : 'warning'}>{t(`survey.opportunities.verdict.${match.verdict}`)}</Tag>
          {match.guidance.length > 0 && (
            <Details data-size="sm" className="survey-guidance">
              <Details.Summary>{t('survey.opportunities.guidance', { count: match.guidance.length })}</Details.Summary>
              <Details.Content>
                <List.Unordered>
                  {match.guidance.map((body) => (
                    <List.Item key={body.name}>
                      {body.url ? <Link href={body.url}>{body.name}</Link> : body.name}: {body.role}
                    </List.Item>
                  ))}
                </List.Unordered>
              </Details.Content>
            </Details>
          )}
        </List.Item>
      ))}
    </List.Unordered>
  );
}

function CandidateCard({ roundId, candidate }: { roundId: string; candidate: JointCandidate }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = `candidate-${candidate.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const municipalityName = (code: string) => candidate.municipalityNames[candidate.municipalities.indexOf(code)] ?? code;
  const create = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const answer = await sendJson<{ initiativeId: string }>('POST', `/api/surveys/rounds/${roundId}/joint-candidates/${encodeURIComponent(candidate.key)}/initiative`, {});
      if (answer) setCreated(answer.initiativeId);
    } catch (caught) {
      const failure = asApiError(caught);
      setError(failure.status === 0 ? t('session.unreachable') : failure.message);
    } finally {
      setPending(false);
    }
  };
  return (
    <Card data-color="neutral" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>{t('survey.opportunities.candidateTitle', { area: candidate.areaLabel, sector: candidate.sectorName })}</Heading>
      <Paragraph data-size="sm">{t('survey.opportunities.candidateMunicipalities', { count: candidate.municipalityNames.length, list: candidate.municipalityNames.join(', ') })}</Paragraph>
      <Paragraph data-size="sm">{t('survey.opportunities.candidateUnits', { list: candidate.units.map((u) => `${u.name} (${municipalityName(u.municipality)})`).join(', ') })}</Paragraph>
      <Heading level={4} data-size="2xs">{t('survey.opportunities.fittingProgrammes')}</Heading>
      <MatchList matches={candidate.programmes} />
      <div role="status">
        {created && (
          <Alert data-color="success" data-size="sm">
            {t('survey.opportunities.created')}{' '}
            <Link asChild>
              <RouterLink to={`/portefolje/${created}`}>{t('survey.opportunities.openInitiative')}</RouterLink>
            </Link>
          </Alert>
        )}
      </div>
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert">
          {error}
        </Alert>
      )}
      {!created && (
        <div className="form-actions">
          <Button data-color="accent" loading={pending} onClick={() => void create()} aria-label={t('survey.opportunities.createFor', { area: candidate.areaLabel, sector: candidate.sectorName })}>
            {t('survey.opportunities.create')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function OpportunitiesView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const round = useResource<Round>(`/api/surveys/rounds/${id}`);
  const params = new URLSearchParams({ offset: String(offset), limit: String(PAGE_SIZE) });
  const { resource } = useResource<Opportunities>(`/api/surveys/rounds/${id}/opportunities`, params);
  const questions = useResource<ItemList<RoundQuestion>>(`/api/surveys/rounds/${id}/questions`);
  const areaLabel = useAreaLabel(questions.resource.status === 'ready' ? questions.resource.data.items : []);
  useDocumentTitle(round.resource.status === 'ready' ? t('survey.opportunities.documentTitle', { title: round.resource.data.title }) : undefined);
  if (round.resource.status === 'error') return <SurveyProblem error={round.resource.error} />;
  if (resource.status === 'error') return <SurveyProblem error={resource.error} />;
  if (round.resource.status === 'loading' || resource.status === 'loading') return <Loading />;
  const { title } = round.resource.data;
  const data = resource.data;
  const last = Math.min(data.offset + data.units.length, data.total);
  return (
    <div className="survey-page">
      <RoundNavigation id={id} title={title} mayCoordinate />
      <PageHeading>{t('survey.opportunities.title', { title })}</PageHeading>
      <Paragraph className="lead">{t('survey.opportunities.intro')}</Paragraph>

      <section aria-labelledby="joint-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="joint-heading">{t('survey.opportunities.jointHeading')}</Heading>
        <Paragraph data-size="sm">{t('survey.opportunities.jointIntro')}</Paragraph>
        {data.jointCandidates.length === 0 ? (
          <Paragraph>{t('survey.opportunities.noCandidates')}</Paragraph>
        ) : (
          <ul className="survey-cards">
            {data.jointCandidates.map((candidate) => (
              <li key={candidate.key}>
                <CandidateCard roundId={id} candidate={candidate} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="units-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="units-heading">{t('survey.opportunities.unitsHeading')}</Heading>
        {data.total === 0 ? (
          <Paragraph>{t('survey.opportunities.noUnits')}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm" role="status">{t('survey.opportunities.showing', { first: data.offset + 1, last, total: data.total })}</Paragraph>
            <ul className="survey-cards">
              {data.units.map((unit) => (
                <li key={unit.inviteeId}>
                  <Card data-color="neutral">
                    <Heading level={3} data-size="xs">{unit.name}</Heading>
                    <Paragraph data-size="sm">{[unit.municipalityName, unit.sectorName].filter(Boolean).join(' · ')}</Paragraph>
                    {unit.interests.length > 0 && <Paragraph data-size="sm">{t('survey.opportunities.interests', { list: unit.interests.map(areaLabel).join(', ') })}</Paragraph>}
                    <MatchList matches={unit.matches} />
                  </Card>
                </li>
              ))}
            </ul>
            <div className="form-actions survey-paging">
              <Button variant="secondary" disabled={data.offset === 0} onClick={() => setOffset(Math.max(0, data.offset - PAGE_SIZE))}>{t('survey.opportunities.previous')}</Button>
              <Button variant="secondary" disabled={last >= data.total} onClick={() => setOffset(data.offset + PAGE_SIZE)}>{t('survey.opportunities.next')}</Button>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

export default function OpportunitiesPage() {
  const { id = '' } = useParams();
  return <OpportunitiesView key={id} id={id} />;
}
