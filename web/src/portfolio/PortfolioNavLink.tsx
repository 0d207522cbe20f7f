import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link } from '@digdir/designsystemet-react';
import { useSession } from '../app/session.js';

/** The main navigation's way to the portfolio, for signed-in people (every portfolio page needs an account). */
export function PortfolioNavLink() {
  const { t } = useTranslation();
  const { user, ended } = useSession();
  if (!user || ended) return null;
  return (
    <Link asChild>
      <RouterLink to="/portefolje">{t('portfolio.nav.main')}</RouterLink>
    </Link>
  );
}
