/**
 * /admin/organisasjoner/:id: one organisation — details, the organisations directly below it, members,
 * invitations, retention and deletion. Each part shows only what the `permissions` the API sent allow.
 */
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { Breadcrumbs, useTrail } from './Breadcrumbs.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { DetailsSection } from './DetailsSection.js';
import { Loading, ProblemPage, useNavigationNotice, type NavigationNotice } from './feedback.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { InvitationsSection } from './InvitationsSection.js';
import { KindTag } from './KindTag.js';
import { MembersSection } from './MembersSection.js';
import { useAdminNames } from './names.js';
import { useAction, useResource } from './resource.js';
import { RetentionSection } from './RetentionSection.js';
import { buildTree } from './tree.js';
import type { ItemList, OrganisationDetails } from './types.js';
import './admin.css';

function ChildrenSection({ organisation, items }: { organisation: OrganisationDetails; items: OrganisationDetails[] }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const children = useMemo(() => buildTree(items.filter((item) => item.parentId === organisation.id), new Intl.Collator(names.locales)), [items, organisation.id, names.language]);
  const mayCreate = organisation.permissions.includes('manage-organisations');
  return (
    <section aria-labelledby="children-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="children-heading">{t('admin.children.heading')}</Heading>
      {children.length === 0 ? (
        <Paragraph>{t('admin.children.none')}</Paragraph>
      ) : (
        <ul className="admin-children">
          {children.map(({ organisation: child }) => (
            <li key={child.id}>
              <Link asChild>
                <RouterLink to={`/admin/organisasjoner/${child.id}`}>{child.name}</RouterLink>
              </Link>
              <KindTag kind={child.kind} />
            </li>
          ))}
        </ul>
      )}
      {mayCreate && (
        <Button variant="secondary" asChild>
          <RouterLink to={`/admin/organisasjoner/ny?over=${organisation.id}`}>{t('admin.children.create', { name: organisation.name })}</RouterLink>
        </Button>
      )}
    </section>
  );
}

function DeleteSection({ organisation }: { organisation: OrganisationDetails }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const remove = async () => {
    if (action.pending) return;
    if (await action.run(() => sendJson('DELETE', `/api/organisations/${organisation.id}`), '')) {
      navigate(organisation.parentId ? `/admin/organisasjoner/${organisation.parentId}` : '/admin', { state: { notice: t('admin.delete.done', { name: organisation.name }) } satisfies NavigationNotice });
    }
  };
  return (
    <section aria-labelledby="delete-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="delete-heading">{t('admin.delete.heading')}</Heading>
      <Paragraph data-size="sm">{t('admin.delete.intro')}</Paragraph>
      <Button
        variant="secondary"
        data-color="danger"
        onClick={() => {
          action.reset();
          setAsking(true);
        }}
      >
        {t('admin.delete.button', { name: organisation.name })}
      </Button>
      <ConfirmDialog
        open={asking}
        heading={t('admin.delete.confirmHeading', { name: organisation.name })}
        confirmLabel={t('admin.delete.confirm')}
        pending={action.pending}
        error={action.error?.message}
        onConfirm={() => void remove()}
        onClose={() => setAsking(false)}
      >
        {t('admin.delete.confirmText')}
      </ConfirmDialog>
    </section>
  );
}

function OrganisationView({ id }: { id: string }) {
  const { t } = useTranslation();
  const notice = useNavigationNotice();
  const organisation = useResource<OrganisationDetails>(`/api/organisations/${id}`);
  const tree = useResource<ItemList<OrganisationDetails>>('/api/organisations/tree');
  const items = tree.resource.status === 'ready' ? tree.resource.data.items : [];
  const trail = useTrail(items, id);
  useDocumentTitle(organisation.resource.status === 'ready' ? organisation.resource.data.name : undefined);

  if (organisation.resource.status === 'error') return <ProblemPage error={organisation.resource.error} />;
  if (organisation.resource.status === 'loading' || tree.resource.status === 'loading') return <Loading />;
  const current = organisation.resource.data;
  const may = (permission: OrganisationDetails['permissions'][number]) => current.permissions.includes(permission);
  const reloadAll = () => {
    organisation.reload();
    tree.reload();
  };

  return (
    <div className="admin-page admin-organisation">
      <Breadcrumbs trail={trail} />
      <PageHeading>{current.name}</PageHeading>
      <div className="tag-row">
        <KindTag kind={current.kind} />
        {current.orgNumber && <span className="admin-org-number">{t('admin.orgNumberShort', { number: current.orgNumber })}</span>}
      </div>
      <StatusMessage className="admin-feedback" done={notice} />
      {may('read-audit') && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={`/admin/organisasjoner/${current.id}/logg`}>{t('admin.audit.link', { name: current.name })}</RouterLink>
          </Link>
        </Paragraph>
      )}
      <DetailsSection organisation={current} items={items} onSaved={reloadAll} />
      <ChildrenSection organisation={current} items={items} />
      <MembersSection organisation={current} />
      {may('manage-members') && <InvitationsSection organisation={current} />}
      {current.parentId === null && may('administer') && <RetentionSection organisation={current} />}
      {may('administer') && <DeleteSection organisation={current} />}
    </div>
  );
}

export default function OrganisationPage() {
  const { id = '' } = useParams();
  // A new organisation is a new page: fresh state, and its heading takes focus.
  return <OrganisationView key={id} id={id} />;
}
