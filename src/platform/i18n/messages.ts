/** Server messages that reach users (errors), in the four product languages. */
import type { Language } from '../../reference/codes.js';

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const MESSAGES = {
  notFound: {
    nb: (p) => `Fant ikke ${p.what}.`,
    nn: (p) => `Fann ikkje ${p.what}.`,
    sv: (p) => `Hittade inte ${p.what}.`,
    en: (p) => `Could not find ${p.what}.`,
  },
  programmeNotFound: {
    nb: (p) => `Det finnes ingen ordning med id «${p.id}».`,
    nn: (p) => `Det finst inga ordning med id «${p.id}».`,
    sv: (p) => `Det finns inget program med id ”${p.id}”.`,
    en: (p) => `There is no programme with id "${p.id}".`,
  },
  invalidEnum: {
    nb: (p) => `Ugyldig verdi for «${p.field}». Tillatte verdier: ${p.allowed}.`,
    nn: (p) => `Ugyldig verdi for «${p.field}». Tillatne verdiar: ${p.allowed}.`,
    sv: (p) => `Ogiltigt värde för ”${p.field}”. Tillåtna värden: ${p.allowed}.`,
    en: (p) => `Invalid value for "${p.field}". Allowed values: ${p.allowed}.`,
  },
  invalidNumber: {
    nb: (p) => `«${p.field}» må være et tall${p.range}.`,
    nn: (p) => `«${p.field}» må vere eit tal${p.range}.`,
    sv: (p) => `”${p.field}” måste vara ett tal${p.range}.`,
    en: (p) => `"${p.field}" must be a number${p.range}.`,
  },
  tooLong: {
    nb: (p) => `«${p.field}» kan ha høyst ${p.limit} tegn.`,
    nn: (p) => `«${p.field}» kan ha høgst ${p.limit} teikn.`,
    sv: (p) => `”${p.field}” får ha högst ${p.limit} tecken.`,
    en: (p) => `"${p.field}" may have at most ${p.limit} characters.`,
  },
  unknownParameter: {
    nb: (p) => `Ukjent parameter «${p.field}».`,
    nn: (p) => `Ukjend parameter «${p.field}».`,
    sv: (p) => `Okänd parameter ”${p.field}”.`,
    en: (p) => `Unknown parameter "${p.field}".`,
  },
  required: {
    nb: (p) => `«${p.field}» må fylles ut.`,
    nn: (p) => `«${p.field}» må fyllast ut.`,
    sv: (p) => `”${p.field}” måste fyllas i.`,
    en: (p) => `"${p.field}" is required.`,
  },
  invalidValue: {
    nb: (p) => `Ugyldig verdi for «${p.field}».`,
    nn: (p) => `Ugyldig verdi for «${p.field}».`,
    sv: (p) => `Ogiltigt värde för ”${p.field}”.`,
    en: (p) => `Invalid value for "${p.field}".`,
  },
  internal: {
    nb: () => 'Noe gikk galt hos oss. Prøv igjen om litt.',
    nn: () => 'Noko gjekk gale hos oss. Prøv igjen om litt.',
    sv: () => 'Något gick fel hos oss. Försök igen om en stund.',
    en: () => 'Something went wrong on our side. Please try again shortly.',
  },
} satisfies Record<string, Record<Language, Template>>;

export type MessageKey = keyof typeof MESSAGES;

export function message(key: MessageKey, language: Language, params: Params = {}): string {
  return MESSAGES[key][language](params);
}
