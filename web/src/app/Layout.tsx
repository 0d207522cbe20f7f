import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Dropdown, Field, Label, Link, Paragraph, Select, SkipLink } from '@digdir/designsystemet-react';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import { sendJson } from './api.js';
import { LANGUAGE_NAMES, changeLanguage, currentLanguage } from './i18n.js';
import { noticeOf } from './notice.js';
import { requestHeadingFocus } from './PageHeading.js';
import { canAdminister, signInPath, useSession, useSignOutAndLeave } from './session.js';
import { SessionTimeout } from './SessionTimeout.js';
import { StatusMessage } from './StatusMessage.js';
import { SurveyNavLink } from '../survey/SurveyNavLink.js';
import { PortfolioNavLink } from '../portfolio/PortfolioNavLink.js';

/**
 * After navigation (not on first load), the next page heading takes focus. A layout effect, so the request
 * is made before the new page's own effects run: a page whose chunk is already loaded mounts its heading in
 * the same commit (the router's update is a transition), and the heading claims focus in its effect.
 */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestHeadingFocus();
  }, [pathname]);
}

/** Pages not worth coming back to after signing in (the sign-in page then goes to my page). */
const NO_RETURN_AFTER_SIGN_IN = new Set(['/', '/logg-inn', '/glemt-passord', '/tilbakestill-passord']);

/** The signed-in person's menu (my page, administration, sign out), or the way to sign in. */
function AccountMenu() {
  const { t } = useTranslation();
  const { user, ended, loading } = useSession();
  const signOutAndLeave = useSignOutAndLeave();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  if (loading) return null;
  if (!user || ended) {
    const comeBack = !NO_RETURN_AFTER_SIGN_IN.has(location.pathname);
    return (
      <Link asChild>
        <RouterLink to={comeBack ? signInPath(location.pathname + location.search) : '/logg-inn'}>{t('auth.signIn')}</RouterLink>
      </Link>
    );
  }
  const close = () => setOpen(false);
  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger variant="tertiary" data-size="sm" aria-label={t('auth.accountMenu', { name: user.name })}>
        {user.name}
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="m6 9 6 6 6-6" />
        </svg>
      </Dropdown.Trigger>
      <Dropdown placement="bottom-end" open={open} onOpen={() => setOpen(true)} onClose={close}>
        <Dropdown.List>
          <Dropdown.Item>
            <Dropdown.Button asChild>
              <RouterLink to="/min-side" onClick={close}>
                {t('me.title')}
              </RouterLink>
            </Dropdown.Button>
          </Dropdown.Item>
          {canAdminister(user) && (
            <Dropdown.Item>
              <Dropdown.Button asChild>
                <RouterLink to="/admin" onClick={close}>
                  {t('auth.administration')}
                </RouterLink>
              </Dropdown.Button>
            </Dropdown.Item>
          )}
          <Dropdown.Item>
            <Dropdown.Button
              onClick={() => {
                close();
                void signOutAndLeave();
              }}
            >
              {t('auth.signOut')}
            </Dropdown.Button>
          </Dropdown.Item>
        </Dropdown.List>
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}

/** The header's language choice; a signed-in person's choice is also saved to their profile. */
function LanguageSelect() {
  const { t } = useTranslation();
  const { user, ended, refresh } = useSession();
  const choose = async (language: Language) => {
    await changeLanguage(language);
    if (user && !ended && user.language !== language) {
      await sendJson('PATCH', '/api/me', { language }).catch(() => undefined); // the page is in the new language either way
      await refresh();
    }
  };
  return (
    <Field className="app-language">
      <Label htmlFor="language-select">{t('layout.language')}</Label>
      <Select id="language-select" data-size="sm" value={currentLanguage()} onChange={(event) => void choose(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <Select.Option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = noticeOf(location.state);
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
            <SurveyNavLink />
            <PortfolioNavLink />
            <Link asChild>
              <RouterLink to="/about">{t('nav.about')}</RouterLink>
            </Link>
          </nav>
          <LanguageSelect />
          <div className="app-account">
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <StatusMessage done={notice && t(notice.key, notice.params)} />
        {children}
      </main>
      <SessionTimeout />
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
