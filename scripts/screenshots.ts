/**
 * Takes screenshots of the main pages in every language, to look at what users see:
 *   npx tsx scripts/screenshots.ts [outDir]   (needs `npm run build` first)
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { startAppServer } from '../tests/support/app-server.js';
import { launchBrowser } from '../tests/support/browser.js';

const PAGES = [
  ['home', '/'],
  ['catalogue', '/programmes'],
  ['search', '/programmes?q=klimatilpasning'],
  ['programme', '/programmes/interreg-sverige-norge'],
  ['not-found', '/programmes/does-not-exist'],
] as const;
const LANGUAGES = (process.env.LANGUAGES ?? 'nb,nn,sv,en').split(',');

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
await mkdir(outDir, { recursive: true });
const server = await startAppServer();
const browser = await launchBrowser();
try {
  for (const language of LANGUAGES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    await context.addInitScript((lang) => localStorage.setItem('mulighetsrom.language', lang), language);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[${language}] console: ${message.text()}`);
    });
    for (const [name, url] of PAGES) {
      await page.goto(url);
      await page.locator('main h1').first().waitFor({ timeout: 10_000 }).catch(() => console.error(`[${language}] ${url}: no h1`));
      await page.waitForLoadState('networkidle');
      const file = path.join(outDir, `${name}-${language}.png`);
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
