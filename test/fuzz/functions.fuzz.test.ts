/**
 * Bad arguments to every custom function (issue 7): ≥ 1,000 calls per function per run, made the
 * way Excel makes them (test/addin/excelCaller.ts: from the generated metadata, on Windows with
 * blanks as 0 or on the web with blanks as null, with or without formatted results; a range to a
 * scalar parameter is called once per cell). One argument of a working call is replaced by a
 * value of the wrong kind (text for a number, an impossible date, a negative or huge amount,
 * NaN, a malformed range …): the call must end in a cell error (#VALUE!, #NUM! or #N/A) with a
 * Danish message — never an uncaught exception, a stack trace or a number. Then all arguments at
 * once are Excel-shaped garbage: an error as above, or a well-formed value (finite numbers, text,
 * booleans, formatted numbers; ranges of them, lifted calls cell by cell). Seed logged.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY, excelCaller, isCellError, OMITTED, PLATFORMS, type Argument, type ExcelCaller } from '../addin/excelCaller.js';
import { fuzzParameters, messageProblem } from './fuzz.js';

const FEB_1_2026 = 46054;
const claims = [[4200, 250, 45931]];
/** Excels to call through: Windows and the web, before and with formatted results (CustomFunctionsRuntime 1.4). */
let excels: ExcelCaller[] = [];
let plan: unknown;
beforeAll(async () => {
  excels = await Promise.all(PLATFORMS.flatMap((p) => ['1.3', '1.5'].map((runtime) => excelCaller(p, { runtime }))));
  plan = excels[0]!.call('SCHEDULE', claims, FEB_1_2026, 500);
});
const ledger = [
  ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'],
  ['D1', 'F1', 46054, 'krav', 3450],
  ['D1', 'F1', 46083, 'betaling', -1000.5],
];

type Kind =
  | 'debtor'
  | 'amount'
  | 'count'
  | 'antal'
  | 'rate'
  | 'date'
  | 'option'
  | 'bool'
  | 'claims'
  | 'payments'
  | 'schedule'
  | 'ledger'
  | 'year'
  | 'periods'
  | 'value'
  | 'expression'
  | 'names'
  | 'values'
  | 'days'
  | 'successes'
  | 'sampleSize'
  | 'share'
  | 'year periods';

