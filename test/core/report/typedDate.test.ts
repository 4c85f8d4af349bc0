import { describe, expect, it } from 'vitest';
import { isoFromTyped } from '../../../core/report/format.js';

describe('a date as a Dane types it in the task pane (issue 19: never the WebView’s mm/dd/yyyy)', () => {
  it('day first, with -, . or /, one or two digits; and ISO', () => {
    expect(['01-02-2026', '1.2.2026', '1/2/2026', ' 01.02.2026 ', '2026-02-01'].map(isoFromTyped)).toEqual(Array(5).fill('2026-02-01'));
  });
  it('no day that is not in the calendar, and no US order', () => {
    // 31-02 does not exist; 02/13/2026 would be month 13.
    expect(['31-02-2026', '02/13/2026', '2026-13-01', 'i går', ''].map(isoFromTyped)).toEqual([null, null, null, null, null]);
  });
});
