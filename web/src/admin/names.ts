/** Names of kinds, roles, audit actions and fields in the reader's language, and dates in Oslo time. */
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../src/accounts/mail-templates.js';
import type { OrganisationType } from '../../../src/organisations/kinds.js';
import type { Role } from '../../../src/organisations/roles.js';
import type { Language } from '../../../src/reference/codes.js';
import { INTL_LOCALES, currentLanguage } from '../app/i18n.js';

export interface AdminNames {
  language: Language;
  /** For Intl: nynorsk falls back to bokmål conventions where the browser lacks it. */
  locales: string[];
  kind(kind: OrganisationType): string;
  role(role: Role): string;
  /** An audit action's name; an action this version does not know is shown as its code. */
  action(action: string): string;
  /** A changed field's name in the audit trail; unknown fields are shown as their key. */
  field(field: string): string;
  dateTime(iso: string): string;
  date(iso: string): string;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function useAdminNames(): AdminNames {
  const { t } = useTranslation(); // also re-renders the caller when the language changes
  const language = currentLanguage();
  const locales = INTL_LOCALES[language];
  // Administration is Norwegian first: times are Oslo times wherever the browser is.
  const dateTimeFormat = new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  const dateFormat = new Intl.DateTimeFormat(locales, { dateStyle: 'medium', timeZone: 'Europe/Oslo' });
  return {
    language,
    locales,
    kind: (kind) => t(`admin.kind.${kind}`),
    // The e-mails' role names are the one source of role names; a label starts with a capital.
    role: (role) => capitalised(ROLE_NAMES[role][language]),
    action: (action) => t(`admin.action.${action}`, { defaultValue: action }),
    field: (field) => t(`admin.field.${field}`, { defaultValue: field }),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) => dateFormat.format(new Date(iso)),
  };
}
