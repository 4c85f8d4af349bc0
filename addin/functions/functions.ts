/* eslint-disable @typescript-eslint/no-explicit-any -- custom-functions-metadata types a parameter that takes a number, text or a range as "any"; the values are checked by addin/shared/excelArgs.ts. */
/**
 * Saldo's custom functions (namespace SALDO). Thin wrappers: parse Excel's arguments, call core
 * through the command map, return cells. Ids are stored in workbooks: never change them (a name,
 * English or Danish, may change: Excel shows the name but keeps the id).
 * English names come from these JSDoc blocks; Danish names from functions.da.json. No name, in
 * either language, is a built-in Excel function's (test/addin/functionsInExcel.test.ts).
 * A parameter that takes a range is typed `any[][]` (dimensionality "matrix"): a scalar parameter
 * given a range is called once per cell by Excel. Blank cells are 0 in Excel for Windows and null
 * on the web: addin/shared/excelArgs.ts reads both as blank where a 0 cannot be meant.
 * Results of dates and kroner are formatted numbers where Excel supports them (resultCells.ts).
 * The rules are the workbook's (its `Saldo-regler` sheet, read by the task pane in the same shared
 * runtime; addin/shared/workbookRules.ts), the shipped ones until the sheet is read.
 */
import { commands, type ClaimInput } from '../../core/commands/index.js';
import { SaldoError, showValue } from '../../core/errors.js';
import { PLAN_COLUMNS, planRows } from '../../core/report/planTable.js';
import { workbookRules } from '../shared/workbookRules.js';
import { henstandComparison, HENSTAND_HEADERS } from '../../core/report/henstandTable.js';
import { STATUS_COLUMNS, statusRows } from '../../core/report/statusTable.js';
import { debtorStatementTable } from '../../core/report/ledgerTables.js';
import {
  amountArg,
  booleanArg,
  kronerArg,
  yearArg,
  claimsFromRange,
  dateArg,
  debtorIdArg,
  FREQUENCY_WORDS,
  installmentsFromRange,
  INTEREST_METHOD_WORDS,
  isBlank,
  isBlankOrZero,
  numberArg,
  optionalAmount,
  optionalDate,
  optionalNumber,
  optionArg,
  paymentsFromRange,
  plainValue,
  rangeArg,
} from '../shared/excelArgs.js';
import { guarded, toCellError } from './cellErrors.js';
import { presenter, presentRows, type ResultKind } from './resultCells.js';
import { dateSerial, kronerCell } from '../../core/report/cellValues.js';

/**
 * A claims range's records (addin/shared/excelArgs types them loosely: a type column holds any
 * text). The command checks each value at run time, as it does JSON's, and names the cell.
 */
const claimsOf = (range: unknown): ClaimInput[] => claimsFromRange(range) as unknown as ClaimInput[];

const PLAN_KINDS: readonly ResultKind[] = PLAN_COLUMNS.map((c) => c.kind);

/**
 * An amount that may be left out, where 0 kr. means nothing (an installment, a rounding): 0 is not
 * given, as an empty cell is 0 in Excel for Windows.
 */
const optionalNonZeroAmount = (value: unknown, field: string): number | undefined => (isBlankOrZero(plainValue(value)) ? undefined : optionalAmount(value, field));
const optionalNonZeroNumber = (value: unknown, field: string): number | undefined => (isBlankOrZero(plainValue(value)) ? undefined : optionalNumber(value, field));

/**
 * A payment-agreement schedule (afdragsplan) as a table: a header row, then one row per installment with its due dates, payment, fees, interest, principal and remaining balance.
 * @customfunction SCHEDULE SCHEDULE
 * @param claims One amount, or a range of claims with the columns principal, fees, interest, due date, annual rate (an optional header row names them).
 * @param firstDueDate The first installment's due date (a date or YYYY-MM-DD).
 * @param installment Fixed installment in kroner. Leave empty when count is given.
 * @param [count] Number of installments. Leave empty when installment is given.
 * @param [annualRate] Annual interest rate, e.g. 8% (used for claims without their own rate).
 * @param [frequency] "monthly" (default) or "quarterly".
 * @param [startDate] The agreement date; interest runs from it, but never from before a claim's own due date. Default: one period before the first due date.
 * @param [interestMethod] "daily" (default), "monthly" or "perStartedMonth".
 * @param [accrueFromDueDate] TRUE: compute each claim's interest from its due date to the agreement date (it is paid with the first installment). Default FALSE: the claims' interest column holds it.
 * @returns The schedule with a header row; dates and kroner formatted where Excel can.
 */
