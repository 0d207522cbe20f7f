/**
 * /kartlegging/:id: setting up a round — open or close it, its details, its questions and who is invited.
 * Opening sends the personal links; closing ends answering. Both are asked for first.
 */
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { useNames } from '../app/names.js';
import { PageHeading } from '../app/PageHeading.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { Loading, useAnnouncement, useNavigationNotice } from '../admin/feedback.js';
import { useAction, useResource } from '../admin/resource.js';
import { InviteesSection } from './InviteesSection.js';
import { QuestionsSection } from './QuestionsSection.js';
import { RoundDetailsSection } from './RoundDetailsSection.js';
import { RoundNavigation, RoundStatusTag, SurveyProblem } from './shared.js';
import type { Round } from './types.js';
import '../admin/admin.css';

function OpenCloseSection({ round, onChanged }: { round: Round; onChanged: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const [notice, announce] = useAnnouncement();
  if (round.status === 'closed') {
    return (
      <section aria-labelledby="status-heading" className="admin-section">
        <Heading level={2} data-size="sm" id="status-heading">{t('survey.openClose.heading')}</Heading>
        <Paragraph>{t('survey.openClose.closed', { date: names.dateTime(round.closesAt) })}</Paragraph>
      </section>
    );
  }
  const opening = round.status === 'draft';
  const verb = opening ? 'open' : 'close';
  const perform = async () => {
    if (action.pending) return;
    if (await action.run(() => sendJson('POST', `/api/surveys/rounds/${round.id}/${verb}`), '')) {
      setAsking(false);
      announce(t(`survey.openClose.${verb}Done`));
      onChanged();
    }
  };
  return (
    <section aria-labelledby="status-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="status-heading">{t('survey.openClose.heading')}</Heading>
      <Paragraph>{opening ? t('survey.openClose.draftText') : t('survey.openClose.openStatus', { date: names.dateTime(round.closesAt) })}</Paragraph>
      <StatusMessage className="admin-feedback" done={notice} />
      <Button
        variant={opening ? 'primary' : 'secondary'}
        onClick={() => {
          action.reset();
          setAsking(true);
        }}
      >
        {t(`survey.openClose.${verb}`)}
      </Button>
      <ConfirmDialog
        open={asking}
        heading={t(`survey.openClose.${verb}Heading`, { title: round.title })}
        confirmLabel={t(`survey.openClose.${verb}Confirm`)}
        pending={action.pending}
        error={action.error?.message}
        onConfirm={() => void perform()}
        onClose={() => setAsking(false)}
      >
        {t(`survey.openClose.${verb}Text`)}
      </ConfirmDialog>
    </section>
  );
}

function RoundView({ id }: { id: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const notice = useNavigationNotice();
  const { resource, reload } = useResource<Round>(`/api/surveys/rounds/${id}`);
  useDocumentTitle(resource.status === 'ready' ? t('survey.setup.documentTitle', { title: resource.data.title }) : undefined);
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <SurveyProblem error={resource.error} />;
  const round = resource.data;
  return (
    <div className="survey-page">
      <RoundNavigation id={round.id} title={round.title} mayCoordinate={round.mayCoordinate} />
      <PageHeading>{round.title}</PageHeading>
      <div className="survey-round-meta">
        <RoundStatusTag status={round.status} />
        {round.organisationName && <span>{round.organisationName}</span>}
      </div>
      <StatusMessage className="admin-feedback" done={notice} />
      {round.mayCoordinate ? (
        <>
          <OpenCloseSection round={round} onChanged={reload} />
          <RoundDetailsSection round={round} onSaved={reload} />
          <QuestionsSection round={round} />
          <InviteesSection round={round} />
        </>
      ) : (
        <>
          <Paragraph>{t('survey.setup.readOnly', { closes: names.dateTime(round.closesAt), invited: round.invited, submitted: round.submitted })}</Paragraph>
          <QuestionsSection round={round} />
        </>
      )}
    </div>
  );
}

export default function RoundPage() {
  const { id = '' } = useParams();
  return <RoundView key={id} id={id} />;
}
