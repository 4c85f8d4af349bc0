import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { FollowupOutput } from '../../core/commands/followup.js';
import { cli, ROOT, spawnCli } from './helpers.js';

const example = readFileSync(join(ROOT, 'test', 'fixtures', 'followup', 'seks-maal-q3.json'), 'utf8');
const wholePlan = readFileSync(join(ROOT, 'examples', 'opfoelgning', 'motorstyrelsen-2025.json'), 'utf8');
const campaign = readFileSync(join(ROOT, 'examples', 'opfoelgning', 'ekstraordinaer-indsats.json'), 'utf8');

async function sheetOf(bytes: Uint8Array, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}

describe('saldo followup', () => {
  it('answers the bundled Motorstyrelsen example with statuses worked by hand', async () => {
    const r = await cli(['followup', '--in', 'm.json'], { 'm.json': example });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as FollowupOutput;
    const byId = Object.fromEntries(out.rows.map((row) => [row.id, row]));
    // 2.1: (2,750 + 3,120 + 2,940) / (19,800 + 20,900 + 18,700) = 8,810 / 59,400 = 14.83 % → gul (within 2 points of 15 %).
    expect(byId['2.1']!.ytd).toBeCloseTo(8810 / 59400, 12);
    expect(byId['2.1']!.status).toBe('gul');
    // 2.1a: 8,810 pristjek against 12,000 × 3/4 = 9,000 expected; 190 short, margin 600 × 3/4 = 450 → gul.
    expect(byId['2.1a']).toMatchObject({ ytd: 8810, expected: 9000, status: 'gul' });
    // 2.2: 4,790 / 6,840 = 70.03 % → grøn; last quarter's text is carried over.
    expect(byId['2.2']!.status).toBe('grøn');
    expect(byId['2.2']!.cause).toMatch(/Modellen til risikobaseret udvælgelse/);
    // 2.3: 1,943 / 1,961 = 99.08 % → grøn. 3.2: due Q4, not done, Q3 reported → grøn.
    expect(byId['2.3']!.status).toBe('grøn');
    expect(byId['3.2']!.status).toBe('grøn');
  });

  it('answers the whole 2025 plan (every goal of seeds/002, counts invented), statuses worked by hand', async () => {
    const r = await cli(['followup', '--in', 'm.json'], { 'm.json': wholePlan });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as FollowupOutput;
    const status = Object.fromEntries(out.rows.map((row) => [row.id, row.status]));
    expect(out.rows.map((row) => row.id)).toEqual(['1.1', '1.2a', '1.2b', '2.1', '2.1a', '2.2', '2.3', '3.1', '3.2', '4.1', 'R.1']);
    // 1.1: the survey's 4,1 points in Q3 against at least 4,0 → grøn.
    // 1.2a telefon: 24.485 / 6.050 = 4,047 → grøn; 1.2b mail: 10.140 / 2.630 = 3,856, within 0,2 of 4 → gul.
    // 2.3: 1.943 / 1.961 = 99,08 %, 95 %-interval 98,55–99,42 % holds 99 % → gul (the sample cannot tell).
    // 3.1: the Q3 milestone is marked done 3 October, after the period reported → overdue on 30 September → rød.
    // 3.2: three of four milestones done on time, the fourth due in Q4 → grøn.
    // 4.1: 5.720 / 6.000 = 95,33 %, interval 94,8–95,8 % holds 95 % → gul. R.1 has no target: not judged.
    expect(status).toEqual({ '1.1': 'grøn', '1.2a': 'grøn', '1.2b': 'gul', '2.1': 'gul', '2.1a': 'gul', '2.2': 'grøn', '2.3': 'gul', '3.1': 'rød', '3.2': 'grøn', '4.1': 'gul', 'R.1': null });
    const byId = Object.fromEntries(out.rows.map((row) => [row.id, row]));
    expect(byId['R.1']!.ytd).toBeCloseTo((41.5 + 40.2 + 38.9) / 3, 12);
    expect([byId['2.3']!.pejlemærke, byId['2.3']!.category]).toEqual(['2', 'Drift']);
    expect(out.warnings).toEqual([
      'Mål 3.1: milepælen "Udvikling af stopklodser og adviser afsluttet" er markeret nået 03-10-2025, efter perioden der rapporteres for (til 30-09-2025). Den tæller ikke med i denne opfølgning.',
    ]);
  });

  it('follows the campaign month by month; the inddrivelsesprocent is the mean of the months', async () => {
    const out = JSON.parse((await cli(['followup', '--in', 'c.json'], { 'c.json': campaign })).stdout) as FollowupOutput;
    expect(out).toMatchObject({ granularity: 'month', elapsed: 4 });
    const procent = out.rows.find((row) => row.id === '5')!;
    // Months 95, 118/104·100 = 113.46, 121/97·100 = 124.74, 109/101·100 = 107.92: mean 110.28 → grøn.
    expect(procent.ytd).toBeCloseTo((95 + 11800 / 104 + 12100 / 97 + 10900 / 101) / 4, 10);
    expect(procent.status).toBe('grøn');
    // Count goal after 4 of 12 months: 184 aftaler against 600 × 4/12 = 200 expected; 16 short, margin 60 × 4/12 = 20 → gul.
    expect(out.rows.find((row) => row.id === '2')).toMatchObject({ ytd: 184, expected: 200, status: 'gul' });
  });

  it('writes the template with conditional status colours, a chart per measured goal, and text as text', async () => {
    const input = JSON.parse(example) as { goals: Array<{ name: string }> };
    input.goals[0]!.name = '=HYPERLINK("http://x.invalid","klik")';
    const r = await cli(['followup', '--in', 'm.json', '--out', 'o.xlsx'], { 'm.json': JSON.stringify(input) });
    expect(r.code).toBe(0);
    const bytes = r.files.get('o.xlsx') as Uint8Array;
    const sheet = await sheetOf(bytes, 'Opfølgning');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'Nr.',
      'Mål',
      'Resultatkrav',
      '1. kvt.',
      '2. kvt.',
      '3. kvt.',
      '4. kvt.',
      'Status sidst',
      'År til dato',
      'Årsag/konsekvens',
      'Handling',
      'Målværdi',
      'Prognose for året',
      'Forklaring',
      'Hvad skal der til',
      'Pejlemærke',
      'Måltype',
    ]);
    expect(sheet.getCell('B4').value).toBe('=HYPERLINK("http://x.invalid","klik")'); // a string, not a formula
    expect(sheet.getCell('B4').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('H5').value).toBe('gul');
    expect(sheet.getCell('E5').numFmt).toBe('0.0 %');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // Status colours are rules on the status column, not static fills: a status typed by hand is coloured too.
    expect(xml).toMatch(/<conditionalFormatting sqref="H4:H9">/);
    expect((xml.match(/<cfRule type="cellIs"[^>]*operator="equal"/g) ?? []).length).toBe(3);
    expect(xml).toContain('<formula>&quot;rød&quot;</formula>');
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(5); // 6 goals, one milestone
    // A quarter without data is a gap in the line, not a drop to 0 (the file format's default is "zero";
    // LibreOffice drew the 4th quarter at 0 before this was set).
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
    // …and each period a marker, so a period alone between gaps (or January alone) is seen.
    expect(chart).toContain('<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>');
    // Printed landscape, one page wide.
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('monthly data: the workbook read back has month columns, empty cells for months not reported, charts of 12 months (issue 21)', async () => {
    const r = await cli(['followup', '--in', 'c.json', '--out', 'c.xlsx'], { 'c.json': campaign });
    expect(r.code, r.stderr).toBe(0);
    const bytes = r.files.get('c.xlsx') as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    // the template shows the months itself: no "Måneder" sheet
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Opfølgning', 'Diagrammer', 'Årsrapport']);
    const sheet = wb.getWorksheet('Opfølgning')!;
    expect((sheet.getRow(3).values as unknown[]).slice(4, 16)).toEqual(['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.']);
    expect(sheet.getCell('P3').value).toBe('Status sidst');
    // 2 aftaler (row 5): 41, 52, 47, 44 in D–G; May (H) to December (O) are empty cells, not 0
    expect(['D5', 'E5', 'F5', 'G5'].map((a) => sheet.getCell(a).value)).toEqual([41, 52, 47, 44]);
    for (const a of ['H5', 'I5', 'O5']) expect(sheet.getCell(a).type, a).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getCell('D5').numFmt).toBe('#,##0');
    // 5 the procent: 95 in January with two decimals, never "95," from #,##0.##
    expect(sheet.getCell('D8').value).toBe(95);
    expect(sheet.getCell('D8').numFmt).toBe('#,##0.00');
    // in the file (ExcelJS drops a width of exactly 9, its default, and Excel would draw 8.43)
    expect(sheet.getColumn('D').width).toBe(9.5);
    expect(sheet.getColumn('O').width).toBe(9.5);
    // goal 1 charted from A1:C13: May (row 6) has no value, its target 33 % is there
    const charts = wb.getWorksheet('Diagrammer')!;
    expect(charts.getCell('A6').value).toBe('maj');
    expect(charts.getCell('B6').type).toBe(ExcelJS.ValueType.Null);
    expect(charts.getCell('C6').value).toBe(0.33);
    // goal 2's target line: 600 / 12 = 50 a month (rows 18–29)
    expect(charts.getCell('C18').value).toBe(50);
    expect(charts.getCell('C29').value).toBe(50);
    const zip = await JSZip.loadAsync(bytes);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    // two series over the 12 month labels in A2:A13, values in B and C; empty cells drawn as gaps
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart.match(/<c:cat><c:strRef><c:f>'Diagrammer'!\$A\$2:\$A\$13<\/c:f>/g)).toHaveLength(2);
    expect(chart).toContain("<c:val><c:numRef><c:f>'Diagrammer'!$B$2:$B$13</c:f>");
    expect(chart).toContain("<c:val><c:numRef><c:f>'Diagrammer'!$C$2:$C$13</c:f>");
    expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
    // the årsrapport: 1 aftaler pr. opkald 184 / 570 = 32.3 % against 33 % (margin 5 points): Delvist opfyldt
    const annual = wb.getWorksheet('Årsrapport')!;
    expect(annual.getCell('A1').value).toBe('Årsrapport 2016: målopfyldelse (foreløbig, efter 4 af 12 måneder)');
    expect((annual.getRow(3).values as unknown[]).slice(1)).toEqual(['Nr.', 'Mål', 'Resultatkrav', 'Resultat', 'Målopfyldelse', 'Bemærkning']);
    expect(annual.getCell('D4').value).toBeCloseTo(184 / 570, 12);
    expect(annual.getCell('D4').numFmt).toBe('0.0 %');
    expect(annual.getCell('E4').value).toBe('Delvist opfyldt');
    expect(annual.getCell('E8').value).toBe('Opfyldt'); // 5: the mean 110.28 ≥ 110
    expect(annual.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });

    // text typed into the month template (cause R, action S) carries over, marked with its month
    sheet.getCell('R5').value = 'Færre opkald i april';
    sheet.getCell('S5').value = 'Flere opkald i maj';
    const typed = new Uint8Array(await wb.xlsx.writeBuffer());
    const next = await cli(['followup', '--in', 'c.json', '--previous', 'c.xlsx'], { 'c.json': campaign, 'c.xlsx': typed });
    expect(next.code, next.stderr).toBe(0);
    expect((JSON.parse(next.stdout) as FollowupOutput).rows.find((row) => row.id === '2')).toMatchObject({ cause: 'Fra M04: Færre opkald i april', action: 'Fra M04: Flere opkald i maj' });
  });

  it('--quarters: monthly data as complete quarters in the template, the months on "Måneder"', async () => {
    const json = await cli(['followup', '--quarters', '--in', 'c.json'], { 'c.json': campaign });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ granularity: 'month', view: 'quarter' });
    const r = await cli(['followup', '--in', 'c.json', '--quarters', '--out', 'q.xlsx'], { 'c.json': campaign });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.files.get('q.xlsx') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Opfølgning', 'Måneder', 'Diagrammer', 'Årsrapport']);
    const sheet = wb.getWorksheet('Opfølgning')!;
    expect((sheet.getRow(3).values as unknown[]).slice(4, 8)).toEqual(['1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.']);
    // 2 aftaler: Q1 = 41 + 52 + 47 = 140; April alone is no 2nd quarter
    expect(sheet.getCell('D5').value).toBe(140);
    expect(sheet.getCell('E5').type).toBe(ExcelJS.ValueType.Null);
    const months = wb.getWorksheet('Måneder')!;
    expect((months.getRow(5).values as unknown[]).slice(1)).toEqual([
      '2',
      'Antal betalingsaftaler',
      41,
      52,
      47,
      44,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      184,
      'M01–M04',
    ]);
  });

  it('--quarters is refused where it means nothing, and against an input that says "quarters": false', async () => {
    const plan = await cli(['plan', '--in', 'p.json', '--quarters'], { 'p.json': '{}' });
    expect(plan).toMatchObject({ code: 2, stderr: '--quarters bruges ikke af plan (kun af followup).\n' });
    const contradicted = await cli(['followup', '--in', 'c.json', '--quarters'], { 'c.json': JSON.stringify({ ...JSON.parse(campaign), quarters: false }) });
    expect(contradicted).toMatchObject({ code: 2, stdout: '' });
    expect(contradicted.stderr).toMatch(/^Inputtet har "quarters": false, og --quarters beder om kvartaler/);
  });

  it("carries the text typed into last quarter's workbook over to the next (--previous)", async () => {
    const q2 = JSON.parse(example) as { data: Record<string, unknown>; previous?: unknown };
    delete q2.data.Q3;
    delete q2.previous;
    const first = await cli(['followup', '--in', 'q2.json', '--out', 'q2.xlsx'], { 'q2.json': JSON.stringify(q2) });
    // A controller types cause and action into the Q2 workbook.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(first.files.get('q2.xlsx') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Opfølgning')!;
    sheet.getCell('J5').value = 'Færre selvanmeldte end ventet.';
    sheet.getCell('K5').value = 'Flere pristjek i Q3.';
    const typed = new Uint8Array(await wb.xlsx.writeBuffer());
    const q3 = { ...q2, data: JSON.parse(example).data };
    const next = await cli(['followup', '--in', 'q3.json', '--previous', 'q2.xlsx'], { 'q3.json': JSON.stringify(q3), 'q2.xlsx': typed });
    expect(next.code).toBe(0);
    const row = (JSON.parse(next.stdout) as FollowupOutput).rows.find((r) => r.id === '2.1')!;
    // marked with the period of the workbook it was typed in (its title: "… efter 2 af 4 kvartaler")
    expect(row).toMatchObject({ cause: 'Fra Q2: Færre selvanmeldte end ventet.', action: 'Fra Q2: Flere pristjek i Q3.' });
  });

  it('marks text carried from a previous JSON output with the period it ran to (its elapsed)', async () => {
    const goal = { id: '1', name: 'Mål 1', measure: 'a', target: 1, cause: 'Ferie.', action: 'Vikar.' };
    // Q1–Q2 reported: the previous output ran to Q2
    const q2 = await cli(['followup', '--in', 'q2.json'], { 'q2.json': JSON.stringify({ year: 2025, goals: [goal], data: { Q1: { a: 1 }, Q2: { a: 1 } } }) });
    const next = await cli(['followup', '--in', 'q3.json', '--previous', 'q2-ud.json'], {
      'q3.json': JSON.stringify({ year: 2025, goals: [{ id: '1', name: 'Mål 1', measure: 'a', target: 1 }], data: { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 } } }),
      'q2-ud.json': q2.stdout,
    });
    expect(next.code, next.stderr).toBe(0);
    expect((JSON.parse(next.stdout) as FollowupOutput).rows[0]).toMatchObject({ cause: 'Fra Q2: Ferie.', action: 'Fra Q2: Vikar.' });
  });

  it('keeps the text of a dropped goal through two more quarters (below the table in the workbook)', async () => {
    const goal = (id: string) => ({ id, name: `Mål ${id}`, measure: 'a', target: 1 });
    const q1 = await cli(['followup', '--in', 'q1.json', '--out', 'q1.xlsx'], { 'q1.json': JSON.stringify({ year: 2025, goals: [goal('1'), goal('9'), goal('7')], data: { Q1: { a: 1 } } }) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(q1.files.get('q1.xlsx') as unknown as ArrayBuffer);
    wb.getWorksheet('Opfølgning')!.getCell('J5').value = 'Årsag for 9'; // goal 9 is row 5
    const typed = new Uint8Array(await wb.xlsx.writeBuffer());
    // Q2 and Q3 without goal 9: its text is below the table under "Tidligere tekst uden mål", both times
    const q2 = await cli(['followup', '--in', 'q2.json', '--previous', 'q1.xlsx', '--out', 'q2.xlsx'], {
      'q2.json': JSON.stringify({ year: 2025, goals: [goal('1')], data: { Q2: { a: 1 } } }),
      'q1.xlsx': typed,
    });
    expect(q2.code).toBe(0);
    const q3 = await cli(['followup', '--in', 'q3.json', '--previous', 'q2.xlsx'], {
      'q3.json': JSON.stringify({ year: 2025, goals: [goal('1')], data: { Q3: { a: 1 } } }),
      'q2.xlsx': q2.files.get('q2.xlsx') as Uint8Array,
    });
    // typed in the Q1 workbook: marked "Fra Q1" when it left the table, and the mark stays
    expect((JSON.parse(q3.stdout) as FollowupOutput).unmatchedPrevious).toEqual([{ id: '9', cause: 'Fra Q1: Årsag for 9', action: '' }]);
  });

  it("a blank row inserted into last quarter's sheet does not lose the text of the goals below it (found by review)", async () => {
    const goal = (id: string) => ({ id, name: `Mål ${id}`, measure: 'a', target: 1 });
    const input = { year: 2025, goals: [goal('1'), goal('2'), goal('3')], data: { Q1: { a: 1 } } };
    const q1 = await cli(['followup', '--in', 'q1.json', '--out', 'q1.xlsx'], { 'q1.json': JSON.stringify(input) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(q1.files.get('q1.xlsx') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Opfølgning')!;
    // goals 1, 2, 3 are rows 4, 5, 6; text for 1 and 3, then an empty row pushed in after goal 1
    sheet.getCell('J4').value = 'Årsag 1';
    sheet.getCell('J6').value = 'Årsag 3';
    sheet.getCell('K6').value = 'Handling 3';
    sheet.spliceRows(5, 0, []);
    const typed = new Uint8Array(await wb.xlsx.writeBuffer());
    const q2 = await cli(['followup', '--in', 'q2.json', '--previous', 'q1.xlsx'], { 'q2.json': JSON.stringify({ ...input, data: { Q1: { a: 1 }, Q2: { a: 1 } } }), 'q1.xlsx': typed });
    expect(q2.code, q2.stderr).toBe(0);
    const rows = (JSON.parse(q2.stdout) as FollowupOutput).rows;
    expect(rows.map((r) => [r.id, r.cause, r.action])).toEqual([
      // typed into the Q1 workbook: marked so
      ['1', 'Fra Q1: Årsag 1', ''],
      ['2', '', ''],
      ['3', 'Fra Q1: Årsag 3', 'Fra Q1: Handling 3'],
    ]);
  });
  it('--previous with a workbook that is no follow-up is refused, not read as "no text" (found by review)', async () => {
    const statements = spawnCli(['statements', '--in', 'examples/ledger/posteringer.csv', '--year', '2026', '--out', '/tmp/saldo-not-a-followup.xlsx']);
    expect(statements.status).toBe(0);
    const r = await cli(['followup', '--in', 'q.json', '--previous', 's.xlsx'], {
      'q.json': JSON.stringify({ ...JSON.parse(example), previous: undefined }),
      's.xlsx': new Uint8Array(readFileSync('/tmp/saldo-not-a-followup.xlsx')),
    });
    expect(r).toMatchObject({ code: 2, stderr: 'Den forrige opfølgning har ingen opfølgningstabel (en overskriftsrække med Nr., Årsag/konsekvens og Handling): er det den rigtige projektmappe?\n' });
  });
  it('says in Danish when --previous is missing, or given twice', async () => {
    const missing = await cli(['followup', '--in', 'q.json', '--previous', 'nope.xlsx'], { 'q.json': JSON.stringify({ ...JSON.parse(example), previous: undefined }) });
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/Den forrige opfølgning "nope.xlsx" findes ikke/);
    const twice = await cli(['followup', '--in', 'q.json', '--previous', 'p.json'], { 'q.json': example, 'p.json': '[]' });
    expect(twice.stderr).toMatch(/brug enten det eller --previous/);
  });

  it('a measure with an unknown name ends as exit 2 with the goal named (child process)', () => {
    const input = JSON.parse(example) as { goals: Array<{ measure?: string }> };
    input.goals[1]!.measure = 'pristjek / anmeldte';
    const r = spawnCli(['followup', '--in', '-'], JSON.stringify(input));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Mål 2\.1: målingen "pristjek \/ anmeldte" bruger det ukendte navn "anmeldte"/);
  });
});
