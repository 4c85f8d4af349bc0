/**
 * `saldo funnel` end to end: a Danish CSV ledger in, the JSON contract out (kroner), the workbook
 * written and read back, the file in pieces on two threads giving the stream's funnel, and the
 * usage errors in Danish. The expected figures are worked by hand in the comments.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { funnelFromFile } from '../../cli/ledger/ledgerCommands.js';
import { funnelPeriod } from '../../core/commands/portfolio.js';
import { funnelFromRows } from '../../core/portfolio/funnelJson.js';
import { cli, runOnDisk, tempFiles } from './helpers.js';

const { file } = tempFiles('saldo-funnel-');

/**
 * Four claims falling due in January–February 2026, and one row that cannot be read:
 * - D1/A daginstitution 1.000 due 01-01, paid 10-01 (no rykker): paid before rykker, 9 days.
 * - D1/B daginstitution 2.000 due 05-01; gebyr 250 on 20-01; 1.250 paid 01-02 covers the gebyr
 *   and 1.000 of principal (after rykker); the other 1.000 sent 01-03 (counted as sent);
 *   05-01 → 01-03 is 26 + 28 + 1 = 55 days.
 * - D2/C ejendomsskat 1.500,50 due 15-02; 500,50 written off 01-04 and 1.000 left open.
 * - D2/E ejendomsskat 300 due 20-02, paid 350 on 25-02 (50 over: a credit, not counted): paid before rykker, 5 days.
 * - Row 12 has a date that does not exist: listed, left out.
 */
const CSV = [
  'Debitor;CPR;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb',
  'D1;010190-1234;Søren Æbelø;A;daginstitution;15-12-2025;01-01-2026;krav;1.000,00',
  'D1;010190-1234;Søren Æbelø;A;daginstitution;10-01-2026;;betaling;-1.000,00',
  'D1;010190-1234;Søren Æbelø;B;daginstitution;15-12-2025;05-01-2026;krav;2.000,00',
  'D1;010190-1234;Søren Æbelø;B;daginstitution;20-01-2026;;gebyr;250,00',
  'D1;010190-1234;Søren Æbelø;B;daginstitution;01-02-2026;;betaling;-1.250,00',
  'D1;010190-1234;Søren Æbelø;B;daginstitution;01-03-2026;;oversendt;-1.000,00',
  'D2;;Byg & Bo ApS;C;ejendomsskat;15-01-2026;15-02-2026;krav;1.500,50',
  'D2;;Byg & Bo ApS;C;ejendomsskat;01-04-2026;;afskrivning;-500,50',
  'D2;;Byg & Bo ApS;E;ejendomsskat;15-01-2026;20-02-2026;krav;300,00',
  'D2;;Byg & Bo ApS;E;ejendomsskat;25-02-2026;;betaling;-350,00',
  'D3;;Fejl;X;andet;31-02-2026;;krav;5,00',
].join('\n');

const zeroCounts = { paidBeforeRykker: 0, paidAfterRykker: 0, inAgreement: 0, sentToInddrivelse: 0, writtenOff: 0, open: 0 };

