/**
 * Statements and analyses as the contract's JSON (kroner at the edge), and in-memory runs over
 * rows (for JSON ledgers and the add-in; the CLI streams files through the same builders).
 */
import { SaldoError, showValue } from '../errors.js';
import { checkExactSum, toKroner } from '../money/ore.js';
import type { RuleSet } from '../rules/ruleSet.js';
import { AGING_BUCKETS, createAnalysisBuilder, type Analysis, type AnalysisPeriod, type MonthRow } from './analyse.js';
import { MAPPING_SHEET, mappedHeader, NO_MAPPING, type LedgerMapping } from './ledgerMapping.js';
import { isRowError, mapColumns, parsePostingRow, POSTING_KINDS, type ColumnMap, type Posting, type RowError } from './posting.js';
import { createStatementBuilder, type DebtorStatement, type LazyStatement, type Movements, type Statement } from './statement.js';
import { showAnalysis, showStatement, showStatementWith, shownCpr, shownFor, type Shown, type ShowOptions } from './shownTexts.js';
import { normaliseId } from './ledgerId.js';

function movementsKr(m: Movements): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k in m) {
    const v = m[k as keyof Movements];
    if (v !== undefined) out[k] = toKroner(v);
  }
  return out;
}

/**
 * The statement as the contract's JSON, its texts shown as `options` say (shownTexts.ts): a
 * statement whose texts were shown already (the `statements` command's) is converted as it is.
 */
export function statementToJson(s: Statement, options: ShowOptions = {}) {
  return statementJson(showStatement(s, options));
}

/** Amounts to kroner; the texts as they are. */
function statementJson(s: Statement) {
  return {
    year: s.year,
    debtors: s.debtors.map((d) => ({
      debtorId: d.debtorId,
      name: d.name,
      cpr: d.cpr,
      opening: toKroner(d.opening),
      movements: movementsKr(d.movements),
      closing: toKroner(d.closing),
      claims: d.claims.map((c) => ({
        claimId: c.claimId,
        claimType: c.claimType,
        opening: toKroner(c.opening),
        movements: movementsKr(c.movements),
        closing: toKroner(c.closing),
        dueDate: c.dueDate,
        ageDays: c.ageDays,
        limitationDate: c.limitationDate,
        timeBarred: c.timeBarred,
        limitationReason: c.limitationReason,
      })),
    })),
    totals: { ...s.totals, opening: toKroner(s.totals.opening), movements: movementsKr(s.totals.movements), closing: toKroner(s.totals.closing), rowsSum: toKroner(s.totals.rowsSum) },
    errors: s.errors.map((e) => ({ row: e.row, message: e.message })),
  };
}
export type StatementsOutput = ReturnType<typeof statementToJson>;

const str = JSON.stringify;
/** True when JSON.stringify would change nothing inside the quotes (no quote, backslash, control character or surrogate). */
function plainJsonString(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}
/** `JSON.stringify(s)` for a string, without the call for the usual plain id, name or date. */
const strText = (s: string): string => (plainJsonString(s) ? `"${s}"` : str(s));
const dateText = (d: string | null): string => (d === null ? 'null' : `"${d}"`);

/**
 * The JSON number text of øre as kroner, `String(ore / 100)`, made from the integer's digits
 * (a fifth of the statement's time went to formatting fractions). Below 10¹⁵ øre a number has at
 * most 15 significant digits, so the shortest text that reads back as ore / 100 is exactly its
 * decimal digits; larger amounts take the division.
 */
export function kronerJson(ore: number): string {
  if (ore % 100 === 0 || ore >= 1e15 || ore <= -1e15) return `${ore / 100}`;
  const abs = ore < 0 ? -ore : ore;
  const cents = abs % 100;
  const fraction = cents % 10 === 0 ? `${cents / 10}` : cents < 10 ? `0${cents}` : `${cents}`;
  return `${ore < 0 ? '-' : ''}${(abs - cents) / 100}.${fraction}`;
}

function movementsText(m: Movements): string {
  let out = '';
  for (const k of POSTING_KINDS) {
    const v = m[k];
    if (v !== undefined) out += `${out === '' ? '' : ','}"${k}":${kronerJson(v)}`;
  }
  return `{${out}}`;
}

