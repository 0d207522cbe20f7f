/**
 * An organisation as Mulighetsrom presents it, whichever register it came from: the schema documents the
 * API and gives the TypeScript type. `OrganisationRegistry` is what the routes need from a register.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { stringEnum } from '../platform/string-enum.js';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const ORGANISATION_KINDS = ['unit', 'sub-unit'] as const;

export const Organisation = Type.Object(
  {
    number: Type.String({ pattern: '^\\d{9}$', description: 'Organisation number, nine digits' }),
    name: Type.String({ description: 'Registered name, as the register writes it' }),
    kind: stringEnum(
      ORGANISATION_KINDS,
      'unit: an entity of Enhetsregisteret (enhet), e.g. a municipality; sub-unit: a place of business (underenhet), e.g. a school',
    ),
    parentNumber: nullable(Type.String({ description: 'For a sub-unit or an organisational unit: the organisation number it belongs to' })),
    organisationForm: nullable(
      Type.Object({
        code: Type.String({ description: 'Code of the organisation form, e.g. KOMM, FYLK, ORGL, BEDR, AS' }),
        description: Type.String({ description: 'The register\'s description, in Norwegian' }),
      }),
    ),
    industry: nullable(Type.Object({ code: Type.String({ description: 'Industry code (næringskode), e.g. 84.110' }), description: Type.String() })),
    municipalityNumber: nullable(Type.String({ description: 'Four-digit municipality number of the business (or postal) address' })),
    municipalityName: nullable(Type.String({ description: 'Name of that municipality (our reference table\'s Norwegian name where known)' })),
    postalCode: nullable(Type.String()),
    postalPlace: nullable(Type.String()),
    address: Type.Array(Type.String(), { description: 'Address lines' }),
    website: nullable(Type.String({ description: 'Website as registered, often without a scheme (www.example.no)' })),
    deleted: Type.Boolean({ description: 'Deleted from the register, or (a sub-unit) closed down' }),
    deletedOn: nullable(Type.String({ format: 'date', description: 'Date of deletion or closure' })),
  },
  { title: 'Organisation' },
);
export type Organisation = Static<typeof Organisation>;

export const OrganisationPage = Type.Object(
  {
    items: Type.Array(Organisation),
    total: Type.Integer({ description: 'All matches in the register (only the first 10 000 can be paged to)' }),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'OrganisationPage' },
);
export type OrganisationPage = Static<typeof OrganisationPage>;

export interface OrganisationSearch {
  name: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** A register of organisations. Both methods reject with `RegistryUnavailableError` when it cannot answer. */
export interface OrganisationRegistry {
  /** A unit or sub-unit by its (valid, normalised) number; null when the register has no such number. */
  lookup(number: string): Promise<Organisation | null>;
  /** Units (not sub-units) whose name matches, best match first. */
  search(query: OrganisationSearch): Promise<OrganisationPage>;
}

export type RegistryFailure =
  /** No answer within the time limit. */
  | 'timeout'
  /** No connection (refused, DNS, reset). */
  | 'unreachable'
  /** The register answered 5xx (or 429). */
  | 'server-error'
  /** An answer we cannot use: unexpected status, not JSON, or not the expected shape. */
  | 'bad-response';

export class RegistryUnavailableError extends Error {
  override readonly name = 'RegistryUnavailableError';
  constructor(
    readonly failure: RegistryFailure,
    detail: string,
    readonly status?: number,
  ) {
    super(detail);
  }
}
