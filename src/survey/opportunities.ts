/**
 * Opportunity analysis (pure): what the navigator is asked for an interested unit or a joint candidate,
 * and what is kept of its answer. A unit of a municipality applies as the municipality, in its own
 * place, for its sector; the idea is what the unit is called (a name such as "Verket skole" says what
 * kind of unit it is), the areas it chose and what it wrote. Questions asked twice share one answer.
 */
import type { MatchRequest, MatchResult } from '../navigator/match.js';
import { resolvePlace, type Place } from '../navigator/geography.js';
import { MUNICIPAL_SECTORS, type Language, type MunicipalSector } from '../reference/codes.js';

/** Matches shown per unit or candidate: the best that are not ruled out. */
export const MATCHES_SHOWN = 5;
/** Asked of the navigator: enough that the best eligible ones are among them. */
const MATCHES_ASKED = 20;

export interface UnitProfile {
  /** The unit's name, or the names of a candidate's units and its sector. */
  names: readonly string[];
  municipality: string | null;
  sector: string | null;
  /** Labels of the chosen cooperation areas, in the request's language. */
  areaLabels: readonly string[];
  /** Free text the unit wrote about what it would like to do (other areas, comments). */
  texts: readonly string[];
}

const isSector = (value: string | null): value is MunicipalSector => value !== null && (MUNICIPAL_SECTORS as readonly string[]).includes(value);

/** A kommunenummer, or else a Swedish kommunkod; a place the reference tables do not know counts as the country. */
export function placeOfMunicipality(code: string | null): Place {
  for (const country of ['NO', 'SE'] as const) {
    if (code === null) break;
    const resolved = resolvePlace({ country, municipality: code });
    if ('place' in resolved) return resolved.place;
  }
  return { country: 'NO', nuts: ['NO'], countryOnly: true };
}

export function ideaOf(profile: Pick<UnitProfile, 'names' | 'areaLabels' | 'texts'>): string {
  return [...profile.names, ...profile.areaLabels, ...profile.texts].map((part) => part.trim()).filter((part) => part !== '').join('. ');
}

export function navigatorRequestFor(profile: UnitProfile, language: Language, partnerMunicipalities: readonly string[] = []): MatchRequest {
  return {
    idea: ideaOf(profile),
    language,
    question: {
      applicant: { type: 'municipality', place: placeOfMunicipality(profile.municipality) },
      ...(partnerMunicipalities.length > 0 ? { partners: partnerMunicipalities.map((code) => ({ place: placeOfMunicipality(code), type: 'municipality' as const })) } : {}),
      sector: isSector(profile.sector) ? profile.sector : undefined,
    },
    limit: MATCHES_ASKED,
  };
}

/** Two units with the same key get the same answer from the navigator. */
export function requestKey(request: MatchRequest): string {
  const partners = (request.question.partners ?? []).map((partner) => partner.place.norwegianMunicipality ?? partner.place.swedishMunicipality ?? partner.place.country);
  const place = request.question.applicant.place;
  return JSON.stringify([request.language, request.idea, request.question.sector ?? null, place.norwegianMunicipality ?? place.swedishMunicipality ?? place.country, partners]);
}

export interface OpportunityMatch {
  programmeId: string;
  programmeName: string;
  priorityCode: string | null;
  priorityName: string | null;
  score: number;
  verdict: 'eligible' | 'check';
  guidance: Array<{ name: string; role: string; url: string | null }>;
}

/** The best matches that are not ruled out, as the navigator ranked them. */
export function shownMatches(results: readonly MatchResult[]): OpportunityMatch[] {
  const shown: OpportunityMatch[] = [];
  for (const result of results) {
    if (result.verdict === 'ineligible') continue;
    shown.push({
      programmeId: result.programmeId,
      programmeName: result.programmeName,
      priorityCode: result.priorityCode,
      priorityName: result.priorityName,
      score: Math.round(result.score * 1000) / 1000,
      verdict: result.verdict,
      guidance: result.guidance,
    });
    if (shown.length === MATCHES_SHOWN) break;
  }
  return shown;
}

/** Runs `work` over `items` with at most `concurrency` at a time, keeping the order of the items. */
export async function mapLimited<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
