/**
 * Issue 14, "wrong reads": which sheet of an .xlsx ledger is read, and what becomes of Excel's
 * error cells and formulas. The workbooks are built here (ExcelJS, then rearranged with JSZip),
 * so each test states the damage it brings.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../cli/run.js';
import { err, formula, num, sheetXml, text, xlsxFile } from './xlsxFiles.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-xlsxledger-'));
let n = 0;
function file(content: Uint8Array | string, ext = 'xlsx'): string {
  n += 1;
  const path = join(dir, `ledger${n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: async (p) => readFileSync(p, 'utf8'),
    readStdin: async () => '',
    writeFile: async () => undefined,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

type Sheet = { name: string; rows: unknown[][]; state?: 'visible' | 'hidden' | 'veryHidden' };
const HEADER = ['Debitor', 'CPR', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'];
/** A sheet of one debtor with one claim of `amount` kroner (tells the sheets apart by their sums). */
const ledgerSheet = (name: string, amount: number, state?: Sheet['state']): Sheet => ({ name, state, rows: [HEADER, [`D-${name}`, '010190-1234', 'F1', '01-02-2026', 'krav', amount]] });

async function workbook(sheets: Sheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    for (const r of s.rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The workbook with its tabs in another order than its files (`<sheets>` in xl/workbook.xml
 * reversed), and its zip entries stored in `stored` order (names matched as substrings) first.
 */
async function rearranged(bytes: Uint8Array, options: { reverseTabs?: boolean; storedFirst?: string[] }): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  if (options.reverseTabs) {
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    const tabs = xml.match(/<sheet [^>]*\/>/g)!;
    zip.file('xl/workbook.xml', xml.replace(tabs.join(''), [...tabs].reverse().join('')));
  }
  const names = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
  const first = (options.storedFirst ?? []).flatMap((part) => names.filter((f) => f.includes(part)));
  const out = new JSZip();
  for (const name of [...new Set([...first, ...names])]) out.file(name, await zip.file(name)!.async('uint8array'));
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('which sheet of an .xlsx ledger is read', () => {
  it("the first tab in the workbook's tab order, not the first sheet stored in the file, and it says which", async () => {
    const bytes = await rearranged(await workbook([ledgerSheet('Noter', 1), ledgerSheet('Posteringer', 100)]), { reverseTabs: true });
    const path = file(bytes);
    const r = await run(['statements', '--in', path, '--year', '2026']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.totals.closing).toBe(100);
    // The header and the one posting of "Posteringer" (the "Noter" sheet is not read).
    expect(out.source).toEqual({ file: path, format: 'xlsx', sheet: 'Posteringer', lines: { read: 2, unit: 'rækker', header: 1, accepted: 1, errors: 0, blank: 0, continued: 0 } });
    expect(r.stderr).toContain(`Læser arket "Posteringer" i ${path}.`);
  });
  it('whatever order the zip stores its parts in (sheets before the shared strings, the second sheet first)', async () => {
    for (const storedFirst of [
      ['sheet2.xml', 'sheet1.xml'],
      ['worksheets/', 'sharedStrings'],
      ['sheet1.xml', 'workbook.xml'],
    ]) {
      const bytes = await rearranged(await workbook([ledgerSheet('Posteringer', 100), ledgerSheet('Noter', 1)]), { storedFirst });
      const out = JSON.parse((await run(['statements', '--in', file(bytes), '--year', '2026'])).stdout);
      expect([storedFirst, out.totals.closing, out.source.sheet]).toEqual([storedFirst, 100, 'Posteringer']);
    }
  });
  it('a hidden or very hidden first tab is passed over for the first visible one', async () => {
    for (const state of ['hidden', 'veryHidden'] as const) {
      const path = file(await workbook([ledgerSheet('Gammel', 1, state), ledgerSheet('Posteringer', 100)]));
      const r = await run(['analyse', '--in', path, '--as-of', '2026-12-31']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect([state, out.summary.balance, out.source.sheet]).toEqual([state, 100, 'Posteringer']);
    }
  });
  it('--sheet NAVN reads the named sheet (hidden or not); an unknown name is exit 2 listing the sheets', async () => {
    const path = file(await workbook([ledgerSheet('Posteringer', 100), ledgerSheet('2025', 7), ledgerSheet('Skjult', 3, 'hidden')]));
    const named = JSON.parse((await run(['statements', '--in', path, '--year', '2026', '--sheet', '2025'])).stdout);
    expect([named.totals.closing, named.source.sheet]).toEqual([7, '2025']);
    const hidden = JSON.parse((await run(['analyse', '--in', path, '--as-of', '2026-12-31', '--sheet', 'Skjult'])).stdout);
    expect([hidden.summary.balance, hidden.source.sheet]).toEqual([3, 'Skjult']);
    const unknown = await run(['statements', '--in', path, '--year', '2026', '--sheet', 'Posteringer 2026']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe(`${path} har intet ark med navnet "Posteringer 2026". Arkene hedder "Posteringer", "2025" og "Skjult" (skjult).\n`);
  });
  it('--sheet with a CSV ledger, or on a command without a ledger, is refused rather than ignored', async () => {
    const csv = await run(['statements', '--in', file('Debitor;Fordring;Bogføringsdato;Art;Beløb\n', 'csv'), '--year', '2026', '--sheet', 'Ark1']);
    expect(csv).toMatchObject({ code: 2, stdout: '' });
    expect(csv.stderr).toMatch(/^--sheet bruges med en \.xlsx-posteringsfil/);
    const plan = await run(['plan', '--in', 'x.json', '--sheet', 'Ark1']);
    expect(plan).toMatchObject({ code: 2 });
    expect(plan.stderr).toMatch(/^--sheet bruges ikke af plan/);
  });
  it('a workbook whose every tab is hidden is exit 2 in Danish, naming them', async () => {
    const path = file(await workbook([ledgerSheet('Skjult', 1, 'hidden')]));
    const r = await run(['statements', '--in', path, '--year', '2026']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(`${path} har intet synligt ark. Angiv arket med --sheet NAVN: "Skjult" (skjult).\n`);
  });
});

describe('Excel error cells and formulas in an .xlsx ledger', () => {
  const row = (cells: Record<string, unknown>) =>
    HEADER.map((h) => (h in cells ? cells[h] : { Debitor: 'D1', CPR: '010190-1234', Fordring: 'F1', Bogføringsdato: '01-02-2026', Art: 'krav', Beløb: 10 }[h]));
  it('an error cell or a formula in an id column (Debitor, Fordring, CPR) is a row error naming the column; it never becomes an id', async () => {
    const rows = [
      HEADER,
      row({ Debitor: { error: '#REF!' } }),
      row({ Fordring: { error: '#N/A' } }),
      row({ CPR: { error: '#VALUE!' } }),
      row({ Debitor: { formula: 'A1&"1"', result: 'D1' } }),
      row({ Fordring: { formula: 'VLOOKUP(A2,X:Y,2,0)' } }),
      row({}),
    ];
    const out = JSON.parse((await run(['statements', '--in', file(await workbook([{ name: 'Posteringer', rows }])), '--year', '2026'])).stdout);
    expect(out.errors).toEqual([
      { row: 2, message: 'Kolonnen "Debitor" har Excel-fejlen #REF! (en formel, der ikke kan beregnes) i stedet for en værdi.' },
      { row: 3, message: 'Kolonnen "Fordring" har Excel-fejlen #N/A (en formel, der ikke kan beregnes) i stedet for en værdi.' },
      { row: 4, message: 'Kolonnen "CPR" har Excel-fejlen #VALUE! (en formel, der ikke kan beregnes) i stedet for en værdi.' },
      { row: 5, message: 'Kolonnen "Debitor" er beregnet af formlen =A1&"1": et id skal stå som værdi, ikke som formel. Kopiér kolonnen og indsæt den som værdier.' },
      { row: 6, message: 'Kolonnen "Fordring" er beregnet af formlen =VLOOKUP(A2,X:Y,2,0): et id skal stå som værdi, ikke som formel. Kopiér kolonnen og indsæt den som værdier.' },
    ]);
    expect(out.debtors.map((d: { debtorId: string }) => d.debtorId)).toEqual(['D1']);
    expect(out.totals.closing).toBe(10);
  });
  it('a formula in an amount or date column counts with the value Excel shows (its cached result); an error, or no saved value, is a row error', async () => {
    const rows = [
      HEADER,
      row({ Beløb: { formula: '2*50', result: 100 } }),
      row({ Bogføringsdato: { formula: 'DATE(2026,3,1)', result: 46082 } }),
      row({ Beløb: { formula: '1/0', result: { error: '#DIV/0!' } } }),
      row({ Beløb: { formula: 'B7*2' } }),
      row({ Art: { error: '#NAME?' } }),
    ];
    const out = JSON.parse((await run(['statements', '--in', file(await workbook([{ name: 'Posteringer', rows }])), '--year', '2026'])).stdout);
    expect(out.errors).toEqual([
      { row: 4, message: 'Kolonnen "Beløb" har formlen =1/0, som giver Excel-fejlen #DIV/0! i stedet for en værdi.' },
      { row: 5, message: 'Kolonnen "Beløb" har formlen =B7*2 uden en gemt værdi (filen er ikke beregnet i Excel). Åbn og gem den i Excel, eller indsæt værdierne.' },
      { row: 6, message: 'Kolonnen "Art" har Excel-fejlen #NAME? (en formel, der ikke kan beregnes) i stedet for en værdi.' },
    ]);
    expect(out.totals.closing).toBe(110);
  });
  it('a date in an id column (Excel turned "1-2" into a date) is a row error, not "Sun Feb 01 …"', async () => {
    const rows = [HEADER, row({ Fordring: new Date(Date.UTC(2026, 1, 1)) }), row({})];
    const out = JSON.parse((await run(['statements', '--in', file(await workbook([{ name: 'Posteringer', rows }])), '--year', '2026'])).stdout);
    expect(out.errors).toEqual([{ row: 2, message: 'Kolonnen "Fordring" er en dato (2026-02-01): et id skal være tekst eller et tal. Formatér kolonnen som tekst i Excel og skriv id\'et igen.' }]);
  });
  it('a formula showing 0 or "" counts with that value (ExcelJS alone dropped them); a row of formulas showing "" (a template filled down) is blank', async () => {
    const head = ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'Navn'].map(text);
    const blank = formula('IF(1,"","")', '');
    const rows = [
      { r: 1, cells: head },
      { r: 2, cells: [text('D1'), text('F1'), num(46054), text('krav'), num(100), blank] },
      { r: 3, cells: [text('D1'), text('F1'), text('01-03-2026'), text('korrektion'), formula('A1*0', 0), null] },
      { r: 4, cells: [blank, blank, blank, blank, blank, blank] },
      { r: 5, cells: [text('D1'), text('F1'), text('05-03-2026'), text('betaling'), formula('-B1', -40), text('Å')] },
      { r: 6, cells: [text('D2'), text('F2'), text('05-03-2026'), text('krav'), formula('1/0', { error: '#DIV/0!' }), null] },
      { r: 7, cells: [text('D3'), text('F3'), text('05-03-2026'), text('krav'), formula('Ark2!A1'), null] },
      { r: 8, cells: [formula('"D"&1', 'D1'), text('F1'), text('05-03-2026'), text('krav'), num(5), null] },
      { r: 9, cells: [null, null, null, null, formula('B9')] },
      { r: 10, cells: [null, null, null, null, null, err('#N/A')] },
    ];
    const path = file(await xlsxFile([{ name: 'Posteringer', xml: sheetXml(rows) }]));
    const out = JSON.parse((await run(['statements', '--in', path, '--year', '2026'])).stdout);
    expect(out.errors).toEqual([
      { row: 6, message: 'Kolonnen "Beløb" har formlen =1/0, som giver Excel-fejlen #DIV/0! i stedet for en værdi.' },
      { row: 7, message: 'Kolonnen "Beløb" har formlen =Ark2!A1 uden en gemt værdi (filen er ikke beregnet i Excel). Åbn og gem den i Excel, eller indsæt værdierne.' },
      { row: 8, message: 'Kolonnen "Debitor" er beregnet af formlen ="D"&1: et id skal stå som værdi, ikke som formel. Kopiér kolonnen og indsæt den som værdier.' },
      { row: 9, message: 'Kolonnen "Beløb" har formlen =B9 uden en gemt værdi (filen er ikke beregnet i Excel). Åbn og gem den i Excel, eller indsæt værdierne.' },
      { row: 10, message: 'Kolonnen "Navn" har Excel-fejlen #N/A (en formel, der ikke kan beregnes) i stedet for en værdi.' },
    ]);
    expect([out.totals.rows, out.totals.closing]).toEqual([3, 60]);
  });
});

/** The zip with the central directory's unpacked size of `name` set to `size` (a directory that lies, or a bomb's). */
function declaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = b.readUInt32LE(end + 16);
  for (let i = 0; i < b.readUInt16LE(end + 10); i += 1) {
    const nameLength = b.readUInt16LE(at + 28);
    if (b.toString('utf8', at + 46, at + 46 + nameLength) === name) b.writeUInt32LE(size, at + 24);
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return new Uint8Array(b);
}

describe('an .xlsx that would unpack beyond what Saldo reads', () => {
  const sheet = sheetXml([
    { r: 1, cells: ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'].map(text) },
    { r: 2, cells: [text('D1'), text('F1'), text('01-02-2026'), text('krav'), num(5)] },
  ]);
  const strings = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>';
  it('shared strings declared beyond the limit (a 12 MB file with 4,5 GB of them ran out of memory): exit 2 before anything is unpacked', async () => {
    const bytes = declaredSize(await xlsxFile([{ name: 'Posteringer', xml: sheet }], { extra: { 'xl/sharedStrings.xml': strings } }), 'xl/sharedStrings.xml', 200 * 1024 * 1024);
    const path = file(bytes);
    const r = await run(['statements', '--in', path, '--year', '2026']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(
      new RegExp(
        `^Posteringsfilen "${path}" kan ikke læses: de delte tekster \\(xl/sharedStrings.xml\\) fylder 200 MB udpakket, og Saldo læser højst 128 MB \\(filen selv er [0-9,]+ kB\\)\\. Del posteringerne i flere filer, eller gem dem som CSV\\.\\n$`,
      ),
    );
  });
  it('a sheet packed far tighter than Excel packs (a zip bomb) is refused by its ratio', async () => {
    // A note of 20 MB of one letter packs about 1000 to 1.
    const rows = [
      { r: 1, cells: ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'Note'].map(text) },
      { r: 2, cells: [text('D1'), text('F1'), text('01-02-2026'), text('krav'), num(5), text('x'.repeat(20_000_000))] },
    ];
    const path = file(await xlsxFile([{ name: 'Posteringer', xml: sheetXml(rows) }]));
    const r = await run(['analyse', '--in', path, '--as-of', '2026-12-31']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(
      /kan ikke læses: arket "Posteringer" er pakket \d+ gange sammen \([0-9,]+ MB udpakket af [0-9,]+ kB\); Excel pakker 5–10 gange, og over 100 gange er filen lavet til at fylde hukommelsen op\./,
    );
  }, 60_000);
  it('a directory that declares less than a part holds: never unpacked past what was declared (exit 2, not memory)', async () => {
    for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml']) {
      const bytes = declaredSize(await xlsxFile([{ name: 'Posteringer', xml: sheet }], { extra: { 'xl/sharedStrings.xml': strings } }), part, 40);
      const r = await run(['statements', '--in', file(bytes), '--year', '2026']);
      expect([part, r.code, r.stdout]).toEqual([part, 2, '']);
      expect(r.stderr).toMatch(/kan ikke læses som \.xlsx: filen er beskadiget eller ikke en Excel-projektmappe\.\n$/);
    }
  });
});

describe('the forældelse columns in an .xlsx ledger (issue 15)', () => {
  it('date cells and dd-mm-åååå text both read; a text that is no date is a row error with its row', async () => {
    const bytes = await workbook([
      {
        name: 'Posteringer',
        rows: [
          ['Debitor', 'Fordring', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb', 'Sidste rettidige betalingsdato', 'Dom/forlig dato'],
          // a date cell: 16-03-2023 → 3 years → 16-03-2026, a Monday (1 Jan 2026 is a Thursday, + 74 days)
          ['D1', 'F1', '01-02-2023', '01-03-2023', 'krav', 800, new Date(Date.UTC(2023, 2, 16)), null],
          // a dom as text: 10 years from 15-01-2025 → 15-01-2035, a Monday (1 Jan 2035 is a Monday)
          ['D1', 'F2', '01-06-2024', '01-06-2024', 'krav', 300, null, '15-01-2025'],
          ['D1', 'F3', '01-06-2024', '01-06-2024', 'krav', 300, null, 'snart'],
        ],
      },
    ]);
    const r = await run(['statements', '--in', file(bytes), '--year', '2025']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.debtors[0].claims.map((c: { claimId: string; limitationDate: string }) => [c.claimId, c.limitationDate])).toEqual([
      ['F1', '2026-03-16'],
      ['F2', '2035-01-15'],
    ]);
    expect(out.errors).toEqual([{ row: 4, message: 'Dom/forlig dato "snart" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' }]);
  });
});
