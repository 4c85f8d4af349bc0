/**
 * The workbook's `Saldo-regler` sheet through Office.js: read its cells, write the rules in use
 * to it (replacing the sheet only when the caller has asked the user), follow its changes, and
 * have Excel recalculate the SALDO functions when the rules change.
 */
import { rulesSheet, RULES_SHEET } from '../../core/rules/rulesSheet.js';
import type { RuleSet } from '../../core/rules/ruleSet.js';
import { renderSheet } from './sheetRenderer.js';
import { RequestBatch } from './cells.js';

async function findSheet(context: Excel.RequestContext): Promise<Excel.Worksheet | null> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  // Excel's sheet names are unique regardless of case.
  return sheets.items.find((s) => s.name.toLowerCase() === RULES_SHEET.toLowerCase()) ?? null;
}

/** The sheet's used range with where it starts (1-based), or null when the workbook has no `Saldo-regler`. */
export async function readRulesSheetCells(): Promise<{ values: unknown[][]; row: number; column: number } | null> {
  return Excel.run(async (context) => {
    const sheet = await findSheet(context);
    if (!sheet) return null;
    const range = context.workbook.worksheets.getItem(sheet.name).getUsedRange();
    range.load(['values', 'rowIndex', 'columnIndex']);
    await context.sync();
    return { values: range.values, row: range.rowIndex + 1, column: range.columnIndex + 1 };
  });
}

export async function rulesSheetExists(): Promise<boolean> {
  return Excel.run(async (context) => (await findSheet(context)) !== null);
}

/**
 * Writes the rules to the sheet `Saldo-regler` and activates it. An existing sheet is replaced
 * only with `replace` (the page asks the user first: Office.js changes cannot be undone); without
 * it an existing sheet is an error and nothing is written.
 */
export async function writeRulesSheet(rules: RuleSet, replace: boolean): Promise<string> {
  return Excel.run(async (context) => {
    const old = await findSheet(context);
    if (old && !replace) throw new Error(`Arket "${RULES_SHEET}" findes allerede.`);
    const batch = new RequestBatch(context);
    if (old) context.workbook.worksheets.getItem(old.name).delete();
    const sheet = context.workbook.worksheets.add(RULES_SHEET);
    await renderSheet(batch, sheet, rulesSheet(rules));
    sheet.activate();
    await batch.send();
    return RULES_SHEET;
  });
}

/**
 * Calls `onChange` when a cell of `Saldo-regler` changes or the sheet is added or deleted
 * (ExcelApi 1.9 events). Returns a function that removes the handlers, or null where the host has
 * no such events: the page's "Genindlæs" button is then the way to read the sheet again.
 */
export async function followRulesSheet(onChange: () => void): Promise<(() => Promise<void>) | null> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    if (!sheets.onChanged || !sheets.onAdded || !sheets.onDeleted) return null;
    const isRules = async (worksheetId: string): Promise<boolean> => {
      return Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItemOrNullObject(worksheetId);
        ws.load('name');
        await ctx.sync();
        return !ws.isNullObject && ws.name.toLowerCase() === RULES_SHEET.toLowerCase();
      });
    };
    const handlers = [
      sheets.onChanged.add(async (e) => {
        if (await isRules(e.worksheetId)) onChange();
      }),
      sheets.onAdded.add(async () => onChange()),
      sheets.onDeleted.add(async () => onChange()),
    ];
    await context.sync();
    return async () => {
      await Excel.run(handlers[0]!.context, async (ctx) => {
        for (const h of handlers) h.remove();
        await ctx.sync();
      });
    };
  });
}

/** Recalculates the workbook's formulas in full: the SALDO functions then use the new rules. */
export async function recalculateFunctions(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
