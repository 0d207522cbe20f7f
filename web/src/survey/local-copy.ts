/**
 * A copy, in this browser, of the answers typed but not yet confirmed by the server, so that nothing is
 * lost when the browser closes mid-save or the connection drops. Kept per personal link; an edit leaves
 * the copy as soon as the server has it.
 */
import type { LocalEdit } from './answers.js';

const PREFIX = 'mulighetsrom.survey.';

/**
 * The storage key: a short digest of the link's secret (FNV-1a, two seeds), so the secret itself is not
 * written to disk. Not a security measure beyond that: the browser profile is the respondent's own.
 */
export function storageKey(token: string): string {
  const fnv = (seed: number) => {
    let hash = seed >>> 0;
    for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  };
  return PREFIX + fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

function parse(raw: string | null): Record<string, LocalEdit> {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, LocalEdit] =>
          typeof entry[1] === 'object' && entry[1] !== null && typeof (entry[1] as LocalEdit).editedAt === 'number' && typeof (entry[1] as LocalEdit).questionVersion === 'number',
      ),
    );
  } catch {
    return {};
  }
}

export interface LocalCopy {
  read(): Record<string, LocalEdit>;
  put(key: string, edit: LocalEdit): void;
  /** The server has `value` for the question: forget the edit if it is that value (not a newer one). */
  saved(key: string, value: unknown): void;
  forget(keys: readonly string[]): void;
}

/** The copy for one link; `storage` is the browser's localStorage (survives closing the browser). */
export function openLocalCopy(token: string, storage: Storage | undefined = globalThis.localStorage): LocalCopy {
  const key = storageKey(token);
  const read = () => parse(storage?.getItem(key) ?? null);
  const write = (edits: Record<string, LocalEdit>) => {
    try {
      if (Object.keys(edits).length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(edits));
    } catch {
      // Storage full or refused (private mode): the server copy is still saved as usual.
    }
  };
  return {
    read,
    put(question, edit) {
      write({ ...read(), [question]: edit });
    },
    saved(question, value) {
      const edits = read();
      const edit = edits[question];
      if (edit && JSON.stringify(edit.value) === JSON.stringify(value)) {
        delete edits[question];
        write(edits);
      }
    },
    forget(keys) {
      const edits = read();
      for (const question of keys) delete edits[question];
      write(edits);
    },
  };
}
