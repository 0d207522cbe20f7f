import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CATALOGUE_DIR } from '../../src/catalogue/files.js';
import { importCatalogue } from '../../src/catalogue/import.js';
import { catalogueImports } from '../../src/catalogue/tables.js';
import { buildServer } from '../../src/platform/http/server.js';
import { ENGINES, type TestDatabase } from '../support/databases.js';

interface ListBody {
  items: Array<{ id: string; name: string; summary: string; fundingRate: { maxPercent: number | null }; sectors: string[]; kind: string; interregStrand: string | null }>;
  total: number;
  page: number;
  pageSize: number;
  language: string;
  spelledAs?: string;
}

describe.each(ENGINES)('catalogue API on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDb = await create();
    const result = await importCatalogue(testDb.database.db, DEFAULT_CATALOGUE_DIR, { actor: 'test' });
    if (!result.ok) throw new Error(`shipped catalogue invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
    app = await buildServer({ database: testDb.database, serveWeb: false });
  });

  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  const list = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/programmes?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ListBody>();
  };
  const topIds = async (query: string, n = 3) => (await list(query)).items.slice(0, n).map((item) => item.id);

  it.each([
    ['erasmus', 'erasmus-plus'],
    ['klimatilpasning', 'interreg-sverige-norge'],
    ['klimatanpassning&lang=sv', 'interreg-sverige-norge'],
    ['interreg%20sverge', 'interreg-sverige-norge'],
    ['skole', 'erasmus-plus'],
    ['kultur', 'creative-europe'],
    ['horisont%20europa', 'horizon-europe'],
  ])('search %s finds %s among the first results', async (query, expected) => {
    const ids = await topIds(`q=${query}`, 5);
    expect(ids).toContain(expected);
  });

  it('corrects a misspelt word to the nearest word of the names, and says so', async () => {
    const misspelt = await list('q=interreg%20sverge');
    expect(misspelt.spelledAs).toBe('interreg sverige');
    expect(misspelt.items[0]?.id).toBe('interreg-sverige-norge');
    expect(await list('q=erasmsu%20skole')).toMatchObject({ spelledAs: 'erasmus skole' });
    const asTyped = await list('q=interreg%20sverige');
    expect(asTyped.spelledAs).toBeUndefined();
    expect(asTyped.items[0]?.id).toBe('interreg-sverige-norge');
    // Nothing near enough to correct to: no correction claimed, and nothing found.
    expect(await list('q=qwxzvb')).toEqual({ items: [], total: 0, page: 1, pageSize: 20, language: 'nb' });
  });

  it('keeps the correction words in step with the catalogue', async () => {
    const { rows } = (await testDb.database.db.execute(`select count(*)::int as count, bool_or(word = 'sverige') as sverige, bool_or(word = 'kolarctic') as kolarctic from catalogue_words`)) as unknown as { rows: Array<{ count: number; sverige: boolean; kolarctic: boolean }> };
    expect(rows[0]).toMatchObject({ sverige: true, kolarctic: true });
    expect(rows[0]!.count).toBeGreaterThan(100);
  });

  it('finds programmes while the user is still typing (prefix)', async () => {
    expect(await topIds('q=erasm', 3)).toContain('erasmus-plus');
  });

  it('filters by sector, kind, strand, policy objective and funding rate', async () => {
    const interregA = await list('strand=A&pageSize=100');
    expect(interregA.total).toBeGreaterThanOrEqual(4);
    expect(interregA.items.every((item) => item.interregStrand === 'A')).toBe(true);

    const county = await list('kind=county-scheme&pageSize=100');
    expect(county.items.length).toBeGreaterThan(0);
    expect(county.items.every((item) => item.kind === 'county-scheme')).toBe(true);

    const culture = await list('sector=culture&pageSize=100');
    expect(culture.items.every((item) => item.sectors.includes('culture'))).toBe(true);

    const generous = await list('minFundingRate=100&pageSize=100');
    expect(generous.items.length).toBeGreaterThan(0);
    expect(generous.items.every((item) => (item.fundingRate.maxPercent ?? 0) >= 100)).toBe(true);

    const greener = await list('policyObjective=PO2&strand=A&pageSize=100');
    expect(greener.items.map((item) => item.id)).toContain('interreg-sverige-norge');
  });

  it('excludes programmes whose applicant rules leave the type out', async () => {
    const privatePerson = await list('applicantType=private-person&pageSize=100');
    expect(privatePerson.items.map((i) => i.id)).not.toContain('interreg-sverige-norge');
    const municipality = await list('applicantType=municipality&pageSize=100');
    expect(municipality.items.map((i) => i.id)).toContain('interreg-sverige-norge');
  });

  it('paginates with a stable order and a total', async () => {
    const first = await list('pageSize=5&page=1&sort=name');
    const second = await list('pageSize=5&page=2&sort=name');
    expect(first.total).toBeGreaterThan(10);
    expect(first.items).toHaveLength(5);
    expect(second.total).toBe(first.total);
    const overlap = first.items.filter((a) => second.items.some((b) => b.id === a.id));
    expect(overlap).toHaveLength(0);
  });

  it('gives names and summaries in the reader language, from lang or Accept-Language', async () => {
    const expected = { nb: 'Interreg Sverige–Norge 2021–2027', sv: 'Interreg Sverige–Norge 2021–2027', en: 'Interreg Sweden–Norway 2021–2027' } as const;
    for (const [language, name] of Object.entries(expected)) {
      const answer = await list(`q=interreg%20sverige&lang=${language}`);
      expect(answer.language).toBe(language);
      const item = answer.items.find((i) => i.id === 'interreg-sverige-norge');
      expect(item?.name).toBe(name);
      expect(typeof item?.summary).toBe('string');
    }
    const english = await app.inject({ method: 'GET', url: '/api/programmes?q=erasmus', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(english.json<ListBody>()).toMatchObject({ language: 'en' });
    expect(english.json<ListBody>().items.find((i) => i.id === 'erasmus-plus')?.summary).toMatch(/[a-z]/);
  });

  it('sorts by name in the reader language, the same way on every engine', async () => {
    const names = (await list('sort=name&lang=en&pageSize=100')).items.map((i) => i.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('und').compare));
  });

  it('answers a programme with all facts and sources', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/programmes/interreg-sverige-norge' });
    expect(response.statusCode).toBe(200);
    const { programme } = response.json<{ programme: { priorities: Array<{ code: string; specificObjective: string }>; sources: Array<{ checked: string }> } }>();
    expect(programme.priorities.map((p) => p.code)).toEqual(['1A', '1B', '2A', '2B', '3A', '3B', '3C', '4']);
    expect(programme.priorities.every((p) => /^(RSO|ISO)/.test(p.specificObjective))).toBe(true);
    expect(programme.sources.length).toBeGreaterThan(0);
  });

  it('returns 404 with a message in the requested language for an unknown id', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/programmes/no-such-programme', headers: { 'accept-language': 'nn-NO' } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not-found', field: 'id', message: expect.stringContaining('Det finst inga ordning') });
  });

  it.each([
    ['sector=fishing', 'sector'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    ['minFundingRate=abc', 'minFundingRate'],
    ['sort=random', 'sort'],
    ['colour=blue', 'colour'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('rejects %s with 400 naming the parameter', async (query, field) => {
    const response = await app.inject({ method: 'GET', url: `/api/programmes?${query}&lang=en` });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ field: string; message: string }>();
    expect(body.field).toBe(field);
    expect(body.message).toContain(field);
  });

  it('publishes an OpenAPI document with the catalogue routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/programmes', '/api/programmes/{id}']));
  });
});

describe.each(ENGINES)('catalogue import on $engine', ({ create }) => {
  let testDb: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    testDb = await create();
    dir = await mkdtemp(path.join(tmpdir(), 'catalogue-'));
    await cp(DEFAULT_CATALOGUE_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await testDb?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('is idempotent and reports what changed', async () => {
    const first = await importCatalogue(testDb.database.db, dir, { actor: 'test' });
    expect(first.ok && 'report' in first && first.report.added).toBeGreaterThan(20);
    const second = await importCatalogue(testDb.database.db, dir, { actor: 'test' });
    expect(second).toMatchObject({ ok: true, report: { added: 0, updated: 0, removed: 0 } });
    if ('report' in second && 'report' in first) expect(second.report.unchanged).toBe(first.report.programmes);
    // At start-up an unchanged catalogue is recognised by its fingerprint and not validated again.
    expect(await importCatalogue(testDb.database.db, dir, { actor: 'start-up', skipIfUnchanged: true })).toEqual({ ok: true, unchangedSinceLastImport: true });
    const audit = await testDb.database.db.select().from(catalogueImports).orderBy(catalogueImports.id);
    expect(audit.map((row) => [row.actor, row.added])).toEqual([
      ['test', first.ok && 'report' in first ? first.report.added : -1],
      ['test', 0],
    ]);
  });

  it('keeps the previous catalogue when a file is broken', async () => {
    const file = path.join(dir, 'erasmus-plus.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace(/^kind: .*$/m, 'kind: lottery'));
    const result = await importCatalogue(testDb.database.db, dir, { actor: 'test' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.objectContaining({ file, path: '/kind' }));
    const app = await buildServer({ database: testDb.database, serveWeb: false });
    const response = await app.inject({ method: 'GET', url: '/api/programmes/erasmus-plus' });
    await app.close();
    expect(response.json<{ programme: { kind: string } }>().programme.kind).toBe('eu-programme');
    await writeFile(file, original);
  });

  it('removes programmes whose file was deleted, and updates changed ones', async () => {
    await rm(path.join(dir, 'norec.yaml'));
    const file = path.join(dir, 'creative-europe.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^status: .*$/m, 'status: closed'));
    const result = await importCatalogue(testDb.database.db, dir, { actor: 'test' });
    expect(result).toMatchObject({ ok: true, report: { removed: 1, updated: 1, added: 0 } });
  });
});
