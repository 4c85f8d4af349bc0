/**
 * The rows of statements, letters and analyses, for their sheets (core/report/ledgerSheets.ts):
 * values (kroner, date serials) with the kind of each column or cell. They take the statement and
 * the analysis in øre (texts as the output shows them, core/ledger/shownTexts.ts); an amount
 * becomes kroner only as its cell is made. Text from the ledger is text, so Excel never reads a
 * name like =HYPERLINK(…) as a formula.
 */
import { danishDate, parseDate, type CalendarDate } from '../calendar/date.js';
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { AGING_BUCKETS, type Analysis, type MonthRow } from '../ledger/analyse.js';
import { POSTING_KINDS, type PostingKind } from '../ledger/posting.js';
import type { Movements, Statement } from '../ledger/statement.js';
import { groupThousands, ore, toKroner } from '../money/ore.js';
import { CLAIM_STATE_LABELS, lettersFor, type AgreementNote, type LetterPlan } from '../letters/letterContent.js';
import { claimTypeRule, defaultClaimTypes, findClaimType } from '../rules/claimTypes.js';
import { defaultRules, type RuleSet } from '../rules/ruleSet.js';
import type { CellKind, CellValue, Column } from './sheet.js';

const serial = (d: CalendarDate | null) => (d ? dateToExcelSerial(d) : null);
/** A movement's cell: kroner, 0 for a kind with no movement. */
const movementKr = (m: Movements, k: PostingKind): number => {
  const v = m[k];
  return v === undefined ? 0 : toKroner(v);
};

export const KIND_LABELS: Readonly<Record<PostingKind, string>> = {
  krav: 'Nye krav',
  gebyr: 'Gebyrer',
  rente: 'Renter',
  betaling: 'Indbetalinger',
  modregning: 'Modregninger',
  afskrivning: 'Afskrivninger',
  oversendt: 'Sendt til inddrivelse',
  tilbagebetaling: 'Tilbagebetalinger',
  korrektion: 'Korrektioner',
};

/** The claim type's Danish label where Saldo knows it; the ledger's own code otherwise. */
export const claimTypeLabel = (type: string): string => {
  const id = findClaimType(defaultClaimTypes.value, type);
  return id === null ? type : claimTypeRule(defaultClaimTypes.value, id).label;
};

export const STATEMENT_COLUMNS: readonly Column[] = [
  ...['Debitor', 'Navn', 'CPR/CVR', 'Fordring', 'Fordringstype'].map((header) => ({ header, kind: 'text' as const })),
  { header: 'Primo', kind: 'kroner' },
  ...POSTING_KINDS.map((k) => ({ header: KIND_LABELS[k], kind: 'kroner' as const })),
  { header: 'Ultimo', kind: 'kroner' },
  { header: 'Forfaldsdato', kind: 'date' },
  { header: 'Alder (dage)', kind: 'integer' },
  { header: 'Forældelse', kind: 'date' },
  { header: 'Forældet', kind: 'text' },
  { header: 'Forældelse, grundlag', kind: 'text' },
];
export const STATEMENT_HEADERS = STATEMENT_COLUMNS.map((c) => c.header);

/**
 * "ja" when the claim (with a dom: its principal) is forældet on 31 December; "delvis" when only
 * the renter and gebyrer that fell due after a dom are (the first part to go is then on or before
 * the year end while the claim is not forældet); blank otherwise.
 */
export function timeBarredText(c: { limitationDate: string | null; timeBarred: boolean }, year: number): string {
  if (c.timeBarred) return 'ja';
  return c.limitationDate !== null && c.limitationDate <= `${year}-12-31` ? 'delvis' : '';
}

/** One row per claim: who, primo, the year's movements by kind, ultimo, due date, age and forældelse with its grounds. */
export function statementClaimRows(s: Statement): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const d of s.debtors) {
    for (const c of d.claims) {
      rows.push([
        d.debtorId,
        d.name,
        d.cpr,
        c.claimId,
        c.claimType,
        toKroner(c.opening),
        ...POSTING_KINDS.map((k) => movementKr(c.movements, k)),
        toKroner(c.closing),
        serial(c.dueDate),
        c.ageDays ?? null,
        serial(c.limitationDate),
        timeBarredText(c, s.year),
        c.limitationReason ?? null,
      ]);
    }
  }
  return rows;
}

