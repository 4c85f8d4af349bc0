import { maskCprsIn } from './personal/cpr.js';

/**
 * Typed errors for people. Every error that core throws carries a stable `code` (for programs),
 * the `field` it is about, the offending `value` and a Danish `message` (for people).
 * The add-in turns them into cell errors or form messages; the CLI prints the message, exit 2.
 */

export type SaldoErrorCode =
  | 'UGYLDIGT_INPUT' // wrong shape: not an object, unknown field, wrong type
  | 'MANGLER' // a required field is missing
  | 'UGYLDIGT_BELØB' // not a krone amount with at most 2 decimals, negative where not allowed
  | 'UGYLDIG_DATO' // not a real YYYY-MM-DD calendar date
  | 'UGYLDIG_SATS' // interest rate out of range
  | 'KONFLIKT' // fields that cannot be given together
  | 'BETALES_ALDRIG' // the installment does not cover the interest
  | 'FOR_MANGE_RÆKKER' // the schedule would be absurdly long
  | 'UDEN_FOR_TABEL' // a rule table does not cover the case (never guess a figure)
  | 'UGYLDIG_REGEL' // a rule override is malformed
  | 'AFSTEMNING'; // a statement does not reconcile (a bug or a corrupt ledger: never printed)

/**
 * Where in an input a value sits: keys and list positions, e.g. `['claims', 0, 'principal']`.
 * A single text is one step (a cell function's own argument name, `'(input)'` for the whole).
 */
export type Place = readonly (string | number)[];
/** Where an error is: a place, or one step named by text. */
export type At = Place | string;
/**
 * How a front end names a place: the CLI as a JSON path (`claims[0].principal`), a cell by the
 * function's Danish arguments (`fordring 1, hovedstol`), the task pane by its form labels,
 * a table by row and column. Each front end has one; nobody takes a message apart again.
 */
export type Namer = (place: Place) => string;
/** An error's words: a fixed text, or a text that names places through the front end's namer. */
export type Wording = string | ((name: Namer) => string);

export const placeOf = (at: At): Place => (typeof at === 'string' ? [at] : at);

/** A place as a JSON path: `claims[0].principal`; the whole input is `(input)`. */
export const jsonPath: Namer = (place) => place.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('') || '(input)';

const worded = (wording: Wording, name: Namer): string => (typeof wording === 'string' ? wording : wording(name));

export class SaldoError extends Error {
  override readonly name = 'SaldoError';
  readonly place: Place;
  /** The place as a JSON path (what programs and the CLI see). */
  readonly field: string;
  /** The words after the place, when the message is "place: reason" (see `SaldoError.at`). */
  readonly reason: Wording | undefined;
  constructor(
    readonly code: SaldoErrorCode,
    at: At,
    readonly value: unknown,
    readonly wording: Wording,
    reason?: Wording,
  ) {
    super(worded(wording, jsonPath));
    this.place = placeOf(at);
    this.field = jsonPath(this.place);
    this.reason = reason;
  }

  /** An error told as "place: reason", the place named by each front end its own way. */
  static at(code: SaldoErrorCode, at: At, value: unknown, reason: Wording): SaldoError {
    const place = placeOf(at);
    return new SaldoError(code, place, value, (name) => `${name(place)}: ${worded(reason, name)}`, reason);
  }

  /** The message with places named by `name` (the CLI's `message` uses JSON paths). */
  messageFor(name: Namer): string {
    return worded(this.wording, name);
  }

  /** The reason alone (without the leading place), or the whole message when it has none. */
  reasonFor(name: Namer): string {
    return worded(this.reason ?? this.wording, name);
  }

  /** Whether the message names the error's own place (else a front end may put it in front). */
  namesItsPlace(): boolean {
    const own = this.field;
    let named = false;
    this.messageFor((place) => {
      if (jsonPath(place) === own) named = true;
      return '';
    });
    return named;
  }
}

export const isSaldoError = (e: unknown): e is SaldoError => e instanceof SaldoError;

/** The error as plain JSON data (for batch answers and the add-in). */
export function errorToJson(e: SaldoError): { code: SaldoErrorCode; field: string; message: string } {
  return { code: e.code, field: e.field, message: e.message };
}

/** Shown in a message: a value longer than this is cut, with "..." after. */
const SHOWN_LENGTH = 60;

/**
 * Up to `limit` characters of `value` as JSON, built piece by piece: it stops as soon as the text
 * is long enough, so a value nested 100,000 deep or a list of a million elements costs no more
 * than a short one (JSON.stringify would walk all of it, and overflow the stack on the deep one).
 * The recursion is bounded: each level adds at least one character.
 */
