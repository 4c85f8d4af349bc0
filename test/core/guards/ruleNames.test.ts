import { describe, expect, it } from 'vitest';
import { runOnJson } from '../../../core/commands/index.js';
import { batch, plan } from '../../jsonCommands.js';
import { countsFromTable } from '../../../core/followup/countsTable.js';
import { periodKey } from '../../../core/followup/tableCells.js';
import { applyRuleOverride, defaultRules } from '../../../core/rules/ruleSet.js';
import { saldoMessage } from '../saldoMessage.js';

// Names every plain JavaScript object answers to: a user who types one names no rule.
const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

const planWith = (table: string) => ({ firstDueDate: '2026-02-01', installment: 500, claims: [{ principal: 4200, interestRateTable: table }] });

describe('a user-given name is looked up among own names only (issue 14)', () => {
  it.each(PROTOTYPE_NAMES)('a rate table named %s is unknown in plan, henstand and status, in Danish', (name) => {
    const inputs = {
      plan: planWith(name),
      henstand: { ...planWith(name), henstand: { from: '2026-05-01', months: 3, kind: 'full' } },
      status: { ...planWith(name), asOf: '2026-03-01', payments: [] },
    };
    for (const [command, input] of Object.entries(inputs)) {
      const message = saldoMessage(() => runOnJson(command as 'plan', input, defaultRules));
      expect(message).toContain('ukendt rentetabel');
      expect(message).toContain('morarente');
      const [answer] = batch(command as 'plan', [input], defaultRules);
      expect(answer).toMatchObject({ error: { code: 'UGYLDIGT_INPUT' } });
    }
  });

  it.each(PROTOTYPE_NAMES)('a rule file may name a rate table %s: it is a table of its own, not the prototype', (name) => {
    const table = { source: 'test', checked: '2026-01-01', validThrough: '2026-12-31', rows: [{ from: '2026-01-01', annualRate: 0.12 }] };
    // JSON.parse makes "__proto__" an own key, as a rule file read from disk would.
    const rules = applyRuleOverride(defaultRules, JSON.parse(JSON.stringify({ rateTables: { [name]: table } })));
    expect(Object.keys(rules.rateTables)).toContain(name);
    expect(Object.getPrototypeOf(rules.rateTables)).toBe(Object.getPrototypeOf({}));
    const out = plan({ startDate: '2026-01-01', firstDueDate: '2026-02-01', installment: 500, claims: [{ principal: 1000, interestRateTable: name, dueDate: '2026-01-01' }] }, rules);
    // 1.000 kr. × 12 % × 31/365 = 10,19 kr. interest in the first period.
    expect(out.rows[0]!.interest).toBe(10.19);
    // The default rules are untouched.
    expect(Object.keys(defaultRules.rateTables)).not.toContain(name);
  });

  it.each(PROTOTYPE_NAMES)('a period header %s is no period', (name) => {
    expect(periodKey(name)).toBeNull();
  });

  it('a count named __proto__ in a counts table is kept, not lost in the prototype', () => {
    const counts = countsFromTable([
      ['Navn', 'Q1'],
      ['__proto__', 7],
      ['aftaler', 3],
    ]);
    expect(Object.keys(counts.data.Q1!)).toEqual(['__proto__', 'aftaler']);
    expect(Object.getOwnPropertyDescriptor(counts.data.Q1!, '__proto__')?.value).toBe(7);
  });
});

describe('no lookup of rule data by a bare user name (the class, not the example)', () => {
  it('core reads rateTables and betalingsevne by name only through ownValue', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const files = readdirSync('core', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const bare = files
      .flatMap((f) =>
        readFileSync(`core/${f}`, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `core/${f}:${i + 1}`, line })),
      )
      .filter(({ line }) => /\b(rateTables|betalingsevne|MONTH_OTHER)\[(?!['"\d])/.test(line));
    expect(bare).toEqual([]);
  });
});
