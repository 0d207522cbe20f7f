/**
 * Small-group suppression of a breakdown (pure). A breakdown splits the respondents by a person-level
 * attribute (their municipality, their sector); a group with fewer members than the round's threshold
 * is withheld, and so many more groups beside it that the withheld ones cannot be worked out from the
 * overall figure: at least two groups are withheld, together holding at least the threshold.
 */

/** The keys of the groups to withhold. `sizes` maps each group to the number of respondents in it. */
export function suppressedGroups(sizes: ReadonlyMap<string, number>, minGroupSize: number): Set<string> {
  const withheld = new Set<string>();
  if (minGroupSize <= 1) return withheld;
  // An empty group reveals nothing and, withheld, would hide nothing: it takes no part.
  const populated = [...sizes].filter(([, size]) => size > 0).sort(([keyA, a], [keyB, b]) => a - b || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));
  let withheldTotal = 0;
  for (const [key, size] of populated) {
    if (size >= minGroupSize) break;
    withheld.add(key);
    withheldTotal += size;
  }
  if (withheld.size === 0) return withheld;
  // Complementary suppression: the smallest of the remaining groups, until the overall figure minus the
  // shown groups is neither one group nor a total below the threshold.
  for (const [key, size] of populated) {
    if (withheld.size >= 2 && withheldTotal >= minGroupSize) break;
    if (withheld.has(key)) continue;
    withheld.add(key);
    withheldTotal += size;
  }
  return withheld;
}
