import { useId, useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf, problemsFromError, type FormProblem } from '../app/form-problems.js';
import { PageHeading } from '../app/PageHeading.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const ids = { email: useId() };
  const [email, setEmail] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sentTo, setSentTo] = useState<string | undefined>();
  useDocumentTitle(t('auth.forgotTitle'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!email.trim()) {
      setProblems([{ field: 'email', message: t('auth.emailRequired') }]);
      return;
    }
    setProblems([]);
    try {
      await sendJson('POST', '/api/auth/password-reset', { email: email.trim() });
      setSentTo(email.trim());
    } catch (error) {
      setProblems(problemsFromError(error, ['email'], t('session.unreachable')));
    }
  };

  return (
    <div className="narrow stack">
      <PageHeading>{t('auth.forgotTitle')}</PageHeading>
      <StatusMessage done={sentTo && t('auth.resetSent', { email: sentTo })} />
      {!sentTo && (
        <>
          <Paragraph>{t('auth.forgotIntro')}</Paragraph>
          <form onSubmit={submit} noValidate className="stack">
            <FormErrorSummary problems={problems} fieldIds={ids} attempt={attempt} />
            <Textfield id={ids.email} label={t('auth.email')} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={problemOf(problems, 'email')} />
            <div>
              <Button type="submit">{t('auth.sendResetLink')}</Button>
            </div>
          </form>
        </>
      )}
      <Paragraph>
        <Link asChild>
          <RouterLink to="/logg-inn">{t('auth.backToSignIn')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
