/** A row's irreversible action (remove a member, withdraw an invitation): asked for first, then confirmed. */
import { useState, type ReactNode } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { StatusMessage } from '../app/StatusMessage.js';
import type { ConfirmDialogProps } from './ConfirmDialog.js';
import { Loading, useFocusAfterAction } from './feedback.js';
import { useAction, type Resource } from './resource.js';
import type { ItemList } from './types.js';

/**
 * `ask(target)` opens the dialog (spread `dialog` into ConfirmDialog); on success `onDone(target)` runs
 * and focus moves to `heading`, as the row's button that had it may be gone.
 */
export function useConfirmedAction<T>(perform: (target: T) => Promise<unknown>, onDone: (target: T) => void) {
  const [target, setTarget] = useState<T | null>(null);
  const action = useAction();
  const [heading, focusHeading] = useFocusAfterAction<HTMLHeadingElement>();
  const confirm = async () => {
    if (!target || action.pending) return;
    if (!(await action.run(() => perform(target), ''))) return;
    onDone(target);
    setTarget(null);
    focusHeading();
  };
  const dialog: Pick<ConfirmDialogProps, 'open' | 'pending' | 'error' | 'onConfirm' | 'onClose'> = {
    open: target !== null,
    pending: action.pending,
    error: action.error?.message,
    onConfirm: () => void confirm(),
    onClose: () => setTarget(null),
  };
  const ask = (next: T) => {
    action.reset();
    setTarget(next);
  };
  return { target, ask, heading, dialog };
}

/** The row's button that asks for the action; its label names the row, as every row has one. */
export function DangerRowButton({ label, onClick, children }: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="tertiary" data-size="sm" data-color="danger" aria-label={label} onClick={onClick}>
      {children}
    </Button>
  );
}

/** A loaded list: a spinner while loading, the failure, `none` when empty, else `children` with the items. */
export function ListResource<T>({ resource, none, children }: { resource: Resource<ItemList<T>>; none: string; children: (items: T[]) => ReactNode }) {
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <StatusMessage className="admin-feedback" error={resource.error.message} />;
  if (resource.data.items.length === 0) return <Paragraph>{none}</Paragraph>;
  return <>{children(resource.data.items)}</>;
}
