/**
 * A ledger posting (SPEC "statements"): one row of a kommune's debtor ledger. `amount` is signed
 * øre (positive raises the debt). Rows are parsed here from the strings (CSV), cell values
 * (xlsx, Excel ranges) or JSON values the front ends bring; a bad row becomes a `RowError` with
 * its row number and a Danish reason, and is never dropped silently.
 */
import { danishDate, dayNumberOf, daysInMonth, fromDayNumber, type DayNumber } from '../calendar/date.js';
import { showValue } from '../errors.js';
import { cprInAmount, maskCprsIn } from '../personal/cpr.js';
import { isDateCell } from '../input/cells.js';
import { headerWords, matchHeaders } from '../input/headers.js';
import { parseAmountText } from '../input/number.js';
import { excelSerialToDayNumber } from '../calendar/excelSerial.js';
import { normaliseId } from './ledgerId.js';

/**
 * `betaling` is the debtor's own payment (an erkendelse, forældelsesloven § 15); `modregning` is a
 * set-off made by the kommune, which lowers the debt but is no act of the debtor's and does not
 * interrupt the limitation.
 */
export const POSTING_KINDS = ['krav', 'gebyr', 'rente', 'betaling', 'modregning', 'afskrivning', 'oversendt', 'tilbagebetaling', 'korrektion'] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

/** Kinds in other words a ledger may use (English keys, common Danish variants). */
const KIND_WORDS: Readonly<Record<string, PostingKind>> = {
  krav: 'krav',
  claim: 'krav',
  fordring: 'krav',
  'ny fordring': 'krav',
  opkrævning: 'krav',
  gebyr: 'gebyr',
  fee: 'gebyr',
  rykkergebyr: 'gebyr',
  rente: 'rente',
  renter: 'rente',
  morarente: 'rente',
  morarenter: 'rente',
  interest: 'rente',
  betaling: 'betaling',
  indbetaling: 'betaling',
  payment: 'betaling',
  modregning: 'modregning',
  modregnet: 'modregning',
  'set-off': 'modregning',
  setoff: 'modregning',
  afskrivning: 'afskrivning',
  afskrevet: 'afskrivning',
  writeoff: 'afskrivning',
  'write-off': 'afskrivning',
  eftergivelse: 'afskrivning',
  oversendt: 'oversendt',
  oversendelse: 'oversendt',
  'oversendt til inddrivelse': 'oversendt',
  'oversendt til gældsstyrelsen': 'oversendt',
  transferred: 'oversendt',
  inddrivelse: 'oversendt',
  tilbagebetaling: 'tilbagebetaling',
  tilbagebetalt: 'tilbagebetaling',
  refund: 'tilbagebetaling',
  udbetaling: 'tilbagebetaling',
  korrektion: 'korrektion',
  correction: 'korrektion',
  rettelse: 'korrektion',
};

export interface Posting {
  /** The row number in the source (1 = the header row in a file, so data starts at 2). */
  row: number;
  debtorId: string;
  debtorName: string;
  /** CPR or CVR number as written in the ledger ('' when absent). */
  cpr: string;
  claimId: string;
  claimType: string;
  postingDay: DayNumber;
  dueDay: DayNumber | null;
  kind: PostingKind;
  amount: number;
  /** Dom, forlig or written acknowledgement: 10 years' limitation (forældelsesloven § 5). */
  acknowledged: boolean;
  /** Sidste rettidige betalingsdato: the limitation runs from the end of the betalingsfrist (forældelsesloven § 2 stk. 2). */
  lastTimelyDay: DayNumber | null;
  /** Dom/forlig dato: 10 years for the principal from this day; renter and gebyrer falling due later keep 3 (§ 5). */
  judgmentDay: DayNumber | null;
  /** The caseworker the fagsystem names for the row ('' when the ledger has no such column). */
  caseworker: string;
}

export interface RowError {
  row: number;
  message: string;
  /**
   * The kind word the row had when no kind is known by it, as its message shows it (CPR masked,
   * cut): the run's summary counts these by word, so a mapping can be given for each.
   */
  unknownKind?: string;
}

/** A ledger's own kind words (lower case) and the kind each means: a user's mapping (ledgerMapping.ts). */
export type KindWords = Readonly<Record<string, PostingKind>>;

