import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf } from '../app/form-problems.js';
import { useFormSubmit } from '../app/useFormSubmit.js';

const FIELDS = ['email', 'password'] as const;

/** E-mail and password; used by the sign-in page and by the "you were signed out" dialog. */
export function SignInForm({ initialEmail = '', onSignedIn }: { initialEmail?: string; onSignedIn: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const ids = { email: useId(), password: useId() };
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const { problems, attempt, busy, submit } = useFormSubmit(FIELDS);

  const signIn = (event: FormEvent) =>
    submit(
      event,
      () => [
        ...(email.trim() ? [] : [{ field: 'email', message: t('auth.emailRequired') }]),
        ...(password ? [] : [{ field: 'password', message: t('auth.passwordRequired') }]),
      ],
      async () => {
        await sendJson('POST', '/api/auth/sign-in', { email: email.trim(), password });
        setPassword('');
        await onSignedIn();
      },
    );

  return (
    <form onSubmit={signIn} noValidate className="stack">
      <FormErrorSummary problems={problems} fieldIds={ids} attempt={attempt} />
      <Textfield id={ids.email} label={t('auth.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={problemOf(problems, 'email')} />
      <Textfield
        id={ids.password}
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={problemOf(problems, 'password')}
      />
      <div>
        <Button type="submit" aria-disabled={busy || undefined}>
          {t('auth.signIn')}
        </Button>
      </div>
    </form>
  );
}
