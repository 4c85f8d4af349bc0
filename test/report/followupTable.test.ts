/**
 * The template table follows the follow-up's view (issue 21): quarters for quarterly data (and for
 * monthly data only when asked), the twelve months otherwise — April alone is no "2. kvt.". The
 * table is read back by its headers, whichever periods it shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { followup, type FollowupRow } from '../../core/followup/followup.js';
import { periodKey } from '../../core/followup/tableCells.js';
import { followupSheet } from '../../core/report/followupSheets.js';
import { followupLayout, followupRow, MONTH_HEADERS, periodCells, previousTextFromRows } from '../../core/report/followupTable.js';
import { blockLines, type CellValue, type SheetDescription } from '../../core/report/sheet.js';

const campaign = JSON.parse(readFileSync(new URL('../../examples/opfoelgning/ekstraordinaer-indsats.json', import.meta.url), 'utf8')) as {
  year: number;
  goals: unknown[];
  data: Record<string, unknown>;
};

/** The cells of a described sheet as a grid (row 1 first), as the next follow-up reads them back. */
function gridOf(d: SheetDescription): CellValue[][] {
  const grid: CellValue[][] = [];
  for (const block of d.blocks) {
    for (const line of blockLines(block)) {
      const row = (grid[line.row - 1] ??= []);
      line.values.forEach((v, i) => (row[line.col - 1 + i] = v));
    }
  }
  return Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? null));
}

const milestone = (due: number, done: number | null): FollowupRow =>
  ({ id: 'M', name: 'Milepæl', requirement: '', kind: 'milestone', unit: 'number', quarters: [null, null, null, null], months: null, due, done }) as FollowupRow;

describe('the template layout by view', () => {
  it('quarters: the ministry template as before — 4 quarter columns, status in column 8, cause and action in 10 and 11', () => {
    const q = followupLayout('quarter');
    expect(q.headers).toEqual([
      'Nr.',
      'Mål',
      'Resultatkrav',
      '1. kvt.',
      '2. kvt.',
      '3. kvt.',
      '4. kvt.',
      'Status sidst',
      'År til dato',
      'Årsag/konsekvens',
      'Handling',
      'Målværdi',
      'Prognose for året',
      'Forklaring',
      'Hvad skal der til',
      'Pejlemærke',
      'Måltype',
    ]);
    expect(q.column).toEqual({ id: 1, periods: 4, status: 8, ytd: 9, cause: 10, action: 11, target: 12, forecast: 13, note: 14 });
    expect(q.widths).toHaveLength(17);
  });

  it('months: 12 month columns from D (jan.) to O (dec.), 9.5 characters wide (9 would be left out of the file by ExcelJS); every later column 8 to the right', () => {
    const m = followupLayout('month');
    expect(m.headers.slice(3, 15)).toEqual(['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.']);
    // 3 + 12 = 15 columns before the status: P is 16, then Q ytd, R cause, S action, T target, U forecast, V note.
    expect(m.column).toEqual({ id: 1, periods: 4, status: 16, ytd: 17, cause: 18, action: 19, target: 20, forecast: 21, note: 22 });
    expect(m.headers[m.column.status - 1]).toBe('Status sidst');
    expect(m.headers[m.column.cause - 1]).toBe('Årsag/konsekvens');
    expect(m.headers[m.column.note - 1]).toBe('Forklaring');
    expect(m.widths).toHaveLength(25);
    expect(m.widths.slice(3, 15)).toEqual(Array(12).fill(9.5));
  });

  it('each month header reads back as its month (a sheet of them could be counts read in again)', () => {
    expect(MONTH_HEADERS.map(periodKey)).toEqual(['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12']);
  });
});

