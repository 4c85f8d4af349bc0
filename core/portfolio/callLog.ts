/**
 * The call log of a collection campaign (issue 20, "Campaign follow-up"; Ishøj's "redskab til
 * systematisk opfølgning"): one row per call, as a team keeps it in a sheet or exports it, with
 * Danish headers and values (`01-12-2026`, `12,5`). Dates and amounts are read by the ledger's own
 * readers (`dateValue`, `amountValue`); the outcome is one of four words and never guessed. A row
 * that cannot be read is a row error with its row number and a Danish reason, never dropped.
 */
import type { DayNumber } from '../calendar/date.js';
import { SaldoError, showValue } from '../errors.js';
import { headerWords, matchHeaders } from '../input/headers.js';
import { normaliseId } from '../ledger/ledgerId.js';
import { amountValue, dateValue, shownCellText, type RowError } from '../ledger/posting.js';
import { ore, type Ore } from '../money/ore.js';

/** The outcomes of a call, as the log writes them. */
export const CALL_OUTCOMES = ['aftale', 'betalt', 'ingen kontakt', 'afvist'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export type CallField = 'date' | 'caseworker' | 'debtorId' | 'outcome' | 'minutes' | 'agreedAmount';

const WORDS = headerWords<CallField>({
  date: ['dato', 'opkaldsdato', 'date'],
  caseworker: ['sagsbehandler', 'medarbejder', 'caseworker'],
  // The debtor as the ledger knows it: its number, or the CPR/CVR number its rows carry.
  debtorId: ['debitor', 'debitornr', 'debitor nr', 'kundenr', 'cpr', 'cvr', 'cpr/cvr', 'cpr-nr', 'debtorid'],
  outcome: ['udfald', 'resultat', 'outcome'],
  minutes: ['minutter', 'min', 'varighed (min)', 'minutes'],
  agreedAmount: ['aftalt beløb', 'aftalt beløb (kr.)', 'aftalt', 'agreedamount'],
});

const NAMES: Readonly<Record<CallField, string>> = {
  date: 'Dato',
  caseworker: 'Sagsbehandler',
  debtorId: 'Debitor',
  outcome: 'Udfald',
  minutes: 'Minutter',
  agreedAmount: 'Aftalt beløb',
};

const REQUIRED: readonly CallField[] = ['date', 'caseworker', 'debtorId', 'outcome'];

/** A call longer than a working day is a typing error (minutes as seconds, say). */
const MAX_MINUTES = 480;
const MAX_CALLS = 500_000;

export interface Call {
  /** The sheet's (or file's) row: 1 is the header row. */
  row: number;
  day: DayNumber;
  caseworker: string;
  /** The debtor's number or CPR/CVR number, as a key (ledgerId.ts). */
  debtorId: string;
  outcome: CallOutcome;
  /** Minutes in hundredths (`12,5` → 1250), so sums stay whole numbers; 0 when the cell is blank. */
  minuteHundredths: number;
  /** True when the log gave no minutes for the call (its hours are then missing from the sums). */
  minutesMissing: boolean;
  /** Kroner agreed in the call (outcome aftale), when the log says. */
  agreed: Ore | null;
}

export interface CallLog {
  calls: Call[];
  errors: RowError[];
  /**
   * The debtors of rows that could not be read, where their number could: they may have been
   * called, so they are kept out of the uncalled comparison group.
   */
  unsureDebtors: string[];
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v).trim());

/**
 * Reads the call log from rows as a sheet or CSV gives them (the first non-blank row is the
 * header). A missing required column, or one given twice, stops the whole log: every row would be
 * read wrong.
 * @example readCallLog([['Dato', 'Sagsbehandler', 'Debitor', 'Udfald', 'Minutter'], ['01-12-2026', 'Kim', 'D1', 'Ingen kontakt', '2,5']])
 */
export function readCallLog(rows: Iterable<readonly unknown[]>, firstRow = 1): CallLog {
  const calls: Call[] = [];
  const errors: RowError[] = [];
  const unsure = new Set<string>();
  let columns: Partial<Record<CallField, number>> | null = null;
  let row = firstRow - 1;
  for (const cells of rows) {
    row += 1;
    if (cells.every((c) => text(c) === '')) continue;
    if (columns === null) {
      columns = callColumns(cells);
      continue;
    }
    if (calls.length + errors.length >= MAX_CALLS) {
      throw new SaldoError('FOR_MANGE_RÆKKER', 'calls', row, `Opkaldsloggen har mere end ${MAX_CALLS.toLocaleString('da-DK')} rækker: del den op.`);
    }
    const read = callOfRow(cells, columns, row);
    if ('message' in read) {
      errors.push(read);
      const id = columns.debtorId === undefined ? '' : normaliseId(text(cells[columns.debtorId]));
      if (typeof id === 'string' && id !== '') unsure.add(id);
    } else calls.push(read);
  }
  if (columns === null) throw new SaldoError('MANGLER', 'calls', null, 'Opkaldsloggen er tom: der er ingen overskriftsrække.');
  return { calls, errors, unsureDebtors: [...unsure] };
}

