/**
 * The administration pages in Chromium: a county with a municipality and its units, administered by the
 * county's administrator. The tree by keyboard and filter, an invitation that really goes out by SMTP,
 * role changes (and the last-administrator rule), removal, the audit trail with its pages in the address,
 * creating and deleting an organisation, retention, and axe on every page, also at 320 px.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import type { Organisation, OrganisationRegistry } from '../../src/organisations/organisation.js';
import type { Actor } from '../../src/platform/audit/audit.js';
import { createMailer } from '../../src/platform/mail/mailer.js';
import { TEST_PASSWORD, createTestUser } from '../support/accounts.js';
import { startAppServer } from '../support/app-server.js';
import { axeViolations } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';

const SEED: Actor = { userId: null, label: 'seed' };
const ADMIN_EMAIL = 'ada@ostfold.example';
const UNIT_COUNT = 55;
const quietLog = { info: () => undefined, warn: () => undefined };

/** Enhetsregisteret as the lookup sees it: one known number (Brønnøysundregistrene's own). */
const REGISTERED: Organisation = {
  number: '974760673',
  name: 'REGISTERENHETEN I BRØNNØYSUND',
  kind: 'unit',
  parentNumber: null,
  organisationForm: null,
  industry: null,
  municipalityNumber: null,
  municipalityName: null,
  postalCode: null,
  postalPlace: null,
  address: [],
  website: null,
  deleted: false,
  deletedOn: null,
};
const registry: OrganisationRegistry = {
  lookup: async (number) => (number === REGISTERED.number ? REGISTERED : null),
  search: async ({ page, pageSize }) => ({ items: [], total: 0, page, pageSize }),
};

let smtp: TestSmtp;
const ids = { county: '', moss: '', verket: '' };

const suite = browserSuite({
  startServer: async () => {
    smtp = await startTestSmtp();
    const app = await startAppServer({ mailer: createMailer({ smtpUrl: smtp.url, from: 'Mulighetsrom <test@mulighetsrom.localhost>' }, quietLog), organisationRegistry: registry });
    const db = app.database.db;
    ids.county = (await createOrganisation(db, { kind: 'county', name: 'Østfold fylkeskommune' }, null, SEED)).id;
    ids.moss = (await createOrganisation(db, { kind: 'municipality', name: 'Moss kommune' }, ids.county, SEED)).id;
    ids.verket = (await createOrganisation(db, { kind: 'unit', name: 'Verket skole' }, ids.moss, SEED)).id;
    // A long tree, and more audit events than one page holds.
    for (let n = 1; n <= UNIT_COUNT; n++) await createOrganisation(db, { kind: 'unit', name: `Moss barnehage ${String(n).padStart(2, '0')}` }, ids.moss, SEED);
    const people: Array<[string, string, string, 'administrator' | 'editor' | 'reader']> = [
      [ADMIN_EMAIL, 'Ada Administrator', ids.county, 'administrator'],
      ['mona@moss.example', 'Mona Moss', ids.moss, 'administrator'],
      ['rolf@moss.example', 'Rolf Redaktør', ids.moss, 'editor'],
      ['lise@moss.example', 'Lise Leser', ids.moss, 'reader'],
      ['rita@verket.example', 'Rita Rektor', ids.verket, 'reader'],
    ];
    for (const [email, name, organisationId, role] of people) {
      const user = await createTestUser(db, email, { name });
      await setMembership(db, user.id, organisationId, role, SEED);
    }
    return {
      url: app.url,
      stop: async () => {
        await app.stop();
        await smtp.stop();
      },
    };
  },
});

let page: Page;
beforeEach(async () => {
  page = suite.page();
  // page.request shares the page's cookies: the browser is signed in from here on.
  const response = await page.request.post('/api/auth/sign-in', { data: { email: ADMIN_EMAIL, password: TEST_PASSWORD } });
  expect(response.status()).toBe(204);
});

const heading = () => page.locator('main h1').first();
const status = (text: string) => page.getByRole('status').filter({ hasText: text });

async function open(path: string, title: string): Promise<void> {
  await page.goto(path);
  await expect.poll(() => heading().textContent()).toBe(title);
  await page.waitForLoadState('networkidle');
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(selector: string, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

const focused = () => page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent }));

