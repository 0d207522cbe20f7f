import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';

const suite = browserSuite();
let page: Page;
beforeEach(() => {
  page = suite.page();
});

const CLIMATE = new URLSearchParams({
  idea: 'Teknisk etat vil samarbeide med en kommune i Värmland om klimatilpasning, overvann og flom.',
  type: 'municipality',
  country: 'NO',
  municipality: '3103',
  sector: 'technical',
  projectType: 'main-project',
  budget: '3000000',
  months: '36',
  partner: 'SE:17:municipality',
});

describe('navigator in the browser', () => {
  it('has no axe violations, empty and with results', async () => {
    await page.goto('/navigator');
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/navigator?${CLIMATE}`);
    await page.locator('.result-card').first().waitFor();
    await page.locator('.result-card details summary').first().click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('answers an idea typed and submitted by keyboard alone, and keeps the question in the URL', async () => {
    await page.goto('/navigator');
    await page.locator('#nav-idea').waitFor();
    await page.locator('#nav-idea').focus();
    await page.keyboard.type('Skolen vår vil ha elevutveksling med en skole i Sverige.');
    await page.keyboard.press('Tab'); // to the applicant type
    for (const letter of 'Skole') await page.keyboard.press(letter === 'S' ? 'Shift+S' : letter);
    await page.locator('form.navigator-form button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/idea=Skolen/);
    await page.locator('.result-card').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('navigator-results');
    const first = await page.locator('.result-card h3').first().textContent();
    expect(first).toMatch(/Erasmus|Nordisk|Interreg/);
  });

  it('explains the verdict rule by rule, with grant and own share', async () => {
    await page.goto(`/navigator?${CLIMATE}`);
    const svn = page.locator('.result-card', { hasText: 'Sverige–Norge' }).first();
    await svn.waitFor();
    await svn.locator('summary', { hasText: 'Regl' }).click();
    expect(await svn.locator('.rule-list li').count()).toBeGreaterThanOrEqual(5);
    expect(await svn.textContent()).toMatch(/Anslått tilskudd.*1\s500\s000/);
    expect(await svn.textContent()).toMatch(/Egenandel/);
  });

  it('shows a bad budget at the field, keeps everything typed, and lets the user fix it', async () => {
    const bad = new URLSearchParams(CLIMATE);
    bad.set('budget', '-5');
    await page.goto(`/navigator?${bad}`);
    await page.getByRole('link', { name: /må være mellom/ }).waitFor(); // the error summary links to the field
    expect(await page.locator('#nav-idea').inputValue()).toContain('klimatilpasning');
    expect(await page.locator('#nav-budget').inputValue()).toBe('-5');
    expect(await page.locator('#nav-budget').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#nav-budget').fill('2000000');
    await page.locator('form.navigator-form button[type="submit"]').click();
    await page.locator('.result-card').first().waitFor();
  });

  it('keeps a draft when the page is left before searching', async () => {
    await page.goto('/navigator');
    await page.locator('#nav-idea').fill('Et kulturnettverk for festivaler i Norden');
    await page.waitForTimeout(500);
    await page.goto('/programmes');
    await page.goto('/navigator');
    expect(await page.locator('#nav-idea').inputValue()).toBe('Et kulturnettverk for festivaler i Norden');
  });
});