function callColumns(header: readonly unknown[]): Partial<Record<CallField, number>> {
  const { columns, doubled } = matchHeaders(header, WORDS);
  if (doubled.length > 0) {
    const d = doubled[0]!;
    throw new SaldoError(
      'UGYLDIGT_INPUT',
      'calls',
      header,
      `Opkaldsloggen har to kolonner for ${NAMES[d.field]}: ${showValue(header[d.first])} og ${showValue(header[d.second])}. Fjern eller omdøb den ene.`,
    );
  }
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    throw new SaldoError(
      'MANGLER',
      'calls',
      header,
      `Opkaldsloggen mangler kolonnerne ${missing.map((f) => NAMES[f]).join(', ')} i overskriftsrækken (fandt ${header.map((h) => showValue(h)).join(', ')}).`,
    );
  }
  return columns;
}

/** The outcome word, case and spaces aside ("Ingen  Kontakt" is "ingen kontakt"), or undefined. */
function outcomeOf(raw: string): CallOutcome | undefined {
  const key = raw.toLowerCase().replace(/\s+/g, ' ');
  return CALL_OUTCOMES.find((o) => o === key);
}

function callOfRow(cells: readonly unknown[], c: Partial<Record<CallField, number>>, row: number): Call | RowError {
  const cell = (f: CallField): unknown => (c[f] === undefined ? undefined : cells[c[f]]);
  const fail = (message: string): RowError => ({ row, message });
  const day = dateValue(cell('date'));
  if (day === null) return fail('Dato mangler.');
  if (day === 'bad') return fail(`Datoen ${shownCellText(text(cell('date')))} er ikke en gyldig dato (brug dd-mm-åååå).`);
  const caseworker = text(cell('caseworker'));
  if (caseworker === '') return fail('Sagsbehandler mangler.');
  const id = normaliseId(text(cell('debtorId')));
  if (typeof id !== 'string')
    return fail(`Debitor ${shownCellText(text(cell('debtorId')))} har et ${id.script} bogstav "${id.letter}" (${id.codePoint}) som tegn nr. ${id.position}; skriv det med latinske bogstaver.`);
  if (id === '') return fail('Debitor mangler.');
  const outcomeText = text(cell('outcome'));
  const outcome = outcomeOf(outcomeText);
  if (outcome === undefined) {
    return fail(outcomeText === '' ? 'Udfald mangler.' : `Udfaldet ${shownCellText(outcomeText)} kendes ikke: skriv ${CALL_OUTCOMES.join(', ')}.`);
  }
  // Minutes are read as an amount (two decimals, Danish comma): `12,5` is 1250 hundredths.
  const minutesText = text(cell('minutes'));
  const minutes = minutesText === '' ? 0 : amountValue(cell('minutes'));
  if (minutes === null || minutes < 0 || minutes > MAX_MINUTES * 100) {
    return fail(`Minutter ${shownCellText(minutesText)} skal være et antal minutter fra 0 til ${MAX_MINUTES} (f.eks. 12,5).`);
  }
  const agreedText = text(cell('agreedAmount'));
  const agreed = agreedText === '' ? null : amountValue(cell('agreedAmount'));
  if (agreedText !== '' && (agreed === null || agreed < 0)) return fail(`Aftalt beløb ${shownCellText(agreedText)} er ikke et beløb i kroner (skriv f.eks. 1.200,00).`);
  // An amount agreed in a call that made no agreement is a contradiction: which is wrong is not guessed.
  if (agreed !== null && agreed > 0 && outcome !== 'aftale') return fail(`Aftalt beløb ${shownCellText(agreedText)} er udfyldt, men udfaldet er "${outcome}", ikke "aftale".`);
  return { row, day, caseworker, debtorId: id, outcome, minuteHundredths: minutes, minutesMissing: minutesText === '', agreed: agreed === null ? null : ore(agreed) };
}
