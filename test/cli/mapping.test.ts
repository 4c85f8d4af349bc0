/**
 * `--mapping` (issue 20): a fagsystem ledger whose headers and kinds Saldo does not know is read
 * through the kommune's mapping, on every path a ledger takes (one stream, pieces on two threads,
 * .xlsx), and a kind still unknown is a row error that the run's summary counts by word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { mappingFromRows } from '../../core/ledger/ledgerMapping.js';
import { funnelFromFile, statementOfFile } from '../../cli/ledger/ledgerCommands.js';
import { cli, ROOT, tempFiles } from './helpers.js';

const t = tempFiles('saldo-mapping-');
const LINES = [
  'Deb.nr;Navn;Fordring;Fordringsart;Bogf.dato;Forf.dato;Bevægelsestype;Beløb',
  'D1;Anna;F1;daginstitution;01-02-2026;01-03-2026;Ny fordring;1.000,00',
  'D1;Anna;F1;daginstitution;05-03-2026;;Udligning;-400,00',
  'D1;Anna;F1;daginstitution;06-03-2026;;Udligning;-100,00',
  'D2;"Bo; Hansen";F2;renovation;01-02-2026;01-03-2026;Ny fordring;500,00',
  'D2;"Bo; Hansen";F2;renovation;07-03-2026;;Rykker 1;100,00',
  'D2;"Bo; Hansen";F2;renovation;08-03-2026;;Ombogført;-50,00',
];
const ledger = t.file(LINES.join('\r\n'));
const MAPPING = ['Slags;I filen;Betyder', 'kolonne;Deb.nr;Debitor', 'kolonne;Bevægelsestype;Art', 'art;Udligning;betaling', 'art;Rykker 1;gebyr'].join('\n');

interface StatementOut {
  debtors: Array<{ debtorId: string; closing: number; movements: Record<string, number> }>;
  errors: Array<{ row: number; message: string }>;
}

describe('saldo --mapping', () => {
  it('without a mapping the ledger is refused, and the message says a mapping can name the columns', async () => {
    const run = await cli(['statements', '--in', ledger, '--year', '2026']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Posteringslisten mangler kolonnerne Debitor, Art');
    expect(run.stderr).toContain('sig det i en kortlægning (Saldo-kortlægning)');
  });

  it('reads the ledger through the mapping; the kind left unknown is a row error and counted in the summary', async () => {
    const run = await cli(['statements', '--in', ledger, '--year', '2026', '--mapping', 'kort.csv'], { 'kort.csv': MAPPING });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as StatementOut;
    // D1: 1.000 kr. new, "Udligning" 400 + 100 kr. paid → 500 kr.; D2: 500 kr. new + "Rykker 1" 100 kr. fee → 600 kr.
    expect(out.debtors.map((d) => [d.debtorId, d.closing, d.movements])).toEqual([
      ['D1', 500, { krav: 1000, betaling: -500 }],
      ['D2', 600, { krav: 500, gebyr: 100 }],
    ]);
    expect(out.errors).toEqual([{ row: 7, message: expect.stringMatching(/^Ukendt art "Ombogført"/) }]);
    expect(run.stderr).toContain('Posteringsfilen: 7 linjer læst = 1 overskrift + 5 godkendt + 1 fejl.');
    expect(run.stderr).toContain('Ukendte arter: "Ombogført" i 1 række.');
  });

  it('counts each unknown kind by word, for analyse, limitation and funnel too', async () => {
    const columnsOnly = ['Slags;I filen;Betyder', 'kolonne;Deb.nr;Debitor', 'kolonne;Bevægelsestype;Art'].join('\n');
    for (const args of [
      ['analyse', '--as-of', '2026-12-31'],
      ['limitation', '--as-of', '2026-12-31'],
      ['funnel', '--from', '2026-01-01', '--to', '2026-12-31'],
      ['statements', '--year', '2026'],
    ]) {
      const run = await cli([...args, '--in', ledger, '--mapping', 'kort.csv'], { 'kort.csv': columnsOnly });
      expect(run.code, args[0]).toBe(0);
      expect(run.stderr, args[0]).toContain('Ukendte arter: "Udligning" i 2 rækker, "Ombogført" i 1 række, "Rykker 1" i 1 række.');
    }
  });

  it('takes the sheet Saldo-kortlægning of a workbook, wherever it is', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Noter').addRow(['ikke en kortlægning']);
    const sheet = wb.addWorksheet('Saldo-kortlægning');
    for (const line of MAPPING.split('\n')) sheet.addRow(line.split(';'));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const run = await cli(['analyse', '--in', ledger, '--as-of', '2026-12-31', '--mapping', 'kort.xlsx'], { 'kort.xlsx': bytes });
    expect(run.code).toBe(0);
    // 500 + 600 kr. as in the statement above
    expect((JSON.parse(run.stdout) as { summary: { balance: number } }).summary.balance).toBe(1100);
  });

  it('refuses a mapping it cannot take whole, naming its row, before reading the ledger', async () => {
    const bad = `${MAPPING}\nart;Afskrevet;betaling`;
    const run = await cli(['statements', '--in', ledger, '--year', '2026', '--mapping', 'kort.csv'], { 'kort.csv': bad });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Kortlægningen, række 6: Saldo læser allerede arten "Afskrevet" som afskrivning, ikke betaling.');
    const missing = await cli(['statements', '--in', ledger, '--year', '2026', '--mapping', 'findes-ikke.csv']);
    expect(missing.stderr).toContain('Kortlægningen "findes-ikke.csv" findes ikke.');
  });

  it('is refused where no ledger file is read', async () => {
    const plan = await cli(['plan', '--in', 'x.json', '--mapping', 'kort.csv'], { 'x.json': '{}', 'kort.csv': MAPPING });
    expect(plan.code).toBe(2);
    expect(plan.stderr).toContain('--mapping bruges ikke af plan');
  });

  it('is applied by both threads when a large CSV is read in pieces', async () => {
    const rows = LINES.slice(1);
    const big = t.file([LINES[0], ...Array.from({ length: 40 }, (_, i) => rows.map((r) => r.replace(/^D(\d)/, `D$1-${i}`).replace(/;F(\d);/, `;F$1-${i};`))).flat()].join('\n'));
    const mapping = mappingFromRows(MAPPING.split('\n').map((l) => l.split(';')));
    const whole = await statementOfFile(big, defaultRules, { year: '2026', mapping, threads: 1, pieceBytes: 1 << 30 });
    // 40 copies of 500 + 600 kr., and 40 rows of "Ombogført"
    expect(whole.statement.totals.closing).toBe(40 * 110_000);
    expect(whole.statement.errors.map((e) => e.unknownKind)).toEqual(Array(40).fill('Ombogført'));
    for (const [threads, workerTakesAll] of [
      [2, false],
      [2, true],
    ] as const) {
      const pieces = await statementOfFile(big, defaultRules, { year: '2026', mapping, pieceBytes: 300, threads, workerTakesAll });
      expect(pieces.statement.totals).toEqual(whole.statement.totals);
      expect(pieces.statement.errors).toEqual(whole.statement.errors);
      const funnel = await funnelFromFile(big, { from: '2026-01-01', to: '2026-12-31', mapping, pieceBytes: 300, threads, workerTakesAll });
      // per copy: 1.500 kr. new (1.000 + 500)
      expect(funnel.totals.newAmount).toBe(40 * 150_000);
      expect(funnel.errors.filter((e) => e.unknownKind === 'Ombogført')).toHaveLength(40);
    }
  });

  it('reads the work list’s ledger through the mapping', async () => {
    const register = ['Aftale;Debitor;Fordringer;Ydelse;Aftaledato;Første forfald', 'A1;D1;F1;250,00;04-03-2026;01-04-2026'].join('\n');
    const run = await cli(['worklist', '--agreements', 'register.csv', '--ledger', ledger, '--as-of', '2026-03-15', '--mapping', 'kort.csv'], {
      'register.csv': register,
      'kort.csv': MAPPING,
    });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { agreements: Array<{ id: string }> }).agreements.map((a) => a.id)).toEqual(['A1']);
    expect(run.stderr).toContain('Ukendte arter: "Ombogført" i 1 række.');
  });

  it("the example: the fagsystem file through its mapping gives the work list of the same postings in Saldo's words", async () => {
    const dir = join(ROOT, 'examples/portefoelje');
    const files = { 'aftaler.csv': readFileSync(join(dir, 'aftaler.csv')), 'kort.csv': readFileSync(join(dir, 'kortlaegning.csv')) };
    const own = await cli(['worklist', '--agreements', 'aftaler.csv', '--ledger', join(dir, 'posteringer.csv'), '--as-of', '2026-03-15'], files);
    const mapped = await cli(['worklist', '--agreements', 'aftaler.csv', '--ledger', join(dir, 'fagsystem.csv'), '--as-of', '2026-03-15', '--mapping', 'kort.csv'], files);
    expect(mapped.code).toBe(0);
    const list = (run: typeof own) => (JSON.parse(run.stdout) as { agreements: unknown[]; totals: unknown }).agreements;
    expect(list(mapped)).toEqual(list(own));
    expect(list(own)).toHaveLength(5);
    expect(mapped.stderr).not.toContain('Ukendte arter');
  });

  it("the example: the campaign reads the fagsystem file through the mapping as it reads the same postings in Saldo's words", async () => {
    const dir = join(ROOT, 'examples/portefoelje');
    const files = { 'opkald.csv': readFileSync(join(dir, 'opkald.csv')), 'kort.csv': readFileSync(join(dir, 'kortlaegning.csv')) };
    const own = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', join(dir, 'posteringer.csv'), '--as-of', '2026-09-30'], files);
    const mapped = await cli(['campaign', '--calls', 'opkald.csv', '--ledger', join(dir, 'fagsystem.csv'), '--as-of', '2026-09-30', '--mapping', 'kort.csv'], files);
    expect(mapped.code).toBe(0);
    const body = (run: typeof own) => {
      const { source: _source, ...rest } = JSON.parse(run.stdout) as { source: unknown };
      return rest;
    };
    expect(body(mapped)).toEqual(body(own));
    expect((body(own) as { totals: { calls: number } }).totals.calls).toBe(7);
  });
});
