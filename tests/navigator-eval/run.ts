/**
 * Measures the navigator against the labelled ideas (`npm run eval:navigator`): top-1 and top-3
 * accuracy for programme and for focus area, overall and per language. Runs the real API on an
 * embedded database with the shipped catalogue and vocabulary.
 */
import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { buildServer } from '../../src/platform/http/server.js';
import { createPgliteDatabase } from '../support/databases.js';
import type { LabelledIdea } from '../../bench/navigator-requests.js';

interface Idea extends LabelledIdea {
  id: string;
  expected: Array<{ programme: string; priority?: string }>;
}

interface Tally {
  n: number;
  programme1: number;
  programme3: number;
  priority1: number;
  priority3: number;
}

const TARGET_TOP3_FOCUS_AREA = 0.85;
const ideas = (YAML.parse(await readFile(new URL('./ideas.yaml', import.meta.url), 'utf8')) as { ideas: Idea[] }).ideas;
const testDb = await createPgliteDatabase();
const imported = await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
if (!imported.ok) throw new Error('catalogue invalid');
const app = await buildServer({ database: testDb.database, serveWeb: false });

const tallies = new Map<string, Tally>();
const tally = (key: string) => tallies.get(key) ?? tallies.set(key, { n: 0, programme1: 0, programme3: 0, priority1: 0, priority3: 0 }).get(key)!;
const misses: string[] = [];

for (const idea of ideas) {
  const { id, expected, ...body } = idea;
  const response = await app.inject({ method: 'POST', url: '/api/navigator/match', payload: { ...body, limit: 3 } });
  if (response.statusCode !== 200) throw new Error(`${id}: ${response.statusCode} ${response.body}`);
  const results = response.json<{ results: Array<{ programmeId: string; priorityCode: string | null }> }>().results;
  const isPair = (r: { programmeId: string; priorityCode: string | null }) => expected.some((e) => e.programme === r.programmeId && (e.priority ?? null) === r.priorityCode);
  const isProgramme = (r: { programmeId: string }) => expected.some((e) => e.programme === r.programmeId);
  for (const key of ['all', idea.language]) {
    const t = tally(key);
    t.n++;
    if (results[0] && isProgramme(results[0])) t.programme1++;
    if (results.some(isProgramme)) t.programme3++;
    if (results[0] && isPair(results[0])) t.priority1++;
    if (results.some(isPair)) t.priority3++;
  }
  if (!results.some(isPair)) misses.push(`${id}: expected ${expected.map((e) => `${e.programme}/${e.priority ?? '-'}`).join(' or ')}; got ${results.map((r) => `${r.programmeId}/${r.priorityCode ?? '-'}`).join(', ')}`);
}
await app.close();
await testDb.dispose();

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;
console.log(`Navigator evaluation: ${ideas.length} labelled ideas (tests/navigator-eval/ideas.yaml)\n`);
console.log('set        n   programme top-1  top-3   focus area top-1  top-3');
for (const [key, t] of [...tallies.entries()].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)))) {
  console.log(`${key.padEnd(8)} ${String(t.n).padStart(3)}   ${pct(t.programme1, t.n).padStart(15)} ${pct(t.programme3, t.n).padStart(7)}   ${pct(t.priority1, t.n).padStart(16)} ${pct(t.priority3, t.n).padStart(7)}`);
}
if (process.argv.includes('--misses')) console.log(`\nMissed (focus area not in top 3):\n${misses.join('\n')}`);
const all = tally('all');
const top3 = all.priority3 / all.n;
console.log(`\nTarget: top-3 focus-area accuracy ≥ ${TARGET_TOP3_FOCUS_AREA * 100} % — ${top3 >= TARGET_TOP3_FOCUS_AREA ? 'PASS' : 'FAIL'} (${pct(all.priority3, all.n)})`);
