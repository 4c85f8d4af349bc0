import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runOnJson } from '../../core/commands/index.js';
import { xmlSafeText } from '../../core/report/xmlText.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { buildPlanWorkbook } from '../../cli/xlsx/planWorkbook.js';
import { buildStatusWorkbook } from '../../cli/xlsx/resultWorkbooks.js';
import { followupWorkbook } from '../../cli/xlsx/followupWorkbook.js';
import { analyseWorkbook, lettersWorkbook, statementsWorkbook } from '../../cli/xlsx/ledgerWorkbooks.js';

// Characters XML 1.0 forbids: a workbook holding one is corrupt (Excel "repairs" it, ExcelJS cannot read it).
const BAD = ['\u0000', '\u0001', '\u000B', '\u000C', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF'];
// eslint-disable-next-line no-control-regex -- the control characters are what the test looks for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nasty = `A${BAD.join('B')}Z`;

async function texts(bytes: Uint8Array | ArrayBuffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((sheet) => {
    out.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && out.push(cell.value))));
  });
  return out;
}

describe('text written to a workbook is valid XML (issue 14)', () => {
  it('xmlSafeText replaces each forbidden character with a visible U+FFFD and keeps the rest', () => {
    expect(xmlSafeText(nasty)).toBe(`A${BAD.map(() => '\uFFFD').join('B')}Z`);
    expect(xmlSafeText('tab\there\nlf\rcr 😀 æøå')).toBe('tab\there\nlf\rcr 😀 æøå');
  });

  it('every CLI workbook with such text in the input reads back, showing U+FFFD where they were', async () => {
    const ledger = [{ debtorId: 'D1', debtorName: nasty, claimId: `F${nasty}`, claimType: nasty, postingDate: '2025-01-05', dueDate: '2025-01-05', kind: 'krav', amount: 100 }];
    const statement = runOnJson('statements', { year: 2025, ledger }, defaultRules);
    const analysis = runOnJson('analyse', { asOf: '2025-06-01', ledger }, defaultRules);
    const badPlan = runFailed(() => runOnJson('plan', { firstDueDate: '2026-02-01', installment: 500, claims: [{ principal: nasty }] }, defaultRules));
    const fu = await runOnJson('followup', { year: 2025, goals: [{ id: '1', name: nasty, requirement: nasty, measure: 'a', target: 1 }], data: { Q1: { a: 1 } } }, defaultRules);
    const books: Array<[string, Uint8Array | ArrayBuffer]> = [
      ['statements', await statementsWorkbook(statement)],
      ['letters', await lettersWorkbook(statement, { kommune: nasty, contact: nasty, date: '2027-01-08' })],
      ['analyse', await analyseWorkbook(analysis)],
      ['plan', await buildPlanWorkbook([{ name: `Aftale ${nasty}`, result: badPlan }]).xlsx.writeBuffer()],
      ['status', await buildStatusWorkbook([badPlan] as never).xlsx.writeBuffer()],
      ['followup', await followupWorkbook(fu)],
    ];
    for (const [name, bytes] of books) {
      const all = await texts(bytes);
      expect(
        all.filter((t) => FORBIDDEN.test(t)),
        name,
      ).toEqual([]);
      expect(
        all.some((t) => t.includes('A\uFFFDB')),
        name,
      ).toBe(true);
    }
  });
});

function runFailed(f: () => unknown): { error: { message: string } } {
  try {
    f();
  } catch (e) {
    return { error: { message: (e as Error).message } };
  }
  throw new Error('expected a failure');
}
