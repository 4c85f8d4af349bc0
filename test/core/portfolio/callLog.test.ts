/**
 * The call log (issue 20, "Campaign follow-up"): Danish and English headers, Danish values read
 * by the ledger's own readers, the four outcomes and nothing guessed.
 */
import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../../core/calendar/date.js';
import { isSaldoError } from '../../../core/errors.js';
import { readCallLog } from '../../../core/portfolio/callLog.js';

describe('readCallLog', () => {
  it('reads Danish headers and values: 01-12-2026, 12,5 minutes, 1.200,00 kr. agreed', () => {
    const log = readCallLog([
      ['Dato', 'Sagsbehandler', 'Debitornr.', 'Udfald', 'Minutter', 'Aftalt beløb'],
      ['01-12-2026', 'Kim', 'D1', 'Aftale', '12,5', '1.200,00'],
    ]);
    expect(log.errors).toEqual([]);
    // 12,5 minutes = 1250 hundredths; 1.200,00 kr. = 120000 øre
    expect(log.calls).toEqual([{ row: 2, day: dayNumberOf(2026, 12, 1), caseworker: 'Kim', debtorId: 'D1', outcome: 'aftale', minuteHundredths: 1250, minutesMissing: false, agreed: 120000 }]);
  });

  it('reads the English keys, ISO dates and numbers as JSON gives them', () => {
    const log = readCallLog([
      ['date', 'caseworker', 'debtorId', 'outcome', 'minutes', 'agreedAmount'],
      ['2026-12-02', 'Lis', 'D2', 'betalt', 3, null],
    ]);
    expect(log.calls.map((c) => [c.day, c.outcome, c.minuteHundredths, c.agreed])).toEqual([[dayNumberOf(2026, 12, 2), 'betalt', 300, null]]);
  });

  it('takes each outcome whatever its case and spacing: "Ingen kontakt", "INGEN  KONTAKT", "Afvist"', () => {
    const log = readCallLog([
      ['Dato', 'Sagsbehandler', 'CPR', 'Udfald'],
      ['01-12-2026', 'Kim', '010170-1234', 'Ingen kontakt'],
      ['01-12-2026', 'Kim', 'D2', 'INGEN  KONTAKT'],
      ['01-12-2026', 'Kim', 'D3', 'Afvist'],
      ['01-12-2026', 'Kim', 'D4', 'betalt'],
      ['01-12-2026', 'Kim', 'D5', 'aftale'],
    ]);
    expect(log.errors).toEqual([]);
    expect(log.calls.map((c) => c.outcome)).toEqual(['ingen kontakt', 'ingen kontakt', 'afvist', 'betalt', 'aftale']);
    // a blank Minutter column: 0 minutes, and the call is marked as without minutes
    expect(log.calls[0]!.minutesMissing).toBe(true);
    expect(log.calls[0]!.debtorId).toBe('010170-1234');
  });

  it('an unknown outcome is a row error naming the row and the value, never guessed; its debtor is kept apart', () => {
    const log = readCallLog([
      ['Dato', 'Sagsbehandler', 'Debitor', 'Udfald', 'Minutter', 'Aftalt beløb'],
      ['01-12-2026', 'Kim', 'D1', 'ringet tilbage', '2', ''],
      ['31-02-2026', 'Kim', 'D2', 'aftale', '2', ''],
      ['01-12-2026', 'Kim', 'D3', 'afvist', '2', '300,00'],
      ['01-12-2026', 'Kim', 'D4', 'aftale', '-5', ''],
      ['01-12-2026', '', 'D5', 'aftale', '1', ''],
      ['01-12-2026', 'Kim', 'D6', 'aftale', '4', '250,00'],
    ]);
    expect(log.errors).toEqual([
      { row: 2, message: 'Udfaldet "ringet tilbage" kendes ikke: skriv aftale, betalt, ingen kontakt, afvist.' },
      { row: 3, message: 'Datoen "31-02-2026" er ikke en gyldig dato (brug dd-mm-åååå).' },
      { row: 4, message: 'Aftalt beløb "300,00" er udfyldt, men udfaldet er "afvist", ikke "aftale".' },
      { row: 5, message: 'Minutter "-5" skal være et antal minutter fra 0 til 480 (f.eks. 12,5).' },
      { row: 6, message: 'Sagsbehandler mangler.' },
    ]);
    expect(log.calls.map((c) => c.debtorId)).toEqual(['D6']);
    expect(log.unsureDebtors).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
  });

  it('a missing or doubled column stops the log: every row would be read wrong', () => {
    const refused = (rows: unknown[][]) => {
      try {
        readCallLog(rows);
      } catch (e) {
        if (isSaldoError(e)) return e.message;
      }
      return 'no error';
    };
    expect(refused([['Dato', 'Debitor', 'Minutter']])).toBe('Opkaldsloggen mangler kolonnerne Sagsbehandler, Udfald i overskriftsrækken (fandt "Dato", "Debitor", "Minutter").');
    expect(refused([['Dato', 'Sagsbehandler', 'Debitor', 'CPR', 'Udfald']])).toBe('Opkaldsloggen har to kolonner for Debitor: "Debitor" og "CPR". Fjern eller omdøb den ene.');
    expect(refused([])).toBe('Opkaldsloggen er tom: der er ingen overskriftsrække.');
  });
});
