import { describe, expect, it } from 'vitest';
import { letterFileName } from '../../letters/letterFiles.js';

describe('file names of recipients’ letters', () => {
  it('number the letters as printed, mask a CPR number, keep only characters every file system takes', () => {
    expect(letterFileName(7, '010190-1234')).toBe('0007-010190-xxxx.pdf');
    expect(letterFileName(12, 'D-17')).toBe('0012-D-17.pdf');
    expect(letterFileName(3, '../../etc/passwd')).toBe('0003-etc-passwd.pdf');
    expect(letterFileName(4, 'Ærø/Å 1')).toBe('0004-Ærø-Å-1.pdf');
    expect(letterFileName(5, '///')).toBe('0005.pdf');
  });
});
