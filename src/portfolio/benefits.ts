/**
 * The benefits of international work, as the pre-study's survey lists them (appendix 1): what an
 * initiative has yielded, each scored 1 (little) to 5 (much) with a comment (pure).
 */
export const BENEFITS = [
  'service-development',
  'best-practice',
  'competence',
  'networks',
  'cultural-understanding',
  'external-funding',
  'reputation',
  'foreign-policy',
  'solidarity',
  'door-opener',
  'stronger-networks',
] as const;
export type Benefit = (typeof BENEFITS)[number];

export const MIN_BENEFIT_SCORE = 1;
export const MAX_BENEFIT_SCORE = 5;

export function isBenefit(value: string): value is Benefit {
  return (BENEFITS as readonly string[]).includes(value);
}

export function isBenefitScore(score: number): boolean {
  return Number.isInteger(score) && score >= MIN_BENEFIT_SCORE && score <= MAX_BENEFIT_SCORE;
}
