/**
 * The mapping survey in Chromium, as the pre-study ran it for Moss, Råde, Vestby and Våler: the region's
 * coordinator creates a round, invites units from the tree and by a list (a bad line is named with its
 * problem), opens it, and corrects a mistyped address (a new link goes to the new one); a unit's leader
 * answers through the e-mailed link on a phone, without an account, and finds the answers kept after a
 * reload; a wrong link says only that it does not work; the form works by keyboard; the summary shows the
 * response rate and charts with their tables, and exports XLSX and PDF;
 * a reader sees the round and its summary but does not run it; the opportunity analysis names the
 * joint-application candidates. Axe on every page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import { organisations } from '../../src/organisations/tables.js';
import type { MailMessage, Mailer } from '../../src/platform/mail/mailer.js';
import { createTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { startAppServer, type AppServer } from '../support/app-server.js';
import { axeViolations, mainHeading, openPage } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { pdfText } from '../support/pdf-text.js';
import { createSurveyFixture, type SurveyFixture } from '../support/survey-fixtures.js';
import { seedTenants, SETUP_ACTOR, type Tenants } from '../support/tenants.js';

const PUBLIC_URL = 'http://mulighetsrom.test';
const REGION_READER = 'leser@mosseregionen.example';
const ROUND_TITLE = 'Internasjonalt samarbeid i Mosseregionen 2025';
/** Erasmus+ as the catalogue names it in bokmål. */
const ERASMUS = /^Erasmus\+ – EUs program for utdanning/;
const mails: MailMessage[] = [];
const mailer: Mailer = { transport: 'log', send: async (message) => void mails.push(message) };

let server: AppServer;
let tenants: Tenants;
/** A round with 40 units' answers across the four municipalities, for the summary and the opportunities. */
let answered: SurveyFixture;
const suite = browserSuite({
  startServer: async () => {
    server = await startAppServer({ mailer, publicUrl: PUBLIC_URL });
    const db = server.database.db;
    tenants = await seedTenants(db);
    await db.update(organisations).set({ placeCode: '3103' }).where(eq(organisations.id, tenants.moss));
    const rade = await createOrganisation(db, { kind: 'municipality', name: 'Råde kommune', placeCode: '3112' }, tenants.region, SETUP_ACTOR);
    await createOrganisation(db, { kind: 'unit', name: 'Spetalen skole', placeCode: null }, rade.id, SETUP_ACTOR);
    answered = await createSurveyFixture(db, { organisationId: tenants.region, units: 40 });
    const reader = await createTestUser(db, REGION_READER, { name: 'Lise Leser' });
    await setMembership(db, reader.id, tenants.region, 'reader', SETUP_ACTOR);
    return server;
  },
});

let page: Page;
beforeEach(async () => {
  page = suite.page();
});

async function signIn(email: string): Promise<void> {
  const response = await page.request.post('/api/auth/sign-in', { data: { email, password: TEST_PASSWORD } });
  expect(response.status()).toBe(204);
}
const signInAsCoordinator = () => signIn(tenants.people.regionCoordinator);

const heading = () => mainHeading(page);
const open = (path: string, title: string | RegExp) => openPage(page, path, title);

async function expectAxeClean(on: Page = page): Promise<void> {
  expect(await axeViolations(on)).toEqual([]);
}

/** The path of the personal link in the last mail to `to`. */
function linkIn(to: string): string {
  const mail = mails.filter((m) => m.to === to).at(-1);
  expect(mail, `no mail to ${to}`).toBeDefined();
  const match = /http:\/\/mulighetsrom\.test(\/svar\/[A-Za-z0-9_-]{40,})/.exec(mail!.text);
  expect(match, mail!.text).not.toBeNull();
  return match![1]!;
}

