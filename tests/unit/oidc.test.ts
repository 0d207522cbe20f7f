import { describe, expect, it } from 'vitest';
import { identityFromClaims, placeholderEmail } from '../../src/accounts/oidc.js';
import { safeReturnTo } from '../../src/accounts/oidc-routes.js';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

describe('where a sign-in returns to', () => {
  it.each([
    ['/organisasjoner?vis=medlemmer#liste', '/organisasjoner?vis=medlemmer#liste'],
    ['/', '/'],
    ['/a/../b', '/b'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['\\\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['relative/path', '/'],
    [`/${'x'.repeat(2000)}`, '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnTo(value)).toBe(expected);
  });
});

describe('the person in the claims', () => {
  const issuer = 'https://idp.example';

  it('prefers the ID token and fills the rest from userinfo, reading email_verified from the same source as the address', () => {
    expect(identityFromClaims({ iss: issuer, sub: 's', name: 'Kari' }, { sub: 's', name: 'Other', email: 'kari@moss.kommune.no', email_verified: true })).toEqual({
      issuer,
      subject: 's',
      email: 'kari@moss.kommune.no',
      emailVerified: true,
      name: 'Kari',
    });
    expect(identityFromClaims({ iss: issuer, sub: 's', email: 'a@b.no' }, { sub: 's', email: 'c@d.no', email_verified: true }).emailVerified).toBe(false);
  });

  it("uses Entra ID's preferred_username as an unverified address and joins given and family names", () => {
    expect(identityFromClaims({ iss: issuer, sub: 's', preferred_username: 'siri@valer.kommune.no', given_name: 'Siri', family_name: 'Våler' }, null)).toMatchObject({
      email: 'siri@valer.kommune.no',
      emailVerified: false,
      name: 'Siri Våler',
    });
    expect(identityFromClaims({ iss: issuer, sub: 's', preferred_username: 'not-an-address', email_verified: true }, null)).toMatchObject({ email: null, emailVerified: false, name: null });
  });

  it('accepts only a real true as email_verified', () => {
    expect(identityFromClaims({ iss: issuer, sub: 's', email: 'a@b.no', email_verified: 'true' }, null).emailVerified).toBe(false);
  });
});

describe('placeholder addresses', () => {
  it('are stable, differ by issuer and by subjects that differ only in case, and never reach a mailbox', () => {
    const address = placeholderEmail('https://idporten.no', 'AbC=');
    expect(address).toBe(placeholderEmail('https://idporten.no', 'AbC='));
    expect(address).not.toBe(placeholderEmail('https://idporten.no', 'abc='));
    expect(address).not.toBe(placeholderEmail('https://login.microsoftonline.com/t/v2.0', 'AbC='));
    expect(address).toMatch(/^oidc-[0-9a-f]{32}@id\.invalid$/);
  });
});

describe('OpenID Connect settings from the environment', () => {
  const oidcFrom = (env: Record<string, string>) => loadConfig(env).oidc;

  it('is off without issuer and client id, and on with them, with defaults', () => {
    expect(oidcFrom({})).toBeUndefined();
    expect(oidcFrom({ OIDC_ISSUER: 'https://test.idporten.no', OIDC_CLIENT_ID: 'abc' })).toEqual({
      issuer: 'https://test.idporten.no',
      clientId: 'abc',
      clientSecret: undefined,
      scopes: 'openid profile email',
      tokenAuthMethod: 'none',
      displayName: 'OpenID Connect',
      trustEmail: false,
    });
    expect(oidcFrom({ OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'abc', OIDC_CLIENT_SECRET: 's', OIDC_SCOPES: 'openid, profile', OIDC_DISPLAY_NAME: 'ID-porten', OIDC_TRUST_EMAIL: 'true' })).toMatchObject({
      scopes: 'openid profile',
      tokenAuthMethod: 'client_secret_basic',
      displayName: 'ID-porten',
      trustEmail: true,
    });
  });

  it.each([
    [{ OIDC_ISSUER: 'https://idporten.no' }, /both OIDC_ISSUER and OIDC_CLIENT_ID/],
    [{ OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'a' }, /https/],
    [{ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'a' }, /issuer address/],
    [{ OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'a', OIDC_SCOPES: 'profile email' }, /include openid/],
    [{ OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'a', OIDC_TOKEN_AUTH_METHOD: 'client_secret_post' }, /needs OIDC_CLIENT_SECRET/],
    [{ OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'a', OIDC_TOKEN_AUTH_METHOD: 'private_key_jwt' }, /one of/],
    [{ OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'a', OIDC_TRUST_EMAIL: 'yes' }, /true or false/],
  ])('refuses %o', (env, message) => {
    expect(() => oidcFrom(env)).toThrow(ConfigError);
    expect(() => oidcFrom(env)).toThrow(message);
  });

  it('accepts plain http for a provider on this machine only', () => {
    expect(oidcFrom({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'a' })?.issuer).toBe('http://127.0.0.1:4000');
  });
});
