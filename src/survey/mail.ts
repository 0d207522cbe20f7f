/**
 * The survey's e-mails — the invitation with the personal link, and the reminder — in the four product
 * languages, composed like the accounts' mails (pure: the caller supplies link and closing date).
 */
import type { Language } from '../reference/codes.js';
import { checkLink, FOOTER, formatExpiry, oneLine, render, SIGNATURE, type Draft, type MailContent } from '../accounts/mail-templates.js';

export interface SurveyMailData {
  roundTitle: string;
  /** The organisation running the round, e.g. "Mosseregionen". */
  organisationName: string;
  /** The invited unit or person, as the coordinator wrote it. */
  inviteeName: string;
  /** Absolute http(s) address of the respondent's personal page. */
  link: string;
  closesAt: Date;
}

export type SurveyMailKind = 'invitation' | 'reminder';

/** The respondent's page: the token is the whole credential, so the link is personal and secret. */
export function responseLink(publicUrl: string, token: string): string {
  return `${publicUrl}/svar/${token}`;
}

export function surveyMail(kind: SurveyMailKind, language: Language, data: SurveyMailData): MailContent {
  const link = checkLink(data.link);
  const title = oneLine(data.roundTitle);
  const organisation = oneLine(data.organisationName);
  const name = oneLine(data.inviteeName);
  const closes = formatExpiry(language, data.closesAt);
  const reminder = kind === 'reminder';
  const drafts: Record<Language, Draft> = {
    nb: {
      subject: reminder ? `Påminnelse: ${title}` : `Spørreundersøkelse: ${title}`,
      heading: title,
      blocks: [
        `Hei, ${name}!`,
        reminder
          ? `Vi har ikke fått svaret ditt på undersøkelsen fra ${organisation} ennå. Det tar bare noen minutter, og svarene gjør det mulig å finne prosjekter og samarbeid som passer for dere.`
          : `${organisation} kartlegger erfaringer med, kunnskap om og interesse for internasjonalt samarbeid, og ber deg svare for enheten din.`,
        { lead: 'Svar her (lenken er personlig – ikke del den):' },
        `Svarene lagres mens du skriver, og du kan endre dem til undersøkelsen stenger ${closes}.`,
      ],
      signature: SIGNATURE.nb,
      footer: FOOTER.nb,
    },
    nn: {
      subject: reminder ? `Påminning: ${title}` : `Spørjeundersøking: ${title}`,
      heading: title,
      blocks: [
        `Hei, ${name}!`,
        reminder
          ? `Vi har ikkje fått svaret ditt på undersøkinga frå ${organisation} enno. Det tek berre nokre minutt, og svara gjer det mogleg å finne prosjekt og samarbeid som passar for dykk.`
          : `${organisation} kartlegg erfaringar med, kunnskap om og interesse for internasjonalt samarbeid, og ber deg svare for eininga di.`,
        { lead: 'Svar her (lenka er personleg – ikkje del ho):' },
        `Svara blir lagra medan du skriv, og du kan endre dei til undersøkinga stengjer ${closes}.`,
      ],
      signature: SIGNATURE.nn,
      footer: FOOTER.nn,
    },
    sv: {
      subject: reminder ? `Påminnelse: ${title}` : `Enkät: ${title}`,
      heading: title,
      blocks: [
        `Hej ${name}!`,
        reminder
          ? `Vi har ännu inte fått ditt svar på enkäten från ${organisation}. Det tar bara några minuter, och svaren gör det möjligt att hitta projekt och samarbeten som passar er.`
          : `${organisation} kartlägger erfarenheter av, kunskap om och intresse för internationellt samarbete och ber dig svara för din enhet.`,
        { lead: 'Svara här (länken är personlig – dela den inte):' },
        `Svaren sparas medan du skriver, och du kan ändra dem tills enkäten stänger ${closes}.`,
      ],
      signature: SIGNATURE.sv,
      footer: FOOTER.sv,
    },
    en: {
      subject: reminder ? `Reminder: ${title}` : `Survey: ${title}`,
      heading: title,
      blocks: [
        `Hello ${name},`,
        reminder
          ? `We have not had your answers to the survey from ${organisation} yet. It takes only a few minutes, and your answers help find projects and partnerships that suit you.`
          : `${organisation} is mapping experience of, knowledge of and interest in international cooperation, and asks you to answer for your unit.`,
        { lead: 'Answer here (the link is personal – do not share it):' },
        `Your answers are saved as you type, and you can change them until the survey closes on ${closes}.`,
      ],
      signature: SIGNATURE.en,
      footer: FOOTER.en,
    },
  };
  return render(language, drafts[language], link);
}
