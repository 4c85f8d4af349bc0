/**
 * The portfolio's result sheets in Excel (issue 20): the work list, the opkrævningstragt, the
 * forældelse radar and the campaign follow-up. Kept apart from ./workbook.ts because their
 * descriptions bring the portfolio's code (core/portfolio), which only the Arbejdsliste, Tragt,
 * Forældelse and Kampagne pages need: those pages are chunks loaded on first use, and so is this
 * module with them. Like every writer, each action is one Excel.run that adds NEW sheets (never
 * over the user's data), described in core/report and drawn by ./sheetRenderer.
 */
import type { Campaign, Funnel, LimitationRadar, Worklist } from '../../core/commands/index.js';
import { campaignSheets } from '../../core/report/campaignSheets.js';
import { funnelSheet } from '../../core/report/funnelSheets.js';
import { errorsSheet } from '../../core/report/ledgerSheets.js';
import { limitationSheets } from '../../core/report/limitationSheets.js';
import { uniqueSheetName } from '../../core/report/sheetName.js';
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

/** Names made unique among the workbook's sheets, and among each other, in order (before any is added). */
function uniqueNames<K extends string>(wanted: Readonly<Record<K, string>>, taken: readonly string[]): Record<K, string> {
  const seen = [...taken];
  const out = {} as Record<K, string>;
  for (const key of Object.keys(wanted) as K[]) {
    out[key] = uniqueSheetName(wanted[key], seen);
    seen.push(out[key]);
  }
  return out;
}

export interface LimitationSheetNames {
  sheetName: string;
  claimsSheetName: string;
  barredSheetName: string;
  /** null when every row was read (no sheet of errors is written then). */
  errorsSheetName: string | null;
}

/**
 * The forældelse radar on new sheets, as the CLI's workbook has it (core/report/limitationSheets.ts)
 * but named by the date: "Forældelse 2026-10-01" (the figures, and the totals by claim type and by
 * caseworker), "Radar 2026-10-01" (the claims in the window by days left, with the step for each;
 * filters, frozen header), "Forældet 2026-10-01" (the claims already forældet) and, when rows could
 * not be read, "Fejl forældelse 2026-10-01". The overview names the sheets as they were written
 * (a second run on the same day gets "… 2"). One Excel.run, sent in counted requests.
 */
export async function writeLimitationSheets(r: LimitationRadar, onProgress?: (done: number, total: number) => void): Promise<LimitationSheetNames> {
  return Excel.run(async (context) => {
    const taken = await sheetNames(context);
    const wanted = { summary: `Forældelse ${r.asOf}`, claims: `Radar ${r.asOf}`, barred: `Forældet ${r.asOf}`, errors: `Fejl forældelse ${r.asOf}` };
    const names = uniqueNames(wanted, taken);
    const errors = r.errors.length > 0 ? names.errors : null;
    const [summary, claims, barred, errorsSheet] = limitationSheets(r, { ...names, errors });
    const batch = new RequestBatch(context);
    const first = await addSheet(batch, taken, summary!);
    await addSheet(batch, taken, claims!, onProgress ? { onProgress } : {});
    await addSheet(batch, taken, barred!);
    if (errorsSheet) await addSheet(batch, taken, errorsSheet);
    first.sheet.activate();
    await batch.send();
    return { sheetName: names.summary, claimsSheetName: names.claims, barredSheetName: names.barred, errorsSheetName: errors };
  });
}

export interface CampaignSheetNames {
  weeksSheetName: string;
  caseworkersSheetName: string;
  effectSheetName: string;
  errorsSheetName: string;
}

/**
 * The campaign follow-up on new sheets, as the CLI's workbook has it (core/report/campaignSheets.ts):
 * "Kampagne uger" and "Kampagne sagsbehandlere" (the figures per ISO week and caseworker and per
 * caseworker, each with filters and a total row), "Kampagne effekt" (the called against comparable
 * uncalled debtors, stratum by stratum) and "Fejl kampagne" (the call log's and the ledger's rows
 * that could not be used, by file and row). A name already in the workbook gets "… 2". The effect
 * sheet is activated: it answers what the campaign did. One Excel.run, sent in counted requests.
 */
export async function writeCampaignSheets(c: Campaign, onProgress?: (done: number, total: number) => void): Promise<CampaignSheetNames> {
  return Excel.run(async (context) => {
    const taken = await sheetNames(context);
    const [weeks, caseworkers, effect, errors] = campaignSheets(c);
    // The CLI's workbook holds the campaign alone; here the errors sheet says whose errors it holds.
    const batch = new RequestBatch(context);
    const w = await addSheet(batch, taken, weeks!, onProgress ? { onProgress } : {});
    const k = await addSheet(batch, taken, caseworkers!);
    const e = await addSheet(batch, taken, effect!);
    const f = await addSheet(batch, taken, { ...errors!, name: 'Fejl kampagne' });
    e.sheet.activate();
    await batch.send();
    return { weeksSheetName: w.sheetName, caseworkersSheetName: k.sheetName, effectSheetName: e.sheetName, errorsSheetName: f.sheetName };
  });
}