/** The kind a word names, built in or in the user's words, or undefined. */
export function kindOf(word: string, extra?: KindWords): PostingKind | undefined {
  if (Object.hasOwn(KIND_WORDS, word)) return KIND_WORDS[word];
  const lower = word.toLowerCase();
  if (Object.hasOwn(KIND_WORDS, lower)) return KIND_WORDS[lower];
  return extra !== undefined && Object.hasOwn(extra, lower) ? extra[lower] : undefined;
}

export type LedgerField =
  'debtorId' | 'cpr' | 'debtorName' | 'claimId' | 'claimType' | 'postingDate' | 'dueDate' | 'kind' | 'amount' | 'acknowledged' | 'lastTimelyPaymentDate' | 'judgmentDate' | 'caseworker';

/** Header words, Danish and English, for each field. */
const HEADER_WORDS = headerWords<LedgerField>({
  debtorId: ['debitor', 'debitornr', 'debitor nr.', 'debtorid', 'kundenr', 'kunde nr.'],
  cpr: ['cpr', 'cvr', 'cpr/cvr', 'cpr-nr.', 'cprnr'],
  debtorName: ['navn', 'debtorname', 'name'],
  claimId: ['fordring', 'fordringsnr', 'fordrings-id', 'claimid'],
  claimType: ['fordringstype', 'fordringsart', 'type', 'claimtype'],
  // Fagsystem exports shorten: "Bogf.dato", "Forf.dato", "Bogf. dato".
  postingDate: ['bogføringsdato', 'bogf.dato', 'bogf. dato', 'bogføringsdag', 'posteringsdato', 'postingdate', 'dato'],
  dueDate: ['forfaldsdato', 'forf.dato', 'forf. dato', 'forfaldsdag', 'forfald', 'duedate'],
  kind: ['art', 'posteringsart', 'kind', 'bevægelse'],
  amount: ['beløb', 'amount', 'beløb (kr.)'],
  acknowledged: ['anerkendt', 'dom/forlig', 'acknowledged', 'skriftlig anerkendelse'],
  lastTimelyPaymentDate: ['sidste rettidige betalingsdato', 'sidste rettidige betalingsdag', 'lasttimelypaymentdate'],
  judgmentDate: ['dom/forlig dato', 'dom/forlig-dato', 'dom/forligsdato', 'judgmentdate'],
  caseworker: ['sagsbehandler', 'sagsbeh', 'medarbejder', 'caseworker'],
});

export type ColumnMap = Readonly<Partial<Record<LedgerField, number>>>;

const REQUIRED: readonly LedgerField[] = ['debtorId', 'claimId', 'postingDate', 'kind', 'amount'];
export const FIELD_NAMES: Readonly<Record<LedgerField, string>> = {
  debtorId: 'Debitor',
  cpr: 'CPR/CVR',
  debtorName: 'Navn',
  claimId: 'Fordring',
  claimType: 'Fordringstype',
  postingDate: 'Bogføringsdato',
  dueDate: 'Forfaldsdato',
  kind: 'Art',
  amount: 'Beløb',
  acknowledged: 'Anerkendt',
  lastTimelyPaymentDate: 'Sidste rettidige betalingsdato',
  judgmentDate: 'Dom/forlig dato',
  caseworker: 'Sagsbehandler',
};
const DATE_FIELDS: ReadonlySet<LedgerField> = new Set(['postingDate', 'dueDate', 'lastTimelyPaymentDate', 'judgmentDate']);

/**
 * Finds the columns by their headers, in any order; extra columns are ignored.
 * Returns the missing required fields (in Danish) instead of throwing, so the caller can say so.
 */
export function mapColumns(header: readonly unknown[]): { columns: ColumnMap; missing: string[]; doubled: string[]; unknown: number[] } {
  const { columns, doubled, unknown } = matchHeaders(header, HEADER_WORDS);
  return {
    columns,
    unknown,
    missing: REQUIRED.filter((f) => columns[f] === undefined).map((f) => FIELD_NAMES[f]),
    doubled: doubled.map((d) => `${showValue(header[d.first])} og ${showValue(header[d.second])} (${FIELD_NAMES[d.field]})`),
  };
}

const isDateSeparator = (c: number) => c === 45 || c === 46 || c === 47; // - . /

