/** The hover box of a chart (for mouse users; everyone has the same numbers in the table). */
export function ChartTooltip({ active, payload, label, format }: { active?: boolean; payload?: readonly { name?: unknown; value?: unknown }[]; label?: unknown; format: (value: number, seriesIndex: number) => string }) {
  if (!active || !payload || payload.length === 0) return null;
  return (
    <div className="chart-tooltip">
      <p>
        <strong>{String(label ?? '')}</strong>
      </p>
      {payload.map((entry, index) => (
        <p key={index}>
          {String(entry.name ?? '')}: {typeof entry.value === 'number' ? format(entry.value, index) : String(entry.value ?? '')}
        </p>
      ))}
    </div>
  );
}
