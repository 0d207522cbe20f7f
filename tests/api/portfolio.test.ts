/**
 * The portfolio over HTTP on both engines: registering and changing initiatives, every filter and sort
 * of the list, who sees what (tenants, the private flag, roles), the life cycle, the bad-input rules,
 * optimistic locking, saving a navigator result, the timeline, and documents and links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { replaceCatalogue } from '../../src/catalogue/repository.js';
import { exchangeRateFromEnv } from '../../src/reference/exchange-rate.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, type Person, type Tenants } from '../support/tenants.js';
import { validProgramme } from '../support/programme-fixture.js';

const quietLog = { info: () => undefined, warn: () => undefined };

interface Summary {
  id: string;
  title: string;
  status: string;
  version: number;
  budgetNok: string | null;
  private: boolean;
}
interface Page {
  items: Summary[];
  total: number;
  page: number;
  pageSize: number;
}

describe.each(ENGINES)('the portfolio on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let t: Tenants;
  const as = {} as Record<Person, SignedInClient>;
  const ids: Record<string, string> = {};

  const post = (who: Person, url: string, payload: unknown) => as[who].request({ method: 'POST', url, payload: payload as object });
  const get = (who: Person, url: string) => as[who].request({ url });
  const list = async (who: Person, query = '') => {
    const response = await get(who, `/api/portfolio/initiatives${query ? `?${query}` : ''}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Page>();
  };
  const titles = async (who: Person, query: string) => (await list(who, query)).items.map((i) => i.title);
  const createAs = async (who: Person, body: Record<string, unknown>) => {
    const response = await post(who, '/api/portfolio/initiatives', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Summary & Record<string, unknown>>();
  };

  beforeAll(async () => {
    testDb = await create();
    const db = testDb.database.db;
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, quietLog) });
    t = await seedTenants(db);
    await replaceCatalogue(db, [validProgramme({ id: 'interreg-test' }), validProgramme({ id: 'erasmus-test', sectors: ['education'] })], { actor: 'test', sourceHash: 'portfolio-test' });
    for (const who of Object.keys(t.people) as Person[]) as[who] = await signIn(app, t.people[who]);

    ids.erasmus = (await createAs('mossEditor', {
      organisationId: t.verket,
      title: 'Erasmus+ utveksling Verket skole',
      summary: 'Elevutveksling med skoler i Spania om bærekraft',
      programmeId: 'erasmus-test',
      priorityCode: '2A',
      deadline: '2031-02-19',
      startDate: '2024-08-01',
      endDate: '2026-07-31',
      currency: 'EUR',
      budgetAmount: '60000.00',
      nokRate: '11.50',
      nokRateDate: '2024-06-28',
      budgetLines: [
        { kind: 'grant', label: 'Erasmus+ tilskudd', amount: '54000' },
        { kind: 'own-share', label: 'Lærertimer', amount: '6000.00' },
      ],
      sectors: ['education'],
      sdgGoals: [4, 13],
      sdgTargets: ['4.7'],
      partners: [
        { name: 'IES Sevilla', country: 'ES', region: 'ES618', lead: true },
        { organisationId: t.verket, name: 'Verket skole', country: 'NO', lead: false },
      ],
      benefits: [{ benefit: 'competence', score: 5, comment: 'Lærerne lærte nye metoder' }],
    })).id;
    ids.kyststien = (await createAs('regionCoordinator', {
      organisationId: t.moss,
      title: 'Kyststien Moss–Rygge',
      programmeId: 'interreg-test',
      startDate: '2022-03-01',
      endDate: '2023-12-31',
      budgetAmount: '2000000',
      budgetLines: [
        { kind: 'grant', label: 'Interreg', amount: '1000000' },
        { kind: 'own-share', label: 'Moss kommune', amount: '600000' },
        { kind: 'co-financing', label: 'Østfold fylkeskommune', amount: '400000' },
      ],
      sectors: ['environment', 'culture'],
      sdgGoals: [11, 15],
    })).id;
    ids.unionsleden = (await createAs('mossEditor', {
      organisationId: t.moss,
      title: 'Unionsleden sykkelturisme',
      otherProgramme: 'Nordisk ministerråd',
      deadline: '2030-10-01',
      budgetAmount: '500000',
      sectors: ['business-labour'],
      sdgGoals: [8],
    })).id;
    ids.mona = (await createAs('mossEditor', { organisationId: t.moss, title: 'Mona-prosjektet: idé om havbruk', private: true, sectors: ['environment'], sdgGoals: [14] })).id;
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('registers an initiative with exact amounts, the rate and its date, partners, benefits and what the caller may do', async () => {
    const erasmus = (await get('regionCoordinator', `/api/portfolio/initiatives/${ids.erasmus}`)).json();
    expect(erasmus).toMatchObject({
      status: 'idea',
      version: 1,
      organisationName: 'Verket skole',
      programmeName: 'Test programme nb',
      currency: 'EUR',
      budgetAmount: '60000.00',
      grantAmount: '54000.00',
      ownShareAmount: '6000.00',
      coFinancingAmount: '0.00',
      budgetNok: '690000.00',
      grantNok: '621000.00',
      nokRate: '11.500000',
      nokRateDate: '2024-06-28',
      sdgGoals: [4, 13],
      sdgTargets: ['4.7'],
      partners: [
        { name: 'IES Sevilla', country: 'ES', region: 'ES618', lead: true, organisationId: null },
        { name: 'Verket skole', country: 'NO', region: null, lead: false, organisationId: t.verket },
      ],
      benefits: [{ benefit: 'competence', score: 5, comment: 'Lærerne lærte nye metoder' }],
      allowedTransitions: ['pre-project', 'application', 'withdrawn'],
      permissions: ['read', 'edit'],
    });
    const asReader = (await get('verketReader', `/api/portfolio/initiatives/${ids.erasmus}`)).json<{ permissions: string[]; allowedTransitions: string[] }>();
    expect(asReader.permissions).toEqual(['read']);
    expect(asReader.allowedTransitions).toEqual([]);
  });

  it('converts a EUR budget without a given rate at the current rate, and names that rate and its date', async () => {
    const rate = exchangeRateFromEnv();
    const created = await createAs('mossEditor', { organisationId: t.moss, title: 'Studietur til Göteborg', currency: 'EUR', budgetAmount: '1000.00' });
    expect(created).toMatchObject({ nokRateDate: rate.date, budgetNok: (await import('../../src/portfolio/money.js')).convertToNok('1000.00', rate.eurNok) });
    expect((await as.mossEditor.request({ method: 'DELETE', url: `/api/portfolio/initiatives/${created.id}` })).statusCode).toBe(204);
    expect((await get('mossEditor', `/api/portfolio/initiatives/${created.id}`)).statusCode).toBe(404);
  });

  it('lists what each person may read: their trees, private ideas only for editors, never another tenant', async () => {
    expect((await list('countyAdmin')).total).toBe(4);
    expect((await titles('regionCoordinator', 'sort=title'))).toEqual(['Erasmus+ utveksling Verket skole', 'Kyststien Moss–Rygge', 'Mona-prosjektet: idé om havbruk', 'Unionsleden sykkelturisme']);
    expect(await titles('mossReader', 'sort=title')).toEqual(['Erasmus+ utveksling Verket skole', 'Kyststien Moss–Rygge', 'Unionsleden sykkelturisme']);
    expect(await titles('verketReader', '')).toEqual(['Erasmus+ utveksling Verket skole']);
    expect((await list('vestlandAdmin')).total).toBe(0);
    expect((await list('outsider')).total).toBe(0);
    expect((await get('vestlandAdmin', `/api/portfolio/initiatives?organisation=${t.moss}`)).statusCode).toBe(404);
    expect((await get('mossReader', `/api/portfolio/initiatives/${ids.mona}`)).statusCode).toBe(404);
    expect((await get('regionCoordinator', `/api/portfolio/initiatives/${ids.mona}`)).statusCode).toBe(200);
  });

  it('hides initiatives from other tenants (404) and refuses readers changes (403)', async () => {
    for (const url of [`/api/portfolio/initiatives/${ids.kyststien}`, `/api/portfolio/initiatives/${ids.kyststien}/timeline`]) {
      expect((await get('vestlandAdmin', url)).statusCode).toBe(404);
    }
    expect((await as.vestlandAdmin.request({ method: 'PUT', url: `/api/portfolio/initiatives/${ids.kyststien}`, payload: { organisationId: t.moss, title: 'x', version: 1 } })).statusCode).toBe(404);
    expect((await as.mossReader.request({ method: 'PUT', url: `/api/portfolio/initiatives/${ids.kyststien}`, payload: { organisationId: t.moss, title: 'x', version: 1 } })).statusCode).toBe(403);
    expect((await post('mossReader', '/api/portfolio/initiatives', { organisationId: t.moss, title: 'x' })).statusCode).toBe(403);
    expect((await post('vestlandAdmin', '/api/portfolio/initiatives', { organisationId: t.moss, title: 'x' })).statusCode).toBe(404);
    // Moving an initiative to another tenant's organisation is refused as if it did not exist.
    const current = (await get('mossEditor', `/api/portfolio/initiatives/${ids.unionsleden}`)).json<{ version: number }>();
    expect((await as.mossEditor.request({ method: 'PUT', url: `/api/portfolio/initiatives/${ids.unionsleden}`, payload: { organisationId: t.bergen, title: 'x', version: current.version } })).statusCode).toBe(404);
  });

  it('filters by organisation, text, status, programme, sector, year and SDG', async () => {
    expect(await titles('countyAdmin', `organisation=${t.verket}`)).toEqual(['Erasmus+ utveksling Verket skole']);
    expect(await titles('countyAdmin', 'q=erasm')).toEqual(['Erasmus+ utveksling Verket skole']);
    expect(await titles('countyAdmin', 'q=sykkel')).toEqual(['Unionsleden sykkelturisme']);
    expect(await titles('countyAdmin', 'q=b%C3%A6rekraft')).toEqual(['Erasmus+ utveksling Verket skole']);
    expect(await titles('countyAdmin', 'q=ingenting+slikt')).toEqual([]);
    expect((await list('countyAdmin', 'status=idea')).total).toBe(4);
    expect((await list('countyAdmin', 'status=running&status=closed')).total).toBe(0);
    expect(await titles('countyAdmin', 'programme=interreg-test')).toEqual(['Kyststien Moss–Rygge']);
    expect(await titles('countyAdmin', 'programme=other&sort=title')).toEqual(['Mona-prosjektet: idé om havbruk', 'Unionsleden sykkelturisme']);
    expect(await titles('countyAdmin', 'sector=environment&sort=title')).toEqual(['Kyststien Moss–Rygge', 'Mona-prosjektet: idé om havbruk']);
    expect(await titles('countyAdmin', 'sector=education&sector=culture&sort=title')).toEqual(['Erasmus+ utveksling Verket skole', 'Kyststien Moss–Rygge']);
    expect(await titles('countyAdmin', 'year=2023&sort=title')).toEqual(['Kyststien Moss–Rygge']);
    expect(await titles('countyAdmin', 'year=2025&sort=title')).toEqual(['Erasmus+ utveksling Verket skole']);
    expect(await titles('countyAdmin', 'year=2030')).toEqual(['Unionsleden sykkelturisme']);
    expect(await titles('countyAdmin', 'sdg=14')).toEqual(['Mona-prosjektet: idé om havbruk']);
    expect(await titles('countyAdmin', 'sdg=4&sdg=8&sort=title')).toEqual(['Erasmus+ utveksling Verket skole', 'Unionsleden sykkelturisme']);
    expect((await get('countyAdmin', '/api/portfolio/initiatives?sector=space')).statusCode).toBe(400);
    expect((await get('countyAdmin', '/api/portfolio/initiatives?sdg=18')).statusCode).toBe(400);
  });

  it('sorts by every key both ways and pages through the result', async () => {
    expect(await titles('countyAdmin', 'sort=-title')).toEqual(['Unionsleden sykkelturisme', 'Mona-prosjektet: idé om havbruk', 'Kyststien Moss–Rygge', 'Erasmus+ utveksling Verket skole']);
    // Missing values last, whichever the direction.
    expect(await titles('countyAdmin', 'sort=deadline')).toEqual(['Unionsleden sykkelturisme', 'Erasmus+ utveksling Verket skole', expect.any(String), expect.any(String)]);
    expect((await titles('countyAdmin', 'sort=-deadline')).slice(0, 2)).toEqual(['Erasmus+ utveksling Verket skole', 'Unionsleden sykkelturisme']);
    expect((await titles('countyAdmin', 'sort=start')).slice(0, 2)).toEqual(['Kyststien Moss–Rygge', 'Erasmus+ utveksling Verket skole']);
    expect((await titles('countyAdmin', 'sort=-start')).slice(0, 2)).toEqual(['Erasmus+ utveksling Verket skole', 'Kyststien Moss–Rygge']);
    // Budget in NOK: 2 000 000 > 60 000 EUR × 11.50 = 690 000 > 500 000.
    expect((await titles('countyAdmin', 'sort=-budget')).slice(0, 3)).toEqual(['Kyststien Moss–Rygge', 'Erasmus+ utveksling Verket skole', 'Unionsleden sykkelturisme']);
    expect((await titles('countyAdmin', 'sort=budget')).slice(0, 3)).toEqual(['Unionsleden sykkelturisme', 'Erasmus+ utveksling Verket skole', 'Kyststien Moss–Rygge']);
    expect((await titles('countyAdmin', 'sort=-updated'))[0]).toBe('Mona-prosjektet: idé om havbruk');
    expect((await titles('countyAdmin', 'sort=updated'))[0]).toBe('Erasmus+ utveksling Verket skole');

    const first = await list('countyAdmin', 'sort=title&pageSize=3');
    const second = await list('countyAdmin', 'sort=title&pageSize=3&page=2');
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.items).toHaveLength(3);
    expect(second.items.map((i) => i.title)).toEqual(['Unionsleden sykkelturisme']);
    expect((await list('countyAdmin', 'page=9')).items).toEqual([]);
    expect((await get('countyAdmin', '/api/portfolio/initiatives?pageSize=101')).statusCode).toBe(400);
  });

  it('refuses budget lines that do not add up (422 naming the lines), an end before the start, and other broken rules', async () => {
    const base = { organisationId: t.moss, title: 'Feil' };
    const budget = await post('mossEditor', '/api/portfolio/initiatives?lang=en', {
      ...base,
      budgetAmount: '100000',
      budgetLines: [
        { kind: 'grant', label: 'Interreg', amount: '70000' },
        { kind: 'own-share', label: 'Timer', amount: '20000.50' },
      ],
    });
    expect(budget.statusCode).toBe(422);
    expect(budget.json()).toMatchObject({ field: 'budgetLines' });
    expect(budget.json<{ message: string }>().message).toContain('Interreg (grant): 70000.00; Timer (own-share): 20000.50 make 90000.50, the budget is 100000.00 (difference 9999.50)');

    const dates = await post('mossEditor', '/api/portfolio/initiatives', { ...base, startDate: '2025-05-01', endDate: '2025-04-30' });
    expect(dates.statusCode).toBe(422);
    expect(dates.json()).toMatchObject({ field: 'endDate' });
    expect(dates.json<{ message: string }>().message).toContain('2025-04-30');

    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ partners: [{ name: 'A', country: 'SE', lead: false }] }, 422, 'partners'],
      [{ partners: [{ name: 'A', country: 'SE', lead: true }, { name: 'B', country: 'DK', lead: true }] }, 422, 'partners'],
      [{ sdgGoals: [4], sdgTargets: ['13.1'] }, 422, 'sdgTargets.0'],
      [{ programmeId: 'no-such-programme' }, 422, 'programmeId'],
      [{ programmeId: 'interreg-test', priorityCode: '9Z' }, 422, 'priorityCode'],
      [{ programmeId: 'interreg-test', otherProgramme: 'Annet' }, 422, 'otherProgramme'],
      [{ budgetLines: [{ kind: 'grant', label: 'x', amount: '1' }] }, 422, 'budgetAmount'],
      [{ currency: 'EUR', nokRate: '11.2' }, 422, 'nokRateDate'],
      [{ benefits: [{ benefit: 'networks', score: 6 }] }, 400, 'benefits.0.score'],
      [{ benefits: [{ benefit: 'networks', score: 3 }, { benefit: 'networks', score: 4 }] }, 422, 'benefits.1.benefit'],
      [{ budgetAmount: '12.345' }, 400, 'budgetAmount'],
      [{ sectors: ['space'] }, 400, 'sectors.0'],
      [{ contactUserId: t.userIds.vestlandAdmin }, 422, 'contactUserId'],
    ];
    for (const [fields, status, field] of cases) {
      const response = await post('mossEditor', '/api/portfolio/initiatives', { ...base, ...fields });
      expect(response.statusCode, JSON.stringify(fields)).toBe(status);
      expect(response.json<{ field: string }>().field, JSON.stringify(fields)).toBe(field);
    }
    expect((await list('countyAdmin', 'q=feil')).total).toBe(0);
  });

  it('moves through the life cycle dated and by whom, and refuses a skipped step with the allowed next steps (409)', async () => {
    const url = `/api/portfolio/initiatives/${ids.kyststien}/status?lang=en`;
    const skip = await post('regionCoordinator', url, { status: 'granted', version: 1 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ error: 'status-not-allowed', allowed: ['pre-project', 'application', 'withdrawn'] });
    expect(skip.json<{ message: string }>().message).toBe('An initiative with status "idea" cannot move to "granted". Allowed next steps: pre-project, application in preparation, withdrawn.');

    let version = 1;
    for (const [status, date] of [['application', '2021-09-01'], ['submitted', '2021-10-15'], ['granted', '2022-01-20'], ['running', '2022-03-01'], ['closed', '2024-02-01']] as const) {
      const response = await post('regionCoordinator', url, { status, date, comment: `Til ${status}`, version });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ status, version: version + 1 });
      version++;
    }
    const closed = await post('regionCoordinator', url, { status: 'running', version });
    expect(closed.json()).toMatchObject({ allowed: [] });
    expect(closed.json<{ message: string }>().message).toContain('Allowed next steps: none');

    const timeline = (await get('mossReader', `/api/portfolio/initiatives/${ids.kyststien}/timeline`)).json<{ items: Array<Record<string, unknown>> }>().items;
    expect(timeline.map((e) => [e.kind, e.fromStatus, e.toStatus, e.effectiveDate])).toEqual([
      ['created', null, 'idea', null],
      ['status', 'idea', 'application', '2021-09-01'],
      ['status', 'application', 'submitted', '2021-10-15'],
      ['status', 'submitted', 'granted', '2022-01-20'],
      ['status', 'granted', 'running', '2022-03-01'],
      ['status', 'running', 'closed', '2024-02-01'],
    ]);
    expect(timeline[3]).toMatchObject({ actor: `regionCoordinator <${t.people.regionCoordinator}>`, comment: 'Til granted' });

    const [audit] = ((await testDb.database.db.execute(sql`select count(*)::int as n from audit_events where entity_id = ${ids.kyststien} and action = 'portfolio.initiative.status-changed'`)) as unknown as { rows: Array<{ n: number }> }).rows;
    expect(audit!.n).toBe(5);
  });

  it('refuses the second of two concurrent saves (409 with the current version) and loses nothing', async () => {
    const url = `/api/portfolio/initiatives/${ids.unionsleden}`;
    const loaded = (await get('mossEditor', url)).json<Record<string, unknown> & { version: number }>();
    const editable = ({ organisationId, title, otherProgramme, deadline, budgetAmount, sectors, sdgGoals }: Record<string, unknown>) => ({ organisationId, title, otherProgramme, deadline, budgetAmount, sectors, sdgGoals });
    const first = await as.mossEditor.request({ method: 'PUT', url, payload: { ...editable(loaded), notes: 'Avklart med Vestby', version: loaded.version } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: loaded.version + 1, notes: 'Avklart med Vestby' });

    const second = await as.regionCoordinator.request({ method: 'PUT', url: `${url}?lang=nb`, payload: { ...editable(loaded), title: 'Unionsleden – ny tittel', version: loaded.version } });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: 'version-conflict', currentVersion: loaded.version + 1, field: 'version' });
    expect(second.json<{ message: string }>().message).toContain('Endringene dine er ikke lagret');
    const after = (await get('mossEditor', url)).json();
    expect(after).toMatchObject({ title: 'Unionsleden sykkelturisme', notes: 'Avklart med Vestby', version: loaded.version + 1 });

    const retried = await as.regionCoordinator.request({ method: 'PUT', url, payload: { ...editable(loaded), notes: 'Avklart med Vestby', title: 'Unionsleden – ny tittel', version: loaded.version + 1 } });
    expect(retried.statusCode).toBe(200);
    const edits = (await get('mossEditor', `${url}/timeline`)).json<{ items: Array<{ kind: string; changes: Record<string, unknown> }> }>().items.filter((e) => e.kind === 'edited');
    expect(edits.map((e) => Object.keys(e.changes))).toEqual([['notes'], ['title']]);
    expect(edits[1]!.changes.title).toEqual({ before: 'Unionsleden sykkelturisme', after: 'Unionsleden – ny tittel' });
    // A status change on a stale version is refused the same way.
    expect((await post('mossEditor', `${url}/status`, { status: 'pre-project', version: loaded.version })).json()).toMatchObject({ error: 'version-conflict' });
  });

  it('saves a navigator result as a private idea with programme, focus area and the idea filled in', async () => {
    const response = await post('mossEditor', '/api/portfolio/initiatives/from-navigator', {
      organisationId: t.moss,
      idea: 'Klimatilpasning av kystsonen i Moss. Vi vil samarbeide med svenske kommuner.',
      programmeId: 'interreg-test',
      priorityCode: '2A',
      navigatorQuery: { idea: 'Klimatilpasning av kystsonen i Moss', applicantType: 'municipality' },
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json<{ id: string }>();
    expect(created).toMatchObject({
      title: 'Klimatilpasning av kystsonen i Moss.',
      summary: 'Klimatilpasning av kystsonen i Moss. Vi vil samarbeide med svenske kommuner.',
      status: 'idea',
      private: true,
      programmeId: 'interreg-test',
      priorityCode: '2A',
      programmeName: 'Test programme nb',
    });
    const [event] = (await get('mossEditor', `/api/portfolio/initiatives/${created.id}/timeline`)).json<{ items: Array<{ kind: string; changes: unknown }> }>().items;
    expect(event).toMatchObject({ kind: 'created', changes: { source: 'navigator', navigatorQuery: { applicantType: 'municipality' } } });
    expect((await post('mossEditor', '/api/portfolio/initiatives/from-navigator', { organisationId: t.moss, idea: 'x', programmeId: 'interreg-test', priorityCode: 'nope' })).statusCode).toBe(422);
    expect((await post('mossReader', '/api/portfolio/initiatives/from-navigator', { organisationId: t.moss, idea: 'x', programmeId: 'interreg-test', priorityCode: null })).statusCode).toBe(403);
    expect((await as.mossEditor.request({ method: 'DELETE', url: `/api/portfolio/initiatives/${created.id}` })).statusCode).toBe(204);
  });

  it('keeps documents (allowed types only, at most 10 MB) and links, and hands documents back as attachments', async () => {
    const base = `/api/portfolio/initiatives/${ids.erasmus}`;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);
    const upload = (content: Buffer, type: string, query = 'fileName=S%C3%B8knad%20Erasmus.pdf&title=S%C3%B8knad') =>
      as.mossEditor.request({ method: 'POST', url: `${base}/documents?${query}`, payload: content, headers: { 'content-type': type } });

    const uploaded = await upload(pdf, 'application/pdf');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const document = uploaded.json<{ id: string }>();
    expect(document).toMatchObject({ title: 'Søknad', fileName: 'Søknad Erasmus.pdf', mediaType: 'application/pdf', size: pdf.length, url: null });

    const download = await get('verketReader', `/api/portfolio/documents/${document.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Soknad Erasmus.pdf"; filename*=UTF-8''S%C3%B8knad%20Erasmus.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    expect((await upload(Buffer.from('<html><script>alert(1)</script>'), 'text/html')).statusCode).toBe(415);
    const disguised = await upload(Buffer.from('<html>not a pdf</html>'), 'application/pdf');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json()).toMatchObject({ field: 'Content-Type' });
    const tooLarge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    expect((await upload(tooLarge, 'application/pdf')).statusCode).toBe(413);
    expect((await upload(Buffer.alloc(0), 'text/plain')).statusCode).toBeGreaterThanOrEqual(400);
    expect((await as.verketReader.request({ method: 'POST', url: `${base}/documents?fileName=x.txt`, payload: Buffer.from('x'), headers: { 'content-type': 'text/plain' } })).statusCode).toBe(403);

    const link = await post('mossEditor', `${base}/links`, { title: 'Prosjektside', url: 'https://erasmus-plus.ec.europa.eu/' });
    expect(link.statusCode).toBe(201);
    expect((await post('mossEditor', `${base}/links`, { title: 'Skript', url: 'javascript:alert(1)' })).statusCode).toBe(400);
    const redirect = await get('mossReader', `/api/portfolio/documents/${link.json<{ id: string }>().id}`);
    expect(redirect.statusCode).toBe(303);
    expect(redirect.headers.location).toBe('https://erasmus-plus.ec.europa.eu/');

    const shown = (await get('mossReader', base)).json<{ documents: Array<{ title: string }> }>();
    expect(shown.documents.map((d) => d.title)).toEqual(['Søknad', 'Prosjektside']);
    expect((await get('vestlandAdmin', `/api/portfolio/documents/${document.id}`)).statusCode).toBe(404);
    expect((await as.mossEditor.request({ method: 'DELETE', url: `/api/portfolio/documents/${document.id}` })).statusCode).toBe(204);
    expect((await get('mossReader', `/api/portfolio/documents/${document.id}`)).statusCode).toBe(404);
    const events = (await get('mossReader', `${base}/timeline`)).json<{ items: Array<{ kind: string; changes: Record<string, unknown> }> }>().items.filter((e) => e.kind === 'document');
    expect(events.map((e) => Object.keys(e.changes)[0])).toEqual(['added', 'added', 'removed']);
  });

  it('writes an audit event for every change', async () => {
    const rows = ((await testDb.database.db.execute(sql`select action, count(*)::int as n from audit_events where action like 'portfolio.%' group by action order by action`)) as unknown as { rows: Array<{ action: string; n: number }> }).rows;
    const actions = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(actions).toMatchObject({ 'portfolio.initiative.created': 6, 'portfolio.initiative.deleted': 2, 'portfolio.document.added': 2, 'portfolio.document.removed': 1 });
    expect(actions['portfolio.initiative.updated']).toBeGreaterThanOrEqual(2);
  });
});
