/**
 * Every error a client sees has a status, a message in the user's language and, where one field is
 * at fault, that field. Unexpected errors are logged and answered with a plain 500 message.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { message, type MessageKey } from '../i18n/messages.js';
import { negotiateLanguage } from '../i18n/language.js';
import type { Language } from '../../reference/codes.js';

export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String({ description: 'Short machine-readable code, e.g. not-found, invalid-parameter' }),
    message: Type.String({ description: 'Explanation in the language of the request' }),
    field: Type.Optional(Type.String({ description: 'The parameter or field at fault' })),
  },
  { title: 'Error' },
);

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(messageKey);
  }
}

export function requestLanguage(request: FastifyRequest): Language {
  const query = request.query as Record<string, unknown> | undefined;
  return negotiateLanguage(query?.lang, request.headers['accept-language']);
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** `/partners/0/region` → `partners.0.region`; a repeated query parameter `/sector/1` → `sector`. */
function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const parent = path === '' ? '' : `${path}.`;
  if (issue.keyword === 'required') return `${parent}${String(issue.params.missingProperty)}`;
  if (issue.keyword === 'additionalProperties') return `${parent}${String(issue.params.additionalProperty)}`;
  if (context === 'querystring') return path.replace(/\.\d+$/, '') || '(request)';
  return path || '(request)';
}

function describeValidation(issues: ValidationIssue[], context: string | undefined, language: Language): { field: string; text: string } {
  const unions = new Set(issues.filter((i) => i.keyword === 'anyOf').map((i) => i.instancePath));
  const first = issues.find((i) => !(i.keyword === 'const' && unions.has(i.instancePath))) ?? issues[0]!;
  const field = fieldOf(first, context);
  switch (first.keyword) {
    case 'anyOf':
    case 'enum':
    case 'const': {
      const allowed = first.keyword === 'enum'
        ? (first.params.allowedValues as unknown[])
        : issues.filter((i) => i.keyword === 'const' && i.instancePath === first.instancePath).map((i) => i.params.allowedValue);
      return { field, text: message('invalidEnum', language, { field, allowed: allowed.map(String).join(', ') }) };
    }
    case 'type':
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'multipleOf': {
      const numeric = first.params.type === 'integer' || first.params.type === 'number' || first.keyword !== 'type';
      return numeric
        ? { field, text: message('invalidNumber', language, { field, range: first.params.limit === undefined ? '' : ` (${String(first.params.comparison)} ${String(first.params.limit)})` }) }
        : { field, text: message('invalidValue', language, { field }) };
    }
    case 'maxLength':
      return { field, text: message('tooLong', language, { field, limit: String(first.params.limit) }) };
    case 'additionalProperties':
      return { field, text: message('unknownParameter', language, { field }) };
    case 'required':
      return { field, text: message('required', language, { field }) };
    default:
      return { field, text: message('invalidValue', language, { field }) };
  }
}

const FASTIFY_REFUSALS: Record<string, MessageKey> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'bodyTooLarge',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalidJson',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalidJson',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupportedMediaType',
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) => {
    const language = requestLanguage(request);
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send({
        statusCode: error.statusCode,
        error: error.code,
        message: message(error.messageKey, language, error.params),
        ...(error.field ? { field: error.field } : {}),
      });
    }
    if (error.validation) {
      const { field, text } = describeValidation(error.validation as ValidationIssue[], error.validationContext, language);
      return reply.status(400).send({ statusCode: 400, error: 'invalid-parameter', message: text, field });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own refusals (body too large, broken JSON, wrong content type), in the user's language.
      const key = FASTIFY_REFUSALS[error.code] ?? 'badRequest';
      return reply.status(error.statusCode).send({ statusCode: error.statusCode, error: error.code ?? 'bad-request', message: message(key, language) });
    }
    if (isUniqueViolation(error)) {
      // A check passed, then a simultaneous request took the same key first: a conflict, not our failure.
      return reply.status(409).send({ statusCode: 409, error: 'conflict', message: message('simultaneousChange', language) });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ statusCode: 500, error: 'internal', message: message('internal', language) });
  });
}

/** PostgreSQL's unique_violation (SQLSTATE 23505), from node-postgres or PGlite, possibly wrapped by Drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
