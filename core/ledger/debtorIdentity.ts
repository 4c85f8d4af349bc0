/**
 * One debtor number is one person (issue 14). A ledger where two CPR numbers stand under one
 * debtor number would merge two people: one letter listing the other's claims, one balance for
 * both. The statement and the analysis refuse the second number's rows with this message.
 */
import { shownCellText } from './posting.js';

/** The CPR/CVR number as a key: another writing of the same number (010190-1234, 0101901234) is the same. */
export const cprKey = (cpr: string): string => cpr.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

/**
 * The row error for a row whose CPR/CVR differs from the debtor's (the one on its first row with
 * one). Both rows are named; the numbers are masked like every number in a message.
 */
export function cprConflictMessage(debtorId: string, firstCpr: string, firstRow: number, cpr: string, row: number): string {
  return `Debitor ${shownCellText(debtorId)} har CPR/CVR ${shownCellText(firstCpr)} i række ${firstRow}, men et andet nummer, ${shownCellText(cpr)}, i række ${row}. To personer med samme debitornummer ville blive lagt sammen (ét brev med den andens fordringer), så rækken er udeladt af summerne. Ret debitornummeret eller CPR/CVR-nummeret.`;
}
