/**
 * Sign-in through a real OpenID provider in Chromium: the app sends the browser to the provider's login
 * page, the person logs in there, and comes back signed in. The app sits behind a small TCP proxy, as
 * behind a reverse proxy in production, so its public address (and so the redirect URI registered at
 * the provider) is known before the app starts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createServer, connect, type Server } from 'node:net';
import type { Page } from 'playwright-core';
import { startAppServer } from '../support/app-server.js';
import { axeViolations } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';

/** Listens at once (so its address is known); forwards every connection to the port set with `forwardTo`. */
async function startProxy(): Promise<{ url: string; forwardTo(port: number): void; stop(): Promise<void> }> {
  let targetPort: number | undefined;
  const server: Server = createServer((socket) => {
    const upstream = connect(targetPort!, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    forwardTo: (port) => {
      targetPort = port;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let proxy: Awaited<ReturnType<typeof startProxy>>;
let idp: TestOidcProvider;

const suite = browserSuite({
  startServer: async () => {
    proxy = await startProxy();
    idp = await startOidcProvider({
      redirectUris: [`${proxy.url}/api/auth/oidc/callback`],
      accounts: { 'ingrid-sub': { email: 'ingrid@spetalen.no', email_verified: true, name: 'Ingrid Spetalen' } },
    });
    const app = await startAppServer({ oidc: { ...idp.settings, displayName: 'ID-porten' }, publicUrl: proxy.url });
    proxy.forwardTo(Number(new URL(app.url).port));
    return {
      url: proxy.url,
      stop: async () => {
        await app.stop();
        await idp.stop();
        await proxy.stop();
      },
    };
  },
});
let page: Page;
beforeEach(async () => {
  page = suite.page();
  // The provider's development pages import a web font; the test runs offline.
  await page.context().route('https://fonts.googleapis.com/**', (route) => route.abort());
});

const sessionState = () => page.evaluate(async () => (await fetch('/api/auth/session')).json() as Promise<{ user: { email: string; name: string } | null; methods: { oidc: boolean; oidcName: string } }>);

describe('sign-in through the OpenID provider in the browser', () => {
  it('logs in on the provider\'s page and comes back signed in, to the page it started from', async () => {
    await page.goto('/');
    expect(await sessionState()).toMatchObject({ user: null, methods: { oidc: true, oidcName: 'ID-porten' } });

    await page.goto('/api/auth/oidc/start?returnTo=/');
    expect(page.url().startsWith(`${idp.issuer}/interaction/`)).toBe(true);
    await page.locator('input[name="login"]').fill('ingrid-sub');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();

    await page.waitForURL(`${proxy.url}/`);
    await page.locator('main h1').first().waitFor();
    expect(await sessionState()).toMatchObject({ user: { email: 'ingrid@spetalen.no', name: 'Ingrid Spetalen' } });
    // The session cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).not.toContain('mr_session');
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lands on the sign-in page with a reason when the person cancels at the provider', async () => {
    await page.goto('/api/auth/oidc/start?returnTo=/');
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await page.waitForURL(`${proxy.url}/logg-inn?feil=innlogging-avbrutt`);
    expect((await sessionState()).user).toBeNull();
  });
});
