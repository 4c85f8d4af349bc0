/**
 * The team's agreement register (issue 20): one row per running betalingsaftale, as a caseworker
 * keeps it in a sheet or a fagsystem exports it, with Danish headers and values (`800,00`,
 * `01-12-2026`). The claims' amounts, types and due dates are not typed here: they come from the
 * ledger (./worklist.ts), so the register says only what was agreed. A row that cannot be read is
 * a row error with its row number and a Danish reason, never dropped in silence.
 */
import { fromDayNumber, type CalendarDate } from '../calendar/date.js';
import { headerKey, headerWords, matchHeaders } from '../input/headers.js';
import { amountValue, dateValue, shownCellText, type RowError } from '../ledger/posting.js';
import { normaliseId } from '../ledger/ledgerId.js';
import { SaldoError, showValue } from '../errors.js';
import type { Frequency } from '../schedule/planInput.js';

export type RegisterField =
  'id' | 'debtorId' | 'caseId' | 'claims' | 'installment' | 'count' | 'firstDueDate' | 'startDate' | 'frequency' | 'graceDays' | 'henstandFrom' | 'henstandMonths' | 'coDebtors' | 'caseworker';

const WORDS = headerWords<RegisterField>({
  id: ['aftale', 'aftalenr', 'aftale nr', 'aftale-id', 'agreement', 'id'],
  debtorId: ['debitor', 'debitornr', 'debitor nr', 'kundenr', 'debtorid'],
  caseId: ['sag', 'sagsnr', 'sags nr', 'journalnr', 'case'],
  claims: ['fordringer', 'fordring', 'fordringsnr', 'claims'],
  installment: ['ydelse', 'ydelse (kr.)', 'afdrag', 'rate', 'installment'],
  count: ['antal', 'antal rater', 'antal ydelser', 'count'],
  firstDueDate: ['første forfald', 'første forfaldsdato', 'første rate', 'firstduedate'],
  startDate: ['aftaledato', 'aftalt den', 'indgået', 'startdate'],
  frequency: ['frekvens', 'hyppighed', 'interval', 'frequency'],
  graceDays: ['frist', 'frist (dage)', 'respitdage', 'gracedays'],
  henstandFrom: ['henstand fra', 'henstand fra dato'],
  henstandMonths: ['henstand', 'henstand (måneder)', 'henstand måneder', 'henstandsmåneder'],
  coDebtors: ['medhæftere', 'medhæfter', 'medskyldnere'],
  caseworker: ['sagsbehandler', 'medarbejder', 'caseworker'],
});

/** The register's columns in Danish, for messages. */
const NAMES: Readonly<Record<RegisterField, string>> = {
  id: 'Aftale',
  debtorId: 'Debitor',
  caseId: 'Sag',
  claims: 'Fordringer',
  installment: 'Ydelse',
  count: 'Antal',
  firstDueDate: 'Første forfald',
  startDate: 'Aftaledato',
  frequency: 'Frekvens',
  graceDays: 'Frist',
  henstandFrom: 'Henstand fra',
  henstandMonths: 'Henstand',
  coDebtors: 'Medhæftere',
  caseworker: 'Sagsbehandler',
};

const FREQUENCIES: Readonly<Record<string, Frequency>> = {
  måned: 'monthly',
  månedlig: 'monthly',
  'hver måned': 'monthly',
  monthly: 'monthly',
  kvartal: 'quarterly',
  kvartalsvis: 'quarterly',
  quarterly: 'quarterly',
};

/** One agreement as registered: what was agreed, not what is owed (that is the ledger's). */
export interface RegisteredAgreement {
  /** The sheet's (or file's) row number: 1 is the header row. */
  row: number;
  /** The register's id, or `række N` where it has none. */
  id: string;
  debtorId: string;
  caseId: string;
  /** The claims in the agreement, as the ledger names them. */
  claimIds: string[];
  /** The fixed installment in øre, or null when a number of installments is given. */
  installment: number | null;
  count: number | null;
  firstDueDate: CalendarDate;
  /** The day it was agreed; payments from this day count (the first due date when not given). */
  startDate: CalendarDate;
  frequency: Frequency;
  graceDays: number;
  henstand: { from: CalendarDate; months: number } | null;
  /** Others liable for the claims, as written ('' for none): the politik's medhæfter steps apply. */
  coDebtors: string;
  caseworker: string;
}

