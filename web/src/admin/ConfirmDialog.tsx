/** Asks before an action that cannot be undone; the server's refusal (e.g. the last administrator) shows inside. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';

export interface ConfirmDialogProps {
  open: boolean;
  heading: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  error?: string | undefined;
  onConfirm(): void;
  onClose(): void;
}

export function ConfirmDialog({ open, heading, children, confirmLabel, pending, error, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const cancel = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  // The safe choice takes focus: Enter by habit must not delete anything.
  useEffect(() => {
    if (open) cancel.current?.focus();
  }, [open]);
  return (
    <Dialog open={open} onClose={onClose} closeButton={t('admin.dialog.close')} aria-labelledby={headingId} className="admin-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>{heading}</Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{children}</Paragraph>
        {error && (
          <Alert data-color="danger" data-size="sm" role="alert">
            {error}
          </Alert>
        )}
        <div className="form-actions admin-dialog__actions">
          <Button data-color="danger" onClick={onConfirm} loading={pending} aria-disabled={pending || undefined}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" ref={cancel} onClick={onClose}>
            {t('admin.dialog.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
