/**
 * Turning a joint-application candidate into a portfolio initiative with one action: owned by the
 * round's organisation, about the candidate's area and sector, with its units as partners (the first
 * as lead) and the programme the coordinator chose, if any. The portfolio's own use case creates it,
 * with its checks, audit event and timeline entry.
 */
import type { Db } from '../platform/db/client.js';
import { HttpError } from '../platform/http/errors.js';
import type { Actor } from '../platform/audit/audit.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';
import { MUNICIPAL_SECTORS, type Language, type MunicipalSector } from '../reference/codes.js';
import { createInitiative } from '../portfolio/initiatives.js';
import type { InitiativeInput } from '../portfolio/schemas.js';
import { roundJointCandidates } from './opportunities-query.js';
import type { RoundContext } from './summary-query.js';
import { inviteeOrganisations } from './summary-repository.js';
import { summaryText } from './summary-texts.js';
import { placeOfMunicipality } from './opportunities.js';

export interface JointInitiativeRequest {
  key: string;
  programmeId?: string | null | undefined;
  priorityCode?: string | null | undefined;
  title?: string | undefined;
}

const TITLE_LIMIT = 200;
const isSector = (code: string): code is MunicipalSector => (MUNICIPAL_SECTORS as readonly string[]).includes(code);

export async function initiativeFromJointCandidate(
  db: Db,
  context: RoundContext,
  request: JointInitiativeRequest,
  who: { actor: Actor; organisationPath: string; rate: ExchangeRate; language: Language },
): Promise<string> {
  const { language } = who;
  const candidate = (await roundJointCandidates(db, context, language)).find((c) => c.key === request.key);
  if (!candidate) throw new HttpError(404, 'not-found', 'surveyJointCandidateNotFound', { key: request.key }, 'key');
  const organisations = await inviteeOrganisations(db, context.round.id, candidate.units.map((unit) => unit.inviteeId));
  const municipalities = new Intl.ListFormat(language === 'en' ? 'en' : language === 'sv' ? 'sv' : 'nb', { type: 'conjunction' }).format(candidate.municipalityNames);
  const defaultTitle = `${candidate.areaLabel} – ${candidate.sectorName} (${candidate.municipalityNames.join(', ')})`.slice(0, TITLE_LIMIT);
  const input: InitiativeInput = {
    organisationId: context.round.organisationId,
    title: request.title?.trim() || defaultTitle,
    summary: summaryText('jointInitiative', language)
      .replace('{round}', context.round.title)
      .replace('{area}', candidate.areaLabel)
      .replace('{sector}', candidate.sectorName.toLowerCase())
      .replace('{municipalities}', municipalities),
    programmeId: request.programmeId ?? null,
    priorityCode: request.programmeId ? (request.priorityCode ?? null) : null,
    sectors: isSector(candidate.sector) ? [candidate.sector] : [],
    partners: candidate.units.map((unit, index) => ({ organisationId: organisations.get(unit.inviteeId) ?? null, name: unit.name.slice(0, TITLE_LIMIT), country: placeOfMunicipality(unit.municipality).country, region: unit.municipality, lead: index === 0 })),
  };
  return createInitiative(db, {
    input,
    organisationPath: who.organisationPath,
    actor: who.actor,
    rate: who.rate,
    origin: { comment: `${context.round.title}: ${candidate.key}`, changes: { surveyRound: context.round.id, jointCandidate: candidate.key } },
  });
}
