/** A round's details, editable; a save that crossed someone else's (409) says so and keeps what was typed. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { FormErrorSummary } from '../app/FormErrorSummary.js';
import { StatusMessage } from '../app/StatusMessage.js';
import { useAnnouncement } from '../admin/feedback.js';
import { formFromRound, roundBody, type RoundForm } from './round-form.js';
import { RoundFields } from './RoundFields.js';
import { useRoundFormSubmit } from './useRoundFormSubmit.js';
import type { Round } from './types.js';

const ID_PREFIX = 'details-';

export function RoundDetailsSection({ round, onSaved }: { round: Round; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<RoundForm>(() => formFromRound(round));
  const { problems, attempt, busy, fieldIds, problem, submitRound } = useRoundFormSubmit(ID_PREFIX);
  const [notice, announce] = useAnnouncement();
  const send = async () => {
    await sendJson('PATCH', `/api/surveys/rounds/${round.id}`, { ...roundBody(form), version: round.version });
    announce(t('survey.details.saved'));
    onSaved();
  };
  return (
    <section aria-labelledby="details-heading" className="admin-section">
      <Heading level={2} data-size="sm" id="details-heading">{t('survey.details.heading')}</Heading>
      <form className="admin-form" noValidate onSubmit={(event) => void submitRound(event, form, send)}>
        <FormErrorSummary problems={problems} fieldIds={fieldIds} attempt={attempt} />
        <RoundFields idPrefix={ID_PREFIX} form={form} onChange={setForm} problem={problem} />
        <StatusMessage className="admin-feedback" done={notice} />
        <div className="form-actions">
          <Button type="submit" loading={busy}>{t('survey.details.save')}</Button>
        </div>
      </form>
    </section>
  );
}
