/**
 * Client for the open API of Enhetsregisteret (the Central Coordinating Register for Legal Entities,
 * Brønnøysundregistrene): https://data.brreg.no/enhetsregisteret/api — no key needed.
 *
 * - lookup: `GET /enheter/{orgnr}`, and when that is 404 `GET /underenheter/{orgnr}` (a school, a nursing
 *   home or another place of business is a sub-unit of its municipality). 404 and 410 (removed) mean
 *   "not in the register".
 * - search: `GET /enheter?navn=…&page=…&size=…` (0-based pages; page × size may not pass 10 000).
 *
 * Every call has one time limit (default 3 s, both lookup requests included). Whatever goes wrong on the
 * way — no connection, time-out, 5xx, an answer we cannot read — becomes a `RegistryUnavailableError`;
 * raw fetch errors never leave this module. Answers (not-found included, errors not) are kept in an
 * in-memory cache with a time to live and a size bound; concurrent identical calls share one request.
 */
import { norwegianMunicipality } from '../reference/index.js';
import { RegistryUnavailableError, type Organisation, type OrganisationPage, type OrganisationRegistry, type OrganisationSearch } from './organisation.js';
import { TtlCache } from '../platform/ttl-cache.js';

export const DEFAULT_ENHETSREGISTERET_URL = 'https://data.brreg.no/enhetsregisteret/api';
export const DEFAULT_TIMEOUT_MS = 3_000;
export const DEFAULT_CACHE_TTL_MS = 10 * 60_000;
export const DEFAULT_CACHE_MAX_ENTRIES = 1_000;
/** The register answers at most this deep into a result list (page × size). */
export const MAX_SEARCH_DEPTH = 10_000;

export interface EnhetsregisteretClientOptions {
  /** Base address of the API, without a trailing slash needed; the caller reads ENHETSREGISTERET_URL. */
  baseUrl?: string;
  /** Time limit of one lookup or search, all requests included. */
  timeoutMs?: number;
  /** How long an answer is reused; 0 turns the cache off. */
  cacheTtlMs?: number;
  /** Most answers kept (lookups and search pages together); the least recently used go first. */
  cacheMaxEntries?: number;
  fetch?: typeof fetch;
  /** Clock of the cache (tests). */
  now?: () => number;
}

export interface EnhetsregisteretClient extends OrganisationRegistry {
  readonly baseUrl: string;
  clearCache(): void;
}

// ---------------------------------------------------------------------------------------------------
// The register's response shape (the fields we use; all optional, since we trust nothing we receive).

interface RawCode {
  kode?: unknown;
  beskrivelse?: unknown;
}

interface RawAddress {
  adresse?: unknown;
  postnummer?: unknown;
  poststed?: unknown;
  kommune?: unknown;
  kommunenummer?: unknown;
}

/** An entity (`/enheter`) or a sub-unit (`/underenheter`). */
export interface RawEnhet {
  organisasjonsnummer?: unknown;
  navn?: unknown;
  organisasjonsform?: RawCode;
  naeringskode1?: RawCode;
  overordnetEnhet?: unknown;
  forretningsadresse?: RawAddress;
  beliggenhetsadresse?: RawAddress;
  postadresse?: RawAddress;
  hjemmeside?: unknown;
  slettedato?: unknown;
  nedleggelsesdato?: unknown;
}