export function schedule(
  claims: any[][],
  firstDueDate: any,
  installment?: any,
  count?: any,
  annualRate?: any,
  frequency?: any,
  startDate?: any,
  interestMethod?: any,
  accrueFromDueDate?: any,
): any[][] {
  return guarded(() => {
    const rate = optionalNumber(annualRate, 'rente');
    const input = {
      accrueFromDueDate: booleanArg(accrueFromDueDate, 'renter_fra_forfald', false),
      firstDueDate: dateArg(firstDueDate, 'første forfaldsdato'),
      startDate: optionalDate(startDate, 'aftaledato'),
      // One of ydelse and antal: 0 kr. or 0 installments mean nothing, so 0 (an empty cell in
      // Excel for Windows) is "not given", as null is on the web.
      installment: optionalNonZeroAmount(installment, 'ydelse'),
      count: optionalNonZeroNumber(count, 'antal'),
      frequency: optionArg(frequency, 'hyppighed', FREQUENCY_WORDS),
      interestMethod: optionArg(interestMethod, 'rentemetode', INTEREST_METHOD_WORDS),
      claims: claimsOf(claims).map((c) => (c.annualInterestRate === undefined && rate !== undefined ? { ...c, annualInterestRate: rate } : c)),
    };
    const plan = commands.plan(input, workbookRules());
    return [PLAN_COLUMNS.map((c) => c.header), ...presentRows(presenter(), planRows(plan), PLAN_KINDS)];
  });
}

/**
 * The installment that pays an amount with interest in a number of equal monthly payments, rounded up to the øre (like PMT, but as Saldo rounds and allocates).
 * @customfunction INSTALLMENT INSTALLMENT
 * @param amount The debt in kroner.
 * @param count Number of installments.
 * @param [annualRate] Annual interest rate, e.g. 8% (default 0).
 * @param [rounding] Round the installment up to a multiple of this many kroner (default 0.01).
 * @param [frequency] "monthly" (default) or "quarterly".
 * @returns The installment in kroner.
 */
export function installment(amount: any, count: any, annualRate?: any, rounding?: any, frequency?: any): any {
  return guarded(
    () => {
      const input = {
        // The monthly (annuity) method does not depend on the dates, so any month will do.
        firstDueDate: '2000-01-01',
        count: numberArg(count, 'antal'),
        // Rounding to a multiple of 0 kr. means nothing: 0 (an empty cell on Windows) is the default.
        rounding: optionalNonZeroNumber(rounding, 'afrunding') ?? 0.01,
        frequency: optionArg(frequency, 'hyppighed', FREQUENCY_WORDS),
        interestMethod: 'monthly' as const,
        claims: [{ principal: amountArg(amount, 'beløb'), annualInterestRate: optionalNumber(annualRate, 'rente') ?? 0 }],
      };
      return presenter()(kronerCell(commands.plan(input, workbookRules()).summary.installment), 'kroner');
    },
    { 'claims[0].principal': 'beløb', 'claims[0].annualInterestRate': 'rente' },
  );
}

/**
 * The monthly installment a person can pay by the betalingsevne table (gældsinddrivelsesbekendtgørelsen § 11), rounded down to 50 kr.
 * @customfunction PAYMENTCAPACITY PAYMENTCAPACITY
 * @param netIncome Yearly net income in kroner.
 * @param year The table's year.
 * @param [supportsChildren] TRUE if the person supports children (forsørgerpligt).
 * @returns The monthly installment in kroner.
 */
