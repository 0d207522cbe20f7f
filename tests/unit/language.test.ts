import { describe, expect, it } from 'vitest';
import { negotiateLanguage } from '../../src/platform/i18n/language.js';
import { webRouteStatus } from '../../src/platform/http/web-routes.js';

describe('language negotiation', () => {
  it('prefers an explicit lang, then Accept-Language by quality, then bokmål', () => {
    expect(negotiateLanguage('sv', 'nn')).toBe('sv');
    expect(negotiateLanguage(undefined, 'de-DE, en;q=0.5, nn;q=0.9')).toBe('nn');
    expect(negotiateLanguage(undefined, 'no')).toBe('nb');
    expect(negotiateLanguage('xx', 'fr')).toBe('nb');
    expect(negotiateLanguage(undefined, undefined)).toBe('nb');
  });
});

describe('web routes', () => {
  const exists = async (id: string) => id === 'erasmus-plus';
  it('answers 200 for pages and known programmes, 404 otherwise', async () => {
    expect(await webRouteStatus('/', exists)).toBe(200);
    expect(await webRouteStatus('/programmes/', exists)).toBe(200);
    expect(await webRouteStatus('/programmes/erasmus-plus', exists)).toBe(200);
    expect(await webRouteStatus('/programmes/nope', exists)).toBe(404);
    expect(await webRouteStatus('/nothing-here', exists)).toBe(404);
  });
});