/** The value of two ASCII digits at `i`, or -1. */
function twoDigits(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48;
  const b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * A day number from `dd-mm-yyyy`, `dd.mm.yyyy`, `dd/mm/yyyy` (day and month may have one digit)
 * or `yyyy-mm-dd`, or null when it is not a real calendar day (31-02-2026 is not).
 * Read by character codes: a million-row ledger has two million of these.
 */
export function parseDateText(text: string): DayNumber | null {
  let t = text;
  if (t.charCodeAt(0) === 32 || t.charCodeAt(t.length - 1) === 32) t = t.trim();
  let y: number;
  let m: number;
  let d: number;
  if (t.length === 10 && t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const hi = twoDigits(t, 0);
    const lo = twoDigits(t, 2);
    y = hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
    m = twoDigits(t, 5);
    d = twoDigits(t, 8);
  } else if (t.length === 10 && isDateSeparator(t.charCodeAt(2)) && t.charCodeAt(5) === t.charCodeAt(2)) {
    d = twoDigits(t, 0);
    m = twoDigits(t, 3);
    const hi = twoDigits(t, 6);
    const lo = twoDigits(t, 8);
    y = hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  } else {
    const match = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(t);
    if (!match) return null;
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  }
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return dayNumberOf(y, m, d);
}

/** A date cell as a ledger reads it (an Excel serial, a date cell, `dd-mm-åååå` or ISO text); null when blank. */
export function dateValue(v: unknown): DayNumber | null | 'bad' {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return excelSerialToDayNumber(v) ?? 'bad';
  if (isDateCell(v)) return v.day;
  if (typeof v === 'string') return parseDateText(v) ?? 'bad';
  return 'bad';
}

/** An amount cell in øre (a number in kroner, or Danish or English text with at most 2 decimals); null when not one. */
export function amountValue(v: unknown): number | null {
  if (typeof v === 'number') {
    // A number cell is kroner with a decimal point, never Danish text: 1.234 is 1,234 kr. and has
    // too many decimals, not 1.234 kr.
    if (!Number.isFinite(v) || Math.abs(v) > 1e11) return null;
    const ore = Math.round(v * 100);
    if (Math.abs(v * 100 - ore) > 1e-6 * Math.max(1, Math.abs(ore))) return null;
    return ore === 0 ? 0 : ore;
  }
  return typeof v === 'string' ? parseAmountText(v) : null;
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v);
}

/**
 * A cell's text as shown in a row's error message: quoted, cut after 56 characters, and a CPR
 * number in it masked first, however it is written (it may have run in from another line; a cut
 * must not leave half of one unmasked).
 */
export function shownCellText(text: string): string {
  const masked = maskCprsIn(text);
  return JSON.stringify(masked.length > 56 ? `${masked.slice(0, 56)}…` : masked);
}

/** The cell's text if it holds a line break (never data in a key field), else undefined. */
function lineBreakIn(cells: readonly unknown[], column: number | undefined): string | undefined {
  const v = column === undefined ? undefined : cells[column];
  return typeof v === 'string' && (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) ? v : undefined;
}

/** An id field's key (see ledgerId.ts), or a RowError naming the look-alike letter. */
function idOf(raw: string, field: LedgerField, row: number): string | RowError {
  const id = normaliseId(raw);
  if (typeof id === 'string') return id;
  return {
    row,
    message: `${FIELD_NAMES[field]} ${shownCellText(raw)} har et ${id.script} bogstav "${id.letter}" (${id.codePoint}) som tegn nr. ${id.position}. Det ligner et latinsk bogstav, men er et andet tegn, så rækken ville høre til et andet nummer end det, der ses. Skriv ${FIELD_NAMES[field]} med latinske bogstaver; rækken er udeladt.`,
  };
}

const YES = new Set(['ja', 'j', 'x', '1', 'sand', 'true', 'yes', 'dom', 'forlig']);
const NO = new Set(['', 'nej', 'n', '0', 'falsk', 'false', 'no']);
/** Kinds that only ever lower a debt. */
const REDUCING_KINDS: ReadonlySet<PostingKind> = new Set(['betaling', 'modregning', 'afskrivning', 'oversendt']);

const FIELDS = Object.keys(FIELD_NAMES) as LedgerField[];
const ID_FIELDS: ReadonlySet<LedgerField> = new Set(['debtorId', 'claimId', 'cpr']);

/**
 * A value no cell holds (a list or an object from JSON; true/false as an id) would be read as
 * "[object Object]" and merge debtors: the row's first such field and a Danish reason, or undefined.
 */