export interface LetterOptions {
  kommune: string;
  contact: string;
  /** The day the letters are written (the caller's today), YYYY-MM-DD. */
  date: string;
  /** The rules in use (claim types' labels, what an open claim can get). Default: the shipped rules. */
  rules?: RuleSet;
  /** Bank account for payments. */
  account?: string;
  /** Postal addresses by debitor (core/letters/addresses.ts). */
  addresses?: ReadonlyMap<string, readonly string[]>;
  /** Running, kept agreements by debtor: their claims follow the agreement. */
  agreements?: ReadonlyMap<string, AgreementNote>;
}

export interface LetterLines {
  rows: CellValue[][];
  /** Per row the kinds of its five cells (rows share a few arrays). */
  kinds: Array<readonly CellKind[]>;
  /** Rows (0-based) where each debtor's page starts. */
  pageStarts: number[];
  /** Rows to print in bold (0-based). */
  bold: number[];
  /** Who got a letter, who did not and why, and the forældede claims for the caseworker. */
  plan: LetterPlan;
}

const TEXT_ROW: readonly CellKind[] = ['text', 'text', 'text', 'text', 'text'];
const CLAIM_ROW: readonly CellKind[] = ['text', 'text', 'kroner', 'kroner', 'text'];
const MOVEMENT_ROW: readonly CellKind[] = ['text', 'text', 'text', 'kroner', 'text'];

/**
 * One page per letter (core/letters/letterContent.ts decides what each says): who we are, the
 * date, to whom, each claim with what it owes and its state in words, what happened this year in
 * words, what to do now, whom to call. The statement's texts are already shown as the output
 * shows them (CPR masked or not), so the letter does not mask again.
 */
export function letterRows(s: Statement, options: LetterOptions): LetterLines {
  const rows: CellValue[][] = [];
  const kinds: Array<readonly CellKind[]> = [];
  const pageStarts: number[] = [];
  const bold: number[] = [];
  const add = (row: CellValue[], opts: { bold?: boolean; kinds?: readonly CellKind[] } = {}) => {
    if (opts.bold) bold.push(rows.length);
    rows.push([...row, ...Array<null>(5 - row.length).fill(null)].slice(0, 5));
    kinds.push(opts.kinds ?? TEXT_ROW);
  };
  const date = parseDate(options.date, 'date');
  const plan = lettersFor(s, { kommune: options.kommune, contact: options.contact, date, ...(options.account ? { account: options.account } : {}) }, options.rules ?? defaultRules, {
    showCpr: true,
    ...(options.addresses ? { addresses: options.addresses } : {}),
    ...(options.agreements ? { agreements: options.agreements } : {}),
  });
  for (const l of plan.letters) {
    pageStarts.push(rows.length);
    add([options.kommune], { bold: true });
    add([`Saldoopgørelse pr. 31. december ${s.year}`], { bold: true });
    add([`Dato: ${danishDate(l.date)}`]);
    add([]);
    add([l.recipient]);
    for (const line of l.address) add([line]);
    if (l.identity !== '') add([l.identity]);
    add([`Debitornummer: ${l.debtorId}`]);
    add([]);
    add([l.salutation]);
    add([`Her er en oversigt over dine sager hos ${options.kommune} ved udgangen af ${s.year}, og hvad der er sket på dem i løbet af året.`]);
    add([]);
    add(['Sag', 'Type', 'Skyldig 1. januar', 'Skyldig 31. december', 'Status'], { bold: true });
    for (const c of l.claims) add([c.claimId, c.typeLabel, toKroner(c.opening), toKroner(c.closing), CLAIM_STATE_LABELS[c.state]], { kinds: CLAIM_ROW });
    const opening = ore(l.claims.reduce((t, c) => t + c.opening, 0));
    const closing = ore(l.claims.reduce((t, c) => t + c.closing, 0));
    add(['I alt', null, toKroner(opening), toKroner(closing), null], { bold: true, kinds: CLAIM_ROW });
    add([]);
    if (l.movements.length > 0) {
      add([`Det er sket i ${s.year}`], { bold: true });
      for (const m of l.movements) add([m.label, null, null, toKroner(m.amount)], { kinds: MOVEMENT_ROW });
      add([]);
    }
    for (const p of l.paragraphs) add([p]);
    add([]);
    add(['Venlig hilsen']);
    add([options.kommune]);
  }
  return { rows, kinds, pageStarts, bold, plan };
}