export interface AgreementRegister {
  agreements: RegisteredAgreement[];
  errors: RowError[];
}

const REQUIRED: readonly RegisterField[] = ['debtorId', 'claims', 'firstDueDate'];
const MAX_AGREEMENTS = 100_000;

const text = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : String(v).trim());

/**
 * Reads the register from rows as a sheet or CSV gives them (the first non-blank row is the
 * header). A missing required column, or a column twice, stops the whole register: every row
 * would be read wrong.
 * @example readAgreementRegister([['Debitor', 'Fordringer', 'Ydelse', 'Første forfald'], ['D1', 'F1, F2', '800,00', '01-12-2026']])
 */
export function readAgreementRegister(rows: Iterable<readonly unknown[]>, firstRow = 1): AgreementRegister {
  const agreements: RegisteredAgreement[] = [];
  const errors: RowError[] = [];
  let columns: Partial<Record<RegisterField, number>> | null = null;
  let row = firstRow - 1;
  const ids = new Map<string, number>();
  for (const cells of rows) {
    row += 1;
    if (cells.every((c) => text(c) === '')) continue;
    if (columns === null) {
      columns = registerColumns(cells);
      continue;
    }
    if (agreements.length + errors.length >= MAX_AGREEMENTS) {
      throw new SaldoError('FOR_MANGE_RÆKKER', 'agreements', row, `Aftaleregistret har mere end ${MAX_AGREEMENTS.toLocaleString('da-DK')} aftaler: del det op.`);
    }
    const read = agreementOfRow(cells, columns, row);
    if ('message' in read) {
      errors.push(read);
      continue;
    }
    const key = read.id.toLowerCase();
    const before = ids.get(key);
    if (before !== undefined) {
      errors.push({ row, message: `Aftale ${shownCellText(read.id)} står også i række ${before}: hver aftale må kun stå én gang.` });
      continue;
    }
    ids.set(key, row);
    agreements.push(read);
  }
  if (columns === null) throw new SaldoError('MANGLER', 'agreements', null, 'Aftaleregistret er tomt: der er ingen overskriftsrække.');
  return { agreements, errors };
}

function registerColumns(header: readonly unknown[]): Partial<Record<RegisterField, number>> {
  const { columns, doubled } = matchHeaders(header, WORDS);
  if (doubled.length > 0) {
    const d = doubled[0]!;
    throw new SaldoError(
      'UGYLDIGT_INPUT',
      'agreements',
      header,
      `Aftaleregistret har to kolonner for ${NAMES[d.field]}: ${showValue(header[d.first])} og ${showValue(header[d.second])}. Fjern eller omdøb den ene.`,
    );
  }
  const missing = REQUIRED.filter((f) => columns[f] === undefined);
  if (columns.installment === undefined && columns.count === undefined) missing.push('installment');
  if (missing.length > 0) {
    const names = missing.map((f) => (f === 'installment' ? 'Ydelse eller Antal' : NAMES[f]));
    throw new SaldoError('MANGLER', 'agreements', header, `Aftaleregistret mangler kolonnerne ${names.join(', ')} i overskriftsrækken (fandt ${header.map((h) => showValue(h)).join(', ')}).`);
  }
  return columns;
}

