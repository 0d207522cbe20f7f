/**
 * How well a programme priority fits an idea: full-text rank (from Postgres), the vocabulary's concepts,
 * the municipal sector, and how many eligibility rules are met. Pure; the weights are stated here so that a ranking can be explained.
 */
import type { MunicipalSector } from '../reference/codes.js';

export const RELEVANCE_WEIGHTS = { text: 0.35, concepts: 0.35, sector: 0.1, fit: 0.2 } as const;

export interface RelevanceInput {
  /** ts_rank of the priority for the idea, divided by the best rank among all priorities (0–1). */
  textShare: number;
  /** Number of the idea's concepts that point at this priority or its programme. */
  conceptHits: number;
  sector: MunicipalSector | undefined;
  prioritySectors: readonly string[];
  /** How well applicant and partners fit the programme's rules (0–1): of two equally relevant priorities, the one the user can apply to comes first. */
  ruleFit: number;
}

export function relevanceScore(input: RelevanceInput): number {
  const concepts = 1 - 0.5 ** input.conceptHits;
  const text = Math.min(1, Math.max(0, input.textShare));
  const sector = input.sector !== undefined && input.prioritySectors.includes(input.sector) ? 1 : 0;
  const score =
    RELEVANCE_WEIGHTS.text * text +
    RELEVANCE_WEIGHTS.concepts * concepts +
    RELEVANCE_WEIGHTS.sector * sector +
    RELEVANCE_WEIGHTS.fit * Math.min(1, Math.max(0, input.ruleFit));
  // Rounded so that equal scores compare equal and the tie-break (ids) decides, on every engine.
  return Math.round(score * 10000) / 10000;
}
