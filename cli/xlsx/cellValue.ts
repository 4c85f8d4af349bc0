/** ExcelJS's cell values as Saldo's readers take them. */
import { dateCell } from '../../core/input/cells.js';

/** A cell as a sheet API would give it: text, number, boolean, a date cell, or '' (a formula's saved value; an error's text). */
export function cellOf(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateCell(Math.floor(v.getTime() / 86_400_000));
  if (typeof v !== 'object') return v;
  const o = v as { richText?: Array<{ text?: string }>; text?: unknown; result?: unknown; formula?: string; sharedFormula?: string; error?: string };
  if (Array.isArray(o.richText)) return o.richText.map((t) => t.text ?? '').join('');
  if (typeof o.error === 'string') return o.error;
  if ('formula' in o || 'sharedFormula' in o) return cellOf(o.result);
  if ('text' in o) return cellOf(o.text);
  return '';
}
