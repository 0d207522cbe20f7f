import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './app-server.js';
import { launchBrowser } from './browser.js';

export interface BrowserSuiteOptions {
  /** Starts the product under test (and whatever it needs); a plain `startAppServer()` by default. */
  startServer?: () => Promise<Pick<AppServer, 'url' | 'stop'>>;
}

/**
 * One running product and one browser for a test file, and a fresh page (own storage, bokmål locale) for
 * each test. Call at the top level of the file; read the page in each test through `page()`.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): { page: () => Page } {
  let server: Pick<AppServer, 'url' | 'stop'> | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await (options.startServer ?? (() => startAppServer()))();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    await context?.close();
    // bypassCSP only lets the test inject axe-core; the app itself runs under its real policy.
    context = await browser!.newContext({ locale: 'nb-NO', baseURL: server!.url, bypassCSP: true });
    page = await context.newPage();
  });
  return { page: () => page! };
}
