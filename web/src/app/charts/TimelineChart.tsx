import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart as RechartsBarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNames } from '../names.js';
import { CategoryTick } from './CategoryTick.js';
import { ChartFigure } from './ChartFigure.js';
import { timelineTable, type TimelineChartProps } from './tables.js';

export type { TimelineChartProps, TimelineItem } from './tables.js';
import { describeCategories } from './describe.js';
import { dateToTime, formatDate } from './format.js';
import { DAY_MS, OPEN_END_DAYS, lyingBarsHeight, timeDomain, timeTicks } from './layout.js';
import { GRID_COLOUR, TEXT_COLOUR, patternId, seriesStyle } from './palette.js';
import { SeriesPatterns } from './SeriesPatterns.js';
import { useNarrowScreen } from './useNarrowScreen.js';

/**
 * Periods on a time axis, one lying bar each (a Gantt-like view): running projects, rounds, phases.
 * Periods without an end run to the axis' end with their own pattern; today is marked with a line and a word.
 */
export function TimelineChart(props: TimelineChartProps) {
  const { caption, items, today, tableOpen } = props;
  const { t } = useTranslation();
  const { locales } = useNames();
  const narrow = useNarrowScreen();
  const chartId = useId().replace(/:/g, '');
  const styles = [seriesStyle(0), seriesStyle(1)];
  const todayTime = dateToTime(today);
  const known = items.flatMap((item) => [dateToTime(item.start), ...(item.end ? [dateToTime(item.end)] : [])]);
  const openEnd = Math.max(todayTime, ...known) + OPEN_END_DAYS * DAY_MS;
  const anyOpen = items.some((item) => !item.end);
  const [from, to] = timeDomain([...known, todayTime, ...(anyOpen ? [openEnd] : [])]);
  const rows = items.map((item, index) => ({ key: String(index), range: [dateToTime(item.start), item.end ? dateToTime(item.end) : openEnd], open: !item.end }));
  const texts = { start: t('charts.start'), end: t('charts.end'), notSet: t('charts.notSet') };
  const table = timelineTable(props, locales, texts);
  const description = describeCategories(
    table.rows.map((row) => ({ name: row.header, values: [{ label: '', value: `${row.cells[0]} – ${row.cells[1]}` }] })),
    (count) => t('charts.moreInTable', { count }),
  );
  const legend = [{ label: t('charts.period'), style: styles[0]! }, ...(anyOpen ? [{ label: t('charts.openEnd'), style: styles[1]! }] : [])];
  const nameOf = (key: string) => items[Number(key)]?.label ?? key;
  return (
    <ChartFigure chartId={chartId} caption={caption} legend={legend} table={table} tableOpen={tableOpen}>
      <ResponsiveContainer width="100%" height={lyingBarsHeight(items.length, 1) + 16}>
        <RechartsBarChart data={rows} layout="vertical" role="img" title={caption} desc={description} accessibilityLayer={false} margin={{ top: 24, right: 24, bottom: 8, left: 8 }} barCategoryGap="25%">
          <SeriesPatterns chartId={chartId} styles={styles} />
          <CartesianGrid stroke={GRID_COLOUR} horizontal={false} />
          <XAxis
            type="number"
            scale="time"
            domain={[from, to]}
            ticks={timeTicks(from, to)}
            tickFormatter={(time: number) => formatDate(time, locales, 'month')}
            tick={{ fill: TEXT_COLOUR, fontSize: 12 }}
            stroke={GRID_COLOUR}
          />
          <YAxis type="category" dataKey="key" width={narrow ? 96 : 184} interval={0} stroke={GRID_COLOUR} tick={(tickProps: object) => <CategoryTick {...tickProps} maxCharacters={narrow ? 12 : 24} anchor="end" nameOf={nameOf} />} />
          <Tooltip
            cursor={{ fill: GRID_COLOUR, fillOpacity: 0.4 }}
            content={({ active, label }) => {
              const row = active ? table.rows[Number(label)] : undefined;
              return row ? (
                <div className="chart-tooltip">
                  <p>
                    <strong>{row.header}</strong>
                  </p>
                  <p>
                    {row.cells[0]} – {row.cells[1]}
                  </p>
                </div>
              ) : null;
            }}
          />
          <Bar dataKey="range" isAnimationActive={false} maxBarSize={22}>
            {rows.map((row) => (
              <Cell key={row.key} fill={`url(#${patternId(chartId, row.open ? 1 : 0)})`} stroke={styles[row.open ? 1 : 0]!.colour} />
            ))}
          </Bar>
          <ReferenceLine x={todayTime} stroke={TEXT_COLOUR} strokeDasharray="4 3" label={{ value: t('charts.today'), position: 'top', fill: TEXT_COLOUR, fontSize: 12 }} />
        </RechartsBarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
