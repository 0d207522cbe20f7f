import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf, problemsFromError, type FormProblem } from '../app/form-problems.js';

const FIELDS = ['email', 'password'] as const;

/** E-mail and password; used by the sign-in page and by the "you were signed out" dialog. */
export function SignInForm({ initialEmail = '', onSignedIn }: { initialEmail?: string; onSignedIn: () => Promise<void> | void }) {
  const { t } = useTranslation();
  const ids = { email: useId(), password: useId() };
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const missing: FormProblem[] = [
      ...(email.trim() ? [] : [{ field: 'email', message: t('auth.emailRequired') }]),
      ...(password ? [] : [{ field: 'password', message: t('auth.passwordRequired') }]),
    ];
    setProblems(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      await sendJson('POST', '/api/auth/sign-in', { email: email.trim(), password });
      setPassword('');
      await onSignedIn();
    } catch (error) {
      setProblems(problemsFromError(error, FIELDS, t('session.unreachable')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
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
