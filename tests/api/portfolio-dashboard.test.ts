/**
 * The portfolio dashboard on both engines, checked against figures worked out by hand from the
 * initiatives below: money in NOK at each initiative's own rate, success rate, grant per NOK of own
 * share, benefits, running projects and next deadlines — for exactly what the person may read.
 *
 *   A  Moss    NOK 1 000 000 = grant 600 000 + own 300 000 + co 100 000   granted   Interreg  2024  environment, culture
 *   B  Verket  EUR 10 000 × 11.5 = 115 000 NOK; grant 8 000 € (92 000), own 2 000 € (23 000)  rejected  Erasmus+  2025  education
 *   C  Moss    NOK 200 000 = grant 150 000 + own 50 000                    running   «Nordisk ministerråd»  2025–2026  culture
 *   D  Moss    no budget, deadline 2031-03-01                              idea      Interreg
 *   F  Moss    NOK 50 000, private                                         idea      (none)    registered this year
 *   E  Bergen (Vestland) NOK 9 999 999                                     idea      — another tenant
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { replaceCatalogue } from '../../src/catalogue/repository.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, type Person, type Tenants } from '../support/tenants.js';
import { validProgramme } from '../support/programme-fixture.js';

const names = (name: string) => ({ nb: `${name} nb`, nn: `${name} nn`, sv: `${name} sv`, en: `${name} en` });

describe.each(ENGINES)('the portfolio dashboard on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let t: Tenants;
  const as = {} as Record<Person, SignedInClient>;
  const ids: Record<string, string> = {};

  async function register(who: Person, body: Record<string, unknown>, path: string[] = []): Promise<string> {
    const created = await as[who].request({ method: 'POST', url: '/api/portfolio/initiatives', payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    for (const [index, status] of path.entries()) {
      const moved = await as[who].request({ method: 'POST', url: `/api/portfolio/initiatives/${id}/status`, payload: { status, version: index + 1 } });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    return id;
  }
  const dashboard = async (who: Person, query = '') => {
    const response = await as[who].request({ url: `/api/portfolio/dashboard${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Record<string, unknown>>();
  };

  beforeAll(async () => {
    testDb = await create();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, { info: () => undefined, warn: () => undefined }) });
    t = await seedTenants(testDb.database.db);
    await replaceCatalogue(testDb.database.db, [validProgramme({ id: 'interreg-test', name: names('Interreg') }), validProgramme({ id: 'erasmus-test', name: names('Erasmus+') })], { actor: 'test', sourceHash: 'dashboard' });
    for (const who of Object.keys(t.people) as Person[]) as[who] = await signIn(app, t.people[who]);

    ids.a = await register(
      'countyAdmin',
      {
        organisationId: t.moss,
        title: 'A',
        programmeId: 'interreg-test',
        startDate: '2024-01-01',
        budgetAmount: '1000000',
        budgetLines: [
          { kind: 'grant', label: 'Interreg', amount: '600000' },
          { kind: 'own-share', label: 'Moss', amount: '300000' },
          { kind: 'co-financing', label: 'Fylket', amount: '100000' },
        ],
        hoursApplication: '120.5',
        hoursProject: '400',
        sectors: ['environment', 'culture'],
        benefits: [{ benefit: 'networks', score: 4 }, { benefit: 'competence', score: 5 }],
      },
      ['application', 'submitted', 'granted'],
    );
    ids.b = await register(
      'countyAdmin',
      {
        organisationId: t.verket,
        title: 'B',
        programmeId: 'erasmus-test',
        startDate: '2025-09-01',
        currency: 'EUR',
        nokRate: '11.5',
        nokRateDate: '2025-01-02',
        budgetAmount: '10000',
        budgetLines: [
          { kind: 'grant', label: 'Erasmus+', amount: '8000' },
          { kind: 'own-share', label: 'Timer', amount: '2000' },
        ],
        hoursApplication: '40',
        sectors: ['education'],
        benefits: [{ benefit: 'networks', score: 2 }],
      },
      ['application', 'submitted', 'rejected'],
    );
    ids.c = await register(
      'countyAdmin',
      {
        organisationId: t.moss,
        title: 'C',
        otherProgramme: 'Nordisk ministerråd',
        startDate: '2025-03-01',
        endDate: '2026-12-31',
        budgetAmount: '200000',
        budgetLines: [
          { kind: 'grant', label: 'NMR', amount: '150000' },
          { kind: 'own-share', label: 'Moss', amount: '50000' },
        ],
        sectors: ['culture'],
      },
      ['application', 'submitted', 'granted', 'running'],
    );
    ids.d = await register('countyAdmin', { organisationId: t.moss, title: 'D', programmeId: 'interreg-test', deadline: '2031-03-01' });
    ids.f = await register('mossEditor', { organisationId: t.moss, title: 'F', private: true, budgetAmount: '50000' });
    ids.e = await register('vestlandAdmin', { organisationId: t.bergen, title: 'E', budgetAmount: '9999999' });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('sums money in NOK at each initiative\'s own rate, by status, programme, sector and year', async () => {
    const thisYear = new Date().getFullYear();
    const figures = await dashboard('countyAdmin');
    expect(figures.totals).toEqual({ count: 5, budgetNok: '1365000.00', grantNok: '842000.00', ownShareNok: '373000.00', coFinancingNok: '100000.00', hoursApplication: '160.5', hoursProject: '400.0' });
    expect(figures.byStatus).toEqual([
      { status: 'idea', count: 2, budgetNok: '50000.00', grantNok: '0.00' },
      { status: 'granted', count: 1, budgetNok: '1000000.00', grantNok: '600000.00' },
      { status: 'running', count: 1, budgetNok: '200000.00', grantNok: '150000.00' },
      { status: 'rejected', count: 1, budgetNok: '115000.00', grantNok: '92000.00' },
    ]);
    expect(figures.byProgramme).toEqual([
      { programmeId: 'interreg-test', name: 'Interreg nb', count: 2, grantNok: '600000.00' },
      { programmeId: null, name: '', count: 1, grantNok: '0.00' },
      { programmeId: 'erasmus-test', name: 'Erasmus+ nb', count: 1, grantNok: '92000.00' },
      { programmeId: null, name: 'Nordisk ministerråd', count: 1, grantNok: '150000.00' },
    ]);
    expect(figures.bySector).toEqual([
      { sector: 'culture', count: 2, grantNok: '750000.00' },
      { sector: 'education', count: 1, grantNok: '92000.00' },
      { sector: 'environment', count: 1, grantNok: '600000.00' },
    ]);
    expect(figures.byYear).toEqual(
      [
        { year: 2024, count: 1, grantNok: '600000.00', ownShareNok: '300000.00' },
        { year: 2025, count: 2, grantNok: '242000.00', ownShareNok: '73000.00' },
        { year: thisYear, count: 1, grantNok: '0.00', ownShareNok: '0.00' },
        { year: 2031, count: 1, grantNok: '0.00', ownShareNok: '0.00' },
      ].sort((x, y) => x.year - y.year),
    );
  });

  it('reports the success rate, grant per NOK of own share, benefits, running projects and next deadlines', async () => {
    const figures = await dashboard('countyAdmin', '?lang=en');
    // Decided: A (granted), B (rejected), C (running); won: A and C.
    expect(figures.successRate).toEqual({ decided: 3, granted: 2, rate: 0.6667 });
    // (600 000 + 150 000) / (300 000 + 50 000) = 2.142857…
    expect(figures.grantPerOwnShare).toBe('2.14');
    expect(figures.benefits).toEqual([
      { benefit: 'networks', count: 2, average: 3 },
      { benefit: 'competence', count: 1, average: 5 },
    ]);
    expect(figures.running).toEqual([{ id: ids.c, title: 'C', startDate: '2025-03-01', endDate: '2026-12-31', programmeName: null }]);
    expect(figures.nextDeadlines).toEqual([{ id: ids.d, title: 'D', deadline: '2031-03-01', programmeName: 'Interreg en' }]);
    expect(figures.rate).toMatchObject({ nokPerEur: expect.stringMatching(/^\d+(\.\d+)?$/), date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('counts only what the person may read, narrowed by the same filters as the list', async () => {
    expect((await dashboard('mossReader')).totals).toMatchObject({ count: 4, budgetNok: '1315000.00' });
    expect((await dashboard('verketReader')).totals).toMatchObject({ count: 1, budgetNok: '115000.00', grantNok: '92000.00' });
    expect((await dashboard('vestlandAdmin')).totals).toMatchObject({ count: 1, budgetNok: '9999999.00' });
    expect((await dashboard('outsider')).totals).toMatchObject({ count: 0, budgetNok: '0.00' });
    expect((await dashboard('countyAdmin', '?sector=culture')).totals).toMatchObject({ count: 2, grantNok: '750000.00', ownShareNok: '350000.00' });
    expect((await dashboard('countyAdmin', `?organisation=${t.verket}`)).totals).toMatchObject({ count: 1, budgetNok: '115000.00' });
    expect((await dashboard('countyAdmin', '?status=granted&status=running')).successRate).toEqual({ decided: 2, granted: 2, rate: 1 });
    expect((await dashboard('countyAdmin', '?year=2024')).totals).toMatchObject({ count: 1 });
    expect((await dashboard('countyAdmin', '?q=ingenting')).successRate).toEqual({ decided: 0, granted: 0, rate: null });
    expect((await dashboard('countyAdmin', '?q=ingenting')).grantPerOwnShare).toBeNull();
    expect((await as.vestlandAdmin.request({ url: `/api/portfolio/dashboard?organisation=${t.moss}` })).statusCode).toBe(404);
  });
});
