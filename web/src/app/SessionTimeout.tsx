import { useEffect, useId, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { SignInForm } from '../accounts/SignInForm.js';
import { OidcSignInLink } from '../accounts/OidcSignInLink.js';
import { getJson, toLocalTime } from './api.js';
import { INTL_LOCALES, currentLanguage } from './i18n.js';
import { sessionPhase, warningLeadMs, type SessionPhase } from './session-rules.js';
import { signInPath, useSession, useSignOutAndLeave, type Me } from './session.js';

/**
 * Warns before an idle session ends and says so when it has. Neither dialog leaves the page: what the
 * person typed stays, and they can sign in again inside the dialog and carry on.
 */
export function SessionTimeout() {
  const { user, expiresAt, idleMinutes, ended, confirmEnded } = useSession();
  const [phase, setPhase] = useState<SessionPhase>('active');

  useEffect(() => {
    if (!user || !expiresAt || ended) {
      setPhase('active');
      return;
    }
    const tick = () => setPhase(sessionPhase(Date.now(), toLocalTime(expiresAt), warningLeadMs(idleMinutes)));
    tick();
    // A timer per second rather than one long timeout: long timeouts drift or stall while a laptop sleeps.
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [user, expiresAt, idleMinutes, ended]);

  useEffect(() => {
    if (phase === 'ended') confirmEnded().catch(() => undefined);
  }, [phase, confirmEnded]);

  if (ended) return <SignedOutDialog />;
  if (phase === 'warning' && expiresAt) return <IdleWarningDialog endsAt={toLocalTime(expiresAt)} />;
  return null;
}

/** Both dialogs' frame: named by its heading, the content stacked below. */
function SessionDialog({ heading, children, ...dialog }: { heading: string; children: ReactNode } & Pick<ComponentProps<typeof Dialog>, 'open' | 'onClose' | 'closeButton' | 'closedby'>) {
  const headingId = useId();
  return (
    <Dialog {...dialog} aria-labelledby={headingId} className="session-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {heading}
        </Heading>
      </Dialog.Block>
      <Dialog.Block className="stack">{children}</Dialog.Block>
    </Dialog>
  );
}

function IdleWarningDialog({ endsAt }: { endsAt: number }) {
  const { t } = useTranslation();
  const { keepAlive } = useSession();
  const signOutAndLeave = useSignOutAndLeave();
  const stay = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | undefined>();
  const time = new Intl.DateTimeFormat(INTL_LOCALES[currentLanguage()], { timeStyle: 'short' }).format(new Date(endsAt));

  useEffect(() => {
    stay.current?.focus();
  }, []);

  const keep = () => keepAlive().catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  return (
    // No close button and no Escape: the person chooses to stay or to leave (WCAG 2.2.1, timing adjustable).
    <SessionDialog open closeButton={false} closedby="none" heading={t('session.warningHeading')}>
      <Paragraph>{t('session.warningText', { time })}</Paragraph>
      {error && (
        <Alert data-color="danger" data-size="sm" role="alert">
          {error}
        </Alert>
      )}
      <div className="form-actions">
        <Button ref={stay} onClick={keep}>
          {t('session.staySignedIn')}
        </Button>
        <Button variant="secondary" onClick={() => void signOutAndLeave()}>
          {t('session.signOutNow')}
        </Button>
      </div>
    </SessionDialog>
  );
}

function SignedOutDialog() {
  const { t } = useTranslation();
  const { user, methods, refresh } = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(true);
  const here = location.pathname + location.search;

  const signedInAgain = async () => {
    const now = await getJson<Me>('/api/me');
    // Someone else signed in on this screen: the page must not go on showing the previous person's data.
    if (now.id !== user?.id) return window.location.assign(here);
    await refresh();
  };

  return (
    <SessionDialog open={open} onClose={() => setOpen(false)} closeButton={t('session.closeDialog')} heading={t('session.endedHeading')}>
      <Paragraph>{t('session.endedText')}</Paragraph>
      {methods.oidc && <OidcSignInLink methods={methods} returnTo={here} variant="secondary" />}
      {methods.password && <SignInForm initialEmail={user?.email} onSignedIn={signedInAgain} />}
      <Paragraph data-size="sm">
        <Link asChild>
          <RouterLink to={signInPath(here)} onClick={() => setOpen(false)}>
            {t('session.signInOnOwnPage')}
          </RouterLink>
        </Link>
      </Paragraph>
    </SessionDialog>
  );
}
