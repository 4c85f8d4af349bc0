import { linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_OPTIONS, NOT_FILE_OPTIONS, OUTPUT_OPTIONS } from '../../cli/outputPaths.js';
import { runCli, type CliIo } from '../../cli/run.js';
import { ROOT, spawnCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-outputs-'));
const agreement = JSON.stringify({ startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ id: 'F1', type: 'daginstitution', principal: 4200, dueDate: '2025-10-01' }] });
const LEDGER = 'Debitor;Fordring;Bogføringsdato;Art;Beløb\nD1;F1;01-02-2026;krav;100\n';

let n = 0;
/** A fresh folder for one case, with the files given. */
function folder(files: Record<string, string> = {}): string {
  n += 1;
  const d = join(dir, `case${n}`);
  mkdirSync(d);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(d, name), content);
  return d;
}

/** The CLI in-process on real files; writes are recorded, not made, so a refusal is seen as "nothing written". */
async function run(argv: string[]) {
  let stderr = '';
  const written: string[] = [];
  const io: CliIo = {
    readFile: async (p) => readFileSync(p, 'utf8'),
    readBytes: async (p) => new Uint8Array(readFileSync(p)),
    readStdin: async () => '',
    writeFile: async (p) => void written.push(p),
    writeChunks: async (p) => void (p !== undefined && written.push(p)),
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
  };
  const code = await runCli(argv, io);
  return { code, stderr, written };
}

