/** A chart's text alternative: what a screen reader hears for the picture (pure). */

export interface DescribedValue {
  label: string;
  /** Already formatted in the reader's language. */
  value: string;
}

/** Short enough to hear: every category when there are few, else the first ones and a pointer to the table. */
export const MAX_SPOKEN_CATEGORIES = 8;

export function describeCategories(categories: readonly { name: string; values: readonly DescribedValue[] }[], more: (count: number) => string): string {
  const spoken = categories.slice(0, MAX_SPOKEN_CATEGORIES).map(({ name, values }) => {
    const parts = values.map((v) => (values.length === 1 ? v.value : `${v.label} ${v.value}`));
    return `${name}: ${parts.join(', ')}`;
  });
  const rest = categories.length - spoken.length;
  return [spoken.join('; '), rest > 0 ? more(rest) : ''].filter(Boolean).join('. ');
}
