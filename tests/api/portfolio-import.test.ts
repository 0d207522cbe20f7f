/**
 * Importing initiatives over HTTP, on both engines: the Research Council's real file of Horizon 2020
 * participations imported for a national demo tenant (every row, participants placed under their
 * counties), a county's dashboard showing its share, a file with bad rows importing nothing and listing
 * each bad row, and a second import of the same rows reported by their external references.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { and, count, eq, isNotNull } from 'drizzle-orm';
import { buildServer } from '../../src/platform/http/server.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { projectPath } from '../../src/platform/paths.js';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import { organisations } from '../../src/organisations/tables.js';
import { initiativeBudgetLines, initiatives } from '../../src/portfolio/tables.js';
import { xlsxBuffer } from '../../src/platform/export/xlsx.js';
import { DEFAULT_EXCHANGE_RATE } from '../../src/reference/exchange-rate.js';
import { replaceCatalogue } from '../../src/catalogue/repository.js';
import { validProgramme } from '../support/programme-fixture.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';
import { createTestUser, signIn, type SignedInClient } from '../support/accounts.js';
import { seedTenants, SETUP_ACTOR, type Person, type Tenants } from '../support/tenants.js';

const quietLog = { info: () => undefined, warn: () => undefined };
const H2020_FILE = projectPath('..', 'shared', 'data', 'forskningsradet-h2020-norwegian-participations.csv');
const h2020Bytes = readFileSync(H2020_FILE);
const h2020Rows = parse(h2020Bytes.toString('utf8'), { bom: true, delimiter: ';', columns: true }) as Array<Record<string, string>>;

interface PreviewBody {
  previewId: string;
  layout: string;
  total: number;
  valid: number;
  invalid: number;
  organisationsToCreate: number;
  rows: Array<{ row: number; outcome: string; title: string; organisationName: string; newOrganisation: boolean; status: string; errors: Array<{ column: string; message: string }> }>;
}
interface JobBody {
  state: string;
  done: number;
  total: number;
  importId: string | null;
  message: string | null;
}

/** EUR with floating-point noise → cents, rounded half up (what the import does). */
const eurCents = (text: string) => {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(3, '0').slice(0, 2)) + (Number(fraction[2] ?? '0') >= 5 ? 1n : 0n);
};
/** round(cents × rate, 2) at 11.63 NOK per EUR, half away from zero, as PostgreSQL's round does. */
const nokCents = (cents: bigint) => (cents * 1163n + 50n) / 100n;
const formatCents = (cents: bigint) => `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;

describe.each(ENGINES)('importing initiatives on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  let t: Tenants;
  let national: string;
  let nationalAdmin: SignedInClient;
  const as = {} as Record<Person, SignedInClient>;

  beforeAll(async () => {
    testDb = await create();
    const db = testDb.database.db;
    app = await buildServer({ database: testDb.database, serveWeb: false, mailer: createMailer({ smtpUrl: undefined, from: 'x@y.z' }, quietLog) });
    t = await seedTenants(db);
    await replaceCatalogue(db, [validProgramme({ id: 'erasmus-plus', name: { nb: 'Erasmus+', nn: 'Erasmus+', sv: 'Erasmus+', en: 'Erasmus+' } })], { actor: 'test', sourceHash: 'import' });
    national = (await createOrganisation(db, { kind: 'secretariat', name: 'Nasjonal demo – Horisont 2020', orgNumber: null }, null, SETUP_ACTOR)).id;
    const admin = await createTestUser(db, 'admin@nasjonal.example');
    await setMembership(db, admin.id, national, 'administrator', SETUP_ACTOR);
    nationalAdmin = await signIn(app, 'admin@nasjonal.example');
    for (const who of ['countyAdmin', 'mossEditor', 'mossReader', 'vestlandAdmin'] as const) as[who] = await signIn(app, t.people[who]);
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  const preview = (client: SignedInClient, organisation: string, fileName: string, body: Buffer, contentType = 'text/csv', lang = 'nb') =>
    client.request({ method: 'POST', url: `/api/portfolio/imports/preview?organisation=${organisation}&fileName=${encodeURIComponent(fileName)}&lang=${lang}`, headers: { 'content-type': contentType }, payload: body });

  async function commitAndWait(client: SignedInClient, previewId: string): Promise<JobBody> {
    const started = await client.request({ method: 'POST', url: `/api/portfolio/imports/${previewId}/commit` });
    expect(started.statusCode, started.body).toBe(202);
    const { jobId } = started.json<{ jobId: string }>();
    for (;;) {
      const job = (await client.request({ url: `/api/portfolio/imports/jobs/${jobId}` })).json<JobBody>();
      if (job.state !== 'running') return job;
      expect(job.done).toBeLessThanOrEqual(job.total);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const initiativeCount = async (organisationId?: string) =>
    (await testDb.database.db.select({ n: count() }).from(initiatives).where(organisationId ? eq(initiatives.organisationId, organisationId) : undefined))[0]!.n;

  it('imports every Horizon 2020 participation for a national demo tenant, under the counties', async () => {
    const started = performance.now();
    const response = await preview(nationalAdmin, national, 'forskningsradet-h2020-norwegian-participations.csv', h2020Bytes);
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    const body = response.json<PreviewBody>();
    expect(body.layout).toBe('h2020');
    expect(body.total).toBe(h2020Rows.length);
    expect(body.rows.filter((r) => r.outcome === 'error').map((r) => [r.row, r.errors])).toEqual([]);
    expect(body.valid).toBe(2931);
    const sintef = body.rows.find((r) => r.title.startsWith('Change2Twin'))!;
    expect(sintef).toMatchObject({ row: 2, organisationName: 'SINTEF AS', newOrganisation: true });
    const previewed = performance.now();

    const job = await commitAndWait(nationalAdmin, body.previewId);
    expect(job).toMatchObject({ state: 'done', done: 2931, total: 2931, message: '2931 initiativ er importert.' });
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    console.info(`[import] ${h2020Rows.length} rows: preview ${seconds(previewed - started)} s, commit ${seconds(performance.now() - previewed)} s`);

    const db = testDb.database.db;
    expect(await initiativeCount()).toBe(2931 + 0);
    const imports = (await nationalAdmin.request({ url: `/api/portfolio/imports?organisation=${national}` })).json<{ items: Array<{ id: string; rows: number; fileName: string }> }>().items;
    expect(imports).toEqual([expect.objectContaining({ id: job.importId, rows: 2931, fileName: 'forskningsradet-h2020-norwegian-participations.csv' })]);
    // Counties of 2024 below the national organisation; each participant below its county, created once.
    const groups = await db.select({ name: organisations.name, placeCode: organisations.placeCode }).from(organisations).where(eq(organisations.parentId, national));
    expect(groups.map((g) => g.name)).toEqual(expect.arrayContaining(['Vestland', 'Trøndelag', 'Oslo', 'Akershus', 'Buskerud', 'Østfold', 'Troms', 'Finnmark', 'Svalbard']));
    const numbered = await db.select({ n: count() }).from(organisations).where(isNotNull(organisations.orgNumber));
    expect(numbered[0]!.n).toBe(new Set(h2020Rows.map((r) => r['Organisasjonsnummer']).filter(Boolean)).size);
    const lines = await db.select({ n: count() }).from(initiativeBudgetLines);
    expect(lines[0]!.n).toBe(2931);
  });

  it("shows a county's share on its dashboard", async () => {
    const db = testDb.database.db;
    const [vestland] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.parentId, national), eq(organisations.placeCode, '46')));
    const inVestland = h2020Rows.filter((r) => r['Adresse fylkenummer'] === '46');
    const dashboard = (await nationalAdmin.request({ url: `/api/portfolio/dashboard?organisation=${vestland!.id}` })).json<{
      totals: { count: number; grantNok: string };
      byProgramme: Array<{ name: string; count: number }>;
      byStatus: Array<{ status: string; count: number }>;
    }>();
    expect(dashboard.totals.count).toBe(inVestland.length);
    expect(dashboard.totals.grantNok).toBe(formatCents(inVestland.reduce((sum, r) => sum + nokCents(eurCents(r['Innvilget beløp organisasjon EUR']!)), 0n)));
    expect(dashboard.byProgramme).toEqual([expect.objectContaining({ name: 'Horizon 2020', count: inVestland.length })]);
    expect(dashboard.byStatus.map((s) => s.status).sort()).toEqual(expect.arrayContaining(['closed']));
    const whole = (await nationalAdmin.request({ url: `/api/portfolio/dashboard?organisation=${national}` })).json<{ totals: { count: number } }>();
    expect(whole.totals.count).toBe(2931);
    expect(DEFAULT_EXCHANGE_RATE.eurNok).toBe('11.63');
  });

  it('reports a second import of the same rows by their external references, and imports nothing', async () => {
    const body = (await preview(nationalAdmin, national, 'igjen.csv', h2020Bytes)).json<PreviewBody>();
    expect(body.invalid).toBe(2931);
    expect(body.rows[0]!.errors).toEqual([{ column: 'Prosjektnr + Deltakernr', message: expect.stringMatching(/^Allerede importert \(H2020:951956:1\)/) }]);
    const commit = await nationalAdmin.request({ method: 'POST', url: `/api/portfolio/imports/${body.previewId}/commit` });
    expect(commit.statusCode).toBe(422);
    expect(commit.json<{ message: string }>().message).toBe('Ingenting er importert: 2931 rader har feil. Rett dem i filen og last den opp på nytt.');
    expect(await initiativeCount()).toBe(2931);
  });

  const badFile = [
    'Title;Organisation;Status;Start;End;Currency;Budget;Grant;Own share;External ref',
    'Erasmus+ i Verket;Verket skole;application;2025-01-01;2025-12-31;NOK;100000;60000;40000;ext-1',
    ';Moss kommune;idea;;;;;;;ext-2',
    'Kyststien;Moss kommune;running;2025-05-01;2024-01-01;EUR;10;;;ext-3',
    'Unionsleden;Fredrikstad kommune;idea;;;;;;;ext-4',
    'Mona;Moss kommune;maybe;31.02.2025;;NOK;"12,345";;;ext-5',
    'Budsjett;Moss kommune;idea;;;NOK;1000;600;300;ext-1',
  ].join('\r\n');

  it('lists each bad row with its column and reason, in the language asked for, and commits nothing', async () => {
    const before = await initiativeCount(t.moss);
    const response = await preview(as.mossEditor, t.moss, 'bad.csv', Buffer.from(badFile), 'text/csv', 'en');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<PreviewBody>();
    expect({ total: body.total, valid: body.valid, invalid: body.invalid, layout: body.layout }).toEqual({ total: 6, valid: 1, invalid: 5, layout: 'generic' });
    const errors = Object.fromEntries(body.rows.map((r) => [r.row, r.errors]));
    expect(errors[2]).toEqual([]);
    expect(errors[3]).toEqual([{ column: 'Title', message: 'Required.' }]);
    expect(errors[4]).toEqual([{ column: 'End', message: 'The end date (2024-01-01) cannot be before the start date (2025-05-01).' }]);
    expect(errors[5]).toEqual([{ column: 'Organisation', message: 'No organisation "Fredrikstad kommune" in Moss kommune (name or organisation number).' }]);
    expect(errors[6]).toEqual([
      { column: 'Budget', message: '"12,345" is not an amount with at most two decimals.' },
      { column: 'Status', message: expect.stringMatching(/^"maybe" is not a status/) },
      { column: 'Start', message: '"31.02.2025" is not a date; write YYYY-MM-DD or DD.MM.YYYY.' },
    ]);
    expect(errors[7]).toEqual([
      { column: 'Budget', message: expect.stringMatching(/^The budget lines do not add up to the budget: .* make 900.00, the budget is 1000.00/) },
      { column: 'External ref', message: 'The reference ext-1 is also in row 2.' },
    ]);
    const commit = await as.mossEditor.request({ method: 'POST', url: `/api/portfolio/imports/${body.previewId}/commit?lang=en` });
    expect(commit.statusCode).toBe(422);
    expect(commit.json<{ message: string }>().message).toBe('Nothing was imported: 5 rows have errors. Correct them in the file and upload it again.');
    expect(await initiativeCount(t.moss)).toBe(before);
  });

  it('imports a generic XLSX file into Moss, with amounts, sectors and Norwegian headings', async () => {
    const columns = ['Tittel', 'Organisasjon', 'Ordning', 'Status', 'Frist', 'Valuta', 'Tilskudd', 'Egenandel', 'Sektorer', 'Bærekraftsmål', 'Ekstern referanse'].map((header, i) => ({ header, type: 'text' as const, value: (r: string[]) => r[i] }));
    const file = await xlsxBuffer([
      {
        name: 'Ark1',
        columns,
        rows: [
          ['Erasmus+ i skolene', 'Verket skole', 'erasmus-plus', 'søknad under arbeid', '2026-03-01', 'EUR', '1 200,50', '300', 'Oppvekst og utdanning', '4, 10', 'moss-1'],
          ['Mona-prosjektet', '', 'Nordisk kulturfond', 'idea', '', 'NOK', '', '', 'culture', '', 'moss-2'],
        ],
      },
    ]);
    const body = (await preview(as.mossEditor, t.moss, 'moss.xlsx', file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).json<PreviewBody>();
    expect(body.rows.map((r) => [r.outcome, r.organisationName, r.errors])).toEqual([
      ['create', 'Verket skole', []],
      ['create', 'Moss kommune', []],
    ]);
    const job = await commitAndWait(as.mossEditor, body.previewId);
    expect(job.state).toBe('done');
    const [erasmus] = await testDb.database.db.select().from(initiatives).where(eq(initiatives.externalRef, 'moss-1'));
    expect(erasmus).toMatchObject({ organisationId: t.verket, programmeId: 'erasmus-plus', status: 'application', deadline: '2026-03-01', currency: 'EUR', budgetAmount: '1500.50', grantAmount: '1200.50', ownShareAmount: '300.00', sectors: ['education'], sdgGoals: [4, 10] });
    const [mona] = await testDb.database.db.select().from(initiatives).where(eq(initiatives.externalRef, 'moss-2'));
    expect(mona).toMatchObject({ organisationId: t.moss, programmeId: null, otherProgramme: 'Nordisk kulturfond', status: 'idea' });
    const listed = (await as.mossReader.request({ url: `/api/portfolio/initiatives?organisation=${t.moss}&q=Mona` })).json<{ total: number }>();
    expect(listed.total).toBe(1);
  });

  it('checks who may import: editors of the tree only, creating organisations needs manage-organisations, previews are personal', async () => {
    const small = Buffer.from(h2020Bytes.toString('utf8').split('\n').slice(0, 3).join('\n'));
    expect((await preview(as.mossReader, t.moss, 'x.csv', Buffer.from(badFile))).statusCode).toBe(403);
    expect((await preview(as.vestlandAdmin, t.moss, 'x.csv', Buffer.from(badFile))).statusCode).toBe(404);
    const editor = (await preview(as.mossEditor, t.moss, 'h2020.csv', small)).json<PreviewBody>();
    expect(editor.rows[0]!.errors).toEqual([{ column: 'Organisasjonsnavn', message: '«SINTEF AS» finnes ikke i treet, og du har ikke rett til å opprette organisasjoner der.' }]);
    const mine = (await preview(as.countyAdmin, t.moss, 'x.csv', Buffer.from(badFile.split('\r\n').slice(0, 2).join('\r\n')))).json<PreviewBody>();
    expect((await as.mossEditor.request({ method: 'POST', url: `/api/portfolio/imports/${mine.previewId}/commit` })).statusCode).toBe(404);
    expect((await preview(as.mossEditor, t.moss, 'x.csv', Buffer.from('\u0000\u0001 not a table'))).statusCode).toBe(422);
    expect((await preview(as.mossEditor, t.moss, 'x.csv', Buffer.from('Tittel;Status\r\n'))).json<{ message: string }>().message).toBe('Filen har ingen rader under overskriftene.');
    expect((await as.mossReader.request({ url: `/api/portfolio/imports?organisation=${t.moss}` })).statusCode).toBe(403);
  });
});
