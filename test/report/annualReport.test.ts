/**
 * The year-end report's table (årsrapporten): målopfyldelse in the words of the state's annual
 * reports, the result for the year in the goal's unit, and a title that says when it is foreløbig.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followup } from '../../core/followup/followup.js';
import { annualReportRow, annualReportSheet, annualReportTitle, goalFulfilment } from '../../core/report/annualReport.js';
import { conditionalFills, type LinesBlock, type TableBlock } from '../../core/report/sheet.js';

const campaign = JSON.parse(readFileSync(new URL('../../examples/opfoelgning/ekstraordinaer-indsats.json', import.meta.url), 'utf8')) as {
  year: number;
  goals: unknown[];
  data: Record<string, unknown>;
};

describe('målopfyldelse from the status', () => {
  it('grøn is Opfyldt, gul Delvist opfyldt, rød Ikke opfyldt, no status Ikke opgjort', () => {
    expect(goalFulfilment('grøn')).toBe('Opfyldt');
    expect(goalFulfilment('gul')).toBe('Delvist opfyldt');
    expect(goalFulfilment('rød')).toBe('Ikke opfyldt');
    expect(goalFulfilment(null)).toBe('Ikke opgjort');
  });
});

describe('the title', () => {
  const goal = { id: '1', name: 'A', measure: 'a', target: 1 };
  it('after 4 of 12 months: foreløbig, and how far', () => {
    expect(annualReportTitle(followup(campaign))).toBe('Årsrapport 2016: målopfyldelse (foreløbig, efter 4 af 12 måneder)');
  });
  it('after 3 of 4 quarters: foreløbig', () => {
    expect(annualReportTitle(followup({ year: 2025, goals: [goal], data: { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 } } }))).toBe('Årsrapport 2025: målopfyldelse (foreløbig, efter 3 af 4 kvartaler)');
  });
  it('the whole year: no more foreløbig', () => {
    expect(annualReportTitle(followup({ year: 2025, goals: [goal], data: { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 }, Q4: { a: 1 } } }))).toBe('Årsrapport 2025: målopfyldelse');
  });
});

describe('the rows', () => {
  it("the campaign after April: results to date in the goals' units, målopfyldelse by status", () => {
    const rows = followup(campaign).rows.map(annualReportRow);
    // 1: 184 aftaler / 570 opkald = 32.28 %, 0.72 points short of 33 % (margin 5): gul
    expect(rows[0]).toEqual(['1', 'Aftaler pr. opkald', expect.stringMatching(/^Mindst hvert tredje opkald/), 184 / 570, 'Delvist opfyldt', '']);
    // 2: 41 + 52 + 47 + 44 = 184 aftaler (gul: 16 short of 200, margin 20)
    expect(rows[1]!.slice(3, 5)).toEqual([184, 'Delvist opfyldt']);
    // 5: the mean of 95, 113.46, 124.74, 107.92 = 110.28 ≥ 110: grøn
    expect(rows[4]![3]).toBeCloseTo((95 + 11800 / 104 + 12100 / 97 + 10900 / 101) / 4, 10);
    expect(rows[4]![4]).toBe('Opfyldt');
  });

  it('a goal without data, and a campaign not begun: Ikke opgjort, the result said in words', () => {
    const goals = [
      { id: 'A', name: 'Uden tal', measure: 'b', target: 1 },
      { id: 'B', name: 'Kampagne', kind: 'count', measure: 'a', target: 100, start: 'M06' },
    ];
    const rows = followup({ year: 2026, goals, data: { M01: { a: 1, b: null } } }).rows.map(annualReportRow);
    expect(rows[0]!.slice(3, 5)).toEqual(['ingen data', 'Ikke opgjort']);
    expect(rows[1]!.slice(3, 5)).toEqual(['kampagnen begynder M06', 'Ikke opgjort']);
  });

  it('a milestone: its note as the result; done in time Opfyldt, missed Ikke opfyldt, late Delvist opfyldt, not yet due Ikke opgjort (grøn on the template means on track, not met)', () => {
    const milestone = (id: string, due: string, done?: string) => ({ id, name: `Milepæl ${id}`, kind: 'milestone', due, ...(done ? { done } : {}) });
    // reported to Q3: judged on 30 September 2025
    const f = followup({ year: 2025, goals: [milestone('1', 'Q2', 'Q1'), milestone('2', 'Q2'), milestone('3', 'Q4'), milestone('4', 'Q1', 'Q2')], data: { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 } } });
    expect(f.rows.map(annualReportRow).map((r) => r.slice(3, 5))).toEqual([
      ['nået 31-03-2025 (frist 30-06-2025)', 'Opfyldt'],
      ['ikke nået; fristen var 30-06-2025', 'Ikke opfyldt'],
      ['ikke nået endnu; frist 31-12-2025', 'Ikke opgjort'],
      ['nået 30-06-2025, efter fristen 31-03-2025', 'Delvist opfyldt'],
    ]);
  });

  it('a goal of milestones: Ikke opgjort while one is ahead and none late; Opfyldt when all are reached in time', () => {
    const milestones = (fourth: Record<string, string>) => ({
      id: '3.2',
      name: 'Procesunderstøttelse',
      kind: 'milestone',
      milestones: [
        { text: 'A', due: 'Q1', done: 'Q1' },
        { text: 'B', due: 'Q2', done: 'Q2' },
        { text: 'C', due: 'Q3', done: 'Q3' },
        { text: 'D', due: 'Q4', ...fourth },
      ],
    });
    const data = { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 } };
    // three of four reached by 30 September, the fourth due 31 December: grøn on the template, not yet met
    expect(annualReportRow(followup({ year: 2025, goals: [milestones({})], data }).rows[0]!)[4]).toBe('Ikke opgjort');
    // the whole year, the fourth reached 15 December: all four in time
    const year = followup({ year: 2025, goals: [milestones({ done: '2025-12-15' })], data: { ...data, Q4: { a: 1 } } });
    expect(annualReportRow(year.rows[0]!).slice(3, 5)).toEqual(['4 af 4 milepæle nået pr. 31-12-2025', 'Opfyldt']);
  });

  it('a goal without a target is followed, not judged: Følges, with its value to date', () => {
    // R.1 årsværk: the mean of 41.5, 40.2 and 38.9 = 40.2
    const goal = { id: 'R.1', name: 'Ressourceanvendelse', measure: 'årsværk', aggregate: 'meanOfPeriods' };
    const r = followup({ year: 2025, goals: [goal], data: { Q1: { årsværk: 41.5 }, Q2: { årsværk: 40.2 }, Q3: { årsværk: 38.9 } } }).rows[0]!;
    const row = annualReportRow(r);
    expect(row[3]).toBeCloseTo(40.2, 12);
    expect(row[4]).toBe('Følges');
  });

  it('the cause typed in the follow-up is the remark', () => {
    const f = followup({ year: 2025, goals: [{ id: '1', name: 'A', measure: 'a', target: 2, cause: '=Færre sager' }], data: { Q1: { a: 1 } } });
    expect(annualReportRow(f.rows[0]!)[5]).toBe('=Færre sager');
  });
});

describe('the sheet', () => {
  it('title, legend, the table from row 3 with Målopfyldelse coloured by rules as on the template; landscape, one page wide', () => {
    const d = annualReportSheet('Årsrapport', followup(campaign));
    expect((d.blocks[0] as LinesBlock).rows[0]).toEqual(['Årsrapport 2016: målopfyldelse (foreløbig, efter 4 af 12 måneder)']);
    const table = d.blocks[1] as TableBlock;
    expect(table.at).toEqual({ row: 3, col: 1 });
    expect(table.columns.map((c) => c.header)).toEqual(['Nr.', 'Mål', 'Resultatkrav', 'Resultat', 'Målopfyldelse', 'Bemærkning']);
    // the results in the goals' own formats: percent, whole counts, a number with decimals
    expect(table.rowKinds).toEqual(['percent', 'count', 'percent', 'count', 'decimal']);
    expect(conditionalFills(table)).toEqual([{ range: { row: 4, col: 5, rows: 5, cols: 1 }, colours: { Opfyldt: 'C6EFCE', 'Delvist opfyldt': 'FFEB9C', 'Ikke opfyldt': 'FFC7CE' } }]);
    expect(d.print).toEqual({ orientation: 'landscape', fitToWidth: true });
  });
});
