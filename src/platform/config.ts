/** Settings from the environment; secrets and addresses never live in the code. */
import path from 'node:path';
import type { SessionSettings } from './auth/principal.js';
import { DEFAULT_OIDC_SCOPES, isLoopbackHttp, TOKEN_AUTH_METHODS, type OidcSettings, type TokenAuthMethod } from '../accounts/oidc.js';

export interface AppConfig {
  port: number;
  host: string;
  /** Data directory of the embedded PGlite database; ignored when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Load the shipped catalogue when the database has none (first start). */
  loadCatalogueOnStart: boolean;
  logLevel: string;
  /** Believe X-Forwarded-* headers: only behind a reverse proxy that sets them (TRUST_PROXY=true). */
  trustProxy: boolean;
  /** EU Funding & Tenders calls (JSON lines) loaded as demo data when no calls are stored yet. */
  demoCallsFile: string | undefined;
  /** Load the Moss region's demo organisations and people at start (`serve --demo`, or DEMO_DATA=true); production starts empty. */
  demoData: boolean;
  sessions: SessionSettings;
  /** Where people reach the product (PUBLIC_URL), for links in e-mails; defaults to the local address. */
  publicUrl: string | undefined;
  /** Sign-in through an OpenID provider (OIDC_*); on only when OIDC_ISSUER and OIDC_CLIENT_ID are set. */
  oidc: OidcSettings | undefined;
}

export class ConfigError extends Error {}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  return port;
}

function parsePositive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new ConfigError(`${name} must be a positive number, got "${value}"`);
  return number;
}

function parseSecureCookies(value: string | undefined): SessionSettings['secureCookies'] {
  if (value === undefined || value === '' || value === 'auto') return 'auto';
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ConfigError(`COOKIE_SECURE must be auto, true or false, got "${value}"`);
}

function parsePublicUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.origin + url.pathname.replace(/\/$/, '');
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http(s) address such as https://mulighetsrom.example.no, got "${value}"`);
  }
}

function parseOidc(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.OIDC_ISSUER || undefined;
  const clientId = env.OIDC_CLIENT_ID || undefined;
  if (!issuer && !clientId) return undefined;
  if (!issuer || !clientId) throw new ConfigError('OpenID Connect needs both OIDC_ISSUER and OIDC_CLIENT_ID (or neither, to turn it off)');
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new ConfigError(`OIDC_ISSUER must be the provider's issuer address, such as https://idporten.no, got "${issuer}"`);
  }
  if (issuerUrl.protocol !== 'https:' && !isLoopbackHttp(issuerUrl)) throw new ConfigError(`OIDC_ISSUER must use https (plain http only on localhost), got "${issuer}"`);
  const scopes = (env.OIDC_SCOPES || DEFAULT_OIDC_SCOPES).split(/[\s,]+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new ConfigError(`OIDC_SCOPES must include openid, got "${env.OIDC_SCOPES}"`);
  const clientSecret = env.OIDC_CLIENT_SECRET || undefined;
  const method = env.OIDC_TOKEN_AUTH_METHOD || (clientSecret ? 'client_secret_basic' : 'none');
  if (!(TOKEN_AUTH_METHODS as readonly string[]).includes(method)) throw new ConfigError(`OIDC_TOKEN_AUTH_METHOD must be one of ${TOKEN_AUTH_METHODS.join(', ')}, got "${method}"`);
  if (method !== 'none' && !clientSecret) throw new ConfigError(`OIDC_TOKEN_AUTH_METHOD ${method} needs OIDC_CLIENT_SECRET`);
  const trustEmail = env.OIDC_TRUST_EMAIL || 'false';
  if (trustEmail !== 'true' && trustEmail !== 'false') throw new ConfigError(`OIDC_TRUST_EMAIL must be true or false, got "${trustEmail}"`);
  return {
    issuer,
    clientId,
    clientSecret,
    scopes: scopes.join(' '),
    tokenAuthMethod: method as TokenAuthMethod,
    displayName: env.OIDC_DISPLAY_NAME || 'OpenID Connect',
    trustEmail: trustEmail === 'true',
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    port: parsePort(env.PORT),
    host: env.HOST || 'localhost',
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    loadCatalogueOnStart: env.LOAD_CATALOGUE !== 'false',
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    sessions: {
      idleMinutes: parsePositive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30),
      absoluteHours: parsePositive('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12),
      secureCookies: parseSecureCookies(env.COOKIE_SECURE),
    },
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    oidc: parseOidc(env),
    demoData: env.DEMO_DATA === 'true',
    demoCallsFile: env.DEMO_CALLS_FILE === '' ? undefined : path.resolve(env.DEMO_CALLS_FILE ?? '../shared/data/eu-funding-calls-open.jsonl'),
  };
}
