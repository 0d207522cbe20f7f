/**
 * Correcting one invitee of a round over HTTP, on both engines, with the mails read back from a real SMTP
 * server: name, address, municipality and sector; a new address in an open round gets a new link and the
 * old one stops working; the answers stay, and the summary moves them to the new municipality and sector;
 * refusals name the field at fault; a closed round cannot be changed; only coordinators may.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { MailDeliveryError } from '../../src/platform/mail/mailer.js';
import { queryRows } from '../../src/platform/db/rows.js';
import { HttpError } from '../../src/platform/http/errors.js';
import { setMembership } from '../../src/organisations/organisations.js';
import { updateInvitee } from '../../src/survey/invitees.js';
import type { MunicipalSector } from '../../src/reference/codes.js';
import type { SurveySummary } from '../../src/survey/summary-schema.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';
import { SURVEY_PUBLIC_URL, surveyLinkIn, surveyMail } from '../support/survey-mail.js';
import { createTestUser, signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, SETUP_ACTOR, type Tenants } from '../support/tenants.js';

const DAY = 86_400_000;
const MOSS = '3103';
const RADE = '3112';
const VESTBY = '3216';

interface Invitee {
  id: string;
  name: string;
  email: string;
  municipalityCode: string | null;
  sector: string | null;
  lastSentAt: string | null;
}

describe.each(ENGINES)('correcting a survey invitee on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  let t: Tenants;
  let coordinator: SignedInClient;
  let roundId: string;
  /** Moss helsestasjon: the invitee corrected throughout. */
  let helse: Invitee;
  const db = () => testDb.database.db;
  const mail = () => surveyMail(smtp);

  const tokenIn = (to: string) => surveyLinkIn(smtp, to);
  const mailsTo = (address: string) => smtp.messages.filter((m) => JSON.stringify(m.to ?? '').toLowerCase().includes(address.toLowerCase())).length;
  const respondentForm = (token: string) => app.inject({ url: `/api/survey-responses/${token}?lang=en` });
  const change = (inviteeId: string, payload: Record<string, unknown>, client = coordinator) => client.request({ method: 'PATCH', url: `/api/surveys/rounds/${roundId}/invitees/${inviteeId}?lang=en`, payload });
  const invitees = async (): Promise<Invitee[]> => (await coordinator.request({ url: `/api/surveys/rounds/${roundId}/invitees` })).json().items;
  const inviteeNamed = async (name: string) => (await invitees()).find((i) => i.name === name)!;
  const summary = async (): Promise<SurveySummary> => {
    const response = await coordinator.request({ url: `/api/surveys/rounds/${roundId}/summary` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const rates = (groups: SurveySummary['responseRate']['byMunicipality']) => Object.fromEntries(groups.map((g) => [g.key, [g.invited, g.responded]]));

  beforeAll(async () => {
    testDb = await create();
    smtp = await startTestSmtp();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: mail().mailer, publicUrl: SURVEY_PUBLIC_URL });
    t = await seedTenants(db());
    coordinator = await signIn(app, t.people.regionCoordinator);
    // Groups of one are shown, so that the summary's groups can be compared one invitee at a time.
    const created = await coordinator.request({ method: 'POST', url: '/api/surveys/rounds', payload: { organisationId: t.region, title: 'Kartlegging 2025', closesAt: new Date(Date.now() + 21 * DAY).toISOString(), minGroupSize: 1 } });
    expect(created.statusCode, created.body).toBe(201);
    roundId = created.json().id;
    const people = [
      { name: 'Moss helsestasjon', email: 'helse@moss.example', municipalityCode: MOSS, sector: 'health-social' },
      { name: 'Råde skole', email: 'skole@rade.example', municipalityCode: RADE, sector: 'education' },
      { name: 'Vestby bibliotek', email: 'bibliotek@vestby.example', municipalityCode: VESTBY, sector: 'culture' },
    ];
    expect((await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/invitees`, payload: { people } })).json()).toMatchObject({ added: 3 });
    helse = await inviteeNamed('Moss helsestasjon');
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
    await testDb?.dispose();
  });

  it('corrects the name, address, municipality and sector of a draft round\'s invitee, sending nothing yet', async () => {
    const changed = await change(helse.id, { name: '  Moss helsestasjon, sentrum ', email: ' helsestasjon@moss.example ', municipalityCode: RADE, sector: 'education' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ id: helse.id, name: 'Moss helsestasjon, sentrum', email: 'helsestasjon@moss.example', municipalityCode: RADE, municipalityName: 'Råde', sector: 'education', invitedAt: null, delivery: { sent: 0, failed: 0 } });
    expect(await inviteeNamed('Moss helsestasjon, sentrum')).toMatchObject({ id: helse.id, email: 'helsestasjon@moss.example', municipalityCode: RADE, sector: 'education' });
    expect(mailsTo('helsestasjon@moss.example')).toBe(0);

    // The audit trail says what was changed, where the unit was and is placed, and never a name or address.
    const audit = await queryRows<{ action: string; before: string; after: string }>(db(), sql`SELECT action, before::text AS before, after::text AS after FROM audit_events WHERE entity_id = ${helse.id} ORDER BY id`);
    expect(audit.map((a) => a.action)).toEqual(['survey-invitee-added', 'survey-invitee-changed']);
    expect(JSON.parse(audit[1]!.before)).toMatchObject({ roundId, inviteeId: helse.id, municipalityCode: MOSS, sector: 'health-social' });
    expect(JSON.parse(audit[1]!.after)).toMatchObject({ roundId, inviteeId: helse.id, municipalityCode: RADE, sector: 'education', changed: ['name', 'email', 'municipalityCode', 'sector'] });
    for (const secret of ['helse', 'moss.example', 'sentrum']) expect(audit[1]!.before + audit[1]!.after).not.toContain(secret);

    // Null takes the place away; the fields left out stay as they are.
    expect((await change(helse.id, { municipalityCode: null, sector: null })).json()).toMatchObject({ name: 'Moss helsestasjon, sentrum', municipalityCode: null, municipalityName: null, sector: null });
    const restored = await change(helse.id, { name: 'Moss helsestasjon', email: 'helse@moss.example', municipalityCode: MOSS, sector: 'health-social' });
    expect(restored.json()).toMatchObject({ name: 'Moss helsestasjon', email: 'helse@moss.example', municipalityCode: MOSS, sector: 'health-social' });
  });

  it('refuses what it cannot take, naming the field at fault and changing nothing', async () => {
    const refusals: Array<[Record<string, unknown>, number, string, string?]> = [
      [{ email: 'ikke-en-adresse' }, 422, 'email', '"ikke-en-adresse" is not a valid e-mail address.'],
      [{ municipalityCode: '9999' }, 422, 'municipalityCode'],
      [{ name: '   ' }, 422, 'name'],
      // Another invitee's address, in other letters: taken all the same.
      [{ email: 'BIBLIOTEK@vestby.example' }, 409, 'email', 'BIBLIOTEK@vestby.example is already invited to the survey.'],
      // The schema refuses what is no sector, no municipality number or no field at all.
      [{ sector: 'space' }, 400, 'sector'],
      [{ municipalityCode: 'Moss' }, 400, 'municipalityCode'],
      [{ organisationId: t.moss }, 400, 'organisationId'],
    ];
    for (const [payload, status, field, message] of refusals) {
      const refused = await change(helse.id, payload);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(status);
      expect(refused.json().field, JSON.stringify(payload)).toBe(field);
      if (message) expect(refused.json().message).toBe(message);
    }
    const empty = await change(helse.id, {});
    expect(empty.statusCode).toBe(422);
    expect(empty.json().message).toBe('Say what to change: the name, e-mail address, municipality or sector.');
    const unknown = await change('00000000-0000-4000-8000-000000000000', { name: 'Ingen' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().field).toBe('inviteeId');
    // The rule holds for callers other than the HTTP route too.
    const refusal = await updateInvitee(db(), mail(), roundId, helse.id, { sector: 'space' as MunicipalSector }, SETUP_ACTOR).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    expect(refusal).toMatchObject({ statusCode: 422, field: 'sector' });

    expect(await inviteeNamed('Moss helsestasjon')).toMatchObject({ email: 'helse@moss.example', municipalityCode: MOSS, sector: 'health-social' });
    const changes = await queryRows(db(), sql`SELECT 1 FROM audit_events WHERE entity_id = ${helse.id} AND action = 'survey-invitee-changed'`);
    expect(changes).toHaveLength(3);
  });

  it('lets only the round\'s coordinators correct an invitee', async () => {
    const regionReader = await createTestUser(db(), 'leser@mosseregionen.example');
    await setMembership(db(), regionReader.id, t.region, 'reader', SETUP_ACTOR);
    expect((await change(helse.id, { name: 'Lest' }, await signIn(app, 'leser@mosseregionen.example'))).statusCode).toBe(403);
    expect((await change(helse.id, { name: 'Annen leietaker' }, await signIn(app, t.people.vestlandAdmin))).statusCode).toBe(404);
    expect((await inviteeNamed('Moss helsestasjon')).id).toBe(helse.id);
  });

  it('sends a new link to a new address in an open round: the old link stops working, the answers stay', async () => {
    expect((await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/open` })).json()).toMatchObject({ status: 'open', delivery: { sent: 3, failed: 0 } });
    const old = await tokenIn('helse@moss.example');
    for (const to of ['skole@rade.example', 'bibliotek@vestby.example']) await tokenIn(to);
    const saved = await app.inject({ method: 'PUT', url: `/api/survey-responses/${old.token}/answers/interest`, payload: { value: 2, questionVersion: 1 } });
    expect(saved.statusCode, saved.body).toBe(200);
    const sentBefore = (await inviteeNamed('Moss helsestasjon')).lastSentAt;

    const changed = await change(helse.id, { email: 'helsestasjon@moss.example' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ email: 'helsestasjon@moss.example', delivery: { sent: 1, failed: 0 } });
    expect(new Date(changed.json().lastSentAt).getTime()).toBeGreaterThan(new Date(sentBefore!).getTime());
    const renewed = await tokenIn('helsestasjon@moss.example');
    expect(renewed.message.text).toContain('Moss helsestasjon');
    expect((await respondentForm(old.token)).statusCode).toBe(404);
    const form = await respondentForm(renewed.token);
    expect(form.statusCode).toBe(200);
    expect(form.json().answers.interest).toMatchObject({ value: 2, questionVersion: 1 });

    // A new name, or the same address in other letters, sends nothing: the link in hand keeps working.
    const mailsBefore = smtp.messages.length;
    expect((await change(helse.id, { name: 'Moss helsestasjon' })).json().delivery).toEqual({ sent: 0, failed: 0 });
    expect((await change(helse.id, { email: 'Helsestasjon@Moss.example' })).json()).toMatchObject({ email: 'Helsestasjon@Moss.example', delivery: { sent: 0, failed: 0 } });
    expect(smtp.messages.length).toBe(mailsBefore);
    expect((await respondentForm(renewed.token)).statusCode).toBe(200);

    // The mail to a new address fails: reported, and the link that went to the old address is dead all the same.
    const down = { mailer: { transport: 'smtp' as const, send: () => Promise.reject(new MailDeliveryError('SMTP down', 'ECONNECTION')) }, publicUrl: SURVEY_PUBLIC_URL };
    const undelivered = await updateInvitee(db(), down, roundId, helse.id, { email: 'helse@moss.example' }, SETUP_ACTOR);
    expect(undelivered.delivery).toEqual({ sent: 0, failed: [helse.id] });
    expect(undelivered.invitee.email).toBe('helse@moss.example');
    expect((await respondentForm(renewed.token)).statusCode).toBe(404);
  });

  it('moves the answers in the summary when the municipality and sector change', async () => {
    const before = await summary();
    expect(rates(before.responseRate.byMunicipality)).toEqual({ [MOSS]: [1, 1], [RADE]: [1, 0], [VESTBY]: [1, 0] });
    expect(before.interest!.items[0]!.distribution.byMunicipality.find((g) => g.key === MOSS)).toMatchObject({ size: 1, counts: { '2': 1 } });

    expect((await change(helse.id, { municipalityCode: RADE, sector: 'education' })).statusCode).toBe(200);
    const after = await summary();
    expect(rates(after.responseRate.byMunicipality)).toEqual({ [RADE]: [2, 1], [VESTBY]: [1, 0] });
    expect(rates(after.responseRate.bySector)).toEqual({ education: [2, 1], culture: [1, 0] });
    const interest = after.interest!.items[0]!.distribution;
    expect(interest.byMunicipality.find((g) => g.key === MOSS)).toBeUndefined();
    expect(interest.byMunicipality.find((g) => g.key === RADE)).toMatchObject({ size: 1, counts: { '2': 1 } });
    expect(interest.bySector.find((g) => g.key === 'education')).toMatchObject({ size: 1, counts: { '2': 1 } });
    expect(interest.overall).toEqual(before.interest!.items[0]!.distribution.overall);
  });

  it('changes nothing once the round is closed', async () => {
    expect((await coordinator.request({ method: 'POST', url: `/api/surveys/rounds/${roundId}/close` })).json()).toMatchObject({ status: 'closed' });
    const refused = await change(helse.id, { name: 'For sent' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toBe('round-state');
    expect((await inviteeNamed('Moss helsestasjon')).id).toBe(helse.id);
  });
});
