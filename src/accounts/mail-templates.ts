/**
 * The e-mails of accounts (invitation, password reset) in the four product languages, as text and HTML.
 * Pure: the caller supplies the link and its expiry and hands the result to the mailer.
 *
 * Every interpolated value is made one line (a name must not add lines that look like our own text or a
 * link) and HTML-escaped in the HTML version (names may contain `<`, `&` and quotes). The HTML is a small
 * accessible document: language attribute, one heading, the full address as a real link, inline styles
 * only (mail clients drop style sheets), nothing the text version does not also say.
 */
import type { Language } from '../reference/codes.js';

import type { Role } from '../organisations/roles.js';

export const ROLE_NAMES: Record<Role, Record<Language, string>> = {
  reader: { nb: 'leser', nn: 'lesar', sv: 'läsare', en: 'reader' },
  editor: { nb: 'redaktør', nn: 'redaktør', sv: 'redaktör', en: 'editor' },
  'case-officer': { nb: 'saksbehandler', nn: 'sakshandsamar', sv: 'handläggare', en: 'case officer' },
  coordinator: { nb: 'koordinator', nn: 'koordinator', sv: 'samordnare', en: 'coordinator' },
  administrator: { nb: 'administrator', nn: 'administrator', sv: 'administratör', en: 'administrator' },
};

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface InvitationMailData {
  organisationName: string;
  inviterName: string;
  /** Already in the mail's language, e.g. `ROLE_NAMES[role][language]`. */
  roleName: string;
  /** Absolute http(s) address of the single-use invitation. */
  link: string;
  expiresAt: Date;
}

export interface PasswordResetMailData {
  name: string;
  /** Absolute http(s) address of the single-use reset page. */
  link: string;
  expiresAt: Date;
}

// ---------------------------------------------------------------------------------------------------
// A mail is a subject, a heading and paragraphs; `link` marks where the address goes, in both versions.

export type Block = string | { lead: string };
export interface Draft {
  subject: string;
  heading: string;
  blocks: Block[];
  signature: string;
  footer: string;
}

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };

/** E.g. "torsdag 12. mars 2026 kl. 14:30 CET": Norwegian time, with the zone so nobody has to guess. */
export function formatExpiry(language: Language, at: Date): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: 'Europe/Oslo',
  }).format(at);
}

export const oneLine = (value: string): string => value.replace(/\s+/g, ' ').trim();

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * A link in a mail must be an absolute http(s) address (never `javascript:` or relative) on one line.
 * It is returned as given, not normalised, so the text shows exactly the address the caller made.
 */
export function checkLink(link: string): string {
  if (/\s/.test(link) || !URL.canParse(link) || !/^https?:$/.test(new URL(link).protocol)) {
    throw new TypeError('A mail link must be an absolute http(s) address without spaces');
  }
  return link;
}

export const SIGNATURE: Record<Language, string> = {
  nb: 'Hilsen Mulighetsrom',
  nn: 'Helsing Mulighetsrom',
  sv: 'Hälsningar från Mulighetsrom',
  en: 'Best regards, Mulighetsrom',
};

export const FOOTER: Record<Language, string> = {
  nb: 'Denne e-posten er sendt automatisk og kan ikke besvares.',
  nn: 'Denne e-posten er send automatisk og kan ikkje svarast på.',
  sv: 'Det här mejlet har skickats automatiskt och går inte att svara på.',
  en: 'This email was sent automatically; replies are not read.',
};

export function render(language: Language, draft: Draft, link: string): MailContent {
  const text = [
    draft.heading,
    ...draft.blocks.map((block) => (typeof block === 'string' ? block : `${block.lead}\n${link}`)),
    draft.signature,
    draft.footer,
  ].join('\n\n');

  const paragraph = (inner: string, style = 'margin:0 0 16px') => `<p style="${style}">${inner}</p>`;
  const body = draft.blocks
    .map((block) =>
      typeof block === 'string'
        ? paragraph(escapeHtml(block))
        : paragraph(
            `${escapeHtml(block.lead)}<br>` +
              `<a href="${escapeHtml(link)}" style="color:#0062ba;text-decoration:underline;word-break:break-all">${escapeHtml(link)}</a>`,
          ),
    )
    .join('\n');

  const html = `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(draft.subject)}</title>
</head>
<body style="margin:0;padding:24px;background-color:#ffffff;color:#1e1e1e;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:600px">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3">${escapeHtml(draft.heading)}</h1>
${body}
${paragraph(escapeHtml(draft.signature))}
${paragraph(escapeHtml(draft.footer), 'margin:24px 0 0;font-size:14px;color:#555555')}
</div>
</body>
</html>
`;
  return { subject: draft.subject, text, html };
}

// ---------------------------------------------------------------------------------------------------

