import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Link } from '@digdir/designsystemet-react';

/** The portfolio's own pages, at the top of each. */
export function PortfolioNavigation() {
  const { t } = useTranslation();
  const pages = [
    { to: '/portefolje', label: t('portfolio.nav.list'), end: true },
    { to: '/portefolje/oversikt', label: t('portfolio.nav.dashboard'), end: true },
    { to: '/portefolje/import', label: t('portfolio.nav.import'), end: true },
  ];
  return (
    <nav aria-label={t('portfolio.nav.label')} className="portfolio-nav">
      <ul>
        {pages.map((page) => (
          <li key={page.to}>
            <Link asChild>
              <NavLink to={page.to} end={page.end}>
                {page.label}
              </NavLink>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
