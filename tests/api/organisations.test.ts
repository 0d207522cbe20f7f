/**
 * The organisations API against a local stand-in for Enhetsregisteret (node:http on 127.0.0.1) that
 * answers in the register's own JSON shape; no test reaches data.brreg.no.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerErrorHandling } from '../../src/platform/http/errors.js';
import { createEnhetsregisteretClient, type EnhetsregisteretClientOptions } from '../../src/organisations/enhetsregisteret.js';
import { organisationRoutes } from '../../src/organisations/routes.js';
import type { Organisation, OrganisationPage } from '../../src/organisations/organisation.js';

// --- Recorded-style answers of the register -------------------------------------------------------
// Numbers, names and municipality numbers of the municipalities are real (Sarpsborg kommune 938801363,
// Moss kommune 920817521, Halden kommune 959159092; municipality numbers of 2024); addresses are illustrative. The school is a
// fictional sub-unit: its number has a valid check digit but belongs to no real school.

const API = 'https://data.brreg.no/enhetsregisteret/api';
const links = (path: string) => ({ self: { href: `${API}/${path}` } });
const form = (kode: string, beskrivelse: string) => ({ kode, beskrivelse, _links: links(`organisasjonsformer/${kode}`) });
const address = (adresse: string[], postnummer: string, poststed: string, kommune: string, kommunenummer: string) => ({
  land: 'Norge',
  landkode: 'NO',
  postnummer,
  poststed,
  adresse,
  kommune,
  kommunenummer,
});
const municipality = (organisasjonsnummer: string, navn: string, hjemmeside: string, adresse: ReturnType<typeof address>) => ({
  organisasjonsnummer,
  navn,
  organisasjonsform: form('KOMM', 'Kommune'),
  hjemmeside,
  postadresse: adresse,
  registreringsdatoEnhetsregisteret: '1995-02-19',
  registrertIMvaregisteret: true,
  naeringskode1: { kode: '84.110', beskrivelse: 'Generell offentlig administrasjon' },
  antallAnsatte: 5100,
  harRegistrertAntallAnsatte: true,
  forretningsadresse: adresse,
  institusjonellSektorkode: { kode: '6500', beskrivelse: 'Kommuneforvaltningen' },
  registrertIForetaksregisteret: false,
  registrertIStiftelsesregisteret: false,
  registrertIFrivillighetsregisteret: false,
  konkurs: false,
  underAvvikling: false,
  underTvangsavviklingEllerTvangsopplosning: false,
  maalform: 'Bokmål',
  aktivitet: [],
  _links: links(`enheter/${organisasjonsnummer}`),
});

const SARPSBORG = municipality('938801363', 'SARPSBORG KOMMUNE', 'www.sarpsborg.com', address(['Glengsgata 38'], '1706', 'SARPSBORG', 'SARPSBORG', '3105'));
const MOSS = municipality('920817521', 'MOSS KOMMUNE', 'www.moss.kommune.no', address(['Kirkegata 15'], '1530', 'MOSS', 'MOSS', '3103'));
const HALDEN = municipality('959159092', 'HALDEN KOMMUNE', 'www.halden.kommune.no', address(['Storgata 7'], '1771', 'HALDEN', 'HALDEN', '3101'));
const SCHOOL_NUMBER = '987654325';
const SCHOOL = {
  organisasjonsnummer: SCHOOL_NUMBER,
  navn: 'SARPSBORG KOMMUNE SOLBAKKEN SKOLE',
  organisasjonsform: form('BEDR', 'Underenhet til næringsdrivende og offentlig forvaltning'),
  postadresse: address(['Postboks 237'], '1702', 'SARPSBORG', 'SARPSBORG', '3105'),
  registreringsdatoEnhetsregisteret: '1995-03-12',
  registrertIMvaregisteret: false,
  naeringskode1: { kode: '85.201', beskrivelse: 'Ordinær grunnskoleundervisning' },
  antallAnsatte: 48,
  harRegistrertAntallAnsatte: true,
  overordnetEnhet: '938801363',
  oppstartsdato: '1995-01-01',
  beliggenhetsadresse: address(['Skoleveien 10'], '1710', 'SARPSBORG', 'SARPSBORG', '3105'),
  _links: { ...links(`underenheter/${SCHOOL_NUMBER}`), overordnetEnhet: { href: `${API}/enheter/938801363` } },
};
/** Answers 503 at /enheter/{this}: the register's own trouble. */
const BROKEN_NUMBER = '958935420';
const UNITS = [SARPSBORG, MOSS, HALDEN];

