/** Danish words in the task pane that depend on a number (issue 21: "4 grønne, 2 gule", not "4 grøn, 2 gul"). */
import { describe, expect, it } from 'vitest';
import { strings } from '../../addin/taskpane/strings.js';
import { statusWord } from '../../core/followup/followup.js';
import { followupFromTables } from '../../core/followup/tables.js';
import { countsToTable, goalsToTable } from '../../core/report/followupLabels.js';
import plan from '../../examples/opfoelgning/motorstyrelsen-2025.json';

describe('the follow-up tally', () => {
  it('inflects the colour words: one grøn, two grønne; gul/gule; rød/røde', () => {
    expect(strings.followup.tally(4, 2, 1, 0, 0)).toBe('4 grønne, 2 gule, 1 rød.');
    expect(strings.followup.tally(1, 1, 3, 2, 0)).toBe('1 grøn, 1 gul, 3 røde, 2 uden data.');
    expect(strings.followup.tally(0, 0, 0, 0, 0)).toBe('0 grønne, 0 gule, 0 røde.');
  });

  it('counts a goal without a target apart: it is followed, not without data', () => {
    expect(strings.followup.tally(4, 5, 1, 0, 1)).toBe('4 grønne, 5 gule, 1 rød, 1 følges uden målværdi.');
    expect(strings.followup.tally(0, 2, 0, 1, 2)).toBe('0 grønne, 2 gule, 0 røde, 1 uden data, 2 følges uden målværdi.');
  });
});

describe('the status word in the Opfølgning page', () => {
  it('is core’s: a colour, "følges" for a goal without a target (R.1), "ingen data" for one without figures (1.1 before Q3)', () => {
    const counts = countsToTable(plan.data, true);
    const words = (period: string) => followupFromTables({ year: 2025, goals: goalsToTable(plan.goals), counts, period }).rows.map((r) => [r.id, strings.followup.statusWord(r), statusWord(r)]);
    const q2 = words('Q2');
    expect(q2.filter(([, pane, core]) => pane !== core)).toEqual([]);
    expect(q2.find(([id]) => id === 'R.1')![1]).toBe('følges');
    expect(q2.find(([id]) => id === '1.1')![1]).toBe('ingen data');
    expect(words('Q3').filter(([, pane, core]) => pane !== core)).toEqual([]);
  });
});
