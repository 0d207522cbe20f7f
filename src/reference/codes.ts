/**
 * Code lists shared by the catalogue, the navigator and the web app. The codes are the API's words;
 * their names in the four languages live in `code-names.ts`.
 */
export const LANGUAGES = ['nb', 'nn', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const APPLICANT_TYPES = [
  'municipality',
  'county',
  'regional-council',
  'state-agency',
  'university',
  'research-institute',
  'school',
  'kindergarten',
  'hospital',
  'cultural-institution',
  'ngo',
  'foundation',
  'business-organisation',
  'sme',
  'large-enterprise',
  'sole-proprietorship',
  'private-person',
] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** Municipal sectors (kommunalområder) as the pre-study groups them, plus climate and environment. */
export const MUNICIPAL_SECTORS = [
  'culture',
  'education',
  'health-social',
  'technical',
  'environment',
  'community-development',
  'business-labour',
] as const;
export type MunicipalSector = (typeof MUNICIPAL_SECTORS)[number];

export const PROGRAMME_KINDS = ['eu-programme', 'eea-norway-grants', 'nordic', 'national', 'county-scheme', 'network'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

export const INTERREG_STRANDS = ['A', 'B', 'C', 'europe-wide'] as const;
export type InterregStrand = (typeof INTERREG_STRANDS)[number];

export const PROGRAMME_STATUSES = ['active', 'forthcoming', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

export const PROJECT_TYPES = ['pre-project', 'main-project', 'small-scale'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** EU cohesion policy objectives 2021–27 (PO1–PO5) and the two Interreg-specific ones. */
export const POLICY_OBJECTIVES = ['PO1', 'PO2', 'PO3', 'PO4', 'PO5', 'ISO6', 'ISO7'] as const;
export type PolicyObjective = (typeof POLICY_OBJECTIVES)[number];
