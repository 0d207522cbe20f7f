import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart as RechartsBarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useNames } from '../names.js';
import { CategoryTick } from './CategoryTick.js';
import { ChartFigure } from './ChartFigure.js';
import { barTable, type BarChartProps } from './tables.js';

export type { BarChartProps, BarDatum, BarSeries } from './tables.js';
import { ChartTooltip } from './ChartTooltip.js';
import { describeCategories } from './describe.js';
import { formatTick, formatValue } from './format.js';
import { lyingBarsHeight } from './layout.js';
import { GRID_COLOUR, TEXT_COLOUR, patternId, seriesStyle } from './palette.js';
import { SeriesPatterns } from './SeriesPatterns.js';
import { useNarrowScreen } from './useNarrowScreen.js';

const seriesKey = (index: number) => `s${index}`;

/**
 * Bars for categories — one or more series, grouped or stacked, lying or standing. Each series has a
 * token colour and a pattern, grouped bars carry their value as a label, and the table has every number.
 */
export function BarChart(props: BarChartProps) {
  const { caption, series, data, format, orientation = 'horizontal', arrangement = 'grouped', maxValue, tableOpen } = props;
  const { t } = useTranslation();
  const { locales } = useNames();
  const narrow = useNarrowScreen();
  const chartId = useId().replace(/:/g, '');
  const styles = series.map((_, index) => seriesStyle(index));
  const stacked = arrangement === 'stacked' && series.length > 1;
  const lying = orientation === 'horizontal';
  const rows = data.map((datum) => Object.fromEntries([['category', datum.category], ...datum.values.map((value, index) => [seriesKey(index), value])]));
  const table = barTable(props, locales, t('charts.total'));
  const description = describeCategories(
    table.rows.map((row) => ({ name: row.header, values: series.map((s, index) => ({ label: s.label, value: row.cells[index]! })) })),
    (count) => t('charts.moreInTable', { count }),
  );
  const tick = (value: number) => formatTick(value, format, locales);
  const categoryRoom = narrow ? 96 : 168;
  const valueAxis = { type: 'number' as const, tickFormatter: tick, tick: { fill: TEXT_COLOUR, fontSize: 12 }, stroke: GRID_COLOUR, allowDecimals: format.kind !== 'count', ...(maxValue === undefined ? {} : { domain: [0, maxValue] as [number, number] }) };
  const manyColumns = !lying && data.length > (narrow ? 3 : 6);
  const categoryTick = (tickProps: object) => (
    <CategoryTick {...tickProps} maxCharacters={lying ? (narrow ? 12 : 22) : manyColumns ? 14 : 18} anchor={lying ? 'end' : 'middle'} angle={manyColumns ? -35 : 0} />
  );
  const categoryAxis = { type: 'category' as const, dataKey: 'category', tick: categoryTick, interval: 0, stroke: GRID_COLOUR };
  const height = lying ? lyingBarsHeight(data.length, stacked ? 1 : series.length) : manyColumns ? 320 : 280;
  return (
    <ChartFigure chartId={chartId} caption={caption} legend={series.length > 1 ? series.map((s, index) => ({ label: s.label, style: styles[index]! })) : undefined} table={table} tableOpen={tableOpen}>
      <ResponsiveContainer width="100%" height={height}>
        <RechartsBarChart
          data={rows}
          layout={lying ? 'vertical' : 'horizontal'}
          role="img"
          title={caption}
          desc={description}
          accessibilityLayer={false}
          margin={{ top: 16, right: lying && !stacked ? 72 : 16, bottom: manyColumns ? 48 : 8, left: 8 }}
          barCategoryGap="20%"
        >
          <SeriesPatterns chartId={chartId} styles={styles} />
          <CartesianGrid stroke={GRID_COLOUR} horizontal={!lying} vertical={lying} />
          {lying ? <XAxis {...valueAxis} /> : <XAxis {...categoryAxis} height={manyColumns ? 64 : 30} />}
          {lying ? <YAxis {...categoryAxis} width={categoryRoom} /> : <YAxis {...valueAxis} width={72} />}
          <Tooltip content={<ChartTooltip format={(value, index) => formatValue(value, series[index]?.format ?? format, locales)} />} cursor={{ fill: GRID_COLOUR, fillOpacity: 0.4 }} />
          {series.map((s, index) => (
            <Bar
              key={index}
              dataKey={seriesKey(index)}
              name={s.label}
              fill={`url(#${patternId(chartId, index)})`}
              stroke={styles[index]!.colour}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
              maxBarSize={48}
            >
              {!stacked && (
                <LabelList
                  dataKey={seriesKey(index)}
                  position={lying ? 'right' : 'top'}
                  fill={TEXT_COLOUR}
                  fontSize={12}
                  formatter={(value: unknown) => (typeof value === 'number' ? tick(value) : '')}
                />
              )}
            </Bar>
          ))}
        </RechartsBarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
