/**
 * The EUR→NOK rate the navigator converts with. Programmes settle in EUR at their own reference rates;
 * an estimate only needs a stated, dated rate. Set EUR_NOK_RATE and EUR_NOK_RATE_DATE (YYYY-MM-DD) to
 * use a current Norges Bank rate; the default is marked as needing a check.
 */
export interface ExchangeRate {
  /** NOK per EUR, as a decimal string (exact). */
  eurNok: string;
  date: string;
  source: { title: string; url: string };
  mustBeChecked: boolean;
}

export const DEFAULT_EXCHANGE_RATE: ExchangeRate = {
  eurNok: '11.63',
  date: '2024-12-31',
  source: { title: 'Norges Bank, valutakurser: euro (EUR), årsgjennomsnitt 2024', url: 'https://www.norges-bank.no/en/topics/Statistics/exchange_rates/?tab=currency&id=EUR' },
  mustBeChecked: true,
};

export function exchangeRateFromEnv(env: NodeJS.ProcessEnv = process.env): ExchangeRate {
  const rate = env.EUR_NOK_RATE;
  const date = env.EUR_NOK_RATE_DATE;
  if (rate && /^\d+(\.\d{1,6})?$/.test(rate) && date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    return { eurNok: rate, date, source: DEFAULT_EXCHANGE_RATE.source, mustBeChecked: false };
  }
  return DEFAULT_EXCHANGE_RATE;
}