/**
 * What the letters run did, in Danish: how many letters, who got none and why, and the forældede
 * claims left for the caseworker.
 * @example letterPlanSummary(plan) // "29 breve. 11 debitorer fik intet brev: 6 kun forældede krav; 5 intet skyldigt …"
 */
export function letterPlanSummary(plan: LetterPlan): string {
  const reasons = new Map<string, number>();
  for (const s of plan.skipped) reasons.set(s.why, (reasons.get(s.why) ?? 0) + 1);
  const parts = [`${groupThousands(plan.letters.length)} ${plan.letters.length === 1 ? 'brev' : 'breve'}.`];
  if (plan.skipped.length > 0)
    parts.push(
      `${groupThousands(plan.skipped.length)} ${plan.skipped.length === 1 ? 'debitor' : 'debitorer'} fik intet brev (${[...reasons].map(([r, n]) => `${groupThousands(n)} ${r}`).join(', ')}).`,
    );
  const barred = plan.forCaseworker.length;
  if (barred > 0)
    parts.push(
      barred === 1
        ? '1 forældet fordring kræves ikke ind; den står på listen til sagsbehandleren.'
        : `${groupThousands(barred)} forældede fordringer kræves ikke ind; de står på listen til sagsbehandleren.`,
    );
  if (plan.withoutAddress.length > 0) parts.push(`${groupThousands(plan.withoutAddress.length)} ${plan.withoutAddress.length === 1 ? 'brev mangler' : 'breve mangler'} adresse.`);
  return parts.join(' ');
}

/** The forældede claims left out of the letters: for the caseworker, who decides. */
export function caseworkerRows(plan: LetterPlan): CellValue[][] {
  return plan.forCaseworker.map((n) => [n.debtorId, n.claimId, toKroner(n.amount), n.reason]);
}

/** The analysis in figures: label, value and kind. */
export function analysisSummaryLines(a: Analysis): Array<{ label: string; value: CellValue; kind: CellKind }> {
  const s = a.summary;
  const lines: Array<[string, CellValue, CellKind]> = [
    ['Saldoanalyse pr.', serial(a.asOf), 'date'],
    ['Samlet saldo', toKroner(s.balance), 'kroner'],
    ['Debitorer med saldo', s.debtorsWithBalance, 'integer'],
    ['Åbne fordringer', s.openClaims, 'integer'],
    ['Gennemsnit pr. debitor', toKroner(s.averagePerDebtor), 'kroner'],
    ['Saldo ældre end 1 år', toKroner(s.overOneYear), 'kroner'],
    ['Andel ældre end 1 år', s.overOneYearShare, 'percent'],
    // Apart from the balance above: what the kommune owes citizens never lowers their restance.
    ['Kreditsaldi (kommunen skylder borgeren)', toKroner(a.credits.balance), 'kroner'],
    ['Fordringer med kreditsaldo', a.credits.claims, 'integer'],
    ['Periode fra', serial(a.period.from), 'date'],
    ['Periode til', serial(a.period.to), 'date'],
    ['Nye krav i perioden', toKroner(s.newClaimsInPeriod), 'kroner'],
    ['Indbetalt i perioden', toKroner(s.paymentsInPeriod), 'kroner'],
    ['Afskrevet i perioden', toKroner(s.writtenOffInPeriod), 'kroner'],
    ['Sendt til inddrivelse i perioden', toKroner(s.transferredInPeriod), 'kroner'],
    ['Fejlbehæftede rækker', a.errors.length, 'integer'],
  ];
  return lines.map(([label, value, kind]) => ({ label, value, kind }));
}

/** The label of every total row and column over the claim types. */
export const TOTAL_LABEL = 'I alt';

/** Restance by claim type (its label) and age bucket, the type's total, and a bold "I alt" row under them. */
export function agingTable(a: Analysis): { columns: Column[]; rows: CellValue[][]; total: CellValue[] } {
  return {
    columns: [{ header: 'Fordringstype', kind: 'text' }, ...AGING_BUCKETS.map((b) => ({ header: b.label, kind: 'kroner' as const })), { header: TOTAL_LABEL, kind: 'kroner' }],
    rows: a.aging.map((r) => [claimTypeLabel(r.claimType), ...r.buckets.map(toKroner), toKroner(r.total)]),
    total: [TOTAL_LABEL, ...a.agingTotal.buckets.map(toKroner), toKroner(a.agingTotal.total)],
  };
}

