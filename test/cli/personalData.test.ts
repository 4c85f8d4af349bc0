/**
 * Issue 14, personal data: with masking on, no CPR number — however written, wherever it stands in
 * the ledger — reaches any output (JSON, the statements workbook, the letters); letters mask by default.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runOnDisk, tempFiles } from './helpers.js';

const { file } = tempFiles('saldo-pdata-');

const run = runOnDisk;

/** Every text cell of every sheet of a written workbook, read back with ExcelJS. */
async function cellTexts(bytes: Uint8Array | string | undefined): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((bytes as Uint8Array).buffer as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && out.push(c.value)))));
  return out;
}

const HEADER = 'Debitor;CPR;Navn;Fordring;Fordringstype;Bogføringsdato;Forfaldsdato;Art;Beløb';

describe('letters mask CPR numbers by default (as the add-in does)', () => {
  const ledger = () => file([HEADER, '0101901234;0101901234;Anne 010190-1234;sag 0101901234;daginstitution;01-02-2026;;krav;100'].join('\n'));
  it('statements --letters without --mask-cpr writes no CPR number in the letters; the JSON stays as the contract says', async () => {
    const r = await run(['statements', '--in', ledger(), '--year', '2026', '--letters', 'breve.xlsx']);
    expect(r.code).toBe(0);
    const text = (await cellTexts(r.written.get('breve.xlsx'))).join('\n');
    expect(text).toContain('CPR-nr.: 010190-xxxx');
    expect(text).toContain('Anne 010190-xxxx');
    expect(text).toContain('sag 010190-xxxx');
    expect(text).not.toMatch(/1234/);
    // standard output is the stable JSON contract: unmasked unless --mask-cpr
    expect(JSON.parse(r.stdout).debtors[0].cpr).toBe('0101901234');
  });
  it('--show-cpr shows them in the letters, when a caseworker explicitly asks', async () => {
    const r = await run(['statements', '--in', ledger(), '--year', '2026', '--letters', 'breve.xlsx', '--show-cpr']);
    expect(r.code).toBe(0);
    expect((await cellTexts(r.written.get('breve.xlsx'))).join('\n')).toContain('CPR-nr.: 0101901234');
  });
  it('--show-cpr with --mask-cpr is refused (which one counts?), and without --letters it has nothing to show', async () => {
    const both = await run(['statements', '--in', ledger(), '--year', '2026', '--letters', 'breve.xlsx', '--show-cpr', '--mask-cpr']);
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toMatch(/^--show-cpr og --mask-cpr modsiger hinanden/);
    expect(both.written.size).toBe(0);
    const alone = await run(['statements', '--in', ledger(), '--year', '2026', '--show-cpr']);
    expect(alone).toMatchObject({ code: 2, stdout: '' });
    expect(alone.stderr).toMatch(/--show-cpr gælder brevene: brug det sammen med --letters FIL/);
    const other = await run(['analyse', '--in', ledger(), '--as-of', '2026-12-31', '--show-cpr']);
    expect(other.code).toBe(2);
  });
});

