import { describe, expect, it } from 'vitest';
import { CLI_COMMANDS } from '../../cli/commands.js';
import { BATCH_THREADS, toJsonText } from '../../cli/run.js';
import { defaultRules } from '../../core/rules/ruleSet.js';
import { cli, spawnCli } from './helpers.js';

/** 1.000 kr. per claim, 100 kr. a month: ten payments each; every 97th agreement has no installment (an error), every 50th a long first period. */
const agreements = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    startDate: '2026-01-01',
    firstDueDate: i % 50 === 0 ? '2026-09-01' : `2026-02-${String(1 + (i % 28)).padStart(2, '0')}`,
    ...(i % 97 === 5 ? {} : { installment: 100 }),
    claims: [{ id: `F${i}`, type: 'andet', principal: 1000, dueDate: '2025-12-01', annualInterestRate: i % 3 === 0 ? 0.08 : 0 }],
  }));

describe('a large batch answered on two threads (issue 22)', () => {
  it('starts a second thread only for a batch of at least the minimum', () => {
    expect(BATCH_THREADS.minimum).toBeGreaterThan(100);
  });

  it('writes the same JSON and the same warnings, element numbers and all, as one thread', async () => {
    const n = BATCH_THREADS.minimum + 101;
    const input = agreements(n);
    // One thread, in process: the elements as values, turned to text by the same writer.
    const one = await CLI_COMMANDS.plan.answer(input, defaultRules, true, false);
    const run = await cli(['plan', '--in', 'b.json', '--out', 'o.json'], { 'b.json': JSON.stringify(input) });
    expect(run.code).toBe(0);
    expect(run.files.get('o.json')).toBe(toJsonText(one.json, true));
    expect(run.stderr).toBe(one.stderr.map((l) => `${l}\n`).join(''));
    // The errors land in both halves, at their own places.
    const out = JSON.parse(run.files.get('o.json') as string) as Array<{ error?: { field: string }; rows?: unknown[] }>;
    const errors = out.flatMap((e, i) => (e.error ? [i] : []));
    expect(errors).toEqual(input.flatMap((a, i) => ('installment' in a ? [] : [i])));
    expect(errors.some((i) => i < n / 2) && errors.some((i) => i > n / 2)).toBe(true);
    expect(out.filter((e) => e.rows).every((e) => e.rows!.length >= 10)).toBe(true);
    expect(run.stderr).toContain(`${errors.length} af ${n} elementer kunne ikke beregnes`);
  });

  it('runs the bundled worker from the command line, as a user runs it', () => {
    const input = agreements(BATCH_THREADS.minimum);
    const r = spawnCli(['plan', '--in', '-'], JSON.stringify(input));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ error?: unknown; summary?: { principal: number } }>;
    expect(out).toHaveLength(input.length);
    // Every agreement pays its 1.000 kr. of principal; the ones without an installment are errors.
    expect(out.filter((e) => !e.error).every((e) => e.summary!.principal === 1000)).toBe(true);
    expect(out.filter((e) => e.error)).toHaveLength(input.filter((a) => !('installment' in a)).length);
  });
});
