/**
 * Eligibility rules, evaluated from catalogue facts and what the user told us. Pure. Each rule says
 * met / not-met / unknown and why, in the user's language; a missing fact gives unknown, never a guess.
 */
import type { Programme } from '../catalogue/schema.js';
import type { ApplicantType, Language, MunicipalSector, ProjectType } from '../reference/codes.js';
import { CODE_NAMES, norwegianCounty, norwegianMunicipality, swedishCounty, swedishMunicipality } from '../reference/index.js';
import { matchArea, type Place } from './geography.js';
import type { GrantEstimate } from './grant.js';
import { reasonText, type ReasonKey } from './reasons.js';

export type RuleOutcome = 'met' | 'not-met' | 'unknown';
export type Verdict = 'eligible' | 'check' | 'ineligible';

export const RULE_IDS = [
  'programme-status',
  'applicant-type',
  'applicant-area',
  'required-countries',
  'minimum-partners',
  'partner-area',
  'project-type',
  'duration',
  'amount',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface RuleResult {
  id: RuleId;
  outcome: RuleOutcome;
  reason: string;
}

export interface Participant {
  place: Place;
  type?: ApplicantType | undefined;
}

export interface EligibilityQuestion {
  applicant: { type: ApplicantType; place: Place };
  /** Undefined: the user did not say; an empty list: no partners yet. */
  partners?: Participant[] | undefined;
  sector?: MunicipalSector | undefined;
  projectType?: ProjectType | undefined;
  budgetNok?: number | undefined;
  durationMonths?: number | undefined;
}

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };

/** Intl formatters are costly to build and the navigator formats thousands of values a second. */
function memoByLanguage<T>(build: (locale: string) => T): (language: Language) => T {
  const cache = new Map<Language, T>();
  return (language) => {
    let value = cache.get(language);
    if (value === undefined) cache.set(language, (value = build(LOCALES[language])));
    return value;
  };
}
const regionNames = memoByLanguage((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
const orList = memoByLanguage((locale) => new Intl.ListFormat(locale, { type: 'disjunction' }));
const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formatted texts by their inputs: every answer formats the same names, country lists and catalogue
 * amounts for each programme, and Intl formatting is costly. Bounded: emptied when full.
 */
function memoText(max = 10_000): (key: string, make: () => string) => string {
  const texts = new Map<string, string>();
  return (key, make) => {
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size >= max) texts.clear();
      texts.set(key, (text = make()));
    }
    return text;
  };
}
const countryNames = memoText();
const countryLists = memoText();
const amounts = memoText();

export function countryName(code: string, language: Language): string {
  return countryNames(`${language}:${code}`, () => regionNames(language).of(code) ?? code);
}

export function placeName(place: Place, language: Language): string {
  if (place.norwegianMunicipality) return norwegianMunicipality(place.norwegianMunicipality)?.norwegianName ?? place.norwegianMunicipality;
  if (place.norwegianCounty) return norwegianCounty(place.norwegianCounty)?.norwegianName ?? place.norwegianCounty;
  if (place.swedishMunicipality) return swedishMunicipality(place.swedishMunicipality)?.name ?? place.swedishMunicipality;
  if (place.swedishCounty) return swedishCounty(place.swedishCounty)?.name ?? place.swedishCounty;
  return countryName(place.country, language);
}

function listCountries(codes: string[], language: Language): string {
  return countryLists(`${language}:${codes.join(',')}`, () => orList(language).format(codes.map((code) => countryName(code, language))));
}

function formatMoney(amount: number, currency: string, language: Language): string {
  return amounts(`${language}:${currency}:${amount}`, () => {
    const key = `${language}:${currency}`;
    let format = moneyFormats.get(key);
    if (!format) moneyFormats.set(key, (format = new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency, maximumFractionDigits: 0 })));
    return format.format(amount);
  });
}

/** The project-type entry the question is about: the one named, or the only one there is. */
export function relevantProjectType(programme: Programme, projectType: ProjectType | undefined) {
  if (projectType) return programme.projectTypes.find((entry) => entry.type === projectType);
  return programme.projectTypes.length === 1 ? programme.projectTypes[0] : undefined;
}