describe('no CPR number survives masking in any output (property over random CPR numbers and writings)', () => {
  const two = (x: number) => String(x).padStart(2, '0');
  const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
  const WRITINGS: Array<(date: string, tail: string) => string> = [
    (a, b) => `${a}-${b}`,
    (a, b) => `${a}${b}`,
    (a, b) => `${a} ${b}`,
    (a, b) => `${a}\u2013${b}`,
    (a, b) => `${a}\u2014${b}`,
    (a, b) => `${a}/${b}`,
    (a, b) => `${a.slice(0, 2)}.${a.slice(2, 4)}.${a.slice(4)}-${b}`,
    (a, b) => `${a.slice(0, 2)}-${a.slice(2, 4)}-${a.slice(4)}-${b}`,
    (a, b) => fullWidth(`${a}-${b}`),
    (a, b) => arabicIndic(`${a}${b}`),
  ];
  const cpr = fc
    .record({
      d: fc.integer({ min: 1, max: 28 }),
      m: fc.integer({ min: 1, max: 12 }),
      y: fc.integer({ min: 0, max: 99 }),
      tail: fc.integer({ min: 0, max: 9999 }),
      how: fc.integer({ min: 0, max: WRITINGS.length - 1 }),
    })
    .map((c) => {
      const date = `${two(c.d)}${two(c.m)}${two(c.y)}`;
      const tail = String(c.tail).padStart(4, '0');
      return { digits: `${date}${tail}`, written: WRITINGS[c.how]!(date, tail) };
    });
  /** A cell's text with the test's own digit folding and the separators taken out: a CPR number left in it shows as its ten digits. */
  const bare = (t: string) =>
    t
      .replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      .replace(/[-\u2013\u2014/. \u00a0]/g, '');

  it('through the JSON, the statements workbook, the letters, and the analysis (JSON and workbook)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ id: cpr, name: cpr, claim: cpr, type: cpr, bad: cpr, where: fc.constantFrom('id', 'name', 'claim', 'type') }), { minLength: 1, maxLength: 4 }),
        async (people) => {
          const lines = [HEADER];
          people.forEach((p, i) => {
            const id = p.where === 'id' ? p.id.written : `D${i}`;
            lines.push(`${id};${p.id.written};Navn ${p.name.written};F ${p.claim.written};type ${p.type.written};01-02-2026;;krav;100`);
            // a row that is refused, with a CPR number in the shown cell: the message is output text too
            lines.push(`${id};;;F${i};;${p.bad.written};;krav;100`);
          });
          const path = file(lines.join('\n'));
          const r = await run(['statements', '--in', path, '--year', '2026', '--mask-cpr', '--out', 'x.xlsx', '--letters', 'breve.xlsx']);
          expect(r.code).toBe(0);
          const json = await run(['statements', '--in', path, '--year', '2026', '--mask-cpr']);
          const analysis = await run(['analyse', '--in', path, '--as-of', '2026-12-31', '--mask-cpr', '--out', 'a.xlsx']);
          const analysisJson = await run(['analyse', '--in', path, '--as-of', '2026-12-31', '--mask-cpr']);
          expect([analysis.code, analysisJson.code]).toEqual([0, 0]);
          const texts = [
            json.stdout,
            r.stderr,
            ...(await cellTexts(r.written.get('x.xlsx'))),
            ...(await cellTexts(r.written.get('breve.xlsx'))),
            analysisJson.stdout,
            ...(await cellTexts(analysis.written.get('a.xlsx'))),
          ];
          const digits = people.flatMap((p) => [p.id, p.name, p.claim, p.type, p.bad].map((c) => c.digits));
          for (const t of texts) for (const d of digits) expect(bare(t)).not.toContain(d);
          // and the people are all there: one debtor per row with a different id
          expect(JSON.parse(json.stdout).totals.rows).toBe(people.length);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('two CPR numbers under one debtor number in a CSV read in pieces', () => {
  it('the error names the file’s row numbers, whichever thread read which row', async () => {
    const { statementOfFile } = await import('../../cli/ledger/ledgerCommands.js');
    const { defaultRules } = await import('../../core/rules/ruleSet.js');
    // data row i is line i + 2; D1 has 010190-1234 on line 2 and another person's number on line 290
    const lines = [
      'Debitor;CPR;Fordring;Bogføringsdato;Art;Beløb',
      ...Array.from({ length: 300 }, (_, i) => (i === 0 ? 'D1;010190-1234;F;01-01-2026;krav;1,00' : i === 288 ? 'D1;020290-5678;G;01-01-2026;krav;7,00' : `D${i + 1};;F;01-01-2026;krav;1,00`)),
    ];
    const path = file(lines.join('\n'));
    for (const [threads, workerTakesAll] of [
      [1, false],
      [2, false],
      [2, true],
    ] as const) {
      const { statement } = await statementOfFile(path, defaultRules, { year: '2026', pieceBytes: 200, threads, workerTakesAll });
      expect(statement.errors).toEqual([{ row: 290, message: expect.stringContaining('"010190-xxxx" i række 2, men et andet nummer, "020290-xxxx", i række 290.') }]);
      expect(statement.totals).toMatchObject({ rows: 299, rowsSum: 29_900 });
    }
  });
});
