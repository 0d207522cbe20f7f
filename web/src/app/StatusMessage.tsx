import type { ReactNode } from 'react';
import { Alert } from '@digdir/designsystemet-react';

/**
 * A confirmation that screen readers announce: the live region is always in the page, so text put into
 * it later is read out.
 */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="status-message">
      {children ? (
        <Alert data-color="success" data-size="sm">
          {children}
        </Alert>
      ) : null}
    </div>
  );
}
