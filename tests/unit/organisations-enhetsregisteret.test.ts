import { describe, expect, it } from 'vitest';
import {
  createEnhetsregisteretClient,
  organisationFromRegister,
  organisationPageFromRegister,
} from '../../src/organisations/enhetsregisteret.js';
import { RegistryUnavailableError } from '../../src/organisations/organisation.js';
import { TtlCache } from '../../src/platform/ttl-cache.js';

// The register's shapes, abridged from its answers (the registry entity is real: Registerenheten i Brønnøysund).
const BRREG = {
  organisasjonsnummer: '974760673',
  navn: 'REGISTERENHETEN I BRØNNØYSUND',
  organisasjonsform: { kode: 'ORGL', beskrivelse: 'Organisasjonsledd', _links: {} },
  hjemmeside: 'www.brreg.no',
  postadresse: { land: 'Norge', landkode: 'NO', postnummer: '8910', poststed: 'BRØNNØYSUND', adresse: ['Postboks 900'], kommune: 'BRØNNØY', kommunenummer: '1813' },
  naeringskode1: { kode: '84.110', beskrivelse: 'Generell offentlig administrasjon' },
  overordnetEnhet: '912660680',
  forretningsadresse: { land: 'Norge', landkode: 'NO', postnummer: '8900', poststed: 'BRØNNØYSUND', adresse: ['Havnegata 48', null, ''], kommune: 'BRØNNØY', kommunenummer: '1813' },
  konkurs: false,
  _links: {},
};
const DELETED = {
  organisasjonsnummer: '123456785',
  navn: 'SLETTET ENHET AS',
  organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap' },
  slettedato: '2017-10-20',
  _links: {},
};

describe('mapping the register to our organisation', () => {
  it('maps a unit: business address, municipality name from our reference table, website', () => {
    expect(organisationFromRegister(BRREG, 'unit')).toEqual({
      number: '974760673',
      name: 'REGISTERENHETEN I BRØNNØYSUND',
      kind: 'unit',
      parentNumber: '912660680',
      organisationForm: { code: 'ORGL', description: 'Organisasjonsledd' },
      industry: { code: '84.110', description: 'Generell offentlig administrasjon' },
      municipalityNumber: '1813',
      municipalityName: 'Brønnøy',
      postalCode: '8900',
      postalPlace: 'BRØNNØYSUND',
      address: ['Havnegata 48'],
      website: 'www.brreg.no',
      deleted: false,
      deletedOn: null,
    });
  });

  it('falls back to the postal address, and to the register\'s municipality name for an unknown number', () => {
    const { forretningsadresse: _business, ...withoutBusiness } = BRREG;
    expect(organisationFromRegister(withoutBusiness, 'unit')).toMatchObject({ postalCode: '8910', address: ['Postboks 900'] });
    const odd = { ...BRREG, forretningsadresse: { ...BRREG.forretningsadresse, kommunenummer: '9999', kommune: 'UKJENT' } };
    expect(organisationFromRegister(odd, 'unit')).toMatchObject({ municipalityNumber: '9999', municipalityName: 'UKJENT' });
  });

  it('marks a deleted unit (the register keeps only number, name, form and date) and a closed sub-unit', () => {
    expect(organisationFromRegister(DELETED, 'unit')).toMatchObject({
      number: '123456785',
      deleted: true,
      deletedOn: '2017-10-20',
      municipalityNumber: null,
      address: [],
      industry: null,
      website: null,
    });
    const closed = { organisasjonsnummer: '987654325', navn: 'NEDLAGT SKOLE', beliggenhetsadresse: { kommunenummer: '3105' }, nedleggelsesdato: '2018-10-20' };
    expect(organisationFromRegister(closed, 'sub-unit')).toMatchObject({ kind: 'sub-unit', deleted: true, deletedOn: '2018-10-20', municipalityName: 'Sarpsborg' });
  });

  it('refuses what lacks a nine-digit number or a name', () => {
    expect(organisationFromRegister(null, 'unit')).toBeNull();
    expect(organisationFromRegister([], 'unit')).toBeNull();
    expect(organisationFromRegister({ navn: 'X' }, 'unit')).toBeNull();
    expect(organisationFromRegister({ organisasjonsnummer: '12345', navn: 'X' }, 'unit')).toBeNull();
    expect(organisationFromRegister({ organisasjonsnummer: '974760673', navn: '  ' }, 'unit')).toBeNull();
  });

  it('maps a search page; an empty result has no _embedded', () => {
    const page = organisationPageFromRegister({ _embedded: { enheter: [BRREG, { navn: 'broken' }] }, page: { size: 2, totalElements: 41, totalPages: 21, number: 0 } }, 1, 2);
    expect(page.items.map((item) => item.number)).toEqual(['974760673']);
    expect(page).toMatchObject({ total: 41, page: 1, pageSize: 2 });
    expect(organisationPageFromRegister({ _links: {}, page: { size: 20, totalElements: 0, totalPages: 0, number: 0 } }, 1, 20)).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(() => organisationPageFromRegister('<html>', 1, 20)).toThrow(RegistryUnavailableError);
  });
});

