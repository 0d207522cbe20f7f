/**
 * /admin/organisasjoner/:id/logg?side=N: the audit trail of an organisation and everything below it,
 * newest first, with each event's changes behind a disclosure. The page number lives in the address.
 */
import { useMemo, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../src/organisations/kinds.js';
import { ROLES, type Role } from '../../../src/organisations/roles.js';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import { LANGUAGE_NAMES } from '../app/i18n.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageNavigation } from '../app/PageNavigation.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { WHOLE_VALUE, changedFields } from './audit-diff.js';
import { Breadcrumbs, useTrail } from './Breadcrumbs.js';
import { Loading, ProblemPage } from './feedback.js';
import { useAdminNames } from './names.js';
import { useResource } from './resource.js';
import { TableRegion } from './TableRegion.js';
import { INVITATION_STATUSES, type AuditEvent, type AuditPage as AuditPageData, type InvitationStatus, type ItemList, type OrganisationDetails } from './types.js';
import './admin.css';

const PAGE_SIZE = 50;
const PAGE_PARAM = 'side';

const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);

/** A recorded value as a reader understands it: names for codes and organisation ids, "—" for nothing. */
function useValueText(organisationNames: ReadonlyMap<string, string>): (field: string, value: unknown) => ReactNode {
  const { t } = useTranslation();
  const names = useAdminNames();
  const regions = new Intl.DisplayNames(names.locales, { type: 'region' });
  return (field, value) => {
    if (value === null || value === undefined || value === '') return t('admin.audit.empty');
    if (field === 'role' && isOneOf<Role>(ROLES, value)) return names.role(value);
    if (field === 'kind' && isOneOf<OrganisationType>(ORGANISATION_TYPES, value)) return names.kind(value);
    if ((field === 'language' || field === 'writtenStandard') && isOneOf<Language>(LANGUAGES, value)) return LANGUAGE_NAMES[value];
    if (field === 'country' && typeof value === 'string' && /^[A-Z]{2}$/.test(value)) return regions.of(value) ?? value;
    if ((field === 'parentId' || field === 'organisationId') && typeof value === 'string') return organisationNames.get(value) ?? value;
    if (field === 'status' && isOneOf<InvitationStatus>(INVITATION_STATUSES, value)) return t(`admin.invitations.statusName.${value}`);
    if (field.endsWith('At') && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return names.dateTime(value);
    if (field === 'themeColour' && typeof value === 'string') {
      return (
        <span className="admin-swatch-row">
          <span className="admin-swatch" style={{ background: value }} aria-hidden="true" />
          {value}
        </span>
      );
    }
    if (typeof value === 'boolean') return value ? t('admin.audit.yes') : t('admin.audit.no');
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return JSON.stringify(value);
  };
}

function Changes({ event, valueText }: { event: AuditEvent; valueText: ReturnType<typeof useValueText> }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const changes = changedFields(event.before, event.after);
  if (changes.length === 0) return <>{t('admin.audit.empty')}</>;
  return (
    <Details data-size="sm" className="audit-details">
      <Details.Summary>{t('admin.audit.showChanges', { count: changes.length })}</Details.Summary>
      <Details.Content>
        <ul className="audit-changes">
          {changes.map(({ field, before, after }) => (
            <li key={field}>
              <strong>{field === WHOLE_VALUE ? t('admin.audit.value') : names.field(field)}:</strong>{' '}
              {before !== undefined && after !== undefined ? (
                <>
                  <span className="sr-only">{t('admin.audit.from')} </span>
                  <span className="audit-before">{valueText(field, before)}</span>
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only"> {t('admin.audit.to')} </span>
                  <span className="audit-after">{valueText(field, after)}</span>
                </>
              ) : (
                valueText(field, after === undefined ? before : after)
              )}
            </li>
          ))}
        </ul>
      </Details.Content>
    </Details>
  );
}

function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get(PAGE_PARAM));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export default function AuditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const names = useAdminNames();
  const [params, setParams] = useSearchParams();
  const page = pageFromParams(params);
  const organisation = useResource<OrganisationDetails>(`/api/organisations/${id}`);
  const tree = useResource<ItemList<OrganisationDetails>>('/api/organisations/tree');
  const audit = useResource<AuditPageData>(`/api/organisations/${id}/audit`, new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) }));
  const items = tree.resource.status === 'ready' ? tree.resource.data.items : [];
  const organisationNames = useMemo(() => new Map(items.map((item) => [item.id, item.name])), [items]);
  const valueText = useValueText(organisationNames);
  const name = organisation.resource.status === 'ready' ? organisation.resource.data.name : undefined;
  const trail = useTrail(items, id, name ?? '');
  useDocumentTitle(name ? t('admin.audit.title', { name }) : undefined);

  if (organisation.resource.status === 'error') return <ProblemPage error={organisation.resource.error} />;
  if (audit.resource.status === 'error') return <ProblemPage error={audit.resource.error} />;
  if (organisation.resource.status === 'loading' || audit.resource.status === 'loading') return <Loading />;
  const { items: events, total } = audit.resource.data;
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const caption = t('admin.audit.caption', { count: total, page, pages: totalPages });
  const goTo = (next: number) => setParams(next === 1 ? {} : { [PAGE_PARAM]: String(next) });

  return (
    <div className="admin-page">
      <Breadcrumbs trail={trail} />
      <PageHeading>{t('admin.audit.title', { name })}</PageHeading>
      <Paragraph>{t('admin.audit.intro')}</Paragraph>
      {events.length === 0 ? (
        <Paragraph>{t('admin.audit.none')}</Paragraph>
      ) : (
        <>
          {/* Shown above the region so it stays in view when the table scrolls sideways; read from the caption. */}
          <Paragraph className="audit-summary" aria-hidden="true">{caption}</Paragraph>
          <TableRegion labelledBy="audit-caption">
            <Table className="admin-table audit-table" zebra>
              <caption id="audit-caption" className="sr-only">{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('admin.audit.at')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.audit.actor')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.audit.action')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.audit.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('admin.audit.changes')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {events.map((event) => (
                  <Table.Row key={event.id}>
                    <Table.Cell>
                      <time dateTime={event.at}>{names.dateTime(event.at)}</time>
                    </Table.Cell>
                    <Table.Cell className="admin-table__wrap">{event.actor}</Table.Cell>
                    <Table.Cell>{names.action(event.action)}</Table.Cell>
                    <Table.Cell className="admin-table__wrap">{event.organisationName ?? t('admin.audit.empty')}</Table.Cell>
                    <Table.Cell className="admin-table__wrap">
                      <Changes event={event} valueText={valueText} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableRegion>
        </>
      )}
      {totalPages > 1 && <PageNavigation keyPrefix="admin.audit" page={Math.min(page, totalPages)} totalPages={totalPages} onPage={goTo} />}
    </div>
  );
}