describe('saldo funnel on a CSV ledger', () => {
  it('answers the JSON contract in kroner, by claim type and month of forfald, every line accounted for', async () => {
    const r = await runOnDisk(['funnel', '--in', file(CSV), '--from', '2026-01-01', '--to', '2026-02-28']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // the last posting date is 01-04-2026 (C's write-off): postings up to it count
    expect({ from: out.from, to: out.to, asOf: out.asOf }).toEqual({ from: '2026-01', to: '2026-02', asOf: '2026-04-01' });
    expect(out.months).toEqual([
      // A and B: new 3.000; before rykker A 1.000; after B 1.000; sent B 1.000; days to payment A 9,
      // to transfer B 55; solved 2.000 / 3.000 = 0,667
      {
        month: '2026-01',
        claimType: 'daginstitution',
        newCount: 2,
        newAmount: 3000,
        paidBeforeRykker: 1000,
        paidAfterRykker: 1000,
        inAgreement: 0,
        sentToInddrivelse: 1000,
        writtenOff: 0,
        open: 0,
        medianDaysToPayment: 9,
        medianDaysToTransfer: 55,
        counts: { ...zeroCounts, paidBeforeRykker: 1, sentToInddrivelse: 1 },
        shareSolvedWithoutInddrivelse: 0.667,
      },
      {
        month: '2026-02',
        claimType: 'daginstitution',
        newCount: 0,
        newAmount: 0,
        paidBeforeRykker: 0,
        paidAfterRykker: 0,
        inAgreement: 0,
        sentToInddrivelse: 0,
        writtenOff: 0,
        open: 0,
        medianDaysToPayment: null,
        medianDaysToTransfer: null,
        counts: zeroCounts,
        shareSolvedWithoutInddrivelse: null,
      },
      {
        month: '2026-01',
        claimType: 'ejendomsskat',
        newCount: 0,
        newAmount: 0,
        paidBeforeRykker: 0,
        paidAfterRykker: 0,
        inAgreement: 0,
        sentToInddrivelse: 0,
        writtenOff: 0,
        open: 0,
        medianDaysToPayment: null,
        medianDaysToTransfer: null,
        counts: zeroCounts,
        shareSolvedWithoutInddrivelse: null,
      },
      // C and E: new 1.500,50 + 300 = 1.800,50; before rykker E 300; written off 500,50; open 1.000;
      // paid E in 5 days; solved 300 / 1.800,50 = 0,1666 → 0,167
      {
        month: '2026-02',
        claimType: 'ejendomsskat',
        newCount: 2,
        newAmount: 1800.5,
        paidBeforeRykker: 300,
        paidAfterRykker: 0,
        inAgreement: 0,
        sentToInddrivelse: 0,
        writtenOff: 500.5,
        open: 1000,
        medianDaysToPayment: 5,
        medianDaysToTransfer: null,
        counts: { ...zeroCounts, paidBeforeRykker: 1, open: 1 },
        shareSolvedWithoutInddrivelse: 0.167,
      },
    ]);
    // totals: new 4.800,50 in 4 claims; paid days 5 and 9 → 7; solved 2.300 / 4.800,50 = 0,479
    expect(out.totals).toMatchObject({
      newCount: 4,
      newAmount: 4800.5,
      paidBeforeRykker: 1300,
      paidAfterRykker: 1000,
      sentToInddrivelse: 1000,
      writtenOff: 500.5,
      open: 1000,
      medianDaysToPayment: 7,
      medianDaysToTransfer: 55,
      shareSolvedWithoutInddrivelse: 0.479,
    });
    expect(out.skipped).toEqual({ count: 0, amount: 0 });
    expect(out.errors).toEqual([{ row: 12, message: 'Bogføringsdatoen "31-02-2026" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' }]);
    expect(out.source.lines).toEqual({ read: 12, unit: 'linjer', header: 1, blank: 0, continued: 0, accepted: 10, errors: 1 });
    expect(r.stderr).toBe('Posteringsfilen: 12 linjer læst = 1 overskrift + 10 godkendt + 1 fejl.\n1 række kunne ikke læses og er udeladt af summerne; de står i "errors" (og på arket Fejl).\n');
  });

  it('--as-of leaves later postings out: on 28-02-2026 B’s oversendelse has not happened (B is open 1.000)', async () => {
    const out = JSON.parse((await runOnDisk(['funnel', '--in', file(CSV), '--from', '2026-01-01', '--to', '2026-01-31', '--as-of', '2026-02-28'])).stdout);
    expect(out.asOf).toBe('2026-02-28');
    expect(out.months).toHaveLength(1);
    expect(out.months[0]).toMatchObject({ newAmount: 3000, paidBeforeRykker: 1000, paidAfterRykker: 1000, sentToInddrivelse: 0, open: 1000, medianDaysToTransfer: null });
  });

  it('writes the workbook: the table with Danish headers and kr. formats, a chart per claim type, the unread rows', async () => {
    const r = await runOnDisk(['funnel', '--in', file(CSV), '--from', '2026-01-01', '--to', '2026-02-28', '--out', 'tragt.xlsx']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = r.written.get('tragt.xlsx') as Uint8Array;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Opkrævningstragt', 'Fejl']);
    const sheet = wb.getWorksheet('Opkrævningstragt')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 11)).toEqual([
      'Fordringstype',
      'Forfaldsmåned',
      'Nye fordringer',
      'Ny hovedstol',
      'Betalt før rykker',
      'Betalt efter rykker',
      'I betalingsaftale',
      'Sendt til inddrivelse',
      'Afskrevet',
      'Åben',
    ]);
    // row 5: ejendomsskat February, as in the JSON
    expect((sheet.getRow(5).values as unknown[]).slice(1, 11)).toEqual(['ejendomsskat', '2026-02', 2, 1800.5, 300, 0, 0, 0, 500.5, 1000]);
    expect(sheet.getCell('D5').numFmt).toBe('#,##0.00 "kr."');
    expect(sheet.getCell('K2').numFmt).toBe('0.0 %');
    expect(sheet.getCell('K2').value).toBe(0.667);
    expect(sheet.getColumn(4).width).toBeGreaterThanOrEqual(14);
    // the period's figures beside the table
    const labels = sheet.getColumn(21).values.filter((v): v is string => typeof v === 'string');
    expect(labels).toContain('Løst uden inddrivelse (betalt af hovedstolen)');
    expect(wb.getWorksheet('Fejl')!.getCell('A2').value).toBe(12);
    // a stacked column chart per claim type, its series the six stages
    const zip = await JSZip.loadAsync(bytes);
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(c)?.[1]).sort()).toEqual(['Opkrævningstragt – daginstitution (kr.)', 'Opkrævningstragt – ejendomsskat (kr.)']);
    for (const c of charts) {
      expect(c).toContain('<c:grouping val="stacked"/>');
      expect(c.match(/<c:ser>/g)).toHaveLength(6);
    }
    // the ejendomsskat chart plots rows 4–5 (its months), its categories the month column
    const ejd = charts.find((c) => c.includes('ejendomsskat'))!;
    expect(ejd).toContain("'Opkrævningstragt'!$E$4:$E$5");
    expect(ejd).toContain("'Opkrævningstragt'!$B$4:$B$5");
  });

  it('the file read in pieces on two threads, whatever the cuts, gives the funnel of one piece (the CLI’s fast path)', async () => {
    // Many claims, so that 200-byte pieces split the file in dozens.
    const rows = Array.from({ length: 300 }, (_, i) => {
      const d = String(1 + (i % 28)).padStart(2, '0');
      return [
        `D${i % 17};;N;F${i};${i % 3 === 0 ? 'renovation' : 'daginstitution'};01-01-2026;${d}-0${1 + (i % 3)}-2026;krav;${100 + i},00`,
        `D${i % 17};;N;F${i};x;${d}-04-2026;;${i % 4 === 0 ? 'gebyr' : 'betaling'};${i % 4 === 0 ? '' : '-'}${50 + (i % 7)},00`,
        `D${i % 17};;N;F${i};x;${d}-05-2026;;${['betaling', 'oversendt', 'afskrivning'][i % 3]};-${30 + (i % 5)},00`,
      ];
    }).flat();
    const lines = ['Debitor;CPR;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb', ...rows];
    const path = file(lines.join('\n'));
    const options = { from: '2026-01-01', to: '2026-03-31' };
    // The reference: one piece on one thread, which agrees with core's run on the rows in memory.
    const { source: whole, ...stream } = await funnelFromFile(path, { ...options, threads: 1, pieceBytes: 1 << 30 });
    const period = funnelPeriod(options, { from: 'fra', to: 'til', asOf: 'dato' });
    expect(stream).toEqual(
      funnelFromRows(
        lines.map((l) => l.split(';')),
        period,
      ),
    );
    for (const [threads, workerTakesAll] of [
      [1, false],
      [2, false],
      [2, true],
    ] as const) {
      const { source, ...pieces } = await funnelFromFile(path, { ...options, pieceBytes: 200, threads, workerTakesAll });
      expect(pieces).toEqual(stream);
      expect(source.lines).toEqual(whole.lines);
    }
    // the claims' type is their first row's (the krav), not the "x" of their later rows
    expect(new Set(stream.months.map((m) => m.claimType))).toEqual(new Set(['daginstitution', 'renovation']));
    expect(stream.totals.newCount).toBe(300);
  });

  it('a JSON ledger file with --from/--to is read as one stream and gives the CSV’s funnel', async () => {
    const [header, ...lines] = CSV.split('\n').map((l) => l.split(';'));
    const keys = ['debtorId', 'cpr', 'debtorName', 'claimId', 'claimType', 'postingDate', 'dueDate', 'kind', 'amount'];
    expect(header).toHaveLength(keys.length);
    const json = lines.map((cells) => Object.fromEntries(cells.map((v, i) => [keys[i]!, v])));
    const args = ['--from', '2026-01-01', '--to', '2026-02-28'];
    const fromCsv = JSON.parse((await runOnDisk(['funnel', '--in', file(CSV), ...args])).stdout);
    const fromJson = JSON.parse((await runOnDisk(['funnel', '--in', file(JSON.stringify(json), 'json'), ...args])).stdout);
    expect(fromJson.months).toEqual(fromCsv.months);
    expect(fromJson.errors).toEqual(fromCsv.errors);
    expect(fromJson.source.lines).toMatchObject({ unit: 'elementer', accepted: 10, errors: 1 });
  });

  it('JSON with its own period on standard input', async () => {
    const input = {
      from: '2026-01-01',
      to: '2026-01-31',
      ledger: [
        { debtorId: 'D1', claimId: 'F1', claimType: 'renovation', postingDate: '2026-01-02', dueDate: '2026-01-20', kind: 'krav', amount: 400 },
        { debtorId: 'D1', claimId: 'F1', postingDate: '2026-01-25', kind: 'betaling', amount: -400 },
      ],
    };
    const r = await cli(['funnel', '--in', '-'], {}, JSON.stringify(input));
    expect(r.code).toBe(0);
    // paid before rykker in 5 days (20-01 → 25-01)
    expect(JSON.parse(r.stdout).months).toEqual([expect.objectContaining({ month: '2026-01', claimType: 'renovation', newAmount: 400, paidBeforeRykker: 400, medianDaysToPayment: 5 })]);
  });
});

