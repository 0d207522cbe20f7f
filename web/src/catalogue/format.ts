import type { TFunction } from 'i18next';

export function fundingRateText(rate: { minPercent?: number | null; maxPercent?: number | null }, t: TFunction): string {
  const min = rate.minPercent ?? undefined;
  const max = rate.maxPercent ?? undefined;
  if (min !== undefined && max !== undefined) return min === max ? t('catalogue.percent', { value: max }) : t('catalogue.percentRange', { min, max });
  if (max !== undefined) return t('catalogue.upToPercent', { value: max });
  if (min !== undefined) return t('catalogue.atLeastPercent', { percent: min });
  return t('catalogue.rateUnknown');
}