export function paymentCapacity(netIncome: any, year: any, supportsChildren?: any): any {
  return guarded(() => {
    const y = numberArg(year, 'år');
    if (!Number.isInteger(y)) throw SaldoError.at('UGYLDIGT_INPUT', 'år', year, `skal være et årstal, ikke ${showValue(y)}.`);
    const income = kronerArg(netIncome, 'nettoindkomst');
    return presenter()(kronerCell(commands.betalingsevne({ netIncome: income, year: y, supportsChildren: booleanArg(supportsChildren, 'forsørgerpligt', false) }, workbookRules()).monthly), 'kroner');
  });
}

/**
 * The date itself if it is a Danish banking day, else the next one; or the n-th banking day after it (before it for negative n), like WORKDAY with the Danish bank holidays.
 * @customfunction NEXTBANKINGDAY NEXTBANKINGDAY
 * @param date A date.
 * @param [days] Number of banking days to move (default 0).
 * @returns The date (a date serial, shown as a date where Excel can).
 */
export function nextBankingDay(date: any, days?: any): any {
  return guarded(() => {
    const n = isBlank(days) ? 0 : numberArg(days, 'dage');
    if (!Number.isInteger(n) || Math.abs(n) > 100_000) throw SaldoError.at('UGYLDIGT_INPUT', 'dage', days, 'skal være et helt antal bankdage.');
    return presenter()(dateSerial(commands.nextBankingDay({ date: dateArg(date, 'dato'), days: n }, workbookRules())), 'date');
  });
}

/**
 * TRUE if the date is a Danish banking day (Monday–Friday and not a bank holiday).
 * @customfunction ISBANKINGDAY ISBANKINGDAY
 * @param date A date.
 * @returns TRUE or FALSE.
 */
export function isBankingDayFn(date: any): boolean {
  return guarded(() => commands.bankingDay({ date: dateArg(date, 'dato') }, workbookRules()));
}

/**
 * The number of Danish banking days from one date to another, both included (like NETWORKDAYS).
 * @customfunction BANKINGDAYS BANKINGDAYS
 * @param startDate The first date.
 * @param endDate The last date.
 * @returns The number of banking days (negative if the end is before the start).
 */
export function bankingDays(startDate: any, endDate: any): number {
  return guarded(() => commands.bankingDays({ from: dateArg(startDate, 'startdato'), to: dateArg(endDate, 'slutdato') }, workbookRules()));
}

function henstandInput(
  claims: any[][],
  firstDueDate: any,
  installment: any,
  henstandFrom: any,
  months: any,
  reducedInstallment?: any,
  annualRate?: any,
  interestDuringHenstand?: any,
  startDate?: any,
) {
  const rate = optionalNumber(annualRate, 'rente');
  // A reduced installment of 0 kr. is no payments: a full henstand, as when it is left out (and an
  // empty cell is 0 in Excel for Windows).
  const reduced = optionalNonZeroAmount(reducedInstallment, 'nedsat ydelse');
  return {
    firstDueDate: dateArg(firstDueDate, 'første forfaldsdato'),
    startDate: optionalDate(startDate, 'aftaledato'),
    installment: amountArg(installment, 'ydelse'),
    claims: claimsOf(claims).map((c) => (c.annualInterestRate === undefined && rate !== undefined ? { ...c, annualInterestRate: rate } : c)),
    henstand: {
      from: dateArg(henstandFrom, 'henstand fra'),
      months: numberArg(months, 'måneder'),
      kind: reduced === undefined ? ('full' as const) : ('reduced' as const),
      ...(reduced === undefined ? {} : { installment: reduced }),
    },
    interestDuringHenstand: booleanArg(interestDuringHenstand, 'rente under henstand', true),
  };
}

