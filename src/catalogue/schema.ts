/**
 * The one schema of a catalogue file (one programme per YAML file in `catalogue/programmes/`).
 * The CLI, the importer, the API and the tests all validate against this; the TypeScript type of a
 * programme is derived from it, so the two cannot drift apart.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { stringEnum } from '../platform/string-enum.js';
import { APPLICANT_TYPES, MUNICIPAL_SECTORS, PROGRAMME_KINDS, INTERREG_STRANDS, PROGRAMME_STATUSES, PROJECT_TYPES, POLICY_OBJECTIVES } from '../reference/codes.js';


const text = (description: string) => Type.String({ minLength: 1, description });

/** A text in all four languages of the product. */
export const LocalisedText = Type.Object(
  {
    nb: text('bokmål'),
    nn: text('nynorsk'),
    sv: text('svenska'),
    en: text('English'),
  },
  { additionalProperties: false, description: 'The same text in bokmål, nynorsk, Swedish and English, written in our own words.' },
);

/**
 * Every fact group names the source it was taken from (by source id) and may say that it still
 * needs checking. A fact we could not verify is kept, marked `mustBeChecked`, never guessed.
 */
const provenance = {
  source: Type.String({ pattern: '^[a-z0-9-]+$', description: 'Id of an entry in `sources`.' }),
  mustBeChecked: Type.Optional(Type.Boolean({ description: 'True when the fact could not be verified against a current source.' })),
  checkNote: Type.Optional(LocalisedText),
};

const sourced = <T extends Record<string, TSchema>>(properties: T, description: string) =>
  Type.Object({ ...properties, ...provenance }, { additionalProperties: false, description });

const isoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const url = Type.String({ format: 'uri', pattern: '^https?://', description: 'An http(s) address.' });
const countryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });

export const ApplicantType = stringEnum(APPLICANT_TYPES, 'Applicant organisation type');
export const MunicipalSector = stringEnum(MUNICIPAL_SECTORS, 'Municipal sector (kommunalområde)');

export const Source = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]+$' }),
    url,
    title: text('Title of the page or document as published'),
    publisher: Type.Optional(text('Who publishes it')),
    checked: isoDate,
  },
  { additionalProperties: false },
);

export const Priority = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9.-]{1,12}$', description: 'Code of the priority or focus area as the programme uses it, e.g. 1A, 2.1' }),
    objective: Type.Optional(LocalisedText),
    policyObjective: Type.Optional(stringEnum(POLICY_OBJECTIVES, 'EU cohesion policy objective (Interreg)')),
    specificObjective: Type.Optional(Type.String({ pattern: '^(RSO[1-5]\\.[0-9]{1,2}|ISO6\\.[1-6]|ISO7\\.[1-3])$', description: 'EU specific-objective code, e.g. RSO2.4, ISO6.6' })),
    name: LocalisedText,
    description: LocalisedText,
    examples: Type.Array(LocalisedText, { description: 'Example project types' }),
    sectors: Type.Optional(Type.Array(MunicipalSector, { uniqueItems: true })),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 2 }), { description: 'Extra search words in any of the four languages' })),
    ...provenance,
  },
  { additionalProperties: false },
);

export const ProjectTypeLimit = Type.Object(
  {
    type: stringEnum(PROJECT_TYPES, 'Project type'),
    name: Type.Optional(LocalisedText),
    maxMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
    minAmount: Type.Optional(Type.Number({ minimum: 0 })),
    maxAmount: Type.Optional(Type.Number({ minimum: 0 })),
    currency: Type.Optional(stringEnum(['NOK', 'EUR', 'SEK', 'DKK'] as const, 'Currency of the amounts')),
    note: Type.Optional(LocalisedText),
    ...provenance,
  },
  { additionalProperties: false },
);

export const Programme = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Stable id; also the file name' }),
    kind: stringEnum(PROGRAMME_KINDS, 'Kind of scheme'),
    interregStrand: Type.Optional(stringEnum(INTERREG_STRANDS, 'Interreg strand')),
    name: LocalisedText,
    shortName: Type.Optional(Type.String({ minLength: 1 })),
    period: Type.Object(
      {
        start: Type.Integer({ minimum: 1990, maximum: 2100 }),
        end: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
      },
      { additionalProperties: false, description: 'Programme period in years; no end for a standing scheme' },
    ),
    status: stringEnum(PROGRAMME_STATUSES, 'Status of the programme'),
    summary: LocalisedText,
    sectors: Type.Array(MunicipalSector, { uniqueItems: true, minItems: 1 }),
    applicants: sourced(
      {
        eligible: Type.Array(ApplicantType, { uniqueItems: true }),
        excluded: Type.Array(ApplicantType, { uniqueItems: true }),
        note: Type.Optional(LocalisedText),
      },
      'Who may apply',
    ),
    partnership: sourced(
      {
        minPartners: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
        minCountries: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
        requiredCountries: Type.Array(countryCode, { uniqueItems: true, description: 'At least one partner from each of these' }),
        participatingCountries: Type.Optional(Type.Array(countryCode, { uniqueItems: true })),
        outsideAreaAllowed: Type.Optional(Type.Boolean({ description: 'Partners from outside the programme area may take part in some cases' })),
        note: Type.Optional(LocalisedText),
      },
      'Partner requirements',
    ),
    projectTypes: Type.Array(ProjectTypeLimit),
    fundingRate: sourced(
      {
        minPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
        maxPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
        covers: LocalisedText,
      },
      'Share of eligible costs the programme covers',
    ),
    coFinancing: sourced({ rules: LocalisedText }, 'Co-financing and own-share rules'),
    guidance: Type.Array(
      Type.Object(
        {
          name: LocalisedText,
          role: LocalisedText,
          url: Type.Optional(url),
          ...provenance,
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    area: sourced(
      {
        description: LocalisedText,
        nuts: Type.Array(Type.String({ pattern: '^[A-Z]{2}[0-9A-Z]{0,3}$' }), { uniqueItems: true }),
        norwegianCounties: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2}$' }), { uniqueItems: true })),
        norwegianMunicipalities: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{4}$' }), { uniqueItems: true })),
        swedishCounties: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2}$' }), { uniqueItems: true })),
        wholeCountries: Type.Optional(Type.Array(countryCode, { uniqueItems: true, description: 'Countries that take part in full' })),
      },
      'Programme area',
    ),
    priorities: Type.Array(Priority),
    crossBorderQuestions: Type.Optional(Type.Array(LocalisedText, { description: 'Questions every application must answer (Interreg added value)' })),
    links: Type.Array(Type.Object({ title: LocalisedText, url }, { additionalProperties: false })),
    sources: Type.Array(Source, { minItems: 1 }),
  },
  { additionalProperties: false, title: 'Programme' },
);

export type LocalisedText = Static<typeof LocalisedText>;
export type Programme = Static<typeof Programme>;
export type Priority = Static<typeof Priority>;
export type Source = Static<typeof Source>;
