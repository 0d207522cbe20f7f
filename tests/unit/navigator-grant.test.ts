import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateGrant, toMinorUnits } from '../../src/navigator/grant.js';
import { DEFAULT_EXCHANGE_RATE } from '../../src/reference/exchange-rate.js';

const rate = (maxPercent?: number, minPercent?: number) => ({
  ...(maxPercent === undefined ? {} : { maxPercent }),
  ...(minPercent === undefined ? {} : { minPercent }),
  covers: { nb: 'x', nn: 'x', sv: 'x', en: 'x' },
  source: 's',
});
const cents = (value: number) => toMinorUnits(value);

describe('grant estimate', () => {
  it('applies the highest funding rate', () => {
    const estimate = estimateGrant({ budgetNok: 1_000_000, fundingRate: rate(50), exchangeRate: DEFAULT_EXCHANGE_RATE });
    expect(estimate.grant?.nok).toBe(500_000);
    expect(estimate.ownShare?.nok).toBe(500_000);
    expect(estimate.exchangeRate).toMatchObject({ eurNok: 11.63, date: DEFAULT_EXCHANGE_RATE.date });
    expect(estimate.budget.eur).toBe(85984.52);
  });

  it('caps the grant at the project type maximum, in NOK or EUR', () => {
    const nok = estimateGrant({ budgetNok: 1_000_000, fundingRate: rate(50), maxAmount: { amount: 100_000, currency: 'NOK' }, exchangeRate: DEFAULT_EXCHANGE_RATE });
    expect(nok).toMatchObject({ grant: { nok: 100_000 }, ownShare: { nok: 900_000 }, cappedAtMaximum: true });
    const eur = estimateGrant({ budgetNok: 1_000_000, fundingRate: rate(100), maxAmount: { amount: 10_000, currency: 'EUR' }, exchangeRate: DEFAULT_EXCHANGE_RATE });
    expect(eur.grant?.nok).toBe(116_300);
  });

  it('gives no grant when the catalogue states no rate', () => {
    expect(estimateGrant({ budgetNok: 500_000, fundingRate: rate(), exchangeRate: DEFAULT_EXCHANGE_RATE })).toMatchObject({ grant: null, ownShare: null, ratePercent: { min: null, max: null } });
  });

  it('never exceeds the budget, and grant plus own share is the budget exactly, in both currencies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000_00 }).map((minor) => minor / 100),
        fc.integer({ min: 0, max: 100_000 }).map((thousandths) => thousandths / 1000),
        fc.option(fc.integer({ min: 0, max: 50_000_000 })),
        (budgetNok, percent, cap) => {
          const estimate = estimateGrant({
            budgetNok,
            fundingRate: rate(percent),
            maxAmount: cap === null ? undefined : { amount: cap, currency: 'NOK' },
            exchangeRate: DEFAULT_EXCHANGE_RATE,
          });
          const grant = estimate.grant!;
          const own = estimate.ownShare!;
          expect(cents(grant.nok)).toBeLessThanOrEqual(cents(budgetNok));
          expect(cents(grant.nok) + cents(own.nok)).toBe(cents(budgetNok));
          expect(cents(grant.eur) + cents(own.eur)).toBe(cents(estimate.budget.eur));
          expect(cents(own.nok)).toBeGreaterThanOrEqual(0n);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