export function evaluateRules(programme: Programme, question: EligibilityQuestion, grant: GrantEstimate | null, language: Language): RuleResult[] {
  const results: RuleResult[] = [];
  const add = (id: RuleId, outcome: RuleOutcome, key: ReasonKey, params: Record<string, string | number> = {}, mustBeChecked = false) =>
    results.push({ id, outcome, reason: reasonText(key, language, params) + (mustBeChecked ? reasonText('factMustBeChecked', language) : '') });
  const typeName = (type: ApplicantType) => CODE_NAMES.applicantType[type][language];
  const projectTypeName = (type: ProjectType) => CODE_NAMES.projectType[type][language];

  // Status
  if (programme.status === 'active') add('programme-status', 'met', 'statusActive');
  else if (programme.status === 'forthcoming') add('programme-status', 'unknown', 'statusForthcoming');
  else add('programme-status', 'not-met', 'statusClosed');

  // Applicant type
  const { applicants } = programme;
  const type = question.applicant.type;
  if (applicants.excluded.includes(type)) add('applicant-type', 'not-met', 'applicantExcluded', { type: typeName(type) }, applicants.mustBeChecked);
  else if (applicants.eligible.includes(type)) add('applicant-type', 'met', 'applicantEligible', { type: typeName(type) }, applicants.mustBeChecked);
  else add('applicant-type', 'unknown', 'applicantNotListed', { type: typeName(type) });

  // Applicant's place
  const applicantPlace = placeName(question.applicant.place, language);
  const applicantArea = matchArea(question.applicant.place, programme.area);
  if (applicantArea === 'inside') add('applicant-area', 'met', 'insideArea', { place: applicantPlace }, programme.area.mustBeChecked);
  else if (applicantArea === 'unknown') add('applicant-area', 'unknown', 'areaPartly', { place: applicantPlace });
  else if (programme.partnership.outsideAreaAllowed) add('applicant-area', 'unknown', 'outsideAreaMayBeAccepted', { place: applicantPlace });
  else add('applicant-area', 'not-met', 'outsideArea', { place: applicantPlace }, programme.area.mustBeChecked);

  // Countries the partnership must include
  const { partnership } = programme;
  const countries = new Set([question.applicant.place.country, ...(question.partners ?? []).map((p) => p.place.country)]);
  const missing = partnership.requiredCountries.filter((country) => !countries.has(country));
  if (partnership.requiredCountries.length === 0) add('required-countries', 'met', 'noCountryRequirement', {}, partnership.mustBeChecked);
  else if (missing.length === 0) add('required-countries', 'met', 'countriesCovered', { countries: listCountries(partnership.requiredCountries, language) }, partnership.mustBeChecked);
  else add('required-countries', question.partners === undefined ? 'unknown' : 'not-met', 'countriesMissing', { countries: listCountries(missing, language) }, partnership.mustBeChecked);

  // Number of participants
  const min = partnership.minPartners;
  const count = 1 + (question.partners?.length ?? 0);
  if (min === undefined) add('minimum-partners', partnership.requiredCountries.length > 1 ? 'unknown' : 'met', partnership.requiredCountries.length > 1 ? 'partnerMinimumUnknown' : 'noPartnerMinimum');
  else if (min <= 1 || count >= min) add('minimum-partners', 'met', min <= 1 ? 'noPartnerMinimum' : 'partnersEnough', { count, min }, partnership.mustBeChecked);
  else add('minimum-partners', question.partners === undefined ? 'unknown' : 'not-met', question.partners === undefined ? 'partnersNotGiven' : 'partnersTooFew', { count, min }, partnership.mustBeChecked);

  // Partners' places: outside the area is never a flat no; real programmes accept some outside partners.
  if (question.partners && question.partners.length > 0) {
    const participating = partnership.participatingCountries;
    const outside = question.partners.filter((p) => matchArea(p.place, programme.area) === 'outside' || (participating !== undefined && !participating.includes(p.place.country)));
    const partly = question.partners.filter((p) => matchArea(p.place, programme.area) === 'unknown');
    if (outside.length > 0) add('partner-area', 'unknown', 'partnerOutside', { place: placeName(outside[0]!.place, language) });
    else if (partly.length > 0) add('partner-area', 'unknown', 'partnerAreaUnknown', { place: placeName(partly[0]!.place, language) });
    else add('partner-area', 'met', 'partnersInside', {}, programme.area.mustBeChecked);
  }

  // Project type, duration and amount: only when the user said something to check.
  const entry = relevantProjectType(programme, question.projectType);
  if (question.projectType) {
    if (programme.projectTypes.length === 0) add('project-type', 'unknown', 'projectTypesUnknown');
    else if (entry) add('project-type', 'met', 'projectTypeOffered', { type: projectTypeName(question.projectType) }, entry.mustBeChecked);
    else add('project-type', 'not-met', 'projectTypeNotOffered', { type: projectTypeName(question.projectType), offered: programme.projectTypes.map((t) => projectTypeName(t.type)).join(', ') });
  }
  if (question.durationMonths !== undefined && (entry || programme.projectTypes.length === 0 || !question.projectType)) {
    const max = entry?.maxMonths;
    if (max === undefined) add('duration', 'unknown', 'durationLimitUnknown');
    else if (question.durationMonths <= max) add('duration', 'met', 'durationWithin', { months: question.durationMonths, max }, entry?.mustBeChecked);
    else add('duration', 'not-met', 'durationTooLong', { months: question.durationMonths, max }, entry?.mustBeChecked);
  }
  if (question.budgetNok !== undefined && grant?.grant && (entry || !question.projectType)) {
    const currency = entry?.currency;
    const minAmount = entry?.minAmount;
    const maxAmount = entry?.maxAmount;
    const grantText = formatMoney(grant.grant.nok, 'NOK', language);
    if (!entry || !currency || (minAmount === undefined && maxAmount === undefined)) add('amount', 'unknown', 'amountLimitsUnknown');
    else {
      const grantInCurrency = currency === 'EUR' ? grant.grant.eur : currency === 'NOK' ? grant.grant.nok : undefined;
      const range = `${minAmount === undefined ? '…' : formatMoney(minAmount, currency, language)}–${maxAmount === undefined ? '…' : formatMoney(maxAmount, currency, language)}`;
      if (grantInCurrency === undefined) add('amount', 'unknown', 'amountLimitsUnknown');
      else if (minAmount !== undefined && grantInCurrency < minAmount) add('amount', 'not-met', 'amountTooSmall', { grant: grantText, min: formatMoney(minAmount, currency, language) }, entry.mustBeChecked);
      else if (grant.cappedAtMaximum && maxAmount !== undefined) add('amount', 'met', 'amountCapped', { max: formatMoney(maxAmount, currency, language) }, entry.mustBeChecked);
      else add('amount', 'met', 'amountWithin', { grant: grantText, range }, entry.mustBeChecked);
    }
  }
  return results;
}

export function verdictOf(rules: RuleResult[]): Verdict {
  if (rules.some((rule) => rule.outcome === 'not-met')) return 'ineligible';
  if (rules.some((rule) => rule.outcome === 'unknown')) return 'check';
  return 'eligible';
}

