/**
 * Calls Saldo's custom functions the way Excel does, from the metadata Excel reads
 * (functions.json, generated from the JSDoc by custom-functions-metadata as the build does), not
 * from the TypeScript signatures. What it models, from Microsoft's documentation of custom
 * functions (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-*):
 *
 * - **Scalar or matrix by `dimensionality`.** A matrix parameter gets rows of cells (one value is
 *   `[[value]]`). A scalar parameter given a range of several cells is *array-lifted*: Excel calls
 *   the function once per cell (ranges of one row or column broadcast) and spills the answers, an
 *   error per cell where a call failed; a call that itself returns a matrix is `#CALC!` in its cell.
 * - **Optional and repeating parameters.** An omitted optional argument is `null`; an omitted
 *   required one, or one too many, is a formula Excel will not take (the test fails). The
 *   arguments from a repeating parameter on are passed as one array.
 * - **Blank cells.** An empty cell (`EMPTY`), in a range or referred to alone, arrives as `0` in
 *   Excel for Windows and as `null` in Excel on the web (`platform`). Run blank tests both ways.
 * - **Dates are serial numbers** (`serial('2026-02-01')` = 46054); Excel never passes a Date.
 * - **Data types.** With `allowCustomDataForDataTypeAny` (custom-functions-metadata sets it), a
 *   cell holding a formatted number value reaches an `any` parameter as the object
 *   (`{ type: 'FormattedNumber', basicValue, numberFormat }`), other parameter types its number.
 * - **Results** are checked against the metadata: a matrix result is rows of cells, a scalar is
 *   not an array, and a data-type object needs a result of type `any`.
 *
 * Excel's conversion of a value to a parameter's declared type (text to a `number` parameter) is
 * not modelled: values reach the function as the cell holds them, so every function still checks.
 */
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functions from '../../addin/functions/functions.js';
import { dateToExcelSerial } from '../../core/calendar/excelSerial.js';
import { parseDate } from '../../core/calendar/date.js';

export type Platform = 'windows' | 'web';
export const PLATFORMS: readonly Platform[] = ['windows', 'web'];

/** An empty cell: 0 on Windows, null on the web. */
export const EMPTY: unique symbol = Symbol('empty cell');
/** An argument left out (`=SALDO.F(a;;c)` or a trailing one). */
export const OMITTED: unique symbol = Symbol('omitted argument');

export interface FormattedNumber {
  type: 'FormattedNumber';
  basicValue: number;
  numberFormat: string;
}
export type Cell = number | string | boolean | FormattedNumber | typeof EMPTY;
export type Argument = Cell | Cell[][] | typeof OMITTED;

/** What a cell (or each cell of a spill) shows: a value, or an error with its message. */
export interface CellError {
  error: string;
  message?: string;
  /** Set on errors Excel makes itself (a lifted call's #CALC!, #N/A beyond a range): no message. */
  by?: 'excel';
}
export type Shown = unknown;

export interface ParameterMetadata {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result?: { type?: string; dimensionality?: string };
}
export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

/** A date as the serial number Excel stores and passes. */
export const serial = (iso: string): number => dateToExcelSerial(parseDate(iso, 'test'));

let generated: Promise<{ metadata: Metadata; byId: Map<string, string> }> | undefined;

/** functions.json as the build makes it, and which exported function each id is. */
export function generatedMetadata(): Promise<{ metadata: Metadata; byId: Map<string, string> }> {
  generated ??= generateCustomFunctionsMetadata(new URL('../../addin/functions/functions.ts', import.meta.url).pathname).then((r) => {
    if (r.errors.length > 0) throw new Error(`custom-functions-metadata: ${r.errors.join('; ')}`);
    return { metadata: JSON.parse(r.metadataJson) as Metadata, byId: new Map(r.associate.map((a) => [a.id, a.functionName])) };
  });
  return generated;
}

const isRange = (a: unknown): a is Cell[][] => Array.isArray(a);
const isFormatted = (v: unknown): v is FormattedNumber => typeof v === 'object' && v !== null && !Array.isArray(v) && (v as { type?: unknown }).type === 'FormattedNumber';