function jsonPreview(value: unknown, limit: number): string {
  let out = '';
  const put = (piece: string): boolean => {
    out += piece;
    return out.length <= limit;
  };
  const scalar = (v: unknown): string => (typeof v === 'bigint' ? String(v) : (JSON.stringify(v) ?? 'null'));
  const walk = (v: unknown): boolean => {
    if (Array.isArray(v)) {
      if (!put('[')) return false;
      for (let i = 0; i < v.length; i += 1) if ((i > 0 && !put(',')) || !walk(v[i])) return false;
      return put(']');
    }
    if (typeof v === 'object' && v !== null) {
      if (!put('{')) return false;
      let first = true;
      for (const key of Object.keys(v)) {
        const item = (v as Record<string, unknown>)[key];
        if (item === undefined || typeof item === 'function') continue;
        if ((!first && !put(',')) || !put(`${JSON.stringify(key)}:`) || !walk(item)) return false;
        first = false;
      }
      return put('}');
    }
    return put(scalar(v));
  };
  walk(value);
  return out;
}

/**
 * A finite number as a Dane writes it: 2,5, not 2.5; 0,0000001, not 1e-7; and one too large for
 * any amount or count by its number of digits, not as 1e+308.
 */
function shownNumber(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e15) return `${value < 0 ? 'minus ' : ''}et tal med ${Math.floor(Math.log10(size)) + 1} cifre`;
  return value.toLocaleString('da-DK', { maximumFractionDigits: 20, useGrouping: false });
}

/** Shows a user's value in a message without flooding it (values may be long or nested). */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = `"${value}"`;
  // NaN and ±Infinity come from programs, not people: said in words, not as JavaScript's names.
  else if (typeof value === 'number' && Number.isNaN(value)) text = 'et ugyldigt tal';
  else if (typeof value === 'number' && !Number.isFinite(value)) text = value > 0 ? 'uendeligt' : 'minus uendeligt';
  else if (value === null) text = 'en tom værdi';
  else if (typeof value === 'number') text = shownNumber(value);
  else if (typeof value === 'boolean') text = value ? 'sand' : 'falsk';
  else if (value === undefined) text = 'ingenting';
  // Built a little past the cut, so that a CPR number across it is whole when it is masked.
  else text = jsonPreview(value, SHOWN_LENGTH + 20);
  // A CPR number in a message is masked, however written, before the cut can split one.
  const masked = maskCprsIn(text);
  return masked.length > SHOWN_LENGTH ? `${masked.slice(0, SHOWN_LENGTH - 3)}...` : masked;
}

/**
 * The deepest nesting of lists and objects a Saldo input may have. The deepest real input (a
 * rule file's rate table rows) is 4 levels; 64 leaves room and keeps every walk over user data
 * far from the stack's end.
 */
export const MAX_NESTING = 64;

/**
 * Where `value` is nested deeper than MAX_NESTING (the path of its first three steps, e.g.
 * `claims[0].principal`), or null. Walked with an explicit stack, never by recursion.
 */
export function tooDeepAt(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  interface Frame {
    node: object;
    keys: string[] | null;
    at: number;
  }
  const frames: Frame[] = [];
  const enter = (node: object) => frames.push({ node, keys: Array.isArray(node) ? null : Object.keys(node), at: 0 });
  enter(value);
  while (frames.length > 0) {
    const top = frames[frames.length - 1]!;
    const size = top.keys === null ? (top.node as unknown[]).length : top.keys.length;
    if (top.at >= size) {
      frames.pop();
      continue;
    }
    const child = top.keys === null ? (top.node as unknown[])[top.at] : (top.node as Record<string, unknown>)[top.keys[top.at]!];
    top.at += 1;
    if (typeof child !== 'object' || child === null) continue;
    if (frames.length >= MAX_NESTING) {
      return (
        frames
          .slice(0, 3)
          .map((f, i) => (f.keys === null ? `[${f.at - 1}]` : `${i === 0 ? '' : '.'}${f.keys[f.at - 1]}`))
          .join('') || '(input)'
      );
    }
    enter(child);
  }
  return null;
}

/** Throws a Danish error when `value` is nested deeper than any Saldo input (see tooDeepAt). */
export function checkNesting(value: unknown): void {
  const at = tooDeepAt(value);
  if (at !== null) throw new SaldoError('UGYLDIGT_INPUT', at, undefined, nestingMessage(at));
}

export const nestingMessage = (at: string): string =>
  `${at}: værdien er for dybt indlejret (mere end ${MAX_NESTING} niveauer af lister eller objekter inde i hinanden). Et Saldo-input har kun få niveauer: tjek hvordan filen er lavet.`;
