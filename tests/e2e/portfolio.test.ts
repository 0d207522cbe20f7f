/**
 * The portfolio's pages in Chromium, signed in as the Moss region's coordinator: registering an initiative
 * (client checks, the live budget sum, a draft that survives a reload, a dialog before leaving it unsaved), editing it (and a version conflict
 * explained with nothing lost), a status change in its dialog, downloading exports, importing a CSV with a
 * preview and progress, the dashboard's charts with their tables, and the main flow by keyboard — axe on
 * every page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/accounts.js';
import { startAppServer } from '../support/app-server.js';
import { axeViolations, mainHeading, openPage } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { seedTenants, type Tenants } from '../support/tenants.js';

let tenants: Tenants;
const suite = browserSuite({
  startServer: async () => {
    const app = await startAppServer();
    tenants = await seedTenants(app.database.db);
    return app;
  },
});

let page: Page;
beforeEach(async () => {
  page = suite.page();
  const response = await page.request.post('/api/auth/sign-in', { data: { email: tenants.people.regionCoordinator, password: TEST_PASSWORD } });
  expect(response.status()).toBe(204);
});

const heading = () => mainHeading(page);
const open = (path: string, title: string | RegExp) => openPage(page, path, title);

async function expectAxeClean(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Creates an initiative through the API (the page's own cookies and CSRF token). */
async function createInitiative(body: Record<string, unknown>): Promise<{ id: string; version: number; title: string }> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/portfolio/initiatives', { data: { organisationId: tenants.moss, ...body }, headers: { 'x-csrf-token': session.csrfToken } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; version: number; title: string };
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(selector: string, maxTabs = 80): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

