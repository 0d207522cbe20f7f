/**
 * Survey rounds for coordinators over HTTP, on both engines, with the mails read back from a real SMTP
 * server: creating a round with the pre-study questionnaire, who may run it and who may only see it,
 * invitees from the tree and from a list, opening (invitations whose links work), re-sending (the old
 * link dies), versioned questions, reminders once a day, closing, retention, the audit trail, tenants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { queryRows } from '../../src/platform/db/rows.js';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import { sendDueReminders } from '../../src/survey/reminders.js';
import { eraseExpiredRounds } from '../../src/survey/retention.js';
import { SURVEY_JOB_ACTOR } from '../../src/survey/jobs.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { SURVEY_PUBLIC_URL, surveyLinkIn, surveyMail } from '../support/survey-mail.js';
import { createTestUser, signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, SETUP_ACTOR, type Tenants } from '../support/tenants.js';

const DAY = 86_400_000;

describe.each(ENGINES)('survey rounds on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let t: Tenants;
  let coordinator: SignedInClient;
  let editor: SignedInClient;
  let reader: SignedInClient;
  let otherTenant: SignedInClient;
  let operator: SignedInClient;
  let rade: string;
  let spetalen: string;
  let roundId: string;
  const db = () => testDb.database.db;
  const mail = () => surveyMail(smtp);

  const tokenIn = (to: string) => surveyLinkIn(smtp, to);
  const respondentForm = (token: string) => app.inject({ url: `/api/survey-responses/${token}?lang=en` });
  const auditActions = async (entityId: string) => (await queryRows<{ action: string; after: unknown }>(db(), sql`SELECT action, after FROM audit_events WHERE entity_id = ${entityId} ORDER BY id`)).map((r) => r.action);

  beforeAll(async () => {
    testDb = await create();
    smtp = await startTestSmtp();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: mail().mailer, publicUrl: SURVEY_PUBLIC_URL });
    t = await seedTenants(db());
    rade = (await createOrganisation(db(), { kind: 'municipality', name: 'Råde kommune', placeCode: '3112' }, t.region, SETUP_ACTOR)).id;
    spetalen = (await createOrganisation(db(), { kind: 'unit', name: 'Spetalen skole', placeCode: null }, rade, SETUP_ACTOR)).id;
    const rektor = await createTestUser(db(), 'rektor@spetalen.example', { name: 'Rita Rektor' });
    await setMembership(db(), rektor.id, spetalen, 'editor', SETUP_ACTOR);
    coordinator = await signIn(app, t.people.regionCoordinator);
    editor = await signIn(app, t.people.mossEditor);
    reader = await signIn(app, t.people.mossReader);
    otherTenant = await signIn(app, t.people.vestlandAdmin);
    operator = await signIn(app, t.people.systemAdmin);
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
    await testDb?.dispose();
  });

  it('creates a round for the region with the pre-study questionnaire; only coordinators may', async () => {
    const closesAt = new Date(Date.now() + 21 * DAY).toISOString();
    const body = { organisationId: t.region, title: 'Internasjonalt samarbeid i Mosseregionen', closesAt, introduction: 'Svar for enheten din.' };
    const created = await coordinator.request({ method: 'POST', url: '/api/surveys/rounds', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    roundId = round.id;
    expect(round).toMatchObject({ status: 'draft', organisationName: 'Mosseregionen', reminderDays: [7, 2], minGroupSize: 3, language: 'nb', version: 1, invited: 0, mayCoordinate: true });
    // Deleted a year after closing by default.
    expect(new Date(round.retentionUntil).getUTCFullYear()).toBe(new Date(closesAt).getUTCFullYear() + 1);
    const questions = (await coordinator.request({ url: `/api/surveys/rounds/${roundId}/questions` })).json().items;
    expect(questions.map((q: { key: string }) => q.key)).toEqual(['earlier-projects', 'ongoing-projects', 'time-and-resources', 'knowledge', 'interest', 'cooperation-areas', 'needs', 'comments']);
    expect(await auditActions(roundId)).toEqual(['survey-round-created']);

    expect((await editor.request({ method: 'POST', url: '/api/surveys/rounds', payload: { ...body, organisationId: t.moss } })).statusCode).toBe(403);
    // The operator runs the service, not the tenants' surveys.
    expect((await operator.request({ method: 'POST', url: '/api/surveys/rounds', payload: body })).statusCode).toBe(403);
    expect((await otherTenant.request({ method: 'POST', url: '/api/surveys/rounds', payload: body })).statusCode).toBe(404);
  });

  it('refuses impossible dates with the field at fault', async () => {
    const past = await coordinator.request({ method: 'POST', url: '/api/surveys/rounds?lang=en', payload: { organisationId: t.region, title: 'x', closesAt: new Date(Date.now() - DAY).toISOString() } });
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ field: 'closesAt', message: 'The closing date must be in the future.' });
    const retention = await coordinator.request({
      method: 'POST',
      url: '/api/surveys/rounds?lang=en',
      payload: { organisationId: t.region, title: 'x', closesAt: new Date(Date.now() + 9 * DAY).toISOString(), retentionUntil: new Date(Date.now() + 2 * DAY).toISOString() },
    });
    expect(retention.statusCode).toBe(422);
    expect(retention.json().field).toBe('retentionUntil');
    const conflict = await coordinator.request({ method: 'PATCH', url: `/api/surveys/rounds/${roundId}?lang=en`, payload: { version: 99, title: 'Nytt navn' } });
    expect(conflict.statusCode).toBe(409);
    const renamed = await coordinator.request({ method: 'PATCH', url: `/api/surveys/rounds/${roundId}`, payload: { version: 1, title: 'Kartlegging 2025' } });
    expect(renamed.json()).toMatchObject({ title: 'Kartlegging 2025', version: 2 });
  });

  it('invites units from the tree (municipality and sector from the tree) and from a list with line problems', async () => {
    const fromTree = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees`, payload: { organisationIds: [spetalen, t.verket, t.bergen] } });
    expect(fromTree.statusCode, fromTree.body).toBe(200);
    expect(fromTree.json()).toMatchObject({ added: 2, skipped: [{ email: t.bergen, reason: 'outside-tree' }], delivery: { sent: 0, failed: 0 } });
    // A unit of the tree at an address the coordinator gives: placed by the tree all the same.
    const atAddress = await coordinator.request({
      method: 'POST',
      url: `/api/surveys/rounds/${roundId}/invitees`,
      payload: { people: [{ name: 'Moss kommune, oppvekst', email: 'oppvekst@moss.example', organisationId: t.moss, sector: 'education' }, { name: 'Bergen', email: 'post@bergen.example', organisationId: t.bergen }] },
    });
    expect(atAddress.json()).toMatchObject({ added: 1, skipped: [{ email: 'post@bergen.example', reason: 'outside-tree' }] });

    const list = ['navn;e-post;kommune;sektor', 'Vestby bibliotek;bibliotek@vestby.example;Vestby;Kultur', 'Våler teknisk;teknisk@valer.example;3114;technical', 'Uten adresse;ikke-en-adresse;Moss;', 'Feil kommune;x@y.example;Atlantis;', 'Spetalen igjen;REKTOR@spetalen.example;Råde;'].join('\n');
    const imported = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees/import`, headers: { 'content-type': 'text/csv' }, payload: list });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({
      added: 2,
      skipped: [{ email: 'REKTOR@spetalen.example', reason: 'already-invited' }],
      problems: [
        { line: 4, column: 'email', problem: 'invalid-email', value: 'ikke-en-adresse' },
        { line: 5, column: 'municipality', problem: 'unknown-municipality', value: 'Atlantis' },
      ],
      delivery: { sent: 0, failed: 0 },
    });
    expect((await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees/import?lang=en`, headers: { 'content-type': 'text/csv' }, payload: '\n\n' })).statusCode).toBe(422);

    const invitees = (await coordinator.request({ url: `/api/surveys/rounds/${roundId}/invitees` })).json();
    expect(invitees.total).toBe(5);
    const byName = Object.fromEntries(invitees.items.map((i: { name: string }) => [i.name, i]));
    expect(byName['Spetalen skole']).toMatchObject({ email: 'rektor@spetalen.example', municipalityCode: '3112', municipalityName: 'Råde', sector: 'education', organisationId: spetalen, invitedAt: null });
    expect(byName['Moss kommune, oppvekst']).toMatchObject({ email: 'oppvekst@moss.example', organisationId: t.moss, sector: 'education', municipalityCode: null });
    expect((await coordinator.request({ method: 'DELETE', url: `/api/surveys/rounds/${roundId}/invitees/${byName['Moss kommune, oppvekst'].id}` })).statusCode).toBe(204);
    expect(byName['Verket skole']).toMatchObject({ email: t.people.verketReader, sector: 'education' });
    expect(byName['Vestby bibliotek']).toMatchObject({ municipalityCode: '3216', sector: 'culture' });
    expect(byName['Våler teknisk']).toMatchObject({ municipalityCode: '3114', sector: 'technical' });
    expect(await auditActions(byName['Vestby bibliotek'].id)).toEqual(['survey-invitee-added']);
    // The audit trail keeps no name or address.
    const [added] = await queryRows<{ after: string }>(db(), sql`SELECT after::text AS after FROM audit_events WHERE entity_id = ${byName['Vestby bibliotek'].id}`);
    expect(added!.after).not.toContain('vestby.example');
  });

  it('shows readers the round and its counts, never the respondents', async () => {
    const seen = await reader.request({ url: `/api/surveys/rounds?organisation=${t.region}` });
    // The reader's role is at Moss: a round of the region above is not theirs to see.
    expect(seen.json().items).toEqual([]);
    const regionReader = await createTestUser(db(), 'leser@mosseregionen.example');
    await setMembership(db(), regionReader.id, t.region, 'reader', SETUP_ACTOR);
    const client = await signIn(app, 'leser@mosseregionen.example');
    const listed = await client.request({ url: '/api/surveys/rounds' });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: roundId, invited: 4, mayCoordinate: false })]);
    expect(listed.body).not.toContain('spetalen.example');
    expect((await client.request({ url: `/api/surveys/rounds/${roundId}` })).statusCode).toBe(200);
    expect((await client.request({ url: `/api/surveys/rounds/${roundId}/invitees` })).statusCode).toBe(403);
    expect((await otherTenant.request({ url: `/api/surveys/rounds/${roundId}` })).statusCode).toBe(404);
    expect((await otherTenant.request({ url: '/api/surveys/rounds' })).json().items).toEqual([]);
  });

  it('opens the round: every invitee gets a mail in their language whose personal link works', async () => {
    const opened = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/open` });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', delivery: { sent: 4, failed: 0 } });
    const { token, message } = await tokenIn('rektor@spetalen.example');
    expect(message.subject).toBe('Spørreundersøkelse: Kartlegging 2025');
    expect(message.text).toContain('Hei, Spetalen skole!');
    expect(message.text).toContain('Mosseregionen kartlegger erfaringer');
    expect(message.html).toContain(`href="${SURVEY_PUBLIC_URL}/svar/${token}"`);
    const form = await respondentForm(token);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ round: { title: 'Kartlegging 2025' }, respondent: { name: 'Spetalen skole' }, submittedAt: null });
    // Only the hash is stored.
    const stored = await queryRows<{ token_hash: string }>(db(), sql`SELECT token_hash FROM survey_invitees WHERE lower(email) = 'rektor@spetalen.example'`);
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    for (const to of ['bibliotek@vestby.example', 'teknisk@valer.example', t.people.verketReader]) await tokenIn(to);
    expect((await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/open` })).statusCode).toBe(409);
    expect(await auditActions(roundId)).toEqual(['survey-round-created', 'survey-round-changed', 'survey-round-opened']);
  });

  it('invites people added to an open round at once, and re-sends a link: the old one stops working', async () => {
    const added = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees`, payload: { people: [{ name: 'Moss helsestasjon', email: 'helse@moss.example', municipalityCode: '3103', sector: 'health-social' }] } });
    expect(added.json()).toMatchObject({ added: 1, delivery: { sent: 1, failed: 0 } });
    const first = await tokenIn('helse@moss.example');
    const invitee = (await coordinator.request({ url: `/api/surveys/rounds/${roundId}/invitees` })).json().items.find((i: { email: string }) => i.email === 'helse@moss.example');
    const resent = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees/${invitee.id}/resend` });
    expect(resent.statusCode, resent.body).toBe(200);
    const second = await tokenIn('helse@moss.example');
    expect(second.token).not.toBe(first.token);
    expect((await respondentForm(first.token)).statusCode).toBe(404);
    expect((await respondentForm(second.token)).statusCode).toBe(200);

    const removed = await coordinator.request({ method: 'DELETE', url: `/api/surveys/rounds/${roundId}/invitees/${invitee.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await respondentForm(second.token)).statusCode).toBe(404);
    expect(await auditActions(invitee.id)).toEqual(['survey-invitee-added', 'survey-link-resent', 'survey-invitee-removed']);
  });

  it('versions a question once answered: warned first, then a new version with the old answers kept', async () => {
    const { token } = await (async () => {
      const invitee = (await coordinator.request({ url: `/api/surveys/rounds/${roundId}/invitees` })).json().items.find((i: { email: string }) => i.email === 'teknisk@valer.example');
      await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees/${invitee.id}/resend` });
      return tokenIn('teknisk@valer.example');
    })();
    const definition = { type: 'text', texts: { nb: { label: 'Hva mer vil dere si?' }, en: { label: 'Anything else?' } } };
    // Nobody has answered yet: changed in place.
    const inPlace = await coordinator.request({ method: 'PUT', url: `/api/surveys/rounds/${roundId}/questions/comments`, payload: { definition } });
    expect(inPlace.json()).toMatchObject({ key: 'comments', version: 1, answerCount: 0 });

    expect((await app.inject({ method: 'PUT', url: `/api/survey-responses/${token}/answers/comments`, payload: { value: 'Vi vil samarbeide om vann.', questionVersion: 1 } })).statusCode).toBe(200);
    const warned = await coordinator.request({ method: 'PUT', url: `/api/surveys/rounds/${roundId}/questions/comments?lang=en`, payload: { definition: { ...definition, maxLength: 500 } } });
    expect(warned.statusCode).toBe(409);
    expect(warned.json()).toMatchObject({ error: 'answers-exist', field: 'confirmNewVersion' });
    expect(warned.json().message).toContain('1 have already answered');
    const typeChange = await coordinator.request({ method: 'PUT', url: `/api/surveys/rounds/${roundId}/questions/comments`, payload: { definition: { type: 'scale', texts: { nb: { label: 'x' } }, scale: { min: 1, max: 5 } }, confirmNewVersion: true } });
    expect(typeChange.statusCode).toBe(422);

    const confirmed = await coordinator.request({ method: 'PUT', url: `/api/surveys/rounds/${roundId}/questions/comments`, payload: { definition: { ...definition, maxLength: 500 }, confirmNewVersion: true } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ version: 2, answerCount: 1 });
    const form = (await respondentForm(token)).json();
    expect(form.questions.find((q: { key: string }) => q.key === 'comments').version).toBe(2);
    expect(form.answers.comments).toMatchObject({ value: 'Vi vil samarbeide om vann.', questionVersion: 1 });
    const versions = await queryRows<{ version: number; retired: boolean }>(db(), sql`SELECT version, retired_at IS NOT NULL AS retired FROM survey_questions WHERE round_id = ${roundId} AND key = 'comments' ORDER BY version`);
    expect(versions).toEqual([{ version: 1, retired: true }, { version: 2, retired: false }]);
    // A tab still showing version 1 is told to reload, and its answer is not lost.
    const stale = await app.inject({ method: 'PUT', url: `/api/survey-responses/${token}/answers/comments?lang=en`, payload: { value: 'Endret', questionVersion: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await respondentForm(token)).json().answers.comments.value).toBe('Vi vil samarbeide om vann.');

    const added = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/questions`, payload: { key: 'contact-person', definition: { type: 'text', texts: { nb: { label: 'Kontaktperson' } } } } });
    expect(added.statusCode).toBe(201);
    expect((await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/questions`, payload: { key: 'contact-person', definition: { type: 'text', texts: { nb: { label: 'x' } } } } })).statusCode).toBe(409);
    const noOptions = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/questions`, payload: { key: 'empty', definition: { type: 'single', texts: { nb: { label: 'x' } }, options: [] } } });
    expect(noOptions.json()).toMatchObject({ statusCode: 422, field: 'definition.options' });
    expect((await coordinator.request({ method: 'DELETE', url: `/api/surveys/rounds/${roundId}/questions/contact-person` })).statusCode).toBe(204);
    expect((await reader.request({ method: 'PUT', url: `/api/surveys/rounds/${roundId}/questions/comments`, payload: { definition } })).statusCode).toBe(404);
  });

  it('reminds those who have not submitted on the reminder days, once a day', async () => {
    const [round] = await queryRows<{ closes_at: string }>(db(), sql`SELECT closes_at FROM survey_rounds WHERE id = ${roundId}`);
    const twoDaysBefore = new Date(new Date(round!.closes_at).getTime() - 2 * DAY);
    await db().execute(sql`UPDATE survey_invitees SET submitted_at = now() WHERE lower(email) = 'bibliotek@vestby.example'`);
    const threeDaysBefore = new Date(twoDaysBefore.getTime() - DAY);
    expect(await sendDueReminders(db(), mail(), threeDaysBefore)).toEqual({ sent: 0, failed: 0 });
    expect(await sendDueReminders(db(), mail(), twoDaysBefore)).toEqual({ sent: 3, failed: 0 });
    const { token, message } = await tokenIn('rektor@spetalen.example');
    expect(message.subject).toBe('Påminnelse: Kartlegging 2025');
    expect((await respondentForm(token)).statusCode).toBe(200);
    expect(await sendDueReminders(db(), mail(), new Date(twoDaysBefore.getTime() + 60_000))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages.filter((m) => m.subject?.startsWith('Påminnelse') && m.to && JSON.stringify(m.to).includes('bibliotek@vestby.example'))).toEqual([]);
  });

  it('closes the round: links stop working, nothing can be answered; retention then deletes answers and respondents', async () => {
    const invitee = (await coordinator.request({ url: `/api/surveys/rounds/${roundId}/invitees` })).json().items.find((i: { email: string }) => i.email === 'rektor@spetalen.example');
    await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees/${invitee.id}/resend` });
    const { token } = await tokenIn('rektor@spetalen.example');
    const closed = await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/close` });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await respondentForm(token)).statusCode).toBe(404);
    expect((await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees/${invitee.id}/resend` })).statusCode).toBe(409);

    const [round] = await queryRows<{ retention_until: string }>(db(), sql`SELECT retention_until FROM survey_rounds WHERE id = ${roundId}`);
    expect(await eraseExpiredRounds(db(), SURVEY_JOB_ACTOR, new Date(new Date(round!.retention_until).getTime() - DAY))).toEqual({ rounds: 0, invitees: 0, answers: 0 });
    const erased = await eraseExpiredRounds(db(), SURVEY_JOB_ACTOR, new Date(new Date(round!.retention_until).getTime() + DAY));
    expect(erased).toEqual({ rounds: 1, invitees: 4, answers: 1 });
    expect(await queryRows(db(), sql`SELECT 1 FROM survey_invitees WHERE round_id = ${roundId}`)).toEqual([]);
    expect(await queryRows(db(), sql`SELECT 1 FROM survey_answers WHERE round_id = ${roundId}`)).toEqual([]);
    expect((await auditActions(roundId)).at(-1)).toBe('survey-round-erased');
    expect(await eraseExpiredRounds(db(), SURVEY_JOB_ACTOR, new Date(new Date(round!.retention_until).getTime() + 2 * DAY))).toEqual({ rounds: 0, invitees: 0, answers: 0 });

    expect((await coordinator.request({ method: 'DELETE', url: `/api/surveys/rounds/${roundId}` })).statusCode).toBe(204);
    expect((await coordinator.request({ url: `/api/surveys/rounds/${roundId}` })).statusCode).toBe(404);
    expect((await auditActions(roundId)).at(-1)).toBe('survey-round-deleted');
  });
});
