/**
 * Validation of catalogue documents: the shared schema first, then the rules a schema cannot say
 * (cross-references between sections, sane ranges, dates, codes that exist). Pure: no I/O.
 */
import type { ErrorObject } from 'ajv';
import { validatorOnFirstUse } from '../platform/validator-on-first-use.js';
import { todayIso } from '../platform/dates.js';
import { Programme } from './schema.js';
import type { Programme as ProgrammeDocument } from './schema.js';
import { isKnownNuts, isKnownNorwegianCounty, isKnownNorwegianMunicipality, isKnownSwedishCounty } from '../reference/index.js';

export interface CatalogueProblem {
  file: string;
  /** JSON pointer into the document, e.g. `/priorities/2/name/nn`. */
  path: string;
  message: string;
}

export interface CatalogueFile {
  file: string;
  document: unknown;
}

/** A start with an unchanged catalogue validates nothing. */
const programmeSchema = validatorOnFirstUse<ProgrammeDocument>(Programme, { strict: true, formats: ['date', 'uri'] });

function describeSchemaError(error: ErrorObject, all: ErrorObject[]): string {
  switch (error.keyword) {
    case 'required':
      return `missing required property "${String(error.params.missingProperty)}"`;
    case 'additionalProperties':
      return `unknown property "${String(error.params.additionalProperty)}"`;
    case 'enum':
      return `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'anyOf': {
      const allowed = all
        .filter((e) => e.keyword === 'const' && e.instancePath === error.instancePath)
        .map((e) => JSON.stringify(e.params.allowedValue));
      return allowed.length > 0 ? `must be one of ${allowed.join(', ')}` : 'does not match any allowed form';
    }
    default:
      return error.message ?? error.keyword;
  }
}

/** Ajv reports every failed branch of a union; the enum branch failures say nothing useful. */
function usefulSchemaErrors(errors: ErrorObject[]): ErrorObject[] {
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  return errors.filter((e) => !(unionPaths.has(e.instancePath) && e.keyword === 'const'));
}

function semanticProblems(programme: ProgrammeDocument, file: string, now: Date): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const report = (path: string, message: string) => problems.push({ file, path, message });

  const expectedId = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (programme.id !== expectedId) report('/id', `id "${programme.id}" must equal the file name "${expectedId}"`);

  const sourceIds = new Set<string>();
  programme.sources.forEach((source, index) => {
    if (sourceIds.has(source.id)) report(`/sources/${index}/id`, `duplicate source id "${source.id}"`);
    sourceIds.add(source.id);
    if (Number.isNaN(Date.parse(source.checked))) report(`/sources/${index}/checked`, `"${source.checked}" is not a real date`);
    else if (source.checked > todayIso(now)) report(`/sources/${index}/checked`, `checked date ${source.checked} lies in the future`);
  });

  const usedSources = new Set<string>();
  const checkSourceRef = (path: string, ref: string) => {
    usedSources.add(ref);
    if (!sourceIds.has(ref)) report(`${path}/source`, `refers to unknown source "${ref}"`);
  };
  checkSourceRef('/applicants', programme.applicants.source);
  checkSourceRef('/partnership', programme.partnership.source);
  checkSourceRef('/fundingRate', programme.fundingRate.source);
  checkSourceRef('/coFinancing', programme.coFinancing.source);
  checkSourceRef('/area', programme.area.source);
  programme.projectTypes.forEach((entry, i) => checkSourceRef(`/projectTypes/${i}`, entry.source));
  programme.guidance.forEach((entry, i) => checkSourceRef(`/guidance/${i}`, entry.source));
  programme.priorities.forEach((entry, i) => checkSourceRef(`/priorities/${i}`, entry.source));
  programme.sources.forEach((source, index) => {
    if (!usedSources.has(source.id)) report(`/sources/${index}`, `source "${source.id}" is not cited by any fact`);
  });

  if (programme.period.end !== undefined && programme.period.end < programme.period.start) {
    report('/period/end', `ends (${programme.period.end}) before it starts (${programme.period.start})`);
  }

  const excluded = new Set(programme.applicants.excluded);
  programme.applicants.eligible.forEach((type, i) => {
    if (excluded.has(type)) report(`/applicants/eligible/${i}`, `"${type}" is both eligible and excluded`);
  });

  const { minPercent, maxPercent } = programme.fundingRate;
  if (minPercent !== undefined && maxPercent !== undefined && minPercent > maxPercent) {
    report('/fundingRate/minPercent', `minimum ${minPercent} % exceeds maximum ${maxPercent} %`);
  }

  const seenProjectTypes = new Set<string>();
  programme.projectTypes.forEach((entry, i) => {
    if (seenProjectTypes.has(entry.type)) report(`/projectTypes/${i}/type`, `project type "${entry.type}" is listed twice`);
    seenProjectTypes.add(entry.type);
    if (entry.minAmount !== undefined && entry.maxAmount !== undefined && entry.minAmount > entry.maxAmount) {
      report(`/projectTypes/${i}/minAmount`, `minimum amount ${entry.minAmount} exceeds maximum ${entry.maxAmount}`);
    }
    if ((entry.minAmount !== undefined || entry.maxAmount !== undefined) && entry.currency === undefined) {
      report(`/projectTypes/${i}/currency`, 'amounts need a currency');
    }
  });

  const participating = programme.partnership.participatingCountries;
  if (participating) {
    programme.partnership.requiredCountries.forEach((country, i) => {
      if (!participating.includes(country)) report(`/partnership/requiredCountries/${i}`, `required country ${country} is not a participating country`);
    });
  }

  if (programme.interregStrand !== undefined) {
    programme.priorities.forEach((priority, i) => {
      if (priority.policyObjective === undefined) report(`/priorities/${i}/policyObjective`, 'an Interreg priority needs its policy objective');
      if (priority.specificObjective === undefined) report(`/priorities/${i}/specificObjective`, 'an Interreg priority needs its specific-objective code');
    });
  }
  programme.priorities.forEach((priority, i) => {
    const { policyObjective, specificObjective } = priority;
    if (policyObjective && specificObjective) {
      const expected = specificObjective.startsWith('RSO') ? `PO${specificObjective.charAt(3)}` : specificObjective.slice(0, 4);
      if (expected !== policyObjective) report(`/priorities/${i}/specificObjective`, `${specificObjective} does not belong to ${policyObjective}`);
    }
  });
  const priorityCodes = new Set<string>();
  programme.priorities.forEach((priority, i) => {
    if (priorityCodes.has(priority.code)) report(`/priorities/${i}/code`, `priority code "${priority.code}" is used twice`);
    priorityCodes.add(priority.code);
  });

  programme.area.nuts.forEach((code, i) => {
    if (!isKnownNuts(code)) report(`/area/nuts/${i}`, `unknown NUTS 2021 code "${code}"`);
  });
  programme.area.norwegianCounties?.forEach((code, i) => {
    if (!isKnownNorwegianCounty(code)) report(`/area/norwegianCounties/${i}`, `unknown Norwegian county number "${code}" (2024 structure)`);
  });
  programme.area.norwegianMunicipalities?.forEach((code, i) => {
    if (!isKnownNorwegianMunicipality(code)) report(`/area/norwegianMunicipalities/${i}`, `unknown Norwegian municipality number "${code}" (2024 structure)`);
  });
  programme.area.swedishCounties?.forEach((code, i) => {
    if (!isKnownSwedishCounty(code)) report(`/area/swedishCounties/${i}`, `unknown Swedish county code "${code}"`);
  });

  return problems;
}

export function validateProgrammeDocument(input: CatalogueFile, now = new Date()): CatalogueProblem[] {
  const validateSchema = programmeSchema();
  if (!validateSchema(input.document)) {
    const errors = validateSchema.errors ?? [];
    return usefulSchemaErrors(errors).map((error) => ({
      file: input.file,
      path: error.instancePath || '/',
      message: describeSchemaError(error, errors),
    }));
  }
  return semanticProblems(input.document, input.file, now);
}

export interface CatalogueValidation {
  programmes: ProgrammeDocument[];
  problems: CatalogueProblem[];
}

/** Validates every document and the catalogue as a whole (ids unique across files). */
export function validateCatalogue(files: CatalogueFile[], now = new Date()): CatalogueValidation {
  const problems: CatalogueProblem[] = [];
  const programmes: ProgrammeDocument[] = [];
  const fileOfId = new Map<string, string>();
  for (const input of files) {
    const fileProblems = validateProgrammeDocument(input, now);
    problems.push(...fileProblems);
    if (fileProblems.length > 0) continue;
    const programme = input.document as ProgrammeDocument;
    const earlier = fileOfId.get(programme.id);
    if (earlier) {
      problems.push({ file: input.file, path: '/id', message: `id "${programme.id}" is also used by ${earlier}` });
      continue;
    }
    fileOfId.set(programme.id, input.file);
    programmes.push(programme);
  }
  if (files.length === 0) problems.push({ file: '(catalogue)', path: '/', message: 'no programme files found' });
  return { programmes, problems };
}
