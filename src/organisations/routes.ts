/** Organisations API: look up and search Norwegian organisations in Enhetsregisteret (public register data). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { stringEnum } from '../platform/string-enum.js';
import { LANGUAGES } from '../reference/codes.js';
import { checkOrgNumber } from './org-number.js';
import { Organisation, OrganisationPage, RegistryUnavailableError, type OrganisationRegistry } from './organisation.js';

export const NAME_MIN_LENGTH = 2;
const MAX_PAGE = 100;
const MAX_PAGE_SIZE = 100;

export const OrganisationLookupQuery = Type.Object(
  {
    number: Type.String({
      maxLength: 40,
      description: 'Organisation number; spaces, dots, a leading NO and a trailing MVA are accepted ("974 760 673", "NO 974760673 MVA")',
    }),
    lang: Type.Optional(stringEnum(LANGUAGES, 'Language of error messages')),
  },
  { additionalProperties: false },
);

export const OrganisationSearchQuery = Type.Object(
  {
    name: Type.String({ maxLength: 100, description: `Words of the name; at least ${NAME_MIN_LENGTH} characters` }),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })),
    lang: Type.Optional(stringEnum(LANGUAGES, 'Language of error messages')),
  },
  { additionalProperties: false },
);

/** The register's failure → 503 with a message the user understands; the cause goes to the log. */
async function fromRegister<T>(log: FastifyBaseLogger, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof RegistryUnavailableError) {
      log.warn({ failure: error.failure, status: error.status, detail: error.message }, 'Enhetsregisteret unavailable');
      throw new HttpError(503, 'register-unavailable', 'organisationRegisterUnavailable');
    }
    throw error;
  }
}

export function organisationRoutes(registry: OrganisationRegistry): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/organisations/lookup',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisations'],
          summary: 'One organisation (unit or sub-unit such as a school) by organisation number, from Enhetsregisteret',
          description:
            'The number is normalised and checked (nine digits, modulus-11 check digit) before the register is asked. ' +
            'Answers are cached for a few minutes. 503 when Brønnøysundregistrene cannot be reached in time.',
          querystring: OrganisationLookupQuery,
          response: { 200: Organisation, 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (request) => {
        const checked = checkOrgNumber(request.query.number);
        if (!checked.ok) {
          const shown = checked.problem === 'check-digit' ? checked.normalised : request.query.number.trim();
          throw new HttpError(400, 'invalid-parameter', checked.problem === 'check-digit' ? 'orgNumberCheckDigit' : 'orgNumberFormat', { value: shown, field: 'number' }, 'number');
        }
        const organisation = await fromRegister(request.log, () => registry.lookup(checked.number));
        if (!organisation) throw new HttpError(404, 'not-found', 'organisationNotFound', { number: checked.number }, 'number');
        return organisation;
      },
    );

    app.get(
      '/api/organisations/search',
      {
        config: { access: 'public' },
        schema: {
          tags: ['organisations'],
          summary: 'Search units of Enhetsregisteret by name, best match first',
          description: 'Searches units (hovedenheter) only, not sub-units. 503 when Brønnøysundregistrene cannot be reached in time.',
          querystring: OrganisationSearchQuery,
          response: { 200: OrganisationPage, 400: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (request) => {
        const name = request.query.name.trim().replace(/\s+/g, ' ');
        if ([...name].length < NAME_MIN_LENGTH) throw new HttpError(400, 'invalid-parameter', 'tooShort', { field: 'name', limit: NAME_MIN_LENGTH }, 'name');
        const page = request.query.page ?? 1;
        const pageSize = request.query.pageSize ?? 20;
        return fromRegister(request.log, () => registry.search({ name, page, pageSize }));
      },
    );
  };
}
