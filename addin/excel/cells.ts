/**
 * Writing cells through Office.js: text that stays text, and requests Excel takes. Office.js
 * queues every change until `context.sync()` sends the batch as one request, and Excel on the web
 * refuses a request over 5 MB. So writes go through a RequestBatch that counts the bytes queued
 * and sends before the budget is passed, and each batch that writes runs with API calculation
 * suspended (a sync ends a suspension, so it is asked for again for every batch).
 */
import { blockAddress } from '../../core/report/a1.js';
import { xmlSafeText } from '../../core/report/xmlText.js';

/** Excel on the web's limit is 5 MB a request; Saldo's estimate keeps each under half of it. */
export const REQUEST_BUDGET_BYTES = 2_500_000;

/** A formatting call (a font, a fill, a page break …) in a request: its address and property, a few hundred bytes. */
export const FORMAT_CALL_BYTES = 400;

/**
 * Text from the user's data must never become a formula: Excel reads a value that starts with
 * =, +, - or @ as one. Such text is written with a leading apostrophe (Excel's text prefix,
 * not shown in the cell), and text columns also get the text format "@".
 */
export function asTextCell(value: string): string {
  const text = xmlSafeText(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The bytes a value takes in a request's JSON, counted without building it: UTF-8 (æøå are two
 * bytes, most of the rest of Unicode three), quotes and escapes, and a separator.
 */
export function valueBytes(value: unknown): number {
  if (typeof value === 'number') return 24;
  if (typeof value === 'boolean') return 6;
  if (typeof value !== 'string') return 5;
  let bytes = 3;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    // A control character is escaped as \u00XX (six bytes); " and \ get a backslash.
    bytes += c < 0x20 ? 6 : c === 0x22 || c === 0x5c ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes;
}

const rowBytes = (row: readonly unknown[]): number => row.reduce<number>((sum, v) => sum + valueBytes(v), 2);

/** The batch of queued changes of one Excel.run: sent when its estimated size reaches the budget. */
export class RequestBatch {
  private queued = 0;

  constructor(
    readonly context: Excel.RequestContext,
    readonly budget = REQUEST_BUDGET_BYTES,
  ) {}

  /** Room left in this batch, in bytes. */
  get room(): number {
    return Math.max(0, this.budget - this.queued);
  }

  /** Counts `bytes` just queued; sends the batch once it has reached the budget. */
  async add(bytes: number): Promise<void> {
    this.queued += bytes;
    if (this.queued >= this.budget) await this.send();
  }

  /** Sends what is queued, with Excel's API calculation suspended while it is applied. */
  async send(): Promise<void> {
    this.context.workbook.application.suspendApiCalculationUntilNextSync();
    await this.context.sync();
    this.queued = 0;
  }
}

/**
 * Resolves in a later task of the UI thread: what the pane does before it and after it are two
 * tasks, with input and paint between them. A message, not setTimeout (which the browser delays
 * to 4 ms after a few nested calls).
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A row to write: its values and, where the block has them, its number formats. */
export interface RowToWrite {
  values: readonly unknown[];
  formats?: readonly string[];
}

/**
 * Writes a block of values (and number formats) from (row, col) in pieces, each sent before the
 * next is queued when the batch would pass its budget; reports progress in rows. Text XML cannot
 * hold is shown as U+FFFD (core/report/xmlText). One row is the smallest piece.
 */
export async function writeBlock(
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  values: readonly unknown[][],
  formats?: readonly string[][],
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  if ((values[0]?.length ?? 0) === 0) return;
  await writeRows(
    batch,
    sheet,
    row,
    col,
    values.map((v, i) => (formats ? { values: v, formats: formats[i] ?? [] } : { values: v })),
    values.length,
    onProgress,
  );
}

/**
 * `writeBlock` of rows taken from `rows` only as each piece is made: a sheet of 100.000 rows is
 * never converted in one step. Each piece is made after the request before it came back, in a
 * task of its own on the UI thread (issue 22: no task over 200 ms). The rows are as wide as the
 * first; `total` is their number, for progress.
 */
export async function writeRows(
  batch: RequestBatch,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  rows: Iterable<RowToWrite>,
  total: number,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  let width = 0;
  let start = 0;
  let bytes = 0;
  let values: unknown[][] = [];
  let formats: Array<readonly string[]> = [];
  const flush = () => {
    const range = sheet.getRange(blockAddress(row + start, col, values.length, width));
    if (formats.length > 0) range.numberFormat = formats as string[][];
    range.values = values as never;
  };
  let i = 0;
  for (const r of rows) {
    if (i === 0) {
      width = r.values.length;
      if (width === 0) return;
    }
    const size = rowBytes(r.values) + (r.formats ? rowBytes(r.formats) : 0);
    if (i > start && bytes + size > batch.room) {
      flush();
      await batch.add(bytes);
      // The piece filled what room the batch had: send it, so the next piece starts a request.
      if (batch.room < batch.budget) await batch.send();
      onProgress?.(i, total);
      start = i;
      bytes = 0;
      values = [];
      formats = [];
    }
    bytes += size;
    values.push(r.values.map((v) => (typeof v === 'string' ? xmlSafeText(v) : v)));
    if (r.formats) formats.push(r.formats);
    i += 1;
  }
  if (i === 0) return;
  flush();
  await batch.add(bytes);
  onProgress?.(i, total);
}
