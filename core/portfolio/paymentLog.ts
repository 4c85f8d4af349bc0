/**
 * A payments file (issue 20: "payments come from the ledger … or a payments file"): the payments
 * on the team's agreements as a bank or payment system lists them, one row per payment, where the
 * ledger does not carry them (or not yet). For an agreement the file names, the work list and
 * `status --agreements` take its payments from the file instead of the ledger's betaling and
 * modregning postings — never both, which would count a payment twice.
 *
 *   Aftale | Dato       | Beløb
 *   A2     | 02-01-2026 | 500,00
 *
 * A row that cannot be read is a row error with its row and a Danish reason, never dropped.
 */
import { fromDayNumber, type CalendarDate } from '../calendar/date.js';
import { SaldoError, showValue } from '../errors.js';
import { headerWords, matchHeaders } from '../input/headers.js';
import { amountValue, dateValue, shownCellText, type RowError } from '../ledger/posting.js';
import { ore, type Ore } from '../money/ore.js';

export interface LoggedPayment {
  date: CalendarDate;
  /** Paid, in øre (above 0). */
  amount: Ore;
  /** The file's row, for messages. */
  row: number;
}

export interface PaymentLog {
  /** The payments by agreement id, in the file's order. */
  payments: ReadonlyMap<string, readonly LoggedPayment[]>;
  errors: RowError[];
}

type PaymentField = 'agreement' | 'date' | 'amount';
const WORDS = headerWords<PaymentField>({
  agreement: ['aftale', 'aftalenr', 'aftale nr', 'aftale-id', 'agreement'],
  date: ['dato', 'betalt', 'indbetalt', 'betalingsdato', 'indbetalingsdato', 'date'],
  amount: ['beløb', 'belob', 'indbetaling', 'indbetalt beløb', 'amount'],
});

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The file's rows (the header first; `firstRow` is its row number in the sheet or file). */
export function readPaymentLog(rows: ReadonlyArray<readonly unknown[]>, firstRow = 1): PaymentLog {
  const header = rows[0] ?? [];
  const { columns: at, doubled } = matchHeaders(header, WORDS);
  if (at.agreement === undefined || at.date === undefined || at.amount === undefined || doubled.length > 0) {
    throw new SaldoError('UGYLDIGT_INPUT', 'payments', header, `Indbetalingsfilen skal have overskrifterne Aftale, Dato og Beløb (fandt ${header.map((h) => showValue(h)).join(', ') || 'ingen'}).`);
  }
  const payments = new Map<string, LoggedPayment[]>();
  const errors: RowError[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = firstRow + 1 + i;
    const id = text(cells[at.agreement!]);
    const dateRaw = cells[at.date!];
    const amountRaw = cells[at.amount!];
    if (id === '' && blank(dateRaw) && blank(amountRaw)) return;
    const fail = (message: string) => void errors.push({ row, message: `Indbetalingsfilen: ${message}` });
    if (id === '') return fail('Aftale mangler.');
    const day = dateValue(dateRaw);
    if (day === null) return fail('Dato mangler.');
    if (day === 'bad') return fail(`Datoen ${shownCellText(text(dateRaw))} er ikke en gyldig dato (brug dd-mm-åååå).`);
    if (blank(amountRaw)) return fail('Beløb mangler.');
    const amount = amountValue(amountRaw);
    if (amount === null) return fail(`Beløbet ${shownCellText(text(amountRaw))} er ikke et beløb i kroner med højst 2 decimaler.`);
    if (amount <= 0) return fail(`Beløbet ${shownCellText(text(amountRaw))} skal være over 0 kr.; en tilbageført betaling trækkes fra den betaling, den tilbagefører.`);
    const list = payments.get(id) ?? [];
    list.push({ date: fromDayNumber(day), amount: ore(amount), row });
    payments.set(id, list);
  });
  return { payments, errors };
}
