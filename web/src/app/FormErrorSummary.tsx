import { type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '@digdir/designsystemet-react';
import type { FormProblem } from './form-problems.js';

/**
 * The problems of a form, above it. A new `attempt` mounts it afresh, which moves focus to it (the
 * element focuses itself), so a screen reader hears each new failure. Links focus the field without
 * touching the address (its fragment may hold a token).
 */
export function FormErrorSummary({ problems, fieldIds, attempt }: { problems: readonly FormProblem[]; fieldIds: Record<string, string>; attempt: number }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const focusField = (id: string) => (event: MouseEvent) => {
    event.preventDefault();
    document.getElementById(id)?.focus();
  };
  return (
    <ErrorSummary key={attempt} className="form-errors">
      <ErrorSummary.Heading>{t(problems.some((p) => p.field) ? 'session.fixProblems' : 'session.somethingWentWrong')}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {problems.map((problem) => {
          const id = problem.field ? fieldIds[problem.field] : undefined;
          return (
            <ErrorSummary.Item key={`${problem.field ?? ''}:${problem.message}`}>
              {id ? (
                <ErrorSummary.Link href={`#${id}`} onClick={focusField(id)}>
                  {problem.message}
                </ErrorSummary.Link>
              ) : (
                problem.message
              )}
            </ErrorSummary.Item>
          );
        })}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