/** The credits by claim type (the kommune owes the citizen): claims and their (negative) balance, with an "I alt" row. */
export function creditsTable(a: Analysis): { columns: Column[]; rows: CellValue[][]; total: CellValue[] } {
  return {
    columns: [
      { header: 'Kreditsaldi', kind: 'text' },
      { header: 'Fordringer', kind: 'integer' },
      { header: 'Saldo', kind: 'kroner' },
    ],
    rows: a.credits.byClaimType.map((c) => [claimTypeLabel(c.claimType), c.claims, toKroner(c.balance)]),
    total: [TOTAL_LABEL, a.credits.claims, toKroner(a.credits.balance)],
  };
}

/**
 * Month-end balances per claim type, one column per type (what a line chart wants), and the last
 * column the total over the types; the months as the JSON labels them ("2026-03").
 */
export function developmentTable(a: Analysis): { columns: Column[]; rows: CellValue[][] } {
  return {
    columns: [{ header: 'Måned', kind: 'text' }, ...a.development.map((d) => ({ header: claimTypeLabel(d.claimType), kind: 'kroner' as const })), { header: TOTAL_LABEL, kind: 'kroner' }],
    // No claim type, no line to draw: an empty table, as before the total column.
    rows: (a.development.length === 0 ? [] : a.developmentTotal.months).map((m, i) => [
      m.month,
      ...a.development.map((d) => {
        const month = d.months[i];
        return month === undefined ? 0 : toKroner(month.balance);
      }),
      toKroner(m.balance),
    ]),
  };
}

/**
 * Each claim type's months (balance at month end, additions, reductions), then the months of all
 * types together as "I alt" rows (their 0-based indices in `totalRows`, for bold).
 */
export function movementsTable(a: Analysis): { columns: Column[]; rows: CellValue[][]; totalRows: number[] } {
  const monthCells = (m: MonthRow) => [m.month, toKroner(m.balance), toKroner(m.additions), toKroner(m.reductions)];
  const rows: CellValue[][] = a.development.flatMap((d) => d.months.map((m) => [claimTypeLabel(d.claimType), ...monthCells(m)]));
  const first = rows.length;
  // A ledger with no posting up to the period's end has no types, and so no total either.
  if (a.development.length > 0) rows.push(...a.developmentTotal.months.map((m) => [TOTAL_LABEL, ...monthCells(m)]));
  return {
    columns: [
      { header: 'Fordringstype', kind: 'text' },
      { header: 'Måned', kind: 'text' },
      { header: 'Saldo ultimo', kind: 'kroner' },
      { header: 'Tilgang', kind: 'kroner' },
      { header: 'Afgang', kind: 'kroner' },
    ],
    rows,
    totalRows: Array.from({ length: rows.length - first }, (_, i) => first + i),
  };
}

/**
 * One debtor's statement as the DEBTORSTATEMENT cell table: a header row, a row per claim
 * (primo, the year's movements by kind, ultimo, forældelse date, ja/delvis and its grounds) and
 * a total. Amounts in kroner, dates as serials.
 */
export function debtorStatementTable(d: Statement['debtors'][number], year: number): Array<Array<string | number>> {
  const kr = (o: number | undefined) => toKroner(ore(o ?? 0));
  return [
    ['Fordring', 'Fordringstype', 'Primo', ...POSTING_KINDS.map((k) => k), 'Ultimo', 'Forældelse', 'Forældet', 'Forældelse, grundlag'],
    ...d.claims.map((c) => [
      c.claimId,
      c.claimType,
      kr(c.opening),
      ...POSTING_KINDS.map((k) => kr(c.movements[k])),
      kr(c.closing),
      c.limitationDate === null ? '' : dateToExcelSerial(c.limitationDate),
      timeBarredText(c, year),
      c.limitationReason ?? '',
    ]),
    ['I alt', '', kr(d.opening), ...POSTING_KINDS.map((k) => kr(d.movements[k])), kr(d.closing), '', '', ''],
  ];
}