describe('an output never overwrites an input or another output', () => {
  it('statements --letters onto the ledger itself is refused and the ledger survives (the reported case)', () => {
    const d = folder({ 'ledger.csv': LEDGER });
    const ledger = join(d, 'ledger.csv');
    const r = spawnCli(['statements', '--in', ledger, '--year', '2026', '--letters', ledger]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`--letters "${ledger}" er den samme fil som --in "${ledger}": Saldo overskriver aldrig sit input. Vælg et andet navn til --letters.\n`);
    expect(readFileSync(ledger, 'utf8')).toBe(LEDGER);
  });

  it('--out and --letters on the same file are refused, naming both (the letters were lost)', async () => {
    const d = folder({ 'ledger.csv': LEDGER });
    const r = await run(['statements', '--in', join(d, 'ledger.csv'), '--year', '2026', '--out', join(d, 'x.xlsx'), '--letters', join(d, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`--out "${join(d, 'x.xlsx')}" og --letters "${join(d, 'x.xlsx')}" er den samme fil: det ene resultat ville overskrive det andet. Giv dem hver sit navn.\n`);
    expect(r.written).toEqual([]);
  });

  it('every input option is protected: --in, --rules and --previous', async () => {
    const d = folder({ 'a.json': agreement, 'regler.json': '{}', 'q1.json': '[]', 'q2.json': JSON.stringify({ year: 2025, goals: [], data: {} }) });
    const cases: Array<[string[], string, string]> = [
      [['plan', '--in', join(d, 'a.json'), '--out', join(d, 'a.json')], '--out', '--in'],
      [['plan', '--in', join(d, 'a.json'), '--rules', join(d, 'regler.json'), '--out', join(d, 'regler.json')], '--out', '--rules'],
      [['followup', '--in', join(d, 'q2.json'), '--previous', join(d, 'q1.json'), '--out', join(d, 'q1.json')], '--out', '--previous'],
    ];
    for (const [argv, output, input] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(new RegExp(`^${output} ".*" er den samme fil som ${input} ".*": Saldo overskriver aldrig sit input\\.`));
      expect(r.written).toEqual([]);
    }
  });

  it('other spellings of the same file are caught: ./ and .., a relative path, a symlinked folder, a hard link', async () => {
    const d = folder({ 'ledger.csv': LEDGER });
    const ledger = join(d, 'ledger.csv');
    mkdirSync(join(d, 'sub'));
    symlinkSync(d, join(d, 'genvej'));
    linkSync(ledger, join(d, 'hard.csv'));
    const spellings = [`${d}/./sub/../ledger.csv`, relative(process.cwd(), ledger), join(d, 'genvej', 'ledger.csv'), join(d, 'hard.csv')];
    for (const spelling of spellings) {
      const r = await run(['statements', '--in', ledger, '--year', '2026', '--letters', spelling]);
      expect(r.code, spelling).toBe(2);
      expect(r.stderr, spelling).toContain(`--letters "${spelling}" er den samme fil som --in "${ledger}"`);
      expect(r.written).toEqual([]);
    }
  });

  it('an input given through a symbolic link is still protected', async () => {
    const d = folder({ 'a.json': agreement });
    symlinkSync(join(d, 'a.json'), join(d, 'link.json'));
    const r = await run(['plan', '--in', join(d, 'link.json'), '--out', join(d, 'a.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/er den samme fil som --in/);
  });

  it('two outputs that do not exist yet are caught under different spellings too, and by case or Unicode form (one file on Windows and macOS)', async () => {
    const d = folder({ 'ledger.csv': LEDGER });
    mkdirSync(join(d, 'sub'));
    const pairs: Array<[string, string]> = [
      [join(d, 'x.xlsx'), `${d}/sub/../x.xlsx`],
      [join(d, 'Breve.xlsx'), join(d, 'breve.xlsx')],
      [join(d, 'Rasmus Ålund.xlsx'), join(d, 'Rasmus A\u030alund.xlsx')],
    ];
    for (const [out, letters] of pairs) {
      const r = await run(['statements', '--in', join(d, 'ledger.csv'), '--year', '2026', '--out', out, '--letters', letters]);
      expect(r.code, letters).toBe(2);
      expect(r.stderr).toContain(`--out "${out}" og --letters "${letters}" er den samme fil`);
    }
  });

  it('different files are written as before', async () => {
    const d = folder({ 'a.json': agreement, 'ledger.csv': LEDGER });
    symlinkSync(join(d, 'a.json'), join(d, 'link.json'));
    expect(await run(['plan', '--in', join(d, 'link.json'), '--out', join(d, 'b.json')])).toMatchObject({ code: 0, written: [join(d, 'b.json')] });
    const r = await run(['statements', '--in', join(d, 'ledger.csv'), '--year', '2026', '--out', join(d, 'x.xlsx'), '--letters', join(d, 'breve.xlsx')]);
    // Nothing on stderr but what the letters run wrote (issue 18) and the ledger's line account (the header and its one posting).
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Breve: \d+ brev.* Skrevet til .*breve\.xlsx\.\nPosteringsfilen: 2 linjer læst = 1 overskrift \+ 1 godkendt \+ 0 fejl\.\n$/);
    expect(r.written.sort()).toEqual([join(d, 'breve.xlsx'), join(d, 'x.xlsx')]);
  });
});

describe('every option that takes a value is known to the guard', () => {
  it('as an input, an output or not a file: a new file option must say which, or it is unprotected', () => {
    const source = readFileSync(join(ROOT, 'cli', 'run.ts'), 'utf8');
    const stringOptions = [...source.matchAll(/'?([\w-]+)'?: \{ type: 'string'/g)].map((m) => m[1]!);
    expect(stringOptions).toContain('letters'); // the scan still finds the options
    const known: readonly string[] = [...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...NOT_FILE_OPTIONS];
    expect(stringOptions.filter((o) => !known.includes(o))).toEqual([]);
  });
});

describe('an output that is a symbolic link is refused, not written through', () => {
  it('names where the link points, so the user can give that path', () => {
    const d = folder({ 'a.json': agreement, 'rigtig.json': 'gammel\n' });
    symlinkSync('rigtig.json', join(d, 'link.json'));
    const r = spawnCli(['plan', '--in', join(d, 'a.json'), '--out', join(d, 'link.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `--out "${join(d, 'link.json')}" er et symbolsk link til "${join(d, 'rigtig.json')}". Saldo skriver ikke gennem links: angiv filen direkte, fx --out "${join(d, 'rigtig.json')}".\n`,
    );
    expect(readFileSync(join(d, 'rigtig.json'), 'utf8')).toBe('gammel\n');
  });

  it('also a link whose target does not exist (it would create a file somewhere else), and for --letters', async () => {
    const d = folder({ 'ledger.csv': LEDGER });
    symlinkSync(join(ROOT, 'findes-ikke.xlsx'), join(d, 'breve.xlsx'));
    const r = await run(['statements', '--in', join(d, 'ledger.csv'), '--year', '2026', '--letters', join(d, 'breve.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--letters ".*breve\.xlsx" er et symbolsk link til ".*findes-ikke\.xlsx"/);
    expect(r.written).toEqual([]);
  });
});
