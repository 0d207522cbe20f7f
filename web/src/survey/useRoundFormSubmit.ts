/** Submitting a round's details: the form's own checks, then the server's; problems land on the fields either way. */
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { FormProblem } from '../app/form-problems.js';
import { useFormSubmit } from '../app/useFormSubmit.js';
import { API_FIELDS, roundFormProblems, type RoundForm } from './round-form.js';

const FORM_FIELD_OF = API_FIELDS;
const API_FIELD_OF: Record<string, string> = Object.fromEntries(Object.entries(API_FIELDS).map(([api, form]) => [form, api]));

export function useRoundFormSubmit(idPrefix: string) {
  const { t } = useTranslation();
  const { problems, attempt, busy, submit } = useFormSubmit(Object.keys(API_FIELDS));
  // Problems are kept under the API's field names (the server's), and shown on the form's fields.
  const fieldIds = Object.fromEntries(Object.entries(FORM_FIELD_OF).map(([api, form]) => [api, `${idPrefix}${form}`]));
  const problem = (field: keyof RoundForm) => problems.find((p) => p.field === API_FIELD_OF[field])?.message;
  const check = (form: RoundForm): FormProblem[] =>
    roundFormProblems(form).map(({ field, problem: kind }) => ({ field: API_FIELD_OF[field], message: t(`survey.form.problem.${kind}`, { field: t(`survey.form.${field}`) }) }));
  const submitRound = (event: FormEvent, form: RoundForm, send: () => Promise<void>) => submit(event, () => check(form), send);
  return { problems, attempt, busy, fieldIds, problem, submitRound };
}
