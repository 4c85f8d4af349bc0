import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runOnDisk, spawnCli, tempFiles } from './helpers.js';

const { dir, file } = tempFiles('saldo-ledger-');

const run = runOnDisk;

const ROWS = [
  'Debitor;CPR;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb',
  'D1;010190-1234;Søren Æbelø;F1;daginstitution;01-09-2025;01-09-2025;krav;3.450,00',
  'D1;010190-1234;Søren Æbelø;F1;daginstitution;05-01-2026;;betaling;-1.000,50',
];
const expectSøren = (out: { debtors: Array<{ name: string; closing: number }> }) => {
  expect(out.debtors[0]).toMatchObject({ name: 'Søren Æbelø', closing: 2449.5 });
};

describe('saldo statements on Danish CSV variants', () => {
  it('a header with a quote that never closes is a Danish error, not a crash (found by the fuzz suite)', async () => {
    for (const content of ['"Fm(WRw,', '"Debitor;Beløb\nD1;5\n']) {
      const r = await run(['statements', '--in', file(content), '--year', '2026']);
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/Overskriftsrækken i posteringsfilen .* kan ikke læses: et anførselstegn \("\) åbnes uden at blive lukket/);
    }
  });

  it('"maskCpr" that is not true or false is refused: "ja" must not leave CPR numbers unmasked (found by the fuzz suite)', () => {
    const r = spawnCli(
      ['statements', '--in', '-'],
      JSON.stringify({ year: 2026, maskCpr: 'ja', ledger: [{ debtorId: 'D1', cpr: '010203-1234', claimId: 'F1', postingDate: '2026-02-01', kind: 'krav', amount: 100 }] }),
    );
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^maskCpr skal være true eller false \(fik "ja"\)/);
  });

  it('--mask-cpr (or --year) with JSON from standard input is refused, not ignored: CPR numbers are never printed by mistake (found by review)', () => {
    const input = JSON.stringify({ year: 2026, ledger: [{ debtorId: 'D1', cpr: '0102031234', claimId: 'F1', postingDate: '2026-02-01', kind: 'krav', amount: 100 }] });
    for (const option of [['--mask-cpr'], ['--year', '2025']]) {
      const r = spawnCli(['statements', '--in', '-', ...option], input);
      expect(r.status).toBe(2);
      expect(r.stdout).not.toMatch(/0102031234/);
      expect(r.stderr).toMatch(/bruges med en posteringsfil/);
    }
  });

  it('a reader that stops early (| head) is a normal end, exit 0, not "Intern fejl: write EPIPE" (found by review)', async () => {
    const { spawn } = await import('node:child_process');
    const rows = Array.from({ length: 20_000 }, (_, i) => `D${i};F${i};01-02-2026;krav;100`).join('\n');
    const path = file(`Debitor;Fordring;Bogføringsdato;Art;Beløb\n${rows}\n`);
    const child = spawn(process.execPath, ['cli/saldo.cjs', 'statements', '--in', path, '--year', '2026'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/Intern fejl/);
    expect(code).toBe(0);
  }, 30_000);

  it('a long output through a slow pipe leaves no English warning on stderr (found by review: MaxListenersExceededWarning)', async () => {
    const { spawn } = await import('node:child_process');
    const rows = Array.from({ length: 60_000 }, (_, i) => `D${i};F${i};01-02-2026;krav;100`).join('\n');
    const path = file(`Debitor;Fordring;Bogføringsdato;Art;Beløb\n${rows}\n`);
    const child = spawn(process.execPath, ['cli/saldo.cjs', 'statements', '--in', path, '--year', '2026'], { cwd: ROOT });
    let stderr = '';
    let bytes = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // read slowly, so that the writer waits for 'drain' many times
    child.stdout.on('data', (d: Buffer) => {
      bytes += d.length;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 1);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(bytes).toBeGreaterThan(1_000_000);
    // Only the line account: 60,000 rows written above and the header.
    expect(stderr).toBe('Posteringsfilen: 60001 linjer læst = 1 overskrift + 60000 godkendt + 0 fejl.\n');
  }, 60_000);

  it('files that are not what their names say, and outputs that cannot be written: exit 2 in Danish, naming the right file (found by review)', async () => {
    const { mkdirSync } = await import('node:fs');
    const folder = join(dir, 'mappe.xlsx');
    mkdirSync(folder, { recursive: true });
    const cases: Array<[string[], string]> = [
      [['statements', '--in', file(Buffer.from('PK\u0003\u0004rest')), '--year', '2026'], 'er en Excel-projektmappe (.xlsx), men navnet siger CSV'],
      [['analyse', '--in', file(Buffer.from('PK\u0003\u0004rest')), '--as-of', '2026-12-31'], 'er en Excel-projektmappe (.xlsx), men navnet siger CSV'],
      [['statements', '--in', file(Buffer.from([0xff, 0xfe, 0x44, 0x00])), '--year', '2026'], 'er gemt som UTF-16'],
      [['statements', '--in', file('Debitor;Fordring\n', 'xlsx'), '--year', '2026'], 'er ikke en .xlsx-projektmappe'],
      [['statements', '--in', file('', 'xlsx'), '--year', '2026'], 'er tom.'],
      [['statements', '--in', file('PK', 'xlsx'), '--year', '2026'], 'er ikke en .xlsx-projektmappe'],
      [['statements', '--in', file(Buffer.from('\ufeff[]', 'utf16le'), 'json'), '--year', '2026'], 'er gemt som UTF-16 ("Unicode-tekst"). Gem den som UTF-8.'],
      [['plan', '--in', file(Buffer.from('\ufeff{}', 'utf16le'), 'json')], 'er gemt som UTF-16 ("Unicode-tekst"). Gem den som UTF-8.'],
      [['statements', '--in', file(Buffer.from('PK\u0003\u0004broken'), 'xlsx'), '--year', '2026'], 'kan ikke læses som .xlsx'],
      [['statements', '--in', folder, '--year', '2026'], 'er en mappe, ikke en fil.'],
      [
        ['statements', '--in', 'examples/ledger/posteringer.csv', '--year', '2026', '--out', '/findes/ikke/x.json'],
        'Filen "/findes/ikke/x.json" kan ikke oprettes: mappen, den skal ligge i, findes ikke.',
      ],
      [['statements', '--in', 'examples/ledger/posteringer.csv', '--year', '2026', '--letters', '/findes/ikke/b.xlsx'], 'Filen "/findes/ikke/b.xlsx" kan ikke oprettes'],
      [['plan', '--in', 'examples/betalingsaftaler/1-daginstitution.json', '--out', folder], `Filen "${folder}" er en mappe, ikke en fil.`],
      [['plan', '--in', dir], `Inputfilen "${dir}" er en mappe, ikke en fil.`],
    ];
    for (const [args, message] of cases) {
      const r = spawnCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr).not.toMatch(/Intern fejl|posteringer\.csv" findes ikke/);
    }
  }, 180_000);

  it('a JSON ledger that is not JSON says where, in Danish', async () => {
    const r = await run(['statements', '--in', file('[{"Debitor": "D1",}]', 'json'), '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Posteringsfilen er ikke gyldig JSON ved linje 1, tegn \d+\. Tjek kommaer/);
  });

  it('UTF-8 without BOM, LF', async () => {
    expectSøren(JSON.parse((await run(['statements', '--in', file(ROWS.join('\n')), '--year', '2026'])).stdout));
  });
  it('UTF-8 with BOM and CRLF', async () => {
    expectSøren(JSON.parse((await run(['statements', '--in', file(`\uFEFF${ROWS.join('\r\n')}\r\n`), '--year', '2026'])).stdout));
  });
  it('Windows-1252 (æøå as single bytes), detected', async () => {
    const bytes = Buffer.from(ROWS.join('\r\n'), 'latin1'); // æ, ø, å and Æ are the same bytes in Latin-1 and Windows-1252
    expect(bytes.includes(0xf8)).toBe(true); // ø
    const r = await run(['statements', '--in', file(bytes), '--year', '2026']);
    expectSøren(JSON.parse(r.stdout));
    expect(JSON.parse(r.stdout).source.format).toBe('windows-1252');
  });
  it('Windows-1252 bytes far into a file that starts in plain ASCII', async () => {
    const ascii = Array.from({ length: 30_000 }, (_, i) => `D${i + 10};;Jens Hansen;G${i};andet;01-01-2026;;krav;1,00`);
    const bytes = Buffer.from([ROWS[0], ...ascii, ROWS[1], ROWS[2]].join('\n'), 'latin1');
    const out = JSON.parse((await run(['statements', '--in', file(bytes), '--year', '2026'])).stdout);
    expect(out.debtors.find((d: { debtorId: string }) => d.debtorId === 'D1').name).toBe('Søren Æbelø');
  });
  it('comma-separated with decimal points, quoted fields holding ; , and "', async () => {
    const csv = [
      'debtorId,debtorName,claimId,claimType,postingDate,dueDate,kind,amount,ekstra',
      'D7,"Hansen; Jens ""Junior""",C1,renovation,2026-02-01,2026-03-01,krav,1234.50,x',
      'D7,"Hansen; Jens ""Junior""",C1,renovation,2026-03-15,,betaling,-234.5,"a,b"',
    ].join('\n');
    const out = JSON.parse((await run(['statements', '--in', file(csv), '--year', '2026'])).stdout);
    expect(out.debtors[0]).toMatchObject({ name: 'Hansen; Jens "Junior"', closing: 1000 });
  });
  it('every malformed row is reported with its row number and left out of the sums', async () => {
    const csv = [
      ROWS[0],
      ';;Uden Debitor;F1;andet;01-01-2026;;krav;100,00',
      'D1;;X;F1;andet;31-02-2026;;krav;100,00',
      'D1;;X;F1;andet;01-01-2026;;overførsel;100,00',
      'D1;;X;F1;andet;01-01-2026;;krav;1.00,5',
      'D1;;X;;andet;01-01-2026;;krav;100',
      'D1;;X;F1;andet;01-01-2026;;krav;100,00',
    ].join('\n');
    const r = await run(['statements', '--in', file(csv), '--year', '2026']);
    const out = JSON.parse(r.stdout);
    expect(out.errors.map((e: { row: number }) => e.row)).toEqual([2, 3, 4, 5, 6]);
    expect(out.errors.map((e: { message: string }) => e.message)).toEqual([
      'Debitor mangler.',
      expect.stringMatching(/Bogføringsdatoen "31-02-2026"/),
      expect.stringMatching(/Ukendt art "overførsel"/),
      expect.stringMatching(/Beløbet "1.00,5"/),
      'Fordring mangler.',
    ]);
    expect(out.totals).toMatchObject({ rows: 1, closing: 100 });
    expect(r.stderr).toMatch(/5 rækker kunne ikke læses/);
  });
  it('the forældelse columns and modregning in a Danish CSV: dd-mm-åååå dates, a bad date is a row error', async () => {
    const csv = [
      'Debitor;Fordring;Bogføringsdato;Forfaldsdato;Art;Beløb;Sidste rettidige betalingsdato;Dom/forlig dato',
      // due 01-03-2023, timely to 16-03-2023: 3 years → 16-03-2026, a Monday (1 Jan 2026 is a
      // Thursday, + 74 days); the modregning of 2024 does not interrupt: forældet at 31-12-2026
      'D1;F1;01-02-2023;01-03-2023;krav;800,00;16-03-2023;',
      'D1;F1;10-05-2024;;modregning;-100,00;;',
      'D1;F2;01-02-2023;01-03-2023;krav;800,00;1-13-2023;',
      'D1;F3;01-02-2023;01-03-2023;krav;800,00;;30.02.2024',
    ].join('\n');
    const out = JSON.parse((await run(['statements', '--in', file(csv), '--year', '2026'])).stdout);
    expect(out.debtors[0].claims[0]).toMatchObject({ claimId: 'F1', closing: 700, limitationDate: '2026-03-16', timeBarred: true });
    expect(out.debtors[0].movements).toEqual({});
    expect(out.errors).toEqual([
      { row: 4, message: 'Sidste rettidige betalingsdato "1-13-2023" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' },
      { row: 5, message: 'Dom/forlig dato "30.02.2024" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' },
    ]);
  });
  it('two columns for one field are refused, not the first taken (found by review: a posting of 3 January counted in primo)', async () => {
    const r = await run(['statements', '--in', file('Debitor;Fordring;Dato;Bogføringsdato;Art;Beløb\nD1;F1;28-12-2025;03-01-2026;krav;100\n'), '--year', '2026']);
    expect(r).toMatchObject({
      code: 2,
      stderr: 'Posteringslisten har to kolonner for det samme: "Dato" og "Bogføringsdato" (Bogføringsdato). Fjern eller omdøb den ene, så det er klart, hvilken der gælder.\n',
    });
    expect((await run(['analyse', '--in', file('Debitor;Fordring;Bogføringsdato;Art;Beløb;Beløb\nD1;F1;03-01-2026;krav;100;250\n'), '--as-of', '2026-12-31'])).stderr).toMatch(
      /"Beløb" og "Beløb" \(Beløb\)/,
    );
  });
  it('names the missing columns when the header is wrong; exit 2', async () => {
    const r = await run(['statements', '--in', file('Navn;Beløb\nX;1'), '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mangler kolonnerne Debitor, Fordring, Bogføringsdato, Art/);
  });
  it('asks for --year, and says when the file does not exist', async () => {
    expect((await run(['statements', '--in', file(ROWS.join('\n'))])).stderr).toMatch(/--year: angiv opgørelsesåret/);
    expect((await run(['statements', '--in', join(dir, 'findes-ikke.csv'), '--year', '2026'])).stderr).toMatch(/findes ikke/);
  });
});

describe('workbooks from a ledger', () => {
  const evil = '=HYPERLINK("http://evil.example","klik")';
  const csv = [ROWS[0], `D9;;${evil.replace(/"/g, '""').replace(/^/, '"').concat('"')};F1;andet;01-01-2026;01-01-2026;krav;500,00`, ...ROWS.slice(1)].join('\n');
  it('a name like =HYPERLINK("…") stays text in the statements workbook and the letters', async () => {
    const path = file(csv);
    const r = await run(['statements', '--in', path, '--year', '2026', '--out', 'x.xlsx', '--letters', 'breve.xlsx', '--kommune', 'Eksempel Kommune', '--contact', 'tlf. 70 10 20 30']);
    expect(r.code).toBe(0);
    for (const name of ['x.xlsx', 'breve.xlsx']) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((r.written.get(name) as Uint8Array).buffer as ArrayBuffer);
      const cells: ExcelJS.Cell[] = [];
      wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(c))));
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
      expect(cells.some((c) => c.value === evil)).toBe(true);
    }
  });
  it('the statements workbook has a summary, a per-claim sheet and an errors sheet', async () => {
    const r = await run(['statements', '--in', file(ROWS.join('\n')), '--year', '2026', '--out', 'x.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r.written.get('x.xlsx') as Uint8Array).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Oversigt', 'Fordringer', 'Fejl']);
    const claims = wb.getWorksheet('Fordringer')!;
    expect(claims.getCell('B2').value).toBe('Søren Æbelø');
    expect(claims.getCell('F2').value).toBe(3450); // primo
    expect(claims.getCell('F2').numFmt).toBe('#,##0.00 "kr."');
  });
  it('the per-claim sheet shows forældelse: date, forældet (ja/delvis) and its grounds in words', async () => {
    const r = await run(['statements', '--in', file(ROWS.join('\n')), '--year', '2026', '--out', 'x.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r.written.get('x.xlsx') as Uint8Array).buffer as ArrayBuffer);
    const claims = wb.getWorksheet('Fordringer')!;
    const header = (claims.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-4)).toEqual(['Alder (dage)', 'Forældelse', 'Forældet', 'Forældelse, grundlag']);
    const row = (claims.getRow(2).values as unknown[]).slice(1);
    // F1 due 01-09-2025, paid on 05-01-2026: 3 years from the payment → 05-01-2029, a Friday.
    expect(row.at(-3)).toEqual(new Date(Date.UTC(2029, 0, 5)));
    expect(row.at(-2) ?? null).toBe(null);
    expect(row.at(-1)).toBe('3 år fra sidste betaling 05-01-2026 (forældelsesloven §§ 3, 15, 19 stk. 2): fristen udløber 05-01-2029.');
  });
  it('letters: one page per debtor in friendly Danish, with page breaks', async () => {
    const path = file([ROWS[0], 'D2;;Jens Hansen;G1;renovation;01-02-2026;01-03-2026;krav;1.200,00', ...ROWS.slice(1)].join('\n'));
    const r = await run(['statements', '--in', path, '--year', '2026', '--letters', 'breve.xlsx', '--mask-cpr', '--kommune', 'Eksempel Kommune', '--contact', 'Opkrævningen, tlf. 70 10 20 30']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r.written.get('breve.xlsx') as Uint8Array).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('Saldoopgørelser')!;
    const text = sheet.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(text.filter((t) => t === 'Saldoopgørelse pr. 31. december 2026')).toHaveLength(2);
    expect(text).toContain('CPR-nr.: 010190-xxxx');
    expect(text).toContain('Kære Søren Æbelø');
    // 3.450,00 − 1.000,50 = 2.449,50 open daginstitution (udpantningsret: gebyrer and renter can follow).
    expect(text).toContain('Du skylder i alt 2.449,50 kr. Betal gerne hurtigst muligt, så undgår du flere gebyrer og renter.');
    expect(text).toContain('Du har betalt');
    expect(text).not.toContain('Tak fordi du har betalt.');
    expect(text).toContain('Har du spørgsmål, så kontakt os: Opkrævningen, tlf. 70 10 20 30.');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});

describe('saldo analyse', () => {
  it('ages, develops and ranks from a CSV file', async () => {
    const r = await run(['analyse', '--in', file(ROWS.join('\n')), '--as-of', '2026-12-31', '--out', 'a.xlsx']);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((r.written.get('a.xlsx') as Uint8Array).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Oversigt', 'Aldersfordeling', 'Udvikling', 'Tilgang og afgang', 'Største debitorer', 'Fejl']);
    expect(wb.getWorksheet('Oversigt')!.getCell('B2').value).toBe(2449.5);
  });
  it('JSON ledgers work through standard input too', () => {
    const input = { asOf: '2026-12-31', ledger: [{ debtorId: 'D1', claimId: 'F1', postingDate: '2026-01-05', dueDate: '2026-01-05', kind: 'krav', amount: 100 }] };
    const r = spawnCli(['analyse', '--in', '-'], JSON.stringify(input));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary.balance).toBe(100);
  });
});

describe('charts in the analysis workbook', () => {
  it('holds a stacked column chart of the aging and a line chart of the month-end balances, and still opens', async () => {
    const JSZip = (await import('jszip')).default;
    const r = await run(['analyse', '--in', file(ROWS.join('\n')), '--as-of', '2026-12-31', '--out', 'a.xlsx']);
    const bytes = r.written.get('a.xlsx') as Uint8Array;
    const zip = await JSZip.loadAsync(bytes);
    const chart1 = await zip.file('xl/charts/chart1.xml')!.async('string');
    const chart2 = await zip.file('xl/charts/chart2.xml')!.async('string');
    expect(chart1).toMatch(/<c:barChart><c:barDir val="col"\/><c:grouping val="stacked"\/>/);
    expect(chart1).toContain("<c:f>'Aldersfordeling'!$B$1:$H$1</c:f>");
    expect(chart2).toMatch(/<c:lineChart>/);
    expect(chart2).toContain("<c:f>'Udvikling'!$A$2:$A$13</c:f>");
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('/xl/charts/chart2.xml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.getWorksheet('Udvikling')!.getCell('B13').value).toBe(2449.5); // December's month-end balance for daginstitution
  });
});

describe('xlsx and JSON ledgers', () => {
  it('reads the first sheet of an .xlsx ledger: numbers, dates and text cells', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Posteringer');
    sheet.addRow(['Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb']);
    sheet.addRow(['D1', 'Søren Æbelø', 'F1', 'daginstitution', new Date(Date.UTC(2025, 8, 1)), new Date(Date.UTC(2025, 8, 1)), 'krav', 3450]);
    sheet.addRow(['D1', 'Søren Æbelø', 'F1', 'daginstitution', '05-01-2026', null, 'betaling', -1000.5]);
    sheet.addRow(['D2', 'X', 'G1', 'andet', 'i går', null, 'krav', 1]);
    wb.addWorksheet('Noter').addRow(['ignoreres']);
    const path = file(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    const out = JSON.parse((await run(['statements', '--in', path, '--year', '2026'])).stdout);
    expect(out.debtors[0]).toMatchObject({ debtorId: 'D1', opening: 3450, closing: 2449.5 });
    expect(out.errors).toEqual([{ row: 4, message: expect.stringMatching(/Bogføringsdatoen "i går"/) }]);
    expect(out.source.format).toBe('xlsx');
  });
  it('an .xlsx formula saved without its value, or an error value, is a row error that shows it (not {"formula":…})', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Posteringer');
    sheet.addRow(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb']);
    sheet.addRow(['D1', 'F1', '01-02-2026', 'krav', { formula: '1/0' }]);
    sheet.addRow(['D1', 'F1', '01-02-2026', 'krav', { error: '#DIV/0!' }]);
    sheet.addRow(['D1', 'F1', '01-02-2026', 'krav', { formula: '2*50', result: 100 }]);
    const out = JSON.parse((await run(['statements', '--in', file(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx'), '--year', '2026'])).stdout);
    expect(out.errors).toEqual([
      { row: 2, message: 'Kolonnen "Beløb" har formlen =1/0 uden en gemt værdi (filen er ikke beregnet i Excel). Åbn og gem den i Excel, eller indsæt værdierne.' },
      { row: 3, message: 'Kolonnen "Beløb" har Excel-fejlen #DIV/0! (en formel, der ikke kan beregnes) i stedet for en værdi.' },
    ]);
    expect(out.totals.closing).toBe(100);
  });
  it('reads a JSON ledger file', async () => {
    const path = file(JSON.stringify([{ debtorId: 'D1', claimId: 'F1', postingDate: '2026-01-05', kind: 'krav', amount: 100 }]), 'json');
    const out = JSON.parse((await run(['statements', '--in', path, '--year', '2026'])).stdout);
    expect(out.totals.closing).toBe(100);
  });
});

describe('damaged CSV (review findings)', () => {
  it('a line with too few fields is reported on its own and does not swallow the next line', async () => {
    const csv = ['debtorId;claimId;postingDate;kind;amount', '5', '6;F6;01-02-2026;krav;9', '7;F7;01-02-2026;krav;10'].join('\n');
    const out = JSON.parse((await run(['statements', '--in', file(csv), '--year', '2026'])).stdout);
    expect(out.errors).toEqual([{ row: 2, message: 'Rækken har 1 felt, men overskriften har 5 – der mangler felter ("5").' }]);
    expect(out.debtors.map((d: { debtorId: string }) => d.debtorId)).toEqual(['6', '7']);
  });
  it('a short last line is reported, also without a final line break (it used to vanish)', async () => {
    for (const ending of ['', '\n']) {
      const csv = `debtorId;claimId;postingDate;kind;amount\n7;F7;01-02-2026;krav;10\n8;F8${ending}`;
      const out = JSON.parse((await run(['statements', '--in', file(csv), '--year', '2026'])).stdout);
      expect(out.errors).toEqual([{ row: 3, message: expect.stringMatching(/Rækken har 2 felter, men overskriften har 5/) }]);
      expect(out.totals.closing).toBe(10);
    }
  });
  it('analyse reports a short last line as well', async () => {
    const csv = 'debtorId;claimId;postingDate;dueDate;kind;amount\n7;F7;01-02-2026;01-02-2026;krav;10\n8;F8';
    const out = JSON.parse((await run(['analyse', '--in', file(csv), '--as-of', '2026-12-31'])).stdout);
    expect(out.errors).toEqual([{ row: 3, message: expect.stringMatching(/Rækken har 2 felter, men overskriften har 6 – der mangler felter/) }]);
    expect(out.summary.balance).toBe(10);
  });
  it('with quotes in the file, a short last line is reported too', async () => {
    const csv = 'debtorId;debtorName;claimId;postingDate;kind;amount\n7;"A; B";F7;01-02-2026;krav;10\n8';
    const out = JSON.parse((await run(['statements', '--in', file(csv), '--year', '2026'])).stdout);
    expect(out.errors).toEqual([{ row: 3, message: expect.stringMatching(/Rækken har 1 felt, men overskriften har 6 – der mangler felter/) }]);
    expect(out.debtors[0].name).toBe('A; B');
  });
  // Found by review: uDSV reads quotes leniently, and a broken quote swallowed the rows after it
  // with exit 0 and no error. Each case: the good rows' sum by hand, the broken row listed.
  const H = 'Debitor;Fordring;Bogføringsdato;Art;Beløb';
  const quoteCases: Array<[string, string[], number, Array<[number, RegExp]>]> = [
    // D1 100 + D4 400 = 500; the line with the open quote is row 3.
    ['a quote that never closes', [H, 'D1;F1;01-02-2026;krav;100', 'D3;"F3;01-02-2026;krav;300', 'D4;F4;01-02-2026;krav;400'], 500, [[3, /lukkes ikke på samme linje/]]],
    ['a quote in the middle of a field', [H, 'D1;F1;01-02-2026;krav;100', 'D3;F"3;01-02-2026;krav;300', 'D4;F4;01-02-2026;krav;400'], 500, [[3, /midt i et felt/]]],
    // D3's quote "closes" two lines down, in D5's line: each of the two lines is refused on its own
    // and D4 between them is a posting of its own (it used to be swallowed with them): 100 + 400 + 600.
    [
      'a quote closed lines further down',
      [H, 'D1;F1;01-02-2026;krav;100', 'D3;"F3;01-02-2026;krav;300', 'D4;F4;01-02-2026;krav;400', 'D5;F5";01-02-2026;krav;500', 'D6;F6;01-02-2026;krav;600'],
      1100,
      [
        [3, /lukkes ikke på samme linje/],
        [5, /midt i et felt/],
      ],
    ],
  ];
  for (const [what, lines, sum, errors] of quoteCases) {
    it(`${what}: the row is listed as an error and no good row is lost (statements and analyse)`, async () => {
      const path = file(`${lines.join('\n')}\n`);
      const s = JSON.parse((await run(['statements', '--in', path, '--year', '2026'])).stdout);
      expect(s.errors).toEqual(errors.map(([row, message]) => ({ row, message: expect.stringMatching(message) })));
      expect(Math.round(s.totals.closing * 100)).toBe(sum * 100);
      const a = JSON.parse((await run(['analyse', '--in', path, '--as-of', '2026-12-31'])).stdout);
      expect(a.errors).toEqual(s.errors);
      expect(a.summary.balance).toBe(sum);
    });
  }
  it('a quoted name that closes and runs on into the next line: each broken line refused on its own (D4 is not hidden in a name)', async () => {
    const csv = [
      'Debitor;Fordring;Bogføringsdato;Art;Beløb;Navn',
      'D1;F1;01-02-2026;krav;100;Ane',
      'D3;F3;01-02-2026;krav;300;"Hans',
      '"D4;F4;01-02-2026;krav;400;Ole',
      'D5;F5;01-02-2026;krav;500;Bo',
    ].join('\n');
    const out = JSON.parse((await run(['statements', '--in', file(csv), '--year', '2026'])).stdout);
    // D3's quote opens a name that runs into D4's line; D4's own line starts with a stray quote.
    expect(out.errors).toEqual([
      { row: 3, message: expect.stringMatching(/lukkes ikke på samme linje/) },
      { row: 4, message: expect.stringMatching(/lukkes ikke på samme linje/) },
    ]);
    // D1 100 + D5 500
    expect(out.totals.closing).toBe(600);
    expect(out.debtors.map((d: { name: string }) => d.name)).toEqual(['Ane', 'Bo']);
  });
  it('number cells are kroner with a decimal point: 1.234 has too many decimals, it is not 1.234 kr.', async () => {
    const input = {
      year: 2026,
      ledger: [
        { debtorId: '1', claimId: 'F1', postingDate: '2026-02-01', kind: 'krav', amount: 1.234 },
        { debtorId: '1', claimId: 'F1', postingDate: '2026-02-01', kind: 'krav', amount: 12.5 },
      ],
    };
    const out = JSON.parse(spawnCli(['statements', '--in', '-'], JSON.stringify(input)).stdout);
    expect(out.totals.closing).toBe(12.5);
    expect(out.errors).toEqual([{ row: 2, message: expect.stringMatching(/Beløbet "1.234"/) }]);
  });
  it('an empty file is an error; separator-only lines are skipped', async () => {
    expect((await run(['statements', '--in', file(''), '--year', '2026'])).stderr).toMatch(/er tom/);
    // an empty JSON list, from a file or inside the input: said so, not "mangler kolonnerne … (fandt )" (found by review)
    expect(await run(['analyse', '--in', file('[]', 'json'), '--as-of', '2026-12-31'])).toMatchObject({ code: 2, stderr: 'Posteringslisten er tom: den har ingen posteringer.\n' });
    expect(spawnCli(['statements', '--in', '-'], JSON.stringify({ year: 2026, ledger: [] }))).toMatchObject({ status: 2, stderr: 'Posteringslisten er tom: den har ingen posteringer.\n' });
    const out = JSON.parse((await run(['statements', '--in', file([ROWS[0], ';;;;;;;;', ROWS[1]].join('\n')), '--year', '2026'])).stdout);
    expect(out.errors).toEqual([]);
  });
});
