import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import nn from '../../web/src/locales/nn.json' with { type: 'json' };
import sv from '../../web/src/locales/sv.json' with { type: 'json' };

const suite = browserSuite();
let page: Page;
beforeEach(() => {
  page = suite.page();
});

const heading = () => page.locator('main h1').first();

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(predicate: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((p) => document.activeElement?.matches(p) ?? false, predicate)) return;
  }
  throw new Error(`could not reach ${predicate} by keyboard`);
}

describe('catalogue in the browser', () => {
  it.each(['/', '/programmes', '/programmes/interreg-sverige-norge', '/programmes/horizon-europe', '/programmes?q=klima&sector=technical', '/about', '/accessibility', '/programmes/does-not-exist'])(
    '%s has no axe violations',
    async (path) => {
      await page.goto(path);
      await heading().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    },
  );

  it('searches, filters and opens a programme by keyboard alone', async () => {
    await page.goto('/');
    await tabTo('input[type="search"]');
    await page.keyboard.type('erasmus');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/programmes\?q=erasmus/);
    await expect.poll(() => page.locator('.programme-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('.programme-list li h2').first().textContent()).toContain('Erasmus+');

    await tabTo('input[name="sector"][value="education"]');
    await page.keyboard.press('Space');
    await page.waitForURL(/sector=education/);

    await tabTo('.programme-list a');
    const linkText = await page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/programmes\/[a-z0-9-]+$/);
    await expect.poll(() => heading().textContent()).toBe(linkText);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.keyboard.press('Shift+Tab');
    await tabTo('#language-select');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nn');
  });

  it('searches as the user types and keeps the search in the URL', async () => {
    await page.goto('/programmes');
    await page.getByLabel('Søk i ordningene').fill('interreg sverge');
    await page.waitForURL(/q=interreg\+sverge/);
    await expect.poll(() => page.locator('.programme-list li h2').first().textContent()).toContain('Sverige');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'ordning' }).textContent()).toMatch(/Ingen treff på «interreg sverge»\. Viser \d+ ordninger for «interreg sverige»\./);
    await page.reload();
    expect(await page.getByLabel('Søk i ordningene').inputValue()).toBe('interreg sverge');
  });

  it('keeps a filter chosen while the typed search is still pending', async () => {
    await page.goto('/programmes');
    await page.getByLabel('Søk i ordningene').fill('kultur');
    await page.locator('input[name="sector"][value="culture"]').click(); // within the typing delay
    await expect.poll(() => new URL(page.url()).search).toMatch(/q=kultur/);
    await expect.poll(() => new URL(page.url()).searchParams.getAll('sector')).toEqual(['culture']);
    await expect.poll(() => page.locator('input[name="sector"][value="culture"]').isChecked()).toBe(true);
  });

  it('folds the filters away on a phone, so the results come first, and opens them by keyboard', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/programmes?q=skole&sector=education');
    await page.locator('.programme-list li').first().waitFor();
    const toggle = page.getByRole('button', { name: 'Vis filtre (1 filter i bruk)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('input[name="sector"][value="education"]').isVisible()).toBe(false);
    const listTop = await page.locator('.programme-list').evaluate((list) => list.getBoundingClientRect().top);
    expect(listTop).toBeLessThan(1600);
    await tabTo('.filters-toggle');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Skjul filtre (1 filter i bruk)' }).getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('input[name="sector"][value="education"]').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await page.locator('.filters-toggle').isVisible()).toBe(false);
    expect(await page.locator('input[name="sector"][value="education"]').isVisible()).toBe(true);
  });

  it('switches language, and the choice persists', async () => {
    await page.goto('/programmes/interreg-sverige-norge');
    await heading().waitFor();
    await page.getByLabel('Språk').selectOption('nn');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await expect.poll(() => page.locator('#facts').textContent()).toBe(nn.programme.keyFacts);
    expect(await page.locator('#priorities').textContent()).toBe(nn.programme.priorities_other.replace('{{count}}', '8'));
    await page.reload();
    await heading().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');
    await page.getByLabel('Språk').selectOption('sv');
    await expect.poll(() => page.locator('#priorities').textContent()).toBe(sv.programme.priorities_other.replace('{{count}}', '8'));
  });

  it.each(['/', '/programmes?q=skole', '/programmes/interreg-sverige-norge', '/navigator'])('%s reflows on a phone without sideways scrolling (WCAG 1.4.10)', async (path) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(path);
    await heading().waitFor();
    await page.waitForLoadState('networkidle');
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((element) => `${element.tagName.toLowerCase()}.${String(element.className)} ${(element.textContent ?? '').slice(0, 40)}`),
    );
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('answers an unknown programme with a 404 page', async () => {
    const response = await page.goto('/programmes/does-not-exist');
    expect(response?.status()).toBe(404);
    await expect.poll(() => heading().textContent()).toBe('Fant ikke siden');
  });

  it('explains a page that cannot be loaded (its chunk gone after an update) in the user\'s language, inside the layout', async () => {
    await page.route('**/assets/AboutPage-*.js', (route) => route.abort());
    await page.goto('/about');
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Siden kunne ikke vises');
    expect(await page.getByRole('button', { name: 'Last siden på nytt' }).isVisible()).toBe(true);
    expect(await page.locator('header nav').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows where each fact comes from and when it was checked', async () => {
    await page.goto('/programmes/interreg-sverige-norge');
    await heading().waitFor();
    const sources = page.locator('#sources + ol li');
    await sources.first().waitFor();
    expect(await sources.count()).toBeGreaterThan(0);
    expect(await sources.first().textContent()).toMatch(/sjekket \d{1,2}\. \w+ 20\d\d/);
    expect(await page.locator('.provenance').count()).toBeGreaterThan(5);
  });
});
