/** /kartlegging: the survey rounds of the organisations the person has a role in, with status and response rate. */
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useNames } from '../app/names.js';
import { PageHeading } from '../app/PageHeading.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { Loading, useNavigationNotice } from '../admin/feedback.js';
import { useResource } from '../admin/resource.js';
import { TableRegion } from '../admin/TableRegion.js';
import { RoundStatusTag, SurveyProblem, formatRate } from './shared.js';
import type { ItemList, Round } from './types.js';
import '../admin/admin.css';

export default function RoundsPage() {
  const { t } = useTranslation();
  const names = useNames();
  const notice = useNavigationNotice();
  const { resource } = useResource<ItemList<Round>>('/api/surveys/rounds');
  useDocumentTitle(t('survey.rounds.title'));
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <SurveyProblem error={resource.error} />;
  const rounds = resource.data.items;
  return (
    <div className="survey-page">
      <PageHeading>{t('survey.rounds.title')}</PageHeading>
      <Paragraph className="lead">{t('survey.rounds.intro')}</Paragraph>
      <StatusMessage className="admin-feedback" done={notice} />
      <Button asChild>
        <RouterLink to="/kartlegging/ny">{t('survey.new.title')}</RouterLink>
      </Button>
      <div className="admin-section">
        <Heading level={2} data-size="sm" id="rounds-heading">{t('survey.rounds.listHeading')}</Heading>
        {rounds.length === 0 ? (
          <Paragraph>{t('survey.rounds.none')}</Paragraph>
        ) : (
          <TableRegion labelledBy="rounds-heading">
            <Table className="admin-table" aria-labelledby="rounds-heading">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('survey.rounds.round')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.rounds.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.rounds.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.rounds.closes')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.rounds.responses')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('survey.rounds.submitted')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {rounds.map((round) => (
                  <Table.Row key={round.id}>
                    <Table.Cell className="admin-table__wrap">
                      <Link asChild>
                        <RouterLink to={`/kartlegging/${round.id}`}>{round.title}</RouterLink>
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{round.organisationName}</Table.Cell>
                    <Table.Cell>
                      <RoundStatusTag status={round.status} />
                    </Table.Cell>
                    <Table.Cell>{names.date(round.closesAt)}</Table.Cell>
                    <Table.Cell>
                      {t('survey.rounds.responseRate', { responded: round.responded, invited: round.invited, rate: formatRate(round.invited === 0 ? 0 : round.responded / round.invited, names.locales) })}
                    </Table.Cell>
                    <Table.Cell>{round.submitted}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
        )}
      </div>
    </div>
  );
}
