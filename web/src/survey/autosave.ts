/**
 * Saving answers as they are typed: each question's edits wait a moment (debounce), then its latest value
 * is sent; one request per question at a time, and an edit made while one is under way is sent after it.
 * Questions are independent — a slow or refused save of one holds up no other.
 */

export type SaveStatus =
  /** Nothing to save. */
  | { state: 'idle' }
  /** Edited, to be sent shortly. */
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  /** The server refused the answer (422): its message, and the part of the answer at fault. */
  | { state: 'invalid'; message: string; field?: string | undefined }
  /** Not saved (no connection, server trouble); kept in this browser and tried again. */
  | { state: 'failed' };

export type SendResult = { ok: true } | { ok: false; refused: true; message: string; field?: string | undefined } | { ok: false; refused: false };

export interface SaveQueueOptions {
  delayMs: number;
  /** How long to wait before trying a failed save again, by attempt (the last repeats). */
  retryDelaysMs?: readonly number[];
  send(key: string, value: unknown): Promise<SendResult>;
  onStatus(key: string, status: SaveStatus): void;
  /** The value is on the server (the local copy of it can go). */
  onSaved?(key: string, value: unknown): void;
  now?(): number;
}

interface Entry {
  value: unknown;
  /** Increases with every edit, so a save knows whether the value changed while it was under way. */
  edition: number;
  savedEdition: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  inFlight: Promise<void> | undefined;
  failures: number;
}

export interface SaveQueue {
  /** A new value for the question: saved after the delay, unless another edit comes first. */
  edit(key: string, value: unknown): void;
  /** Sends every waiting edit now and resolves when all are settled (e.g. before submitting). */
  flush(): Promise<void>;
  /** Whether any question has an edit that is not yet on the server. */
  hasUnsaved(): boolean;
  /** Stops timers (the page is going away). */
  dispose(): void;
}

export function createSaveQueue(options: SaveQueueOptions): SaveQueue {
  const entries = new Map<string, Entry>();
  const retryDelays = options.retryDelaysMs ?? [2_000, 5_000, 15_000, 30_000];
  const now = options.now ?? Date.now;
  let disposed = false;

  const schedule = (key: string, entry: Entry, delay: number) => {
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void save(key, entry);
    }, delay);
  };

  const save = (key: string, entry: Entry): Promise<void> => {
    if (entry.inFlight) return entry.inFlight; // the edit is sent when this one is done
    if (entry.savedEdition === entry.edition || disposed) return Promise.resolve();
    const edition = entry.edition;
    const value = entry.value;
    options.onStatus(key, { state: 'saving' });
    entry.inFlight = options
      .send(key, value)
      .catch((): SendResult => ({ ok: false, refused: false }))
      .then((result) => {
        entry.inFlight = undefined;
        if (disposed) return;
        if (result.ok) {
          entry.failures = 0;
          entry.savedEdition = edition;
          options.onSaved?.(key, value);
        } else if (result.refused) {
          // Refused as it stands: not tried again until it is changed. What was typed stays in the form.
          entry.failures = 0;
          entry.savedEdition = edition;
          if (entry.edition === edition) options.onStatus(key, { state: 'invalid', message: result.message, field: result.field });
        } else {
          entry.failures += 1;
          options.onStatus(key, { state: 'failed' });
          schedule(key, entry, retryDelays[Math.min(entry.failures - 1, retryDelays.length - 1)] ?? options.delayMs);
          return;
        }
        if (entry.edition !== edition) return save(key, entry);
        if (result.ok) options.onStatus(key, { state: 'saved', at: now() });
        return undefined;
      });
    return entry.inFlight;
  };

  return {
    edit(key, value) {
      const entry = entries.get(key) ?? { value, edition: 0, savedEdition: 0, timer: undefined, inFlight: undefined, failures: 0 };
      entries.set(key, entry);
      entry.value = value;
      entry.edition += 1;
      entry.failures = 0;
      options.onStatus(key, { state: 'pending' });
      schedule(key, entry, options.delayMs);
    },
    async flush() {
      const waiting = [...entries].map(([key, entry]) => {
        if (entry.timer !== undefined) {
          clearTimeout(entry.timer);
          entry.timer = undefined;
        }
        return save(key, entry);
      });
      await Promise.all(waiting);
      // A save that ran into an edit made meanwhile has sent that too; wait for those as well.
      if ([...entries.values()].some((entry) => entry.inFlight)) await Promise.all([...entries.values()].map((entry) => entry.inFlight));
    },
    hasUnsaved() {
      return [...entries.values()].some((entry) => entry.savedEdition !== entry.edition || entry.inFlight !== undefined);
    },
    dispose() {
      disposed = true;
      for (const entry of entries.values()) if (entry.timer !== undefined) clearTimeout(entry.timer);
    },
  };
}
