/**
 * The ledger's line account: every line of the input is the header, a posting, a refused row or
 * a blank line — nothing else. The lines are counted by the reader apart from its records, the
 * postings and refused rows by the builder that took them; when the two sides differ, a row went
 * missing somewhere, and no result is written (a statement short of rows looks right and is not).
 */
import { SaldoError } from '../../core/errors.js';

export interface LineAccount {
  /** Lines (rows, elements) in the input, counted apart from the records. */
  read: number;
  unit: 'linjer' | 'rækker' | 'elementer';
  header: number;
  /** Postings the builder took (before and after the period alike). */
  accepted: number;
  /** Rows the builder lists in its errors (refused by the reader or by core). */
  errors: number;
  blank: number;
  /** Lines beyond a row's first, in rows with a quoted line break (one posting, more lines). */
  continued: number;
}

/** The account as the run prints it: `12 linjer læst = 1 overskrift + 10 godkendt + 1 fejl`. */
export function lineAccountText(a: LineAccount): string {
  const parts = [`${a.header} overskrift`, `${a.accepted} godkendt`, `${a.errors} fejl`];
  if (a.blank > 0) parts.push(`${a.blank} ${a.blank === 1 ? 'tom' : 'tomme'}`);
  if (a.continued > 0) parts.push(`${a.continued} ${a.continued === 1 ? 'fortsættelseslinje' : 'fortsættelseslinjer'} (linjeskift i felter)`);
  return `${a.read} ${a.unit} læst = ${parts.join(' + ')}`;
}

export const balances = (a: LineAccount): boolean => a.read === a.header + a.accepted + a.errors + a.blank + a.continued;

/** Throws when a line is unaccounted for: no result may be written from such a reading. */
export function assertLinesAccounted(a: LineAccount, path: string): void {
  if (balances(a)) return;
  const sum = a.header + a.accepted + a.errors + a.blank + a.continued;
  throw new SaldoError(
    'AFSTEMNING',
    'ledger',
    path,
    `Linjeregnskabet for "${path}" går ikke op: ${lineAccountText(a)} = ${sum}, ikke ${a.read} (forskel ${a.read - sum}). Intet resultat er skrevet. Det er en fejl i Saldo: meld den til udviklerne sammen med filen.`,
  );
}

/** The reader's side of the account, filled in as lines go by (postings and errors are the builder's). */
export function newLineTally() {
  return { header: 0, blank: 0, continued: 0 };
}
