/** Role names in the reader's language, and dates in Oslo time; shared by the account and administration pages. */
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../src/accounts/mail-templates.js';
import type { Role } from '../../../src/organisations/roles.js';
import type { Language } from '../../../src/reference/codes.js';
import { INTL_LOCALES, currentLanguage } from './i18n.js';

export interface Names {
  language: Language;
  /** For Intl: nynorsk falls back to bokmål conventions where the browser lacks it. */
  locales: string[];
  role(role: Role): string;
  dateTime(iso: string): string;
  date(iso: string): string;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function useNames(): Names {
  useTranslation(); // re-renders the caller when the language changes
  const language = currentLanguage();
  const locales = INTL_LOCALES[language];
  // The product is Norwegian first: times are Oslo times wherever the browser is.
  const dateTimeFormat = new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  const dateFormat = new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeZone: 'Europe/Oslo' });
  return {
    language,
    locales,
    // The e-mails' role names are the one source of role names; a label starts with a capital.
    role: (role) => capitalised(ROLE_NAMES[role][language]),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) => dateFormat.format(new Date(iso)),
  };
}
