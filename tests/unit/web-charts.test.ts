import { describe, expect, it } from 'vitest';
import { describeCategories, MAX_SPOKEN_CATEGORIES } from '../../web/src/app/charts/describe.js';
import { dateToTime, formatDate, formatTick, formatValue } from '../../web/src/app/charts/format.js';
import { lyingBarsHeight, shorten, timeDomain, timeTicks } from '../../web/src/app/charts/layout.js';
import { patternId, seriesStyle } from '../../web/src/app/charts/palette.js';

const nb = ['nb-NO'];
const en = ['en-GB'];
// Intl writes a narrow no-break space before "kr" and as thousands separator in Norwegian.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('chart numbers', () => {
  it('formats counts, money, shares and decimals in the reader language', () => {
    expect(plain(formatValue(1234567, { kind: 'count' }, nb))).toBe('1 234 567');
    expect(formatValue(1234567, { kind: 'count' }, en)).toBe('1,234,567');
    expect(plain(formatValue(2500000, { kind: 'money', currency: 'NOK' }, nb))).toBe('2 500 000 kr');
    expect(formatValue(2500000, { kind: 'money', currency: 'EUR' }, en)).toBe('€2,500,000');
    expect(plain(formatValue(0.625, { kind: 'percent' }, nb))).toBe('62,5 %');
    expect(formatValue(3.456, { kind: 'decimal', digits: 1 }, en)).toBe('3.5');
  });
  it('shortens axis ticks', () => {
    expect(formatTick(2_500_000, { kind: 'count' }, en)).toBe('2.5m');
    expect(plain(formatTick(2_500_000, { kind: 'money', currency: 'NOK' }, nb))).toMatch(/^2,5 mill\. kr$/);
  });
  it('reads calendar dates as Oslo dates, whatever the time zone', () => {
    expect(formatDate('2025-01-31', en)).toBe('31 Jan 2025');
    expect(formatDate(dateToTime('2025-12-01'), en, 'month')).toBe('Dec 2025');
  });
});

describe('chart geometry', () => {
  it('shortens long names with an ellipsis and keeps short ones', () => {
    expect(shorten('Erasmus+', 12)).toBe('Erasmus+');
    expect(shorten('Interreg Øresund-Kattegat-Skagerrak', 12)).toBe('Interreg Ør…');
  });
  it('gives every lying bar room', () => {
    expect(lyingBarsHeight(1, 1)).toBe(160);
    expect(lyingBarsHeight(20, 1)).toBe(20 * 28 + 56);
    expect(lyingBarsHeight(10, 3)).toBe(10 * 60 + 56);
  });
  it('ticks a long span by year, a medium one by quarter and a short one by month, at most about eight', () => {
    const years = timeTicks(dateToTime('2020-03-15'), dateToTime('2026-06-01'));
    expect(years.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2021-01-01', '2022-01-01', '2023-01-01', '2024-01-01', '2025-01-01', '2026-01-01']);
    const quarters = timeTicks(dateToTime('2024-02-10'), dateToTime('2025-03-01'));
    expect(quarters.map((t) => new Date(t).toISOString().slice(0, 7))).toEqual(['2024-04', '2024-07', '2024-10', '2025-01']);
    const months = timeTicks(dateToTime('2025-01-10'), dateToTime('2025-04-20'));
    expect(months.map((t) => new Date(t).toISOString().slice(0, 7))).toEqual(['2025-02', '2025-03', '2025-04']);
    expect(timeTicks(dateToTime('1990-01-01'), dateToTime('2030-01-01')).length).toBeLessThanOrEqual(8);
  });
  it('pads the time domain around every date', () => {
    const [from, to] = timeDomain([dateToTime('2024-01-01'), dateToTime('2025-01-01')]);
    expect(from).toBeLessThan(dateToTime('2024-01-01'));
    expect(to).toBeGreaterThan(dateToTime('2025-01-01'));
  });
});

describe('chart series', () => {
  it('changes colour and pattern together, from Designsystemet tokens', () => {
    const styles = Array.from({ length: 7 }, (_, i) => seriesStyle(i));
    expect(new Set(styles.map((s) => s.pattern)).size).toBe(7);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(7);
    for (const style of styles) expect(style.colour).toMatch(/^var\(--ds-color-[a-z0-9-]+-base-default, #[0-9a-f]{6}\)$/);
    expect(patternId('c1', 2)).not.toBe(patternId('c2', 2));
  });
  it('keeps every token fallback at least 3:1 against white', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (let i = 0; i < 7; i += 1) {
      const hex = /#[0-9a-f]{6}/.exec(seriesStyle(i).colour)![0];
      expect((1 + 0.05) / (luminance(hex) + 0.05), hex).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('chart text alternative', () => {
  it('speaks each category and its series', () => {
    const text = describeCategories(
      [
        { name: 'Granted', values: [{ label: 'Count', value: '3' }, { label: 'Grant', value: '1 000 kr' }] },
        { name: 'Rejected', values: [{ label: 'Count', value: '1' }, { label: 'Grant', value: '0 kr' }] },
      ],
      (n) => `${n} more`,
    );
    expect(text).toBe('Granted: Count 3, Grant 1 000 kr; Rejected: Count 1, Grant 0 kr');
  });
  it('speaks a single series without its name, and points to the table beyond the first categories', () => {
    const categories = Array.from({ length: MAX_SPOKEN_CATEGORIES + 3 }, (_, i) => ({ name: `Year ${i}`, values: [{ label: 'Count', value: String(i) }] }));
    const text = describeCategories(categories, (n) => `and ${n} more in the table`);
    expect(text.startsWith('Year 0: 0; Year 1: 1')).toBe(true);
    expect(text.endsWith('. and 3 more in the table')).toBe(true);
    expect(text).not.toContain(`Year ${MAX_SPOKEN_CATEGORIES}:`);
  });
});

describe('chart data tables', () => {
  it('shows every number of a bar chart, with a sum column when stacked', async () => {
    const { barTable } = await import('../../web/src/app/charts/tables.js');
    const props = {
      categoryLabel: 'Year',
      series: [{ label: 'Grant' }, { label: 'Own share' }],
      data: [
        { category: '2024', values: [1000, 250] },
        { category: '2025', values: [0, 500] },
      ],
      format: { kind: 'money', currency: 'NOK' } as const,
    };
    const grouped = barTable(props, en, 'Total');
    expect(grouped.columns).toEqual(['Year', 'Grant', 'Own share']);
    expect(grouped.rows.map((row) => ({ ...row, cells: row.cells.map(plain) }))).toEqual([
      { header: '2024', cells: ['NOK 1,000', 'NOK 250'] },
      { header: '2025', cells: ['NOK 0', 'NOK 500'] },
    ]);
    const stacked = barTable({ ...props, arrangement: 'stacked' }, en, 'Total');
    expect(stacked.columns.at(-1)).toBe('Total');
    expect(stacked.rows[0]!.cells.map(plain)).toEqual(['NOK 1,000', 'NOK 250', 'NOK 1,250']);
  });
  it('lists every period, an open end as not set', async () => {
    const { timelineTable } = await import('../../web/src/app/charts/tables.js');
    const table = timelineTable(
      { itemLabel: 'Project', detailLabel: 'Programme', items: [{ label: 'Kyststien', start: '2024-03-01', end: null, detail: 'Interreg' }] },
      en,
      { start: 'Start', end: 'End', notSet: 'Not set' },
    );
    expect(table).toEqual({ columns: ['Project', 'Start', 'End', 'Programme'], rows: [{ header: 'Kyststien', cells: ['1 Mar 2024', 'Not set', 'Interreg'] }] });
  });
});
