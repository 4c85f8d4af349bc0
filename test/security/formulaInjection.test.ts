/**
 * Formula injection, every writer (issue 7): text from the user's data that Excel would read as a
 * formula (=, +, -, @, a tab or a carriage return first) must land in every workbook Saldo writes
 * as that text — never as a formula. The CLI's workbooks are read back with ExcelJS (a formula
 * cell has `formula`); the add-in's sheets are written into the in-memory Excel, which turns such
 * text into a formula the way Excel does unless it is protected.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeAnalysisSheet, writeFollowupSheets, writeHenstandSheet, writePlanSheet, writeStatementSheets, writeStatusSheet, writeTemplateTables } from '../../addin/excel/workbook.js';
import { writeFunnelSheets } from '../../addin/excel/portfolioSheets.js';
import { commands, runOnJson } from '../../core/commands/index.js';
import { followup } from '../../core/followup/followup.js';
import { countsToTable } from '../../core/followup/countsTable.js';
import { goalsToTable } from '../../core/followup/goalsTable.js';
import { analysisFromRows, statementFromRows } from '../../core/ledger/ledgerJson.js';
import { toDayNumber, type CalendarDate } from '../../core/calendar/date.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { cli } from '../cli/helpers.js';
import { fakeExcel, FakeWorkbook } from '../fakes/excelFake.js';

/** What people's data may start with that Excel reads as a formula. */
const HOSTILE = ['=HYPERLINK("http://evil.example","klik")', '+41+1', '-2+3', '@SUM(A1)', "=cmd|' /C calc'!A0", '\t=1+1', '\r=1+1'];
const pick = (i: number) => HOSTILE[i % HOSTILE.length]!;

const agreement = {
  reference: pick(0),
  startDate: '2026-01-10',
  firstDueDate: '2026-02-01',
  installment: 500,
  claims: [
    { id: pick(1), type: 'daginstitution', principal: 3450, fees: 250, dueDate: '2025-10-01' },
    { id: pick(2), type: 'daginstitution', principal: 1000, dueDate: '2025-11-01' },
  ],
};
const henstandInput = { ...agreement, henstand: { from: '2026-05-01', months: 3, kind: 'full' } };
const statusInput = { ...agreement, payments: [{ date: '2026-02-02', amount: 500 }], asOf: '2026-05-10' };
const ledgerHeader = ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
const ledgerRows = HOSTILE.map((text, i) => [
  i % 2 === 0 ? text : `D${i}`,
  '',
  text,
  i % 2 === 1 ? text : `F${i}`,
  i % 3 === 0 ? text : 'daginstitution',
  '01-02-2026',
  '01-02-2026',
  'krav',
  '100,00',
]);
const followupInput = {
  year: 2025,
  goals: HOSTILE.map((text, i) => ({ id: `${i + 1}`, name: text, requirement: pick(i + 1), measure: 'a / b', target: 0.5, cause: pick(i + 2), action: pick(i + 3) })),
  data: { Q1: { a: 1, b: 2 } },
  previous: [{ id: '99', cause: pick(4), action: pick(5) }],
};

/** Every cell of every sheet of a workbook: formulas, and the text of the others. */
async function workbookCells(bytes: Uint8Array): Promise<{ formulas: string[]; texts: Set<string> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const formulas: string[] = [];
  const texts = new Set<string>();
  wb.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula || (typeof cell.value === 'object' && cell.value !== null && ('formula' in cell.value || 'sharedFormula' in cell.value)))
          formulas.push(`${sheet.name}!${cell.address}`);
        if (typeof cell.value === 'string') texts.add(cell.value);
      }),
    ),
  );
  return { formulas, texts };
}