describe('administration pages in the browser', () => {
  it('walks the organisation tree by keyboard and narrows it with the filter', async () => {
    await open('/admin', 'Administrasjon');
    expect(await axeViolations(page)).toEqual([]);

    // The top level is open; the municipality's units are not shown until asked for.
    const toggle = page.getByRole('button', { name: 'Organisasjonene under Moss kommune' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Verket skole' }).count()).toBe(0);
    await expect.poll(() => page.locator('.org-tree').first().textContent()).toContain('Kommune');

    await tabTo('button[aria-label="Organisasjonene under Moss kommune"]');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await tabTo(`a[href="/admin/organisasjoner/${ids.verket}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/admin/organisasjoner/${ids.verket}`);
    await expect.poll(focused).toEqual({ tag: 'H1', text: 'Verket skole' });

    await open('/admin', 'Administrasjon');
    await page.getByLabel('Filtrer organisasjoner').fill('barnehage 4');
    await expect.poll(() => status('10 organisasjoner passer').count()).toBe(1);
    expect(await page.getByRole('link', { name: /Moss barnehage 4\d/ }).count()).toBe(10);
    expect(await page.getByRole('link', { name: 'Verket skole' }).count()).toBe(0);
    await page.getByLabel('Filtrer organisasjoner').fill('Halden');
    await expect.poll(() => status('Ingen organisasjoner passer «Halden».').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('invites, changes roles, keeps the last administrator, removes a member, and shows it all in the audit trail', async () => {
    await open(`/admin/organisasjoner/${ids.moss}`, 'Moss kommune');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('E-postadresse').fill('nora@moss.example');
    await page.getByLabel('Rolle', { exact: true }).selectOption('editor');
    await page.getByLabel('Språk i e-posten').selectOption('nn');
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await expect.poll(() => status('Invitasjonen er sendt til nora@moss.example med rollen Redaktør.').count()).toBe(1);
    const invitationRow = page.locator('tr', { hasText: 'nora@moss.example' });
    await expect.poll(() => invitationRow.textContent()).toContain('Venter');
    expect(await page.getByLabel('E-postadresse').inputValue()).toBe('');
    const mail = await smtp.waitForMessage('nora@moss.example');
    expect(mail.text).toContain('Moss kommune');
    expect(mail.text).toMatch(/\/invitasjon#\S+/);
    expect(mail.text).toContain('Om du ikkje venta denne invitasjonen'); // nynorsk, as chosen

    await page.getByLabel('Rolle for Rolf Redaktør').selectOption('coordinator');
    await page.getByRole('button', { name: 'Lagre rollen til Rolf Redaktør' }).click();
    await expect.poll(() => status('Rollen til Rolf Redaktør er endret til Koordinator.').count()).toBe(1);

    // Mona is Moss's only administrator: the refusal stands next to her role, which stays as typed.
    const monaRole = page.getByLabel('Rolle for Mona Moss');
    await monaRole.selectOption('reader');
    await page.getByRole('button', { name: 'Lagre rollen til Mona Moss' }).click();
    const monaRow = page.locator('tr', { hasText: 'Mona Moss' });
    await expect.poll(() => monaRow.locator('.ds-validation-message').textContent()).toBe('Organisasjonen må ha minst én administrator igjen.');
    expect(await monaRole.getAttribute('aria-invalid')).toBe('true');
    expect(await monaRole.inputValue()).toBe('reader');

    await page.getByRole('button', { name: 'Fjern Lise Leser' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Fjerne Lise Leser?');
    await expect.poll(focused).toEqual({ tag: 'BUTTON', text: 'Avbryt' });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Fjern', exact: true }).click();
    await expect.poll(() => status('Lise Leser er fjernet fra organisasjonen.').count()).toBe(1);
    await expect.poll(() => page.locator('tr', { hasText: 'Lise Leser' }).count()).toBe(0);
    await expect.poll(focused).toEqual({ tag: 'H2', text: 'Medlemmer' });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Logg for Moss kommune' }).click();
    await expect.poll(() => heading().textContent()).toBe('Logg for Moss kommune');
    await page.waitForLoadState('networkidle');
    const rows = page.locator('.audit-table tbody tr');
    const actions = await rows.locator('td:nth-child(3)').allTextContents();
    expect(actions.slice(0, 3)).toEqual(['Medlem fjernet', 'Rolle endret', 'Invitasjon sendt']);
    expect(await rows.first().locator('td:nth-child(2)').textContent()).toBe('Ada Administrator <ada@ostfold.example>');
    const roleChange = rows.nth(1);
    await roleChange.getByText(/^Vis \d endring/).click();
    await expect.poll(() => roleChange.locator('.audit-changes').textContent()).toMatch(/Rolle:.*Redaktør.*Koordinator/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('pages through the audit trail with the page in the address', async () => {
    await open(`/admin/organisasjoner/${ids.county}/logg`, 'Logg for Østfold fylkeskommune');
    await expect.poll(() => page.locator('caption').textContent()).toMatch(/hendelser – side 1 av 2$/);
    await page.getByRole('button', { name: 'Neste side' }).click();
    await page.waitForURL(/\?side=2$/);
    await expect.poll(() => page.locator('caption').textContent()).toMatch(/side 2 av 2$/);
    await page.reload();
    await expect.poll(() => page.locator('caption').textContent()).toMatch(/side 2 av 2$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('creates an organisation with the name from Enhetsregisteret, then deletes it', async () => {
    await open(`/admin/organisasjoner/ny?over=${ids.moss}`, 'Ny organisasjon');
    expect(await page.getByLabel('Ligger under').inputValue()).toBe(ids.moss);
    expect(await page.getByLabel('Type organisasjon').inputValue()).toBe('unit');
    expect(await axeViolations(page)).toEqual([]);

    const orgNumber = page.getByLabel('Organisasjonsnummer');
    await orgNumber.fill('123456789');
    await expect.poll(() => page.getByText('Kontrollsifferet stemmer ikke. Sjekk at nummeret er skrevet riktig.').count()).toBe(1);
    await orgNumber.fill('974 760 673');
    await expect.poll(() => page.getByLabel('Navn').inputValue()).toBe('REGISTERENHETEN I BRØNNØYSUND');
    expect(await status('Enhetsregisteret: REGISTERENHETEN I BRØNNØYSUND').count()).toBe(1);
    await page.getByLabel('Navn').fill('Moss frivilligsentral');
    await page.getByRole('button', { name: 'Opprett organisasjonen' }).click();

    await expect.poll(() => heading().textContent()).toBe('Moss frivilligsentral');
    await expect.poll(() => status('Moss frivilligsentral er opprettet.').count()).toBe(1);
    await page.getByRole('button', { name: 'Slett Moss frivilligsentral' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Slett for godt' }).click();
    await expect.poll(() => heading().textContent()).toBe('Moss kommune');
    await expect.poll(() => status('Moss frivilligsentral er slettet.').count()).toBe(1);

    // Moss has organisations below it: the refusal is said in the dialog.
    await page.getByRole('button', { name: 'Slett Moss kommune' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Slett for godt' }).click();
    await expect.poll(() => page.getByRole('dialog').getByRole('alert').textContent()).toContain('Flytt eller slett dem først.');
  });

  it('sets retention for the top-level organisation and explains a refused value at the field', async () => {
    await open(`/admin/organisasjoner/${ids.county}`, 'Østfold fylkeskommune');
    const auditMonths = page.getByLabel('Logg', { exact: true });
    await expect.poll(() => auditMonths.inputValue()).toBe('60');
    await auditMonths.fill('3');
    await page.getByRole('button', { name: 'Lagre lagringstid' }).click();
    await expect.poll(() => page.locator('#retention-auditMonths').getAttribute('aria-invalid')).toBe('true');
    expect(await auditMonths.inputValue()).toBe('3');
    await auditMonths.fill('36');
    await page.getByRole('button', { name: 'Lagre lagringstid' }).click();
    await expect.poll(() => status('Lagringstiden er lagret.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    // Only a top-level organisation has retention settings.
    await open(`/admin/organisasjoner/${ids.moss}`, 'Moss kommune');
    expect(await page.getByRole('heading', { name: 'Lagringstid' }).count()).toBe(0);
  });

  it('shows a clear page for an organisation that does not exist or is out of reach', async () => {
    await open('/admin/organisasjoner/00000000-0000-4000-8000-000000000000', 'Fant ikke organisasjonen');
    expect(await axeViolations(page)).toEqual([]);
    await open('/admin/organisasjoner/not-an-id/logg', 'Fant ikke organisasjonen');
  });

  it('shows a reader only what a reader may do, and a clear page where the role does not reach', async () => {
    await page.context().clearCookies();
    expect((await page.request.post('/api/auth/sign-in', { data: { email: 'rita@verket.example', password: TEST_PASSWORD } })).status()).toBe(204);
    await open(`/admin/organisasjoner/${ids.verket}`, 'Verket skole');
    expect(await page.locator('tr', { hasText: 'Rita Rektor' }).textContent()).toContain('Leser');
    expect(await page.locator('main').getByRole('combobox').count()).toBe(0);
    for (const name of ['Invitasjoner', 'Slett organisasjonen', 'Lagringstid']) expect(await page.getByRole('heading', { name }).count(), name).toBe(0);
    expect(await page.getByRole('button', { name: /^Fjern / }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Logg for Verket skole' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await open(`/admin/organisasjoner/${ids.verket}/logg`, 'Du har ikke tilgang');
    await open(`/admin/organisasjoner/${ids.moss}`, 'Fant ikke organisasjonen');
  });

  it('fits a 320 px wide screen on every administration page', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    const pages: Array<[string, string]> = [
      ['/admin', 'Administrasjon'],
      [`/admin/organisasjoner/${ids.moss}`, 'Moss kommune'],
      [`/admin/organisasjoner/${ids.moss}/logg`, 'Logg for Moss kommune'],
      ['/admin/organisasjoner/ny', 'Ny organisasjon'],
    ];
    for (const [path, title] of pages) {
      await open(path, title);
      // Wide tables scroll inside their own labelled region; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});
