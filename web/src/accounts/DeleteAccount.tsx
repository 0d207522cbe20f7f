import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { sendJson } from '../app/api.js';
import { clearDrafts } from '../app/drafts.js';
import { problemOf, problemsFromError, type FormProblem } from '../app/form-problems.js';
import { withNotice } from '../app/notice.js';
import { useSession, type Me } from '../app/session.js';

/** Deleting one's own account, confirmed by typing one's e-mail address. */
export function DeleteAccount({ user }: { user: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const ids = { confirmEmail: useId(), heading: useId() };
  const [open, setOpen] = useState(false);
  const [confirmEmail, setConfirmEmail] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setProblems([]);
    setConfirmEmail('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
      setProblems([{ field: 'confirmEmail', message: t('me.confirmEmailMismatch') }]);
      input.current?.focus();
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      await sendJson('DELETE', '/api/me', { confirmEmail: confirmEmail.trim() });
      clearDrafts();
      navigate('/', withNotice('me.accountDeleted'));
      await refresh();
    } catch (error) {
      setProblems(problemsFromError(error, ['confirmEmail'], t('session.unreachable')));
    } finally {
      setBusy(false);
    }
  };

  const general = problems.find((problem) => !problem.field)?.message;
  return (
    <>
      <Paragraph>{t('me.deleteIntro')}</Paragraph>
      <div>
        <Button variant="secondary" data-color="danger" onClick={() => setOpen(true)}>
          {t('me.deleteAccount')}
        </Button>
      </div>
      <Dialog open={open} onClose={close} closeButton={t('session.closeDialog')} aria-labelledby={ids.heading}>
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={ids.heading}>
            {t('me.deleteHeading')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <form onSubmit={submit} noValidate className="stack">
            <Paragraph>{t('me.deleteWarning')}</Paragraph>
            {general && (
              <Alert data-color="danger" data-size="sm" role="alert">
                {general}
              </Alert>
            )}
            <Textfield
              id={ids.confirmEmail}
              ref={input}
              label={t('me.confirmEmail', { email: user.email })}
              type="email"
              autoComplete="off"
              value={confirmEmail}
              onChange={(e) => setConfirmEmail(e.target.value)}
              error={problemOf(problems, 'confirmEmail')}
            />
            <div className="form-actions">
              <Button type="submit" data-color="danger" loading={busy}>
                {t('me.deleteConfirm')}
              </Button>
              <Button type="button" variant="secondary" onClick={close}>
                {t('session.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </>
  );
}
