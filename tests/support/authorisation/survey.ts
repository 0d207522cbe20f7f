/**
 * Authorisation matrix entries of the survey's coordinator routes (the respondent's routes are public:
 * the personal link is the credential). The seed makes a round at Moss with one invitee.
 */
import type { CapabilityMatrix } from './types.js';
import { createRound } from '../../../src/survey/rounds.js';
import { addInvitees } from '../../../src/survey/invitees.js';
import { createMailer } from '../../../src/platform/mail/mailer.js';
import { SETUP_ACTOR } from '../tenants.js';

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
const round = (_: unknown, o: Record<string, string>) => ({ id: o.coreSurveyRound! });

export const matrix: CapabilityMatrix = {
  seed: async (db, t) => {
    const created = await createRound(db, t.moss, { title: 'Matrix survey', closesAt: new Date(Date.now() + 30 * 86_400_000) }, SETUP_ACTOR);
    const mail = { mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, { info: () => undefined, warn: () => undefined }), publicUrl: 'http://localhost' };
    const { added } = await addInvitees(db, mail, created.id, { people: [{ name: 'Verket skole', email: 'rektor@verket.example', municipalityCode: '3103', sector: 'education' }] }, SETUP_ACTOR);
    return { coreSurveyRound: created.id, coreSurveyInvitee: added[0]!.id };
  },
  calls: {
    'GET /api/surveys/rounds': {},
    'POST /api/surveys/rounds': { body: (t) => ({ organisationId: t.moss, title: 'Matrix round', closesAt: inAMonth() }) },
    'GET /api/surveys/rounds/:id': { params: round },
    'PATCH /api/surveys/rounds/:id': { params: round, body: () => ({ version: 1, title: 'Renamed' }) },
    'DELETE /api/surveys/rounds/:id': { params: round },
    'POST /api/surveys/rounds/:id/open': { params: round },
    'POST /api/surveys/rounds/:id/close': { params: round },
    'GET /api/surveys/rounds/:id/questions': { params: round },
    'POST /api/surveys/rounds/:id/questions': { params: round, body: () => ({ key: 'matrix-question', definition: { type: 'text', texts: { nb: { label: 'Hva?' } } } }) },
    'PUT /api/surveys/rounds/:id/questions/:key': { params: (_, o) => ({ id: o.coreSurveyRound!, key: 'comments' }), body: () => ({ definition: { type: 'text', texts: { nb: { label: 'Hva?' } } } }) },
    'DELETE /api/surveys/rounds/:id/questions/:key': { params: (_, o) => ({ id: o.coreSurveyRound!, key: 'comments' }) },
    'GET /api/surveys/rounds/:id/invitees': { params: round },
    'POST /api/surveys/rounds/:id/invitees': { params: round, body: () => ({ people: [{ name: 'Ny enhet', email: 'ny@moss.example' }] }) },
    'POST /api/surveys/rounds/:id/invitees/import': { params: round, body: () => 'Ny enhet;ny@moss.example;Moss;Kultur' },
    'POST /api/surveys/rounds/:id/invitees/:inviteeId/resend': { params: (_, o) => ({ id: o.coreSurveyRound!, inviteeId: o.coreSurveyInvitee! }) },
    'PATCH /api/surveys/rounds/:id/invitees/:inviteeId': { params: (_, o) => ({ id: o.coreSurveyRound!, inviteeId: o.coreSurveyInvitee! }), body: () => ({ name: 'Verket skole, rektor' }) },
    'DELETE /api/surveys/rounds/:id/invitees/:inviteeId': { params: (_, o) => ({ id: o.coreSurveyRound!, inviteeId: o.coreSurveyInvitee! }) },
  },
};
