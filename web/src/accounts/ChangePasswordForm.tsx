import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { problemOf } from '../app/form-problems.js';
import type { Notice } from '../app/notice.js';
import { useFormSubmit } from '../app/useFormSubmit.js';
import { NewPasswordFields, useNewPasswordCheck, type NewPassword } from './NewPasswordFields.js';

const FIELDS = ['currentPassword', 'password'] as const;
const EMPTY = { currentPassword: '', password: '', repeatPassword: '' };

/** The current password and a new one; the server then signs out the person's other devices. */
export function ChangePasswordForm({ email, onChanged }: { email: string; onChanged: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const ids = { currentPassword: useId(), password: useId(), repeatPassword: useId() };
  const [value, setValue] = useState(EMPTY);
  const { problems, attempt, busy, submit } = useFormSubmit(FIELDS);
  const checkNewPassword = useNewPasswordCheck();

  const change = (event: FormEvent) =>
    submit(
      event,
      () => [...(value.currentPassword ? [] : [{ field: 'currentPassword', message: t('auth.passwordRequired') }]), ...checkNewPassword(value)],
      async () => {
        await sendJson('POST', '/api/me/password', { currentPassword: value.currentPassword, password: value.password });
        setValue(EMPTY);
        onChanged({ key: 'me.passwordChanged' });
      },
    );

  return (
    <form onSubmit={change} noValidate className="stack">
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
