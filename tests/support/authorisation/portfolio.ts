/**
 * The portfolio routes in the authorisation matrix, and what they are called on: an initiative of Moss
 * kommune (in Østfold's tree) with an uploaded document.
 */
import type { Db } from '../../../src/platform/db/client.js';
import { DEFAULT_EXCHANGE_RATE } from '../../../src/reference/exchange-rate.js';
import { attach, createInitiative } from '../../../src/portfolio/initiatives.js';
import { organisationPath } from '../../../src/organisations/access.js';
import { SETUP_ACTOR, type Tenants } from '../tenants.js';
import type { CapabilityMatrix } from './types.js';

const initiative = (_t: Tenants, o: Record<string, string>) => ({ id: o.initiative! });
const document = (_t: Tenants, o: Record<string, string>) => ({ id: o.initiativeDocument! });

export const matrix: CapabilityMatrix = {
  seed: async (db: Db, t: Tenants) => {
    const id = await createInitiative(db, {
      input: { organisationId: t.moss, title: 'Erasmus+ utveksling for ungdomsskolene', sectors: ['education'] },
      organisationPath: (await organisationPath(db, t.moss))!,
      actor: SETUP_ACTOR,
      rate: DEFAULT_EXCHANGE_RATE,
    });
    const file = await attach(db, { initiativeId: id, title: 'Søknad', file: { fileName: 'soknad.txt', mediaType: 'text/plain', content: Buffer.from('Søknadstekst') }, actor: SETUP_ACTOR });
    return { initiative: id, initiativeDocument: file.id };
  },
  calls: {
    'GET /api/portfolio/initiatives': {},
    'GET /api/portfolio/dashboard': {},
    'POST /api/portfolio/initiatives': { body: (t) => ({ organisationId: t.moss, title: 'Matrix initiative' }) },
    'POST /api/portfolio/initiatives/from-navigator': { body: (t) => ({ organisationId: t.moss, idea: 'Klimatilpasning i kystsonen', programmeId: 'matrix-programme', priorityCode: null }) },
    'GET /api/portfolio/initiatives/:id': { params: initiative },
    'PUT /api/portfolio/initiatives/:id': { params: initiative, body: (t) => ({ organisationId: t.moss, title: 'Renamed', version: 1 }) },
    'POST /api/portfolio/initiatives/:id/status': { params: initiative, body: () => ({ status: 'pre-project', version: 1 }) },
    'DELETE /api/portfolio/initiatives/:id': { params: initiative },
    'GET /api/portfolio/initiatives/:id/timeline': { params: initiative },
    'POST /api/portfolio/initiatives/:id/links': { params: initiative, body: () => ({ title: 'Prosjektside', url: 'https://example.org/prosjekt' }) },
    'POST /api/portfolio/initiatives/:id/documents': { params: initiative },
    'GET /api/portfolio/documents/:id': { params: document },
    'DELETE /api/portfolio/documents/:id': { params: document },
  },
};