function wrongValueIn(cells: readonly unknown[], c: ColumnMap): string | undefined {
  for (const f of FIELDS) {
    const i = c[f];
    if (i === undefined) continue;
    const v = cells[i];
    if (typeof v === 'string' || typeof v === 'number' || v === null || v === undefined) continue;
    if (typeof v === 'boolean' && !ID_FIELDS.has(f)) continue;
    if (isDateCell(v)) {
      if (DATE_FIELDS.has(f)) continue;
      return `${FIELD_NAMES[f]} er en dato (${danishDate(fromDayNumber(v.day))}), ${f === 'amount' ? 'ikke et beløb' : 'ikke tekst eller et tal'}: tjek kolonnens talformat i regnearket.`;
    }
    return `${FIELD_NAMES[f]} skal være tekst${f === 'amount' ? ' eller et tal' : DATE_FIELDS.has(f) ? ' eller en dato' : ' eller et tal'}, ikke ${Array.isArray(v) ? 'en liste' : typeof v === 'boolean' ? 'sand/falsk' : 'et objekt'} (fik ${showValue(v)}).`;
  }
  return undefined;
}

/**
 * A line break inside a key field (a quoted one in CSV, a wrapped cell in .xlsx) is never data:
 * the row is refused, with the text, so nothing is lost. So is a value of the wrong kind (a list,
 * a date where an amount belongs).
 */
function kindOrLineBreakError(cells: readonly unknown[], c: ColumnMap, row: number): RowError | undefined {
  const broken =
    lineBreakIn(cells, c.debtorId) ??
    lineBreakIn(cells, c.claimId) ??
    lineBreakIn(cells, c.kind) ??
    lineBreakIn(cells, c.amount) ??
    lineBreakIn(cells, c.postingDate) ??
    lineBreakIn(cells, c.dueDate) ??
    lineBreakIn(cells, c.cpr) ??
    lineBreakIn(cells, c.claimType) ??
    lineBreakIn(cells, c.acknowledged) ??
    lineBreakIn(cells, c.lastTimelyPaymentDate) ??
    lineBreakIn(cells, c.judgmentDate) ??
    lineBreakIn(cells, c.caseworker);
  if (broken !== undefined) {
    return {
      row,
      message: `Et felt, der skal være én linje (debitor, fordring, art, beløb, datoer, CPR, type), rummer et linjeskift (${shownCellText(broken)}); tjek denne og den følgende linje i filen.`,
    };
  }
  const wrong = wrongValueIn(cells, c);
  if (wrong !== undefined) return { row, message: wrong };
  return undefined;
}

/**
 * One row of values (strings from CSV, or cell values from xlsx/JSON) to a posting, or a
 * RowError with a Danish reason. `oneLineText`: the cells are strings from a single line of a
 * CSV file, where a line break can only be inside quotes, and then the record spans more lines;
 * the checks for a line break and for a value of the wrong kind have nothing to find then, and
 * are passed over (they were a fifth of the fold over a CSV ledger's pieces, profiled).
 */
