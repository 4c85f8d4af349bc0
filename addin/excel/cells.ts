/**
 * Writing cells through Office.js: text that stays text, and blocks in pieces under Excel's
 * 5 MB request limit. Used by the sheet renderer and the template tables.
 */
import { blockAddress } from '../../core/report/a1.js';
import { xmlSafeText } from '../../core/report/xmlText.js';

/** Excel on the web refuses requests over 5 MB; stay well under it (values ≈ 20 bytes a cell). */
export const MAX_CELLS_PER_WRITE = 100_000;

/**
 * Text from the user's data must never become a formula: Excel reads a value that starts with
 * =, +, - or @ as one. Such text is written with a leading apostrophe (Excel's text prefix,
 * not shown in the cell), and text columns also get the text format "@".
 */
export function asTextCell(value: string): string {
  const text = xmlSafeText(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Writes a block of values in pieces that keep each request under the payload limit. */
export function writeChunked(sheet: Excel.Worksheet, row: number, col: number, values: unknown[][], formats?: string[][], maxCells = MAX_CELLS_PER_WRITE): number {
  const width = values[0]?.length ?? 0;
  if (width === 0) return 0;
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / width));
  let chunks = 0;
  for (let start = 0; start < values.length; start += rowsPerChunk) {
    const part = values.slice(start, start + rowsPerChunk);
    const range = sheet.getRange(blockAddress(row + start, col, part.length, width));
    if (formats) range.numberFormat = formats.slice(start, start + rowsPerChunk);
    // Every block of cells passes here: text XML cannot hold is shown as U+FFFD (core/report/xmlText).
    range.values = part.map((r) => r.map((v) => (typeof v === 'string' ? xmlSafeText(v) : v))) as never;
    chunks += 1;
  }
  return chunks;
}

/**
 * Writes a large block in pieces, sending each piece before the next is queued, so no request
 * passes Excel's 5 MB payload limit (a 200,000-row table is ~40 requests). Reports progress.
 */
export async function writeLarge(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  values: unknown[][],
  formats: string[][] | undefined,
  onProgress?: (done: number, total: number) => void,
  maxCells = MAX_CELLS_PER_WRITE,
): Promise<void> {
  const width = values[0]?.length ?? 0;
  if (width === 0) return;
  const rowsPerChunk = Math.max(1, Math.floor(maxCells / width));
  for (let start = 0; start < values.length; start += rowsPerChunk) {
    writeChunked(sheet, row + start, col, values.slice(start, start + rowsPerChunk), formats?.slice(start, start + rowsPerChunk), maxCells);
    if (start + rowsPerChunk < values.length) await context.sync();
    onProgress?.(Math.min(values.length, start + rowsPerChunk), values.length);
  }
}
