/** The payments file beside the register (core/portfolio/paymentLog.ts): Aftale, Dato, Beløb. */
import { describe, expect, it } from 'vitest';
import { readPaymentLog } from '../../../core/portfolio/paymentLog.js';

describe('readPaymentLog', () => {
  it('reads Danish text and Excel cells alike, by agreement, in the file order', () => {
    // 46055 is the Excel serial of 2026-02-02: days since 30-12-1899 (Excel's day 0 with its 1900 leap day).
    const log = readPaymentLog([['Aftale', 'Indbetalt', 'Beløb'], ['A1', '02-01-2026', '1.000,00'], ['A1', 46055, 250.5], [], ['A2', '2026-01-05', '75']], 10);
    expect([...log.payments]).toEqual([
      [
        'A1',
        [
          { date: '2026-01-02', amount: 100_000, row: 11 },
          { date: '2026-02-02', amount: 25_050, row: 12 },
        ],
      ],
      ['A2', [{ date: '2026-01-05', amount: 7_500, row: 14 }]],
    ]);
    expect(log.errors).toEqual([]);
  });

  it('names each row it cannot use, and why', () => {
    const log = readPaymentLog([
      ['Aftale', 'Dato', 'Beløb'],
      ['', '02-01-2026', '10'],
      ['A1', '31-02-2026', '10'],
      ['A1', '02-01-2026', ''],
      ['A1', '02-01-2026', '10,005'],
      ['A1', '02-01-2026', '0'],
    ]);
    expect(log.errors.map((e) => [e.row, e.message])).toEqual([
      [2, 'Indbetalingsfilen: Aftale mangler.'],
      [3, 'Indbetalingsfilen: Datoen "31-02-2026" er ikke en gyldig dato (brug dd-mm-åååå).'],
      [4, 'Indbetalingsfilen: Beløb mangler.'],
      [5, 'Indbetalingsfilen: Beløbet "10,005" er ikke et beløb i kroner med højst 2 decimaler.'],
      [6, 'Indbetalingsfilen: Beløbet "0" skal være over 0 kr.; en tilbageført betaling trækkes fra den betaling, den tilbagefører.'],
    ]);
    expect(log.payments.size).toBe(0);
  });
});
