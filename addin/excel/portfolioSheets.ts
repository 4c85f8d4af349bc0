/**
 * The portfolio's result sheets in Excel (issue 20): the work list and the opkrævningstragt. Kept
 * apart from ./workbook.ts because their descriptions bring the portfolio's code (core/portfolio),
 * which only the Arbejdsliste and Tragt pages need: those pages are chunks loaded on first use, and
 * so is this module with them. Like every writer, each action is one Excel.run that adds NEW
 * sheets (never over the user's data), described in core/report and drawn by ./sheetRenderer.
 */
import type { Funnel, Worklist } from '../../core/commands/index.js';
import { funnelSheet } from '../../core/report/funnelSheets.js';
import { errorsSheet } from '../../core/report/ledgerSheets.js';
import { worklistSheets } from '../../core/report/worklistSheets.js';
import { RequestBatch } from './cells.js';
import { addSheet, sheetNames } from './workbook.js';

/** The work list on new sheets: "Arbejdsliste <dato>" (totals, then the list with filters) and its errors. */
export async function writeWorklistSheets(w: Worklist): Promise<string> {
  return Excel.run(async (context) => {
    const taken = await sheetNames(context);
    const batch = new RequestBatch(context);
    const [list, errors] = worklistSheets(w);
    const first = await addSheet(batch, taken, list!);
    await addSheet(batch, taken, errors!);
    first.sheet.activate();
    await batch.send();
    return first.sheetName;
  });
}

export interface FunnelSheets {
  sheetName: string;
  errorsSheetName: string;
}

/**
 * The opkrævningstragt on new sheets, as the CLI's workbook has it (core/report/funnelSheets.ts):
 * "Tragt 2022-01 til 2025-12" with the table per claim type and month (kr. formats, filters, frozen
 * header), the period's figures beside it and a stacked column chart of the stages per claim type;
 * and "Fejl tragt …" with the rows that could not be read. One Excel.run, sent in counted requests.
 */
export async function writeFunnelSheets(f: Funnel, onProgress?: (done: number, total: number) => void): Promise<FunnelSheets> {
  return Excel.run(async (context) => {
    const period = `${f.from} til ${f.to}`;
    const taken = await sheetNames(context);
    const batch = new RequestBatch(context);
    const first = await addSheet(batch, taken, funnelSheet(`Tragt ${period}`, f), onProgress ? { onProgress } : {});
    const errors = await addSheet(batch, taken, errorsSheet(`Fejl tragt ${period}`, f.errors));
    first.sheet.activate();
    await batch.send();
    return { sheetName: first.sheetName, errorsSheetName: errors.sheetName };
  });
}
