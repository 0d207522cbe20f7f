import { useEffect } from 'react';

/** Each page names itself in the tab, so screen-reader users hear where they landed. */
export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} – Mulighetsrom`;
  }, [title]);
}
