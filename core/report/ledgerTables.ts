/**
 * Layouts for statements, letters and analyses, shared by the CLI workbooks and the add-in's
 * sheets: values (kroner, date serials) with a number format per cell. Text from the ledger gets
 * the text format "@", so Excel never reads a name like =HYPERLINK(…) as a formula.
 */
import type { CalendarDate } from '../calendar/date.js';
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { AGING_BUCKETS } from '../ledger/analyse.js';
import type { AnalyseOutput, StatementsOutput } from '../ledger/ledgerJson.js';
import { POSTING_KINDS, type PostingKind } from '../ledger/posting.js';
import { formatKroner, ore } from '../money/ore.js';
import { CLAIM_TYPES, defaultClaimTypes, type ClaimType } from '../rules/claimTypes.js';
import { NUMBER_FORMATS } from './planTable.js';

const KR = NUMBER_FORMATS.kroner;
const DATE = NUMBER_FORMATS.date;
const TEXT = NUMBER_FORMATS.text;
const INT = NUMBER_FORMATS.integer;
const serial = (d: string | null) => (d ? dateToExcelSerial(d as CalendarDate) : '');

export const KIND_LABELS: Readonly<Record<PostingKind, string>> = {
  krav: 'Nye krav', gebyr: 'Gebyrer', rente: 'Renter', betaling: 'Indbetalinger', modregning: 'Modregninger', afskrivning: 'Afskrivninger',
  oversendt: 'Sendt til inddrivelse', tilbagebetaling: 'Tilbagebetalinger', korrektion: 'Korrektioner',
};

/** The claim type's Danish label where Saldo knows it; the ledger's own code otherwise. */
export const claimTypeLabel = (type: string): string => ((CLAIM_TYPES as readonly string[]).includes(type) ? defaultClaimTypes.value[type as ClaimType].label : type);

export interface Block {
  values: Array<Array<string | number>>;
  formats: string[][];
}

export const STATEMENT_HEADERS = ['Debitor', 'Navn', 'CPR/CVR', 'Fordring', 'Fordringstype', 'Primo', ...POSTING_KINDS.map((k) => KIND_LABELS[k]), 'Ultimo', 'Forfaldsdato', 'Alder (dage)', 'Forældelse', 'Forældet', 'Forældelse, grundlag'];

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
export function statementClaimRows(s: StatementsOutput): Block {
  const rowFormats = [TEXT, TEXT, TEXT, TEXT, TEXT, KR, ...POSTING_KINDS.map(() => KR), KR, DATE, INT, DATE, TEXT, TEXT];
  const values: Block['values'] = [STATEMENT_HEADERS];
  for (const d of s.debtors) {
    for (const c of d.claims) {
      values.push([d.debtorId, d.name, d.cpr, c.claimId, c.claimType, c.opening, ...POSTING_KINDS.map((k) => c.movements[k] ?? 0), c.closing, serial(c.dueDate), c.ageDays ?? '', serial(c.limitationDate), timeBarredText(c, s.year), c.limitationReason ?? '']);
    }
  }
  return { values, formats: values.map((_, i) => (i === 0 ? STATEMENT_HEADERS.map(() => TEXT) : rowFormats)) };
}

export interface LetterOptions {
  kommune: string;
  contact: string;
}

const kr = (v: number) => formatKroner(ore(Math.round(v * 100)));
/** "kr." ends a sentence by itself: no second full stop. */
const sentence = (t: string) => t.replace(/\.\.(?=\s|$)/g, '.');

export interface LetterBlock extends Block {
  /** Row numbers (1-based) where each debtor's page starts. */
  pageStarts: number[];
  /** Rows to print in bold (1-based). */
  bold: number[];
}

/**
 * One page per debtor with a balance or a movement, in clear, friendly Danish: who we are, what
 * you owe per claim, what happened this year, how to pay or make an agreement, whom to call.
 */
