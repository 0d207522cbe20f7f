/** Reference lists the web app's forms need: counties and municipalities of Norway and Sweden. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { norwegianCounties, norwegianMunicipalities, swedishCounties, swedishMunicipalities } from './index.js';

const Region = Type.Object({ code: Type.String(), name: Type.String() });
const Municipality = Type.Object({ code: Type.String(), name: Type.String(), region: Type.String() });
const PlacesResponse = Type.Object({
  NO: Type.Object({ regions: Type.Array(Region), municipalities: Type.Array(Municipality) }),
  SE: Type.Object({ regions: Type.Array(Region), municipalities: Type.Array(Municipality) }),
});

const byName = <T extends { name: string }>(items: T[]) => items.sort((a, b) => a.name.localeCompare(b.name, 'nb'));

// Built once: the tables do not change while the server runs.
const PLACES = {
  NO: {
    regions: byName(norwegianCounties.map((c) => ({ code: c.number, name: c.norwegianName }))),
    municipalities: byName(norwegianMunicipalities.map((m) => ({ code: m.number, name: m.norwegianName, region: m.county }))),
  },
  SE: {
    regions: byName(swedishCounties.map((c) => ({ code: c.code, name: c.name }))),
    municipalities: byName(swedishMunicipalities.map((m) => ({ code: m.code, name: m.name, region: m.code.slice(0, 2) }))),
  },
};

export const referenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/reference/places',
    {
      config: { access: 'public' },
      schema: { tags: ['reference'], summary: 'Norwegian counties and municipalities (2024) and Swedish län and kommuner', response: { 200: PlacesResponse } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=86400');
      return PLACES;
    },
  );
};
