import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link } from '@digdir/designsystemet-react';
import { useSession } from '../app/session.js';

/** The main navigation's way to the mapping surveys, for signed-in people (the pages need an account). */
export function SurveyNavLink() {
  const { t } = useTranslation();
  const { user, ended } = useSession();
  if (!user || ended) return null;
  return (
    <Link asChild>
      <RouterLink to="/kartlegging">{t('survey.nav')}</RouterLink>
    </Link>
  );
}
