/**
 * A real OpenID provider (the `oidc-provider` package) on a free loopback port, with one confidential
 * client that must use PKCE, test accounts, and the package's own development login page (any password
 * is accepted; the login name is the account id). Consent is granted automatically, as ID-porten does.
 * `signIn` drives that login page over plain HTTP, as a browser would, for API tests.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import Provider, { type OidcContext } from 'oidc-provider';
import { DEFAULT_OIDC_SCOPES, type OidcSettings } from '../../src/accounts/oidc.js';

/** Standard claims of a test person; the account id is the subject. */
export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  preferred_username?: string;
}

export interface TestOidcProvider {
  issuer: string;
  /** Settings for the app under test, pointing at this provider. */
  settings: OidcSettings;
  /** Logs `accountId` in on the provider's login page; returns the address the provider sends the browser back to. */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
  /** Presses "cancel" on the provider's login page; the answer carries error=access_denied. */
  cancel(authorizationUrl: string): Promise<URL>;
  stop(): Promise<void>;
}

const CLIENT_ID = 'mulighetsrom-test';
const CLIENT_SECRET = 'test-client-secret-that-is-long-enough';

export async function startOidcProvider(options: { redirectUris: string[]; accounts: Record<string, TestAccount> }): Promise<TestOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const signingKey = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: options.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [signingKey] },
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name', 'preferred_username'] },
    features: { devInteractions: { enabled: true } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Grant: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx: unknown, id: string) {
      const account = options.accounts[id];
      return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
    // Consent granted on first sign-in, so the login page is the only interaction.
    async loadExistingGrant(ctx: OidcContext) {
      const { provider: self, client, session, params, result } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return self.Grant.find(grantId);
      const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(params.scope ?? 'openid');
      await grant.save();
      return grant;
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('test OpenID provider failed:', error));
  server.on('request', provider.callback());

  /** Follows the provider's redirects with its cookies, acting on its login page, until it sends the browser elsewhere. */
  async function drive(authorizationUrl: string, onLoginPage: (page: string) => { url: string; form?: Record<string, string> }): Promise<URL> {
    const cookies = new Map<string, string>();
    let next: { url: string; form?: Record<string, string> } = { url: authorizationUrl };
    for (let step = 0; step < 10; step++) {
      if (!next.url.startsWith(`${issuer}/`)) return new URL(next.url);
      const response = await fetch(next.url, {
        method: next.form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '), ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: next.form ? new URLSearchParams(next.form).toString() : undefined,
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair = ''] = header.split(';');
        const [name = '', value = ''] = pair.split(/=(.*)/s);
        if (value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) next = { url: new URL(location, next.url).href };
      else if (response.status === 200) next = onLoginPage(await response.text());
      else throw new Error(`the test provider answered ${response.status} at ${next.url}: ${await response.text()}`);
    }
    throw new Error('the test provider kept redirecting');
  }

  const unescape = (html: string) => html.replace(/&amp;/g, '&').replace(/&#x2F;/g, '/').replace(/&#x3D;/g, '=');
  const find = (page: string, pattern: RegExp, what: string) => {
    const match = pattern.exec(page)?.[1];
    if (!match) throw new Error(`no ${what} on the test provider's page:\n${page}`);
    return new URL(unescape(match), issuer).href;
  };

  return {
    issuer,
    settings: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: DEFAULT_OIDC_SCOPES, tokenAuthMethod: 'client_secret_basic', displayName: 'Testleverandør', trustEmail: false },
    signIn: (authorizationUrl, accountId) =>
      drive(authorizationUrl, (page) => ({ url: find(page, /<form[^>]*action="([^"]+)"/, 'login form'), form: { prompt: 'login', login: accountId, password: 'any' } })),
    cancel: (authorizationUrl) => drive(authorizationUrl, (page) => ({ url: find(page, /href="([^"]*\/abort)"/, 'cancel link') })),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
