/**
 * The workbook's `Saldo-kortlægning` sheet through Office.js (core/ledger/ledgerMapping.ts): the
 * kommune's own words for a ledger's columns and kinds, given once in the task pane and kept in
 * the workbook, where anyone can read and correct them. Saldo only ever adds rows to its own
 * sheet; it never writes over a user's data.
 */
import { MAPPING_HEADER, MAPPING_SHEET } from '../../core/ledger/ledgerMapping.js';
import { asTextCell } from './cells.js';

async function findSheet(context: Excel.RequestContext): Promise<Excel.Worksheet | null> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  // Excel's sheet names are unique regardless of case.
  const found = sheets.items.find((s) => s.name.toLowerCase() === MAPPING_SHEET.toLowerCase());
  return found ? context.workbook.worksheets.getItem(found.name) : null;
}

/** The sheet's rows from its first used cell (the header first), or undefined when the workbook has none. */
export async function readMappingSheet(): Promise<unknown[][] | undefined> {
  return Excel.run(async (context) => {
    const sheet = await findSheet(context);
    if (!sheet) return undefined;
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('values');
    await context.sync();
    return range.isNullObject ? undefined : range.values;
  });
}

/**
 * Adds mapping rows (`[slags, word, means]`) below the sheet's last used row, making the sheet
 * with its header first when the workbook has none. The words come from the user's ledger, so
 * they are written as text, never as a formula.
 */
export async function addMappingRows(rows: ReadonlyArray<readonly [string, string, string]>): Promise<void> {
  if (rows.length === 0) return;
  await Excel.run(async (context) => {
    let sheet = await findSheet(context);
    let next: number;
    if (!sheet) {
      sheet = context.workbook.worksheets.add(MAPPING_SHEET);
      sheet.getRange('A1:C1').values = [[...MAPPING_HEADER]];
      sheet.getRange('A1:C1').format.font.bold = true;
      next = 1;
    } else {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(['rowIndex', 'rowCount']);
      await context.sync();
      next = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      if (next === 0) {
        sheet.getRange('A1:C1').values = [[...MAPPING_HEADER]];
        next = 1;
      }
    }
    const target = sheet.getRange(`A${next + 1}:C${next + rows.length}`);
    target.numberFormat = rows.map(() => ['@', '@', '@']);
    target.values = rows.map((r) => r.map(asTextCell));
    target.format.autofitColumns();
    await context.sync();
  });
}
