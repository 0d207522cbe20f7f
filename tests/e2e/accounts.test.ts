/**
 * The signed-in shell in Chromium: sign-in by keyboard, my page, language saved to the profile, sign-out,
 * password reset and invitations through their e-mailed links, and the idle warning. The server's idle
 * timeout is three minutes, so the warning comes 90 seconds before the end; the test moves the page's
 * clock forward (Playwright's clock) instead of waiting, while the server keeps real time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { sessions } from '../../src/accounts/tables.js';
import { createInvitation } from '../../src/organisations/invitations.js';
import { createOrganisation, setMembership } from '../../src/organisations/organisations.js';
import { PERMISSIONS } from '../../src/organisations/roles.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/audit.js';
import type { MailMessage, Mailer } from '../../src/platform/mail/mailer.js';
import { createTestUser, TEST_PASSWORD } from '../support/accounts.js';
import { startAppServer, type AppServer } from '../support/app-server.js';
import { axeViolations } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';

const mails: MailMessage[] = [];
const mailer: Mailer = { transport: 'log', send: async (message) => void mails.push(message) };
let server: AppServer;
const suite = browserSuite({
  startServer: async () => (server = await startAppServer({ mailer, publicUrl: 'http://mulighetsrom.test', sessions: { idleMinutes: 3, absoluteHours: 12, secureCookies: 'auto' } })),
});
let page: Page;
beforeEach(() => {
  page = suite.page();
});

const db = () => server.database.db;
const heading = () => page.locator('main h1').first();
const accountMenu = (name: string) => page.getByRole('button', { name: `${name} – kontomeny` });
let people = 0;
/** A person of their own for each test: tests must not see each other's sessions or language. */
async function newPerson(name: string): Promise<{ email: string; name: string; id: string }> {
  const email = `person${++people}@moss.example`;
  const user = await createTestUser(db(), email, { name });
  return { email, name, id: user.id };
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(selector: string, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`could not reach ${selector} by keyboard`);
}

async function signInOnPage(email: string, password = TEST_PASSWORD): Promise<void> {
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
}

/** The token of the last link of this kind mailed to `to`. */
function mailedToken(to: string, path: string): string {
  const mail = mails.findLast((m) => m.to === to);
  const token = mail?.text.match(new RegExp(`${path}#([A-Za-z0-9_-]+)`))?.[1];
  if (!token) throw new Error(`no ${path} link mailed to ${to}`);
  return token;
}

async function expectNoAxeViolations(): Promise<void> {
  await page.waitForLoadState('networkidle');
  // A dialog fading in has, for a moment, too little contrast: check what stays on screen.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  expect(await axeViolations(page)).toEqual([]);
}