/**
 * A henstand's effect on an agreement: before and after side by side (number of installments, last due date, interest, total) with the difference.
 * @customfunction HENSTANDEFFECT HENSTANDEFFECT
 * @param claims One amount, or a range of claims (principal, fees, interest, due date, annual rate).
 * @param firstDueDate The first installment's due date.
 * @param installment The agreement's installment in kroner.
 * @param henstandFrom The first day of the henstand.
 * @param months Number of months of henstand.
 * @param [reducedInstallment] A lower installment during the henstand (leave empty for no payments).
 * @param [annualRate] Annual interest rate, e.g. 8%.
 * @param [interestDuringHenstand] FALSE if no interest runs during the henstand (default TRUE).
 * @param [startDate] The agreement date.
 * @returns A table with a column per figure (number of installments, last due date, interest, fees, total) and a row each for before, after and the difference; a column holds one kind of value.
 */
export function henstandEffect(
  claims: any[][],
  firstDueDate: any,
  installment: any,
  henstandFrom: any,
  months: any,
  reducedInstallment?: any,
  annualRate?: any,
  interestDuringHenstand?: any,
  startDate?: any,
): any[][] {
  return guarded(() => {
    const out = commands.henstand(henstandInput(claims, firstDueDate, installment, henstandFrom, months, reducedInstallment, annualRate, interestDuringHenstand, startDate), workbookRules());
    // Core's lines are figures (rows) by before/after/difference (columns), so the date line put a
    // date among counts and kroner in each column. Here each figure is a column of one kind.
    const lines = henstandComparison(out);
    const present = presenter();
    const row = (label: string, pick: (l: (typeof lines)[number]) => number | null) => [label, ...lines.map((l) => present(pick(l) ?? '', l.kind))];
    return [['', ...lines.map((l) => l.label)], row(HENSTAND_HEADERS[1], (l) => l.before), row(HENSTAND_HEADERS[2], (l) => l.after), row(HENSTAND_HEADERS[3], (l) => l.difference)];
  });
}

/**
 * The schedule after a henstand, as a table like SCHEDULE.
 * @customfunction HENSTANDSCHEDULE HENSTANDSCHEDULE
 * @param claims One amount, or a range of claims (principal, fees, interest, due date, annual rate).
 * @param firstDueDate The first installment's due date.
 * @param installment The agreement's installment in kroner.
 * @param henstandFrom The first day of the henstand.
 * @param months Number of months of henstand.
 * @param [reducedInstallment] A lower installment during the henstand (leave empty for no payments).
 * @param [annualRate] Annual interest rate, e.g. 8%.
 * @param [interestDuringHenstand] FALSE if no interest runs during the henstand (default TRUE).
 * @param [startDate] The agreement date.
 * @returns The schedule after the henstand with a header row.
 */
export function henstandSchedule(
  claims: any[][],
  firstDueDate: any,
  installment: any,
  henstandFrom: any,
  months: any,
  reducedInstallment?: any,
  annualRate?: any,
  interestDuringHenstand?: any,
  startDate?: any,
): any[][] {
  return guarded(() => {
    const out = commands.henstand(henstandInput(claims, firstDueDate, installment, henstandFrom, months, reducedInstallment, annualRate, interestDuringHenstand, startDate), workbookRules());
    return [PLAN_COLUMNS.map((c) => c.header), ...presentRows(presenter(), planRows(out.after), PLAN_KINDS)];
  });
}

/**
 * Is the agreement kept? Payments checked against a schedule: the agreement's state, arrears and breach date, then each installment's state.
 * @customfunction AGREEMENTSTATUS AGREEMENTSTATUS
 * @param schedule The schedule (SCHEDULE's output or a sheet with the columns Forfaldsdato and Ydelse).
 * @param payments The payments: date and amount (a header row may name them).
 * @param asOf The date the status is for.
 * @param [graceDays] Days of grace after each due date (default 0).
 * @returns A table: the agreement's state, then one row per installment.
 */