export function invitationMail(language: Language, data: InvitationMailData): MailContent {
  const link = checkLink(data.link);
  const organisation = oneLine(data.organisationName);
  const inviter = oneLine(data.inviterName);
  const role = oneLine(data.roleName);
  const expires = formatExpiry(language, data.expiresAt);
  const drafts: Record<Language, Draft> = {
    nb: {
      subject: `Du har fått en invitasjon til ${organisation} i Mulighetsrom`,
      heading: `Bli med i ${organisation}`,
      blocks: [
        `${inviter} har invitert deg til å bli med i ${organisation} i Mulighetsrom med rollen ${role}. ` +
          'Mulighetsrom hjelper offentlige virksomheter med å finne EU-midler og nordiske midler til internasjonalt samarbeid.',
        { lead: 'Godta invitasjonen her:' },
        `Lenken kan bare brukes én gang og gjelder til ${expires}.`,
        'Hvis du ikke ventet denne invitasjonen, kan du se bort fra e-posten.',
      ],
      signature: SIGNATURE.nb,
      footer: FOOTER.nb,
    },
    nn: {
      subject: `Du har fått ein invitasjon til ${organisation} i Mulighetsrom`,
      heading: `Bli med i ${organisation}`,
      blocks: [
        `${inviter} har invitert deg til å bli med i ${organisation} i Mulighetsrom med rolla ${role}. ` +
          'Mulighetsrom hjelper offentlege verksemder med å finne EU-midlar og nordiske midlar til internasjonalt samarbeid.',
        { lead: 'Godta invitasjonen her:' },
        `Lenka kan berre brukast éin gong og gjeld til ${expires}.`,
        'Om du ikkje venta denne invitasjonen, kan du sjå bort frå e-posten.',
      ],
      signature: SIGNATURE.nn,
      footer: FOOTER.nn,
    },
    sv: {
      subject: `Du har fått en inbjudan till ${organisation} i Mulighetsrom`,
      heading: `Gå med i ${organisation}`,
      blocks: [
        `${inviter} har bjudit in dig till ${organisation} i Mulighetsrom med rollen ${role}. ` +
          'Mulighetsrom hjälper offentliga organisationer att hitta EU-medel och nordiska medel för internationellt samarbete.',
        { lead: 'Tacka ja till inbjudan här:' },
        `Länken kan bara användas en gång och gäller till ${expires}.`,
        'Om du inte väntade dig den här inbjudan kan du bortse från mejlet.',
      ],
      signature: SIGNATURE.sv,
      footer: FOOTER.sv,
    },
    en: {
      subject: `You're invited to join ${organisation} in Mulighetsrom`,
      heading: `Join ${organisation}`,
      blocks: [
        `${inviter} has invited you to join ${organisation} in Mulighetsrom with the role of ${role}. ` +
          'Mulighetsrom helps public bodies find EU and Nordic funding for international cooperation.',
        { lead: 'Accept the invitation here:' },
        `The link works only once and expires on ${expires}.`,
        "If you weren't expecting this invitation, you can ignore this email.",
      ],
      signature: SIGNATURE.en,
      footer: FOOTER.en,
    },
  };
  return render(language, drafts[language], link);
}

export function passwordResetMail(language: Language, data: PasswordResetMailData): MailContent {
  const link = checkLink(data.link);
  const name = oneLine(data.name);
  const expires = formatExpiry(language, data.expiresAt);
  const drafts: Record<Language, Draft> = {
    nb: {
      subject: 'Velg et nytt passord for Mulighetsrom',
      heading: 'Velg et nytt passord',
      blocks: [
        `Hei, ${name}!`,
        'Noen har bedt om å tilbakestille passordet ditt i Mulighetsrom.',
        { lead: 'Velg et nytt passord her:' },
        `Lenken kan bare brukes én gang og gjelder til ${expires}.`,
        'Var det ikke deg? Da kan du se bort fra denne e-posten. Passordet ditt blir ikke endret.',
      ],
      signature: SIGNATURE.nb,
      footer: FOOTER.nb,
    },
    nn: {
      subject: 'Vel eit nytt passord for Mulighetsrom',
      heading: 'Vel eit nytt passord',
      blocks: [
        `Hei, ${name}!`,
        'Nokon har bede om å tilbakestille passordet ditt i Mulighetsrom.',
        { lead: 'Vel eit nytt passord her:' },
        `Lenka kan berre brukast éin gong og gjeld til ${expires}.`,
        'Var det ikkje deg? Då kan du sjå bort frå denne e-posten. Passordet ditt blir ikkje endra.',
      ],
      signature: SIGNATURE.nn,
      footer: FOOTER.nn,
    },
    sv: {
      subject: 'Välj ett nytt lösenord för Mulighetsrom',
      heading: 'Välj ett nytt lösenord',
      blocks: [
        `Hej ${name}!`,
        'Någon har bett om att återställa ditt lösenord i Mulighetsrom.',
        { lead: 'Välj ett nytt lösenord här:' },
        `Länken kan bara användas en gång och gäller till ${expires}.`,
        'Var det inte du? Då kan du bortse från det här mejlet. Ditt lösenord förblir oförändrat.',
      ],
      signature: SIGNATURE.sv,
      footer: FOOTER.sv,
    },
    en: {
      subject: 'Choose a new password for Mulighetsrom',
      heading: 'Choose a new password',
      blocks: [
        `Hello ${name},`,
        'Someone asked to reset your password for Mulighetsrom.',
        { lead: 'Choose a new password here:' },
        `The link works only once and expires on ${expires}.`,
        "If this wasn't you, you can ignore this email. Your password stays unchanged.",
      ],
      signature: SIGNATURE.en,
      footer: FOOTER.en,
    },
  };
  return render(language, drafts[language], link);
}
