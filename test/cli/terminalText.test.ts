import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../cli/terminalText.js';
import { cli, spawnCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'saldo-terminal-'));
const ESC = '\u001b';
const CLEAR = `${ESC}[2J`;
/** Any control character a terminal acts on, except the line feed that ends a message. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('text from input files never reaches the terminal as control codes', () => {
  it('an escape sequence in a JSON value is shown visibly on stderr, not acted on', async () => {
    const input = { startDate: '2026-01-10', firstDueDate: '2026-02-01', frequency: `${CLEAR}weekly`, installment: 500, claims: [] };
    const r = await cli(['plan', '--in', 'a.json'], { 'a.json': JSON.stringify(input) });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('"\\u001b[2Jweekly"');
    expect(r.stderr.endsWith('\n')).toBe(true);
  });

  it('an escape sequence in a ledger header cell is shown visibly, also from the real CLI', () => {
    const path = join(dir, 'header.csv');
    writeFileSync(path, `Debitor;Fordring;Bogføringsdato;Art${CLEAR};Beløb\nD1;F1;01-02-2026;krav;100\n`);
    const r = spawnCli(['statements', '--in', path, '--year', '2026']);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('"Art\\u001b[2J"');
  });

  it('a file name with control characters is shown visibly too', async () => {
    const r = await cli(['plan', '--in', `x${ESC}]0;titel\u0007.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stderr).toContain('x\\u001b]0;titel\\u0007.json');
  });

  it("keeps line feeds and the progress bar's leading carriage return; shows every other control visibly", () => {
    expect(terminalSafe('\rSaldoopgørelse [#####] 20 %')).toBe('\rSaldoopgørelse [#####] 20 %');
    expect(terminalSafe('to linjer\nog æøå ÆØÅ\n')).toBe('to linjer\nog æøå ÆØÅ\n');
    expect(terminalSafe('a\rb')).toBe('a\\u000db');
    expect(terminalSafe('tab\there')).toBe('tab\\u0009here');
    // C1 controls (U+009B is an 8-bit CSI), DEL, and bidi overrides that reorder what is shown
    expect(terminalSafe('\u009b2J\u007f\u202eabc')).toBe('\\u009b2J\\u007f\\u202eabc');
  });
});