function cellAsPassed(cell: Argument, parameter: ParameterMetadata, metadata: Metadata, platform: Platform): unknown {
  if (cell === EMPTY) return platform === 'windows' ? 0 : null;
  if (cell === OMITTED) return null;
  if (isFormatted(cell)) return parameter.type === 'any' && metadata.allowCustomDataForDataTypeAny ? cell : cell.basicValue;
  return cell;
}

/** A thrown (or, for an async function, rejected) CustomFunctions.Error as the cell shows it. */
function cellErrorOf(e: unknown): CellError {
  const err = e as { code?: unknown; message?: string };
  // Only a CustomFunctions.Error becomes a cell error; anything else escaping is a bug.
  if (typeof err.code !== 'string') throw e;
  return { error: err.code, message: err.message };
}

/** The function's result; an async function's (Excel shows #BUSY! until it settles) as a promise of it. */
function outcome(run: () => unknown): unknown {
  try {
    const value = run();
    return value instanceof Promise ? value.catch(cellErrorOf) : value;
  } catch (e) {
    return cellErrorOf(e);
  }
}

/** `then` for a value that may be a promise. */
const andThen = (v: unknown, f: (v: unknown) => unknown): unknown => (v instanceof Promise ? v.then(f) : f(v));

export const isCellError = (v: unknown): v is CellError => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as CellError).error === 'string';

function checkResult(f: FunctionMetadata, metadata: Metadata, value: unknown): void {
  if (isCellError(value)) return;
  const matrix = f.result?.dimensionality === 'matrix';
  if (matrix !== Array.isArray(value)) throw new Error(`${f.id} returned ${matrix ? 'a scalar' : 'an array'} for a ${matrix ? 'matrix' : 'scalar'} result`);
  const cells = matrix ? (value as unknown[][]).flat() : [value];
  if (matrix && !(value as unknown[]).every(Array.isArray)) throw new Error(`${f.id} returned a matrix that is not rows of cells`);
  for (const c of cells) {
    if (typeof c !== 'object' || c === null) continue;
    if (!isFormatted(c)) throw new Error(`${f.id} returned an object Excel cannot show: ${JSON.stringify(c)}`);
    if (!(metadata.allowCustomDataForDataTypeAny && (f.result?.type ?? 'any') === 'any')) throw new Error(`${f.id} returned a formatted number, but its result type is ${f.result?.type}`);
  }
}

export interface ExcelCaller {
  /**
   * The function as Excel calls it, by its id; the cell's result or a spill (lifted calls give
   * rows of results). For a function that answers at once: an async one is refused, use callAsync.
   */
  call(id: string, ...args: Argument[]): Shown;
  /** The same, waiting as Excel does for a function that answers with a promise (MÅLING). */
  callAsync(id: string, ...args: Argument[]): Promise<Shown>;
  metadata: Metadata;
  platform: Platform;
}

/**
 * The CustomFunctionsRuntime version Excel supports (Microsoft 365 and the web: 1.5; Office
 * 2021/LTSC and retail perpetual: 1.3), answered through `Office.context.requirements` as the
 * shared runtime does.
 */
function withRuntime<T>(version: string, run: () => T): T {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  const number = (v: string) => v.split('.').map(Number) as [number, number];
  const [major, minor] = number(version);
  g.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, min?: string) => {
          if (name !== 'CustomFunctionsRuntime') return false;
          const [a, b] = number(min ?? '1.1');
          return a < major || (a === major && b <= minor);
        },
      },
    },
  };
  try {
    return run();
  } finally {
    g.Office = before;
  }
}

