import { useEffect, useRef, type ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Field, Label, Link, Paragraph, Select, SkipLink } from '@digdir/designsystemet-react';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import { LANGUAGE_NAMES, changeLanguage, currentLanguage } from './i18n.js';
import { requestHeadingFocus } from './PageHeading.js';

/** After navigation (not on first load), the next page heading takes focus. */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestHeadingFocus();
  }, [pathname]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useFocusOnNavigation();
  return (
    <div className="app">
      <SkipLink href="#main">{t('layout.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-header__inner">
          <RouterLink to="/" className="app-logo">
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <span>Mulighetsrom</span>
          </RouterLink>
          <nav aria-label={t('layout.mainNavigation')} className="app-nav">
            <Link asChild>
              <RouterLink to="/navigator">{t('nav.navigator')}</RouterLink>
            </Link>
            <Link asChild>
              <RouterLink to="/programmes">{t('nav.programmes')}</RouterLink>
            </Link>
            <Link asChild>
              <RouterLink to="/about">{t('nav.about')}</RouterLink>
            </Link>
          </nav>
          <Field className="app-language">
            <Label htmlFor="language-select">{t('layout.language')}</Label>
            <Select
              id="language-select"
              data-size="sm"
              value={currentLanguage()}
              onChange={(event) => void changeLanguage(event.target.value as Language)}
            >
              {LANGUAGES.map((language) => (
                <Select.Option key={language} value={language} lang={language}>
                  {LANGUAGE_NAMES[language]}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <Paragraph data-size="sm">{t('layout.footer')}</Paragraph>
        <Link asChild>
          <RouterLink to="/accessibility">{t('nav.accessibility')}</RouterLink>
        </Link>
        <Link href="/api/docs">{t('nav.api')}</Link>
      </footer>
    </div>
  );
}