// (A range given to a scalar parameter is no bad argument in Excel: it is called once per cell.
// The garbage property below covers that.)
const notANumber = fc.constantFrom<unknown>('abc', 'tolv', NaN, Infinity, -Infinity, {}, 'NaN');
const BAD: Record<Kind, fc.Arbitrary<unknown>> = {
  amount: fc.oneof(
    notANumber,
    fc.constantFrom<unknown>(-1, -0.01, 1e16, 12.345, 0.001),
    fc.integer({ min: 1, max: 10 ** 6 }).map((n) => n + 0.005),
  ),
  count: fc.oneof(notANumber, fc.constantFrom<unknown>(-3, 1.5, 1e7, 0)),
  // AFDRAGSPLAN's antal beside a ydelse: 0 is an empty cell (Windows), so not given, not wrong
  antal: fc.oneof(notANumber, fc.constantFrom<unknown>(-3, 1.5, 1e7)),
  rate: fc.oneof(notANumber, fc.constantFrom<unknown>(-0.5, 1e9)),
  date: fc.oneof(fc.constantFrom<unknown>('i morgen', '2026-02-30', '2026-13-01', -5, 3e6, true, NaN, Infinity, '31-02-2026', 60)),
  debtor: fc.constantFrom<unknown>('', '   ', null, true, NaN, {}, 'D999', 'ukendt debitor'),
  days: fc.oneof(notANumber, fc.constantFrom<unknown>(1.5, 1e9)),
  option: fc.constantFrom<unknown>('ugentlig', 'x', 5, true, 'dagligt!'),
  bool: fc.constantFrom<unknown>('måske', 'x', 'jaa', 2),
  claims: fc.constantFrom<unknown>(
    [['abc']],
    [[-100]],
    [[4200, 'x', 45931]],
    [[1e16]],
    [['Hovedstol'], ['tekst']],
    [[4200, 250, '2026-02-30']],
    [[NaN]],
    [
      ['Hovedstol', 'Gebyrer'],
      [null, null],
    ],
  ),
  payments: fc.constantFrom<unknown>(
    [
      ['Dato', 'Beløb'],
      ['x', 500],
    ],
    [
      ['Dato', 'Beløb'],
      [46055, 'mange'],
    ],
    [
      ['Dato', 'Beløb'],
      [46055, -500],
    ],
    [
      ['Dato', 'Beløb'],
      ['2026-02-30', 500],
    ],
    [
      ['Dato', 'Beløb'],
      [46055, 12.345],
    ],
  ),
  schedule: fc.constantFrom<unknown>(
    [['x']],
    [
      ['Forfaldsdato', 'Ydelse'],
      ['x', 500],
    ],
    [
      ['Forfaldsdato', 'Ydelse'],
      [46055, 'mange'],
    ],
    [
      ['Nr.', 'Beløb'],
      [1, 2],
    ],
    [
      ['Forfaldsdato', 'Ydelse'],
      [46055, -5],
    ],
  ),
  ledger: fc.constantFrom<unknown>(
    [['x']],
    [['Debitor'], ['D1']],
    [
      ['Debitor', 'Fordring', 'Bogføringsdato', 'Art'],
      ['D1', 'F1', 46054, 'krav'],
    ],
    [[1, 2, 3]],
  ),
  year: fc.oneof(notANumber, fc.constantFrom<unknown>(2026.5, -1, 1800, 1e6)),
  periods: fc.constantFrom<unknown>(
    [['x', 'y']],
    [[1, 2, 3, 4, 5]],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]],
    [[NaN, 1]],
    [[Infinity]],
    [
      [1, 2],
      [3, 4],
    ],
    'tekst',
    true,
  ),
  value: fc.constantFrom<unknown>('høj', NaN, Infinity, true, 'x%'),
  expression: fc.constantFrom<unknown>('a +', 'constructor', 'import("fs")', 'c', '', 'a = 1', 'f(x) = 1', 'a.constructor', '[1,2]', 'evaluate("1")', true),
  names: fc.constantFrom<unknown>([['a', 'a']], [[1, 2]], [['a b', 'c']], [['a']], [['constructor', 'b']]),
  values: fc.constantFrom<unknown>([['x', 'y']], [[1]], [[NaN, 2]], [[1, 2, 3]], [[Infinity, 1]]),
  // beside a sample of 1.000 and 990 successes: more than the sample, fewer than the successes, not whole, negative
  successes: fc.oneof(notANumber, fc.constantFrom<unknown>(-1, 1.5, 1001, 1e7, true)),
  sampleSize: fc.oneof(notANumber, fc.constantFrom<unknown>(0, -1, 0.5, 1.5, 989)),
  share: fc.oneof(notANumber, fc.constantFrom<unknown>(-0.01, 1.01, 99, true)),
  // RESTKRAV's year: 4 quarters or 12 months, counts not negative
  'year periods': fc.constantFrom<unknown>(
    [['x', 'y', 'z', 'w']],
    [[1, 2, 3]],
    [[1, 2, 3, 4, 5]],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]],
    [[NaN, 1, 2, 3]],
    [[Infinity, 1, 2, 3]],
    [[1, -2, 3, 4]],
    [
      [1, 2],
      [3, 4],
    ],
    'tekst',
    true,
  ),
};

interface Fn {
  name: string;
  /** The function's id in the metadata. */
  id: string;
  /** A working call; null is an omitted argument. */
  args: () => unknown[];
  kinds: Array<Kind | null>;
}