export function parsePostingRow(cells: readonly unknown[], columns: ColumnMap, row: number, kinds?: KindWords, oneLineText = false): Posting | RowError {
  // Plain index reads, no closures: this runs once per ledger row.
  const c = columns;
  if (!oneLineText) {
    const refused = kindOrLineBreakError(cells, c, row);
    if (refused !== undefined) return refused;
  }
  const debtorId = idOf(text(cells[c.debtorId!]), 'debtorId', row);
  if (typeof debtorId !== 'string') return debtorId;
  if (debtorId === '') return { row, message: 'Debitor mangler.' };
  const claimId = idOf(text(cells[c.claimId!]), 'claimId', row);
  if (typeof claimId !== 'string') return claimId;
  if (claimId === '') return { row, message: 'Fordring mangler.' };
  const cpr = c.cpr === undefined ? '' : idOf(text(cells[c.cpr]), 'cpr', row);
  if (typeof cpr !== 'string') return cpr;
  const kindRaw = text(cells[c.kind!]);
  // The word as written is the common case: looked up inline, a million times a ledger.
  const kind = Object.hasOwn(KIND_WORDS, kindRaw) ? KIND_WORDS[kindRaw] : kindOf(kindRaw, kinds);
  if (!kind) {
    if (kindRaw === '') return { row, message: 'Art mangler.' };
    const shown = shownCellText(kindRaw);
    return { row, message: `Ukendt art ${shown} (kendte: ${POSTING_KINDS.join(', ')}); en kortlægning kan sige, hvad den betyder.`, unknownKind: JSON.parse(shown) as string };
  }
  const postingRaw = cells[c.postingDate!];
  const postingDay = dateValue(postingRaw);
  if (postingDay === null) return { row, message: 'Bogføringsdato mangler.' };
  if (postingDay === 'bad') return { row, message: `Bogføringsdatoen ${shownCellText(text(postingRaw))} er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).` };
  const dueRaw = c.dueDate === undefined ? undefined : cells[c.dueDate];
  const dueDay = dateValue(dueRaw);
  if (dueDay === 'bad') return { row, message: `Forfaldsdatoen ${shownCellText(text(dueRaw))} er ikke en gyldig dato.` };
  const timelyRaw = c.lastTimelyPaymentDate === undefined ? undefined : cells[c.lastTimelyPaymentDate];
  const lastTimelyDay = dateValue(timelyRaw);
  if (lastTimelyDay === 'bad') return { row, message: `Sidste rettidige betalingsdato ${shownCellText(text(timelyRaw))} er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).` };
  const judgmentRaw = c.judgmentDate === undefined ? undefined : cells[c.judgmentDate];
  const judgmentDay = dateValue(judgmentRaw);
  if (judgmentDay === 'bad') return { row, message: `Dom/forlig dato ${shownCellText(text(judgmentRaw))} er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).` };
  const rawAmount = cells[c.amount!];
  if (rawAmount === undefined || rawAmount === null || rawAmount === '') return { row, message: 'Beløb mangler.' };
  const cprAmount = cprInAmount(rawAmount);
  if (cprAmount !== undefined) {
    return { row, message: `Beløbet "${cprAmount}" ligner et CPR-nummer, ikke et beløb. Tjek, om kolonnerne er forskudt i rækken; rækken er udeladt af summerne.` };
  }
  const amount = amountValue(rawAmount);
  if (amount === null) return { row, message: text(rawAmount) === '' ? 'Beløb mangler.' : `Beløbet ${shownCellText(text(rawAmount))} er ikke et beløb i kroner med højst 2 decimaler.` };
  // Beløb is signed, positive raises the debt (SPEC): a payment, write-off or transfer that raises
  // it is a system exporting amounts without sign, and summing it would be wrong by twice the sum.
  if (amount > 0 && REDUCING_KINDS.has(kind)) {
    return {
      row,
      message: `Art ${kind} nedbringer gælden og skal have et negativt beløb (fik ${shownCellText(text(rawAmount))}). Eksporterer systemet den slags som positive tal, så vend fortegnet på betalinger, modregninger, afskrivninger og oversendelser.`,
    };
  }
  const typeRaw = c.claimType === undefined ? '' : text(cells[c.claimType]);
  // Anerkendt decides 3 or 10 years' limitation: a word that is neither yes nor no is not guessed.
  const ackRaw = c.acknowledged === undefined ? '' : text(cells[c.acknowledged]).toLowerCase();
  const acknowledged = YES.has(ackRaw);
  if (!acknowledged && !NO.has(ackRaw)) {
    return { row, message: `Anerkendt ${shownCellText(ackRaw)} kendes ikke: skriv ja, dom eller forlig (10 års forældelse) eller nej/tom (3 år).` };
  }
  return {
    row,
    debtorId,
    debtorName: c.debtorName === undefined ? '' : text(cells[c.debtorName]),
    cpr,
    claimId,
    claimType: typeRaw === '' ? 'andet' : lowerCached(typeRaw),
    postingDay,
    dueDay,
    kind,
    amount,
    acknowledged,
    lastTimelyDay,
    judgmentDay,
    caseworker: c.caseworker === undefined ? '' : text(cells[c.caseworker]),
  };
}

const lowerCache = new Map<string, string>();
function lowerCached(s: string): string {
  let l = lowerCache.get(s);
  if (l === undefined) {
    l = s.toLowerCase();
    if (lowerCache.size < 10_000) lowerCache.set(s, l);
  }
  return l;
}

export const isRowError = (p: Posting | RowError): p is RowError => !('debtorId' in p);
