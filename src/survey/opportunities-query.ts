/**
 * The opportunity analysis of a round: for each interested unit the programmes and focus areas the
 * navigator ranks for its sector, areas and free text; and the joint-application candidates with the
 * programmes that fit them. The navigator runs in-process; units asking the same question share one
 * answer, and a few questions run at a time.
 */
import type { Db } from '../platform/db/client.js';
import type { Navigator } from '../navigator/navigator.js';
import type { Language } from '../reference/codes.js';
import { jointCandidates, type JointCandidate } from './joint.js';
import { mapLimited, navigatorRequestFor, requestKey, shownMatches, type OpportunityMatch } from './opportunities.js';
import { interestedUnits, unitAreas } from './summary-repository.js';
import { analysedQuestion, isChoiceQuestion } from './summary-questions.js';
import { interestFloor, QUESTION_ROLES, type RoundContext } from './summary-query.js';
import type { MatchRequest } from '../navigator/match.js';

/** Navigator questions in flight at once: enough to overlap the database, few enough to leave the CPU to others. */
const NAVIGATOR_CONCURRENCY = 4;

export interface UnitOpportunities {
  inviteeId: string;
  name: string;
  municipality: string | null;
  municipalityName: string;
  sector: string | null;
  sectorName: string;
  interest: number;
  interests: string[];
  matches: OpportunityMatch[];
}

export interface JointOpportunity extends JointCandidate {
  areaLabel: string;
  sectorName: string;
  municipalityNames: string[];
  programmes: OpportunityMatch[];
}

export interface RoundOpportunities {
  total: number;
  offset: number;
  limit: number;
  units: UnitOpportunities[];
  jointCandidates: JointOpportunity[];
}

/** Asks each distinct question once. */
async function answerAll(navigator: Navigator, requests: readonly MatchRequest[]): Promise<OpportunityMatch[][]> {
  const distinct = new Map<string, MatchRequest>();
  for (const request of requests) distinct.set(requestKey(request), request);
  const keys = [...distinct.keys()];
  const answers = await mapLimited(keys, NAVIGATOR_CONCURRENCY, async (key) => shownMatches(await navigator.match(distinct.get(key)!)));
  const byKey = new Map(keys.map((key, i) => [key, answers[i]!]));
  return requests.map((request) => byKey.get(requestKey(request))!);
}

function areaLabels(context: RoundContext, language: Language): Map<string, string> {
  const areas = context.questions.find((question) => question.key === QUESTION_ROLES.cooperationAreas);
  if (!areas || !isChoiceQuestion(areas)) return new Map();
  return new Map(analysedQuestion(areas, language, context.catalogue).choices.map((choice) => [choice.key, choice.label]));
}

/** The joint-application candidates of a round, named in the language (without programmes). */
export async function roundJointCandidates(db: Db, context: RoundContext, language: Language): Promise<Array<Omit<JointOpportunity, 'programmes'>>> {
  const labels = areaLabels(context, language);
  // `other` is free text: two units writing "other" have not named the same thing.
  const units = (await unitAreas(db, context.round.id, QUESTION_ROLES.cooperationAreas)).map((unit) => ({ ...unit, areas: unit.areas.filter((area) => area !== 'other') }));
  return jointCandidates(units).map((candidate) => ({
    ...candidate,
    areaLabel: labels.get(candidate.area) ?? candidate.area,
    sectorName: context.names.sector(candidate.sector),
    municipalityNames: candidate.municipalities.map((code) => context.names.municipality(code)),
  }));
}

export async function roundOpportunities(db: Db, navigator: Navigator, context: RoundContext, language: Language, page: { offset: number; limit: number }): Promise<RoundOpportunities> {
  const floor = interestFloor(context.questions);
  const labels = areaLabels(context, language);
  const textKeys = context.questions.filter((question) => question.type === 'text').map((question) => question.key);
  const [interested, candidates] = await Promise.all([
    floor === null ? Promise.resolve([]) : interestedUnits(db, context.round.id, { interest: QUESTION_ROLES.interest, interestMin: floor, areas: QUESTION_ROLES.cooperationAreas, texts: textKeys }),
    roundJointCandidates(db, context, language),
  ]);
  const byName = new Intl.Collator(language).compare;
  const shown = [...interested].sort((a, b) => byName(a.name, b.name) || (a.inviteeId < b.inviteeId ? -1 : 1)).slice(page.offset, page.offset + page.limit);
  const unitRequests = shown.map((unit) =>
    navigatorRequestFor({ names: [unit.name], municipality: unit.municipality, sector: unit.sector, areaLabels: unit.areas.filter((area) => area !== 'other').map((area) => labels.get(area) ?? area), texts: unit.texts }, language),
  );
  const candidateRequests = candidates.map((candidate) =>
    navigatorRequestFor({ names: [candidate.sectorName, ...candidate.units.map((unit) => unit.name)], municipality: candidate.municipalities[0]!, sector: candidate.sector, areaLabels: [candidate.areaLabel], texts: [] }, language, candidate.municipalities.slice(1)),
  );
  const answers = await answerAll(navigator, [...unitRequests, ...candidateRequests]);
  return {
    total: interested.length,
    offset: page.offset,
    limit: page.limit,
    units: shown.map((unit, i) => ({
      inviteeId: unit.inviteeId,
      name: unit.name,
      municipality: unit.municipality,
      municipalityName: context.names.municipality(unit.municipality),
      sector: unit.sector,
      sectorName: context.names.sector(unit.sector),
      interest: unit.interest,
      interests: unit.areas.map((area) => (area === 'other' ? null : (labels.get(area) ?? area))).filter((label): label is string => label !== null),
      matches: answers[i]!,
    })),
    jointCandidates: candidates.map((candidate, i) => ({ ...candidate, programmes: answers[shown.length + i]! })),
  };
}
