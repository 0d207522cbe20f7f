/** Calls and deadlines of a programme. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Db } from '../platform/db/client.js';
import { ErrorResponse, HttpError } from '../platform/http/errors.js';
import { LANGUAGES } from '../reference/codes.js';
import { stringEnum } from '../platform/string-enum.js';
import { programmeExists } from '../catalogue/repository.js';
import { upcomingCalls } from './repository.js';
import { todayIso } from '../platform/dates.js';

const CallItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  callIdentifier: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  status: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  budgetMinEur: Type.Union([Type.Number(), Type.Null()]),
  budgetMaxEur: Type.Union([Type.Number(), Type.Null()]),
});

export function callsRoutes(db: Db): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/programmes/:id/calls',
      {
        config: { access: 'public' },
        schema: {
          tags: ['calls'],
          summary: 'Open and forthcoming calls of a programme, next deadline first',
          params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
          querystring: Type.Object(
            {
              page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 1 })),
              pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
              lang: Type.Optional(stringEnum(LANGUAGES)),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(CallItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }), 400: ErrorResponse, 404: ErrorResponse },
        },
      },
      async (request) => {
        if (!(await programmeExists(db, request.params.id))) throw new HttpError(404, 'not-found', 'programmeNotFound', { id: request.params.id }, 'id');
        const page = request.query.page ?? 1;
        const pageSize = request.query.pageSize ?? 10;
        const { rows, total } = await upcomingCalls(db, request.params.id, todayIso(), page, pageSize);
        return { items: rows.map(({ total: _total, ...call }) => call), total, page, pageSize };
      },
    );
  };
}