describe('CLI workbooks: hostile text stays text', () => {
  // The last column: whether the workbook shows any of the input's text (a schedule shows only figures and dates).
  const cases: Array<[string, string[], Record<string, string>, string, boolean?]> = [
    ['plan', ['plan', '--in', 'in.json', '--out', 'o.xlsx'], { 'in.json': JSON.stringify(agreement) }, 'o.xlsx', false],
    ['plan (batch)', ['plan', '--in', 'in.json', '--out', 'o.xlsx'], { 'in.json': JSON.stringify([agreement, agreement]) }, 'o.xlsx', false],
    ['henstand', ['henstand', '--in', 'in.json', '--out', 'o.xlsx'], { 'in.json': JSON.stringify(henstandInput) }, 'o.xlsx', false],
    ['status', ['status', '--in', 'in.json', '--out', 'o.xlsx'], { 'in.json': JSON.stringify(statusInput) }, 'o.xlsx', false],
    ['followup', ['followup', '--in', 'in.json', '--out', 'o.xlsx'], { 'in.json': JSON.stringify({ ...followupInput, goals: followupInput.goals.slice(0, 3) }) }, 'o.xlsx'],
    [
      'statements',
      ['statements', '--in', 'in.json', '--out', 'o.xlsx'],
      {
        'in.json': JSON.stringify({
          year: 2026,
          ledger: ledgerRows.map((r) =>
            Object.fromEntries(
              r.map((v, i) => [['debtorId', 'cpr', 'debtorName', 'claimId', 'claimType', 'postingDate', 'dueDate', 'kind', 'amount'][i]!, i === 8 ? 100 : i >= 5 && i <= 6 ? '2026-02-01' : v]),
            ),
          ),
        }),
      },
      'o.xlsx',
    ],
    [
      'analyse',
      ['analyse', '--in', 'in.json', '--out', 'o.xlsx'],
      {
        'in.json': JSON.stringify({
          asOf: '2026-12-31',
          ledger: ledgerRows.map((r) =>
            Object.fromEntries(
              r.map((v, i) => [['debtorId', 'cpr', 'debtorName', 'claimId', 'claimType', 'postingDate', 'dueDate', 'kind', 'amount'][i]!, i === 8 ? 100 : i >= 5 && i <= 6 ? '2026-02-01' : v]),
            ),
          ),
        }),
      },
      'o.xlsx',
    ],
    [
      // the claim types are the only text of the ledger the funnel shows: in the table and the charts' titles
      'funnel',
      ['funnel', '--in', 'in.json', '--out', 'o.xlsx'],
      {
        'in.json': JSON.stringify({
          from: '2026-01-01',
          to: '2026-03-31',
          ledger: ledgerRows.map((r) =>
            Object.fromEntries(
              r.map((v, i) => [['debtorId', 'cpr', 'debtorName', 'claimId', 'claimType', 'postingDate', 'dueDate', 'kind', 'amount'][i]!, i === 8 ? 100 : i >= 5 && i <= 6 ? '2026-02-01' : v]),
            ),
          ),
        }),
      },
      'o.xlsx',
    ],
  ];
  it.each(cases)('%s', async (_, argv, files, out, showsText = true) => {
    const r = await cli(argv, files);
    expect(r.code, r.stderr).toBe(0);
    const { formulas, texts } = await workbookCells(r.files.get(out) as Uint8Array);
    expect(formulas).toEqual([]);
    // where the workbook shows the input's text, it is there, as text (not dropped either)
    if (showsText) expect(HOSTILE.filter((h) => [...texts].some((t) => t.includes(h.trim()))).length).toBeGreaterThan(0);
  });

  it('letters (statements --letters) from a CSV ledger', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const path = join(mkdtempSync(join(tmpdir(), 'saldo-inj-')), 'l.csv');
    writeFileSync(path, [ledgerHeader, ...ledgerRows].map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(';')).join('\n'));
    const r = await cli(['statements', '--in', path, '--year', '2026', '--letters', 'b.xlsx', '--out', 's.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['b.xlsx', 's.xlsx']) expect((await workbookCells(r.files.get(f) as Uint8Array)).formulas, f).toEqual([]);
  });
});

describe('add-in sheets: hostile text stays text', () => {
  let wb: FakeWorkbook;
  const setup = () => {
    wb = new FakeWorkbook(['Ark1']);
    vi.stubGlobal('Excel', fakeExcel(wb));
  };
  afterEach(() => vi.unstubAllGlobals());
  const formulas = () => wb.sheets.flatMap((s) => [...s.cells.entries()].filter(([, c]) => c.formula !== undefined).map(([k]) => `${s.name}!${k}`));
  const texts = () => wb.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.value)).filter((v): v is string => typeof v === 'string');

  const statementRows = [ledgerHeader, ...ledgerRows];
  // The last column: whether the sheet shows any of the input's text (henstand and status show it only in the sheet's name).
  const jobs: Array<[string, () => Promise<unknown>, boolean?]> = [
    ['plan', () => writePlanSheet(runOnJson('plan', agreement, defaultRules), pick(3))],
    ['henstand', () => writeHenstandSheet(runOnJson('henstand', henstandInput, defaultRules), pick(4)), false],
    ['status', () => writeStatusSheet(runOnJson('status', statusInput, defaultRules), pick(5)), false],
    ['statements and letters', () => writeStatementSheets(statementFromRows(statementRows, 2026, defaultRules), { letters: { kommune: pick(0), contact: pick(1), date: '2027-01-08' } })],
    ['analysis', () => writeAnalysisSheet(analysisFromRows(statementRows, toDayNumber('2026-12-31' as CalendarDate)))],
    [
      'opkrævningstragt',
      async () => writeFunnelSheets((await commands.funnelOfRows({ from: '2026-01-01', to: '2026-12-31', places: { from: 'Fra', to: 'Til', asOf: 'Dato' } }, defaultRules))(statementRows)),
    ],
    ['follow-up', () => writeFollowupSheets(followup(followupInput), pick(6))],
    [
      'template tables',
      () =>
        writeTemplateTables([
          { name: 'Mål', rows: goalsToTable(followupInput.goals) },
          { name: 'Tal', rows: countsToTable({ Q1: { [pick(0)]: 1 } }, true) },
        ]),
    ],
  ];
  it('the fake workbook itself turns every hostile text into a formula when a writer does not protect it (else the tests below prove nothing)', () => {
    setup();
    wb.sheets[0]!.getRange(`A1:A${HOSTILE.length}`).values = HOSTILE.map((h) => [h]);
    expect(formulas()).toHaveLength(HOSTILE.length);
  });
  it.each(jobs)('%s', async (_, job, showsText = true) => {
    setup();
    await job();
    expect(formulas()).toEqual([]);
    if (showsText) expect(HOSTILE.filter((h) => texts().some((t) => t.toLowerCase().includes(h.trim().toLowerCase()))).length).toBeGreaterThan(0);
  });
});
