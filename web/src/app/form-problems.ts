/** What went wrong in a form, for the error summary and the fields (pure). */

export interface FormProblem {
  /** The form's field at fault; none when the problem concerns the whole form (e.g. a lockout). */
  field?: string;
  message: string;
}

/** An error from the API (or the network) as the form's problem: on the field the server named, if the form has it. */
export function problemsFromError(error: unknown, fields: readonly string[], unreachable: string): FormProblem[] {
  if (!(error instanceof Error) || !('status' in error)) return [{ message: unreachable }];
  const field = 'field' in error && typeof error.field === 'string' && fields.includes(error.field) ? error.field : undefined;
  return [{ field, message: error.message }];
}

export function problemOf(problems: readonly FormProblem[], field: string): string | undefined {
  return problems.find((problem) => problem.field === field)?.message;
}

/** The server's rule for new passwords starts with this length (src/accounts/passwords.ts); it checks the rest. */
export const MIN_PASSWORD_LENGTH = 10;

export type NewPasswordProblem = 'too-short' | 'mismatch';

/** What can be told before asking the server: too short, or the two entries differ. */
export function newPasswordProblem(password: string, repeated: string): { field: 'password' | 'repeatPassword'; problem: NewPasswordProblem } | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { field: 'password', problem: 'too-short' };
  if (password !== repeated) return { field: 'repeatPassword', problem: 'mismatch' };
  return null;
}