/** A page on a phone (390 × 844, touch), with no account: the respondent's own browser. */
async function phonePage(): Promise<Page> {
  const context = await page.context().browser()!.newContext({ locale: 'nb-NO', baseURL: server.url, bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  return context.newPage();
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(on: Page, selector: string, maxTabs = 200): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await on.keyboard.press('Tab');
    if (await on.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

describe('the mapping survey in the browser', () => {
  it('lets the coordinator create a round, invite units from the tree and by a list, and open it', async () => {
    await signInAsCoordinator();
    await open('/kartlegging', 'Kartlegginger');
    expect(await page.locator('main table').textContent()).toContain('Kartlegging av internasjonalt samarbeid');
    await expectAxeClean();

    await page.getByRole('link', { name: 'Ny kartlegging' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Ny kartlegging');
    await expectAxeClean();
    expect(await page.getByLabel('Organisasjon').locator('option:checked').textContent()).toContain('Mosseregionen');
    await page.getByLabel('Tittel').fill(ROUND_TITLE);
    await page.getByLabel('Innledning til de som svarer').fill('Mosseregionen vil vite hva enhetene har gjort og vil gjøre internasjonalt.');
    await page.getByRole('button', { name: 'Opprett kartleggingen' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe(ROUND_TITLE);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('.survey-questions').count()).toBe(4);
    await expectAxeClean();

    // From the tree: Verket skole at its member's address, Spetalen skole at the head's address typed here.
    await page.getByRole('checkbox', { name: 'Verket skole' }).check();
    await page.getByRole('checkbox', { name: 'Spetalen skole' }).check();
    await page.getByLabel('E-post til Spetalen skole').fill('rektor@spetalen.example');
    await page.getByRole('button', { name: 'Inviter 2 enheter' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '2 inviterte lagt til.' }).count()).toBe(1);

    // By a list: two good lines, one address that is not one, one unknown municipality.
    const list = ['navn;e-post;kommune;sektor', 'Vestby bibliotek;bibliotek@vestby.example;Vestby;Kultur', 'Uten adresse;ikke-en-adresse;Moss;', 'Våler teknisk;teknisk@valer.example;3114;Teknisk sektor', 'Feil kommune;x@atlantis.example;Atlantis;'].join('\n');
    await page.getByLabel('Listen').fill(list);
    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    const problems = page.locator('.survey-list-problems');
    await expect.poll(() => problems.textContent()).toContain('2 linjer ble ikke importert:');
    expect(await problems.locator('li').allTextContents()).toEqual([
      'Linje 3: «ikke-en-adresse» er ikke en gyldig e-postadresse.',
      'Linje 5: Fant ingen kommune som heter «Atlantis». Skriv kommunenummeret eller navnet på kommunen.',
    ]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '2 inviterte lagt til.' }).count()).toBe(1);
    await expectAxeClean();

    const invited = page.locator('table[aria-labelledby="invitees-caption"] tbody tr');
    await expect.poll(() => invited.count()).toBe(4);
    const rows = await invited.allTextContents();
    expect(rows.find((row) => row.startsWith('Spetalen skole'))).toMatch(/rektor@spetalen\.example.*Råde/);
    expect(rows.find((row) => row.startsWith('Verket skole'))).toContain(tenants.people.verketReader);
    expect(rows.find((row) => row.startsWith('Vestby bibliotek'))).toContain('Vestby');

    await page.getByRole('button', { name: 'Åpne og send invitasjoner' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expectAxeClean();
    await dialog.getByRole('button', { name: 'Åpne', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kartleggingen er åpnet' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('.survey-round-meta').textContent()).toContain('Åpen');
    for (const to of ['rektor@spetalen.example', tenants.people.verketReader, 'bibliotek@vestby.example', 'teknisk@valer.example']) linkIn(to);

    // A mistyped address corrected in place: refused at the field first, then saved with a new link sent.
    await page.getByRole('button', { name: 'Endre Våler teknisk' }).click();
    const editing = page.getByRole('dialog', { name: 'Endre Våler teknisk' });
    await expect.poll(() => editing.isVisible()).toBe(true);
    const address = editing.getByLabel('E-post', { exact: true });
    await address.fill('drift@valer');
    await editing.getByRole('button', { name: 'Lagre endringene' }).click();
    await expect.poll(() => editing.textContent(), { timeout: 15_000 }).toContain('«drift@valer» er ikke en gyldig e-postadresse.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('invitee-edit-email');
    await expectAxeClean();
    await address.fill('drift@valer.example');
    await editing.getByRole('button', { name: 'Lagre endringene' }).click();
    const saved = 'Endringene for Våler teknisk er lagret. En ny lenke er sendt til drift@valer.example, og den gamle virker ikke lenger.';
    await expect.poll(() => page.getByRole('status').filter({ hasText: saved }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Endre Våler teknisk');
    await expect.poll(() => invited.allTextContents()).toContainEqual(expect.stringMatching(/^Våler teknisk.*drift@valer\.example/));
    linkIn('drift@valer.example');
    await expectAxeClean();
  });

  it('takes answers on a phone without an account, keeps them over a reload, and takes the submission', async () => {
    const phone = await phonePage();
    try {
      await phone.goto(linkIn('rektor@spetalen.example'));
      await expect.poll(() => phone.locator('main h1').first().textContent(), { timeout: 15_000 }).toBe(ROUND_TITLE);
      expect(await phone.locator('main').textContent()).toContain('Du svarer for Spetalen skole.');
      // Nothing wider than the phone: no sideways scrolling.
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAxeClean(phone);

      // A repeatable group: one earlier project, its programme from the catalogue, a year and a benefit score.
      const earlier = phone.locator('#question-earlier-projects');
      await earlier.getByRole('button', { name: 'Legg til prosjekt' }).click();
      await earlier.getByLabel('Program eller støtteordning').selectOption('erasmus-plus');
      // A year the question does not take: refused, and the message names the field as the form shows it.
      await earlier.getByLabel('År', { exact: true }).fill('1800');
      await expect.poll(() => earlier.textContent(), { timeout: 15_000 }).toContain('«Prosjekt 1: År» må være fra 1990 til 2100.');
      await earlier.getByLabel('År', { exact: true }).fill('2019');
      await earlier.getByRole('radio', { name: '4' }).check();
      // A matrix over the catalogue: one choice per programme.
      await phone.getByRole('group', { name: ERASMUS }).getByRole('radio', { name: 'Har brukt den' }).check();
      // A scale, several choices and free text.
      await phone.locator('#question-interest').getByRole('radio', { name: '3' }).check();
      await phone.getByRole('checkbox', { name: 'Klima' }).check();
      await phone.getByRole('checkbox', { name: 'Kunst og kultur' }).check();
      await phone.getByLabel('Andre kommentarer eller ideer til internasjonalt samarbeid').fill('Vi vil gjerne samarbeide med skoler i Sverige.');
      for (const key of ['earlier-projects', 'knowledge', 'interest', 'cooperation-areas', 'comments']) {
        await expect.poll(() => phone.locator(`#question-${key} .survey-save`).textContent(), { timeout: 15_000 }).toBe('Lagret');
      }
      expect(await phone.locator('.survey-progress').first().textContent()).toContain('5 av 8 besvart');

      await phone.reload();
      await expect.poll(() => phone.locator('main h1').first().textContent(), { timeout: 15_000 }).toBe(ROUND_TITLE);
      expect(await phone.locator('#question-earlier-projects').getByLabel('Program eller støtteordning').inputValue()).toBe('erasmus-plus');
      expect(await phone.locator('#question-earlier-projects').getByLabel('År', { exact: true }).inputValue()).toBe('2019');
      expect(await phone.getByRole('group', { name: ERASMUS }).getByRole('radio', { name: 'Har brukt den' }).isChecked()).toBe(true);
      expect(await phone.locator('#question-interest').getByRole('radio', { name: '3' }).isChecked()).toBe(true);
      expect(await phone.getByRole('checkbox', { name: 'Klima' }).isChecked()).toBe(true);
      expect(await phone.getByLabel('Andre kommentarer eller ideer til internasjonalt samarbeid').inputValue()).toBe('Vi vil gjerne samarbeide med skoler i Sverige.');

      await phone.getByRole('button', { name: 'Send inn svarene' }).click();
      const receipt = phone.locator('.survey-receipt');
      await expect.poll(() => receipt.textContent(), { timeout: 15_000 }).toContain('Takk! Svarene er sendt inn.');
      await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent)).toBe('Takk! Svarene er sendt inn.');
      await expectAxeClean(phone);
    } finally {
      await phone.context().close();
    }
  });

  it('says only that a wrong link does not work, with no hint of any survey', async () => {
    await page.goto('/svar/dette-er-ikke-en-lenke-som-finnes-0123456789abcdef');
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Lenken virker ikke');
    const text = await page.locator('main').textContent();
    expect(text).toContain('Ta kontakt med den som sendte deg lenken');
    expect(text).not.toContain(ROUND_TITLE);
    expect(text).not.toContain('Mosseregionen');
    await expectAxeClean();
  });

  it('can be answered and submitted by keyboard alone', async () => {
    await page.goto(linkIn('bibliotek@vestby.example'));
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe(ROUND_TITLE);
    // The required scale: Tab into the radio group, arrow keys to choose.
    await tabTo(page, '#q-interest-first');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#question-interest').getByRole('radio', { name: '2' }).isChecked()).toBe(true);
    await tabTo(page, 'input[type="checkbox"][value="art-culture"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'textarea[id="q-comments-first"]');
    await page.keyboard.type('Biblioteket vil gjerne være med.');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.survey-receipt').textContent(), { timeout: 15_000 }).toContain('Takk! Svarene er sendt inn.');
    await expectAxeClean();
  });

  it('summarises the answers live, with the response rate, each chart with its table, and XLSX and PDF exports', async () => {
    await signInAsCoordinator();
    await open(`/kartlegging/${answered.roundId}/sammendrag`, 'Sammendrag: Kartlegging av internasjonalt samarbeid');
    const rate = page.locator('section[aria-labelledby="rate-heading"]');
    expect(await rate.locator('p').first().textContent()).toMatch(new RegExp(`^${answered.answered} av 40 inviterte har svart \\(\\d+\\s?%\\), og ${answered.submitted} har sendt inn\\.$`));
    expect(await rate.locator('#rate-municipality + * table').textContent()).toContain('Våler');
    const charts = page.locator('figure.chart');
    await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(6);
    const interest = page.locator('section[aria-labelledby="question-interest"] figure.chart').first();
    await interest.getByText('Vis tallene som tabell').click();
    expect(await interest.locator('table').textContent()).toContain('Stor interesse');
    await expectAxeClean();

    const xlsxLink = page.getByRole('link', { name: 'Last ned alle svar (XLSX)' });
    const xlsx = await page.request.get((await xlsxLink.getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Last ned rapporten (PDF)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Kartlegging av internasjonalt samarbeid – \d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await page.request.get(download.url());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = pdfText(await pdf.body());
    expect(text).toContain('Kartlegging av internasjonalt samarbeid');
    expect(text).toContain('Råde');
  });

  it('shows a reader the round and its summary, but neither the running of it, the units\' names nor the answers file', async () => {
    await signIn(REGION_READER);
    await open(`/kartlegging/${answered.roundId}`, 'Kartlegging av internasjonalt samarbeid');
    const main = page.locator('main');
    expect(await main.textContent()).toMatch(/Svarfristen er .*\. \d+ av 40 inviterte har sendt inn\./);
    expect(await page.getByRole('heading', { name: 'Spørsmål' }).count()).toBe(1);
    for (const absent of ['Inviterte', 'Detaljer', 'Åpne og avslutte']) expect(await page.getByRole('heading', { name: absent }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Endre / }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Muligheter' }).count()).toBe(0);
    await expectAxeClean();

    await page.getByRole('link', { name: 'Sammendrag' }).click();
    await expect.poll(() => heading().textContent(), { timeout: 15_000 }).toBe('Sammendrag: Kartlegging av internasjonalt samarbeid');
    await page.waitForLoadState('networkidle');
    expect(await main.textContent()).toContain('Enhetenes navn vises bare for koordinatorene i kartleggingen.');
    expect(await page.getByRole('link', { name: 'Last ned alle svar (XLSX)' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Last ned rapporten (PDF)' }).count()).toBe(1);
    await expectAxeClean();
  });

  it('shows the joint-application candidates across the municipalities in the opportunity analysis', async () => {
    await signInAsCoordinator();
    await open(`/kartlegging/${answered.roundId}/muligheter`, 'Muligheter: Kartlegging av internasjonalt samarbeid');
    const candidates = page.locator('section[aria-labelledby="joint-heading"] .survey-cards > li');
    expect(await candidates.count()).toBeGreaterThan(0);
    const first = candidates.first();
    expect(await first.textContent()).toMatch(/[2-4] kommuner: (Moss|Råde|Vestby|Våler)(, (Moss|Råde|Vestby|Våler))+/);
    // Units are placed by their municipality's name, never a bare number.
    expect(await first.textContent()).not.toMatch(/\(\d{4}\)/);
    expect(await first.getByRole('button', { name: /^Opprett initiativ for / }).count()).toBe(1);
    const units = page.locator('section[aria-labelledby="units-heading"]');
    expect(await units.textContent()).toMatch(/Viser 1–\d+ av \d+/);
    expect(await units.textContent()).not.toMatch(/Interesser: [a-z-]+(,|$)/);
    await expectAxeClean();
  });
});
