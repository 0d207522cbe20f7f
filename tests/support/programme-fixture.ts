import type { Programme } from '../../src/catalogue/schema.js';

const text = (s: string) => ({ nb: `${s} nb`, nn: `${s} nn`, sv: `${s} sv`, en: `${s} en` });

/** A small valid programme; tests change one thing at a time. */
export function validProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: 'test-programme',
    kind: 'eu-programme',
    interregStrand: 'A',
    name: text('Test programme'),
    period: { start: 2021, end: 2027 },
    status: 'active',
    summary: text('Summary'),
    sectors: ['technical'],
    applicants: { eligible: ['municipality', 'county'], excluded: ['private-person'], source: 'main' },
    partnership: { minPartners: 2, requiredCountries: ['NO', 'SE'], participatingCountries: ['NO', 'SE'], source: 'main' },
    projectTypes: [{ type: 'pre-project', maxMonths: 12, minAmount: 100000, maxAmount: 400000, currency: 'NOK', source: 'main' }],
    fundingRate: { minPercent: 50, maxPercent: 50, covers: text('Covers'), source: 'main' },
    coFinancing: { rules: text('Rules'), source: 'main' },
    guidance: [{ name: text('Secretariat'), role: text('Advises'), url: 'https://example.org', source: 'main' }],
    area: { description: text('Area'), nuts: ['NO08', 'SE31'], norwegianCounties: ['31'], swedishCounties: ['17'], source: 'main' },
    priorities: [
      {
        code: '2A',
        policyObjective: 'PO2',
        specificObjective: 'RSO2.4',
        name: text('Climate'),
        description: text('Climate adaptation'),
        examples: [text('Flood plans')],
        keywords: ['klimatilpasning', 'klimatanpassning'],
        source: 'main',
      },
    ],
    links: [],
    sources: [{ id: 'main', url: 'https://example.org/programme', title: 'Programme page', checked: '2026-11-20' }],
    ...overrides,
  };
}
