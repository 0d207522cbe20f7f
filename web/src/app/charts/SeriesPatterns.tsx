import type { ReactElement } from 'react';
import { patternId, type PatternKind, type SeriesStyle } from './palette.js';

const SIZE = 8;
/** Light lines over the series' colour: the colour still covers most of the bar, so its contrast holds. */
const LINE = { stroke: '#ffffff', strokeWidth: 1.5, strokeOpacity: 0.85 } as const;

function marks(kind: PatternKind): ReactElement | null {
  switch (kind) {
    case 'solid':
      return null;
    case 'diagonal':
      return <path d={`M0,${SIZE} L${SIZE},0 M-2,2 L2,-2 M${SIZE - 2},${SIZE + 2} L${SIZE + 2},${SIZE - 2}`} {...LINE} />;
    case 'reverse-diagonal':
      return <path d={`M0,0 L${SIZE},${SIZE} M-2,${SIZE - 2} L2,${SIZE + 2} M${SIZE - 2},-2 L${SIZE + 2},2`} {...LINE} />;
    case 'dots':
      return <circle cx={SIZE / 2} cy={SIZE / 2} r={1.6} fill="#ffffff" fillOpacity={0.85} />;
    case 'horizontal':
      return <path d={`M0,${SIZE / 2} L${SIZE},${SIZE / 2}`} {...LINE} />;
    case 'vertical':
      return <path d={`M${SIZE / 2},0 L${SIZE / 2},${SIZE}`} {...LINE} />;
    case 'crosshatch':
      return <path d={`M0,${SIZE / 2} L${SIZE},${SIZE / 2} M${SIZE / 2},0 L${SIZE / 2},${SIZE}`} {...LINE} />;
  }
}

/** One <pattern> per series, for the chart's bars and the legend's swatches. */
export function SeriesPatterns({ chartId, styles }: { chartId: string; styles: readonly SeriesStyle[] }) {
  return (
    <defs>
      {styles.map((style, index) => (
        <pattern key={index} id={patternId(chartId, index)} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
          <rect width={SIZE} height={SIZE} fill={style.colour} />
          {marks(style.pattern)}
        </pattern>
      ))}
    </defs>
  );
}

/** The legend's sample of a series: the same pattern as its bars, with its own pattern definition. */
export function Swatch({ chartId, index, style }: { chartId: string; index: number; style: SeriesStyle }) {
  const id = `${patternId(chartId, index)}-swatch`;
  return (
    <svg aria-hidden="true" focusable="false" width="18" height="18" className="chart__swatch">
      <defs>
        <pattern id={id} width={SIZE} height={SIZE} patternUnits="userSpaceOnUse">
          <rect width={SIZE} height={SIZE} fill={style.colour} />
          {marks(style.pattern)}
        </pattern>
      </defs>
      <rect x="0.5" y="0.5" width="17" height="17" fill={`url(#${id})`} stroke={style.colour} />
    </svg>
  );
}
