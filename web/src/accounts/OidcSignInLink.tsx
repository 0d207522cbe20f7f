import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import type { SignInMethods } from '../app/session.js';

/** Sign-in through the identity provider: a full page visit that comes back to `returnTo`. */
export function OidcSignInLink({ methods, returnTo, variant = 'primary' }: { methods: SignInMethods; returnTo: string; variant?: 'primary' | 'secondary' }) {
  const { t } = useTranslation();
  const href = `/api/auth/oidc/start?${new URLSearchParams({ returnTo }).toString()}`;
  return (
    <div>
      <Button asChild variant={variant}>
        <a href={href}>{methods.oidcName ? t('auth.signInWith', { provider: methods.oidcName }) : t('auth.signInWithProvider')}</a>
      </Button>
    </div>
  );
}
