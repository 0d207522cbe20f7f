/** The way from /admin down to where the person is, as far as they can see the tree. */
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link } from '@digdir/designsystemet-react';
import { ancestorsOf } from './tree.js';
import type { OrganisationDetails } from './types.js';

export interface Crumb {
  to: string;
  name: string;
}

/** Administration, then the organisation's ancestors; `self` adds the organisation itself (for its sub-pages). */
export function useTrail(items: readonly OrganisationDetails[], id: string, self?: string): Crumb[] {
  const { t } = useTranslation();
  return [
    { to: '/admin', name: t('admin.title') },
    ...ancestorsOf(items, id).map((o) => ({ to: `/admin/organisasjoner/${o.id}`, name: o.name })),
    ...(self === undefined ? [] : [{ to: `/admin/organisasjoner/${id}`, name: self }]),
  ];
}

export function Breadcrumbs({ trail }: { trail: readonly Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('admin.breadcrumbs')} className="breadcrumbs">
      <ol className="admin-breadcrumbs">
        {trail.map(({ to, name }) => (
          <li key={to}>
            <Link asChild>
              <RouterLink to={to}>{name}</RouterLink>
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