/** An Excel that calls Saldo's functions on `platform`, supporting CustomFunctionsRuntime up to `runtime`. */
export async function excelCaller(platform: Platform, { runtime = '1.5' }: { runtime?: string } = {}): Promise<ExcelCaller> {
  const { metadata, byId } = await generatedMetadata();
  const implementations = functions as unknown as Record<string, (...a: unknown[]) => unknown>;
  const answer = (id: string, ...args: Argument[]): unknown => {
    const f = metadata.functions.find((x) => x.id === id);
    if (!f) throw new Error(`no custom function with the id ${id}`);
    const implementation = implementations[byId.get(id)!];
    if (!implementation) throw new Error(`${id}: ${byId.get(id)} is not exported from functions.ts`);
    const params = f.parameters;
    const repeatingAt = params.findIndex((p) => p.repeating);
    if (repeatingAt < 0 && args.length > params.length) throw new Error(`${f.name} takes at most ${params.length} arguments, not ${args.length}: Excel refuses the formula`);
    // Trailing omitted arguments are as if not typed.
    const given = params.map((_, i) => (i < args.length ? args[i]! : OMITTED));
    params.forEach((p, i) => {
      if (given[i] === OMITTED && !p.optional && !p.repeating) throw new Error(`${f.name}: the required argument ${p.name} is missing: Excel refuses the formula`);
    });

    /** A scalar argument's cells over which Excel lifts the call, or null for a single value. */
    const lifted = params.map((p, i) => {
      const a = given[i];
      return p.dimensionality !== 'matrix' && !p.repeating && isRange(a) && (a.length > 1 || (a[0]?.length ?? 0) > 1) ? a : null;
    });
    const passOne = (p: ParameterMetadata, a: Argument): unknown => {
      if (a === OMITTED) return null;
      if (p.dimensionality === 'matrix') return (isRange(a) ? a : [[a] satisfies Argument[]]).map((row) => row.map((c) => cellAsPassed(c, p, metadata, platform)));
      return cellAsPassed(isRange(a) ? a[0]![0]! : a, p, metadata, platform);
    };
    const once = (values: Argument[]): unknown => {
      const passed: unknown[] = params.map((p, i) => {
        if (p.repeating) return values.slice(i).map((a) => passOne(p, a));
        return passOne(p, values[i]!);
      });
      const value = withRuntime(runtime, () => outcome(() => implementation(...passed)));
      return andThen(value, (v) => {
        checkResult(f, metadata, v);
        return v;
      });
    };
    const withRepeats = (vs: Argument[]) => (repeatingAt < 0 ? vs : [...vs, ...args.slice(params.length)]);
    if (lifted.every((l) => l === null)) return once(withRepeats(given));

    // Array-lifting: one call per cell of the lifted ranges (a one-row or one-column range
    // broadcasts along the other way; beyond a range's end the cell is #N/A, as for Excel's own).
    const rows = Math.max(...lifted.map((l) => l?.length ?? 1));
    const columns = Math.max(...lifted.map((l) => l?.[0]?.length ?? 1));
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const values = given.map((a, i) => {
          const l = lifted[i];
          if (!l) return a;
          const row = l.length === 1 ? l[0] : l[r];
          const cell = row === undefined ? undefined : row.length === 1 ? row[0] : row[c];
          return cell === undefined ? null : cell;
        });
        if (values.some((v) => v === null)) return { error: '#N/A', by: 'excel' } satisfies CellError;
        return andThen(once(withRepeats(values as Argument[])), (value) => (Array.isArray(value) ? ({ error: '#CALC!', by: 'excel' } satisfies CellError) : value));
      }),
    );
  };
  const call = (id: string, ...args: Argument[]): Shown => {
    const shown = answer(id, ...args);
    const cells = Array.isArray(shown) ? (shown as unknown[][]).flat() : [shown];
    if (cells.some((c) => c instanceof Promise)) throw new Error(`${id} answers with a promise: call it with callAsync`);
    return shown;
  };
  const callAsync = async (id: string, ...args: Argument[]): Promise<Shown> => {
    const shown = await answer(id, ...args);
    return Array.isArray(shown) && shown.some((row) => Array.isArray(row) && row.some((c) => c instanceof Promise)) ? await Promise.all((shown as unknown[][]).map((row) => Promise.all(row))) : shown;
  };
  return { call, callAsync, metadata, platform };
}

/** A result's numbers as Excel computes with them: a formatted number is its number. */
export function basic(shown: Shown): unknown {
  if (Array.isArray(shown)) return shown.map(basic);
  return isFormatted(shown) ? shown.basicValue : shown;
}

/** The number format a result carries ('' for a plain value). */
export function formatOf(shown: Shown): unknown {
  if (Array.isArray(shown)) return shown.map(formatOf);
  return isFormatted(shown) ? shown.numberFormat : '';
}
