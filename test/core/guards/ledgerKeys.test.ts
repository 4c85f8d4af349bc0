import { describe, expect, it } from 'vitest';
import { MAX_UNKNOWN_KEYS, objectsToRows } from '../../../core/ledger/ledgerJson.js';
import { saldoMessage } from '../saldoMessage.js';

const row = (extra: Record<string, unknown> = {}) => ({ debtorId: 'D1', claimId: 'F1', postingDate: '2025-01-05', kind: 'krav', amount: 100, ...extra });

describe('a JSON ledger becomes columns of the known fields only (issue 14)', () => {
  it('a key Saldo does not read is no column; Danish and English names are', () => {
    const rows = objectsToRows([row({ note: 'x' }), { Debitor: 'D2', Fordring: 'F2', Bogføringsdato: '2025-01-06', Art: 'krav', Beløb: 5, Navn: 'Jens' }]);
    expect(rows[0]).toEqual(['debtorId', 'claimId', 'postingDate', 'kind', 'amount', 'Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'Navn']);
    expect(rows[1]).toEqual(['D1', 'F1', '2025-01-05', 'krav', 100, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('a row without a field another row has gets nothing, never a value from the prototype', () => {
    const rows = objectsToRows([row({ debtorName: 'Jens' }), row()]);
    expect(rows[2]![rows[0]!.indexOf('debtorName')]).toBeUndefined();
  });

  it(`rows with ever new keys: more than ${MAX_UNKNOWN_KEYS} unknown keys is one Danish error naming ten of them, fast`, () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => row({ [`felt${i}`]: i }));
    const started = performance.now();
    const message = saldoMessage(() => objectsToRows(rows));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(message).toBe(
      `Posteringerne har mere end ${MAX_UNKNOWN_KEYS} forskellige felter, som Saldo ikke kender, f.eks. "felt0", "felt1", "felt2", "felt3", "felt4", "felt5", "felt6", "felt7", "felt8", "felt9". Saldo læser kun posteringens felter (debtorId, debtorName, cpr, claimId, claimType, postingDate, dueDate, kind, amount, acknowledged, lastTimelyPaymentDate, judgmentDate, caseworker eller de danske overskrifter): fjern de andre felter.`,
    );
  });

  it(`up to ${MAX_UNKNOWN_KEYS} unknown keys are passed over, as extra CSV columns are`, () => {
    const rows = objectsToRows(Array.from({ length: MAX_UNKNOWN_KEYS }, (_, i) => row({ [`felt${i}`]: i })));
    expect(rows[0]).toEqual(['debtorId', 'claimId', 'postingDate', 'kind', 'amount']);
    expect(rows).toHaveLength(MAX_UNKNOWN_KEYS + 1);
  });
});
