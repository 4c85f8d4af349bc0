/** A1-style cell addresses, for writers of sheets (the add-in's and the CLI's). */

/** @example columnLetter(27) // "AA" */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** `A1:H13` for a block starting at (row, col), 1-based. */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  return `${columnLetter(col)}${row}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
}