const FUNCTIONS: Fn[] = [
  { name: 'SCHEDULE', id: 'SCHEDULE', args: () => [claims, FEB_1_2026, 500, null, null, null, null, null], kinds: ['claims', 'date', 'amount', 'antal', 'rate', 'option', 'date', 'option'] },
  // the same function in its other mode: a number of installments instead of an installment
  { name: 'SCHEDULE (antal)', id: 'SCHEDULE', args: () => [claims, FEB_1_2026, null, 12, null, null, null, null], kinds: ['claims', 'date', null, 'count', 'rate', 'option', 'date', 'option'] },
  { name: 'INSTALLMENT', id: 'INSTALLMENT', args: () => [100000, 24, 0.08, null, null], kinds: ['amount', 'count', 'rate', 'amount', 'option'] },
  { name: 'PAYMENTCAPACITY', id: 'PAYMENTCAPACITY', args: () => [150000, 2024, false], kinds: ['amount', 'year', 'bool'] },
  { name: 'NEXTBANKINGDAY', id: 'NEXTBANKINGDAY', args: () => [FEB_1_2026, 3], kinds: ['date', 'days'] },
  { name: 'ISBANKINGDAY', id: 'ISBANKINGDAY', args: () => [FEB_1_2026], kinds: ['date'] },
  { name: 'BANKINGDAYS', id: 'BANKINGDAYS', args: () => [FEB_1_2026, 46100], kinds: ['date', 'date'] },
  {
    name: 'HENSTANDEFFECT',
    id: 'HENSTANDEFFECT',
    args: () => [claims, FEB_1_2026, 500, 46143, 3, null, null, null, null],
    kinds: ['claims', 'date', 'amount', 'date', 'count', 'amount', 'rate', 'bool', 'date'],
  },
  {
    name: 'HENSTANDSCHEDULE',
    id: 'HENSTANDSCHEDULE',
    args: () => [claims, FEB_1_2026, 500, 46143, 3, null, null, null, null],
    kinds: ['claims', 'date', 'amount', 'date', 'count', 'amount', 'rate', 'bool', 'date'],
  },
  {
    name: 'AGREEMENTSTATUS',
    id: 'AGREEMENTSTATUS',
    args: () => [
      plan,
      [
        ['Dato', 'Beløb'],
        [46055, 500],
      ],
      46100,
      0,
    ],
    kinds: ['schedule', 'payments', 'date', 'days'],
  },
  { name: 'DEBTORBALANCE', id: 'DEBTORBALANCE', args: () => [ledger, 'D1', 46100], kinds: ['ledger', 'debtor', 'date'] },
  { name: 'DEBTORSTATEMENT', id: 'DEBTORSTATEMENT', args: () => [ledger, 'D1', 2026], kinds: ['ledger', 'debtor', 'year'] },
  { name: 'YEARTODATE', id: 'YEARTODATE', args: () => [[[2800, 3100]], [[20000, 21000]], null], kinds: ['periods', 'periods', 'option'] },
  { name: 'GOALSTATUS', id: 'GOALSTATUS', args: () => [0.14, 0.15, 0.02, null], kinds: ['value', 'value', 'value', 'option'] },
  { name: 'MEASURE', id: 'MEASURE', args: () => ['a / b', [['a', 'b']], [[1, 2]]], kinds: ['expression', 'names', 'values'] },
  { name: 'SAMPLESTATUS', id: 'SAMPLESTATUS', args: () => [990, 1000, 0.99, null], kinds: ['successes', 'sampleSize', 'share', 'option'] },
  { name: 'SAMPLEINTERVAL', id: 'SAMPLEINTERVAL', args: () => [990, 1000], kinds: ['successes', 'sampleSize'] },
  { name: 'SAMPLESIZE', id: 'SAMPLESIZE', args: () => [0.995, 0.99], kinds: ['share', 'share'] },
  {
    name: 'NEEDED',
    id: 'NEEDED',
    args: () => [0.15, [[2800, 3100, null, null]], [[20000, 21000, null, null]], null, null],
    kinds: ['value', 'year periods', 'year periods', 'option', 'option'],
  },
];

