import { describe, expect, it } from 'vitest';
import { commands, toJson } from '../../../core/commands/index.js';
import { dayNumberOf } from '../../../core/calendar/date.js';
import { analysisFromRows, analysisToJson, objectsToRows, statementFromRows, statementJsonChunks, statementToJson } from '../../../core/ledger/ledgerJson.js';
import { showStatement } from '../../../core/ledger/shownTexts.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

// Two people born 1 January 1990 (the masker tells them apart as #2), a CPR number in a claim id, and a row error naming one.
const ledger = [
  { debtorId: '0101901234', cpr: '0101901234', debtorName: 'Anne', claimId: 'F1', claimType: 'daginstitution', postingDate: '2025-11-01', kind: 'krav', amount: 1234.56 },
  { debtorId: '0101901234', cpr: '0101901234', debtorName: 'Anne', claimId: 'F1', claimType: 'daginstitution', postingDate: '2026-02-01', kind: 'betaling', amount: -200.5 },
  { debtorId: '010190-5678', cpr: '010190-5678', debtorName: 'Bo', claimId: 'sag 0202801111', claimType: 'andet', postingDate: '2026-03-01', kind: 'krav', amount: 0.07 },
  { debtorId: 'D3', debtorName: 'Carl', claimId: 'F3', claimType: 'andet', postingDate: 'i går 0303701234', kind: 'krav', amount: 1 },
];

describe('statements and analyse return øre; their JSON is made at the edge (issue 16)', () => {
  it('the statement command gives øre and due dates as the builder makes them', () => {
    const s = commands.statements({ year: 2026, ledger }, defaultRules);
    const anne = s.debtors.find((d) => d.name === 'Anne')!;
    expect(anne.opening).toBe(123_456);
    expect(anne.movements).toEqual({ betaling: -20_050 });
    expect(anne.closing).toBe(103_406);
    expect(s.totals.rowsSum).toBe(103_406 + 7);
  });

  it('with maskCpr, the command and toJson give the JSON the masked statement always had (same #2 tags, masked errors)', () => {
    const rows = objectsToRows(ledger);
    const viaCommand = toJson.statements(commands.statements({ year: 2026, ledger, maskCpr: true }, defaultRules));
    const direct = statementToJson(statementFromRows(rows, 2026, defaultRules), { maskCpr: true });
    expect(viaCommand).toEqual(direct);
    expect(JSON.stringify(viaCommand)).not.toMatch(/0101901234|010190-5678|0202801111|0303701234/);
    expect(JSON.stringify(viaCommand)).toContain('#2');
  });

  it('the streamed JSON of a statement equals the JSON of its shown texts, masked or not', () => {
    const s = statementFromRows(objectsToRows(ledger), 2026, defaultRules);
    for (const maskCpr of [false, true]) {
      expect([...statementJsonChunks(s, { maskCpr }, {}, 1)].join('')).toBe(JSON.stringify(statementToJson(showStatement(s, { maskCpr }))));
    }
  });

  it('the analysis command gives øre; with maskCpr its JSON is the masked analysis JSON', () => {
    const a = commands.analyse({ asOf: '2026-12-31', ledger }, defaultRules);
    expect(a.summary.balance).toBe(103_406 + 7);
    expect(a.topDebtors[0]!.balance).toBe(103_406);
    const masked = toJson.analyse(commands.analyse({ asOf: '2026-12-31', ledger, maskCpr: true }, defaultRules));
    expect(masked).toEqual(analysisToJson(analysisFromRows(objectsToRows(ledger), dayNumberOf(2026, 12, 31)), { maskCpr: true }));
    expect(JSON.stringify(masked)).not.toMatch(/0101901234|010190-5678|0303701234/);
  });
});
