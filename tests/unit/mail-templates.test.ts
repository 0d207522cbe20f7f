/**
 * The account e-mails in nb, nn, sv and en: every template says something in every language, carries the
 * link (on its own line in the text, as a real <a> in the HTML), states the expiry in Norwegian time and
 * never lets a name become markup.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../src/reference/codes.js';
import { invitationMail, passwordResetMail, ROLE_NAMES, type MailContent } from '../../src/accounts/mail-templates.js';
import type { Role } from '../../src/organisations/roles.js';

const LINK = 'https://mulighetsrom.example.no/invitasjon/abc123?x=1&y=2';
// 13:30 UTC is 14:30 in Oslo in winter (CET) …
const EXPIRES = new Date('2026-03-12T13:30:00Z');
const HOSTILE = `<script>alert("x")</script> & 'Co'`;

const TEMPLATES: Record<string, (language: Language, name: string) => MailContent> = {
  invitation: (language, name) =>
    invitationMail(language, { organisationName: name, inviterName: name, roleName: ROLE_NAMES['case-officer'][language], link: LINK, expiresAt: EXPIRES }),
  'password reset': (language, name) => passwordResetMail(language, { name, link: LINK, expiresAt: EXPIRES }),
};

describe.each(Object.entries(TEMPLATES))('the %s mail', (_, template) => {
  it.each(LANGUAGES)('in %s has a subject, a text with the link on its own line and an accessible HTML document', (language) => {
    const mail = template(language, 'Sarpsborg kommune');
    expect(mail.subject.trim()).not.toBe('');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text.split('\n')).toContain(LINK);
    expect(mail.html).toContain(`<html lang="${language}">`);
    expect(mail.html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    const escapedLink = LINK.replaceAll('&', '&amp;');
    expect(mail.html).toContain(`<a href="${escapedLink}"`);
    expect(mail.html).toContain(`>${escapedLink}</a>`);
    // The expiry in Norwegian time, whatever the machine's time zone.
    expect(mail.text).toContain('14:30');
    expect(mail.html).not.toMatch(/<style|<link|<script/i);
  });

  it.each(LANGUAGES)('in %s escapes names in the HTML and keeps them on one line', (language) => {
    const mail = template(language, HOSTILE);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    expect(mail.text).toContain(HOSTILE);
    const forged = template(language, `Kari\n\nhttps://evil.example/${'x'}`);
    expect(forged.text.split('\n')).not.toContain('https://evil.example/x');
  });

  it('differs between the four languages', () => {
    const mails = LANGUAGES.map((language) => template(language, 'Kari Nordmann'));
    for (const part of ['subject', 'text', 'html'] as const) expect(new Set(mails.map((mail) => mail[part])).size).toBe(4);
  });

  it('refuses a link that is not an absolute http(s) address', () => {
    expect(() => template('nb', 'Kari')).not.toThrow();
    expect(() => passwordResetMail('nb', { name: 'Kari', link: 'javascript:alert(1)', expiresAt: EXPIRES })).toThrow(TypeError);
    expect(() => invitationMail('nb', { organisationName: 'A', inviterName: 'B', roleName: 'leser', link: '/relative', expiresAt: EXPIRES })).toThrow(TypeError);
  });
});

describe('expiry and role names', () => {
  it('gives the expiry in Europe/Oslo with the summer time zone in July', () => {
    const mail = passwordResetMail('nb', { name: 'Kari', link: LINK, expiresAt: new Date('2026-07-12T07:05:00Z') });
    expect(mail.text).toContain('søndag 12. juli 2026 kl. 09:05');
    expect(mail.text).toContain('CEST');
    expect(invitationMail('en', { organisationName: 'A', inviterName: 'B', roleName: 'reader', link: LINK, expiresAt: EXPIRES }).text).toContain(
      'Thursday, 12 March 2026 at 14:30',
    );
  });

  it('names every role in every language', () => {
    const roles: Role[] = ['reader', 'editor', 'case-officer', 'coordinator', 'administrator'];
    expect(Object.keys(ROLE_NAMES).sort()).toEqual([...roles].sort());
    expect(ROLE_NAMES['case-officer']).toEqual({ nb: 'saksbehandler', nn: 'sakshandsamar', sv: 'handläggare', en: 'case officer' });
    for (const role of roles) for (const language of LANGUAGES) expect(ROLE_NAMES[role][language]).toMatch(/^\p{Ll}[\p{Ll} ]+$/u);
  });

  it('puts the role in the invitation text', () => {
    const mail = invitationMail('sv', { organisationName: 'Region Värmland', inviterName: 'Anna', roleName: ROLE_NAMES.coordinator.sv, link: LINK, expiresAt: EXPIRES });
    expect(mail.text).toContain('samordnare');
    expect(mail.subject).toContain('Region Värmland');
  });
});
