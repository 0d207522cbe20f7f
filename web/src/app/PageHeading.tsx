import { useEffect, useRef, type ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';

/**
 * After client-side navigation, focus belongs on the new page's heading (not on <body>), so keyboard
 * and screen-reader users start reading there. Pages may render their heading only once data has
 * arrived, so the heading claims the pending focus when it mounts.
 */
let focusPending = false;

export function requestHeadingFocus(): void {
  focusPending = true;
}

export function PageHeading({ children, size = 'lg' }: { children: ReactNode; size?: 'xl' | 'lg' }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusPending && ref.current) {
      focusPending = false;
      ref.current.focus();
    }
  }, []);
  return (
    <Heading level={1} data-size={size} ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </Heading>
  );
}
