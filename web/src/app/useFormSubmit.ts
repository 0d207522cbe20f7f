import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsFromError, type FormProblem } from './form-problems.js';

/**
 * A form's submission: one request at a time, the form's own checks before it is sent, and the server's
 * refusal as problems (on `fields` the server may name). `attempt` counts submissions for the error summary.
 */
export function useFormSubmit(fields: readonly string[]) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent, check: () => FormProblem[], send: () => Promise<void>) => {
    event.preventDefault();
    if (busy) return;
    setAttempt((n) => n + 1);
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await send();
    } catch (error) {
      setProblems(problemsFromError(error, fields, t('session.unreachable')));
    } finally {
      setBusy(false);
    }
  };
  return { problems, attempt, busy, submit };
}
