/**
 * `plan`, `henstand` and `status` on the agreement register (issue 20: "no JSON needed for a caseworker"):
 * each agreement's claims are what was open on them in the ledger the day before the agreement
 * date, as the work list takes them. The example portfolio (examples/portefoelje); the figures are
 * worked below from its ledger.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const dir = join(ROOT, 'examples/portefoelje');
const ledger = join(dir, 'posteringer.csv');
const files = { 'aftaler.csv': readFileSync(join(dir, 'aftaler.csv')) };
type Element = { agreement: string; rows?: Array<{ dueDate: string; payment: number; balance: number }>; error?: { message: string } };

describe('plan --agreements --ledger', () => {
  it('makes each agreement of the register a schedule from the ledger’s open amounts', async () => {
    const run = await cli(['plan', '--agreements', 'aftaler.csv', '--ledger', ledger], files);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Element[];
    expect(out.map((e) => e.agreement)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    // A1: F1 3.000 kr. open on 9 January (paid 2 Feb and 2 Mar came later), 1.000 a month from
    // 1 February, a Sunday: 2 Feb, 2 Mar, 1 Apr
    expect(out[0]!.rows!.map((r) => [r.dueDate, r.payment, r.balance])).toEqual([
      ['2026-02-02', 1000, 2000],
      ['2026-03-02', 1000, 1000],
      ['2026-04-01', 1000, 0],
    ]);
    // A5: F5 600 + F6 400 kr. in 2 rates ("Antal" 2): 500 each, from 1 Feb (→ 2 Feb) and 1 Mar (→ 2 Mar)
    expect(out[4]!.rows!.map((r) => [r.dueDate, r.payment])).toEqual([
      ['2026-02-02', 500],
      ['2026-03-02', 500],
    ]);
    expect(run.stderr).toContain('Posteringsfilen: 20 linjer læst = 1 overskrift + 19 godkendt + 0 fejl.');
  });

  it('writes a workbook, and lists an agreement it cannot set up with its register row', async () => {
    const register = `${readFileSync(join(dir, 'aftaler.csv'), 'utf8').trimEnd()}\nA9;D9;S;F9;500,00;;15-12-2025;01-01-2026;;\n`;
    const run = await cli(['plan', '--agreements', 'r.csv', '--ledger', ledger, '--out', 'planer.xlsx'], { 'r.csv': register });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 af 6 aftaler kunne ikke stilles op eller beregnes; se "error" i svaret.');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.files.get('planer.xlsx') as unknown as ArrayBuffer);
    // each schedule's sheet is named by its agreement, not by its place in the register
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Oversigt', 'Aftale A1', 'Aftale A2', 'Aftale A3', 'Aftale A4', 'Aftale A5']);
    const json = await cli(['plan', '--agreements', 'r.csv', '--ledger', ledger], { 'r.csv': register });
    expect((JSON.parse(json.stdout) as Element[])[5]).toEqual({
      agreement: 'A9',
      error: { code: 'UGYLDIGT_INPUT', field: '--agreements', message: 'Række 7: Aftale A9: fordringen F9 findes ikke i posteringslisten for debitor D9.' },
    });
  });
});

describe('henstand --agreements --ledger', () => {
  it('gives the agreements with a henstand in the register their before and after; the others are named', async () => {
    const register = [
      'Aftale;Debitor;Fordringer;Ydelse;Aftaledato;Første forfald;Henstand fra;Henstand',
      'A1;D1;F1;1.000,00;10-01-2026;01-02-2026;01-03-2026;2',
      'A2;D2;F2;500,00;15-12-2025;01-01-2026;;',
    ].join('\n');
    const run = await cli(['henstand', '--agreements', 'r.csv', '--ledger', ledger], { 'r.csv': register });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Array<{ agreement: string; before?: { rows: unknown[] }; after?: { rows: Array<{ dueDate: string }> }; error?: { message: string } }>;
    // A1: 3 rates of 1.000 before; 2 months' henstand from 1 March moves the rates from March on by
    // two months: 2 Feb, then 1 May (after 1 Mar + 2 months), 1 Jun
    expect(out[0]!.before!.rows).toHaveLength(3);
    expect(out[0]!.after!.rows.map((r) => r.dueDate)).toEqual(['2026-02-02', '2026-05-01', '2026-06-01']);
    expect(out[1]).toEqual({ agreement: 'A2', error: expect.objectContaining({ message: 'Række 3: Aftale A2: registret giver ingen henstand (kolonnerne Henstand fra og Henstand).' }) });
    // the politik's warning names the agreement, not its place among those set up
    expect(run.stderr).toMatch(/^Advarsel \(aftale A1\): Efter opkrævningspolitikken gives der som udgangspunkt ikke henstand/m);
  });

  it('needs the ledger, and refuses options it does not use', async () => {
    expect((await cli(['plan', '--agreements', 'aftaler.csv'], files)).stderr).toContain('angiv den med --ledger FIL');
    expect((await cli(['plan', '--agreements', 'aftaler.csv', '--ledger', ledger, '--year', '2026'], files)).stderr).toContain('--year bruges ikke af plan med --agreements');
  });
});

type StatusElement = { agreement: string; state?: string; arrears?: number; breachDate?: string | null; stepsTaken?: unknown; nextSteps?: Array<{ step: string }>; error?: { message: string } };

describe('status --agreements --ledger --as-of', () => {
  const asOf = ['--as-of', '2026-03-15'];

  it('checks each agreement on the date as the work list does (examples/portefoelje/README.md)', async () => {
    const run = await cli(['status', '--agreements', 'aftaler.csv', '--ledger', ledger, ...asOf], files);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as StatusElement[];
    expect(out.map((e) => [e.agreement, e.state ?? 'fejl'])).toEqual([
      ['A1', 'overholdt'],
      ['A2', 'misligholdt'],
      ['A3', 'misligholdt'],
      ['A4', 'fejl'],
      ['A5', 'afsluttet'],
    ]);
    // A2: 500 a month from 1 Jan (→ 2 Jan, after nytårsdag); paid 500 on 2 Jan; the rates of
    // 2 Feb and 2 Mar unpaid: 1.000 kr. in arrears, breached the day after 2 Feb
    expect([out[1]!.arrears, out[1]!.breachDate]).toEqual([1000, '2026-02-03']);
    // A3 as A2, but its rykkergebyr of 10 Feb is the rykker sent: the next letter is not rykker 1
    expect(out[2]!.nextSteps!.map((n) => n.step)).not.toContain('rykker1');
    expect(out[1]!.nextSteps![0]!.step).toBe('rykker1');
    // A4's F4 went to inddrivelse on 1 March, after the agreement date
    expect(out[3]!.error!.message).toBe('Række 5: Aftale A4: fordringen F4 blev oversendt til inddrivelse 01-03-2026; aftalen følges ikke længere her.');
    expect(run.stderr).toContain('1 af 5 aftaler kunne ikke stilles op eller beregnes');
  });

  it('takes the rykker log, and names each sheet by its agreement', async () => {
    // A2's rykker 1 sent on 5 March (a log row): the next step moves on from the rykker
    const log = 'Aftale;Trin;Dato\nA2;Rykker 1;05-03-2026\nA9;Rykker 1;05-03-2026\n';
    const run = await cli(['status', '--agreements', 'aftaler.csv', '--ledger', ledger, ...asOf, '--steps', 'log.csv', '--out', 's.xlsx'], { ...files, 'log.csv': log });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 række i rykkerloggen kunne ikke bruges: række 3: aftale A9 findes ikke i aftaleregistret');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(run.files.get('s.xlsx') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Status A1', 'Status A2', 'Status A3', 'Status A4 – fejl', 'Status A5']);
    const json = await cli(['status', '--agreements', 'aftaler.csv', '--ledger', ledger, ...asOf, '--steps', 'log.csv'], { ...files, 'log.csv': log });
    const a2 = (JSON.parse(json.stdout) as StatusElement[])[1]!;
    expect(a2.nextSteps!.map((n) => n.step)).not.toContain('rykker1');
  });

  it('needs the date', async () => {
    const run = await cli(['status', '--agreements', 'aftaler.csv', '--ledger', ledger], files);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Angiv datoen for aftalernes status med --as-of');
    expect((await cli(['plan', '--agreements', 'aftaler.csv', '--ledger', ledger, ...asOf], files)).stderr).toContain('--as-of bruges ikke af plan med --agreements');
  });
});