const notFound = (path: string) => ({
  timestamp: '2025-03-04T10:15:30.123+00:00',
  status: 404,
  error: 'Not Found',
  message: 'Ingen enhet med organisasjonsnummer ble funnet',
  path: `/enhetsregisteret/api${path}`,
});

function searchAnswer(navn: string, page: number, size: number) {
  const matching = UNITS.filter((unit) => unit.navn.toLowerCase().includes(navn.toLowerCase()));
  const slice = matching.slice(page * size, page * size + size);
  const query = (p: number) => `${API}/enheter?navn=${encodeURIComponent(navn)}&page=${p}&size=${size}`;
  const totalPages = Math.ceil(matching.length / size);
  return {
    ...(slice.length > 0 ? { _embedded: { enheter: slice } } : {}),
    _links: {
      ...(slice.length > 0 ? { first: { href: query(0) } } : {}),
      self: { href: query(page) },
      ...(page + 1 < totalPages ? { next: { href: query(page + 1) } } : {}),
      ...(totalPages > 0 ? { last: { href: query(totalPages - 1) } } : {}),
    },
    page: { size, totalElements: matching.length, totalPages, number: page },
  };
}

// --- The stand-in register --------------------------------------------------------------------------

interface StandIn {
  server: Server;
  url: string;
  requests: string[];
}

