import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Fieldset, Heading, Radio, Textfield } from '@digdir/designsystemet-react';
import type { Status } from '../../../src/portfolio/life-cycle.js';
import { sendJson } from '../app/api.js';
import { asApiError } from '../admin/resource.js';
import { osloToday } from './present.js';
import type { Initiative } from './types.js';

/** Moves an initiative on in its life cycle: only the allowed next steps, with the date it happened and a comment. */
export function StatusDialog({ initiative, open, onClose, onChanged }: { initiative: Initiative; open: boolean; onClose: () => void; onChanged: (next: Initiative) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [status, setStatus] = useState<Status | ''>('');
  const [date, setDate] = useState(osloToday());
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (open) {
      setStatus(initiative.allowedTransitions[0] ?? '');
      setDate(osloToday());
      setComment('');
      setError(null);
    }
  }, [open, initiative.allowedTransitions]);
  const submit = async () => {
    if (!status || pending) return;
    setPending(true);
    setError(null);
    try {
      const next = await sendJson<Initiative>('POST', `/api/portfolio/initiatives/${initiative.id}/status`, { status, date: date || undefined, comment: comment.trim() || undefined, version: initiative.version });
      onChanged(next!);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('portfolio.page.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('portfolio.page.changeStatus')}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Fieldset>
            <Fieldset.Legend>{t('portfolio.page.nextStatus', { status: t(`portfolio.status.${initiative.status}`) })}</Fieldset.Legend>
            {initiative.allowedTransitions.map((next) => (
              <Radio key={next} name="next-status" value={next} label={t(`portfolio.status.${next}`)} checked={status === next} onChange={() => setStatus(next)} />
            ))}
          </Fieldset>
          <Textfield type="date" label={t('portfolio.page.statusDate')} description={t('portfolio.page.statusDateHelp')} value={date} onChange={(e) => setDate(e.target.value)} />
          <Textfield multiline rows={3} label={t('portfolio.page.statusComment')} value={comment} onChange={(e) => setComment(e.target.value)} />
          {error && (
            <Alert data-color="danger" data-size="sm" role="alert">
              {error}
            </Alert>
          )}
          <div className="form-actions">
            <Button type="submit" loading={pending} aria-disabled={pending || undefined}>
              {t('portfolio.page.saveStatus')}
            </Button>
            <Button variant="secondary" onClick={onClose}>
              {t('portfolio.page.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
