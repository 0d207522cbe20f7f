/** What the coordinator's survey pages share: the round's status tag, the way between its pages, and problem pages. */
import { Link as RouterLink, NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ApiError } from '../app/api.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { RoundStatus } from './types.js';
import './survey.css';

/** The status is written out; the colour only repeats it. */
const STATUS_COLOURS: Record<RoundStatus, 'neutral' | 'success' | 'info'> = { draft: 'neutral', open: 'success', closed: 'info' };

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={STATUS_COLOURS[status]} data-size="sm">
      {t(`survey.status.${status}`)}
    </Tag>
  );
}

/**
 * Set-up, summary and opportunities of one round; the current page is marked for assistive technology.
 * The opportunities name units, so only the round's coordinators are shown the way there.
 */
export function RoundNavigation({ id, title, mayCoordinate }: { id: string; title: string; mayCoordinate: boolean }) {
  const { t } = useTranslation();
  const pages: Array<[string, string]> = [
    [`/kartlegging/${id}`, t(mayCoordinate ? 'survey.pages.setup' : 'survey.pages.about')],
    [`/kartlegging/${id}/sammendrag`, t('survey.pages.summary')],
    ...(mayCoordinate ? [[`/kartlegging/${id}/muligheter`, t('survey.pages.opportunities')] as [string, string]] : []),
  ];
  return (
    <nav aria-label={t('survey.pages.label', { title })}>
      <ul className="survey-subnav">
        <li>
          <Link asChild>
            <RouterLink to="/kartlegging">{t('survey.rounds.title')}</RouterLink>
          </Link>
        </li>
        {pages.map(([to, name]) => (
          <li key={to}>
            <Link asChild>
              <NavLink to={to} end>{name}</NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A page that could not be shown: no access, no such round, or a failure; never a blank screen. */
export function SurveyProblem({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const kind = error.status === 401 ? 'signedOut' : error.status === 403 ? 'forbidden' : error.status === 404 || error.status === 400 ? 'notFound' : 'failed';
  useDocumentTitle(t(`survey.problem.${kind}.title`));
  return (
    <div className="narrow">
      <PageHeading>{t(`survey.problem.${kind}.title`)}</PageHeading>
      <Paragraph>{t(`survey.problem.${kind}.text`)}</Paragraph>
      {kind === 'failed' && error.message && <Alert data-color="danger">{error.message}</Alert>}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/kartlegging">{t('survey.backToRounds')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}

/** A share as a whole percentage in the reader's language. */
export function formatRate(rate: number, locales: readonly string[]): string {
  return new Intl.NumberFormat([...locales], { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}