export function letterRows(s: StatementsOutput, options: LetterOptions): LetterBlock {
  const values: Block['values'] = [];
  const formats: string[][] = [];
  const pageStarts: number[] = [];
  const bold: number[] = [];
  const add = (row: Array<string | number>, opts: { bold?: boolean; money?: boolean } = {}) => {
    const cells = [...row, ...Array(5 - row.length).fill('')].slice(0, 5);
    values.push(cells);
    formats.push(cells.map((_, i) => (opts.money && i >= 2 ? KR : TEXT)));
    if (opts.bold) bold.push(values.length);
  };
  for (const d of s.debtors.filter((x) => x.closing !== 0 || Object.keys(x.movements).length > 0)) {
    pageStarts.push(values.length + 1);
    add([options.kommune], { bold: true });
    add([`Saldoopgørelse pr. 31. december ${s.year}`], { bold: true });
    add([]);
    add([d.name || `Debitor ${d.debtorId}`]);
    add([d.cpr ? `CPR/CVR: ${d.cpr}` : `Debitornummer: ${d.debtorId}`]);
    add([]);
    add([`Kære ${d.name || 'borger'}`]);
    add([`Her er en oversigt over, hvad du skylder ${options.kommune} ved årets udgang, og hvad der er sket på dine sager i ${s.year}.`]);
    add([]);
    add(['Sag', 'Type', 'Skyldig 1. januar', `Bevægelser ${s.year}`, 'Skyldig 31. december'], { bold: true });
    for (const c of d.claims) {
      const moved = Object.values(c.movements).reduce<number>((t, v) => t + (v ?? 0), 0);
      add([c.claimId, claimTypeLabel(c.claimType), c.opening, Math.round(moved * 100) / 100, c.closing], { money: true });
    }
    add(['I alt', '', d.opening, Math.round((d.closing - d.opening) * 100) / 100, d.closing], { bold: true, money: true });
    add([]);
    const happened = POSTING_KINDS.filter((k) => d.movements[k] !== undefined).map((k) => `${KIND_LABELS[k]}: ${kr(d.movements[k]!)}`);
    add([sentence(happened.length > 0 ? `I ${s.year}: ${happened.join('; ')}.` : `Der er ikke sket noget på dine sager i ${s.year}.`)]);
    add([]);
    if (d.closing > 0) {
      add([sentence(`Du skylder ${kr(d.closing)}. Betal gerne hurtigst muligt, så undgår du flere gebyrer og renter.`)]);
      add(['Kan du ikke betale det hele på én gang, kan vi lave en betalingsaftale med dig. Kontakt os.']);
    } else if (d.closing < 0) {
      add([sentence(`Du har betalt ${kr(-d.closing)} for meget. Vi betaler beløbet tilbage til din NemKonto.`)]);
    } else {
      add(['Du skylder ikke noget. Tak fordi du har betalt.']);
    }
    add([sentence(`Har du spørgsmål, så kontakt os: ${options.contact}.`)]);
    add([]);
    add(['Venlig hilsen']);
    add([options.kommune]);
  }
  return { values, formats, pageStarts, bold };
}

export function analysisSummaryRows(a: AnalyseOutput): Block {
  const s = a.summary;
  const rows: Array<[string, number | string, string]> = [
    ['Saldoanalyse pr.', serial(a.asOf), DATE],
    ['Samlet saldo', s.balance, KR],
    ['Debitorer med saldo', s.debtorsWithBalance, INT],
    ['Åbne fordringer', s.openClaims, INT],
    ['Gennemsnit pr. debitor', s.averagePerDebtor, KR],
    ['Saldo ældre end 1 år', s.overOneYear, KR],
    ['Andel ældre end 1 år', s.overOneYearShare, '0.0%'],
    ['Nye krav i år', s.newClaimsYearToDate, KR],
    ['Indbetalt i år', s.paymentsYearToDate, KR],
    ['Afskrevet i år', s.writtenOffYearToDate, KR],
    ['Sendt til inddrivelse i år', s.transferredYearToDate, KR],
    ['Fejlbehæftede rækker', a.errors.length, INT],
  ];
  return { values: rows.map(([l, v]) => [l, v]), formats: rows.map(([, , f]) => [TEXT, f]) };
}

export function agingRows(a: AnalyseOutput): Block {
  const header = ['Fordringstype', ...AGING_BUCKETS.map((b) => b.label), 'I alt'];
  const values: Block['values'] = [header, ...a.aging.map((r) => [claimTypeLabel(r.claimType), ...r.buckets, r.total])];
  return { values, formats: values.map((_, i) => (i === 0 ? header.map(() => TEXT) : [TEXT, ...AGING_BUCKETS.map(() => KR), KR])) };
}

/** Month-end balances per claim type, one column per type (what a line chart wants). */
export function developmentRows(a: AnalyseOutput): Block {
  const types = a.development.map((d) => d.claimType);
  const months = a.development[0]?.months.map((m) => m.month) ?? [];
  const header = ['Måned', ...types.map(claimTypeLabel)];
  const values: Block['values'] = [header, ...months.map((m, i) => [m, ...a.development.map((d) => d.months[i]?.balance ?? 0)])];
  return { values, formats: values.map((_, i) => (i === 0 ? header.map(() => TEXT) : [TEXT, ...types.map(() => KR)])) };
}
