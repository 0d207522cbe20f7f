import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf, problemsFromError, type FormProblem } from '../app/form-problems.js';
import type { Notice } from '../app/notice.js';
import { NewPasswordFields, useNewPasswordCheck, type NewPassword } from './NewPasswordFields.js';

const EMPTY = { currentPassword: '', password: '', repeatPassword: '' };

/** The current password and a new one; the server then signs out the person's other devices. */
export function ChangePasswordForm({ email, onChanged }: { email: string; onChanged: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const ids = { currentPassword: useId(), password: useId(), repeatPassword: useId() };
  const [value, setValue] = useState(EMPTY);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const checkNewPassword = useNewPasswordCheck();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const found = [...(value.currentPassword ? [] : [{ field: 'currentPassword', message: t('auth.passwordRequired') }]), ...checkNewPassword(value)];
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await sendJson('POST', '/api/me/password', { currentPassword: value.currentPassword, password: value.password });
      setValue(EMPTY);
      onChanged({ key: 'me.passwordChanged' });
    } catch (error) {
      setProblems(problemsFromError(error, ['currentPassword', 'password'], t('session.unreachable')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormErrorSummary problems={problems} fieldIds={ids} attempt={attempt} />
      {/* Password managers need to know whose password changes. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Textfield
        id={ids.currentPassword}
        label={t('me.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={value.currentPassword}
        onChange={(e) => setValue({ ...value, currentPassword: e.target.value })}
        error={problemOf(problems, 'currentPassword')}
      />
      <NewPasswordFields ids={ids} value={value} onChange={(next: NewPassword) => setValue({ ...value, ...next })} problems={problems} />
      <div>
        <Button type="submit" loading={busy}>
          {t('me.changePassword')}
        </Button>
      </div>
    </form>
  );
}
