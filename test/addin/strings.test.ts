/** Danish words in the task pane that depend on a number (issue 21: "4 grønne, 2 gule", not "4 grøn, 2 gul"). */
import { describe, expect, it } from 'vitest';
import { strings } from '../../addin/taskpane/strings.js';

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
