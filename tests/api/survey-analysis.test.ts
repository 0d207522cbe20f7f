/**
 * Survey analysis over HTTP on both engines, with the pre-study's round for Moss, Råde, Vestby and
 * Våler (tests/support/authorisation/survey-analysis.ts): figures checked against hand-counted ones,
 * small groups withheld, names for coordinators only, opportunities and joint candidates, exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import type { SurveySummary } from '../../src/survey/summary-schema.js';
import { initiativePartners, initiatives } from '../../src/portfolio/tables.js';
import { surveyAnswers, surveyInvitees } from '../../src/survey/tables.js';
import { FREE_TEXT_PER_THEME, QuestionCellStore, roundContext, roundSummary } from '../../src/survey/summary-query.js';
import { compileThemes } from '../../src/survey/themes.js';
import { TEMPLATE_KEYS } from '../../src/survey/template.js';
import { loadShippedVocabulary } from '../../src/navigator/load-vocabulary.js';
import { createRound } from '../../src/survey/rounds.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { signIn, type SignedInClient } from '../support/accounts.js';
import { pdfText } from '../support/pdf-text.js';
import { seedTenants, SETUP_ACTOR, type Tenants } from '../support/tenants.js';
import { MOSS_UNITS, MUNICIPALITIES, seedMossRegionRound, type SeededRound } from '../support/authorisation/survey-analysis.js';

const quietLog = { info: () => undefined, warn: () => undefined };

describe.each(ENGINES)('survey analysis on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let t: Tenants;
  let seeded: SeededRound;
  const as = {} as Record<keyof Tenants['people'], SignedInClient>;

  beforeAll(async () => {
    testDb = await create();
    const imported = await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
    if (!imported.ok) throw new Error('catalogue invalid');
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, quietLog) });
    t = await seedTenants(testDb.database.db);
    for (const who of ['regionCoordinator', 'mossReader', 'mossEditor', 'vestlandAdmin', 'systemAdmin'] as const) as[who] = await signIn(app, t.people[who]);
    seeded = await seedMossRegionRound(testDb.database.db, t.moss);
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  const summaryAs = async (who: keyof Tenants['people'], lang = 'nb') => {
    const response = await as[who].request({ url: `/api/surveys/rounds/${seeded.roundId}/summary?lang=${lang}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SurveySummary>();
  };

  it('counts response rates overall and per group, withholding groups under three and one more beside them', async () => {
    const summary = await summaryAs('regionCoordinator');
    expect(summary.responseRate.overall).toEqual({ invited: 13, responded: 11, submitted: 11, rate: 0.846 });
    const byMunicipality = Object.fromEntries(summary.responseRate.byMunicipality.map((g) => [g.key, [g.invited, g.responded, g.suppressed]]));
    // Vestby (2 invited) and Våler (2) are under three: withheld together; Moss and Råde shown.
    expect(byMunicipality).toEqual({ [MUNICIPALITIES.moss]: [6, 5, false], [MUNICIPALITIES.rade]: [3, 3, false], [MUNICIPALITIES.vestby]: [null, null, true], [MUNICIPALITIES.valer]: [null, null, true] });
    const bySector = Object.fromEntries(summary.responseRate.bySector.map((g) => [g.key, [g.invited, g.responded, g.suppressed]]));
    expect(bySector).toEqual({ education: [6, 6, false], technical: [4, 3, false], culture: [null, null, true], 'health-social': [null, null, true] });
  });

  it('reports knowledge and experience per scheme, with complementary suppression', async () => {
    const summary = await summaryAs('regionCoordinator');
    const erasmus = summary.schemes.find((s) => s.programmeId === 'erasmus-plus')!;
    expect(erasmus.programmeName).toContain('Erasmus+');
    expect(erasmus.knowledge!.overall).toEqual({ size: 11, counts: { 'have-used-it': 4, 'heard-of': 2, 'know-it': 1, none: 4 } });
    const moss = erasmus.knowledge!.byMunicipality.find((g) => g.key === MUNICIPALITIES.moss)!;
    expect(moss).toMatchObject({ size: 5, counts: { 'have-used-it': 2, 'heard-of': 1, none: 2 }, suppressed: false });
    expect(erasmus.knowledge!.byMunicipality.filter((g) => g.suppressed).map((g) => g.key).sort()).toEqual([MUNICIPALITIES.valer, MUNICIPALITIES.vestby].sort());
    // Health (1) and culture (1) together are still under three: technical (3) is withheld with them.
    expect(Object.fromEntries(erasmus.knowledge!.bySector.map((g) => [g.key, g.suppressed]))).toEqual({ education: false, culture: true, 'health-social': true, technical: true });
    expect(erasmus.knowledge!.bySector.find((g) => g.key === 'education')).toMatchObject({ key: 'education', size: 6, counts: { 'have-used-it': 4, 'heard-of': 1, 'know-it': 1 } });
    expect(erasmus.experience.overall).toEqual({ size: 11, counts: { earlier: 3, ongoing: 1 } });
    const nordic = summary.schemes.find((s) => s.programmeId === 'nordic-council-of-ministers')!;
    expect(nordic.knowledge!.overall).toEqual({ size: 1, counts: { 'heard-of': 1 } });
  });

  it('reports interest, areas, needs and benefits', async () => {
    const summary = await summaryAs('regionCoordinator');
    expect(summary.interest!.items[0]!.distribution.overall).toEqual({ size: 11, counts: { '0': 1, '1': 2, '2': 5, '3': 3 } });
    expect(summary.interest!.choices[0]).toEqual({ key: '0', label: '0 – Ingen interesse' });
    const areas = summary.cooperationAreas!.items[0]!.distribution.overall;
    expect(areas.size).toBe(10);
    expect(areas.counts).toMatchObject({ climate: 6, 'technical-services': 3, 'democracy-citizenship': 2 });
    expect(summary.needs!.items[0]!.distribution.overall.counts).toEqual({ guidance: 4, time: 3, partners: 2, money: 1 });
    const erasmus = summary.benefits.find((b) => b.programmeId === 'erasmus-plus')!;
    // Three earlier projects scored 5, 5 and 4; the ongoing one has no score yet.
    expect(erasmus).toMatchObject({ projects: 4, scores: { '5': 2, '4': 1 }, mean: 4.7 });
    expect(erasmus.reasons.map((r) => [r.unit, r.score])).toEqual([['Spetalen skole', 5], ['Verket skole', 5]]);
  });

  it('names champions and interested units without experience to coordinators, and groups free text by theme', async () => {
    const summary = await summaryAs('regionCoordinator');
    expect(summary.namesShown).toBe(true);
    expect(summary.champions.units.map((u) => u.name)).toEqual(['Helse og mestring Moss', 'Ramberg skole', 'Spetalen skole', 'Verket skole', 'Våler skole']);
    expect(summary.champions.units.find((u) => u.name === 'Verket skole')!.programmes.map((p) => p.id)).toEqual(['erasmus-plus']);
    expect(summary.interestedWithoutExperience.units.map((u) => u.name)).toEqual(['Kirkeparken skole', 'Kommunalteknikk Moss', 'Råde teknisk', 'Vestby skole', 'Vestby teknisk drift']);
    const themes = Object.fromEntries(summary.freeText.map((g) => [g.theme, g.answers.map((a) => a.text)]));
    expect(themes.climate).toEqual(['Vi ønsker samarbeid om overvann og klimatilpasning']);
    expect(themes['school-exchange']).toEqual(['Elevutveksling med en partnerskole i Sverige']);
    expect(summary.freeText.flatMap((g) => g.answers).map((a) => a.text)).toContain('Ladeinfrastruktur for kommunens biler');
  });

  it('gives readers who are not coordinators the figures without names; other tenants nothing', async () => {
    const summary = await summaryAs('mossReader', 'en');
    expect(summary.namesShown).toBe(false);
    expect(summary.champions).toEqual({ count: 5, units: [] });
    expect(summary.interestedWithoutExperience.count).toBe(5);
    expect(summary.schemes.find((s) => s.programmeId === 'erasmus-plus')!.knowledge!.overall.counts['have-used-it']).toBe(4);
    const body = JSON.stringify(summary);
    for (const name of ['Verket', 'Spetalen', 'Kirkeparken', 'Kommunalteknikk Moss']) expect(body).not.toContain(name);
    expect(summary.interest!.choices[3]).toEqual({ key: '3', label: '3 – Strong interest' });
    expect((await as.vestlandAdmin.request({ url: `/api/surveys/rounds/${seeded.roundId}/summary` })).statusCode).toBe(404);
    expect((await as.mossReader.request({ url: `/api/surveys/rounds/${seeded.roundId}/opportunities` })).statusCode).toBe(403);
    expect((await as.regionCoordinator.request({ url: '/api/surveys/rounds/00000000-0000-4000-8000-000000000000/summary' })).statusCode).toBe(404);
  });

  it('withholds nothing when the coordinator sets the threshold to one', async () => {
    const other = await seedMossRegionRound(testDb.database.db, t.moss, 1);
    const summary = (await as.regionCoordinator.request({ url: `/api/surveys/rounds/${other.roundId}/summary` })).json<SurveySummary>();
    expect(summary.responseRate.byMunicipality.some((g) => g.suppressed)).toBe(false);
    expect(summary.responseRate.byMunicipality.find((g) => g.key === MUNICIPALITIES.valer)).toMatchObject({ invited: 2, responded: 1 });
  });

  it('counts a summary once per change of the answers, and hands out the stored one until then', async () => {
    const other = await seedMossRegionRound(testDb.database.db, t.moss, 1);
    const url = `/api/surveys/rounds/${other.roundId}/summary`;
    const first = await as.regionCoordinator.request({ url });
    const second = await as.regionCoordinator.request({ url });
    expect([first.headers['cache-status'], second.headers['cache-status']]).toEqual(['mulighetsrom; fwd=miss', 'mulighetsrom; hit']);
    expect(second.body).toBe(first.body);
    // A reader's summary of the same answers is their own: without names.
    const reader = await as.mossReader.request({ url });
    expect(reader.headers['cache-status']).toBe('mulighetsrom; fwd=miss');
    expect(reader.json<SurveySummary>().namesShown).toBe(false);
    // One unit's answers go (cleared, or deleted on the retention date): the next summary is counted afresh.
    const answering = MOSS_UNITS.find((unit) => unit.answers !== undefined)!;
    await testDb.database.db.delete(surveyAnswers).where(eq(surveyAnswers.inviteeId, other.inviteeIds[answering.name]!));
    const third = await as.regionCoordinator.request({ url });
    expect(third.headers['cache-status']).toBe('mulighetsrom; fwd=miss');
    expect(first.json<SurveySummary>().responseRate.overall.responded - third.json<SurveySummary>().responseRate.overall.responded).toBe(1);
  });

  it('recounts only the questions answered since, and agrees with counting everything afresh', async () => {
    const db = testDb.database.db;
    const other = await seedMossRegionRound(db, t.moss, 1);
    const vocabulary = compileThemes(await loadShippedVocabulary());
    const store = new QuestionCellStore();
    const summaryWith = async (cells: QuestionCellStore) => roundSummary(db, (await roundContext(db, other.roundId, 'nb'))!, vocabulary, 'nb', true, FREE_TEXT_PER_THEME, cells);
    await summaryWith(store);
    const answering = MOSS_UNITS.filter((unit) => unit.answers !== undefined);
    const [first, second, third] = answering.map((unit) => other.inviteeIds[unit.name]!);
    const changes: Array<[string, () => Promise<unknown>]> = [
      ['an answer changed', () => db.update(surveyAnswers).set({ value: 0 }).where(and(eq(surveyAnswers.inviteeId, first!), eq(surveyAnswers.questionKey, TEMPLATE_KEYS.interest)))],
      ['an answer removed', () => db.delete(surveyAnswers).where(and(eq(surveyAnswers.inviteeId, second!), eq(surveyAnswers.questionKey, TEMPLATE_KEYS.knowledge)))],
      ['a unit moved to another municipality and sector', () => db.update(surveyInvitees).set({ municipalityCode: MUNICIPALITIES.valer, sector: 'culture' }).where(eq(surveyInvitees.id, third!))],
      ['a unit removed with its answers', () => db.delete(surveyInvitees).where(eq(surveyInvitees.id, first!))],
    ];
    for (const [change, apply] of changes) {
      await apply();
      expect(await summaryWith(store), change).toEqual(await summaryWith(new QuestionCellStore()));
    }
  });

  it('counts the answers of a round\'s own questions only', async () => {
    const fresh = await createRound(testDb.database.db, t.moss, { title: 'Ny runde', closesAt: new Date(Date.now() + 14 * 86_400_000) }, SETUP_ACTOR);
    const questions = await as.regionCoordinator.request({ url: `/api/surveys/rounds/${fresh.id}/questions` });
    expect(questions.statusCode, questions.body).toBe(200);
    const counts = questions.json<{ items: Array<{ answerCount: number }> }>().items.map((q) => q.answerCount);
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.every((n) => n === 0)).toBe(true);
    const seededCounts = (await as.regionCoordinator.request({ url: `/api/surveys/rounds/${seeded.roundId}/questions` })).json<{ items: Array<{ answerCount: number }> }>().items.map((q) => q.answerCount);
    expect(Math.max(...seededCounts)).toBe(11);
  });

  it('ranks programmes for interested units and finds the joint candidates', async () => {
    const response = await as.regionCoordinator.request({ url: `/api/surveys/rounds/${seeded.roundId}/opportunities?lang=nb` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{
      total: number;
      units: Array<{ name: string; interests: string[]; matches: Array<{ programmeId: string; guidance: unknown[] }> }>;
      jointCandidates: Array<{ key: string; municipalities: string[]; units: Array<{ name: string }>; programmes: Array<{ programmeId: string }> }>;
    }>();
    expect(body.total).toBe(10);
    const verket = body.units.find((u) => u.name === 'Verket skole')!;
    expect(verket.interests).toEqual(['Klima', 'Bærekraft']);
    expect(verket.matches.map((m) => m.programmeId)).toContain('erasmus-plus');
    expect(verket.matches[0]!.guidance.length).toBeGreaterThan(0);
    expect(body.jointCandidates.map((c) => [c.key, c.municipalities.length, c.units.length])).toEqual([
      ['education~climate', 3, 5],
      ['technical~technical-services', 3, 3],
      ['education~democracy-citizenship', 2, 2],
    ]);
    expect(body.jointCandidates[0]!.programmes.map((p) => p.programmeId)).toContain('erasmus-plus');
    const paged = (await as.regionCoordinator.request({ url: `/api/surveys/rounds/${seeded.roundId}/opportunities?limit=3&offset=9` })).json<{ units: unknown[]; total: number }>();
    expect([paged.units.length, paged.total]).toEqual([1, 10]);
  });

  it('turns a joint candidate into a portfolio initiative of the round\'s organisation, with the units as partners', async () => {
    const url = `/api/surveys/rounds/${seeded.roundId}/joint-candidates/education~climate/initiative`;
    const response = await as.regionCoordinator.request({ method: 'POST', url, payload: { programmeId: 'erasmus-plus', priorityCode: 'KA220' } });
    expect(response.statusCode, response.body).toBe(201);
    const { initiativeId } = response.json<{ initiativeId: string }>();
    const db = testDb.database.db;
    const [initiative] = await db.select().from(initiatives).where(eq(initiatives.id, initiativeId));
    expect(initiative).toMatchObject({ organisationId: t.moss, programmeId: 'erasmus-plus', priorityCode: 'KA220', sectors: ['education'] });
    expect(initiative!.title).toContain('Klima');
    const partners = await db.select().from(initiativePartners).where(eq(initiativePartners.initiativeId, initiativeId));
    expect(partners.map((p) => p.name).sort()).toEqual(['Kirkeparken skole', 'Ramberg skole', 'Spetalen skole', 'Verket skole', 'Vestby skole']);
    expect(partners.filter((p) => p.lead)).toHaveLength(1);
    // Not a candidate, an unknown programme, a reader.
    expect((await as.regionCoordinator.request({ method: 'POST', url: url.replace('education~climate', 'culture~forestry'), payload: {} })).statusCode).toBe(404);
    const unknown = await as.regionCoordinator.request({ method: 'POST', url, payload: { programmeId: 'no-such-programme' } });
    expect(unknown.statusCode).toBe(422);
    expect((await as.mossEditor.request({ method: 'POST', url, payload: {} })).statusCode).toBe(403);
  });

  it('exports every answer as XLSX that reads back, to coordinators only', async () => {
    const response = await as.regionCoordinator.request({ url: `/api/surveys/rounds/${seeded.roundId}/answers.xlsx?lang=nb` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(['Interesse for samarbeid', 'Kjennskap til støtteordningene']));
    const interest = workbook.getWorksheet('Interesse for samarbeid')!;
    const header = Array.from(interest.getRow(1).values as unknown[], (value) => String(value ?? ''));
    const row = interest.getRows(2, interest.rowCount - 1)!.find((r) => r.getCell(1).value === 'Verket skole')!;
    const column = (label: string) => header.findIndex((h) => h.startsWith(label));
    expect(row.getCell(column('Hvor interessert')).value).toBe(3);
    expect(row.getCell(column('Innenfor hvilke områder')).value).toBe('Klima; Bærekraft');
    expect(interest.rowCount).toBe(14); // the header and the 13 invited units
    const projects = workbook.worksheets.find((sheet) => sheet.name.startsWith('Hvilke internasjonale'))!;
    expect(projects.rowCount).toBe(5); // the header and four earlier projects
    expect((await as.mossReader.request({ url: `/api/surveys/rounds/${seeded.roundId}/answers.xlsx` })).statusCode).toBe(403);
    // The operator manages organisations everywhere but reads no tenant's answers.
    expect((await as.systemAdmin.request({ url: `/api/surveys/rounds/${seeded.roundId}/answers.xlsx` })).statusCode).toBe(403);
  });

  it('writes the PDF report with the appendix\'s headings, naming units only to coordinators', async () => {
    const reportText = async (who: keyof Tenants['people']) => {
      const response = await as[who].request({ url: `/api/surveys/rounds/${seeded.roundId}/report.pdf?lang=nb` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      return pdfText(response.rawPayload);
    };
    const coordinator = await reportText('regionCoordinator');
    for (const heading of ['Svarprosent', 'Kunnskap om og erfaring med ordningene', 'Samarbeidsområder', 'Behov for å komme i gang', 'Rapportert nytte', 'Virksomheter med erfaring', 'Fritekst etter tema']) {
      expect(coordinator).toContain(heading);
    }
    expect(coordinator).toContain('Verket skole');
    expect(coordinator).toContain('Elevutveksling med en partnerskole i Sverige');
    const reader = await reportText('mossReader');
    expect(reader).toContain('Svarprosent');
    expect(reader).not.toContain('Verket skole');
  });
});
