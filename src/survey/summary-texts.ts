/** Words the summary and the PDF report print, in the four product languages. */
import type { Language } from '../reference/codes.js';

type Texts = Record<Language, string>;

export const SUMMARY_TEXTS = {
  other: { nb: 'Annet', nn: 'Anna', sv: 'Annat', en: 'Other' },
  otherTheme: { nb: 'Andre tema', nn: 'Andre tema', sv: 'Övriga teman', en: 'Other themes' },
  otherProgramme: { nb: 'Annen ordning', nn: 'Anna ordning', sv: 'Annat program', en: 'Other scheme' },
  notGiven: { nb: 'Ikke oppgitt', nn: 'Ikkje oppgitt', sv: 'Ej angivet', en: 'Not given' },
  reportTitle: { nb: 'Oppsummering av svar fra spørreskjema-undersøkelsen', nn: 'Oppsummering av svar frå spørjeskjema-undersøkinga', sv: 'Sammanställning av svaren på enkäten', en: 'Summary of the answers to the questionnaire' },
  responseRate: { nb: 'Svarprosent', nn: 'Svarprosent', sv: 'Svarsfrekvens', en: 'Response rate' },
  overall: { nb: 'Totalt', nn: 'Totalt', sv: 'Totalt', en: 'Overall' },
  byMunicipality: { nb: 'Per kommune', nn: 'Per kommune', sv: 'Per kommun', en: 'By municipality' },
  bySector: { nb: 'Per kommunalområde', nn: 'Per kommunalområde', sv: 'Per verksamhetsområde', en: 'By sector' },
  invited: { nb: 'Invitert', nn: 'Invitert', sv: 'Inbjudna', en: 'Invited' },
  responded: { nb: 'Svart', nn: 'Svart', sv: 'Svarat', en: 'Responded' },
  schemes: { nb: 'Kunnskap om og erfaring med ordningene', nn: 'Kunnskap om og erfaring med ordningane', sv: 'Kunskap om och erfarenhet av programmen', en: 'Knowledge of and experience with the schemes' },
  scheme: { nb: 'Ordning', nn: 'Ordning', sv: 'Program', en: 'Scheme' },
  earlier: { nb: 'Tidligere prosjekt', nn: 'Tidlegare prosjekt', sv: 'Tidigare projekt', en: 'Earlier project' },
  ongoing: { nb: 'Pågående prosjekt', nn: 'Pågåande prosjekt', sv: 'Pågående projekt', en: 'Ongoing project' },
  interest: { nb: 'Interesse for deltakelse', nn: 'Interesse for deltaking', sv: 'Intresse för att delta', en: 'Interest in taking part' },
  cooperationAreas: { nb: 'Samarbeidsområder', nn: 'Samarbeidsområde', sv: 'Samarbetsområden', en: 'Areas of cooperation' },
  needs: { nb: 'Behov for å komme i gang', nn: 'Behov for å kome i gang', sv: 'Behov för att komma igång', en: 'What is needed to get started' },
  benefits: { nb: 'Rapportert nytte', nn: 'Rapportert nytte', sv: 'Rapporterad nytta', en: 'Benefits reported' },
  projects: { nb: 'Prosjekter', nn: 'Prosjekt', sv: 'Projekt', en: 'Projects' },
  meanScore: { nb: 'Snitt (1–5)', nn: 'Snitt (1–5)', sv: 'Medel (1–5)', en: 'Mean (1–5)' },
  champions: { nb: 'Virksomheter med erfaring', nn: 'Verksemder med erfaring', sv: 'Verksamheter med erfarenhet', en: 'Units with experience' },
  interestedWithoutExperience: { nb: 'Interesserte uten erfaring', nn: 'Interesserte utan erfaring', sv: 'Intresserade utan erfarenhet', en: 'Interested, without experience' },
  unitsCount: { nb: 'Antall virksomheter', nn: 'Tal på verksemder', sv: 'Antal verksamheter', en: 'Number of units' },
  freeText: { nb: 'Fritekst etter tema', nn: 'Fritekst etter tema', sv: 'Fritext efter tema', en: 'Free text by theme' },
  withheld: { nb: 'skjult (liten gruppe)', nn: 'skjult (lita gruppe)', sv: 'dolt (liten grupp)', en: 'withheld (small group)' },
  withheldNote: {
    nb: 'Grupper med færre enn {n} svar vises ikke, heller ikke grupper som ellers ville avsløre dem.',
    nn: 'Grupper med færre enn {n} svar blir ikkje viste, heller ikkje grupper som elles ville avslørt dei.',
    sv: 'Grupper med färre än {n} svar visas inte, inte heller grupper som annars skulle avslöja dem.',
    en: 'Groups with fewer than {n} answers are not shown, nor groups that would otherwise give them away.',
  },
  generated: { nb: 'Laget', nn: 'Laga', sv: 'Skapad', en: 'Generated' },
  question: { nb: 'Spørsmål', nn: 'Spørsmål', sv: 'Fråga', en: 'Question' },
  unit: { nb: 'Virksomhet', nn: 'Verksemd', sv: 'Verksamhet', en: 'Unit' },
  municipality: { nb: 'Kommune', nn: 'Kommune', sv: 'Kommun', en: 'Municipality' },
  sector: { nb: 'Kommunalområde', nn: 'Kommunalområde', sv: 'Verksamhetsområde', en: 'Sector' },
  email: { nb: 'E-post', nn: 'E-post', sv: 'E-post', en: 'E-mail' },
  submitted: { nb: 'Levert', nn: 'Levert', sv: 'Inskickat', en: 'Submitted' },
  answers: { nb: 'Svar', nn: 'Svar', sv: 'Svar', en: 'Answers' },
  entry: { nb: 'Nr.', nn: 'Nr.', sv: 'Nr', en: 'No.' },
  none: { nb: 'Ingen', nn: 'Ingen', sv: 'Inga', en: 'None' },
  jointInitiative: {
    nb: 'Felles søknadskandidat fra kartleggingen «{round}»: {area} innen {sector}, med virksomheter i {municipalities}.',
    nn: 'Felles søknadskandidat frå kartlegginga «{round}»: {area} innan {sector}, med verksemder i {municipalities}.',
    sv: 'Gemensam ansökningskandidat från kartläggningen ”{round}”: {area} inom {sector}, med verksamheter i {municipalities}.',
    en: 'Joint-application candidate from the survey "{round}": {area} in {sector}, with units in {municipalities}.',
  },
} satisfies Record<string, Texts>;

export type SummaryTextKey = keyof typeof SUMMARY_TEXTS;

export function summaryText(key: SummaryTextKey, language: Language): string {
  return SUMMARY_TEXTS[key][language];
}
