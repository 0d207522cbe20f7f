import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const locales = new URL('../../web/src/locales/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
/** The common texts and every capability's own file (`<language>/<capability>.json`, under the key `<capability>`). */
const load = (language: string): Record<string, unknown> => {
  const texts = readJson(new URL(`${language}.json`, locales));
  const folder = new URL(`${language}/`, locales);
  if (existsSync(folder)) for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) texts[file.replace(/\.json$/, '')] = readJson(new URL(file, folder));
  return texts;
};
const flatten = (object: Record<string, unknown>, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(object).flatMap(([key, value]) =>
      typeof value === 'object' && value !== null ? Object.entries(flatten(value as Record<string, unknown>, `${prefix}${key}.`)) : [[`${prefix}${key}`, String(value)]],
    ),
  );
const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();

describe('web translations', () => {
  const nb = flatten(load('nb'));
  it.each(['nn', 'sv', 'en'])('%s has every key of bokmål, with the same placeholders', (language) => {
    const other = flatten(load(language));
    expect(Object.keys(other).sort()).toEqual(Object.keys(nb).sort());
    for (const [key, text] of Object.entries(nb)) expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
  });
  // Short labels may legitimately read the same in bokmål and nynorsk ("Kommunalområde"); sentences do not.
  it.each(['nn', 'sv', 'en'])('%s is actually translated', (language) => {
    const other = flatten(load(language));
    const sentences = Object.keys(nb).filter((key) => nb[key]!.split(' ').length >= 6);
    const same = sentences.filter((key) => nb[key] === other[key]);
    expect(same.length, same.join(', ')).toBeLessThanOrEqual(Math.max(1, Math.floor(sentences.length * 0.05)));
  });
});
