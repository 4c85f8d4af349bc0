/**
 * Stands in for office.js in the browser tests: an `Office` that is ready at once, an `Excel`
 * backed by the in-memory fake workbook, and a `CustomFunctions` that records associations.
 * Bundled by the e2e test and served in place of Microsoft's CDN script.
 */
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';

const workbook = new FakeWorkbook(['Ark1', 'Posteringer']);
// A small ledger for the Saldoopgørelse and Analyse pages (dates as Excel serials: 45901 = 1 Sep 2025).
workbook.put('Posteringer', 'A1', [
  ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'],
  ['D1', '010190-1234', 'Søren Æbelø', 'F1', 'daginstitution', 45901, 45901, 'krav', 3450],
  ['D1', '010190-1234', 'Søren Æbelø', 'F1', 'daginstitution', 46027, '', 'betaling', -1000.5],
  ['D2', '', '=HYPERLINK("http://evil.example")', 'E1', 'ejendomsskat', '01-03-2026', '01-03-2026', 'krav', '1.200,00'],
  ['D3', '', 'Fejl', 'X1', 'andet', '31-02-2026', '', 'krav', 5],
]);
workbook.put('Ark1', 'A1', [
  ['Hovedstol', 'Gebyrer', 'Forfaldsdato'],
  [3450, 250, 46235],
  [3450, 250, 46266],
]);
// payments for the Status page: 500 on 2 Feb 2026 (46055) and 300 on 2 Mar 2026 (46083)
workbook.put('Ark1', 'E1', [
  ['Dato', 'Beløb'],
  [46055, 500],
  [46083, 300],
]);
// The same ledger as an Excel table, for picking a table instead of a sheet.
workbook.sheet('Posteringer')!.tables.add('A1:I5', true);
workbook.selection = 'Ark1!A1:C3';

const actions = new Map<string, (event: { completed(): void }) => unknown>();
const functions = new Map<string, unknown>();

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

Object.assign(window, {
  Office: {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    // ?officeTheme=dark: Office in its Black theme (the tests' way to open the pane as a dark Excel would).
    context: { displayLanguage: 'da-DK', contentLanguage: 'da-DK', ...(location.search.includes('officeTheme=dark') ? { officeTheme: { bodyBackgroundColor: '#262626' } } : {}) },
    actions: { associate: (name: string, f: (event: { completed(): void }) => unknown) => void actions.set(name, f) },
    addin: { showAsTaskpane: async () => undefined },
  },
  // Each sync a round trip in a later task, as Excel's: what the pane does between two is one task of the UI thread.
  Excel: fakeExcel(workbook, { roundTrip: true }),
  CustomFunctions: {
    associate: (id: string, f: unknown) => void functions.set(id, f),
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!', divisionByZero: '#DIV/0!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  },
  __saldo: {
    workbook,
    actions,
    functions,
    /** Runs a ribbon command as Excel would. */
    runAction: async (name: string) => {
      let completed = false;
      await actions.get(name)?.({ completed: () => void (completed = true) });
      return completed;
    },
    /** A custom function's result, or its cell error. */
    callFunction: (id: string, args: unknown[]) => {
      try {
        return { value: (functions.get(id) as (...a: unknown[]) => unknown)(...args) };
      } catch (e) {
        const err = e as { code?: string; message: string };
        return { error: err.code ?? 'uncaught', message: err.message };
      }
    },
    sheets: () =>
      workbook.sheets.map((s) => ({
        name: s.name,
        grid: s.grid(),
        formulas: [...s.cells.values()].filter((c) => c.formula).length,
        tables: s.tableList,
        charts: s.chartList.map(({ type, source, xAxis, title, seriesList }) => ({ type, source, xAxis, title: title.text, series: seriesList.map((x) => x.name) })),
        formats: Object.fromEntries([...s.cells].map(([k, c]) => [k, c.numberFormat])),
        fills: Object.fromEntries([...s.cells].filter(([, c]) => c.fill).map(([k, c]) => [k, c.fill])),
        conditional: s.conditionalList,
        frozenRows: s.frozenRows,
      })),
    select: (address: string) => void (workbook.selection = address),
  },
});
