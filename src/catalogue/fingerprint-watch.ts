/**
 * Knowing cheaply whether stored data changed, so that what is derived from it (the navigator's
 * catalogue snapshot, cached search answers) is computed once and dropped when it changes.
 *
 * The fingerprint is read from the database at most once per `maxAgeMs`, one read at a time (the
 * requests that arrive meanwhile share it). A change this process made itself (`localChanges` counts
 * them, e.g. catalogue imports) is seen by the very next call; a change made by another process (the
 * CLI importing into the same PostgreSQL server) within `maxAgeMs`.
 */
export interface FingerprintWatch {
  /** The fingerprint as of a read that started less than `maxAgeMs` ago and after this process's last change. */
  current(): Promise<string>;
}

export interface FingerprintWatchOptions {
  maxAgeMs: number;
  /** A counter of changes made by this process; a new value forces a new read. */
  localChanges?: () => number;
  now?: () => number;
}

/** How stale a fingerprint may be when another process changed the data. */
export const FINGERPRINT_MAX_AGE_MS = 1000;

export function watchFingerprint(read: () => Promise<string>, options: FingerprintWatchOptions): FingerprintWatch {
  const now = options.now ?? (() => performance.now());
  const localChanges = options.localChanges ?? (() => 0);
  let latest: { value: string; startedAt: number; local: number } | undefined;
  let inFlight: { promise: Promise<string>; local: number } | undefined;

  return {
    current() {
      const local = localChanges();
      if (latest && latest.local === local && now() - latest.startedAt < options.maxAgeMs) return Promise.resolve(latest.value);
      // A read that began before this process's latest change may miss it: only a read begun after it will do.
      if (inFlight && inFlight.local === local) return inFlight.promise;
      const startedAt = now();
      const flight = {
        local,
        promise: read()
          .then((value) => {
            if (!latest || startedAt >= latest.startedAt) latest = { value, startedAt, local };
            return value;
          })
          .finally(() => {
            if (inFlight === flight) inFlight = undefined;
          }),
      };
      inFlight = flight;
      return flight.promise;
    },
  };
}
