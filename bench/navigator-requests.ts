/**
 * Many distinct navigator questions for the benchmark, varied from the labelled ideas of
 * tests/navigator-eval/ideas.yaml: the idea alone, shortened to its first sentence or followed by a
 * sentence of another idea in the same language; another budget and duration; partners left out or
 * none yet; another applicant place from the set. No two bodies are equal, so nothing the server might
 * keep per question can answer one from another. Pure and seeded.
 */
import { seededRandom } from '../src/platform/seeded-random.js';

export interface LabelledIdea {
  language: string;
  idea: string;
  applicant: Record<string, string>;
  partners?: Array<Record<string, string>>;
  sector?: string;
  projectType?: string;
  budgetNok?: number;
  durationMonths?: number;
}

const sentences = (text: string) => text.match(/[^.!?]+[.!?]*/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];

export function distinctNavigatorBodies(ideas: readonly LabelledIdea[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const seen = new Set<string>();
  const bodies: string[] = [];
  for (let attempts = 0; bodies.length < count; attempts++) {
    if (attempts > count * 50) throw new Error(`only ${bodies.length} distinct navigator questions found`);
    const base = ideas[attempts % ideas.length]!;
    const sameLanguage = ideas.filter((other) => other.language === base.language && other !== base);
    const body: LabelledIdea = { ...base };
    const text = random();
    if (text < 0.2) body.idea = sentences(base.idea)[0] ?? base.idea;
    else if (text < 0.6 && sameLanguage.length > 0) body.idea = `${base.idea} ${pick(sentences(pick(sameLanguage).idea))}`;
    if (random() < 0.7) body.budgetNok = Math.max(10_000, Math.round(((base.budgetNok ?? 500_000) * (0.25 + random() * 3)) / 10_000) * 10_000);
    if (random() < 0.5) body.durationMonths = 6 + Math.floor(random() * 43);
    const partners = random();
    if (partners < 0.15) delete body.partners;
    else if (partners < 0.25) body.partners = [];
    if (random() < 0.3) {
      const other = pick(ideas.filter((idea) => idea.applicant.country === base.applicant.country));
      body.applicant = { ...base.applicant, ...other.applicant, type: base.applicant.type! };
    }
    const json = JSON.stringify(body);
    if (seen.has(json)) continue;
    seen.add(json);
    bodies.push(json);
  }
  return bodies;
}