const CELL_ERRORS = ['#VALUE!', '#NUM!', '#N/A'];
/** Core's JSON paths: a cell names the function's Danish arguments instead (found by review). */
const CORE_PATH =
  /\b(claims|installments|payments)\[|\b(firstDueDate|startDate|installment|count|rounding|frequency|interestMethod|graceDays|asOf|principal|annualInterestRate|reducedInstallment|interestDuringHenstand)\b|\bhenstand\.\w/;

/** A fuzzed value as Excel would pass it: null is an empty cell, in a range or alone. */
const asCell = (v: unknown): unknown => (v === null ? EMPTY : Array.isArray(v) ? v.map(asCell) : v);
/** A working call's arguments: null is an omitted argument. */
const asArgument = (v: unknown): Argument => (v === null ? OMITTED : (asCell(v) as Argument));

async function outcome(f: Fn, excel: ExcelCaller, args: Argument[]): Promise<{ value: unknown } | { code: string; message: string }> {
  let shown: unknown;
  try {
    // callAsync: MÅLING answers with a promise (its parser loads on first use); the others at once.
    shown = await excel.callAsync(f.id, ...args);
  } catch (e) {
    throw new Error(`${f.name}(${JSON.stringify(args).slice(0, 200)}) on ${excel.platform} threw a non-cell error: ${String(e)}`, { cause: e });
  }
  return isCellError(shown) ? { code: shown.error, message: shown.message ?? '' } : { value: shown };
}

/** A value Excel can show: a finite number, text, a boolean or a formatted number. */
const scalar = (x: unknown) =>
  (typeof x === 'number' && Number.isFinite(x)) ||
  typeof x === 'string' ||
  typeof x === 'boolean' ||
  (typeof x === 'object' && x !== null && (x as { type?: unknown }).type === 'FormattedNumber' && Number.isFinite((x as { basicValue?: unknown }).basicValue));

/**
 * Why a result is not what Excel can show, or null: a scalar, a 2D range of them (blank = ""), or
 * (lifted calls) a 2D range whose cells are values or cell errors with a Danish message.
 */
function resultProblem(v: unknown): string | null {
  if (scalar(v)) return null;
  if (!(Array.isArray(v) && v.length > 0 && v.every((row) => Array.isArray(row)))) return `not a value or a range: ${JSON.stringify(v)?.slice(0, 200)}`;
  for (const cell of (v as unknown[][]).flat()) {
    if (scalar(cell)) continue;
    if (!isCellError(cell)) return `a cell Excel cannot show: ${JSON.stringify(cell)?.slice(0, 200)}`;
    if (cell.by === 'excel') continue;
    if (!CELL_ERRORS.includes(cell.error)) return `cell error ${cell.error}`;
    const problem = messageProblem(cell.message) ?? (CORE_PATH.test(cell.message ?? '') ? `core path in ${cell.message}` : null);
    if (problem) return problem;
  }
  return null;
}
const anExcel = fc.integer({ min: 0, max: 3 });

/** Excel-shaped garbage: what a cell or a range can hold, and what JavaScript could be handed. */
const cellValue = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 10 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, '', '2026-02-30', '=1+1'),
);
const rangeValue = fc
  .array(fc.array(cellValue, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
  .map((rows) => rows.map((r) => r.concat(Array(4 - r.length).fill(null)).slice(0, Math.max(...rows.map((x) => x.length)))));
const anyArgument = fc.oneof(cellValue, rangeValue);

describe('every custom function answers bad arguments with a cell error and a Danish message', () => {
  for (const f of FUNCTIONS) {
    it(`${f.name}: ≥ 1,000 calls with one argument made wrong`, async () => {
      // the base call works on every Excel (so each error is the bad argument's doing)
      for (const excel of excels) {
        const base = await outcome(f, excel, f.args().map(asArgument));
        expect('value' in base ? resultProblem(base.value) : `${f.name} base call: ${JSON.stringify(base)}`, `${f.name} base call on ${excel.platform}`).toBeNull();
      }
      const slots = f.kinds.flatMap((k, i) => (k === null ? [] : [i]));
      const call = fc.integer({ min: 0, max: slots.length - 1 }).chain((s) => BAD[f.kinds[slots[s]!]!].map((bad) => ({ at: slots[s]!, bad })));
      await fc.assert(
        fc.asyncProperty(call, anExcel, async ({ at, bad }, e) => {
          const excel = excels[e]!;
          const args = f.args().map((a, i) => (i === at ? asCell(bad) : asArgument(a))) as Argument[];
          const r = await outcome(f, excel, args);
          const context = `${f.name} on ${excel.platform} argument ${at + 1} = ${JSON.stringify(bad) ?? String(bad)}`;
          expect('code' in r ? r.code : `a value: ${JSON.stringify(r.value)?.slice(0, 120)}`, context).toSatisfy((c: string) => CELL_ERRORS.includes(c));
          expect(messageProblem((r as { message: string }).message), context).toBeNull();
          expect((r as { message: string }).message, context).not.toMatch(CORE_PATH);
        }),
        fuzzParameters(),
      );
    });

    it(`${f.name}: ≥ 1,000 calls with every argument garbage`, async () => {
      const arity = f.args().length;
      await fc.assert(
        fc.asyncProperty(fc.array(anyArgument, { minLength: arity, maxLength: arity }), anExcel, async (garbage, e) => {
          const excel = excels[e]!;
          const args = garbage.map(asCell) as Argument[];
          const r = await outcome(f, excel, args);
          const context = `${f.name} on ${excel.platform}${JSON.stringify(garbage).slice(0, 200)}`;
          if ('code' in r) {
            expect(CELL_ERRORS).toContain(r.code);
            expect(messageProblem(r.message), context).toBeNull();
            expect(r.message, context).not.toMatch(CORE_PATH);
          } else {
            expect(resultProblem(r.value), `${context} → ${JSON.stringify(r.value)?.slice(0, 200)}`).toBeNull();
          }
        }),
        fuzzParameters(),
      );
    });
  }
});