describe('accounts in the browser', () => {
  it('signs in by keyboard, comes back to the page asked for, shows the name, passes axe, signs out', async () => {
    const kari = await newPerson('Kari Nordmann');
    await page.goto('/min-side');
    await page.waitForURL(/\/logg-inn\?neste=%2Fmin-side$/);
    await expect.poll(() => heading().textContent()).toBe('Logg inn');
    await expectNoAxeViolations();

    // A wrong password: the error summary takes focus and names the problem.
    await tabTo('input[type="email"]');
    await page.keyboard.type(kari.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('ds-error-summary');
    expect(await page.locator('ds-error-summary').textContent()).toContain('Feil e-postadresse eller passord');

    await tabTo('input[type="password"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/min-side$/);
    await expect.poll(() => heading().textContent()).toBe('Min side');
    await expect.poll(() => accountMenu('Kari Nordmann').isVisible()).toBe(true);
    await expect.poll(() => page.locator('.session-card').count()).toBe(1);
    expect(await page.locator('.session-card').textContent()).toContain('Denne enheten');
    await expectNoAxeViolations();

    // Not a coordinator or administrator anywhere: no administration in the menu.
    await accountMenu('Kari Nordmann').click();
    await expect.poll(() => page.getByRole('link', { name: 'Min side' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Administrasjon' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Du er logget ut.' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Logg inn' }).isVisible()).toBe(true);
    expect((await page.request.get('/api/auth/session').then((r) => r.json())).user).toBeNull();
  });

  it('offers administration to an administrator and lists memberships with role names', async () => {
    const anne = await newPerson('Anne Admin');
    const moss = await createOrganisation(db(), { kind: 'municipality', name: `Moss kommune ${people}` }, null, SYSTEM_ACTOR);
    await setMembership(db(), anne.id, moss.id, 'administrator', SYSTEM_ACTOR);
    await page.goto('/logg-inn');
    await signInOnPage(anne.email);
    await page.waitForURL(/\/min-side$/);
    await expect.poll(() => page.locator('.membership-list').textContent()).toBe(`${moss.name} – Administrator`);
    await accountMenu('Anne Admin').click();
    await expect.poll(() => page.getByRole('link', { name: 'Administrasjon' }).isVisible()).toBe(true);
  });

  it('saves the language to the profile, from my page and from the header', async () => {
    const per = await newPerson('Per Språk');
    await page.goto('/logg-inn');
    await signInOnPage(per.email);
    await page.waitForURL(/\/min-side$/);
    await page.getByRole('radio', { name: 'Norsk nynorsk' }).check();
    await page.getByRole('button', { name: 'Lagre profilen' }).click();
    await expect.poll(() => heading().textContent()).toBe('Mi side');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Profilen er lagra.' }).isVisible()).toBe(true);

    // The browser forgets its own choice; the profile remembers.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(() => heading().textContent()).toBe('Mi side');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nn');

    await page.locator('#language-select').selectOption('en');
    await expect.poll(() => heading().textContent()).toBe('My page');
    await expect.poll(async () => (await page.request.get('/api/me').then((r) => r.json())).language).toBe('en');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(() => heading().textContent()).toBe('My page');
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
  });

  it('resets a forgotten password through the e-mailed link; a used link explains itself', async () => {
    const liv = await newPerson('Liv Glemsk');
    await page.goto('/logg-inn');
    await page.getByRole('link', { name: 'Glemt passord?' }).click();
    await page.waitForURL(/\/glemt-passord$/);
    await expectNoAxeViolations();
    await page.getByLabel('E-postadresse').fill(liv.email);
    await page.getByRole('button', { name: 'Send lenke' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Hvis ${liv.email} har en konto` }).isVisible()).toBe(true);
    const token = mailedToken(liv.email, 'tilbakestill-passord');

    await page.goto(`/tilbakestill-passord#${token}`);
    await expect.poll(() => heading().textContent()).toBe('Lag nytt passord');
    // The token leaves the address bar (and history) at once.
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    await expectNoAxeViolations();
    await page.getByLabel('Nytt passord').fill('kort');
    await page.getByLabel('Gjenta det nye passordet').fill('kort');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect.poll(() => page.locator('ds-error-summary').textContent()).toContain('minst 10 tegn');
    await page.getByLabel('Nytt passord').fill('fjord-lyng-tindrer-blått');
    await page.getByLabel('Gjenta det nye passordet').fill('fjord-lyng-tindrer-blått');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await page.waitForURL(/\/logg-inn$/);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Passordet er endret. Logg inn med det nye passordet.' }).isVisible()).toBe(true);
    await signInOnPage(liv.email, 'fjord-lyng-tindrer-blått');
    await page.waitForURL(/\/min-side$/);

    await page.goto(`/tilbakestill-passord#${token}`);
    await page.getByLabel('Nytt passord').fill('enda-et-nytt-passord');
    await page.getByLabel('Gjenta det nye passordet').fill('enda-et-nytt-passord');
    await page.getByRole('button', { name: 'Lagre nytt passord' }).click();
    await expect.poll(() => heading().textContent()).toBe('Lenken virker ikke lenger');
    expect(await page.getByRole('link', { name: 'Be om en ny lenke' }).getAttribute('href')).toBe('/glemt-passord');
    await expectNoAxeViolations();
  });

  it('accepts an invitation with a new account, and explains an invalid one', async () => {
    const inviter = await newPerson('Ola Inviterer');
    const org = await createOrganisation(db(), { kind: 'municipality', name: `Råde kommune ${people}` }, null, SYSTEM_ACTOR);
    const invited = `ny${people}@rade.example`;
    await createInvitation(db(), { mailer, publicUrl: 'http://mulighetsrom.test' }, org.id, { email: invited, role: 'editor' }, { userId: inviter.id, name: inviter.name, email: inviter.email }, new Set(PERMISSIONS));
    const token = mailedToken(invited, 'invitasjon');

    await page.goto(`/invitasjon#${token}`);
    await expect.poll(() => heading().textContent()).toBe(`Invitasjon til ${org.name}`);
    expect(await page.locator('.facts').textContent()).toContain('Ola Inviterer');
    await expectNoAxeViolations();
    await page.getByLabel('Navn').fill('Nina Ny');
    await page.getByLabel('Nytt passord').fill('sjø-og-sand-og-sol');
    await page.getByLabel('Gjenta det nye passordet').fill('sjø-og-sand-og-sol');
    await page.getByRole('button', { name: 'Opprett konto og bli med' }).click();
    // An editor cannot manage the organisation: my page, with the confirmation.
    await page.waitForURL(/\/min-side$/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe(`Du er nå med i ${org.name} som redaktør.`);
    await expect.poll(() => accountMenu('Nina Ny').isVisible()).toBe(true);
    expect(await page.locator('.membership-list').textContent()).toBe(`${org.name} – Redaktør`);
    expect(await page.evaluate(() => sessionStorage.getItem('mulighetsrom.invitation-token'))).toBeNull();

    await page.goto(`/invitasjon#${token}`);
    await expect.poll(() => heading().textContent()).toBe('Invitasjonen kan ikke brukes');
    await expectNoAxeViolations();
  });

  it('keeps an invitation through the sign-in of someone who already has an account', async () => {
    const inviter = await newPerson('Ola Inviterer');
    const guro = await newPerson('Guro Gammel');
    const org = await createOrganisation(db(), { kind: 'municipality', name: `Vestby kommune ${people}` }, null, SYSTEM_ACTOR);
    await createInvitation(db(), { mailer, publicUrl: 'http://mulighetsrom.test' }, org.id, { email: guro.email, role: 'coordinator' }, { userId: inviter.id, name: inviter.name, email: inviter.email }, new Set(PERMISSIONS));
    await page.goto(`/invitasjon#${mailedToken(guro.email, 'invitasjon')}`);
    await page.getByRole('link', { name: 'Logg inn for å godta' }).click();
    await page.waitForURL(/\/logg-inn\?neste=%2Finvitasjon$/);
    await signInOnPage(guro.email);
    await page.waitForURL(/\/invitasjon$/);
    await page.getByRole('button', { name: `Bli med i ${org.name}` }).click();
    // A coordinator manages the organisation: its administration page.
    await page.waitForURL(new RegExp(`/admin/organisasjoner/${org.id}$`));
    const me = await page.request.get('/api/me').then((r) => r.json());
    expect(me.memberships).toEqual([expect.objectContaining({ organisationId: org.id, role: 'coordinator' })]);
  });

  it('answers an unknown invitation link, or none, with the invalid-link page', async () => {
    await page.goto('/invitasjon#not-a-real-token-at-all');
    await expect.poll(() => heading().textContent()).toBe('Invitasjonen kan ikke brukes');
    await expectNoAxeViolations();
    await page.evaluate(() => sessionStorage.clear());
    await page.goto('/invitasjon');
    await expect.poll(() => heading().textContent()).toBe('Invitasjonen kan ikke brukes');
  });

  it('offers the identity provider and explains why its sign-in came back without a session', async () => {
    // This server has no OpenID provider (tests/e2e/oidc.test.ts runs one): the page is shown one.
    await page.route('**/api/auth/session?*', async (route) => {
      const state = await (await route.fetch()).json();
      await route.fulfill({ json: { ...state, methods: { password: true, oidc: true, oidcName: 'ID-porten' } } });
    });
    await page.goto('/logg-inn?neste=%2Fprogrammes%3Fq%3Dklima&feil=idp-utilgjengelig');
    await expect.poll(() => page.getByRole('link', { name: 'Logg inn med ID-porten' }).getAttribute('href')).toBe('/api/auth/oidc/start?returnTo=%2Fprogrammes%3Fq%3Dklima');
    expect(await page.locator('main').textContent()).toContain('Innloggingstjenesten svarer ikke akkurat nå. Prøv igjen om litt.');
    await expectNoAxeViolations();
    await page.goto('/logg-inn?feil=innlogging-avbrutt&neste=https%3A%2F%2Fevil.example');
    await expect.poll(() => page.getByRole('link', { name: 'Logg inn med ID-porten' }).getAttribute('href')).toBe('/api/auth/oidc/start?returnTo=%2Fmin-side');
    expect(await page.locator('main').textContent()).toContain('Innloggingen ble avbrutt eller gikk ikke gjennom. Prøv igjen.');
  });

  it('downloads my data, and deletes my account only when it leaves no organisation without an administrator', async () => {
    const tone = await newPerson('Tone Teller');
    const org = await createOrganisation(db(), { kind: 'municipality', name: `Våler kommune ${people}` }, null, SYSTEM_ACTOR);
    await setMembership(db(), tone.id, org.id, 'administrator', SYSTEM_ACTOR);
    await page.goto('/logg-inn');
    await signInOnPage(tone.email);
    await page.waitForURL(/\/min-side$/);

    const download = await page.request.get((await page.getByRole('link', { name: 'Last ned mine data' }).getAttribute('href'))!);
    expect(download.headers()['content-disposition']).toMatch(/^attachment/);
    expect(JSON.stringify(await download.json())).toContain(tone.email);

    const dialog = page.getByRole('dialog', { name: 'Slett kontoen' });
    await page.getByRole('button', { name: 'Slett kontoen min' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const confirm = dialog.getByLabel(`Skriv e-postadressen din (${tone.email}) for å bekrefte`);
    expect(await confirm.evaluate((input) => input === document.activeElement)).toBe(true);
    await confirm.fill('someone.else@moss.example');
    await dialog.getByRole('button', { name: 'Slett kontoen for godt' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Dette er ikke e-postadressen du er logget inn med.');
    await confirm.fill(tone.email);
    await dialog.getByRole('button', { name: 'Slett kontoen for godt' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Organisasjonen må ha minst én administrator igjen.');
    await expectNoAxeViolations();

    // With a second administrator, the organisation no longer needs Tone.
    const other = await newPerson('Annen Admin');
    await setMembership(db(), other.id, org.id, 'administrator', SYSTEM_ACTOR);
    await dialog.getByRole('button', { name: 'Slett kontoen for godt' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kontoen din er slettet.' }).isVisible()).toBe(true);
    expect((await page.request.get('/api/auth/session').then((r) => r.json())).user).toBeNull();
  });

  it('warns before the idle session ends, keeps it on request, and keeps what was typed when it has ended', async () => {
    const siri = await newPerson('Siri Stille');
    await page.clock.install();
    await page.goto('/logg-inn');
    await signInOnPage(siri.email);
    await page.waitForURL(/\/min-side$/);
    const name = page.getByLabel('Navn');
    await name.fill('Siri Skriver Fortsatt');

    const warning = page.getByRole('dialog', { name: 'Du blir snart logget ut' });
    // Every answer tells the page the server's time; one arriving after the jump would count the jump
    // as this computer's clock being wrong (which the page corrects for), not as time passing.
    await page.waitForLoadState('networkidle');
    await page.clock.fastForward('01:00');
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward('00:40');
    await expect.poll(() => warning.isVisible()).toBe(true);
    // Focus is in the dialog, on the way to stay.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Fortsett å være innlogget');
    await expectNoAxeViolations();
    await page.keyboard.press('Enter');
    await expect.poll(() => warning.isVisible()).toBe(false);
    await page.clock.fastForward('01:00');
    expect(await warning.isVisible()).toBe(false);

    // The server ends the session (as after three idle minutes); the page notices when its clock runs out.
    await server.database.db.delete(sessions);
    await page.clock.fastForward('02:10');
    const signedOut = page.getByRole('dialog', { name: 'Du er logget ut' });
    await expect.poll(() => signedOut.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/min-side');
    expect(await name.inputValue()).toBe('Siri Skriver Fortsatt');
    await expectNoAxeViolations();

    // Signing in again inside the dialog carries on where the person was.
    expect(await signedOut.getByLabel('E-postadresse').inputValue()).toBe(siri.email);
    await signedOut.getByLabel('Passord', { exact: true }).fill(TEST_PASSWORD);
    await signedOut.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await expect.poll(() => signedOut.isVisible()).toBe(false);
    expect(await name.inputValue()).toBe('Siri Skriver Fortsatt');
    await page.getByRole('button', { name: 'Lagre profilen' }).click();
    await expect.poll(async () => (await page.request.get('/api/me').then((r) => r.json())).name).toBe('Siri Skriver Fortsatt');
  });
});
