/**
 * Workbooks for `statements`, `analyse`, `limitation` and `funnel` (--out x.xlsx) and the printable letters
 * (--letters x.xlsx), described by core/report/ledgerSheets. Written with ExcelJS's streaming
 * writer, so 80,000 debtors do not have to fit in memory as a workbook model. Every string from
 * the ledger is written as a string value, which ExcelJS never turns into a formula: a name like
 * =HYPERLINK("…") stays text.
 */
import type { Analysis, Funnel, LimitationRadar, Statement } from '../../core/commands/index.js';
import { limitationSheets } from '../../core/report/limitationSheets.js';
import { funnelSheet } from '../../core/report/funnelSheets.js';
import { letterRows, type LetterLines, type LetterOptions } from '../../core/report/ledgerTables.js';
import { analysisSheets, caseworkerSheet, errorsSheet, lettersSheets, statementClaimsSheet, statementSummarySheet } from '../../core/report/ledgerSheets.js';
import { addSheet, streamedBook } from './book.js';

export function statementsWorkbook(s: Statement): Promise<Uint8Array> {
  return streamedBook((book) => {
    addSheet(book, statementSummarySheet('Oversigt', s));
    addSheet(book, statementClaimsSheet('Fordringer', s));
    addSheet(book, errorsSheet('Fejl', s.errors));
  });
}

/** The analysis workbook, with a stacked column chart of the aging and a line chart of the month-end balances. */
export function analyseWorkbook(a: Analysis): Promise<Uint8Array> {
  return streamedBook((book) => {
    for (const sheet of analysisSheets(a)) addSheet(book, sheet);
  });
}

/** The forældelse radar: overview with totals by claim type, the claims by days left, the forældede, the rows not read. */
export function limitationWorkbook(r: LimitationRadar): Promise<Uint8Array> {
  return streamedBook((book) => {
    for (const sheet of limitationSheets(r)) addSheet(book, sheet);
  });
}

/** The opkrævningstragt: the table with a stacked column chart per claim type, and the unread rows. */
export function funnelWorkbook(f: Funnel): Promise<Uint8Array> {
  return streamedBook((book) => {
    addSheet(book, funnelSheet('Opkrævningstragt', f));
    addSheet(book, errorsSheet('Fejl', f.errors));
  });
}

/** One printable page per debtor, a page break before each; A4 portrait fitted to the width. */
export function lettersWorkbook(s: Statement, options: LetterOptions, lines: LetterLines = letterRows(s, options)): Promise<Uint8Array> {
  return streamedBook((book) => {
    for (const sheet of lettersSheets('Saldoopgørelser', s, options, lines)) addSheet(book, sheet);
    if (lines.plan.forCaseworker.length > 0) addSheet(book, caseworkerSheet('Til sagsbehandler', lines));
  });
}
