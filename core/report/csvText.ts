/** Text for .csv files that Excel opens: `;`-separated, UTF-8 with a BOM so æøå survive. */

/** A text cell for a .csv file Excel opens: quoted where it holds `;`, `"` or a line break; never read as a formula. */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a `;`-separated file Excel opens with æøå intact. */
export function csvText(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}