export interface RawEnhetPage {
  _embedded?: { enheter?: unknown };
  page?: { size?: unknown; totalElements?: unknown; totalPages?: unknown; number?: unknown };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

function code(value: unknown): { code: string; description: string } | null {
  const raw = record(value);
  const kode = text(raw?.kode);
  return kode === null ? null : { code: kode, description: text(raw?.beskrivelse) ?? '' };
}

/**
 * The register's JSON → our `Organisation`; null when the essentials (a nine-digit number and a name)
 * are missing. Units have a business address (forretningsadresse), sub-units a location address
 * (beliggenhetsadresse); either may be missing, and then the postal address stands in.
 */
export function organisationFromRegister(raw: unknown, kind: Organisation['kind']): Organisation | null {
  const enhet = record(raw) as RawEnhet | null;
  if (!enhet) return null;
  const number = text(enhet.organisasjonsnummer);
  const name = text(enhet.navn);
  if (number === null || !/^\d{9}$/.test(number) || name === null) return null;

  const address = record(kind === 'unit' ? enhet.forretningsadresse : enhet.beliggenhetsadresse) ?? record(enhet.postadresse) ?? {};
  const municipalityNumber = text(address.kommunenummer);
  const lines = Array.isArray(address.adresse) ? address.adresse.map(text).filter((line): line is string => line !== null) : [];
  const deletedOn = text(enhet.slettedato) ?? text(enhet.nedleggelsesdato);

  return {
    number,
    name,
    kind,
    parentNumber: text(enhet.overordnetEnhet),
    organisationForm: code(enhet.organisasjonsform),
    industry: code(enhet.naeringskode1),
    municipalityNumber,
    municipalityName: (municipalityNumber && norwegianMunicipality(municipalityNumber)?.norwegianName) || text(address.kommune),
    postalCode: text(address.postnummer),
    postalPlace: text(address.poststed),
    address: lines,
    website: text(enhet.hjemmeside),
    deleted: deletedOn !== null,
    deletedOn: deletedOn !== null && /^\d{4}-\d{2}-\d{2}$/.test(deletedOn) ? deletedOn : null,
  };
}

/** A search answer → our page. Entries without number or name are left out. */
export function organisationPageFromRegister(raw: unknown, page: number, pageSize: number): OrganisationPage {
  const body = record(raw) as RawEnhetPage | null;
  if (!body) throw new RegistryUnavailableError('bad-response', 'search answer is not a JSON object');
  // An empty result has no `_embedded` at all.
  const entries = record(body._embedded)?.enheter ?? [];
  if (!Array.isArray(entries)) throw new RegistryUnavailableError('bad-response', 'search answer: _embedded.enheter is not a list');
  const items = entries.map((entry) => organisationFromRegister(entry, 'unit')).filter((item): item is Organisation => item !== null);
  const total = record(body.page)?.totalElements;
  return { items, total: typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : items.length, page, pageSize };
}

// ---------------------------------------------------------------------------------------------------

type Answer = { status: 200; body: unknown } | { status: 404 | 410 };

function failureOf(error: unknown, signal: AbortSignal): RegistryUnavailableError {
  if (signal.aborted) return new RegistryUnavailableError('timeout', 'no answer within the time limit');
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : String(error);
  return new RegistryUnavailableError('unreachable', `cannot reach the register: ${detail}`);
}

export function createEnhetsregisteretClient(options: EnhetsregisteretClientOptions = {}): EnhetsregisteretClient {
  const baseUrl = (options.baseUrl?.trim() || DEFAULT_ENHETSREGISTERET_URL).replace(/\/+$/, '');
  const parsedBase = new URL(baseUrl); // throws at start-up for a malformed ENHETSREGISTERET_URL
  if (parsedBase.protocol !== 'https:' && parsedBase.protocol !== 'http:') throw new TypeError(`Enhetsregisteret URL must be http(s): ${baseUrl}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? globalThis.fetch;
  const cache = new TtlCache<Organisation | null | OrganisationPage>({
    ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
    maxEntries: options.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
    ...(options.now ? { now: options.now } : {}),
  });
  const inFlight = new Map<string, Promise<Organisation | null | OrganisationPage>>();

  async function get(path: string, signal: AbortSignal): Promise<Answer> {
    const url = `${baseUrl}${path}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers: { accept: 'application/json' }, signal });
    } catch (error) {
      throw failureOf(error, signal);
    }
    if (response.status !== 200) {
      // Free the connection; not awaited, so a body that never ends cannot hold the answer back.
      response.body?.cancel().catch(() => undefined);
      if (response.status === 404 || response.status === 410) return { status: response.status };
      if (response.status >= 500 || response.status === 429) {
        throw new RegistryUnavailableError('server-error', `the register answered ${response.status} to GET ${path}`, response.status);
      }
      throw new RegistryUnavailableError('bad-response', `the register answered ${response.status} to GET ${path}`, response.status);
    }
    try {
      return { status: 200, body: await response.json() };
    } catch (error) {
      if (signal.aborted) throw failureOf(error, signal);
      throw new RegistryUnavailableError('bad-response', `the register's answer to GET ${path} is not JSON`, 200);
    }
  }

  /** Cached, de-duplicated, time-limited. Errors are not cached. */
  function cached<T extends Organisation | null | OrganisationPage>(key: string, load: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit !== undefined) return Promise.resolve(hit as T);
    const pending = inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const promise = load(AbortSignal.timeout(timeoutMs))
      .then((value) => {
        cache.set(key, value);
        return value;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  async function lookupUncached(number: string, signal: AbortSignal): Promise<Organisation | null> {
    let kind: Organisation['kind'] = 'unit';
    let answer = await get(`/enheter/${number}`, signal);
    if (answer.status === 404) {
      kind = 'sub-unit';
      answer = await get(`/underenheter/${number}`, signal);
    }
    if (answer.status !== 200) return null;
    const organisation = organisationFromRegister(answer.body, kind);
    if (organisation === null) throw new RegistryUnavailableError('bad-response', `the register's answer for ${number} lacks number or name`, 200);
    if (organisation.number !== number) throw new RegistryUnavailableError('bad-response', `asked for ${number}, the register answered ${organisation.number}`, 200);
    return organisation;
  }

  return {
    baseUrl,
    lookup(number) {
      if (!/^\d{9}$/.test(number)) return Promise.reject(new RangeError(`lookup needs a normalised nine-digit number, got "${number}"`));
      return cached(`lookup:${number}`, (signal) => lookupUncached(number, signal));
    },
    search({ name, page, pageSize }: OrganisationSearch) {
      const words = name.trim().replace(/\s+/g, ' ');
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || page * pageSize > MAX_SEARCH_DEPTH) {
        return Promise.reject(new RangeError(`search page ${page} of size ${pageSize} is beyond what the register pages to`));
      }
      const key = `search:${pageSize}:${page}:${words.toLocaleLowerCase('nb')}`;
      return cached(key, async (signal) => {
        const query = new URLSearchParams({ navn: words, page: String(page - 1), size: String(pageSize) });
        const answer = await get(`/enheter?${query.toString()}`, signal);
        if (answer.status !== 200) throw new RegistryUnavailableError('bad-response', `the register answered ${answer.status} to a search`, answer.status);
        return organisationPageFromRegister(answer.body, page, pageSize);
      });
    },
    clearCache() {
      cache.clear();
    },
  };
}
