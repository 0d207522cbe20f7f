/**
 * The series' look. Colours are Designsystemet's base tokens (each ≥ 3:1 against the page's white and
 * against the tinted background), and every series also has its own fill pattern, so no series is told
 * by colour alone — in print, in greyscale, or for people who do not see the difference.
 */
export type PatternKind = 'solid' | 'diagonal' | 'dots' | 'horizontal' | 'crosshatch' | 'vertical' | 'reverse-diagonal';

export interface SeriesStyle {
  /** A CSS colour: a Designsystemet token with its light-mode value as fallback. */
  colour: string;
  pattern: PatternKind;
}

const TOKENS: readonly { token: string; fallback: string }[] = [
  { token: '--ds-color-accent-base-default', fallback: '#0062ba' },
  { token: '--ds-color-brand1-base-default', fallback: '#0d7a5f' },
  { token: '--ds-color-brand2-base-default', fallback: '#5b3fa0' },
  { token: '--ds-color-warning-base-default', fallback: '#60400b' },
  { token: '--ds-color-danger-base-default', fallback: '#c01b1b' },
  { token: '--ds-color-neutral-base-default', fallback: '#24272b' },
  { token: '--ds-color-info-base-default', fallback: '#0a71c0' },
];

const PATTERNS: readonly PatternKind[] = ['solid', 'diagonal', 'dots', 'horizontal', 'crosshatch', 'vertical', 'reverse-diagonal'];

/** The style of the n-th series; colour and pattern both change, and repeat only together after seven. */
export function seriesStyle(index: number): SeriesStyle {
  const { token, fallback } = TOKENS[index % TOKENS.length]!;
  return { colour: `var(${token}, ${fallback})`, pattern: PATTERNS[index % PATTERNS.length]! };
}

/** The id of a series' pattern inside one chart (ids are per chart so two charts never share one). */
export function patternId(chartId: string, index: number): string {
  return `${chartId}-series-${index}`;
}

/** Text and lines of a chart: Designsystemet's text colours. */
export const TEXT_COLOUR = 'var(--ds-color-neutral-text-default, #202225)';
export const SUBTLE_COLOUR = 'var(--ds-color-neutral-text-subtle, #5b5f65)';
export const GRID_COLOUR = 'var(--ds-color-neutral-border-subtle, #d1d3d6)';