export function agreementStatus(schedule: any[][], payments: any[][], asOf: any, graceDays?: any): any[][] {
  return guarded(() => {
    const out = commands.installmentStatus(
      {
        installments: installmentsFromRange(schedule),
        payments: paymentsFromRange(payments),
        asOf: dateArg(asOf, 'opgørelsesdato'),
        graceDays: isBlank(graceDays) ? 0 : numberArg(graceDays, 'frist'),
      },
      workbookRules(),
    );
    const width = STATUS_COLUMNS.length;
    const pad = (row: unknown[]) => [...row, ...Array(width - row.length).fill('')];
    const present = presenter();
    return [
      pad(['Aftalens status', out.state, 'Restance', present(kronerCell(out.arrears), 'kroner'), 'Misligholdt fra', out.breachDate ? present(dateSerial(out.breachDate), 'date') : '']),
      STATUS_COLUMNS.map((c) => c.header),
      ...presentRows(
        present,
        statusRows(out).map((r) => r.map((v) => v ?? '')),
        STATUS_COLUMNS.map((c) => c.kind),
      ),
    ];
  });
}

/**
 * A debtor's balance on a date from a ledger range (header row with Debitor, Fordring, Bogføringsdato, Art, Beløb …).
 * @customfunction DEBTORBALANCE DEBTORBALANCE
 * @param ledger The ledger: a range with a header row.
 * @param debtorId The debtor's number.
 * @param date The date (postings up to and including it count).
 * @returns The balance in kroner.
 */
export function debtorBalanceFn(ledger: any[][], debtorId: any, date: any): any {
  return guarded(() =>
    presenter()(kronerCell(commands.debtorBalance({ rows: rangeArg(ledger, 'posteringer'), debtorId: debtorIdArg(debtorId, 'debitor'), date: dateArg(date, 'dato') }, workbookRules())), 'kroner'),
  );
}

/**
 * A debtor's saldoopgørelse for a year as a table: one row per claim with opening balance, the year's movements by kind, closing balance and forældelse (date, ja/delvis, grounds), and a total.
 * @customfunction DEBTORSTATEMENT DEBTORSTATEMENT
 * @param ledger The ledger: a range with a header row.
 * @param debtorId The debtor's number.
 * @param year The year.
 * @returns The statement with a header row.
 */
export function debtorStatementFn(ledger: any[][], debtorId: any, year: any): any[][] {
  return guarded(() => {
    const y = yearArg(year, 'år');
    const [header, ...body] = debtorStatementTable(commands.debtorStatement({ rows: rangeArg(ledger, 'posteringer'), debtorId: debtorIdArg(debtorId, 'debitor'), year: y }, workbookRules()), y);
    // Fordring, Fordringstype, then kroner up to Ultimo, the forældelse date, and two texts.
    const kinds: ResultKind[] = header!.map((_, c) => (c < 2 || c >= header!.length - 2 ? 'text' : c === header!.length - 3 ? 'date' : 'kroner'));
    return [header!, ...presentRows(presenter(), body, kinds)];
  });
}

/** A range's cells in order (a row or a column), blanks as null. */
function periodCells(range: any, field: string): Array<number | null> {
  // One row or one column of periods: a block (numerators and denominators selected together) would be summed as one.
  if (Array.isArray(range) && range.length > 1 && range.some((row: unknown) => Array.isArray(row) && row.length > 1)) {
    throw SaldoError.at('UGYLDIGT_INPUT', field, range, `angiv én række eller én kolonne med perioderne, ikke et område på ${range.length} rækker og flere kolonner.`);
  }
  const cells = (Array.isArray(range) ? range.flat() : [range]) as unknown[];
  if (cells.length === 0 || cells.length > 12) throw SaldoError.at('UGYLDIGT_INPUT', field, cells.length, `angiv 1–4 kvartaler eller 1–12 måneder (fik ${cells.length} celler).`);
  return cells.map((c) => (isBlank(c) ? null : numberArg(c, field)));
}

/**
 * Periods not yet reported are the empty ones at the end. In Excel for Windows those cells are 0,
 * so a trailing period whose figures are all 0 or blank (numerator, and denominator if given) is
 * not reported: no data. A 0 in the middle, or a 0 beside a denominator, is a reported figure.
 */
