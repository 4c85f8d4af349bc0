/**
 * A ledger put on a sheet of the in-memory workbook, in the page (passed to page.evaluate, so it
 * must use nothing from outside itself): each debtor a claim of 1.000 kr. (1 March 2025 = serial
 * 45717) and a payment of 250 kr. (1 June = 45809). With `table`, the range becomes an Excel table
 * of that name. Used by the e2e tests and the pane's bench (bench/paneChild.ts).
 */
export function putLedgerSheet({ debtors, sheet, table }: { debtors: number; sheet: string; table?: string }): void {
  const { workbook } = (
    window as unknown as {
      __saldo: {
        workbook: { worksheets: { add(name: string): unknown }; put(s: string, at: string, v: unknown[][]): void; sheet(n: string): { tables: { add(a: string, h: boolean): { name: string } } } };
      };
    }
  ).__saldo;
  const rows: unknown[][] = [['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb']];
  for (let i = 1; i <= debtors; i += 1) {
    rows.push([`D${i}`, '', `Navn ${i}`, `F${i}`, 'daginstitution', 45717, 45717, 'krav', 1000]);
    rows.push([`D${i}`, '', `Navn ${i}`, `F${i}`, 'daginstitution', 45809, '', 'betaling', -250]);
  }
  workbook.worksheets.add(sheet);
  workbook.put(sheet, 'A1', rows);
  if (table !== undefined) workbook.sheet(sheet).tables.add(`A1:I${rows.length}`, true).name = table;
}
