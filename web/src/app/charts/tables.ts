/** The numbers behind each chart, as its data table shows them (pure). */
import { formatDate, formatValue, type ValueFormat } from './format.js';

export interface DataTableModel {
  /** Column headings; the first names the categories (row headers). */
  columns: readonly string[];
  /** Each row: its header, then one formatted cell per further column. */
  rows: readonly { header: string; cells: readonly string[] }[];
}

export interface BarSeries {
  label: string;
  /** How this series' numbers read; defaults to the chart's `format`. */
  format?: ValueFormat;
}

export interface BarDatum {
  category: string;
  /** One value per series, in the order of `series`. */
  values: readonly number[];
}

export interface BarChartProps {
  caption: string;
  /** The table's heading over the categories, e.g. "Status". */
  categoryLabel: string;
  series: readonly BarSeries[];
  data: readonly BarDatum[];
  format: ValueFormat;
  /** Lying bars (good for long names, the default) or standing columns (good for years). */
  orientation?: 'horizontal' | 'vertical';
  /** Several series side by side, or stacked into one bar per category (the table then adds a sum). */
  arrangement?: 'grouped' | 'stacked';
  /** The value axis' end when the scale has one (e.g. 5 for scores 1–5); else from the data. */
  maxValue?: number;
  tableOpen?: boolean;
}

export interface TimelineItem {
  label: string;
  /** Calendar dates, YYYY-MM-DD; no end means "not decided yet". */
  start: string;
  end: string | null;
  /** A further column in the table, e.g. the programme. */
  detail?: string | null;
}

export interface TimelineChartProps {
  caption: string;
  /** Table headings: what the rows are, and the optional detail column. */
  itemLabel: string;
  detailLabel?: string;
  items: readonly TimelineItem[];
  /** Today's date (YYYY-MM-DD), marked on the axis; passed in so the picture is the same for everyone that day. */
  today: string;
  tableOpen?: boolean;
}

/** The numbers behind a bar chart as the data table shows them (pure; exported for tests). */
export function barTable(props: Pick<BarChartProps, 'categoryLabel' | 'series' | 'data' | 'format' | 'arrangement'>, locales: readonly string[], totalLabel: string): DataTableModel {
  const stacked = props.arrangement === 'stacked' && props.series.length > 1;
  const columns = [props.categoryLabel, ...props.series.map((s) => s.label), ...(stacked ? [totalLabel] : [])];
  const rows = props.data.map((datum) => {
    const cells = datum.values.map((value, index) => formatValue(value, props.series[index]?.format ?? props.format, locales));
    if (stacked) cells.push(formatValue(datum.values.reduce((sum, value) => sum + value, 0), props.format, locales));
    return { header: datum.category, cells };
  });
  return { columns, rows };
}

/** The periods as the data table shows them (pure; exported for tests). */
export function timelineTable(props: Pick<TimelineChartProps, 'itemLabel' | 'detailLabel' | 'items'>, locales: readonly string[], texts: { start: string; end: string; notSet: string }): DataTableModel {
  const withDetail = props.detailLabel !== undefined;
  return {
    columns: [props.itemLabel, texts.start, texts.end, ...(withDetail ? [props.detailLabel!] : [])],
    rows: props.items.map((item) => ({
      header: item.label,
      cells: [formatDate(item.start, locales), item.end ? formatDate(item.end, locales) : texts.notSet, ...(withDetail ? [item.detail ?? ''] : [])],
    })),
  };
}

