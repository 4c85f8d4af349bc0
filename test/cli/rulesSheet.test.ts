/**
 * The CLI and the `Saldo-regler` sheet: `saldo regler --out` writes it (.xlsx, .csv), `--rules`
 * reads it back; an edited takst changes the next step's fee; a sheet with a bad row is refused
 * with exit 2 and each problem by its row, in Danish.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const STATUS = readFileSync(`${ROOT}examples/status/aftale-med-indbetalinger.json`, 'utf8');
const NEW_SOURCE = 'Kommunens takstblad 2026 (byrådet 12.11.2026)';

async function writtenRules(out: string): Promise<string | Uint8Array> {
  const r = await cli(['regler', '--out', out]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/Reglerne er skrevet til arket "Saldo-regler"/);
  return r.files.get(out)!;
}

/** The workbook with the public rykker row's takst, Kontrolleret and Kilde set as a controller would type them. */
async function editedXlsx(bytes: Uint8Array, takst: unknown, checked: unknown, source: unknown): Promise<{ bytes: Uint8Array; row: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Saldo-regler')!;
  let row = 0;
  sheet.eachRow((r, n) => {
    if (r.getCell(1).value === 'rykker-udpantningsret') row = n;
  });
  const r = sheet.getRow(row);
  r.getCell(3).value = takst as ExcelJS.CellValue;
  r.getCell(7).value = checked as ExcelJS.CellValue;
  r.getCell(8).value = source as ExcelJS.CellValue;
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), row };
}

describe('saldo regler and --rules with the rules sheet', () => {
  it('the sheet written by "saldo regler" reads back as the shipped rules: the same answer as without --rules', async () => {
    const bytes = await writtenRules('regler.xlsx');
    const plain = await cli(['status', '--in', 'a.json'], { 'a.json': STATUS });
    const withSheet = await cli(['status', '--in', 'a.json', '--rules', 'regler.xlsx'], { 'a.json': STATUS, 'regler.xlsx': bytes });
    expect(withSheet.code).toBe(0);
    expect(withSheet.stderr).toBe('');
    expect(withSheet.stdout).toBe(plain.stdout);
  });
  it('.xlsx: a takst of 200 kr. with its source and date gives the breached agreement\'s rykker "200 kr.", not "højst 250"', async () => {
    const { bytes } = await editedXlsx((await writtenRules('regler.xlsx')) as Uint8Array, 200, new Date(Date.UTC(2026, 11, 1)), NEW_SOURCE);
    const r = await cli(['status', '--in', 'a.json', '--rules', 'regler.xlsx'], { 'a.json': STATUS, 'regler.xlsx': bytes });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { nextSteps: Array<{ step: string; fee: number; feeIsMaximum: boolean }> };
    expect(out.nextSteps[0]).toMatchObject({ step: 'rykker1', fee: 200, feeIsMaximum: false });
    expect(r.stderr).toMatch(/^Regler fra "regler.xlsx": Gebyrer: Rykkergebyr, krav med udpantningsret \(række \d+\)\.\n$/);
  });
  it('.xlsx: a takst changed without a new source is refused with exit 2, the row named in Danish', async () => {
    const { bytes, row } = await editedXlsx((await writtenRules('regler.xlsx')) as Uint8Array, '200,00', '', '');
    const r = await cli(['status', '--in', 'a.json', '--rules', 'regler.xlsx'], { 'a.json': STATUS, 'regler.xlsx': bytes });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(new RegExp(`^Saldo-regler, række ${row}, kolonnen "Kilde": tallene i rækken er ændret: skriv kilden`));
    expect(r.stderr).toMatch(/Regelarket i "regler.xlsx" har 1 fejl: Saldo regner ikke på et regelark, der kun delvist kan læses/);
  });
  it('.xlsx without a "Saldo-regler" sheet: exit 2 with the sheets it has', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ark1').getCell('A1').value = 'x';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await cli(['plan', '--in', 'a.json', '--rules', 'r.xlsx'], { 'a.json': STATUS, 'r.xlsx': bytes });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Regelfilen "r.xlsx" har intet ark med navnet "Saldo-regler" \(arkene hedder "Ark1"\)/);
  });
  it('.csv: the same cells ;-separated with decimal comma; a takst over the legal maximum is exit 2 naming the row', async () => {
    const csv = (await writtenRules('regler.csv')) as string;
    expect(csv.split('\r\n').find((l) => l.startsWith('rykker-udpantningsret;'))).toMatch(
      /^rykker-udpantningsret;Rykkergebyr, krav med udpantningsret;ikke fastsat;250,00;ubegrænset;ingen;01-11-2026;"gebyrloven \(LBK 56\/2018\)/,
    );
    const lines = csv.split('\r\n');
    const row = lines.findIndex((l) => l.startsWith('rykker-udpantningsret;')) + 1;
    const edit = (takst: string) =>
      lines.map((l) => (l.startsWith('rykker-udpantningsret;') ? `rykker-udpantningsret;Rykkergebyr;${takst};250,00;ubegrænset;ingen;01-12-2026;${NEW_SOURCE}` : l)).join('\r\n');
    const good = await cli(['status', '--in', 'a.json', '--rules', 'regler.csv'], { 'a.json': STATUS, 'regler.csv': edit('200,00') });
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).nextSteps[0]).toMatchObject({ fee: 200, feeIsMaximum: false });
    const bad = await cli(['status', '--in', 'a.json', '--rules', 'regler.csv'], { 'a.json': STATUS, 'regler.csv': edit('300,00') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(new RegExp(`^Saldo-regler, række ${row}, kolonnen "Kommunens takst \\(kr\\.\\)": taksten 300,00 kr\\. er over lovens maksimum 250,00 kr\\.`));
  });
  it('"regler" takes only --out (.xlsx or .csv) and --rules', async () => {
    expect((await cli(['regler'])).stderr).toMatch(/Angiv hvor arket skal skrives: regler --out regler.xlsx/);
    expect((await cli(['regler', '--out', 'x.json'])).code).toBe(2);
    const r = await cli(['regler', '--out', 'x.csv', '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year bruges ikke af regler/);
  });
});
