/**
 * How wide each column of a letter's table is drawn, from the width its widest cell needs on one
 * line. The table always spans the text width, so every table in a letter has the same edges.
 *
 * - When everything fits, the spare width is shared in proportion to the natural widths: a
 *   column of long texts grows more than a column of dates.
 * - When it does not, a column that needs no more than an equal share keeps its natural width
 *   (amounts and dates stay on one line) and the rest share what is left equally, so their text
 *   wraps. No column gets less than its natural width or an equal share, whichever is less.
 *
 * @example
 * columnWidths([100, 50], 300) // [200, 100]
 * columnWidths([400, 50, 50], 300) // [200, 50, 50]
 */
export function columnWidths(natural: readonly number[], available: number): number[] {
  const total = natural.reduce((sum, w) => sum + w, 0);
  if (natural.length === 0) return [];
  if (total <= 0) return natural.map(() => available / natural.length);
  if (total <= available) return natural.map((w) => (w / total) * available);
  // Water-filling: settle the narrow columns first; each settled one leaves more for the rest.
  const settled = new Map<number, number>();
  let left = available;
  let changed = true;
  while (changed) {
    changed = false;
    const open = natural.map((w, i) => ({ w, i })).filter(({ i }) => !settled.has(i));
    const share = left / open.length;
    for (const { w, i } of open) {
      if (w <= share) {
        settled.set(i, w);
        left -= w;
        changed = true;
      }
    }
  }
  // Equal, not proportional: a proportional cut could leave a merely wide column below its share.
  const wide = natural.map((_, i) => i).filter((i) => !settled.has(i));
  return natural.map((_, i) => settled.get(i) ?? left / wide.length);
}
