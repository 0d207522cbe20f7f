/**
 * The portfolio's exports, council report and calendar feeds over HTTP: an export holds exactly what the
 * list shows for the same filters, on every page; the report is a PDF in the request's language; a feed
 * is a secret address that follows its owner's current access and stops when revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { auditEvents } from '../../src/platform/audit/tables.js';
import { calendarFeeds } from '../../src/portfolio/tables.js';
import { removeMembership } from '../../src/organisations/organisations.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, SETUP_ACTOR, type Person, type Tenants } from '../support/tenants.js';
import { seedExchangeInitiatives, type ExchangeInitiatives } from '../support/authorisation/portfolio-exchange.js';
import { pdfText } from '../support/pdf-text.js';

const quietLog = { info: () => undefined, warn: () => undefined };

async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** Unfolded ICS lines. */
const icsLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

describe.each(ENGINES)('portfolio exports, report and calendar feeds on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let t: Tenants;
  let ids: ExchangeInitiatives;
  const as = {} as Record<Person, SignedInClient>;

  beforeAll(async () => {
    testDb = await create();
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, quietLog), publicUrl: 'https://mulighetsrom.example' });
    t = await seedTenants(testDb.database.db);
    ids = await seedExchangeInitiatives(testDb.database.db, t);
    for (const who of Object.keys(t.people) as Person[]) as[who] = await signIn(app, t.people[who]);
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  /** Every id the list shows for a query, page by page. */
  async function listedIds(who: Person, query: string): Promise<string[]> {
    const found: string[] = [];
    for (let page = 1; ; page++) {
      const response = await as[who].request({ url: `/api/portfolio/initiatives?${query}&pageSize=2&page=${page}` });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json<{ items: Array<{ id: string }>; total: number }>();
      found.push(...body.items.map((i) => i.id));
      if (found.length >= body.total) return found;
    }
  }

  async function csvExport(who: Person, query: string) {
    const response = await as[who].request({ url: `/api/portfolio/initiatives/export?format=csv&${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return { response, rows: parse(response.rawPayload.toString('utf8'), { bom: true, delimiter: ';' }) as string[][] };
  }

  it('exports exactly what the list shows for the same filters, on every page, in the list\'s order', async () => {
    for (const query of [`organisation=${t.ostfold}`, `organisation=${t.moss}&status=running&status=application`, 'sort=title', `q=kyststien`]) {
      const listed = await listedIds('countyAdmin', query);
      const { rows } = await csvExport('countyAdmin', query);
      const idColumn = rows[0]!.indexOf('ID');
      expect(rows.slice(1).map((r) => r[idColumn]), query).toEqual(listed);
    }
  });

  it('writes CSV for Excel: BOM, Norwegian headings, decimal commas, neutralised formulas, private ideas only for editors', async () => {
    const { response, rows } = await csvExport('countyAdmin', `organisation=${t.moss}&sort=title`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(response.headers['content-disposition'])).toMatch(/^attachment; filename="initiativ-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''initiativ-/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(['Tittel', 'Status', 'Organisasjon']);
    const kyststien = rows.find((r) => r[0]!.startsWith('Kyststien'))!;
    expect(kyststien[0]).toBe('Kyststien – grenseløs tur langs Østfold-kysten; «ærlig» talt');
    expect(kyststien[header.indexOf('Status')]).toBe('pågår');
    expect(kyststien[header.indexOf('Budsjett')]).toBe('100000,00');
    expect(kyststien[header.indexOf('Budsjett (NOK)')]).toBe('1150000,00');
    expect(kyststien[header.indexOf('Sektorer')]).toBe('Kultur');
    expect(rows.find((r) => r[0]!.includes('HYPERLINK'))![0]).toBe(`'=HYPERLINK("http://evil.example","Erasmus+ i skolene")`);
    // The private idea in Verket: the county administrator edits there; a reader of Moss does not see it.
    expect((await csvExport('countyAdmin', `organisation=${t.ostfold}`)).rows.some((r) => r[0] === 'Hemmelig idé for Verket skole')).toBe(true);
    expect((await csvExport('mossReader', '')).rows.some((r) => r[0] === 'Hemmelig idé for Verket skole')).toBe(false);
    expect((await csvExport('mossReader', '')).rows.some((r) => r[0]!.startsWith('Bergen'))).toBe(false);
  });

  it('exports XLSX with typed cells, in English on request, and commas when asked', async () => {
    const response = await as.countyAdmin.request({ url: `/api/portfolio/initiatives/export?format=xlsx&organisation=${t.moss}&status=running&lang=en` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = (await readWorkbook(response.rawPayload)).getWorksheet('Initiatives')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['Title', 'Status']);
    expect(sheet.rowCount).toBe(2);
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1);
    expect(cell('Title').value).toMatch(/^Kyststien/);
    expect(cell('Grant (NOK)').value).toBe(690000);
    expect(cell('Start').value).toBeInstanceOf(Date);
    const comma = await as.countyAdmin.request({ url: `/api/portfolio/initiatives/export?format=csv&delimiter=comma&organisation=${t.moss}&status=running` });
    expect(comma.body).toContain('100000.00');
  });

  it('refuses a tree the person sees nothing of (404) and a bad format (400)', async () => {
    expect((await as.vestlandAdmin.request({ url: `/api/portfolio/initiatives/export?format=csv&organisation=${t.moss}` })).statusCode).toBe(404);
    expect((await as.countyAdmin.request({ url: '/api/portfolio/initiatives/export?format=pdf' })).statusCode).toBe(400);
  });

  it('exports the dashboard\'s tables as sheets and as CSV sections', async () => {
    const xlsx = await as.countyAdmin.request({ url: `/api/portfolio/dashboard/export?format=xlsx&organisation=${t.moss}` });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const workbook = await readWorkbook(xlsx.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Nøkkeltall', 'Per status', 'Per ordning', 'Per sektor', 'Per år', 'Gevinster', 'Pågående', 'Neste frister']);
    const byStatus = workbook.getWorksheet('Per status')!;
    const statuses = byStatus.getColumn(1).values.slice(2);
    // Moss and Verket below it, the private idea included: the county administrator edits there.
    expect(statuses).toEqual(['idé', 'søknad under arbeid', 'pågår', 'avslått']);
    expect(workbook.getWorksheet('Nøkkeltall')!.getCell('B2').value).toBe(4);
    expect(workbook.getWorksheet('Neste frister')!.getCell('A2').value).toMatch(/Erasmus/);
    const csv = await as.countyAdmin.request({ url: `/api/portfolio/dashboard/export?format=csv&organisation=${t.moss}&lang=sv` });
    const rows = parse(csv.body, { bom: true, delimiter: ';', relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(rows[0]).toEqual(['Nyckeltal']);
    expect(rows.some((r) => r[0] === 'Per status')).toBe(true);
    expect(rows.find((r) => r[0] === 'pågår')).toEqual(['pågår', '1', '1150000,00', '690000,00', '460000,00', '0,00']);
  });

  it('makes a council report PDF in the language asked for', async () => {
    for (const [lang, headings] of [
      ['nb', ['Internasjonalt arbeid – rapport', 'Nøkkeltall', 'Penger etter status', 'Pågående prosjekter', 'Neste frister', 'Side 1 av']],
      ['nn', ['Nøkkeltal', 'Pengar etter status', 'Pågåande prosjekt']],
      ['sv', ['Internationellt arbete – rapport', 'Nyckeltal', 'Pengar per status', 'Sida 1 av']],
      ['en', ['International work – report', 'Key figures', 'Money by status', 'Success rate and return', 'Page 1 of']],
    ] as const) {
      const response = await as.regionCoordinator.request({ url: `/api/portfolio/report?organisation=${t.moss}&lang=${lang}` });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = pdfText(response.rawPayload);
      for (const heading of headings) expect(text, `${lang}: ${heading}`).toContain(heading);
      expect(text).toContain('Moss kommune');
      expect(text).toContain('Kyststien – grenseløs tur langs Østfold-kysten;');
    }
    const nb = pdfText((await as.regionCoordinator.request({ url: `/api/portfolio/report?organisation=${t.moss}&lang=nb` })).rawPayload);
    // One of two decided applications was granted; 690 000 NOK grant per 460 000 NOK own share.
    expect(nb).toContain('1 av 2 avgjorte søknader ble innvilget (50,0 %).');
    expect(nb).toContain('Hver krone i egenandel utløste 1,50 kroner i tilskudd');
    expect(nb).toMatch(/1\s150\s000,00/);
  });

  describe('calendar feeds', () => {
    let feedUrl = '';
    let feedId = '';
    const fetchFeed = (url: string) => app.inject({ url: new URL(url).pathname });

    it('gives a secret address once, storing only its hash, with an audit row', async () => {
      const response = await as.mossReader.request({ method: 'POST', url: '/api/portfolio/calendar-feeds', payload: { organisationId: t.moss } });
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<{ id: string; url: string; organisationName: string }>();
      expect(body.url).toMatch(/^https:\/\/mulighetsrom\.example\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
      expect(body.organisationName).toBe('Moss kommune');
      feedUrl = body.url;
      feedId = body.id;
      const token = body.url.split('/').at(-1)!;
      const [stored] = await testDb.database.db.select().from(calendarFeeds).where(eq(calendarFeeds.id, feedId));
      expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored!.tokenHash).not.toContain(token);
      const audit = await testDb.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, feedId));
      expect(audit.map((a) => a.action)).toEqual(['calendar-feed-created']);
      const listed = (await as.mossReader.request({ url: '/api/portfolio/calendar-feeds' })).json<{ items: Array<{ id: string; url?: string }> }>().items;
      expect(listed.map((f) => f.id)).toEqual([feedId]);
      expect(listed[0]!.url).toBeUndefined();
      expect((await as.mossEditor.request({ url: '/api/portfolio/calendar-feeds' })).json<{ items: unknown[] }>().items).toEqual([]);
    });

    it('serves the deadlines, starts and ends the owner may read as ICS, without a session', async () => {
      const response = await fetchFeed(feedUrl);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const lines = icsLines(response.body);
      expect(lines).toContain('METHOD:PUBLISH');
      expect(lines).toContain('X-WR-CALNAME:Frister – Moss kommune');
      expect(lines).toContain(`UID:${ids.erasmus}-deadline@mulighetsrom`);
      expect(lines).toContain(`UID:${ids.kyststien}-start@mulighetsrom`);
      expect(lines).toContain(`UID:${ids.kyststien}-end@mulighetsrom`);
      expect(lines.some((l) => l.startsWith('SUMMARY:Oppstart: Kyststien – grenseløs tur langs Østfold-kysten\\; «ærlig» talt'))).toBe(true);
      expect(lines).toContain(`URL;VALUE=URI:https://mulighetsrom.example/portefolje/${ids.kyststien}`);
      // Rejected initiatives, other tenants and private ideas the owner cannot edit are not in it.
      expect(response.body).not.toContain(ids.rejected);
      expect(response.body).not.toContain(ids.bergen);
      expect(response.body).not.toContain(ids.privateIdea);
      expect((await fetchFeed(`${feedUrl}.ics`)).statusCode).toBe(200);
      for (const line of response.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    });

    it('shows private ideas only to owners who may edit, and follows the owner\'s current memberships', async () => {
      const county = (await as.countyAdmin.request({ method: 'POST', url: '/api/portfolio/calendar-feeds', payload: { organisationId: t.ostfold } })).json<{ url: string }>();
      const body = (await fetchFeed(county.url)).body;
      expect(body).toContain(ids.privateIdea);
      expect(body).not.toContain(ids.bergen);
      // Moss's reader leaves Moss: the feed still answers, but shows nothing of Moss any more.
      await removeMembership(testDb.database.db, t.userIds.mossReader, t.moss, SETUP_ACTOR);
      const after = await fetchFeed(feedUrl);
      expect(after.statusCode).toBe(200);
      expect(after.body).not.toContain('BEGIN:VEVENT');
    });

    it('revokes a feed: the address answers 404 at once, and only the owner may revoke', async () => {
      expect((await as.countyAdmin.request({ method: 'DELETE', url: `/api/portfolio/calendar-feeds/${feedId}` })).statusCode).toBe(404);
      expect((await as.mossReader.request({ method: 'DELETE', url: `/api/portfolio/calendar-feeds/${feedId}` })).statusCode).toBe(204);
      expect((await fetchFeed(feedUrl)).statusCode).toBe(404);
      expect((await as.mossReader.request({ method: 'DELETE', url: `/api/portfolio/calendar-feeds/${feedId}` })).statusCode).toBe(404);
      expect((await app.inject({ url: '/api/calendar/this-token-was-never-issued-to-anyone' })).statusCode).toBe(404);
      const audit = await testDb.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, feedId));
      expect(audit.map((a) => a.action).sort()).toEqual(['calendar-feed-created', 'calendar-feed-revoked']);
    });

    it('refuses feeds for organisations the person has no role in', async () => {
      expect((await as.vestlandAdmin.request({ method: 'POST', url: '/api/portfolio/calendar-feeds', payload: { organisationId: t.moss } })).statusCode).toBe(404);
      expect((await app.inject({ method: 'POST', url: '/api/portfolio/calendar-feeds', payload: { organisationId: t.moss } })).statusCode).toBe(401);
    });
  });
});