describe('the cache', () => {
  it('forgets entries after their time to live', () => {
    let now = 0;
    const cache = new TtlCache<string>({ ttlMs: 1_000, maxEntries: 10, now: () => now });
    cache.set('a', 'A');
    now = 999;
    expect(cache.get('a')).toBe('A');
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new TtlCache<number>({ ttlMs: 60_000, maxEntries: 3 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    cache.get('a');
    cache.set('d', 4);
    expect([cache.has('a'), cache.has('b'), cache.has('c'), cache.has('d')]).toEqual([true, false, true, true]);
    expect(cache.size).toBe(3);
  });

  it('keeps nothing with a time to live of 0', () => {
    const cache = new TtlCache<number>({ ttlMs: 0, maxEntries: 3 });
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('the client', () => {
  type Reply = Response | Error | ((url: string, init?: RequestInit) => Promise<Response>);
  const fakeFetch = (replies: Record<string, Reply>) => {
    const calls: string[] = [];
    const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      const path = decodeURIComponent(url.replace('https://data.brreg.no/enhetsregisteret/api', ''));
      calls.push(path);
      const reply = replies[path] ?? new Response('{"status":404}', { status: 404 });
      if (reply instanceof Error) throw reply;
      if (typeof reply === 'function') return reply(url, init);
      return reply.clone();
    }) as typeof globalThis.fetch;
    return { fetch, calls };
  };
  const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

  const failureOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryUnavailableError);
    return (error as RegistryUnavailableError).failure;
  };

  it('uses the default address and the accept header, and keeps a configured one without trailing slash', async () => {
    let accept: string | null = null;
    const { fetch, calls } = fakeFetch({
      '/enheter/974760673': async (_url, init) => {
        accept = new Headers(init?.headers).get('accept');
        return ok(BRREG);
      },
    });
    const client = createEnhetsregisteretClient({ fetch });
    expect(client.baseUrl).toBe('https://data.brreg.no/enhetsregisteret/api');
    expect(await client.lookup('974760673')).toMatchObject({ name: 'REGISTERENHETEN I BRØNNØYSUND' });
    expect(calls).toEqual(['/enheter/974760673']);
    expect(accept).toBe('application/json');
    expect(createEnhetsregisteretClient({ baseUrl: 'http://localhost:8080/api/' }).baseUrl).toBe('http://localhost:8080/api');
    expect(() => createEnhetsregisteretClient({ baseUrl: 'ftp://example.org' })).toThrow(TypeError);
    expect(() => createEnhetsregisteretClient({ baseUrl: 'not a url' })).toThrow();
  });

  it('treats 404 then 404 and a removed unit (410) as not found', async () => {
    const { fetch, calls } = fakeFetch({ '/enheter/938801363': new Response('{"status":410}', { status: 410 }) });
    const client = createEnhetsregisteretClient({ fetch });
    expect(await client.lookup('923609016')).toBeNull();
    expect(await client.lookup('938801363')).toBeNull();
    expect(calls).toEqual(['/enheter/923609016', '/underenheter/923609016', '/enheter/938801363']);
  });

  it('turns every kind of trouble into a typed error', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    const { fetch } = fakeFetch({
      '/enheter/974760673': refused,
      '/enheter/938801363': new Response('Bad gateway', { status: 502 }),
      '/enheter/958935420': new Response('Too many requests', { status: 429 }),
      '/enheter/964338531': new Response('<html>maintenance</html>', { status: 200 }),
      '/enheter/942110464': ok({ ...BRREG }),
      '/enheter/923609016': new Response('{}', { status: 400 }),
      '/enheter/940039541': ok({ organisasjonsnummer: '940039541' }),
    });
    const client = createEnhetsregisteretClient({ fetch });
    expect(await failureOf(client.lookup('974760673'))).toBe('unreachable');
    expect(await failureOf(client.lookup('938801363'))).toBe('server-error');
    expect(await failureOf(client.lookup('958935420'))).toBe('server-error');
    expect(await failureOf(client.lookup('964338531'))).toBe('bad-response');
    expect(await failureOf(client.lookup('942110464'))).toBe('bad-response'); // answered for another number
    expect(await failureOf(client.lookup('923609016'))).toBe('bad-response');
    expect(await failureOf(client.lookup('940039541'))).toBe('bad-response'); // no name
    await expect(client.lookup('97476067')).rejects.toThrow(RangeError);
  });

  it('gives up after the time limit, even when the answer never comes', async () => {
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const { fetch } = fakeFetch({ '/enheter/974760673': hanging });
    const client = createEnhetsregisteretClient({ fetch, timeoutMs: 50 });
    const started = performance.now();
    expect(await failureOf(client.lookup('974760673'))).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('shares one request between concurrent identical calls and caches the answer until it expires', async () => {
    let now = 0;
    const { fetch, calls } = fakeFetch({ '/enheter/974760673': async () => new Promise((resolve) => setTimeout(() => resolve(ok(BRREG)), 20)) });
    const client = createEnhetsregisteretClient({ fetch, cacheTtlMs: 1_000, now: () => now });
    const [a, b] = await Promise.all([client.lookup('974760673'), client.lookup('974760673')]);
    expect(a).toEqual(b);
    await client.lookup('974760673');
    expect(calls).toHaveLength(1);
    now = 1_000;
    await client.lookup('974760673');
    expect(calls).toHaveLength(2);
    client.clearCache();
    await client.lookup('974760673');
    expect(calls).toHaveLength(3);
  });

  it('searches with 0-based pages, trimmed words, and a bound on depth', async () => {
    const { fetch, calls } = fakeFetch({
      '/enheter?navn=brønnøysund+register&page=2&size=10': ok({ _embedded: { enheter: [BRREG] }, page: { size: 10, totalElements: 21, totalPages: 3, number: 2 } }),
    });
    const client = createEnhetsregisteretClient({ fetch });
    const page = await client.search({ name: '  brønnøysund   register ', page: 3, pageSize: 10 });
    expect(page).toMatchObject({ total: 21, page: 3, pageSize: 10 });
    expect(calls).toEqual(['/enheter?navn=brønnøysund+register&page=2&size=10']);
    await expect(client.search({ name: 'x', page: 101, pageSize: 100 })).rejects.toThrow(RangeError);
  });
});
