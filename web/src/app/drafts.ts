/**
 * What someone typed into a form that matters survives a sign-in round trip or a reload in the same tab
 * (sessionStorage), and is wiped at sign-out, since drafts may hold personal data.
 */
import { useEffect, useState } from 'react';

const PREFIX = 'mulighetsrom.draft.';

export function useDraft<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    const stored = globalThis.sessionStorage?.getItem(storageKey);
    return stored === null || stored === undefined ? initial : (JSON.parse(stored) as T);
  });
  useEffect(() => {
    globalThis.sessionStorage?.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  const discard = () => {
    globalThis.sessionStorage?.removeItem(storageKey);
    setValue(initial);
  };
  return [value, setValue, discard];
}

/** Whether something typed is kept under the key: false once it is discarded, saved or wiped at sign-out. */
export function hasDraft(key: string): boolean {
  const stored = globalThis.sessionStorage?.getItem(PREFIX + key);
  return stored !== null && stored !== undefined && stored !== 'null';
}

export function clearDrafts(): void {
  const storage = globalThis.sessionStorage;
  if (!storage) return;
  for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key);
}