describe('the period cells of a goal', () => {
  const monthly = followup(campaign);
  const asked = followup({ ...campaign, quarters: true });
  const aftaler = (f: typeof monthly) => f.rows.find((r) => r.id === '2')!;

  it('monthly data: the months as reported, May–December empty (null), never 0', () => {
    expect(monthly.view).toBe('month');
    // aftaler 41, 52, 47, 44 in January–April
    expect(periodCells(aftaler(monthly), monthly.view)).toEqual([41, 52, 47, 44, null, null, null, null, null, null, null, null]);
  });

  it('monthly data shown as quarters (asked): only the complete first quarter, 41 + 52 + 47 = 140; April alone is no 2nd quarter', () => {
    expect(asked.view).toBe('quarter');
    expect(periodCells(aftaler(asked), asked.view)).toEqual([140, null, null, null]);
  });

  it('a milestone due in Q4: "frist" under 4. kvt., or under December (the quarter\'s last month)', () => {
    expect(periodCells(milestone(4, null), 'quarter')).toEqual([null, null, null, 'frist']);
    expect(periodCells(milestone(4, null), 'month')).toEqual([null, null, null, null, null, null, null, null, null, null, null, 'frist']);
  });

  it('a goal of several milestones: each in the period of its due date, one done earlier "nået" there; one done after the period reported is not done', () => {
    const goal = {
      id: '3.1',
      name: 'Datakvalitet',
      kind: 'milestone',
      milestones: [
        { text: 'A', due: 'Q1', done: '2025-02-10' },
        { text: 'B', due: 'Q3', done: '2025-05-02' },
        { text: 'C', due: 'Q2' },
        { text: 'D', due: 'Q4', done: '2025-10-01' },
      ],
    };
    const row = followup({ year: 2025, goals: [goal], data: { Q1: { a: 1 }, Q2: { a: 1 }, Q3: { a: 1 } } }).rows[0]!;
    // A done in its own quarter; B done in Q2, due Q3; C missed on 30 June; D marked done 1 October, after the Q3 report: still due.
    expect(periodCells(row, 'quarter', 2025)).toEqual(['nået', 'nået, ikke nået', 'frist', 'frist']);
    // by month: A done in February and due under March (its quarter's last day), B done in May and
    // due under September, C missed under June, D under December
    const months = periodCells(row, 'month', 2025);
    expect([months[1], months[2], months[4], months[5], months[8], months[11]]).toEqual(['nået', 'frist', 'nået', 'ikke nået', 'frist', 'frist']);
    expect(months.filter((c) => c !== null)).toHaveLength(6);
  });

  it('a milestone done in Q1 and due in Q2: "nået" under March, "frist" under June', () => {
    const cells = periodCells(milestone(2, 1), 'month');
    expect(cells[2]).toBe('nået');
    expect(cells[5]).toBe('frist');
    expect(cells.filter((c) => c !== null)).toHaveLength(2);
  });

  it('a row: Nr., Mål, Resultatkrav, the 12 months, status, year to date (184), cause, action, target (600), forecast (184 / (4/12) = 552), note, what it takes', () => {
    const row = followupRow(aftaler(monthly), 'month');
    expect(row).toHaveLength(25);
    // 600 − 184 = 416 in the 8 months left, 52 a month; the pace 184 / 4 × 8 = 368 falls short.
    expect(row[22]).toBe('De 8 resterende måneder skal give mindst 416 (52 pr. måned). Fortsætter det som hidtil, giver de ca. 368, så målet nås næppe.');
    expect(row.slice(0, 1)).toEqual(['2']);
    expect(row.slice(3, 8)).toEqual([41, 52, 47, 44, null]);
    // 184 agreements against 600 × 4/12 = 200 expected, 16 short within 60 × 4/12 = 20: gul
    expect(row.slice(15, 17)).toEqual(['gul', 184]);
    expect(row.slice(19, 21)).toEqual([600, 552]);
  });
});

describe('the template read back, whichever periods it shows', () => {
  it('a month template: text typed in R and S comes back with the period of its title (M04) and the status in P', () => {
    const f = followup(campaign);
    const grid = gridOf(followupSheet('Opfølgning', f));
    expect(grid[0]![0]).toBe('Opfølgning på mål 2016 — år til dato efter 4 af 12 måneder');
    // goal 1 is row 4; R is index 17, S index 18 (followupLayout('month'): cause 18, action 19)
    grid[3]![17] = 'Færre opkald i april';
    grid[3]![18] = 'To ekstra medarbejdere';
    const read = previousTextFromRows(grid);
    // 1: 184 aftaler / 570 opkald = 32.3 % against 33 % − 5 points: gul
    expect(read[0]).toEqual({ id: '1', cause: 'Færre opkald i april', action: 'To ekstra medarbejdere', status: 'gul', period: 'M04' });
    expect(read.map((p) => p.id)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('a quarter template of monthly data: its title still names the months (M04), not a quarter that is not complete', () => {
    const f = followup({ ...campaign, quarters: true });
    const grid = gridOf(followupSheet('Opfølgning', f));
    expect(grid[2]!.slice(3, 7)).toEqual(['1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.']);
    grid[3]![9] = 'Årsag';
    expect(previousTextFromRows(grid)[0]).toEqual({ id: '1', cause: 'Årsag', action: '', status: 'gul', period: 'M04' });
  });
});
