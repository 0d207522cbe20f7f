/**
 * Signing in with OpenID Connect (ID-porten, Microsoft Entra ID or any other OpenID provider): the relying
 * party's side of the authorization code flow with PKCE (S256), state and nonce, and finding the person.
 * The provider's metadata is discovered on first use and kept; a provider that cannot be reached fails
 * that one sign-in, never start-up.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import * as oidc from 'openid-client';
import type { Db } from '../platform/db/client.js';
import { personActor, recordAudit } from '../platform/audit/audit.js';
import { findUserByEmail, findUserById, insertUser, linkIdentity, userIdForIdentity, type UserRow } from './repository.js';

export const TOKEN_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export type TokenAuthMethod = (typeof TOKEN_AUTH_METHODS)[number];
export const DEFAULT_OIDC_SCOPES = 'openid profile email';
/** Seconds to wait for the provider (discovery, token, userinfo). */
const PROVIDER_TIMEOUT_SECONDS = 10;

export interface OidcSettings {
  /** The provider's issuer identifier, e.g. https://idporten.no or https://login.microsoftonline.com/{tenant}/v2.0. */
  issuer: string;
  clientId: string;
  /** Absent for public clients. */
  clientSecret?: string;
  /** Space-separated; includes `openid`. */
  scopes: string;
  tokenAuthMethod: TokenAuthMethod;
  /** The sign-in button's label, e.g. "ID-porten". */
  displayName: string;
  /** Believe the provider's e-mail addresses without `email_verified` (e.g. an organisation's own Entra ID tenant). */
  trustEmail: boolean;
}

/** Plain HTTP is only for a provider on this machine (development and tests); everything else needs TLS. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The secrets of one sign-in, kept on the server between the redirect to the provider and the callback. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export function newPendingSignIn(): PendingSignIn {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

/** Who the provider says signed in. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  /** The provider vouches that `email` belongs to the person (`email_verified`). */
  emailVerified: boolean;
  name: string | null;
}

