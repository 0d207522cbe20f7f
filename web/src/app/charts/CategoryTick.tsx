import { shorten } from './layout.js';
import { TEXT_COLOUR } from './palette.js';

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}

/**
 * A category's name at its bar: shortened to fit, with the whole name as the tick's tooltip (the table
 * and the text alternative always have it whole).
 */
export function CategoryTick({ x = 0, y = 0, payload, maxCharacters, anchor, angle = 0, nameOf }: TickProps & { maxCharacters: number; anchor: 'end' | 'middle'; angle?: number; nameOf?: (value: string) => string }) {
  const value = String(payload?.value ?? '');
  const name = nameOf ? nameOf(value) : value;
  const shown = shorten(name, maxCharacters);
  return (
    <g transform={`translate(${x},${y})`}>
      <text
        x={anchor === 'end' ? -6 : 0}
        y={anchor === 'end' ? 0 : 12}
        textAnchor={angle ? 'end' : anchor}
        dominantBaseline={anchor === 'end' ? 'central' : 'auto'}
        transform={angle ? `rotate(${angle})` : undefined}
        fill={TEXT_COLOUR}
        fontSize={13}
      >
        {shown !== name && <title>{name}</title>}
        {shown}
      </text>
    </g>
  );
}
