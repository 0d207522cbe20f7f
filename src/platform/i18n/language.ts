/** Which of the product's languages a request wants: `?lang=`, then Accept-Language, then bokmål. */
import { LANGUAGES, type Language } from '../../reference/codes.js';

const ALIASES: Record<string, Language> = { nb: 'nb', no: 'nb', nn: 'nn', sv: 'sv', en: 'en' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function negotiateLanguage(explicit: unknown, acceptLanguage: string | undefined): Language {
  if (isLanguage(explicit)) return explicit;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const quality = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((range) => range.tag !== '')
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of ranges) {
    const primary = tag.split('-')[0] ?? '';
    const language = ALIASES[primary];
    if (language) return language;
  }
  return 'nb';
}