/** `unavailable`: the provider could not be reached; `aborted`: the person cancelled, or the answer did not validate. */
export class OidcFailure extends Error {
  constructor(
    readonly kind: 'unavailable' | 'aborted',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface RelyingParty {
  readonly settings: OidcSettings;
  /** Where to send the browser to sign in. */
  authorizationUrl(pending: PendingSignIn): Promise<URL>;
  /** Exchanges the code in the callback's query string and validates the ID token (state, nonce, PKCE, issuer, audience, signature). */
  identify(callbackQuery: string, pending: PendingSignIn): Promise<OidcIdentity>;
}

function clientAuthentication(settings: OidcSettings): oidc.ClientAuth {
  switch (settings.tokenAuthMethod) {
    case 'client_secret_basic':
      return oidc.ClientSecretBasic(settings.clientSecret);
    case 'client_secret_post':
      return oidc.ClientSecretPost(settings.clientSecret);
    case 'none':
      return oidc.None();
  }
}

/** Connection refused, DNS failure or timeout, possibly wrapped by openid-client. */
function isNetworkFailure(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if ((cause instanceof TypeError && cause.message === 'fetch failed') || cause.name === 'TimeoutError' || cause.name === 'AbortError') return true;
  }
  return false;
}

function failure(error: unknown, what: string): OidcFailure {
  if (error instanceof OidcFailure) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new OidcFailure(isNetworkFailure(error) ? 'unavailable' : 'aborted', `${what}: ${reason}`, { cause: error });
}

export function createRelyingParty(settings: OidcSettings, redirectUri: string, log: Pick<FastifyBaseLogger, 'warn'>): RelyingParty {
  const issuer = new URL(settings.issuer);
  let discovered: Promise<oidc.Configuration> | null = null;

  /** Discovered once and kept; a failed discovery is forgotten so the next sign-in tries again. */
  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(issuer, settings.clientId, undefined, clientAuthentication(settings), {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = null;
        throw new OidcFailure('unavailable', `discovery of ${settings.issuer} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
    return discovered;
  }

  return {
    settings,

    async authorizationUrl(pending) {
      const config = await configuration();
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
    },

    async identify(callbackQuery, pending) {
      const config = await configuration();
      const callbackUrl = new URL(redirectUri);
      callbackUrl.search = callbackQuery;
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw failure(error, 'code exchange');
      }
      const idToken = tokens.claims()!;
      const fromIdToken = identityFromClaims(idToken, null);
      // Many providers (ID-porten, oidc-provider) keep profile claims out of the ID token in the code flow.
      if ((fromIdToken.email && fromIdToken.name) || !config.serverMetadata().userinfo_endpoint) return fromIdToken;
      try {
        return identityFromClaims(idToken, await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub));
      } catch (error) {
        log.warn({ err: error }, 'OpenID Connect userinfo failed; signing in with the ID token claims alone');
        return fromIdToken;
      }
    },
  };
}

type Claims = Record<string, unknown>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailOrNull(value: unknown): string | null {
  const address = text(value);
  return address && address.length <= 254 && EMAIL_SHAPE.test(address) ? address : null;
}

/**
 * The person from the ID token's claims, with userinfo filling what the ID token lacks. `email_verified`
 * is read from the same source as `email`; Entra ID's `preferred_username` serves as an address when
 * there is no `email`, never as a verified one.
 */
export function identityFromClaims(idToken: Claims & { iss: string; sub: string }, userInfo: Claims | null): OidcIdentity {
  const sources = userInfo ? [idToken, userInfo] : [idToken];
  const first = (read: (claims: Claims) => string | null) => sources.map(read).find((value) => value !== null) ?? null;
  const emailSource = sources.find((claims) => emailOrNull(claims.email) !== null);
  const fullName = (claims: Claims) => text([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' '));
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    email: emailSource ? emailOrNull(emailSource.email) : first((claims) => emailOrNull(claims.preferred_username)),
    emailVerified: emailSource?.email_verified === true,
    name: first((claims) => text(claims.name)) ?? first(fullName),
  };
}

/**
 * An address for a person the provider gives none (ID-porten): unique per identity, case-proof, and
 * under `.invalid` (RFC 2606), so it can never collide with or reach a real mailbox.
 */
export function placeholderEmail(issuer: string, subject: string): string {
  return `oidc-${createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 32)}@id.invalid`;
}

export type PersonFound = 'identity' | 'email' | 'created';

/**
 * The person behind an identity: the one it is linked to; else the person with the same e-mail address
 * when the provider verified it (or is trusted to), linking the identity; else a new person without
 * memberships. An unverified address that belongs to someone else is not used: the new person gets a
 * placeholder address instead, and an administrator links people by invitation.
 */
export async function findOrCreatePerson(db: Db, identity: OidcIdentity, trustEmail: boolean): Promise<{ user: UserRow; found: PersonFound }> {
  return db.transaction(async (tx) => {
    const linkedId = await userIdForIdentity(tx, identity.issuer, identity.subject);
    const linked = linkedId ? await findUserById(tx, linkedId) : null;
    if (linked) return { user: linked, found: 'identity' as const };

    const holder = identity.email ? await findUserByEmail(tx, identity.email) : null;
    const identityAudit = { entityType: 'user', organisationId: null, after: { method: 'oidc', issuer: identity.issuer } };
    if (holder && (identity.emailVerified || trustEmail)) {
      await linkIdentity(tx, holder.id, identity.issuer, identity.subject);
      await recordAudit(tx, { ...identityAudit, actor: personActor({ userId: holder.id, name: holder.name, email: holder.email }), action: 'identity-linked', entityId: holder.id });
      return { user: holder, found: 'email' as const };
    }

    const email = identity.email && !holder ? identity.email : placeholderEmail(identity.issuer, identity.subject);
    const user = await insertUser(tx, { email, name: identity.name ?? email, passwordHash: null });
    await linkIdentity(tx, user.id, identity.issuer, identity.subject);
    await recordAudit(tx, { ...identityAudit, actor: personActor({ userId: user.id, name: user.name, email: user.email }), action: 'user-created', entityId: user.id });
    return { user, found: 'created' as const };
  });
}
