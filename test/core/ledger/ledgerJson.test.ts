import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { debtorBalance, debtorStatement, kronerJson, statementFromRows, statementJsonChunks, statementToJson } from '../../../core/ledger/ledgerJson.js';
import { dayNumberOf } from '../../../core/calendar/date.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

describe('kronerJson', () => {
  it('is the text JavaScript gives ore / 100 (the oracle), for any whole øre', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1e7, max: 1e7 }), fc.maxSafeInteger(), fc.integer({ min: -(10 ** 15) - 5, max: -(10 ** 15) + 5 }), fc.integer({ min: 10 ** 15 - 5, max: 10 ** 15 + 5 })),
        (ore) => {
          expect(kronerJson(ore)).toBe(String(ore / 100));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('by hand: trailing zeros go, leading zeros of the fraction stay, signs kept', () => {
    expect([0, 5, -5, 50, -50, 105, 1010, -123456, 100, -100].map(kronerJson)).toEqual(['0', '0.05', '-0.05', '0.5', '-0.5', '1.05', '10.1', '-1234.56', '1', '-1']);
  });
});

describe('the statement JSON text', () => {
  it('equals JSON.stringify of the contract for any names and amounts (quotes, control characters, lone surrogates)', () => {
    const header = ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb', 'Sidste rettidige betalingsdato', 'Dom/forlig dato'];
    const row = fc.record({
      debtor: fc.constantFrom('D1', 'D2', 'D"3', 'D\\4'),
      // Random text, and the cases a plain copy would get wrong: lone surrogates, a pair, quote, backslash, control characters.
      name: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\ud800', 'a\udfffb', 'Ø😀', 'x"y', 'a\\b', 'tab\there\u0001')),
      claim: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }),
      date: fc.constantFrom('01-01-2022', '31-12-2025', '15-06-2026'),
      kind: fc.constantFrom('krav', 'betaling', 'rente', 'modregning'),
      ore: fc.integer({ min: -1e9, max: 1e9 }),
      // the forældelse columns: every kind of limitationReason text goes through both writers
      timely: fc.constantFrom('', '16-03-2023'),
      judgment: fc.constantFrom('', '', '10-06-2016', '15-01-2025'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const cells = rows.map((r) => [r.debtor, '', r.name, r.claim, 'andet', r.date, r.date, r.kind, (r.ore / 100).toFixed(2), r.timely, r.judgment]);
        const s = statementFromRows([header, ...cells], 2026, defaultRules);
        const text = [...statementJsonChunks(s, {}, { source: 'x' }, 2)].join('');
        expect(text).toBe(JSON.stringify({ ...statementToJson(s), source: 'x' }));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('masked statements (issue 14): no CPR number in any text, people kept apart', () => {
  const header = ['Debitor', 'CPR', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
  // Two people born 1 January 1990 whose debtor number is their CPR number; a third id holds a CPR in a claim id and the name.
  const rows = [
    header,
    ['0101901234', '0101901234', 'Anne', 'F1', 'daginstitution', '01-02-2026', '', 'krav', '100'],
    ['010190-5678', '010190-5678', 'Bo', 'F1', 'daginstitution', '01-02-2026', '', 'krav', '200'],
    ['D3', '', 'Carl (cpr 02.02.80-1111)', 'sag 0202801111', 'type 020280 1111', '01-02-2026', '', 'krav', '300'],
    ['D4', '', '', 'F9', '', 'i går 0303701234', '', 'krav', '1'],
  ];
  const s = statementFromRows(rows, 2026, defaultRules);
  const masked = statementToJson(s, { maskCpr: true });
  const text = JSON.stringify(masked);

  it('debtor ids, names, CPR, claim ids, claim types and error messages are masked', () => {
    for (const tail of ['1234', '5678', '1111']) expect(text).not.toContain(tail);
    expect(masked.debtors.find((d) => d.name === 'Carl (cpr 020280-xxxx)')!.claims[0]).toMatchObject({ claimId: 'sag 020280-xxxx', claimType: 'type 020280-xxxx' });
    expect(masked.errors[0]!.message).toContain('0303');
  });
  it('two debtors whose ids are CPR numbers with one birth date stay two: 010190-xxxx and 010190-xxxx#2, the same tag in id and CPR', () => {
    // Debtors come in id order, and "010190-5678" sorts before "0101901234" ("-" before "1"): Bo is the first.
    const ids = masked.debtors.map((d) => [d.debtorId, d.cpr, d.closing]);
    expect(ids).toContainEqual(['010190-xxxx', '010190-xxxx', 200]);
    expect(ids).toContainEqual(['010190-xxxx#2', '010190-xxxx#2', 100]);
  });
  it('the streamed JSON text is the same text, with the same tags; the extra fields are masked too (5678 is Bo’s: the first tag)', () => {
    expect([...statementJsonChunks(s, { maskCpr: true }, { source: 'x.csv' }, 1)].join('')).toBe(JSON.stringify({ ...masked, source: 'x.csv' }));
    expect([...statementJsonChunks(s, { maskCpr: true }, { source: { file: 'ledger 0101905678.csv' } })].join('')).toContain('"file":"ledger 010190-xxxx.csv"');
  });
  it('unmasked, everything is as written (the contract without --mask-cpr)', () => {
    expect(JSON.stringify(statementToJson(s))).toContain('"debtorId":"010190-5678"');
  });
});

describe('a debtor looked up by number (the custom functions SALDO.DEBITORSALDO and SALDOOPGØRELSE)', () => {
  const rows = [
    ['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'],
    ['D1', 'F1', '01-02-2026', 'krav', '100'],
  ];
  it('a number with an invisible character or in full-width letters finds the debtor, as the ledger’s ids are read', () => {
    expect(debtorBalance(rows, 'D\u200b1', dayNumberOf(2026, 12, 31))).toBe(10_000);
    expect(debtorStatement(rows, '\uff24\uff11', 2026, defaultRules).closing).toBe(10_000);
  });
  it('a number not found is named in the message with a CPR number masked', () => {
    expect(() => debtorBalance(rows, '010190 1234', dayNumberOf(2026, 12, 31))).toThrow('Debitor "010190-xxxx" har ingen posteringer i posteringslisten.');
    expect(() => debtorStatement(rows, '0101901234', 2026, defaultRules)).toThrow('Debitor "010190-xxxx" har ingen posteringer til og med 2026.');
  });
});

describe('analyse JSON input with maskCpr (issue 14)', () => {
  it('masks the largest debtors’ ids and names; "ja" is refused, not taken as no', async () => {
    const { analyse } = await import('../../jsonCommands.js');
    const ledger = [{ debtorId: '0101901234', debtorName: 'Anne 010190-1234', claimId: 'F1', postingDate: '2026-01-05', kind: 'krav', amount: 100 }];
    const out = await analyse({ asOf: '2026-12-31', maskCpr: true, ledger }, defaultRules);
    expect(out.topDebtors[0]).toMatchObject({ debtorId: '010190-xxxx', name: 'Anne 010190-xxxx', balance: 100 });
    expect((await analyse({ asOf: '2026-12-31', ledger }, defaultRules)).topDebtors[0]!.debtorId).toBe('0101901234');
    await expect(analyse({ asOf: '2026-12-31', maskCpr: 'ja', ledger }, defaultRules)).rejects.toThrow('maskCpr skal være true eller false (fik "ja").');
  });
});
