/**
 * One value per key, loaded once and shared by every caller that needs it while the key stays the same
 * (a snapshot per catalogue version, say); a new key replaces it. A failed load is not kept.
 */
export function keptLoad<T>(): (key: string, load: () => Promise<T>) => Promise<T> {
  let current: { key: string; value: Promise<T> } | undefined;
  return (key, load) => {
    if (current?.key !== key) {
      const entry = { key, value: load() };
      entry.value.catch(() => {
        if (current === entry) current = undefined;
      });
      current = entry;
    }
    return current.value;
  };
}

/** A value loaded on first use and kept from then on; a failed load is tried again at the next use. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  const kept = keptLoad<T>();
  return () => kept('', load);
}
