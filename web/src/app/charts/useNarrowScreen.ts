import { useEffect, useState } from 'react';

const QUERY = '(max-width: 40rem)';

/** A phone-sized window: charts then give their category labels less room. */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(() => globalThis.matchMedia?.(QUERY).matches ?? false);
  useEffect(() => {
    const media = globalThis.matchMedia?.(QUERY);
    if (!media) return;
    const follow = () => setNarrow(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return narrow;
}
