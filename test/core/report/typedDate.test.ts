import { describe, expect, it } from 'vitest';
import { isoFromTyped, monthFromTyped } from '../../../core/report/format.js';

describe('a date as a Dane types it in the task pane (issue 19: never the WebView’s mm/dd/yyyy)', () => {
  it('day first, with -, . or /, one or two digits; and ISO', () => {
    expect(['01-02-2026', '1.2.2026', '1/2/2026', ' 01.02.2026 ', '2026-02-01'].map(isoFromTyped)).toEqual(Array(5).fill('2026-02-01'));
  });
  it('no day that is not in the calendar, and no US order', () => {
    // 31-02 does not exist; 02/13/2026 would be month 13.
    expect(['31-02-2026', '02/13/2026', '2026-13-01', 'i går', ''].map(isoFromTyped)).toEqual([null, null, null, null, null]);
  });
});

describe('a month as a Dane types it (the opkrævningstragt’s Fra and Til)', () => {
  it('month first, with -, . or /; and ISO; its first and last day', () => {
    expect(['01-2022', '1-2022', '1/2022', ' 1.2022 ', '2022-01', '2022-1'].map(monthFromTyped)).toEqual(Array(6).fill({ first: '2022-01-01', last: '2022-01-31' }));
  });
  it('February’s last day by the leap-year rule: 29 in 2024, 28 in 2100', () => {
    expect(monthFromTyped('02-2024')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthFromTyped('02-2100')).toEqual({ first: '2100-02-01', last: '2100-02-28' });
  });
  it('no month 13, no day, no year outside 1900–9999, nothing else', () => {
    expect(['13-2022', '0-2022', '01-02-2022', '1-1899', 'januar', ''].map(monthFromTyped)).toEqual(Array(6).fill(null));
  });
});
