/**
 * Types shared by the reference tables in this folder.
 */

/**
 * A name in each of the product's four languages (see `LANGUAGES` in `codes.ts`). A type alias, not an
 * interface, so that it is assignable to `Record<string, string>`.
 */
export type LocalisedName = { nb: string; nn: string; sv: string; en: string };

/** Where a reference table's facts come from, and when they were last checked against that source. */
export interface ReferenceSource {
  /** Stable id, unique within a table. */
  id: string;
  publisher: string;
  title: string;
  /** Web address of the source; null only for the project's own editorial sources (terminology). */
  url: string | null;
  /** ISO date (YYYY-MM-DD) the facts were last checked against this source. */
  checked: string;
  /** Which facts of the table rest on this source. */
  usedFor: string;
  note?: string;
}

/**
 * A Sámi or Kven parallel name that is part of a Norwegian county's or municipality's official name.
 * `smi` = a Sámi language (North, Lule or South Sámi), `fkv` = Kven.
 */
export interface ParallelName {
  language: 'smi' | 'fkv';
  name: string;
}
