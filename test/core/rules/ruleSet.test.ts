import { describe, expect, it } from 'vitest';
import { plan } from '../../jsonCommands.js';
import { applyRuleOverride, defaultRules } from '../../../core/rules/ruleSet.js';
import { CLAIM_TYPES } from '../../../core/rules/claimTypes.js';

describe('default rules carry their sources', () => {
  it('every rule has a source, a checked date and a status', () => {
    const sourced = [
      defaultRules.claimTypes,
      defaultRules.fees.rykkerPublic,
      defaultRules.fees.rykkerCivil,
      defaultRules.allocationOrder,
      defaultRules.bankHolidays,
      ...Object.values(defaultRules.betalingsevne),
    ];
    for (const rule of sourced) {
      expect(rule.source.length).toBeGreaterThan(10);
      expect(rule.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['verified', 'derived', 'unverified']).toContain(rule.status);
    }
    for (const table of Object.values(defaultRules.rateTables)) {
      for (const row of table.rows) expect(row.source.length).toBeGreaterThan(5);
    }
  });
  it('fee caps are the legal maxima: 250 kr. (gebyrloven § 2 stk. 3) and 100 kr. × 3 (renteloven § 9 b)', () => {
    // No takst is shipped: the kommune sets its own; until then outputs show the maximum as "højst".
    expect(defaultRules.fees.rykkerPublic.value).toEqual({ maxPerRykker: 25_000, maxFeeCount: null, minDaysBetween: null, takst: null });
    expect(defaultRules.fees.rykkerCivil.value).toEqual({ maxPerRykker: 10_000, maxFeeCount: 3, minDaysBetween: 10, takst: null });
  });
  it('the opkrævningspolitik: no henstand on running ejendomsskat, daginstitution, underholdsbidrag', () => {
    const noHenstand = CLAIM_TYPES.filter((t) => !defaultRules.claimTypes.value[t]!.henstandNormallyAllowed);
    expect(noHenstand.sort()).toEqual(['daginstitution', 'ejendomsskat', 'underholdsbidrag']);
  });
  it('ships no unverified interest rate row, and no rate for 1 July 2026 (no primary source yet)', () => {
    for (const table of Object.values(defaultRules.rateTables)) {
      for (const row of table.rows) expect(row.status).not.toBe('unverified');
      for (const row of table.rows) expect(row.from < '2026-07-01').toBe(true);
      expect(table.validThrough < '2026-07-08').toBe(true);
    }
    // The half-years known (research/law-review-2026-12.md): 10,75 %, 9,75 %, 9,75 % (derived).
    expect(defaultRules.rateTables.morarente!.rows.slice(-3).map((r) => [r.from, r.annualRatePpm, r.status])).toEqual([
      ['2025-01-01', 107_500, 'verified'],
      ['2025-07-01', 97_500, 'verified'],
      ['2026-01-01', 97_500, 'derived'],
    ]);
  });
  it('the betalingsevne brackets are contiguous', () => {
    const rows = defaultRules.betalingsevne['2024']!.rows;
    rows.slice(1).forEach((r, i) => expect(r.from).toBe((rows[i]!.to ?? NaN) + 1));
  });
});

