import { useId, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Button, Link, Paragraph } from '@digdir/designsystemet-react';
import { ApiError, sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemsFromError, type FormProblem } from '../app/form-problems.js';
import { withNotice } from '../app/notice.js';
import { PageHeading, requestHeadingFocus } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useFragmentToken } from './fragment-token.js';
import { NewPasswordFields, useNewPasswordCheck, type NewPassword } from './NewPasswordFields.js';

/** Sets a new password with the e-mailed link (`/tilbakestill-passord#<token>`). */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { token, forget } = useFragmentToken('mulighetsrom.reset-token');
  const ids = { password: useId(), repeatPassword: useId() };
  const [value, setValue] = useState<NewPassword>({ password: '', repeatPassword: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [linkInvalid, setLinkInvalid] = useState(!token);
  const check = useNewPasswordCheck();
  useDocumentTitle(t(linkInvalid ? 'auth.resetLinkInvalidTitle' : 'auth.resetTitle'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found = check(value);
    setProblems(found);
    if (found.length > 0) return;
    try {
      await sendJson('POST', '/api/auth/password-reset/complete', { token, password: value.password });
      forget();
      navigate('/logg-inn', withNotice('auth.resetDone'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 410) {
        forget();
        requestHeadingFocus();
        setLinkInvalid(true);
        return;
      }
      setProblems(problemsFromError(error, ['password'], t('session.unreachable')));
    }
  };

  if (linkInvalid) {
    return (
      <div className="narrow stack">
        <PageHeading key="invalid">{t('auth.resetLinkInvalidTitle')}</PageHeading>
        <Paragraph>{t('auth.resetLinkInvalid')}</Paragraph>
        <Paragraph>
          <Link asChild>
            <RouterLink to="/glemt-passord">{t('auth.askForNewLink')}</RouterLink>
          </Link>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <PageHeading>{t('auth.resetTitle')}</PageHeading>
      <Paragraph>{t('auth.resetIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="stack">
        <FormErrorSummary problems={problems} fieldIds={ids} attempt={attempt} />
        <NewPasswordFields ids={ids} value={value} onChange={setValue} problems={problems} />
        <div>
          <Button type="submit">{t('auth.savePassword')}</Button>
        </div>
      </form>
    </div>
  );
}
