import { useTranslation } from 'react-i18next';
import { Textfield } from '@digdir/designsystemet-react';
import { MIN_PASSWORD_LENGTH, newPasswordProblem, problemOf, type FormProblem } from '../app/form-problems.js';

export interface NewPassword {
  password: string;
  repeatPassword: string;
}

/** The new password twice, with the length hint; used for reset, change and a new account. */
export function NewPasswordFields({ ids, value, onChange, problems }: { ids: { password: string; repeatPassword: string }; value: NewPassword; onChange: (value: NewPassword) => void; problems: readonly FormProblem[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield
        id={ids.password}
        label={t('auth.newPassword')}
        description={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.target.value })}
        error={problemOf(problems, 'password')}
      />
      <Textfield
        id={ids.repeatPassword}
        label={t('auth.repeatPassword')}
        type="password"
        autoComplete="new-password"
        value={value.repeatPassword}
        onChange={(e) => onChange({ ...value, repeatPassword: e.target.value })}
        error={problemOf(problems, 'repeatPassword')}
      />
    </>
  );
}

/** The problem the browser can tell before asking the server, as a form problem. */
export function useNewPasswordCheck(): (value: NewPassword) => FormProblem[] {
  const { t } = useTranslation();
  return (value) => {
    const problem = newPasswordProblem(value.password, value.repeatPassword);
    if (!problem) return [];
    return [{ field: problem.field, message: problem.problem === 'too-short' ? t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) : t('auth.passwordsDiffer') }];
  };
}