describe('saldo funnel’s errors, in Danish (exit 2)', () => {
  it('--from or --to missing', async () => {
    const r = await runOnDisk(['funnel', '--in', file(CSV), '--to', '2026-02-28']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('--from mangler: angiv den første dag i perioden som ÅÅÅÅ-MM-DD; tragten viser fordringerne efter forfaldsmåned fra dens måned.\n');
    expect((await runOnDisk(['funnel', '--in', file(CSV), '--from', '2026-01-01'])).stderr).toMatch(/^--to mangler: angiv den sidste dag i perioden/);
  });
  it('--from after --to', async () => {
    const r = await runOnDisk(['funnel', '--in', file(CSV), '--from', '2026-03-01', '--to', '2026-02-28']);
    expect(r).toMatchObject({ code: 2, stderr: '--from: perioden begynder 01-03-2026, efter at den slutter 28-02-2026. Byt om på datoerne.\n' });
  });
  it('a date that is no date', async () => {
    const r = await runOnDisk(['funnel', '--in', file(CSV), '--from', '01-01-2026', '--to', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--from: "01-01-2026" er ikke en dato på formen ÅÅÅÅ-MM-DD/);
  });
  it('a ledger without due dates', async () => {
    const r = await runOnDisk(['funnel', '--in', file('Debitor;Fordring;Bogføringsdato;Art;Beløb\nD1;F1;01-01-2026;krav;100,00\n'), '--from', '2026-01-01', '--to', '2026-12-31']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Posteringslisten har ingen forfaldsdatoer \(kolonnen Forfaldsdato mangler eller er tom\): opkrævningstragten fordeler fordringerne efter deres forfaldsmåned/);
  });
  it('options it does not use, and its own options elsewhere', async () => {
    expect((await runOnDisk(['funnel', '--in', file(CSV), '--from', '2026-01-01', '--to', '2026-02-28', '--year', '2026'])).stderr).toMatch(/^--year bruges ikke af funnel \(kun af statements\)/);
    // analyse takes a period too (issue 20), so limitation is the command that has none.
    expect((await runOnDisk(['limitation', '--in', file(CSV), '--as-of', '2026-12-31', '--from', '2026-01-01'])).stderr).toMatch(/^--from bruges ikke af limitation \(kun af analyse og funnel\)/);
    const stdin = await cli(['funnel', '--in', '-', '--from', '2026-01-01'], {}, '{}');
    expect(stdin.stderr).toMatch(/^--from bruges med en posteringsfil \(\.csv, \.xlsx, \.json med --from\/--to\)\. Med JSON-input fra standard input står "from", "to" og "asOf" i inputtet\./);
  });
});