async function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<StandIn> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/enhetsregisteret/api`, requests };
}

async function close(standIn: StandIn | undefined): Promise<void> {
  if (!standIn) return;
  standIn.server.closeAllConnections();
  await new Promise<void>((resolve) => standIn.server.close(() => resolve()));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
  response.end(JSON.stringify(body));
}

function register(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const path = url.pathname.replace(/^\/enhetsregisteret\/api/, '');
  const unit = /^\/enheter\/(\d{9})$/.exec(path)?.[1];
  const subUnit = /^\/underenheter\/(\d{9})$/.exec(path)?.[1];
  if (request.method !== 'GET') return json(response, 405, { status: 405 });
  if (unit === BROKEN_NUMBER) return json(response, 503, { status: 503, error: 'Service Unavailable' });
  if (unit) {
    const found = UNITS.find((u) => u.organisasjonsnummer === unit);
    return found ? json(response, 200, found) : json(response, 404, notFound(path));
  }
  if (subUnit) return subUnit === SCHOOL_NUMBER ? json(response, 200, SCHOOL) : json(response, 404, notFound(path));
  if (path === '/enheter') {
    return json(response, 200, searchAnswer(url.searchParams.get('navn') ?? '', Number(url.searchParams.get('page') ?? 0), Number(url.searchParams.get('size') ?? 20)));
  }
  return json(response, 404, notFound(path));
}

async function buildApp(options: EnhetsregisteretClientOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } } }).withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandling(app);
  await app.register(organisationRoutes(createEnhetsregisteretClient(options)));
  await app.ready();
  return app;
}

// --- Tests ------------------------------------------------------------------------------------------

describe('organisations API', () => {
  let standIn: StandIn;
  let app: FastifyInstance;

  beforeAll(async () => {
    standIn = await listen(register);
    app = await buildApp({ baseUrl: standIn.url, timeoutMs: 2_000 });
  });

  afterAll(async () => {
    await app?.close();
    await close(standIn);
  });

  const lookup = (number: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: `/api/organisations/lookup?number=${encodeURIComponent(number)}`, headers });

  it('looks up a municipality by number, written the way people write it', async () => {
    standIn.requests.length = 0;
    const response = await lookup('NO 938 801 363 MVA');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Organisation>()).toEqual({
      number: '938801363',
      name: 'SARPSBORG KOMMUNE',
      kind: 'unit',
      parentNumber: null,
      organisationForm: { code: 'KOMM', description: 'Kommune' },
      industry: { code: '84.110', description: 'Generell offentlig administrasjon' },
      municipalityNumber: '3105',
      municipalityName: 'Sarpsborg',
      postalCode: '1706',
      postalPlace: 'SARPSBORG',
      address: ['Glengsgata 38'],
      website: 'www.sarpsborg.com',
      deleted: false,
      deletedOn: null,
    });
    expect(standIn.requests).toEqual(['/enhetsregisteret/api/enheter/938801363']);
  });

  it('finds a school among the sub-units when it is not a unit', async () => {
    standIn.requests.length = 0;
    const response = await lookup(SCHOOL_NUMBER);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Organisation>()).toMatchObject({
      number: SCHOOL_NUMBER,
      kind: 'sub-unit',
      parentNumber: '938801363',
      organisationForm: { code: 'BEDR' },
      industry: { code: '85.201' },
      municipalityNumber: '3105',
      address: ['Skoleveien 10'],
      postalCode: '1710',
      website: null,
    });
    expect(standIn.requests).toEqual([`/enhetsregisteret/api/enheter/${SCHOOL_NUMBER}`, `/enhetsregisteret/api/underenheter/${SCHOOL_NUMBER}`]);
  });

  it.each([
    ['12345', 'en', 'is not an organisation number'],
    ['97476067X', 'nb', 'er ikke et organisasjonsnummer'],
    ['938 801 364', 'nn', 'kontrollsifferet stemmer ikkje'],
    ['974760075', 'sv', 'kontrollsiffran stämmer inte'],
  ])('rejects %j with 400 naming number, in %s, without asking the register', async (number, language, text) => {
    standIn.requests.length = 0;
    const response = await lookup(number, { 'accept-language': language });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'invalid-parameter', field: 'number', message: expect.stringContaining(text) });
    expect(standIn.requests).toEqual([]);
  });

  it('names number when it is missing or too long', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/organisations/lookup?lang=en' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ field: 'number', message: '"number" is required.' });
    const long = await lookup('9'.repeat(41));
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ field: 'number' });
  });

  it('answers 404 naming number for a valid number the register does not have', async () => {
    const response = await lookup('923609016', { 'accept-language': 'en' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not-found', field: 'number', message: expect.stringContaining('923609016') });
  });

  it('answers 503 when the register answers 5xx', async () => {
    const response = await lookup(BROKEN_NUMBER, { 'accept-language': 'nb' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ statusCode: 503, error: 'register-unavailable', message: expect.stringContaining('Enhetsregisteret') });
  });

  it('asks the register once for two lookups of the same number (cache), found or not', async () => {
    const counted = await listen(register);
    const cachedApp = await buildApp({ baseUrl: counted.url, timeoutMs: 2_000, cacheTtlMs: 60_000 });
    try {
      expect((await cachedApp.inject({ method: 'GET', url: '/api/organisations/lookup?number=920817521' })).statusCode).toBe(200);
      expect((await cachedApp.inject({ method: 'GET', url: '/api/organisations/lookup?number=920%20817%20521' })).json()).toMatchObject({ name: 'MOSS KOMMUNE', municipalityName: 'Moss' });
      expect(counted.requests).toEqual(['/enhetsregisteret/api/enheter/920817521']);

      counted.requests.length = 0;
      expect((await cachedApp.inject({ method: 'GET', url: '/api/organisations/lookup?number=923609016' })).statusCode).toBe(404);
      expect((await cachedApp.inject({ method: 'GET', url: '/api/organisations/lookup?number=923609016' })).statusCode).toBe(404);
      expect(counted.requests).toEqual(['/enhetsregisteret/api/enheter/923609016', '/enhetsregisteret/api/underenheter/923609016']);

      counted.requests.length = 0;
      const search = '/api/organisations/search?name=kommune&pageSize=2';
      expect((await cachedApp.inject({ method: 'GET', url: search })).statusCode).toBe(200);
      expect((await cachedApp.inject({ method: 'GET', url: search })).statusCode).toBe(200);
      expect(counted.requests).toHaveLength(1);
    } finally {
      await cachedApp.close();
      await close(counted);
    }
  });

  it('searches by name page by page, with the total', async () => {
    standIn.requests.length = 0;
    const first = await app.inject({ method: 'GET', url: '/api/organisations/search?name=kommune&pageSize=2' });
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json<OrganisationPage>();
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items.map((item) => item.number)).toEqual(['938801363', '920817521']);

    const page2 = (await app.inject({ method: 'GET', url: '/api/organisations/search?name=kommune&pageSize=2&page=2' })).json<OrganisationPage>();
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((item) => item.name)).toEqual(['HALDEN KOMMUNE']);
    expect(page2.items[0]).toMatchObject({ municipalityNumber: '3101', municipalityName: 'Halden', kind: 'unit' });

    const none = (await app.inject({ method: 'GET', url: '/api/organisations/search?name=%20finnes%20ikke%20' })).json<OrganisationPage>();
    expect(none).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    // Our pages are 1-based, the register's 0-based; the search words are trimmed.
    expect(standIn.requests).toEqual([
      '/enhetsregisteret/api/enheter?navn=kommune&page=0&size=2',
      '/enhetsregisteret/api/enheter?navn=kommune&page=1&size=2',
      '/enhetsregisteret/api/enheter?navn=finnes+ikke&page=0&size=20',
    ]);
  });

  it.each([
    ['name=a', 'name', '"name" must have at least 2 characters.'],
    ['name=%20%20x%20', 'name', '"name" must have at least 2 characters.'],
    ['', 'name', '"name" is required.'],
    ['name=kommune&page=0', 'page', undefined],
    ['name=kommune&page=101', 'page', undefined],
    ['name=kommune&pageSize=101', 'pageSize', undefined],
    ['name=kommune&sort=name', 'sort', undefined],
  ])('rejects the search %j naming %s', async (query, field, text) => {
    const response = await app.inject({ method: 'GET', url: `/api/organisations/search?lang=en&${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field, ...(text ? { message: text } : {}) });
  });
});

