/**
 * The portfolio's files joined (issue 20): the rykker log (`worklist --steps`) and the agreement
 * register in the funnel (`funnel --agreements`), on the example portfolio in
 * examples/portefoelje (its README works the states out; the figures here are worked below).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const dir = join(ROOT, 'examples/portefoelje');
const ledger = join(dir, 'posteringer.csv');
const files = { 'aftaler.csv': readFileSync(join(dir, 'aftaler.csv')) };

describe('worklist --steps', () => {
  it('takes the steps of the agreements the log names, and lists the rows it cannot use', async () => {
    const log = ['Aftale;Trin;Dato', 'A2;Rykker 1;05-02-2026', 'A2;opkald;16-02-2026', 'A9;rykker1;05-02-2026'].join('\n');
    const run = await cli(['worklist', '--agreements', 'aftaler.csv', '--ledger', ledger, '--as-of', '2026-03-15', '--steps', 'log.csv'], { ...files, 'log.csv': log });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { agreements: Array<{ id: string; nextStep: { step: string } | null }>; stepErrors: Array<{ row: number; message: string }> };
    const next = new Map(out.agreements.map((a) => [a.id, a.nextStep?.step ?? null]));
    // A2: no rykkergebyr in the ledger, so without the log its rykker is due; the log says it was
    // sent and the call made, so the medhæftere's first rykker is next (politik: misligholdt-aftale)
    expect(next.get('A2')).toBe('medhaeftere1');
    // A3 is not in the log: its step still comes from the ledger's rykkergebyr of 10 Feb
    expect(next.get('A3')).toBe('medhaeftere1');
    expect(out.stepErrors).toEqual([{ row: 4, message: 'Rykkerloggen: aftale A9 findes ikke i aftaleregistret.' }]);
    expect(run.stderr).toContain('1 række i rykkerloggen kunne ikke bruges; se "stepErrors" (eller arket Fejl).');
    const without = await cli(['worklist', '--agreements', 'aftaler.csv', '--ledger', ledger, '--as-of', '2026-03-15'], files);
    expect((JSON.parse(without.stdout) as typeof out).agreements.find((a) => a.id === 'A2')!.nextStep!.step).toBe('rykker1');
  });

  it('refuses --steps where it is not used', async () => {
    const run = await cli(['funnel', '--in', ledger, '--from', '2025-12-01', '--to', '2025-12-31', '--steps', 'log.csv'], { 'log.csv': 'Aftale;Trin;Dato' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--steps bruges ikke af funnel (kun af worklist og status --agreements).');
  });
});

describe('funnel --agreements', () => {
  it('counts the open principal of the register’s claims as in agreement', async () => {
    const args = ['funnel', '--in', ledger, '--from', '2025-12-01', '--to', '2025-12-31'];
    const plain = await cli(args, files);
    const joined = await cli([...args, '--agreements', 'aftaler.csv'], files);
    expect(joined.code).toBe(0);
    type Totals = { open: number; inAgreement: number; newAmount: number; counts: { open: number; inAgreement: number } };
    const before = (JSON.parse(plain.stdout) as { totals: Totals }).totals;
    const after = JSON.parse(joined.stdout) as { totals: Totals; agreements: { count: number; errors: unknown[] } };
    // open on 1 May (the ledger's last day): F1 3.000 − 2.000 = 1.000, F2 2.000 − 500 = 1.500,
    // F3 2.000 − 500 = 1.500 (its 250 kr. gebyr is no principal) — all three in the register —
    // and F9 1.600 (D8, called in the campaign example, no agreement): it stays open
    expect(before).toMatchObject({ open: 5600, inAgreement: 0, counts: { open: 4, inAgreement: 0 } });
    expect(after.totals).toMatchObject({ open: 1600, inAgreement: 4000, newAmount: before.newAmount, counts: { open: 1, inAgreement: 3 } });
    expect(after.agreements).toMatchObject({ count: 5, errors: [] });
  });

  it('says so when register rows cannot be read, as their claims then do not count', async () => {
    const register = `${readFileSync(join(dir, 'aftaler.csv'), 'utf8').trimEnd()}\nA9;D9;S;F9;abc;;;01-01-2026;;\n`;
    const run = await cli(['funnel', '--in', ledger, '--from', '2025-12-01', '--to', '2025-12-31', '--agreements', 'r.csv'], { 'r.csv': register });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { agreements: { errors: Array<{ row: number }> } }).agreements.errors).toEqual([{ row: 7, message: expect.any(String) }]);
    expect(run.stderr).toContain('1 række i aftaleregistret kunne ikke læses, så deres fordringer tæller ikke som "i aftale"');
  });

  it('is refused by the commands that do not use it', async () => {
    const run = await cli(['analyse', '--in', ledger, '--as-of', '2026-03-31', '--agreements', 'aftaler.csv'], files);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--agreements bruges ikke af analyse (kun af statements, funnel og worklist).');
  });
});

describe('worklist and status --payments', () => {
  it("takes the payments of the agreements the file names instead of the ledger's, and lists the rows it cannot use", async () => {
    // A2 (500 a month from 2 Jan): the ledger has only 500 on 2 Jan; the bank's file has 2 Jan
    // and 2 Feb, so the rate of 2 Mar is the one missing: breached from 3 Mar, 500 kr. in arrears.
    const payments = ['Aftale;Dato;Beløb', 'A2;02-01-2026;500,00', 'A2;02-02-2026;500,00', 'A2;03-02-2026;-50,00', 'A9;02-02-2026;100'].join('\n');
    const run = await cli(['worklist', '--agreements', 'aftaler.csv', '--ledger', ledger, '--as-of', '2026-03-15', '--payments', 'bet.csv'], { ...files, 'bet.csv': payments });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      agreements: Array<{ id: string; state: string; arrears: number; breachDate: string | null }>;
      paymentErrors: Array<{ row: number; message: string }>;
    };
    const a2 = out.agreements.find((a) => a.id === 'A2')!;
    expect([a2.state, a2.arrears, a2.breachDate]).toEqual(['misligholdt', 500, '2026-03-03']);
    // A1 is not in the file: its payments still come from the ledger (2 Feb and 2 Mar, kept)
    expect(out.agreements.find((a) => a.id === 'A1')!.state).toBe('overholdt');
    expect(out.paymentErrors).toEqual([
      { row: 4, message: 'Indbetalingsfilen: Beløbet "-50,00" skal være over 0 kr.; en tilbageført betaling trækkes fra den betaling, den tilbagefører.' },
      { row: 5, message: 'Indbetalingsfilen: aftale A9 findes ikke i aftaleregistret.' },
    ]);
    expect(run.stderr).toContain('2 rækker i indbetalingsfilen kunne ikke bruges; se "paymentErrors" (eller arket Fejl).');
    // status on the register reads the same file the same way
    const status = await cli(['status', '--agreements', 'aftaler.csv', '--ledger', ledger, '--as-of', '2026-03-15', '--payments', 'bet.csv'], { ...files, 'bet.csv': payments });
    const s2 = (JSON.parse(status.stdout) as Array<{ agreement: string; arrears: number; breachDate: string }>)[1]!;
    expect([s2.agreement, s2.arrears, s2.breachDate]).toEqual(['A2', 500, '2026-03-03']);
    expect(status.stderr).toContain('2 rækker i indbetalingsfilen kunne ikke bruges: række 4:');
  });

  it('refuses a file without its headers, in Danish', async () => {
    const run = await cli(['worklist', '--agreements', 'aftaler.csv', '--ledger', ledger, '--as-of', '2026-03-15', '--payments', 'bet.csv'], { ...files, 'bet.csv': 'Debitor;Dato\nD2;02-01-2026' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Indbetalingsfilen skal have overskrifterne Aftale, Dato og Beløb (fandt "Debitor", "Dato").');
  });
});