function withoutUnreported(t: Array<number | null>, n: Array<number | null> | null): { t: Array<number | null>; n: Array<number | null> | null } {
  const empty = (i: number) => (t[i] === null || t[i] === 0) && (n === null || n[i] === null || n[i] === 0);
  let end = t.length;
  while (end > 0 && empty(end - 1)) end -= 1;
  const cut = (xs: Array<number | null>) => xs.map((v, i) => (i >= end ? null : v));
  return { t: cut(t), n: n && cut(n) };
}

const AGGREGATE_WORDS = { 'sum af tal': 'ratioOfSums', forholdstal: 'ratioOfSums', ratioofsums: 'ratioOfSums', gennemsnit: 'meanOfPeriods', meanofperiods: 'meanOfPeriods', sum: 'sum' } as const;
const DIRECTION_WORDS = { mindst: 'atLeast', højst: 'atMost', atleast: 'atLeast', atmost: 'atMost' } as const;

/** "ingen data" is #N/A with that text (Excel shows a message only on #VALUE! and #N/A). */
function orNoData(value: number | null): number {
  if (value === null) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, 'ingen data');
  return value;
}

/**
 * The periods' numerators and denominators (null when left out) as core takes them: the same
 * number of periods, and those not reported yet at the end blank (withoutUnreported).
 */
function periodFigures(numerators: any, denominators: any): { t: Array<number | null>; n: Array<number | null> | null } {
  const numbers = periodCells(numerators, 'tællere');
  // Denominators left out, or one empty cell (0 on Windows), are not given.
  const single = Array.isArray(denominators) && denominators.length === 1 && denominators[0]?.length === 1 ? plainValue(denominators[0][0]) : denominators;
  const n = isBlank(single) || (single !== denominators && isBlankOrZero(single)) ? null : periodCells(denominators, 'nævnere');
  if (n && n.length !== numbers.length) throw SaldoError.at('UGYLDIGT_INPUT', 'nævnere', n.length, `samme antal perioder som tællerne (${numbers.length}), ikke ${n.length}.`);
  return withoutUnreported(numbers, n);
}

/**
 * Year to date from quarter (or month) figures: by default the ratio of the summed numerators to the summed denominators, not the mean of the period ratios.
 * @customfunction YEARTODATE YEARTODATE
 * @param numerators The periods' numerators (or the values), a row or column of 1–4 quarters or 1–12 months; blank = no data.
 * @param [denominators] The periods' denominators, same size. Leave out for plain values.
 * @param [rule] "sum af tal" (ratio of sums, the default), "gennemsnit" (mean of the period values) or "sum".
 * @returns The year-to-date figure (a ratio shown as a percentage where Excel can), or #N/A "ingen data".
 */
export function yearToDateFn(numerators: any[][], denominators?: any[][], rule?: any): any {
  return guarded(() => {
    const reported = periodFigures(numerators, denominators);
    const n = reported.n;
    const aggregate = optionArg(rule, 'regel', AGGREGATE_WORDS) ?? (n ? 'ratioOfSums' : 'sum');
    const value = orNoData(commands.yearToDate({ numerators: reported.t, denominators: n, aggregate }, workbookRules()));
    return presenter()(value, n && aggregate !== 'sum' ? 'percent' : 'plain');
  });
}

/**
 * The goal status rød/gul/grøn: grøn when the target is met, gul within the margin of it, rød otherwise.
 * @customfunction GOALSTATUS GOALSTATUS
 * @param value The result (e.g. the year to date).
 * @param target The target (e.g. 15 % or 0,15).
 * @param [margin] How far from the target is still gul (default 0).
 * @param [direction] "mindst" (at least the target, the default) or "højst" (at most).
 * @returns "grøn", "gul" or "rød".
 */
