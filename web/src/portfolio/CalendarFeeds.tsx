import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { useNames } from '../app/names.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import '../admin/admin.css'; // the ConfirmDialog's layout
import { asApiError, useResource } from '../admin/resource.js';
import type { OrganisationChoice } from './api.js';
import { indented } from './FilterPanel.js';
import type { CalendarFeed } from './types.js';

/**
 * My calendar feeds of deadlines and milestones: make one for an organisation tree (its secret address is
 * shown once, to copy into Outlook or Google Calendar), see them, revoke them.
 */
export function CalendarFeeds({ organisations, initialOrganisation }: { organisations: readonly OrganisationChoice[]; initialOrganisation: string | undefined }) {
  const { t } = useTranslation();
  const { dateTime } = useNames();
  const headingId = useId();
  const selectId = useId();
  const { resource, reload } = useResource<{ items: CalendarFeed[] }>('/api/portfolio/calendar-feeds');
  const [organisationId, setOrganisationId] = useState(initialOrganisation ?? organisations[0]?.id ?? '');
  const [created, setCreated] = useState<{ url: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [revoking, setRevoking] = useState<CalendarFeed | null>(null);
  const chosen = organisationId || organisations[0]?.id || '';

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setDone(null);
    try {
      const feed = await sendJson<{ id: string; url: string }>('POST', '/api/portfolio/calendar-feeds', { organisationId: chosen });
      setCreated({ url: new URL(feed!.url, location.origin).href });
      reload();
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setPending(false);
    }
  };
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setDone(t('portfolio.feeds.copied'));
    } catch {
      setError(t('portfolio.feeds.copyFailed'));
    }
  };
  const revoke = async (feed: CalendarFeed) => {
    setPending(true);
    try {
      await sendJson('DELETE', `/api/portfolio/calendar-feeds/${feed.id}`);
      setDone(t('portfolio.feeds.revoked', { organisation: feed.organisationName }));
      setRevoking(null);
      reload();
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="portfolio-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('portfolio.feeds.title')}
      </Heading>
      <Paragraph>{t('portfolio.feeds.intro')}</Paragraph>
      <form className="form-grid" onSubmit={(event) => void create(event)}>
        <Field>
          <Label htmlFor={selectId}>{t('portfolio.feeds.organisation')}</Label>
          <Select id={selectId} value={chosen} onChange={(e) => setOrganisationId(e.target.value)}>
            {organisations.map((choice) => (
              <Select.Option key={choice.id} value={choice.id}>{indented(choice)}</Select.Option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" variant="secondary" loading={pending} aria-disabled={pending || undefined}>
            {t('portfolio.feeds.create')}
          </Button>
        </div>
      </form>
      {created && (
        <Alert data-color="success">
          <Heading level={3} data-size="2xs">{t('portfolio.feeds.createdTitle')}</Heading>
          <Paragraph>{t('portfolio.feeds.createdText')}</Paragraph>
          <div className="feed-address">
            <Textfield label={t('portfolio.feeds.address')} value={created.url} readOnly onFocus={(e) => e.target.select()} />
            <Button variant="secondary" onClick={() => void copy(created.url)}>
              {t('portfolio.feeds.copy')}
            </Button>
          </div>
        </Alert>
      )}
      <StatusMessage done={done} error={error} />
      {resource.status === 'error' && <Alert data-color="danger">{resource.error.message}</Alert>}
      {resource.status === 'ready' && resource.data.items.length === 0 && <Paragraph>{t('portfolio.feeds.none')}</Paragraph>}
      {resource.status === 'ready' && resource.data.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${headingId}-caption`} tabIndex={0}>
          <Table data-size="sm" zebra>
            <caption id={`${headingId}-caption`}>{t('portfolio.feeds.mine')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('portfolio.feeds.organisation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('portfolio.feeds.created')}</Table.HeaderCell>
                <Table.HeaderCell>{t('portfolio.feeds.lastUsed')}</Table.HeaderCell>
                <Table.HeaderCell><span className="sr-only">{t('portfolio.documents.actions')}</span></Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {resource.data.items.map((feed) => (
                <Table.Row key={feed.id}>
                  <Table.Cell>{feed.organisationName}</Table.Cell>
                  <Table.Cell>{dateTime(feed.createdAt)}</Table.Cell>
                  <Table.Cell>{feed.lastUsedAt ? dateTime(feed.lastUsedAt) : t('portfolio.feeds.neverUsed')}</Table.Cell>
                  <Table.Cell>
                    <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => setRevoking(feed)}>
                      {t('portfolio.feeds.revoke', { organisation: feed.organisationName })}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <ConfirmDialog open={revoking !== null} heading={t('portfolio.feeds.revokeHeading')} confirmLabel={t('portfolio.feeds.revokeConfirm')} pending={pending} onClose={() => setRevoking(null)} onConfirm={() => void revoke(revoking!)}>
        {t('portfolio.feeds.revokeText', { organisation: revoking?.organisationName ?? '' })}
      </ConfirmDialog>
    </section>
  );
}
