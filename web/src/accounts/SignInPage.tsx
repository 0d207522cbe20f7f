import { Navigate, Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Divider, Link, Paragraph } from '@digdir/designsystemet-react';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { safeReturnPath, useSession } from '../app/session.js';
import { SignInForm } from './SignInForm.js';
import { OidcSignInLink } from './OidcSignInLink.js';

/** Why an OpenID Connect sign-in came back without a session (`?feil=`), in the reader's words. */
const FAILURES: Record<string, string> = {
  'idp-utilgjengelig': 'auth.idpUnavailable',
  'innlogging-avbrutt': 'auth.signInCancelled',
};

export default function SignInPage() {
  const { t } = useTranslation();
  const { user, ended, methods, refresh } = useSession();
  const [params] = useSearchParams();
  const next = safeReturnPath(params.get('neste'));
  const failure = FAILURES[params.get('feil') ?? ''];
  useDocumentTitle(t('auth.signInTitle'));

  if (user && !ended) return <Navigate to={next} replace />;
  return (
    <div className="narrow stack">
      <PageHeading>{t('auth.signInTitle')}</PageHeading>
      {failure && (
        <Alert data-color="warning">
          <Paragraph>{t(failure)}</Paragraph>
        </Alert>
      )}
      {methods.oidc && (
        <>
          <OidcSignInLink methods={methods} returnTo={next} />
          {methods.password && <Divider />}
        </>
      )}
      {methods.password && (
        <>
          {methods.oidc && <Paragraph>{t('auth.orWithPassword')}</Paragraph>}
          <SignInForm onSignedIn={refresh} />
          <Paragraph>
            <Link asChild>
              <RouterLink to="/glemt-passord">{t('auth.forgotPassword')}</RouterLink>
            </Link>
          </Paragraph>
        </>
      )}
    </div>
  );
}
