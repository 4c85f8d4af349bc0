/**
 * `followup --previous x.xlsx`: the cause and action text typed last quarter, whatever Excel
 * made of the cells (issue 14: hyperlinks, formulas, error cells and rich text came over as
 * "[object Object]"), and the same unpacking limits as a ledger.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { FollowupOutput } from '../../core/commands/followup.js';
import { cli } from './helpers.js';

const goal = (id: string) => ({ id, name: `Mål ${id}`, measure: 'a', target: 1 });
const input = { year: 2025, goals: [goal('1'), goal('2'), goal('3'), goal('4')], data: { Q1: { a: 1 } } };

/** Last quarter's workbook with cells of the follow-up sheet set as given (goals 1–4 are rows 4–7; J cause, K action). */
async function typed(cells: Record<string, ExcelJS.CellValue>): Promise<Uint8Array> {
  const q1 = await cli(['followup', '--in', 'q1.json', '--out', 'q1.xlsx'], { 'q1.json': JSON.stringify(input) });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(q1.files.get('q1.xlsx') as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Opfølgning')!;
  for (const [ref, value] of Object.entries(cells)) sheet.getCell(ref).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function carried(bytes: Uint8Array) {
  const r = await cli(['followup', '--in', 'q2.json', '--previous', 'q1.xlsx'], { 'q2.json': JSON.stringify({ ...input, data: { Q1: { a: 1 }, Q2: { a: 1 } } }), 'q1.xlsx': bytes });
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as FollowupOutput).rows.map((row) => [row.id, row.cause, row.action]);
}

describe('followup --previous carries text, never "[object Object]"', () => {
  it('a hyperlink gives its text, a formula its saved result, rich text its runs joined', async () => {
    const bytes = await typed({
      J4: { text: 'Se sag 12', hyperlink: 'https://sag.example/12' },
      K4: { formula: '"Ring til "&"borger"', result: 'Ring til borger' },
      J5: { richText: [{ text: 'Del ' }, { font: { bold: true }, text: 'to' }] },
      K5: { text: { richText: [{ text: 'Link i ' }, { font: { italic: true }, text: 'kursiv' }] }, hyperlink: 'https://x.example' } as unknown as ExcelJS.CellValue,
    });
    // the cells' text, marked as carried from the Q1 workbook (its title: "… efter 1 af 4 kvartaler")
    expect(await carried(bytes)).toEqual([
      ['1', 'Fra Q1: Se sag 12', 'Fra Q1: Ring til borger'],
      ['2', 'Fra Q1: Del to', 'Fra Q1: Link i kursiv'],
      ['3', '', ''],
      ['4', '', ''],
    ]);
  });
  it('an error cell, or a formula saved without its value, is carried as a note saying so (not dropped, not "#REF!" as if typed)', async () => {
    const bytes = await typed({ J6: { error: '#REF!' }, K6: { formula: 'Ark2!A1' }, J7: { formula: '1/0', result: { error: '#DIV/0!' } } });
    expect(await carried(bytes)).toEqual([
      ['1', '', ''],
      ['2', '', ''],
      ['3', 'Fra Q1: [Cellen viste Excel-fejlen #REF! i den forrige opfølgning]', 'Fra Q1: [Cellen havde formlen =Ark2!A1 uden en gemt værdi i den forrige opfølgning]'],
      ['4', 'Fra Q1: [Cellen viste Excel-fejlen #DIV/0! i den forrige opfølgning]', ''],
    ]);
  });
  it('a workbook that would unpack beyond the limits is exit 2 in Danish, before it is unpacked', async () => {
    const zip = await JSZip.loadAsync(await typed({}));
    zip.file('xl/media/stor.bin', new Uint8Array(20 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const r = await cli(['followup', '--in', 'q2.json', '--previous', 'q1.xlsx'], { 'q2.json': JSON.stringify(input), 'q1.xlsx': bytes });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^Den forrige opfølgning kan ikke læses: xl\/media\/stor\.bin fylder 20 MB udpakket, og Saldo læser højst 16 MB/);
  });
});
