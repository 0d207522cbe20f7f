import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useBlocker, useNavigate, type BlockerFunction } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import '../admin/admin.css'; // the ConfirmDialog's layout
import { hasDraft } from '../app/drafts.js';

export interface LeaveWarning {
  /** The question, shown while a navigation waits for an answer; render it in the form's page. */
  dialog: ReactNode;
  /** The form's own "Cancel": leaves for `to` and discards the draft, asking first if something is unsaved. */
  cancel(to: string): void;
}

/**
 * Asks before leaving a form with unsaved changes. Within the app (links, the browser's back and forward
 * buttons) the router holds the navigation while a dialog asks; on reload, closing the tab or a typed
 * address the browser asks itself. Leaving keeps what was typed as the draft in this tab (`draftKey`,
 * see useDraft), so coming back brings it back; only "Cancel" discards it. Once the draft is gone (saved,
 * discarded, or wiped at sign-out) nothing is held back.
 */
export function useLeaveWarning({ unsaved, draftKey, discard }: { unsaved: boolean; draftKey: string; discard: () => void }): LeaveWarning {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [discarding, setDiscarding] = useState(false);
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) => unsaved && hasDraft(draftKey) && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [unsaved, draftKey],
  );
  const blocker = useBlocker(shouldBlock);

  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older browsers need it set to show the question
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [unsaved]);

  const stay = () => {
    setDiscarding(false);
    blocker.reset?.();
  };
  const leave = () => {
    if (discarding) discard();
    blocker.proceed?.();
  };
  const cancel = (to: string) => {
    if (unsaved) setDiscarding(true);
    else discard();
    navigate(to);
  };

  const dialog = (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      heading={t('portfolio.form.leave.title')}
      confirmLabel={discarding ? t('portfolio.form.leave.discard') : t('portfolio.form.leave.leave')}
      pending={false}
      onConfirm={leave}
      onClose={stay}
    >
      {discarding ? t('portfolio.form.leave.discardText') : t('portfolio.form.leave.keepText')}
    </ConfirmDialog>
  );
  return { dialog, cancel };
}
