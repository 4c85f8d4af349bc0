import { describe, expect, it } from 'vitest';
import { jsonPath, SaldoError, showValue, type Namer } from '../../core/errors.js';

describe("showValue: a user's value in a Danish message", () => {
  it('says blanks, numbers and non-numbers in Danish, not as JavaScript writes them (found by review)', () => {
    expect(showValue(null)).toBe('en tom værdi');
    expect(showValue(undefined)).toBe('ingenting');
    expect(showValue(2.5)).toBe('2,5');
    expect(showValue(-1500)).toBe('-1500');
    expect(showValue(Number.NaN)).toBe('et ugyldigt tal');
    expect(showValue(Number.POSITIVE_INFINITY)).toBe('uendeligt');
    expect(showValue('tekst')).toBe('"tekst"');
  });
  it('cuts a long value at 60 characters', () => {
    expect(showValue('x'.repeat(100))).toBe(`"${'x'.repeat(56)}...`);
  });
});

describe('showValue masks CPR numbers, however written', () => {
  it.each(['010190-1234', '0101901234', '010190 1234', '010190\u20131234', '01.01.90-1234', '\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14'])(
    '%s in a shown value is 010190-xxxx',
    (cpr) => {
      expect(showValue(`sag ${cpr}`)).toBe('"sag 010190-xxxx"');
      expect(showValue({ id: cpr })).toBe('{"id":"010190-xxxx"}');
    },
  );
  it('a CPR number typed as a number cell is masked too; a cut never leaves half of one', () => {
    expect(showValue(2212901118)).toBe('221290-xxxx');
    expect(showValue(`${'x'.repeat(50)}0101901234`)).not.toMatch(/010190123|0101901|1234/);
  });
});

describe('an error carries its place and reason; each front end names the place its own way', () => {
  const shout: Namer = (place) => place.join('/').toUpperCase();
  it('the CLI sees the place as a JSON path', () => {
    expect(jsonPath(['claims', 0, 'principal'])).toBe('claims[0].principal');
    expect(jsonPath(['henstand', 'months'])).toBe('henstand.months');
    expect(jsonPath([])).toBe('(input)');
    const e = SaldoError.at('UGYLDIGT_BELØB', ['claims', 2, 'fees'], -5, 'beløbet må ikke være negativt.');
    expect(e.field).toBe('claims[2].fees');
    expect(e.message).toBe('claims[2].fees: beløbet må ikke være negativt.');
  });
  it('another namer renames every place in the message, also places other than its own', () => {
    const e = new SaldoError('KONFLIKT', ['startDate'], '2026-03-01', (name) => `${name(['startDate'])} ligger efter ${name(['firstDueDate'])}.`);
    expect(e.message).toBe('startDate ligger efter firstDueDate.');
    expect(e.messageFor(shout)).toBe('STARTDATE ligger efter FIRSTDUEDATE.');
  });
  it('"place: reason" keeps the reason apart (a form field shows only the reason)', () => {
    const e = SaldoError.at('UGYLDIG_DATO', ['henstand', 'from'], 'x', 'datoen findes ikke.');
    expect(e.reasonFor(shout)).toBe('datoen findes ikke.');
    expect(e.messageFor(shout)).toBe('HENSTAND/FROM: datoen findes ikke.');
    const whole = new SaldoError('BETALES_ALDRIG', ['installment'], 10, 'Ydelsen dækker ikke renten.');
    expect(whole.reasonFor(shout)).toBe('Ydelsen dækker ikke renten.');
  });
  it('knows whether its message names its own place (a table puts the place in front when not)', () => {
    expect(SaldoError.at('MANGLER', ['goals', 0, 'id'], undefined, 'mangler.').namesItsPlace()).toBe(true);
    expect(new SaldoError('MANGLER', ['goals', 0, 'target'], undefined, (name) => `Mål 1: ${name(['target'])} mangler.`).namesItsPlace()).toBe(false);
    expect(new SaldoError('MANGLER', ['x'], undefined, 'fast tekst').namesItsPlace()).toBe(false);
  });
});
