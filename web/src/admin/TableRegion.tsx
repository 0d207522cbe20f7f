import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own region on a narrow screen instead of pushing the page sideways; the
 * region is named after the table and reachable by keyboard, so it can be scrolled without a mouse.
 */
export function TableRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll admin-table-region" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
