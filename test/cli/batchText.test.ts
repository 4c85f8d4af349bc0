import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from '../../cli/commands.js';
import { toJsonText } from '../../cli/run.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, spawnCli, tempFiles } from './helpers.js';

/** 1.000 kr. per claim, 100 kr. a month: ten payments each; every 97th agreement has no installment (an error). */
const agreements = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    startDate: '2026-01-01',
    firstDueDate: i % 50 === 0 ? '2026-09-01' : `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    ...(i % 97 === 5 ? {} : { installment: 100 }),
    claims: [{ id: `F${i}`, type: 'andet', principal: 1000, dueDate: '2025-12-01', annualInterestRate: i % 3 === 0 ? 0.08 : 0 }],
  }));

describe("the CLI's batch as JSON text, made as each element is answered (issue 22)", () => {
  it('writes the JSON and the warnings of the elements kept as values, errors in place', async () => {
    const input = agreements(301);
    // In process, without the text path: the elements as values, turned to text by the same writer.
    const values = await CLI_COMMANDS.plan.answer(input, defaultRules, true, false);
    const run = await cli(['plan', '--in', 'b.json', '--out', 'o.json'], { 'b.json': JSON.stringify(input) });
    expect(run.code).toBe(0);
    expect(run.files.get('o.json')).toBe(toJsonText(values.json, true));
    expect(run.stderr).toBe(values.stderr.map((l) => `${l}\n`).join(''));
    const out = JSON.parse(run.files.get('o.json') as string) as Array<{ error?: unknown; summary?: { principal: number } }>;
    expect(out.flatMap((e, i) => (e.error ? [i] : []))).toEqual(input.flatMap((a, i) => ('installment' in a ? [] : [i])));
    // Every agreement pays its 1.000 kr. of principal.
    expect(out.filter((e) => !e.error).every((e) => e.summary!.principal === 1000)).toBe(true);
    expect(run.stderr).toContain(`4 af 301 elementer kunne ikke beregnes`);
  });

  it('is the same text from the real CLI, to standard output and to a file (the packed writer, schedules as bytes)', async () => {
    // 2.000 agreements: about 2 MB of JSON, so the writers' 1 MB buffer fills and is reused.
    const input = agreements(2_000);
    const values = await CLI_COMMANDS.plan.answer(input, defaultRules, true, false);
    const files = tempFiles('saldo-batch-text-');
    const batch = files.file(JSON.stringify(input), 'json');
    const expected = toJsonText(values.json, true);
    expect(expected.length).toBeGreaterThan(1 << 21);
    const toStdout = spawnCli(['plan', '--in', batch]);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout).toBe(expected);
    const out = join(files.dir, 'ud.json');
    const toFile = spawnCli(['plan', '--in', batch, '--out', out]);
    expect(toFile.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });
});
