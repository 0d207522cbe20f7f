/**
 * Loading the Moss region demo data into an empty database: the tree, the people and their roles, the
 * audit trail naming `demo-data`, the shared password, and a second load that changes nothing; then the
 * demo survey (a closed round of Mosseregionen with answers) as its coordinator sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { queryRows } from '../../src/platform/db/rows.js';
import { DEFAULT_DEMO_FILE, flattenDemoOrganisations, loadDemoData, readDemoFile, type DemoFile } from '../../src/organisations/demo-data.js';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { loadDemoSurvey } from '../../src/survey/demo-data.js';
import { eraseExpiredRounds } from '../../src/survey/retention.js';
import type { SurveySummary } from '../../src/survey/summary-schema.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { signIn } from '../support/accounts.js';

describe.each(ENGINES)('demo data on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let demo: DemoFile;
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(testDb.database.db, query);

  beforeAll(async () => {
    testDb = await create();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, { info: () => undefined, warn: () => undefined }) });
    demo = await readDemoFile(DEFAULT_DEMO_FILE);
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('loads every organisation and person once, with the audit trail naming demo-data', async () => {
    const organisations = flattenDemoOrganisations(demo.organisations).length;
    expect(await loadDemoData(testDb.database.db)).toEqual({ loaded: true, organisations, users: 7 });
    expect(await rows(sql`SELECT count(*)::int AS n FROM organisations`)).toEqual([{ n: organisations }]);
    expect(await rows(sql`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 7 }]);
    const actors = await rows<{ action: string; actor_label: string; n: number }>(sql`SELECT action, actor_label, count(*)::int AS n FROM audit_events GROUP BY action, actor_label ORDER BY action`);
    expect(actors).toEqual([
      { action: 'account-created', actor_label: 'demo-data', n: 7 },
      { action: 'member-added', actor_label: 'demo-data', n: 6 },
      { action: 'organisation-created', actor_label: 'demo-data', n: organisations },
    ]);

    expect(await loadDemoData(testDb.database.db)).toEqual({ loaded: false });
    expect(await rows(sql`SELECT count(*)::int AS n FROM organisations`)).toEqual([{ n: organisations }]);
  });

  it('builds the tree: the council under the county, the municipalities under the council, the schools in them', async () => {
    const tree = await rows<{ name: string; parent: string | null; place_code: string | null; country: string; org_number: string | null }>(
      sql`SELECT o.name, p.name AS parent, o.place_code, o.country, o.org_number FROM organisations o LEFT JOIN organisations p ON p.id = o.parent_id`,
    );
    const find = (name: string, parent: string | null) => tree.find((o) => o.name === name && o.parent === parent);
    expect(find('Mosseregionen interkommunalt politisk råd', 'Østfold fylkeskommune')).toBeDefined();
    expect(find('Vestby kommune', 'Mosseregionen interkommunalt politisk råd')).toMatchObject({ place_code: '3216', country: 'NO' });
    expect(find('Spetalen skole', 'Råde kommune')).toMatchObject({ place_code: '3112' });
    expect(find('Årjängs kommun', null)).toMatchObject({ country: 'SE', place_code: '1765' });
    expect(tree.filter((o) => o.org_number !== null)).toEqual([expect.objectContaining({ name: 'Mosseregionens Næringsutvikling AS', org_number: '990667497' })]);
  });

  it('lets every demo person sign in with the shared password, in the role the README gives them', async () => {
    for (const user of demo.users) await signIn(app, user.email, demo.password);
    const county = await signIn(app, 'kari.county@demo.example', demo.password);
    const visible = (await county.request({ url: '/api/organisations/tree' })).json<{ items: Array<{ name: string }> }>().items.map((o) => o.name);
    expect(visible).toContain('Verket skole');
    expect(visible).not.toContain('Årjängs kommun');

    const reader = await signIn(app, 'vera.verket@demo.example', demo.password);
    expect((await reader.request({ url: '/api/me' })).json()).toMatchObject({ memberships: [{ organisationName: 'Verket skole', role: 'reader' }] });
    const swede = await signIn(app, 'asa.arjang@demo.example', demo.password);
    expect((await swede.request({ url: '/api/me' })).json()).toMatchObject({ language: 'sv', memberships: [{ organisationName: 'Årjängs kommun', role: 'coordinator' }] });
    const operator = await signIn(app, 'drift@demo.example', demo.password);
    expect((await operator.request({ url: '/api/me' })).json()).toMatchObject({ systemAdministrator: true, memberships: [] });
  });

  it('loads a closed survey round of Mosseregionen with answers from most units, once, without mail', async () => {
    const imported = await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
    expect(imported.ok).toBe(true);
    expect(await loadDemoSurvey(testDb.database.db)).toEqual({ loaded: true, invitees: 14, answered: 11 });
    // The retention job at start leaves it alone.
    expect(await eraseExpiredRounds(testDb.database.db, { userId: null, label: 'test' })).toEqual({ rounds: 0, invitees: 0, answers: 0 });

    const coordinator = await signIn(app, 'rolf.region@demo.example', demo.password);
    const rounds = (await coordinator.request({ url: '/api/surveys/rounds' })).json<{ items: Array<{ id: string; title: string; status: string; organisationName: string }> }>().items;
    expect(rounds).toEqual([expect.objectContaining({ title: 'Kartlegging av internasjonalt samarbeid 2024', status: 'closed', organisationName: 'Mosseregionen interkommunalt politisk råd' })]);
    const roundId = rounds[0]!.id;

    const response = await coordinator.request({ url: `/api/surveys/rounds/${roundId}/summary?lang=nb` });
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json<SurveySummary>();
    expect(summary.responseRate.overall).toMatchObject({ invited: 14, responded: 11 });
    const byMunicipality = new Map(summary.responseRate.byMunicipality.map((group) => [group.key, group]));
    for (const code of ['3103', '3112', '3216', '3114']) {
      expect(byMunicipality.get(code)?.suppressed, code).toBe(false);
      expect(byMunicipality.get(code)?.rate, code).toBeGreaterThan(0);
    }
    expect(summary.schemes.find((scheme) => scheme.programmeId === 'erasmus-plus')?.experience.overall.counts).toMatchObject({ earlier: 3 });

    const opportunities = await coordinator.request({ url: `/api/surveys/rounds/${roundId}/opportunities?lang=nb` });
    expect(opportunities.statusCode, opportunities.body).toBe(200);
    const joint = opportunities.json<{ jointCandidates: Array<{ key: string; municipalities: string[] }> }>().jointCandidates;
    expect(joint.length).toBeGreaterThan(0);
    expect(joint).toContainEqual(expect.objectContaining({ key: 'culture~art-culture', municipalities: ['3103', '3114', '3216'] }));

    const counts = sql`SELECT (SELECT count(*) FROM survey_rounds)::int AS rounds, (SELECT count(*) FROM survey_invitees)::int AS invitees, (SELECT count(*) FROM survey_answers)::int AS answers, (SELECT count(*) FROM audit_events)::int AS audit`;
    const before = await rows(counts);
    expect(await loadDemoSurvey(testDb.database.db)).toEqual({ loaded: false });
    expect(await rows(counts)).toEqual(before);
  });
});
