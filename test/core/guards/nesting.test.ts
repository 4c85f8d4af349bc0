import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnJson } from '../../../core/commands/index.js';
import { batch } from '../../jsonCommands.js';
import { MAX_NESTING, showValue } from '../../../core/errors.js';
import { applyRuleOverride, defaultRules } from '../../../core/rules/ruleSet.js';
import { cli } from '../../cli/helpers.js';
import { saldoMessage } from '../saldoMessage.js';

/** [[[…1…]]] with `depth` brackets, built without recursion. */
function deepArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
}
function deepObject(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i += 1) v = { a: v };
  return v;
}
const plan = (principal: unknown) => ({ firstDueDate: '2026-02-01', installment: 500, claims: [{ principal }] });

describe('a value nested deeper than any Saldo input is refused, in Danish (issue 14)', () => {
  it('showValue shows a 100,000 deep list or object in at most 60 characters, without recursing through it', () => {
    expect(showValue(deepArray(100_000))).toBe(`${'['.repeat(57)}...`);
    expect(showValue(deepObject(100_000))).toBe(`${'{"a":'.repeat(11)}{"...`);
    // Short values are shown whole, as JSON.
    expect(showValue({ a: [1, 'x', null] })).toBe('{"a":[1,"x",null]}');
    expect(showValue([])).toBe('[]');
  });

  it.each([
    ['a list', deepArray],
    ['an object', deepObject],
  ])('every command refuses %s 4,100 and 100,000 deep with "for dybt indlejret"', (_what, deep) => {
    for (const depth of [4_100, 100_000]) {
      const inputs = {
        plan: plan(deep(depth)),
        henstand: { ...plan(1000), henstand: { from: '2026-05-01', months: deep(depth), kind: 'full' } },
        status: { ...plan(1000), asOf: '2026-03-01', payments: [{ date: '2026-02-01', amount: deep(depth) }] },
        followup: { year: 2025, goals: [{ id: '1', name: deep(depth), measure: 'a', target: 1 }], data: { Q1: { a: 1 } } },
        statements: { year: 2025, ledger: [{ debtorId: deep(depth), claimId: '1', postingDate: '2025-01-01', kind: 'krav', amount: 1 }] },
        analyse: { asOf: '2025-06-01', ledger: [{ debtorId: 'D1', claimId: deep(depth), postingDate: '2025-01-01', kind: 'krav', amount: 1 }] },
      };
      for (const [name, input] of Object.entries(inputs)) {
        const message = saldoMessage(() => runOnJson(name as 'plan', input, defaultRules));
        expect(message, name).toMatch(/for dybt indlejret/);
        expect(message, name).toContain(String(MAX_NESTING));
      }
      expect(batch('plan', [plan(deep(depth)), plan(1000)], defaultRules).map((r) => 'error' in r)).toEqual([true, false]);
    }
  });

  it('names where the deep value starts', () => {
    expect(saldoMessage(() => runOnJson('plan', plan(deepArray(200)), defaultRules))).toMatch(/^claims\[0\]\.principal: værdien er for dybt indlejret/);
  });

  it('a rule file nested too deep is refused', () => {
    expect(saldoMessage(() => applyRuleOverride(defaultRules, { rateTables: { x: deepObject(100_000) } }))).toMatch(/for dybt indlejret/);
  });

  it('the CLI answers a deep file with exit 2, also for a batch element and a deep ledger row', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const one = await cli(['plan', '--in', 'x.json'], { 'x.json': `{"firstDueDate":"2026-02-01","installment":500,"claims":[{"principal":${deep}}]}` });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/for dybt indlejret/);
    const batch = await cli(['plan', '--in', 'x.json'], { 'x.json': `[{"firstDueDate":"2026-02-01","installment":500,"claims":[{"principal":${deep}}]}]` });
    expect(batch.code).toBe(0);
    expect(batch.stdout).toMatch(/"error":\{"code":"UGYLDIGT_INPUT".*for dybt indlejret/);
    // A ledger file is read from disk (streamed), not through the in-memory files.
    const path = join(mkdtempSync(join(tmpdir(), 'saldo-deep-')), 'l.json');
    writeFileSync(path, `[{"debtorId":${deep},"claimId":"1","postingDate":"2025-01-01","kind":"krav","amount":1}]`);
    const ledger = await cli(['statements', '--in', path, '--year', '2025']);
    expect(ledger.code).toBe(0);
    expect(ledger.stdout).toContain('"errors":[{"row":2,"message":"Debitor skal være tekst eller et tal, ikke en liste (fik [[[[');
  });
});
