/**
 * The UN Sustainable Development Goals: the 17 goals with short names in nb, nn, sv and en and titles in
 * nb and en, and the 169 targets in en (and nb where the source has a usable text).
 */
import data from './sdg.json' with { type: 'json' };
import { count, fail, matches, unique } from './check.js';
import type { LocalisedName, ReferenceSource } from './types.js';

const TABLE = 'sdg';

export interface SdgGoal {
  /** 1–17. */
  number: number;
  /** Short names ("Climate action", "Stoppe klimaendringene", "Stoppe klimaendringane", "Bekämpa klimatförändringarna"). */
  names: LocalisedName;
  /** The goal's full title as adopted (en) and in its Norwegian bokmål translation. */
  titles: { nb: string; en: string };
}

export interface SdgTarget {
  /** "1.1" … "17.19"; lettered targets are means of implementation ("1.a"). */
  id: string;
  goal: number;
  en: string;
  /** Bokmål text from a community translation (not the official wording); null where the source has none usable. */
  nb: string | null;
}

export const sdgSources: readonly ReferenceSource[] = data.sources;

export const sdgGoals: readonly SdgGoal[] = data.goals.map((g, i) => {
  if (g.number !== i + 1) fail(TABLE, `goal at position ${i} is numbered ${g.number}`);
  for (const [lang, name] of Object.entries(g.names)) if (!name.trim()) fail(TABLE, `goal ${g.number} has no ${lang} name`);
  return { number: g.number, names: g.names, titles: g.titles };
});

export const sdgTargets: readonly SdgTarget[] = data.targets.map((t) => {
  const id = matches(TABLE, t.id, /^\d{1,2}\.(\d{1,2}|[a-z])$/, 'target id');
  if (Number(id.split('.')[0]) !== t.goal || t.goal < 1 || t.goal > 17) fail(TABLE, `target ${id} has goal ${t.goal}`);
  return { id, goal: t.goal, en: t.en, nb: t.nb };
});

count(TABLE, sdgGoals, 17, 'goals');
count(TABLE, sdgTargets, 169, 'targets');
unique(TABLE, sdgTargets, (t) => t.id, 'target id');