describe('organisations API when the register cannot answer', () => {
  const TIMEOUT_MS = 300;
  let slow: StandIn;
  let stalling: StandIn;
  let slowApp: FastifyInstance;
  let stallingApp: FastifyInstance;
  let downApp: FastifyInstance;

  beforeAll(async () => {
    slow = await listen((request, response) => {
      const timer = setTimeout(() => register(request, response), 5_000);
      response.on('close', () => clearTimeout(timer));
    });
    slowApp = await buildApp({ baseUrl: slow.url, timeoutMs: TIMEOUT_MS });
    // Answers 200 at once, then stops in the middle of the body.
    stalling = await listen((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"organisasjonsnummer":"938801363","navn":');
    });
    stallingApp = await buildApp({ baseUrl: stalling.url, timeoutMs: TIMEOUT_MS });

    // A port that was just free: nothing listens there any more, so connections are refused.
    const closed = await listen(register);
    const downUrl = closed.url;
    await close(closed);
    downApp = await buildApp({ baseUrl: downUrl, timeoutMs: TIMEOUT_MS });
  });

  afterAll(async () => {
    await slowApp?.close();
    await stallingApp?.close();
    await downApp?.close();
    await close(slow);
    await close(stalling);
  });

  const timed = async (app: FastifyInstance, url: string) => {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
    return { response, elapsed: performance.now() - started };
  };

  it('answers 503 at once when nothing listens', async () => {
    const { response, elapsed } = await timed(downApp, '/api/organisations/lookup?number=938801363');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      statusCode: 503,
      error: 'register-unavailable',
      message: "The Brønnøysund Register Centre's entity register (Enhetsregisteret) is not answering right now. Please try again shortly.",
    });
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 200);
    const search = await timed(downApp, '/api/organisations/search?name=kommune');
    expect(search.response.statusCode).toBe(503);
  });

  it('answers 503 after the time limit when the register is slow, lookups and searches alike', async () => {
    for (const url of ['/api/organisations/lookup?number=938801363', '/api/organisations/search?name=kommune']) {
      const { response, elapsed } = await timed(slowApp, url);
      expect(response.statusCode, url).toBe(503);
      expect(response.json()).toMatchObject({ error: 'register-unavailable' });
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
    }
  });

  it('answers 503 after the time limit when the body stops half-way', async () => {
    const { response, elapsed } = await timed(stallingApp, '/api/organisations/lookup?number=938801363');
    expect(response.statusCode).toBe(503);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it('does not cache a failure: the next lookup asks again', async () => {
    slow.requests.length = 0;
    await timed(slowApp, '/api/organisations/lookup?number=920817521');
    await timed(slowApp, '/api/organisations/lookup?number=920817521');
    expect(slow.requests).toEqual(['/enhetsregisteret/api/enheter/920817521', '/enhetsregisteret/api/enheter/920817521']);
  });
});