function agreementOfRow(cells: readonly unknown[], c: Partial<Record<RegisterField, number>>, row: number): RegisteredAgreement | RowError {
  const cell = (f: RegisterField): unknown => (c[f] === undefined ? undefined : cells[c[f]]);
  const fail = (message: string): RowError => ({ row, message });
  // Ids as the ledger keys them (a look-alike Cyrillic letter is refused, as in the ledger).
  const idOf = (raw: string, what: string): string | RowError => {
    const id = normaliseId(raw);
    return typeof id === 'string'
      ? id
      : fail(`${what} ${shownCellText(raw)} har et ${id.script} bogstav "${id.letter}" (${id.codePoint}) som tegn nr. ${id.position}; skriv det med latinske bogstaver.`);
  };
  const debtorId = idOf(text(cell('debtorId')), 'Debitor');
  if (typeof debtorId !== 'string') return debtorId;
  if (debtorId === '') return fail('Debitor mangler.');
  const claimIds: string[] = [];
  for (const raw of text(cell('claims'))
    .split(/[,;\n]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '')) {
    const id = idOf(raw, 'Fordring');
    if (typeof id !== 'string') return id;
    if (!claimIds.includes(id)) claimIds.push(id);
  }
  if (claimIds.length === 0) return fail('Fordringer mangler: skriv fordringernes numre, f.eks. "F1, F2".');

  const installmentText = cell('installment');
  const countText = cell('count');
  const installment = text(installmentText) === '' ? null : amountValue(installmentText);
  if (installment !== null && installment <= 0) return fail(`Ydelsen ${shownCellText(text(installmentText))} skal være over 0 kr.`);
  if (text(installmentText) !== '' && installment === null) return fail(`Ydelsen ${shownCellText(text(installmentText))} er ikke et beløb i kroner (skriv f.eks. 800,00).`);
  const count = text(countText) === '' ? null : Number(text(countText));
  if (count !== null && !(Number.isInteger(count) && count >= 1 && count <= 600)) return fail(`Antal ${shownCellText(text(countText))} skal være et helt antal rater fra 1 til 600.`);
  if ((installment === null) === (count === null)) return fail(installment === null ? 'Skriv enten Ydelse eller Antal.' : 'Skriv enten Ydelse eller Antal, ikke begge.');

  const date = (f: RegisterField): CalendarDate | null | RowError => {
    const v = dateValue(cell(f));
    if (v === 'bad') return fail(`${NAMES[f]} ${shownCellText(text(cell(f)))} er ikke en gyldig dato (brug dd-mm-åååå).`);
    return v === null ? null : fromDayNumber(v);
  };
  const firstDueDate = date('firstDueDate');
  if (firstDueDate !== null && typeof firstDueDate === 'object') return firstDueDate;
  if (firstDueDate === null) return fail('Første forfald mangler.');
  const startDate = date('startDate');
  if (startDate !== null && typeof startDate === 'object') return startDate;
  if (startDate !== null && startDate > firstDueDate) return fail(`Aftaledatoen ${startDate} ligger efter første forfald ${firstDueDate}.`);

  const frequencyText = headerKey(text(cell('frequency')));
  const frequency = frequencyText === '' ? 'monthly' : FREQUENCIES[frequencyText];
  if (frequency === undefined) return fail(`Frekvens ${shownCellText(text(cell('frequency')))} forstås ikke: skriv måned eller kvartal.`);

  const graceText = text(cell('graceDays'));
  const graceDays = graceText === '' ? 0 : Number(graceText);
  if (!(Number.isInteger(graceDays) && graceDays >= 0 && graceDays <= 90)) return fail(`Frist ${shownCellText(graceText)} skal være et helt antal dage fra 0 til 90.`);

  const henstandFrom = date('henstandFrom');
  if (henstandFrom !== null && typeof henstandFrom === 'object') return henstandFrom;
  const monthsText = text(cell('henstandMonths'));
  const months = monthsText === '' ? null : Number(monthsText);
  if (months !== null && !(Number.isInteger(months) && months >= 1 && months <= 24)) return fail(`Henstand ${shownCellText(monthsText)} skal være et helt antal måneder fra 1 til 24.`);
  if ((henstandFrom === null) !== (months === null)) return fail('En henstand skal have både Henstand fra (dato) og Henstand (måneder).');

  const id = text(cell('id'));
  return {
    row,
    id: id === '' ? `række ${row}` : id,
    debtorId,
    caseId: text(cell('caseId')),
    claimIds,
    installment,
    count,
    firstDueDate,
    startDate: startDate ?? firstDueDate,
    frequency,
    graceDays,
    henstand: henstandFrom === null || months === null ? null : { from: henstandFrom, months },
    coDebtors: text(cell('coDebtors')),
    caseworker: text(cell('caseworker')),
  };
}