/** One debtor's JSON text; the texts are shown in the order showStatementWith shows them, so a masker gives the same tags. */
function debtorText(d: DebtorStatement, show: Shown): string {
  const head = `{"debtorId":${strText(show(d.debtorId))},"name":${strText(show(d.name))},"cpr":${strText(shownCpr(d.cpr, show))},`;
  let claims = '';
  for (const c of d.claims) {
    if (claims !== '') claims += ',';
    claims += `{"claimId":${strText(show(c.claimId))},"claimType":${strText(show(c.claimType))},"opening":${kronerJson(c.opening)},"movements":${movementsText(c.movements)},"closing":${kronerJson(c.closing)},"dueDate":${dateText(c.dueDate)},"ageDays":${c.ageDays},"limitationDate":${dateText(c.limitationDate)},"timeBarred":${c.timeBarred},"limitationReason":${c.limitationReason === null ? 'null' : strText(c.limitationReason)}}`;
  }
  return `${head}"opening":${kronerJson(d.opening)},"movements":${movementsText(d.movements)},"closing":${kronerJson(d.closing)},"claims":[${claims}]}`;
}

/**
 * The statement's JSON text in pieces of about `debtorsPerChunk` debtors: exactly the text of
 * `JSON.stringify({...statementToJson(s, options), ...extra})`, written without building that
 * object (a million-row ledger's statement is ~50 MB of JSON).
 */
