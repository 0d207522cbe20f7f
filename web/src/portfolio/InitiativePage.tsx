import { useId, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { sdgGoals } from '../../../src/reference/sdg.js';
import { sendJson } from '../app/api.js';
import { useCodeName } from '../app/code-names.js';
import { currentLanguage } from '../app/i18n.js';
import { useNames } from '../app/names.js';
import { withNotice } from '../app/notice.js';
import { PageHeading } from '../app/PageHeading.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import '../admin/admin.css'; // the ConfirmDialogs' layout, here and in DocumentsSection
import { asApiError, useResource } from '../admin/resource.js';
import { DocumentsSection } from './DocumentsSection.js';
import { PortfolioNavigation } from './PortfolioNavigation.js';
import { formatMoney, formatNumber, formatPeriod } from './present.js';
import { StatusDialog } from './StatusDialog.js';
import { StatusTag } from './StatusTag.js';
import type { Initiative, TimelineEntry } from './types.js';
import './portfolio.css';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Timeline({ items }: { items: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const { dateTime, date } = useNames();
  const headingId = useId();
  const what = (item: TimelineEntry) => {
    if (item.kind === 'status' && item.toStatus) {
      return t('portfolio.timeline.status', { from: item.fromStatus ? t(`portfolio.status.${item.fromStatus}`) : '—', to: t(`portfolio.status.${item.toStatus}`) });
    }
    if (item.kind === 'edited' && item.changes && typeof item.changes === 'object') {
      const fields = Object.keys(item.changes as Record<string, unknown>).map((field) => t(`portfolio.field.${field}`, { defaultValue: field }));
      return t('portfolio.timeline.edited', { fields: fields.join(', ') });
    }
    return t(`portfolio.timeline.${item.kind}`);
  };
  return (
    <section className="portfolio-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('portfolio.timeline.title')}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t('portfolio.timeline.none')}</Paragraph>
      ) : (
        <ol className="portfolio-timeline">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{what(item)}</strong>
              <p>
                <time dateTime={item.at}>{dateTime(item.at)}</time> · {item.actor}
                {item.effectiveDate && ` · ${t('portfolio.timeline.effective', { date: date(`${item.effectiveDate}T12:00:00Z`) })}`}
              </p>
              {item.comment && <p>{item.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default function InitiativePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const codeName = useCodeName();
  const { locales, date, dateTime } = useNames();
  const { resource, reload } = useResource<Initiative>(`/api/portfolio/initiatives/${id}`);
  const { resource: timeline, reload: reloadTimeline } = useResource<{ items: TimelineEntry[] }>(`/api/portfolio/initiatives/${id}/timeline`);
  const [statusOpen, setStatusOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | undefined>();
  const [done, setDone] = useState<string | null>(null);
  const initiative = resource.status === 'ready' ? resource.data : undefined;
  useDocumentTitle(initiative?.title);
  if (resource.status === 'error') return <Alert data-color="danger">{resource.error.message}</Alert>;
  if (!initiative) return <Spinner aria-label={t('portfolio.loading')} />;

  const mayEdit = initiative.permissions.includes('edit');
  const language = currentLanguage();
  const day = (value: string | null) => (value ? date(`${value}T12:00:00Z`) : t('portfolio.notSet'));
  const money = (amount: string | null) => (amount === null ? t('portfolio.notSet') : formatMoney(amount, initiative.currency, locales));
  const refresh = () => {
    reload();
    reloadTimeline();
  };
  const remove = async () => {
    try {
      await sendJson('DELETE', `/api/portfolio/initiatives/${initiative.id}`);
      navigate('/portefolje', withNotice('portfolio.page.deleted', { title: initiative.title }));
    } catch (error) {
      setDeleteError(asApiError(error).message);
    }
  };

  return (
    <div className="portfolio">
      <PortfolioNavigation />
      <div className="portfolio-page-head">
        <PageHeading>{initiative.title}</PageHeading>
        <StatusTag status={initiative.status} />
      </div>
      <Paragraph data-size="sm">{t('portfolio.page.updated', { when: dateTime(initiative.updatedAt), version: initiative.version })}</Paragraph>
      {mayEdit && (
        <div className="portfolio-actions">
          <Button asChild>
            <RouterLink to={`/portefolje/${initiative.id}/rediger`}>{t('portfolio.page.edit')}</RouterLink>
          </Button>
          {initiative.allowedTransitions.length > 0 && (
            <Button variant="secondary" onClick={() => setStatusOpen(true)}>
              {t('portfolio.page.changeStatus')}
            </Button>
          )}
          <Button variant="tertiary" data-color="danger" onClick={() => setDeleting(true)}>
            {t('portfolio.page.delete')}
          </Button>
        </div>
      )}
      <StatusMessage done={done} />
      {initiative.summary && <Paragraph className="lead">{initiative.summary}</Paragraph>}

      <section className="portfolio-section" aria-labelledby="facts-heading">
        <Heading level={2} data-size="sm" id="facts-heading">{t('portfolio.page.facts')}</Heading>
        <dl className="facts">
          <Fact term={t('portfolio.field.organisationId')}>{initiative.organisationName}</Fact>
          <Fact term={t('portfolio.field.contactName')}>{initiative.contactName ?? t('portfolio.notSet')}</Fact>
          <Fact term={t('portfolio.field.programmeId')}>
            {initiative.programmeId ? <RouterLink to={`/programmes/${initiative.programmeId}`}>{initiative.programmeName ?? initiative.programmeId}</RouterLink> : (initiative.otherProgramme ?? t('portfolio.notSet'))}
          </Fact>
          {initiative.priorityCode && <Fact term={t('portfolio.field.priorityCode')}>{initiative.priorityCode}</Fact>}
          <Fact term={t('portfolio.field.callReference')}>{initiative.callReference ?? t('portfolio.notSet')}</Fact>
          <Fact term={t('portfolio.field.deadline')}>{day(initiative.deadline)}</Fact>
          <Fact term={t('portfolio.fields.period')}>{formatPeriod(initiative.startDate, initiative.endDate, locales) || t('portfolio.notSet')}</Fact>
          <Fact term={t('portfolio.field.budgetAmount')}>
            {money(initiative.budgetAmount)}
            {initiative.currency === 'EUR' && initiative.budgetNok && (
              <span className="provenance">{t('portfolio.page.inNok', { amount: formatMoney(initiative.budgetNok, 'NOK', locales), rate: formatNumber(initiative.nokRate, locales, 4), date: initiative.nokRateDate ? day(initiative.nokRateDate) : '—' })}</span>
            )}
          </Fact>
          <Fact term={t('portfolio.lineKind.grant')}>{money(initiative.grantAmount)}</Fact>
          <Fact term={t('portfolio.lineKind.own-share')}>{money(initiative.ownShareAmount)}</Fact>
          <Fact term={t('portfolio.lineKind.co-financing')}>{money(initiative.coFinancingAmount)}</Fact>
          <Fact term={t('portfolio.field.hoursApplication')}>{initiative.hoursApplication ? formatNumber(initiative.hoursApplication, locales) : t('portfolio.notSet')}</Fact>
          <Fact term={t('portfolio.field.hoursProject')}>{initiative.hoursProject ? formatNumber(initiative.hoursProject, locales) : t('portfolio.notSet')}</Fact>
          <Fact term={t('portfolio.field.sectors')}>{initiative.sectors.length ? initiative.sectors.map((s) => codeName('municipalSector', s)).join(', ') : t('portfolio.notSet')}</Fact>
          <Fact term={t('portfolio.field.sdgGoals')}>
            {initiative.sdgGoals.length ? (
              <span className="tag-row">
                {initiative.sdgGoals.map((goal) => (
                  <Tag key={goal} data-size="sm" data-color="brand1">{`${goal}. ${sdgGoals[goal - 1]?.names[language] ?? ''}`}</Tag>
                ))}
              </span>
            ) : (
              t('portfolio.notSet')
            )}
          </Fact>
          {initiative.sdgTargets.length > 0 && <Fact term={t('portfolio.field.sdgTargets')}>{initiative.sdgTargets.join(', ')}</Fact>}
          <Fact term={t('portfolio.field.private')}>{initiative.private ? t('portfolio.page.yes') : t('portfolio.page.no')}</Fact>
        </dl>
      </section>

      {initiative.budgetLines.length > 0 && (
        <section className="portfolio-section" aria-labelledby="budget-heading">
          <Heading level={2} data-size="sm" id="budget-heading">{t('portfolio.form.budgetLines')}</Heading>
          <ul>
            {initiative.budgetLines.map((line, index) => (
              <li key={index}>{`${t(`portfolio.lineKind.${line.kind}`)}${line.label ? ` – ${line.label}` : ''}: ${money(line.amount)}`}</li>
            ))}
          </ul>
        </section>
      )}

      {initiative.partners.length > 0 && (
        <section className="portfolio-section" aria-labelledby="partners-heading">
          <Heading level={2} data-size="sm" id="partners-heading">{t('portfolio.form.partners')}</Heading>
          <ul>
            {initiative.partners.map((partner, index) => (
              <li key={index}>
                {partner.name} ({[partner.country, partner.region].filter(Boolean).join(', ')}){partner.lead && <> – <strong>{t('portfolio.page.lead')}</strong></>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {initiative.benefits.length > 0 && (
        <section className="portfolio-section" aria-labelledby="benefits-heading">
          <Heading level={2} data-size="sm" id="benefits-heading">{t('portfolio.form.benefits')}</Heading>
          <dl className="facts">
            {initiative.benefits.map((benefit) => (
              <Fact key={benefit.benefit} term={t(`portfolio.benefit.${benefit.benefit}`)}>
                {t('portfolio.page.score', { score: benefit.score, max: 5 })}
                {benefit.comment && ` – ${benefit.comment}`}
              </Fact>
            ))}
          </dl>
        </section>
      )}

      {initiative.notes && (
        <section className="portfolio-section" aria-labelledby="notes-heading">
          <Heading level={2} data-size="sm" id="notes-heading">{t('portfolio.field.notes')}</Heading>
          <Paragraph className="portfolio-notes">{initiative.notes}</Paragraph>
        </section>
      )}

      <DocumentsSection initiativeId={initiative.id} documents={initiative.documents} mayEdit={mayEdit} onChanged={refresh} />
      {timeline.status === 'ready' ? <Timeline items={timeline.data.items} /> : timeline.status === 'error' ? <Alert data-color="danger">{timeline.error.message}</Alert> : <Spinner aria-label={t('portfolio.loading')} />}

      {mayEdit && (
        <StatusDialog
          initiative={initiative}
          open={statusOpen}
          onClose={() => setStatusOpen(false)}
          onChanged={(next) => {
            setStatusOpen(false);
            setDone(t('portfolio.page.statusChanged', { status: t(`portfolio.status.${next.status}`) }));
            refresh();
          }}
        />
      )}
      <ConfirmDialog open={deleting} heading={t('portfolio.page.deleteHeading')} confirmLabel={t('portfolio.page.deleteConfirm')} pending={false} error={deleteError} onClose={() => setDeleting(false)} onConfirm={() => void remove()}>
        {t('portfolio.page.deleteText', { title: initiative.title })}
      </ConfirmDialog>
    </div>
  );
}