export function goalStatusFn(value: any, target: any, margin?: any, direction?: any): string {
  return guarded(() => {
    const m = optionalNumber(margin, 'margin') ?? 0;
    if (m < 0) throw SaldoError.at('UGYLDIGT_INPUT', 'margin', m, 'skal være 0 eller mere.');
    return commands.goalStatus(
      { value: numberArg(value, 'værdi'), target: numberArg(target, 'mål'), margin: m, direction: optionArg(direction, 'retning', DIRECTION_WORDS) ?? 'atLeast' },
      workbookRules(),
    );
  });
}

/** The sample commands' fields by the functions' Danish arguments. */
const SAMPLE_ARGUMENTS = { successes: 'tæller', sampleSize: 'stikprøver', target: 'mål', rate: 'andel' };

/** A sample's two counts as the sample commands take them (core checks that they are whole and fit). */
const sampleArgs = (successes: unknown, sampleSize: unknown) => ({ successes: numberArg(successes, 'tæller'), sampleSize: numberArg(sampleSize, 'stikprøver') });

/**
 * The status rød/gul/grøn of a rate found in a sample (korrekthed, fejlprocent) by its 95 % confidence interval: grøn when the whole interval meets the target, rød when none of it does, gul when the target lies inside it (the sample cannot tell them apart).
 * @customfunction SAMPLESTATUS SAMPLESTATUS
 * @param successes The number in the sample that is counted, e.g. those without errors (for an error rate with "højst": the errors).
 * @param sampleSize The number of samples (at least 1).
 * @param target The target as a share, e.g. 99 % or 0,99.
 * @param [direction] "mindst" (at least the target, the default) or "højst" (at most).
 * @returns "grøn", "gul" or "rød".
 */
export function sampleStatusFn(successes: any, sampleSize: any, target: any, direction?: any): string {
  return guarded(
    () => commands.sampleStatus({ ...sampleArgs(successes, sampleSize), target: numberArg(target, 'mål'), direction: optionArg(direction, 'retning', DIRECTION_WORDS) ?? 'atLeast' }, workbookRules()),
    SAMPLE_ARGUMENTS,
  );
}

/**
 * The 95 % confidence interval (Wilson score) of a rate found in a sample, e.g. 990 of 1,000: 98.17 %–99.46 %.
 * @customfunction SAMPLEINTERVAL SAMPLEINTERVAL
 * @param successes The number in the sample that is counted, e.g. those without errors.
 * @param sampleSize The number of samples (at least 1).
 * @returns Two cells in a row: the interval's low and high end (shares shown as percentages where Excel can; else format the cells as percent).
 */
export function sampleIntervalFn(successes: any, sampleSize: any): any[][] {
  return guarded(() => {
    const { low, high } = commands.sampleInterval(sampleArgs(successes, sampleSize), workbookRules());
    const present = presenter();
    return [[present(low, 'percent'), present(high, 'percent')]];
  }, SAMPLE_ARGUMENTS);
}

/**
 * How many samples in all it takes to tell a rate from the target: the smallest sample whose 95 % interval leaves the target out.
 * @customfunction SAMPLESIZE SAMPLESIZE
 * @param rate The rate expected or found so far, as a share, e.g. 99.5 % or 0,995.
 * @param target The target as a share, e.g. 99 % or 0,99.
 * @returns The number of samples, or #N/A when the rate is so close to the target that no sample up to 1,000,000 tells them apart.
 */
export function sampleSizeFn(rate: any, target: any): number {
  return guarded(() => {
    const n = commands.sampleSize({ rate: numberArg(rate, 'andel'), target: numberArg(target, 'mål') }, workbookRules());
    if (n === null) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, 'andelen ligger så tæt på målet, at ingen rimelig stikprøve kan skelne dem');
    return n;
  }, SAMPLE_ARGUMENTS);
}

