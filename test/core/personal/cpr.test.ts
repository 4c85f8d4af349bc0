import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCprMasker, isCprShaped, maskCprsIn } from '../../../core/personal/cpr.js';

/** Full-width digits ０-９ (U+FF10…) and Arabic-Indic digits ٠-٩ (U+0660…), digit by digit. */
const fullWidth = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const arabicIndic = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

describe('a CPR number is recognised however it is written', () => {
  const writings = [
    '010190-1234',
    '0101901234',
    '010190 1234',
    '010190\u20131234',
    '010190\u20141234',
    '010190/1234',
    '01.01.90-1234',
    '01-01-90-1234',
    '010190\u00a01234',
    fullWidth('010190-1234'),
    arabicIndic('0101901234'),
  ];
  it.each(writings)('%s is masked to 010190-xxxx in a message', (w) => {
    expect(maskCprsIn(`Beløbet "${w}" er forkert`)).toBe('Beløbet "010190-xxxx" er forkert');
  });
  it.each(writings)('%s alone is CPR-shaped', (w) => {
    expect(isCprShaped(w)).toBe(true);
    expect(isCprShaped(` ${w} `)).toBe(true);
  });
  it('a CPR inside an id or after a line break is masked; digits around it are not a CPR', () => {
    expect(maskCprsIn('F-0101901234')).toBe('F-010190-xxxx');
    expect(maskCprsIn('x\n0506071234;D2')).toBe('x\n050607-xxxx;D2');
    // 11 or 12 digits in a row are not a CPR: a longer number, left as it is
    expect(maskCprsIn('012345678901')).toBe('012345678901');
  });
  it('ten digits whose first six are no date (day 32, month 13) are not a CPR: an account number stays readable', () => {
    expect(isCprShaped('3201901234')).toBe(false);
    expect(isCprShaped('0113901234')).toBe(false);
    expect(maskCprsIn('konto 3201901234')).toBe('konto 3201901234');
    // 29 February is a date in a leap year (the century is not in the number)
    expect(isCprShaped('2902001234')).toBe(true);
    expect(isCprShaped('3002001234')).toBe(false);
  });
  it('an erstatningspersonnummer (day + 60) is a CPR number too', () => {
    expect(isCprShaped('610190-1234')).toBe(true);
    expect(maskCprsIn('610190-1234')).toBe('610190-xxxx');
  });
  it('dates, amounts and phone numbers are not CPR numbers', () => {
    for (const t of ['01-09-2025', '2026-02-01', '3.450,00', '2.222.221.118', '70 10 20 30', '12345678']) expect(isCprShaped(t)).toBe(false);
    expect(maskCprsIn('01-09-2025 3.450,00 70 10 20 30')).toBe('01-09-2025 3.450,00 70 10 20 30');
  });
});

describe('one output’s masker keeps different people apart', () => {
  it('the first CPR with a birth date is ddmmyy-xxxx, another with the same birth date gets #2, #3 …, the same person always the same', () => {
    const mask = createCprMasker();
    expect(mask('0101901234')).toBe('010190-xxxx');
    expect(mask('Anne 010190-5678')).toBe('Anne 010190-xxxx#2');
    // the first person again, written another way: the same tag
    expect(mask('sag 010190 1234')).toBe('sag 010190-xxxx');
    expect(mask(fullWidth('010190-5678'))).toBe('010190-xxxx#2');
    expect(mask('0101909999')).toBe('010190-xxxx#3');
    // another birth date starts its own count
    expect(mask('0202021111')).toBe('020202-xxxx');
    // a fresh output counts afresh
    expect(createCprMasker()('0101905678')).toBe('010190-xxxx');
  });
  it('no CPR-shaped text survives (property over random CPRs in random writings)', () => {
    const cpr = fc.record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }), y: fc.integer({ min: 0, max: 99 }), tail: fc.integer({ min: 0, max: 9999 }) });
    const two = (n: number) => String(n).padStart(2, '0');
    const writing = fc.constantFrom(
      (a: string, b: string) => `${a}-${b}`,
      (a: string, b: string) => `${a}${b}`,
      (a: string, b: string) => `${a} ${b}`,
      (a: string, b: string) => `${a}\u2013${b}`,
      (a: string, b: string) => `${a}/${b}`,
      (a: string, b: string) => `${a.slice(0, 2)}.${a.slice(2, 4)}.${a.slice(4)}-${b}`,
      (a: string, b: string) => `${a.slice(0, 2)}-${a.slice(2, 4)}-${a.slice(4)}-${b}`,
      (a: string, b: string) => fullWidth(`${a}-${b}`),
      (a: string, b: string) => arabicIndic(`${a}${b}`),
    );
    fc.assert(
      fc.property(cpr, writing, fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), (c, write, before, after) => {
        const date = `${two(c.d)}${two(c.m)}${two(c.y)}`;
        const tail = String(c.tail).padStart(4, '0');
        const [b, a] = [before.replace(/\p{Nd}/gu, ''), after.replace(/\p{Nd}/gu, '')];
        const text = `${b} ${write(date, tail)} ${a}`;
        // the whole writing becomes the birth date and xxxx; nothing else in the text changes
        expect(maskCprsIn(text)).toBe(`${b} ${date}-xxxx ${a}`);
        expect(createCprMasker()(text)).toBe(`${b} ${date}-xxxx ${a}`);
      }),
      { numRuns: 2000 },
    );
  });
});
