/**
 * The navigator's answer: every programme-and-priority pair with relevance, verdict, rules, grant
 * estimate and who to ask, best first and ineligible last. Pure: the caller supplies the catalogue,
 * the full-text ranks and the vocabulary.
 */
import type { Programme } from '../catalogue/schema.js';
import type { Language } from '../reference/codes.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { matchConcepts, type CompiledConcept } from './concepts.js';
import { estimateGrant, type GrantEstimate } from './grant.js';
import { relevanceScore } from './relevance.js';
import { matchArea } from './geography.js';
import { pairKey } from './pair-key.js';
import { evaluateRules, relevantProjectType, verdictOf, type EligibilityQuestion, type RuleResult, type Verdict } from './rules.js';

export interface MatchRequest {
  idea: string;
  language: Language;
  question: EligibilityQuestion;
  limit?: number | undefined;
}

export interface MatchResult {
  programmeId: string;
  programmeName: string;
  priorityCode: string | null;
  priorityName: string | null;
  policyObjective: string | null;
  specificObjective: string | null;
  score: number;
  verdict: Verdict;
  rules: RuleResult[];
  grant: GrantEstimate | null;
  guidance: Array<{ name: string; role: string; url: string | null }>;
  nextDeadline: string | null;
  why: { concepts: Array<{ id: string; label: string; term: string }>; sectorMatch: boolean; textShare: number };
  crossBorderQuestions: string[];
}

/**
 * How well who and where fit the programme: the applicant's type and place, the partner countries and
 * their number (met 1, unknown ½, not met 0), and the share of partners inside the programme area — a
 * partner outside it may be accepted, but it is evidence that another programme fits better. Limits the
 * catalogue does not know (duration, amount) are no evidence either way and do not count.
 */
const PARTICIPATION_RULES = new Set<RuleResult['id']>(['applicant-type', 'applicant-area', 'required-countries', 'minimum-partners']);
const AREA_SCORE = { inside: 1, unknown: 0.5, outside: 0 } as const;
function participationFit(rules: RuleResult[], programme: Programme, question: EligibilityQuestion): number {
  const scores: number[] = rules.filter((rule) => PARTICIPATION_RULES.has(rule.id)).map((rule) => (rule.outcome === 'met' ? 1 : rule.outcome === 'unknown' ? 0.5 : 0));
  const partners = question.partners ?? [];
  if (partners.length > 0) {
    // Counted twice: where the partners are decides between neighbouring cross-border programmes.
    const inside = partners.reduce((sum, partner) => sum + AREA_SCORE[matchArea(partner.place, programme.area)], 0) / partners.length;
    scores.push(inside, inside);
  }
  return scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
}

const VERDICT_ORDER: Record<Verdict, number> = { eligible: 0, check: 0, ineligible: 1 };

/**
 * What a programme shows in one language whatever the question: built once per programme document,
 * so every answer shares the same arrays (and the serialiser encodes them once).
 */
interface Presented {
  guidance: MatchResult['guidance'];
  crossBorderQuestions: string[];
}
const presentations = new WeakMap<Programme, Partial<Record<Language, Presented>>>();

/** Shared by every answer in that language until the catalogue is reloaded, hence frozen. */
function presented(programme: Programme, language: Language): Presented {
  let byLanguage = presentations.get(programme);
  if (byLanguage === undefined) presentations.set(programme, (byLanguage = {}));
  return (byLanguage[language] ??= {
    guidance: Object.freeze(programme.guidance.map((body) => Object.freeze({ name: body.name[language], role: body.role[language], url: body.url ?? null }))) as MatchResult['guidance'],
    crossBorderQuestions: Object.freeze((programme.crossBorderQuestions ?? []).map((question) => question[language])) as string[],
  });
}

/** Code-point order: the same on every machine and locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function rankMatches(input: {
  programmes: readonly Programme[];
  textRanks: ReadonlyMap<string, number>;
  concepts: readonly CompiledConcept[];
  request: MatchRequest;
  exchangeRate: ExchangeRate;
  nextDeadlines?: ReadonlyMap<string, string> | undefined;
}): MatchResult[] {
  const { request } = input;
  const language = request.language;
  const found = matchConcepts(request.idea, input.concepts);
  const bestRank = Math.max(0, ...input.textRanks.values());
  const results: MatchResult[] = [];

  for (const programme of input.programmes) {
    const entry = relevantProjectType(programme, request.question.projectType);
    const grant =
      request.question.budgetNok === undefined
        ? null
        : estimateGrant({
            budgetNok: request.question.budgetNok,
            fundingRate: programme.fundingRate,
            maxAmount: entry?.maxAmount !== undefined && entry.currency ? { amount: entry.maxAmount, currency: entry.currency } : undefined,
            exchangeRate: input.exchangeRate,
          });
    const rules = evaluateRules(programme, request.question, grant, language);
    const verdict = verdictOf(rules);
    const ruleFit = participationFit(rules, programme, request.question);
    const shown = presented(programme, language);
    const pairs = programme.priorities.length > 0 ? programme.priorities : [null];
    const nextDeadline = input.nextDeadlines?.get(programme.id) ?? null;

    for (const priority of pairs) {
      const code = priority?.code ?? null;
      const key = pairKey(programme.id, code);
      // As `conceptTargets` decides, with the pair's key made once.
      const concepts = found.filter((match) => match.compiled.targets.has(programme.id) || match.compiled.targets.has(key));
      const textShare = bestRank > 0 ? (input.textRanks.get(key) ?? 0) / bestRank : 0;
      const sectors = priority?.sectors ?? programme.sectors;
      const sectorMatch = request.question.sector !== undefined && sectors.includes(request.question.sector);
      results.push({
        programmeId: programme.id,
        programmeName: programme.name[language],
        priorityCode: code,
        priorityName: priority?.name[language] ?? null,
        policyObjective: priority?.policyObjective ?? null,
        specificObjective: priority?.specificObjective ?? null,
        score: relevanceScore({ textShare, conceptHits: concepts.length, sector: request.question.sector, prioritySectors: sectors, ruleFit }),
        verdict,
        rules,
        grant,
        guidance: shown.guidance,
        nextDeadline,
        why: {
          concepts: concepts.map((match) => ({ id: match.concept.id, label: match.concept.label[language], term: match.term })),
          sectorMatch,
          textShare: Math.round(textShare * 1000) / 1000,
        },
        crossBorderQuestions: shown.crossBorderQuestions,
      });
    }
  }

  results.sort(
    (a, b) =>
      VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
      b.score - a.score ||
      compareText(a.programmeId, b.programmeId) ||
      compareText(a.priorityCode ?? '', b.priorityCode ?? ''),
  );
  return request.limit === undefined ? results : results.slice(0, request.limit);
}