/**
 * What the rest of the year must give for the year to reach the target ("Hvad skal der til"), from the year's 4 quarters or 12 months: the periods after the last reported one are still to come.
 * @customfunction NEEDED NEEDED
 * @param target The year's target, e.g. 12000 or, for a ratio, 15 %.
 * @param numerators The year's 4 quarters or 12 months as a row or column (or the values), those not reported yet left empty.
 * @param [denominators] The periods' denominators, same size, for a ratio. Leave out for plain values.
 * @param [rule] "sum af tal" (ratio of sums, the default with denominators), "gennemsnit" (mean of the period values) or "sum" (the default without).
 * @param [direction] "mindst" (at least the target, the default) or "højst" (at most).
 * @returns What the remaining periods must give: their total (sum), their mean (gennemsnit) or their ratio (sum af tal, a percentage where Excel can). #N/A when the target is reached whatever they give, no period is left, or there are too few figures; #NUM! when it can no longer be reached.
 */
export function neededFn(target: any, numerators: any[][], denominators?: any[][], rule?: any, direction?: any): any {
  return guarded(
    () => {
      const { t, n } = periodFigures(numerators, denominators);
      const aggregate = optionArg(rule, 'regel', AGGREGATE_WORDS) ?? (n ? 'ratioOfSums' : 'sum');
      const { need, text } = commands.needed(
        { numerators: t, denominators: n, aggregate, direction: optionArg(direction, 'retning', DIRECTION_WORDS) ?? 'atLeast', target: numberArg(target, 'mål') },
        workbookRules(),
      );
      // Only #VALUE! and #N/A show their message in Excel: #NUM! ("no number will do") says out of reach by its code.
      if (need.state === 'out of reach') throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, text);
      if (need.state !== 'needed') throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, text);
      return presenter()(need.required!, n && aggregate !== 'sum' ? 'percent' : 'plain');
    },
    { numerators: 'tællere', denominators: 'nævnere', target: 'mål' },
  );
}

/**
 * A goal's measure evaluated on named counts, e.g. "pristjek / selvanmeldte" with the names in one row and the counts in the next.
 * @customfunction MEASURE MEASURE
 * @param expression The measure: numbers, names, + - * / ^, parentheses, min, max, abs, round.
 * @param names The names (a row or column).
 * @param values The counts, in the same order.
 * @returns The value, or #N/A "ingen data" when it divides by zero.
 */
export async function measureFn(expression: any, names: any[][], values: any[][]): Promise<number> {
  const input = guarded(() => {
    expression = plainValue(expression);
    if (typeof expression !== 'string') throw SaldoError.at('UGYLDIGT_INPUT', 'måling', expression, 'skriv beregningen som tekst, f.eks. "pristjek / selvanmeldte".');
    // An empty name cell is 0 in Excel for Windows: a blank, as no name is a number.
    const cells = ((Array.isArray(names) ? names.flat() : [names]) as unknown[]).map((k) => (plainValue(k) === 0 ? null : plainValue(k)));
    const notText = cells.find((k) => !isBlank(k) && typeof k !== 'string');
    if (notText !== undefined) throw SaldoError.at('UGYLDIGT_INPUT', 'navne', notText, `skal være tekst som "pristjek", ikke ${showValue(notText)}.`);
    const keys = cells.map((k) => String(k ?? '').trim());
    // A name twice would take its last value in silence.
    const twice = keys.find((k, i) => k !== '' && keys.indexOf(k) !== i);
    if (twice !== undefined) throw SaldoError.at('UGYLDIGT_INPUT', 'navne', twice, `"${twice}" står to gange; hvert navn må kun stå én gang.`);
    const counts = (Array.isArray(values) ? values.flat() : [values]) as unknown[];
    if (keys.length !== counts.length) throw SaldoError.at('UGYLDIGT_INPUT', 'værdier', counts.length, `lige så mange som navnene (${keys.length}), ikke ${counts.length}.`);
    const scope = new Map<string, number>();
    keys.forEach((k, i) => k !== '' && !isBlank(counts[i]) && scope.set(k, numberArg(counts[i], k)));
    return { expression, counts: scope, names: new Set(keys.filter((k) => k !== '')), at: 'måling' };
  });
  // The measure's parser is loaded on the first call (core/commands/index.ts): the function answers when it is.
  try {
    return orNoData(await commands.measure(input, workbookRules()));
  } catch (e) {
    throw toCellError(e);
  }
}