describe('a rule file overrides the defaults', () => {
  const table2025 = {
    source: 'SKM2024.999.GÆLDST (test-tabel)',
    checked: '2026-01-05',
    rows: [
      { from: 0, to: 150000, withoutChildren: 4, withChildren: 3 },
      { from: 150001, to: null, withoutChildren: 20, withChildren: 10 },
    ],
  };
  it('adds a betalingsevne table for a year', () => {
    const rules = applyRuleOverride(defaultRules, { betalingsevne: { '2025': table2025 } });
    // 300.000 × 20 % / 12 = 5.000 kr.
    const out = plan({ firstDueDate: '2026-02-01', paymentCapacity: { netIncome: 300000, year: 2025 }, claims: [{ principal: 10000 }] }, rules);
    expect(out.summary.installment).toBe(5000);
    expect(rules.betalingsevne['2024']).toBe(defaultRules.betalingsevne['2024']);
  });
  it('extends a rate table with a new half-year (the one the default table lacks: 1 July 2026)', () => {
    const rules = applyRuleOverride(defaultRules, {
      rateTables: { morarente: { source: 'Nationalbanken (test)', checked: '2026-07-02', validThrough: '2026-12-31', rows: [{ from: '2026-07-01', annualRate: 10 }] } },
    });
    expect(rules.rateTables.morarente!.rows.at(-1)).toMatchObject({ from: '2026-07-01', annualRatePpm: 100_000 });
    expect(rules.rateTables.morarente!.rows).toHaveLength(defaultRules.rateTables.morarente!.rows.length + 1);
    // 10.000 kr. × 10 % × 31/365 = 84,93 kr. in July 2026
    const out = plan({ startDate: '2026-07-01', firstDueDate: '2026-08-01', installment: 20000, claims: [{ principal: 10000, interestRateTable: 'morarente', dueDate: '2026-06-01' }] }, rules);
    expect(out.rows[0]?.interest).toBe(84.93);
    // … which the default table refuses, naming its end and the rule file.
    expect(() =>
      plan({ startDate: '2026-07-01', firstDueDate: '2026-08-01', installment: 20000, claims: [{ principal: 10000, interestRateTable: 'morarente', dueDate: '2026-06-01' }] }, defaultRules),
    ).toThrow(/dækker kun 2019-01-01 til 2026-06-30.*regelfil/);
  });
  it('changes the order of coverage', () => {
    const rules = applyRuleOverride(defaultRules, { allocationOrder: ['principal', 'interest', 'fees'] });
    const row = plan({ firstDueDate: '2026-02-01', installment: 300, claims: [{ principal: 1000, fees: 250 }] }, rules).rows[0];
    expect(row).toMatchObject({ principal: 300, fees: 0 });
  });
  it.each([
    [{ betalingsevne: { '2025': { ...table2025, source: '' } } }, /angiv kilden/],
    [{ betalingsevne: { '2025': { ...table2025, checked: 'i går' } } }, /betalingsevne\.2025\.checked/],
    [
      {
        betalingsevne: {
          '2025': {
            ...table2025,
            rows: [
              { from: 0, to: 100, withoutChildren: 4, withChildren: 3 },
              { from: 200, to: null, withoutChildren: 5, withChildren: 3 },
            ],
          },
        },
      },
      /slutte op til hinanden/,
    ],
    [{ betalingsevne: { '2025': { ...table2025, rows: [{ from: 0, to: null, withoutChildren: 140, withChildren: 3 }] } } }, /procentsats/],
    [{ rentetabeller: {} }, /ukendt felt "rentetabeller"/],
    [{ allocationOrder: ['fees', 'fees', 'principal'] }, /allocationOrder/],
    [{ claimTypes: { parkering: { udpantningsret: true, source: 'x', checked: '2026-01-01' } } }, /claimTypes\.parkering\.label: en ny fordringstype skal have en betegnelse/],
    [
      { claimTypes: { dagpleje: { label: 'Dagpleje', procedures: { restance: 'rykkerløs' }, source: 'x', checked: '2026-01-01' } } },
      /claimTypes\.dagpleje\.procedures\.restance: ukendt procedure "rykkerløs"/,
    ],
    [{ fees: { rykkerPublic: { takst: 300, source: 'Takstblad 2027', checked: '2026-12-01' } } }, /fees\.rykkerPublic\.takst: taksten 300,00 kr\. er over lovens maksimum 250,00 kr\./],
    [{ rykkerProcedure: { intervalDays: 14, source: 'x', checked: '2026-11-01' } }, /rykkerProcedure: er afløst af "procedures"/],
    // gældsinddrivelsesloven § 2 stk. 4: no oversendelse without the written notice, to the debtor and to each medhæfter.
    [
      {
        procedures: {
          kort: {
            label: 'Kort',
            source: 'x',
            checked: '2026-12-01',
            steps: [
              { id: 'rykker1', kind: 'rykker', action: 'Rykker', afterDays: 0, fee: true },
              { id: 'oversendelse', kind: 'oversendelse', action: 'Oversend', afterDays: 10 },
            ],
          },
        },
      },
      /procedures\.kort\.steps\[1\]: skyldneren skal have skriftligt varsel før oversendelse \(gældsinddrivelsesloven § 2 stk\. 4\)/,
    ],
    [
      {
        procedures: {
          kort: {
            label: 'Kort',
            source: 'x',
            checked: '2026-12-01',
            steps: [
              { id: 'rykker1', kind: 'rykker', action: 'Rykker', afterDays: 0, notice: true },
              { id: 'm1', kind: 'rykker', action: 'Til medhæftere', afterDays: 10, medhaeftere: true },
              { id: 'oversendelse', kind: 'oversendelse', action: 'Oversend', afterDays: 10 },
            ],
          },
        },
      },
      /hver medhæfter skal også have skriftligt varsel/,
    ],
    [
      { procedures: { kort: { label: 'Kort', source: 'x', checked: '2026-12-01', steps: [{ id: 'r', kind: 'brev', action: 'x', afterDays: 0 }] } } },
      /steps\[0\]\.kind: skal være en af rykker, opkald/,
    ],
    [{ procedures: { Kort: { label: 'Kort', source: 'x', checked: '2026-12-01', steps: [] } } }, /procedures\.Kort: navnet skal bestå af små bogstaver/],
    [[], /JSON-objekt/],
  ])('a malformed rule file is refused with a Danish message: %j', (override, message) => {
    expect(() => applyRuleOverride(defaultRules, override)).toThrow(message);
  });
  it('claim type attributes can be confirmed by the kommune', () => {
    const rules = applyRuleOverride(defaultRules, { claimTypes: { renovation: { udpantningsret: false, source: 'Kommunens jurist, notat 2026', checked: '2026-11-01' } } });
    expect(rules.claimTypes.value.renovation!.udpantningsret).toBe(false);
    expect(rules.claimTypes.source).toMatch(/renovation: Kommunens jurist/);
  });

  it('a limitation of more than 30 years is refused as a typing error', () => {
    expect(() => applyRuleOverride(defaultRules, { claimTypes: { renovation: { limitationYears: 3000, source: 'Notat', checked: '2026-11-01' } } })).toThrow(
      /limitationYears: skal være et helt antal år fra 0 til 30/,
    );
    expect(applyRuleOverride(defaultRules, { claimTypes: { renovation: { limitationYears: 10, source: 'Notat', checked: '2026-11-01' } } }).claimTypes.value.renovation!.limitationYears).toBe(10);
  });
  it('a claim type entry that sets nothing is refused, not silently ignored (found by the fuzz suite)', () => {
    expect(() => applyRuleOverride(defaultRules, { claimTypes: { renovation: { source: 'Notat', checked: '2026-11-01' } } })).toThrow(
      /^Regelfilen, claimTypes\.renovation: angiver ingen regel: skriv mindst én af label, udpantningsret/,
    );
  });
});