describe('the portfolio in the browser', () => {
  it('registers an initiative: checks before sending, sums the budget lines live, keeps a draft over a reload', async () => {
    await open('/portefolje/ny', 'Nytt initiativ');
    await expectAxeClean();

    await page.getByLabel('Tittel', { exact: true }).fill('Kyststien – felles turvei');
    await page.getByLabel('Startdato').fill('2025-06-01');
    await page.getByLabel('Sluttdato').fill('2025-01-01');
    await page.getByLabel('Totalbudsjett', { exact: true }).fill('1 000 000');
    await page.getByRole('button', { name: 'Legg til budsjettlinje' }).click();
    await page.getByLabel('Beløp, linje 1').fill('600 000');
    await page.getByRole('button', { name: 'Legg til budsjettlinje' }).click();
    await page.getByLabel('Beløp, linje 2').fill('300000');
    await expect.poll(() => page.locator('.budget-sum').textContent()).toMatch(/900\s000.*100\s000.*under budsjettet/);

    // The draft survives a reload in the same tab.
    await page.reload();
    await expect.poll(() => page.getByLabel('Tittel', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('Kyststien – felles turvei');
    expect(await page.getByText('Vi har hentet fram endringene').count()).toBe(1);

    // Checked before sending: the end before the start, the lines off the budget — named at the fields.
    await page.getByRole('button', { name: 'Registrer initiativet' }).click();
    const summary = page.locator('.form-errors');
    await expect.poll(() => summary.textContent()).toContain('Sluttdatoen kan ikke være før startdatoen.');
    expect(await summary.textContent()).toContain('avviker');
    await expectAxeClean();

    await page.getByLabel('Sluttdato').fill('2026-12-31');
    await page.getByLabel('Beløp, linje 2').fill('400 000');
    await expect.poll(() => page.locator('.budget-sum').textContent()).toContain('som er lik budsjettet');
    await page.getByLabel('Partnere', { exact: false }).first().scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Legg til partner' }).click();
    await page.getByLabel('Navn, partner 1').fill('Strömstads kommun');
    await page.getByLabel('Land, partner 1').fill('se');
    await page.getByLabel('Kultur', { exact: false }).first().check();
    await page.getByRole('button', { name: 'Registrer initiativet' }).click();

    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Kyststien – felles turvei');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'er registrert' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Strömstads kommun (SE) – hovedpartner');
    await page.waitForLoadState('networkidle');
    await expectAxeClean();
  });

  it('asks in a dialog before the back button leaves unsaved changes, and keeps them as a draft', async () => {
    await open('/portefolje', 'Internasjonale initiativ');
    await page.getByRole('link', { name: 'Nytt initiativ' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Nytt initiativ');
    await page.getByLabel('Tittel', { exact: true }).fill('Grenseløs kulturskole');

    await page.goBack();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading').textContent()).toBe('Vil du gå fra skjemaet?');
    expect(await dialog.textContent()).toContain('utkast i denne fanen');
    await expectAxeClean();

    // Staying keeps the form, its address and what was typed.
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(new URL(page.url()).pathname).toBe('/portefolje/ny');
    expect(await page.getByLabel('Tittel', { exact: true }).inputValue()).toBe('Grenseløs kulturskole');

    await page.goBack();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Gå fra skjemaet' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Internasjonale initiativ');
    expect(new URL(page.url()).pathname).toBe('/portefolje');

    // Nothing typed was lost: the form brings the draft back.
    await page.goForward();
    await expect.poll(() => page.getByLabel('Tittel', { exact: true }).inputValue(), { timeout: 15_000 }).toBe('Grenseløs kulturskole');
    expect(await page.getByText('Vi har hentet fram endringene').count()).toBe(1);
  });

  it('edits an initiative, and explains a version conflict without losing what was typed', async () => {
    const initiative = await createInitiative({ title: 'Unionsleden', summary: 'Sykkelled mellom Norge og Sverige' });
    await open(`/portefolje/${initiative.id}/rediger`, /Endre initiativ: Unionsleden/);
    await expectAxeClean();
    await page.getByLabel('Tittel', { exact: true }).fill('Unionsleden – sykkelturisme');

    // Someone else saves meanwhile.
    const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const other = await page.request.put(`/api/portfolio/initiatives/${initiative.id}`, {
      data: { organisationId: tenants.moss, title: 'Unionsleden', summary: 'Endret av en kollega', version: initiative.version },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(other.status()).toBe(200);

    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Noen andre har lagret initiativet' });
    await expect.poll(() => conflict.count()).toBe(1);
    expect(await conflict.textContent()).toContain('Endret av en kollega');
    expect(await page.getByLabel('Tittel', { exact: true }).inputValue()).toBe('Unionsleden – sykkelturisme');
    await expectAxeClean();

    await page.getByRole('button', { name: 'Behold mine endringer (lagre over)' }).click();
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Unionsleden – sykkelturisme');
  });

  it('changes the status through its dialog, offering only the allowed steps, and shows it in the history', async () => {
    const initiative = await createInitiative({ title: 'Erasmus+ i skolene' });
    await open(`/portefolje/${initiative.id}`, 'Erasmus+ i skolene');
    await expectAxeClean();
    await page.getByRole('button', { name: 'Endre status' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const options = await dialog.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value));
    expect(options).toEqual(['pre-project', 'application', 'withdrawn']);
    await expectAxeClean();
    await dialog.getByLabel('Forprosjekt').check();
    await dialog.getByLabel('Kommentar (valgfritt)').fill('Forprosjektmidler fra fylket');
    await dialog.getByRole('button', { name: 'Lagre status' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Status er endret til Forprosjekt' }).count()).toBe(1);
    await expect.poll(() => page.locator('.portfolio-timeline').textContent()).toContain('Status: Idé → Forprosjekt');
    expect(await page.locator('.portfolio-timeline').textContent()).toContain('Forprosjektmidler fra fylket');
  });

  it('lists with filters in the address, and downloads exactly what they show', async () => {
    await createInitiative({ title: 'Mona-prosjektet', sectors: ['health-social'] });
    await createInitiative({ title: 'Vennskapsby i Polen' });
    await open('/portefolje', 'Internasjonale initiativ');
    await expectAxeClean();
    await page.getByLabel('Søk i initiativ').fill('Mona');
    await expect.poll(() => page.url()).toContain('q=Mona');
    await expect.poll(() => page.locator('.result-count').textContent()).toBe('1 initiativ');
    await page.getByRole('checkbox', { name: 'Idé' }).check();
    await expect.poll(() => page.url()).toContain('status=idea');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned CSV' }).click()]);
    expect(download.url()).toContain('q=Mona');
    expect(download.url()).toContain('status=idea');
    const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(text).toContain('Mona-prosjektet');
    expect(text).not.toContain('Vennskapsby i Polen');
  });

  it('shows the dashboard: figures, each chart as a figure with its table, and an export', async () => {
    await createInitiative({ title: 'Kyststien', startDate: '2024-01-01', endDate: '2026-12-31', currency: 'NOK', budgetAmount: '500000', budgetLines: [{ kind: 'grant', label: 'Interreg', amount: '300000' }, { kind: 'own-share', label: 'Moss', amount: '200000' }], sectors: ['culture'] });
    await open(`/portefolje/oversikt?organisation=${tenants.region}`, 'Oversikt for ledelsen');
    await expect.poll(() => page.locator('figure.chart').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
    const byStatus = page.locator('figure.chart').first();
    expect(await byStatus.locator('svg[role="img"] title').first().textContent()).toBe('Antall initiativ etter status');
    await byStatus.getByText('Vis tallene som tabell').click();
    expect(await byStatus.locator('table').textContent()).toContain('Idé');
    await expectAxeClean();
    const pdf = page.getByRole('link', { name: 'Rapport til politisk møte (PDF)' });
    expect(await pdf.getAttribute('href')).toContain(`organisation=${tenants.region}`);
  });

  it('imports a CSV: preview per row, nothing until every row is right, then the commit with progress', async () => {
    await open('/portefolje/import', 'Importer initiativ');
    await expectAxeClean();
    const bad = ['tittel;status;start;slutt;budsjett;valuta', 'Vennskapsskoler;idé;2025-01-01;2025-12-31;10000;NOK', ';idé;2025-01-01;;;NOK'].join('\n');
    await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'initiativ.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await page.getByRole('button', { name: 'Se hva som blir importert' }).click();
    await expect.poll(() => page.locator('.portfolio-section table').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('1 rad har feil').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Importer \d+ initiativ$/ }).count()).toBe(0);
    await expectAxeClean();

    const good = ['tittel;status;start;slutt;budsjett;valuta', 'Vennskapsskoler;idé;2025-01-01;2025-12-31;10000;NOK', 'Kulturutveksling Gdańsk;idé;2025-03-01;2026-02-28;25000;NOK'].join('\n');
    await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({ name: 'initiativ.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'utf8') });
    await page.getByRole('button', { name: 'Se hva som blir importert' }).click();
    await page.getByRole('button', { name: 'Importer 2 initiativ' }).click();
    await expect.poll(() => page.getByText('Ferdig: 2 initiativ er importert.').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('link', { name: 'Se de importerte initiativene' }).click();
    await expect.poll(() => page.locator('.initiative-list').textContent(), { timeout: 15_000 }).toContain('Kulturutveksling Gdańsk');
  });

  it('saves a navigator result as a new initiative, with programme, focus area and the idea filled in', async () => {
    const idea = 'Teknisk etat vil samarbeide med en kommune i Värmland om klimatilpasning, overvann og flom.';
    const question = { idea, type: 'municipality', country: 'NO', municipality: '3103', sector: 'technical', projectType: 'main-project', budget: '3000000', months: '36', partner: 'SE:17:municipality' };
    await page.goto(`/navigator?${new URLSearchParams(question).toString()}`);
    const firstCard = page.locator('.result-list > li').first();
    await expect.poll(() => firstCard.count(), { timeout: 20_000 }).toBe(1);
    await firstCard.getByText('Lagre som initiativ i porteføljen').click();
    await firstCard.getByLabel('Hvem eier initiativet').selectOption({ label: '\u2003\u2003Moss kommune' });
    await firstCard.getByRole('button', { name: /^Lagre idé med / }).click();
    const saved = firstCard.getByRole('status').filter({ hasText: 'Lagret som idé:' });
    await expect.poll(() => saved.count()).toBe(1);
    await expectAxeClean();
    await saved.getByRole('link').click();
    await expect.poll(() => page.locator('.facts').textContent(), { timeout: 15_000 }).toContain('Moss kommune');
    expect(await page.locator('main').textContent()).toContain(idea);
    expect(await page.locator('.portfolio-page-head').textContent()).toContain('Idé');
  });

  it('takes the main flow by keyboard: from the list to a new initiative, registered', async () => {
    await open('/portefolje', 'Internasjonale initiativ');
    await tabTo('a[href="/portefolje/ny"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Nytt initiativ');
    await tabTo('input[id="initiative-title"]');
    await page.keyboard.type('Kompetanseutveksling med Åland');
    await tabTo('button[type="submit"]', 400);
    await page.keyboard.press('Enter');
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Kompetanseutveksling med Åland');
    // Focus moves to the new page's heading, where reading starts.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });
});