export function* statementJsonChunks(s: Statement | LazyStatement, options: ShowOptions = {}, extra: Record<string, unknown> = {}, debtorsPerChunk = 200): Generator<string> {
  const show = shownFor(options);
  let chunk = `{"year":${str(s.year)},"debtors":[`;
  let i = 0;
  for (const d of s.debtors) {
    chunk += (i === 0 ? '' : ',') + debtorText(d, show);
    i += 1;
    if (i % debtorsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  const { totals, errors } = statementJson(showStatementWith({ ...s, debtors: [] }, show));
  // The extra fields (the source file's name) are output text too.
  const rest = Object.entries(extra)
    .map(([k, v]) => `,${str(k)}:${show(str(v))}`)
    .join('');
  yield `${chunk}],"totals":${str(totals)},"errors":${str(errors)}${rest}}`;
}

/** The analysis's JSON; with `maskCpr` its texts are masked as the statement's are (shownTexts.ts). */
export function analysisToJson(a: Analysis, options: ShowOptions = {}) {
  const shown = showAnalysis(a, options);
  const s = shown.summary;
  const monthJson = (m: MonthRow) => ({ month: m.month, balance: toKroner(m.balance), additions: toKroner(m.additions), reductions: toKroner(m.reductions) });
  return {
    asOf: shown.asOf,
    period: shown.period,
    agingBuckets: AGING_BUCKETS.map((b) => b.label),
    aging: shown.aging.map((r) => ({ claimType: r.claimType, buckets: r.buckets.map(toKroner), total: toKroner(r.total) })),
    agingTotal: { buckets: shown.agingTotal.buckets.map(toKroner), total: toKroner(shown.agingTotal.total) },
    credits: {
      claims: shown.credits.claims,
      balance: toKroner(shown.credits.balance),
      byClaimType: shown.credits.byClaimType.map((c) => ({ ...c, balance: toKroner(c.balance) })),
    },
    development: shown.development.map((d) => ({ claimType: d.claimType, opening: toKroner(d.opening), months: d.months.map(monthJson) })),
    developmentTotal: { opening: toKroner(shown.developmentTotal.opening), months: shown.developmentTotal.months.map(monthJson) },
    topDebtors: shown.topDebtors.map((t) => ({ ...t, balance: toKroner(t.balance) })),
    summary: {
      ...s,
      balance: toKroner(s.balance),
      averagePerDebtor: toKroner(s.averagePerDebtor),
      overOneYear: toKroner(s.overOneYear),
      paymentsYearToDate: toKroner(s.paymentsYearToDate),
      writtenOffYearToDate: toKroner(s.writtenOffYearToDate),
      transferredYearToDate: toKroner(s.transferredYearToDate),
      newClaimsYearToDate: toKroner(s.newClaimsYearToDate),
      paymentsInPeriod: toKroner(s.paymentsInPeriod),
      writtenOffInPeriod: toKroner(s.writtenOffInPeriod),
      transferredInPeriod: toKroner(s.transferredInPeriod),
      newClaimsInPeriod: toKroner(s.newClaimsInPeriod),
    },
    errors: shown.errors.map((e) => ({ row: e.row, message: e.message })),
  };
}
export type AnalyseOutput = ReturnType<typeof analysisToJson>;

/** A sink for parsed rows: the statement or the analysis builder. */
export interface PostingSink {
  add(p: Posting): void;
  addError(e: RowError): void;
}

/**
 * Feeds rows (the first is the header) into a sink. Row numbers count the header as row 1, as
 * a spreadsheet shows them. Returns the number of data rows.
 */
export function feedRows(rows: Iterable<readonly unknown[]>, sink: PostingSink, firstRow = 1): number {
  let columns: ColumnMap | null = null;
  let n = firstRow - 1;
  for (const cells of rows) {
    n += 1;
    if (columns === null) {
      columns = headerColumns(cells);
      continue;
    }
    if (cells.every((c) => c === null || c === undefined || c === '')) continue;
    const p = parsePostingRow(cells, columns, n);
    if (isRowError(p)) sink.addError(p);
    else sink.add(p);
  }
  if (columns === null) throw new SaldoError('MANGLER', 'ledger', null, 'Posteringslisten er tom: der er ingen overskriftsrække.');
  return n - firstRow;
}

export function headerColumns(header: readonly unknown[], mapping: LedgerMapping = NO_MAPPING): ColumnMap {
  // An empty JSON list has no fields at all: say that, not "missing columns (found )".
  if (header.length === 0) throw new SaldoError('MANGLER', 'ledger', header, 'Posteringslisten er tom: den har ingen posteringer.');
  const { columns, missing, doubled } = mapColumns(mappedHeader(header, mapping));
  if (doubled.length > 0) {
    throw new SaldoError('UGYLDIGT_INPUT', 'ledger', header, `Posteringslisten har to kolonner for det samme: ${doubled.join('; ')}. Fjern eller omdøb den ene, så det er klart, hvilken der gælder.`);
  }
  if (missing.length > 0) {
    throw new SaldoError(
      'MANGLER',
      'ledger',
      header,
      `Posteringslisten mangler kolonnerne ${missing.join(', ')} i overskriftsrækken (fandt ${header.map((h) => showValue(h)).join(', ')}). Hedder de noget andet i jeres fagsystem, så sig det i en kortlægning (${MAPPING_SHEET}).`,
    );
  }
  return columns;
}

/** More distinct unknown keys than this in a JSON ledger is an error, not a pass-over. */
export const MAX_UNKNOWN_KEYS = 50;
/** More distinct known keys than this can only be one field spelt in many ways (which mapColumns refuses as doubled). */
const MAX_KNOWN_KEYS = 64;
const LEDGER_FIELDS = 'debtorId, debtorName, cpr, claimId, claimType, postingDate, dueDate, kind, amount, acknowledged, lastTimelyPaymentDate, judgmentDate, caseworker';

/**
 * JSON rows (objects) as a header row plus value rows. Only keys that name a ledger field (in
 * English or as a Danish header, as mapColumns reads them) become columns; other keys are passed
 * over, as extra CSV columns are. Rows that each bring new keys would otherwise make a table of
 * rows × keys (a 3 MB file: minutes, then out of memory), so more than MAX_UNKNOWN_KEYS distinct
 * unknown keys is one Danish error, and memory stays rows × (at most MAX_KNOWN_KEYS) columns.
 */
export function objectsToRows(objects: readonly unknown[]): unknown[][] {
  const known = new Map<string, boolean>();
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const o of objects) {
    if (typeof o !== 'object' || o === null || Array.isArray(o)) {
      throw new SaldoError('UGYLDIGT_INPUT', 'ledger', o, `Hver postering skal være et objekt med debtorId, claimId, postingDate, kind, amount … (fik ${showValue(o)}).`);
    }
    for (const k of Object.keys(o)) {
      if (known.has(k)) continue;
      const isField = Object.keys(mapColumns([k]).columns).length > 0;
      if (isField) {
        if (keys.length >= MAX_KNOWN_KEYS)
          throw new SaldoError(
            'UGYLDIGT_INPUT',
            'ledger',
            k,
            `Posteringerne har over ${MAX_KNOWN_KEYS} forskellige stavemåder af de samme felter (f.eks. ${showValue(k)}): brug én stavemåde pr. felt.`,
          );
        keys.push(k);
        known.set(k, true);
      } else {
        // Remembered (at most MAX_UNKNOWN_KEYS of them), so a "note" in every row is looked at once.
        unknown.push(k);
        known.set(k, false);
        if (unknown.length > MAX_UNKNOWN_KEYS) {
          const some = unknown
            .slice(0, 10)
            .map((u) => showValue(u))
            .join(', ');
          throw new SaldoError(
            'UGYLDIGT_INPUT',
            'ledger',
            k,
            `Posteringerne har mere end ${MAX_UNKNOWN_KEYS} forskellige felter, som Saldo ikke kender, f.eks. ${some}. Saldo læser kun posteringens felter (${LEDGER_FIELDS} eller de danske overskrifter): fjern de andre felter.`,
          );
        }
      }
    }
  }
  // Own keys only: a row without "debtorName" gets nothing, never a value from its prototype.
  return [keys, ...objects.map((o) => keys.map((k) => (Object.hasOwn(o as object, k) ? (o as Record<string, unknown>)[k] : undefined)))];
}

export function statementFromRows(rows: Iterable<readonly unknown[]>, year: number, rules: RuleSet): Statement {
  const builder = createStatementBuilder(year, rules);
  feedRows(rows, builder);
  return builder.finish();
}

/** The analysis of ledger rows on `asOf`, its development over `period` (default: the 12 months up to asOf). */
export function analysisFromRows(rows: Iterable<readonly unknown[]>, asOf: number, period?: AnalysisPeriod): Analysis {
  const builder = createAnalysisBuilder(asOf, period);
  feedRows(rows, builder);
  return builder.finish();
}

/** A debtor number typed by a user, read as the ledger's ids are (invisible characters, full-width forms), so that it finds them. */
function debtorKey(debtorId: string): string {
  const id = normaliseId(debtorId.trim());
  if (typeof id === 'string') return id;
  throw new SaldoError(
    'UGYLDIGT_INPUT',
    'debtorId',
    debtorId,
    `Debitor ${showValue(debtorId)} har et ${id.script} bogstav "${id.letter}" (${id.codePoint}) som tegn nr. ${id.position}; skriv nummeret med latinske bogstaver.`,
  );
}

/**
 * One debtor's statement for a year from ledger rows (a custom function's range). Any malformed
 * row in the ledger is an error here: a balance that silently skipped a row would be wrong.
 */
export function debtorStatement(rows: Iterable<readonly unknown[]>, debtorId: string, year: number, rules: RuleSet) {
  const statement = statementFromRows(rows, year, rules);
  const first = statement.errors[0];
  if (first) {
    throw new SaldoError('UGYLDIGT_INPUT', 'ledger', first.row, `Posteringslisten har ${statement.errors.length} fejlbehæftede rækker (række ${first.row}: ${first.message}). Ret dem først.`);
  }
  const id = debtorKey(debtorId);
  const debtor = statement.debtors.find((d) => d.debtorId === id);
  if (!debtor) throw new SaldoError('UGYLDIGT_INPUT', 'debtorId', debtorId, `Debitor ${showValue(id)} har ingen posteringer til og med ${year}.`);
  return debtor;
}

/** A debtor's balance at the end of `asOf` (every posting up to and including that day). */
export function debtorBalance(rows: Iterable<readonly unknown[]>, debtorId: string, asOf: number): number {
  const id = debtorKey(debtorId);
  let balance = 0;
  let absoluteSum = 0;
  let found = false;
  const errors: RowError[] = [];
  feedRows(rows, {
    add: (p) => {
      if (p.debtorId !== id) return;
      found = true;
      if (p.postingDay <= asOf) {
        balance += p.amount;
        absoluteSum += Math.abs(p.amount);
      }
    },
    addError: (e) => errors.push(e),
  });
  const first = errors[0];
  if (first) throw new SaldoError('UGYLDIGT_INPUT', 'ledger', first.row, `Posteringslisten har ${errors.length} fejlbehæftede rækker (række ${first.row}: ${first.message}). Ret dem først.`);
  // A misspelt debtor number is not a debtor who owes nothing (as SALDOOPGØRELSE says too).
  if (!found) throw new SaldoError('UGYLDIGT_INPUT', 'debtorId', debtorId, `Debitor ${showValue(id)} har ingen posteringer i posteringslisten.`);
  checkExactSum(absoluteSum, 'Posteringslisten');
  return balance;
}
