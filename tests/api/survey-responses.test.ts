/**
 * Answering through the personal link, on both engines: the form with the answers so far, saving one
 * question at a time (the later save wins per question, two tabs never overwrite each other's other
 * answers), wrong answers refused at the question with nothing else lost, submitting and changing
 * afterwards, and the one 404 for every link that does not work (wrong, expired, closed), throttled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { queryRows } from '../../src/platform/db/rows.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { seedTenants, type Tenants } from '../support/tenants.js';
import { createSurveyFixture, type SurveyFixture } from '../support/survey-fixtures.js';
import { validProgramme } from '../support/programme-fixture.js';
import { replaceCatalogue } from '../../src/catalogue/repository.js';

const PROGRAMMES = ['erasmus-plus', 'interreg-oks'];
const LINK_INVALID = 'This link does not work. It may be mistyped, replaced by a newer link, or the survey may have closed. Ask the sender for a new one.';

describe.each(ENGINES)('survey responses on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let t: Tenants;
  let fixture: SurveyFixture;
  const db = () => testDb.database.db;
  const form = (token: string) => app.inject({ url: `/api/survey-responses/${token}?lang=en` });
  const save = (token: string, key: string, value: unknown, questionVersion = 1) => app.inject({ method: 'PUT', url: `/api/survey-responses/${token}/answers/${key}?lang=en`, payload: { value, questionVersion } });

  beforeAll(async () => {
    testDb = await create();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, { info: () => undefined, warn: () => undefined }) });
    t = await seedTenants(db());
    await replaceCatalogue(db(), PROGRAMMES.map((id) => validProgramme({ id })), { actor: 'test', sourceHash: 'survey-responses' });
    fixture = await createSurveyFixture(db(), { organisationId: t.region, units: 12, answeredShare: 0.5, programmeIds: PROGRAMMES, seed: 7 });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('makes the same round every time from the same seed', async () => {
    const again = await createSurveyFixture(db(), { organisationId: t.region, units: 12, answeredShare: 0.5, programmeIds: PROGRAMMES, seed: 7 });
    expect({ answered: again.answered, submitted: again.submitted }).toEqual({ answered: fixture.answered, submitted: fixture.submitted });
    const count = async (roundId: string) => (await queryRows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM survey_answers WHERE round_id = ${roundId}`))[0]!.n;
    expect(await count(again.roundId)).toBe(await count(fixture.roundId));
    expect(await count(fixture.roundId)).toBeGreaterThan(0);
  });

  it('shows the questionnaire, the respondent\'s name and the answers so far; no names of others', async () => {
    const response = await form(fixture.tokens[0]!);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body.round).toMatchObject({ title: 'Kartlegging av internasjonalt samarbeid', language: 'nb' });
    expect(body.respondent.name).toMatch(/ 1$/);
    expect(body.questions.map((q: { key: string }) => q.key)).toContain('knowledge');
    expect(body.questions[0]).not.toHaveProperty('answerCount');
    // The knowledge matrix has one row per programme of the catalogue.
    expect(body.catalogue.map((p: { id: string }) => p.id).sort()).toEqual(PROGRAMMES);
    expect(response.body).not.toContain('enhet2@');
  });

  it('saves one question at a time: the later save wins for that question, other answers stay (two tabs)', async () => {
    const token = fixture.tokens[1]!;
    const tabA = await save(token, 'interest', 2);
    expect(tabA.statusCode, tabA.body).toBe(200);
    const tabB = await save(token, 'comments', 'Fra den andre fanen');
    expect(tabB.statusCode).toBe(200);
    expect((await save(token, 'interest', 3)).statusCode).toBe(200);
    const answers = (await form(token)).json().answers;
    expect(answers.interest).toMatchObject({ value: 3, questionVersion: 1 });
    expect(answers.comments.value).toBe('Fra den andre fanen');
    const [invitee] = await queryRows<{ first_answered_at: string | null }>(db(), sql`SELECT first_answered_at FROM survey_invitees WHERE id = ${fixture.inviteeIds[1]!}`);
    expect(invitee!.first_answered_at).not.toBeNull();
    // Clearing a question removes its answer alone.
    expect((await save(token, 'comments', null)).statusCode).toBe(200);
    expect((await form(token)).json().answers).not.toHaveProperty('comments');
    expect((await form(token)).json().answers.interest.value).toBe(3);
  });

  it('refuses an answer of the wrong type at the question and the part at fault, keeping what was there', async () => {
    const token = fixture.tokens[2]!;
    const projects = [{ programme: { choice: 'erasmus-plus' }, year: 2019, benefit: 5, why: 'Elevene vokste.' }];
    expect((await save(token, 'earlier-projects', projects)).statusCode).toBe(200);
    const wrong = await save(token, 'earlier-projects', [...projects, { programme: { choice: 'interreg-oks' }, year: 'i fjor' }]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toEqual({ statusCode: 422, error: 'invalid-answer', field: 'earlier-projects.1.year', message: '"earlier-projects.1.year" must be a whole number.' });
    const unknownProgramme = await save(token, 'knowledge', { 'made-up': 'know-it' });
    expect(unknownProgramme.json()).toMatchObject({ statusCode: 422, field: 'knowledge.made-up' });
    expect((await save(token, 'interest', 'high')).json().field).toBe('interest');
    expect((await form(token)).json().answers['earlier-projects'].value).toEqual(projects);
    const unknownQuestion = await save(token, 'shoe-size', 42);
    expect(unknownQuestion.statusCode).toBe(404);
    expect(unknownQuestion.json().field).toBe('questionKey');
    expect((await app.inject({ method: 'PUT', url: `/api/survey-responses/${token}/answers/interest`, payload: { value: 1 } })).statusCode).toBe(400);
  });

  it('submits once the required questions are answered, and still lets the answers change', async () => {
    const token = fixture.tokens[3]!;
    await save(token, 'interest', null);
    const early = await app.inject({ method: 'POST', url: `/api/survey-responses/${token}/submit?lang=en` });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ field: 'interest', message: '"interest" must be answered before you submit.' });
    await save(token, 'interest', 1);
    const submitted = await app.inject({ method: 'POST', url: `/api/survey-responses/${token}/submit` });
    expect(submitted.statusCode).toBe(200);
    expect((await form(token)).json().submittedAt).toBe(submitted.json().submittedAt);
    expect((await save(token, 'interest', 2)).statusCode).toBe(200);
  });

  it('answers every link that does not work with the same 404 and message: wrong, expired, closed', async () => {
    const wrong = await form('not-a-real-token-at-all');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json()).toEqual({ statusCode: 404, error: 'link-invalid', message: LINK_INVALID });

    const expiring = await createSurveyFixture(db(), { organisationId: t.moss, units: 2, programmeIds: PROGRAMMES, seed: 11 });
    await db().execute(sql`UPDATE survey_rounds SET closes_at = now() - interval '1 minute' WHERE id = ${expiring.roundId}`);
    const expired = await form(expiring.tokens[0]!);
    expect({ status: expired.statusCode, body: expired.json() }).toEqual({ status: wrong.statusCode, body: wrong.json() });
    expect((await save(expiring.tokens[0]!, 'interest', 1)).statusCode).toBe(404);

    const closed = await createSurveyFixture(db(), { organisationId: t.moss, units: 2, programmeIds: PROGRAMMES, seed: 12, status: 'closed' });
    const closedForm = await form(closed.tokens[0]!);
    expect({ status: closedForm.statusCode, body: closedForm.json() }).toEqual({ status: wrong.statusCode, body: wrong.json() });
    expect((await app.inject({ method: 'POST', url: `/api/survey-responses/${closed.tokens[0]!}/submit` })).statusCode).toBe(404);
  });

  it('slows down a client that keeps trying links that do not work (429), leaving others alone', async () => {
    const guess = (n: number) => app.inject({ url: `/api/survey-responses/guess-${n}`, remoteAddress: '203.0.113.9' });
    for (let n = 0; n < 30; n++) expect((await guess(n)).statusCode).toBe(404);
    expect((await guess(31)).statusCode).toBe(429);
    expect((await app.inject({ url: `/api/survey-responses/${fixture.tokens[0]!}`, remoteAddress: '203.0.113.10' })).statusCode).toBe(200);
  });
});
