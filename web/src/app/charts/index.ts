/**
 * The product's charts (recharts, see docs/DECISIONS.md): every chart is a <figure> with a caption, an SVG
 * named for assistive technology, a legend in words and patterns, and the same numbers as a table.
 * Import from here only in lazily loaded pages, so recharts downloads with the pages that draw.
 */
export { BarChart } from './BarChart.js';
export { TimelineChart } from './TimelineChart.js';
export { barTable, timelineTable, type BarChartProps, type BarDatum, type BarSeries, type DataTableModel, type TimelineChartProps, type TimelineItem } from './tables.js';
export { formatDate, formatValue, type ValueFormat } from './format.js';
