/**
 * Grant and own-share estimate, in exact integer arithmetic (øre and cents): the grant never exceeds the
 * budget and grant + own share always equals the budget.
 */
import type { Programme } from '../catalogue/schema.js';
import type { ExchangeRate } from '../reference/exchange-rate.js';

export interface MoneyPair {
  nok: number;
  eur: number;
}

export interface GrantEstimate {
  budget: MoneyPair;
  /** The programme's funding rate used, in percent; null when the catalogue does not state one. */
  ratePercent: { min: number | null; max: number | null };
  /** Estimates at the highest rate; null when no rate is known. */
  grant: MoneyPair | null;
  ownShare: MoneyPair | null;
  /** The grant was cut to the project type's maximum amount. */
  cappedAtMaximum: boolean;
  exchangeRate: { eurNok: number; date: string; source: string; mustBeChecked: boolean };
}

/** "11.63" → 116300 (the rate × 10 000), so conversion stays in integers. */
function rateTimes10000(decimal: string): bigint {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole) * 10000n + BigInt((fraction + '0000').slice(0, 4));
}

/** Rounds a/b half away from zero, for non-negative integers. */
function divideRounded(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (2n * b);
}

export function toMinorUnits(amount: number): bigint {
  return BigInt(Math.round(amount * 100));
}

const fromMinor = (minor: bigint) => Number(minor) / 100;

export function estimateGrant(input: {
  budgetNok: number;
  fundingRate: Programme['fundingRate'];
  maxAmount?: { amount: number; currency: string } | undefined;
  exchangeRate: ExchangeRate;
}): GrantEstimate {
  const budget = toMinorUnits(input.budgetNok);
  const rate = rateTimes10000(input.exchangeRate.eurNok);
  const eurMinor = (nokMinor: bigint) => divideRounded(nokMinor * 10000n, rate);
  const { minPercent, maxPercent } = input.fundingRate;
  const percent = maxPercent ?? minPercent;

  let grant: bigint | null = null;
  let capped = false;
  if (percent !== undefined) {
    // Percent may carry decimals (e.g. 62.5): scale by 1 000 to stay exact.
    grant = divideRounded(budget * BigInt(Math.round(percent * 1000)), 100_000n);
    if (input.maxAmount && (input.maxAmount.currency === 'NOK' || input.maxAmount.currency === 'EUR')) {
      const maxMinor = input.maxAmount.currency === 'NOK' ? toMinorUnits(input.maxAmount.amount) : divideRounded(toMinorUnits(input.maxAmount.amount) * rate, 10000n);
      if (grant > maxMinor) {
        grant = maxMinor;
        capped = true;
      }
    }
    if (grant > budget) grant = budget;
  }
  // EUR figures are converted once each and the own share derived, so both currencies add up exactly.
  const budgetEur = eurMinor(budget);
  const grantEur = grant === null ? null : eurMinor(grant);
  return {
    budget: { nok: fromMinor(budget), eur: fromMinor(budgetEur) },
    ratePercent: { min: minPercent ?? null, max: maxPercent ?? null },
    grant: grant === null || grantEur === null ? null : { nok: fromMinor(grant), eur: fromMinor(grantEur) },
    ownShare: grant === null || grantEur === null ? null : { nok: fromMinor(budget - grant), eur: fromMinor(budgetEur - grantEur) },
    cappedAtMaximum: capped,
    exchangeRate: { eurNok: Number(input.exchangeRate.eurNok), date: input.exchangeRate.date, source: input.exchangeRate.source.title, mustBeChecked: input.exchangeRate.mustBeChecked },
  };
}
