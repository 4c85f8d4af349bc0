/**
 * The follow-up's sheets by the data's periods (issue 21): the template with month columns, the
 * "Måneder" sheet when quarters are asked of monthly data, and charts of 12 months whose target
 * line is a count goal's target spread over its window. Expected values worked by hand from
 * examples/opfoelgning/ekstraordinaer-indsats.json (January–April 2016).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followup, type FollowupRow } from '../../core/followup/followup.js';
import { followupChartSheet, followupMonthSheet, followupSheet, targetLine } from '../../core/report/followupSheets.js';
import type { LinesBlock, TableBlock } from '../../core/report/sheet.js';

const campaign = JSON.parse(readFileSync(new URL('../../examples/opfoelgning/ekstraordinaer-indsats.json', import.meta.url), 'utf8')) as {
  year: number;
  goals: unknown[];
  data: Record<string, unknown>;
};
const sixGoals = JSON.parse(readFileSync(new URL('../fixtures/followup/seks-maal-q3.json', import.meta.url), 'utf8')) as { year: number; goals: unknown[]; data: Record<string, unknown> };
const NO = null;

const tableOf = (blocks: readonly unknown[]) => blocks.find((b) => (b as TableBlock).type === 'table') as TableBlock;

describe('the template sheet with monthly data', () => {
  const d = followupSheet('Opfølgning', followup(campaign));
  const table = tableOf(d.blocks);

  it('has the 12 months as columns D–O, each 9.5 wide, and the status colours on P', () => {
    expect(table.columns.slice(3, 15).map((c) => c.header)).toEqual(['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.']);
    expect(table.columns.slice(3, 15).every((c) => c.kind === 'byRow')).toBe(true);
    expect(table.columns[15]).toMatchObject({ header: 'Status sidst', fills: { rule: 'conditional' } });
    expect([4, 15].map((c) => d.columnWidths![c])).toEqual([9.5, 9.5]);
    expect(d.print).toEqual({ orientation: 'landscape', fitToWidth: true });
  });

  it('fills each goal from its months: 1 aftaler/opkald 41/120, 52/160, 47/150, 44/140, then nothing (null, not 0)', () => {
    const row = table.rows[0]!;
    expect(row.slice(3, 7)).toEqual([41 / 120, 52 / 160, 47 / 150, 44 / 140]);
    expect(row.slice(7, 15)).toEqual(Array(8).fill(NO));
    // values by the goal's kind: a percent, a count (whole agreements), a plain number (the procent)
    expect(table.rowKinds).toEqual(['percent', 'count', 'percent', 'count', 'decimal']);
  });

  it('no Måneder sheet: the template already shows the months', () => {
    expect(followupMonthSheet('Måneder', followup(campaign))).toBeNull();
  });
});

describe('the Måneder sheet when quarters are asked of monthly data', () => {
  const f = followup({ ...campaign, quarters: true });

  it('the template shows only the complete first quarter; the months are on their own sheet', () => {
    expect(tableOf(followupSheet('Opfølgning', f).blocks).rows[1]!.slice(3, 7)).toEqual([140, NO, NO, NO]); // 41 + 52 + 47
    const d = followupMonthSheet('Måneder', f)!;
    const table = tableOf(d.blocks);
    expect(table.columns.map((c) => c.header)).toEqual(['Nr.', 'Mål', 'jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.', 'År til dato', 'Grundlag']);
    // 4 sager holdt fra inddrivelse: 22, 27, 25, 24 → 98 to date, resting on M01–M04
    expect(table.rows[3]).toEqual(['4', 'Sager holdt fra inddrivelse', 22, 27, 25, 24, NO, NO, NO, NO, NO, NO, NO, NO, 98, 'M01–M04']);
    expect((d.blocks[0] as LinesBlock).rows[0]![0]).toBe('Opfølgning på mål 2016 pr. måned — efter 4 af 12 måneder');
    expect(d.print).toEqual({ orientation: 'landscape', fitToWidth: true });
  });

  it('no Måneder sheet for quarterly data', () => {
    expect(followupMonthSheet('Måneder', followup(sixGoals))).toBeNull();
  });
});

describe('the target line of a chart', () => {
  const row = (r: Partial<FollowupRow>): FollowupRow => ({ kind: 'ratio', target: 0.33, start: null, end: null, ...r }) as FollowupRow;

  it('a ratio goal: its target every month', () => {
    expect(targetLine(row({}), 12)).toEqual(Array(12).fill(0.33));
  });
  it('a count goal of 600 a year: 600 / 12 = 50 a month', () => {
    expect(targetLine(row({ kind: 'count', target: 600 }), 12)).toEqual(Array(12).fill(50));
  });
  it('a campaign of 500 from March to December: 500 / 10 = 50 a month from March, blank before', () => {
    expect(targetLine(row({ kind: 'count', target: 500, start: 3, end: 12 }), 12)).toEqual([NO, NO, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50]);
  });
  it('quarterly data: 12,000 a year is 3,000 a quarter; 900 over Q2–Q4 is 300 a quarter from Q2', () => {
    expect(targetLine(row({ kind: 'count', target: 12000 }), 4)).toEqual([3000, 3000, 3000, 3000]);
    expect(targetLine(row({ kind: 'count', target: 900, start: 2 }), 4)).toEqual([NO, 300, 300, 300]);
  });
  it("a campaign's ratio goal: its target only within its window (its values are nowhere else)", () => {
    expect(targetLine(row({ start: 5, end: 8 }), 12)).toEqual([NO, NO, NO, NO, 0.33, 0.33, 0.33, 0.33, NO, NO, NO, NO]);
  });
});

describe("the charts by the data's periods", () => {
  it('monthly data: per goal its 12 months down column A, values in B, target in C, a chart of 2 series over 12 categories', () => {
    const d = followupChartSheet('Diagrammer', followup(campaign))!;
    expect(d.charts).toHaveLength(5);
    const block = d.blocks[0] as LinesBlock;
    // goal 2 (aftaler, count) from row 17: header, then January–December
    expect(block.rows[16]).toEqual([NO, 'Pr. måned', 'Mål']);
    expect(block.rows.slice(17, 29)).toEqual([
      ['jan.', 41, 50],
      ['feb.', 52, 50],
      ['mar.', 47, 50],
      ['apr.', 44, 50],
      ...['maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'].map((m) => [m, NO, 50]),
    ]);
    expect(d.charts![1]).toMatchObject({
      type: 'line',
      title: '2 Antal betalingsaftaler',
      source: { row: 17, col: 1, rows: 13, cols: 3 },
      seriesBy: 'columns',
      series: [
        { name: 'Pr. måned', values: { row: 18, col: 2, rows: 12, cols: 1 }, categories: { row: 18, col: 1, rows: 12, cols: 1 } },
        { name: 'Mål', values: { row: 18, col: 3, rows: 12, cols: 1 }, categories: { row: 18, col: 1, rows: 12, cols: 1 } },
      ],
      valueFormat: '#,##0',
    });
    // a ratio goal's target as it is: 33 % each month
    expect(block.rows.slice(1, 13).map((r) => r[2])).toEqual(Array(12).fill(0.33));
    // months even when the template shows quarters (asked): the chart is by the data's periods
    expect((followupChartSheet('Diagrammer', followup({ ...campaign, quarters: true }))!.blocks[0] as LinesBlock).rows[1]![0]).toBe('jan.');
  });

  it('a goal without a target (followed, not judged): no target line, one series', () => {
    // R.1 årsværk by month: 41.5 and 40.2 in January and February
    const goal = { id: 'R.1', name: 'Ressourceanvendelse', measure: 'årsværk', aggregate: 'meanOfPeriods' };
    const byMonth = followupChartSheet('Diagrammer', followup({ year: 2025, goals: [goal], data: { M01: { årsværk: 41.5 }, M02: { årsværk: 40.2 } } }))!;
    expect((byMonth.blocks[0] as LinesBlock).rows.slice(0, 3)).toEqual([
      [NO, 'Resultat'],
      ['jan.', 41.5],
      ['feb.', 40.2],
    ]);
    expect(byMonth.charts![0]).toMatchObject({ source: { row: 1, col: 1, rows: 13, cols: 2 }, series: [{ name: 'Resultat' }] });
    expect(byMonth.charts![0]!.series).toHaveLength(1);
    const byQuarter = followupChartSheet('Diagrammer', followup({ year: 2025, goals: [goal], data: { Q1: { årsværk: 41.5 } } }))!;
    expect((byQuarter.blocks[0] as LinesBlock).rows).toEqual([
      [NO, '1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.'],
      ['Resultat', 41.5, NO, NO, NO],
    ]);
    expect(byQuarter.charts![0]).toMatchObject({ source: { row: 1, col: 1, rows: 2, cols: 5 } });
    expect(byQuarter.charts![0]!.series).toHaveLength(1);
    // the template says "følges", not "ingen data": it has a value (41.5), only no target
    expect(tableOf(followupSheet('Opfølgning', followup({ year: 2025, goals: [goal], data: { Q1: { årsværk: 41.5 } } })).blocks).rows[0]!.slice(7, 9)).toEqual(['følges', 41.5]);
  });

  it('quarterly data: the quarters across, as before; a printed page every 2 charts (the third was cut in two)', () => {
    const d = followupChartSheet('Diagrammer', followup(sixGoals))!;
    const block = d.blocks[0] as LinesBlock;
    expect(block.rows[0]).toEqual([NO, '1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.']);
    expect(d.charts![0]).toMatchObject({ source: { row: 1, col: 1, rows: 3, cols: 5 }, seriesBy: 'rows', from: { row: 1, col: 7 } });
    // 5 charts 16 rows apart: pages begin at goals 1, 3 and 5 (rows 0, 32 and 64 of the block)
    expect(block.pageStarts).toEqual([0, 32, 64]);
    expect(block.bold).toEqual([0, 16, 32, 48, 64]);
  });
});
