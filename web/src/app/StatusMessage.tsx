import { useEffect, useState, type ReactNode } from 'react';
import { Alert } from '@digdir/designsystemet-react';

interface Messages {
  done?: ReactNode;
  error?: string | null | undefined;
}

/**
 * A confirmation or failure that screen readers announce. The live region is in the page before its
 * message: screen readers announce only changes to a region they already know, so a message that
 * arrives with the page (after navigation) is set a moment later.
 */
export function StatusMessage({ done, error, className = 'status-message' }: Messages & { className?: string }) {
  const [shown, setShown] = useState<Messages>({});
  useEffect(() => {
    const timer = setTimeout(() => setShown({ done, error }), 50);
    return () => clearTimeout(timer);
  }, [done, error]);
  return (
    <div role="status" className={className}>
      {shown.done ? (
        <Alert data-color="success" data-size="sm">
          {shown.done}
        </Alert>
      ) : null}
      {shown.error ? (
        <Alert data-color="danger" data-size="sm">
          {shown.error}
        </Alert>
      ) : null}
    </div>
  );
}
