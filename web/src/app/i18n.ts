/** i18next with the four product languages; the choice persists in the browser and sets <html lang>. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../src/reference/codes.js';
import nb from '../locales/nb.json' with { type: 'json' };
import nn from '../locales/nn.json' with { type: 'json' };
import sv from '../locales/sv.json' with { type: 'json' };
import en from '../locales/en.json' with { type: 'json' };

const STORAGE_KEY = 'mulighetsrom.language';

export const LANGUAGE_NAMES: Record<Language, string> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', sv: 'Svenska', en: 'English' };

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'no') return 'nb';
    if (isLanguage(primary)) return primary;
  }
  return 'nb';
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'nb';
}

export async function changeLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// A capability's texts live in their own file, `locales/<language>/<capability>.json`, under the key `<capability>`.
const capabilityTexts = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { eager: true, import: 'default' });

function translation(language: Language, common: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...common };
  for (const [file, texts] of Object.entries(capabilityTexts)) {
    const [, fileLanguage, capability] = /locales\/(\w+)\/([\w-]+)\.json$/.exec(file) ?? [];
    if (fileLanguage === language && capability) merged[capability] = texts;
  }
  return merged;
}

await i18next.use(initReactI18next).init({
  resources: {
    nb: { translation: translation('nb', nb) },
    nn: { translation: translation('nn', nn) },
    sv: { translation: translation('sv', sv) },
    en: { translation: translation('en', en) },
  },
  lng: initialLanguage(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();

export default i18next;

/** Locales for Intl formatting; browsers without nynorsk data fall back to bokmål conventions, not English. */
export const INTL_LOCALES: Record<Language, string[]> = { nb: ['nb-NO'], nn: ['nn-NO', 'nb-NO'], sv: ['sv-SE'], en: ['en-GB'] };
