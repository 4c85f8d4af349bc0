import { describe, expect, it } from 'vitest';
import { statementFromRows } from '../../core/ledger/ledgerJson.js';
import { lettersSheets, LETTERS_PER_SHEET } from '../../core/report/ledgerSheets.js';
import { letterPlanSummary, letterRows } from '../../core/report/ledgerTables.js';
import { defaultRules } from '../../core/rules/ruleSet.js';

const header = ['Debitor', 'Navn', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb'];
const ledgerOf = (debtors: number) => [
  header,
  ...Array.from({ length: debtors }, (_, i) => [`D${i + 1}`, `Borger ${i + 1}`, `F${i + 1}`, 'daginstitution', '01-09-2025', '01-09-2025', 'krav', '100,00']),
];
const options = { kommune: 'Eksempel Kommune', contact: 'tlf. 70 10 20 30', date: '2026-01-08' };

describe('letters beyond one sheet (Excel keeps at most 1,026 manual page breaks on a sheet)', () => {
  it("stays below Excel's limit per sheet", () => expect(LETTERS_PER_SHEET).toBeLessThanOrEqual(1026));

  it('5 letters at 2 per sheet: sheets of 2, 2 and 1 letters, named on, each starting on its own first row, no row lost or repeated', () => {
    const s = statementFromRows(ledgerOf(5), 2025, defaultRules);
    const lines = letterRows(s, options);
    expect(lines.pageStarts).toHaveLength(5);
    const sheets = lettersSheets('Breve 2025', s, options, lines, 2);
    expect(sheets.map((x) => x.name)).toEqual(['Breve 2025', 'Breve 2025 (2)', 'Breve 2025 (3)']);
    const blocks = sheets.map((x) => x.blocks[0] as unknown as { rows: unknown[][]; pageStarts: number[]; bold: number[] });
    expect(blocks.map((b) => b.pageStarts.length)).toEqual([2, 2, 1]);
    for (const b of blocks) expect(b.pageStarts[0]).toBe(0);
    expect(blocks.flatMap((b) => b.rows)).toEqual(lines.rows);
    // Bold rows keep their text: the kommune's name opens every letter in bold.
    for (const b of blocks) for (const start of b.pageStarts) expect(b.bold).toContain(start);
  });

  it('1,000 letters or fewer stay on one sheet', () => {
    const s = statementFromRows(ledgerOf(3), 2025, defaultRules);
    expect(lettersSheets('Breve', s, options)).toHaveLength(1);
  });
});

describe('the letters summary', () => {
  it('writes counts in Danish, with a thousands point: 1.200 breve, not 1200', () => {
    const s = statementFromRows(ledgerOf(1200), 2025, defaultRules);
    expect(letterPlanSummary(letterRows(s, options).plan)).toBe('1.200 breve.');
  });
});
