/**
 * /admin: the organisations the person can see, as a tree of nested lists. Each level with organisations
 * below it has a disclosure button (Tab to reach, Enter or Space to open); a filter narrows long trees
 * (a county with hundreds of units) to the matches and opens the way to them.
 */
import { useId, useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { useSession } from '../app/session.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { Loading, ProblemPage, useNavigationNotice } from './feedback.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { KindTag } from './KindTag.js';
import { useAdminNames } from './names.js';
import { useResource } from './resource.js';
import { buildTree, filterTree, type TreeNode } from './tree.js';
import type { ItemList, OrganisationDetails } from './types.js';
import './admin.css';

function Chevron() {
  return (
    <svg className="org-tree__chevron" aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
      <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function TreeItem({ node, open, toggle }: { node: TreeNode; open: ReadonlySet<string>; toggle: (id: string) => void }) {
  const { t } = useTranslation();
  const listId = useId();
  const { organisation, children } = node;
  const expanded = open.has(organisation.id);
  return (
    <li>
      <div className="org-tree__row">
        {children.length > 0 ? (
          <Button
            variant="tertiary"
            data-size="sm"
            icon
            className="org-tree__toggle"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-label={t('admin.tree.toggle', { name: organisation.name })}
            onClick={() => toggle(organisation.id)}
          >
            <Chevron />
          </Button>
        ) : (
          <span className="org-tree__spacer" />
        )}
        <Link asChild>
          <RouterLink to={`/admin/organisasjoner/${organisation.id}`}>{organisation.name}</RouterLink>
        </Link>
        <KindTag kind={organisation.kind} />
        {node.descendantCount > 0 && <span className="org-tree__count">{t('admin.tree.below', { count: node.descendantCount })}</span>}
      </div>
      {children.length > 0 && (
        <ul id={listId} className="org-tree" hidden={!expanded}>
          {expanded && children.map((child) => <TreeItem key={child.organisation.id} node={child} open={open} toggle={toggle} />)}
        </ul>
      )}
    </li>
  );
}

function OrganisationTree({ items }: { items: OrganisationDetails[] }) {
  const { t } = useTranslation();
  const names = useAdminNames();
  const roots = useMemo(() => buildTree(items, new Intl.Collator(names.locales)), [items, names.language]);
  const [search, setSearch] = useState('');
  // The top level starts open, so the first thing seen is the structure one level down.
  const topLevel = () => new Set(roots.map((root) => root.organisation.id));
  const [open, setOpen] = useState<Set<string>>(topLevel);
  const filtered = useMemo(() => filterTree(roots, search), [roots, search]);
  const searching = search.trim() !== '';
  // A new search opens the way to its matches; the person may then open and close as they like.
  const changeSearch = (next: string) => {
    setSearch(next);
    setOpen(next.trim() === '' ? topLevel() : filterTree(roots, next).open);
  };
  const toggle = (id: string) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const openAll = () => setOpen(new Set(items.map((item) => item.id)));
  const closeAll = () => setOpen(new Set());

  return (
    <section aria-labelledby="organisations-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="organisations-heading">{t('admin.tree.heading')}</Heading>
      <search className="admin-filter">
        <Textfield
          type="search"
          label={t('admin.tree.filter')}
          description={t('admin.tree.filterHelp')}
          value={search}
          autoComplete="off"
          onChange={(event) => changeSearch(event.target.value)}
        />
      </search>
      <div className="form-actions org-tree__controls">
        <Button variant="tertiary" data-size="sm" onClick={openAll}>{t('admin.tree.openAll')}</Button>
        <Button variant="tertiary" data-size="sm" onClick={closeAll}>{t('admin.tree.closeAll')}</Button>
      </div>
      <Paragraph role="status" data-size="sm" className="org-tree__result">
        {searching ? (filtered.matchCount === 0 ? t('admin.tree.noMatches', { search: search.trim() }) : t('admin.tree.matches', { count: filtered.matchCount })) : ''}
      </Paragraph>
      <ul className="org-tree org-tree--root" aria-labelledby="organisations-heading">
        {filtered.roots.map((root) => (
          <TreeItem key={root.organisation.id} node={root} open={open} toggle={toggle} />
        ))}
      </ul>
    </section>
  );
}

export default function AdminHomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const notice = useNavigationNotice();
  const { resource } = useResource<ItemList<OrganisationDetails>>('/api/organisations/tree');
  useDocumentTitle(t('admin.title'));
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ProblemPage error={resource.error} />;
  const { items } = resource.data;
  const mayCreate = (user?.systemAdministrator ?? false) || items.some((item) => item.permissions.includes('manage-organisations'));
  return (
    <div className="admin-page">
      <PageHeading>{t('admin.title')}</PageHeading>
      <Paragraph className="lead">{t('admin.intro')}</Paragraph>
      <StatusMessage className="admin-feedback" done={notice} />
      {mayCreate && (
        <Button asChild>
          <RouterLink to="/admin/organisasjoner/ny">{t('admin.new.title')}</RouterLink>
        </Button>
      )}
      {items.length === 0 ? <Paragraph>{t('admin.tree.empty')}</Paragraph> : <OrganisationTree items={items} />}
    </div>
  );
}
