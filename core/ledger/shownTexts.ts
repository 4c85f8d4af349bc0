/**
 * How a statement's and an analysis's texts are shown in one output (JSON, a workbook, the
 * letters): as written, or with CPR numbers masked. Amounts and dates are not touched: what comes
 * out is still a `Statement` or an `Analysis` in øre, for the sheets and for `…ToJson`.
 */
import { asciiDigits, createCprMasker } from '../personal/cpr.js';
import type { Analysis } from './analyse.js';
import type { Statement } from './statement.js';

export interface ShowOptions {
  /**
   * Mask CPR numbers in every text of the output (debtor id, name, CPR, claim id, claim type,
   * messages): ddmmyy-xxxx, with #2, #3 … for other people with the same birth date.
   */
  maskCpr?: boolean;
}

/** How a text from the ledger is shown in one output: as it is, or through one masker for the whole output. */
export type Shown = (text: string) => string;
export const asWritten: Shown = (t) => t;
/** One output's way of showing texts: a masker numbers people in the order it meets them, so use one per output. */
export const shownFor = (options: ShowOptions): Shown => (options.maskCpr === true ? createCprMasker() : asWritten);

/**
 * The CPR/CVR column masked: a CPR number as the output's masker shows it; a CVR number (8 digits,
 * a company) is not personal data and stays; ten digits that are no date keep the six first as
 * before; anything else in the column is hidden whole.
 */
export function shownCpr(cpr: string, show: Shown): string {
  if (show === asWritten || cpr === '') return cpr;
  // Already masked (the letters of a statement shown masked): shown again, it stays as it is.
  if (/^\d{6}-xxxx(#\d+)?$/.test(cpr.trim())) return cpr;
  const masked = show(cpr);
  if (masked !== cpr) return masked;
  const digits = asciiDigits(cpr).replace(/\D/g, '');
  if (digits.length === 8) return cpr;
  return digits.length === 10 ? `${digits.slice(0, 6)}-xxxx` : 'xxxxxx-xxxx';
}

/**
 * The one place a statement's texts are made for output: JSON, the workbooks and the letters all
 * take them from here. The texts are shown in a fixed order (each debtor's id, name and CPR, its
 * claims' ids and types, then the errors), which the streamed JSON (`statementJsonChunks`) keeps,
 * so one masker gives the same tags in both.
 */
export function showStatement(s: Statement, options: ShowOptions = {}): Statement {
  return showStatementWith(s, shownFor(options));
}

export function showStatementWith(s: Statement, show: Shown): Statement {
  if (show === asWritten) return s;
  return {
    ...s,
    debtors: s.debtors.map((d) => ({
      ...d,
      debtorId: show(d.debtorId),
      name: show(d.name),
      cpr: shownCpr(d.cpr, show),
      // limitationReason is Saldo's own text (rule and dates), nothing from the ledger: not put through the masker.
      claims: d.claims.map((c) => ({ ...c, claimId: show(c.claimId), claimType: show(c.claimType) })),
    })),
    errors: s.errors.map((e) => ({ ...e, message: show(e.message) })),
  };
}

/** The analysis's texts for one output, masked as the statement's are (one masker for the output). */
export function showAnalysis(a: Analysis, options: ShowOptions = {}): Analysis {
  const show = shownFor(options);
  if (show === asWritten) return a;
  return {
    ...a,
    aging: a.aging.map((r) => ({ ...r, claimType: show(r.claimType) })),
    credits: { ...a.credits, byClaimType: a.credits.byClaimType.map((c) => ({ ...c, claimType: show(c.claimType) })) },
    development: a.development.map((d) => ({ ...d, claimType: show(d.claimType) })),
    topDebtors: a.topDebtors.map((t) => ({ ...t, debtorId: show(t.debtorId), name: show(t.name) })),
    errors: a.errors.map((e) => ({ ...e, message: show(e.message) })),
  };
}
