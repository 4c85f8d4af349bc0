/**
 * The goals table: one row per goal with Danish headers and words ("Retning: mindst", "Enhed:
 * procent"), read into `followup`'s JSON goals, and written back from them (the task pane's
 * templates).
 */
import { jsonPath, showValue, SaldoError, type Namer } from '../errors.js';
import { excelSerialToDate } from '../calendar/excelSerial.js';
import { fromDayNumber } from '../calendar/date.js';
import { headerKey, headerWords } from '../input/headers.js';
import { parseDateText } from '../ledger/posting.js';
import { A1, blank, comma, GOALS, headerRow, invalid, norm, numberCell, periodKey, SERIAL_2000, SERIAL_2100, textCell, type Cell, type Origin, type Rows } from './tableCells.js';

/** A column of the goals table: the JSON key, the header Saldo writes, the headers it reads, and the Danish words for its values. */
export interface GoalColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  words?: ReadonlyArray<readonly [string, readonly string[]]>;
  number?: boolean;
}

export const GOAL_COLUMNS: readonly GoalColumn[] = [
  { key: 'id', header: 'Nr.', aliases: ['nr', 'nummer', 'id'] },
  { key: 'pejlemærke', header: 'Pejlemærke', aliases: ['pejlemærke', 'pejlemaerke'] },
  { key: 'category', header: 'Måltype', aliases: ['måltype', 'type af mål', 'category'] },
  { key: 'name', header: 'Mål', aliases: ['mål', 'navn', 'name'] },
  { key: 'requirement', header: 'Resultatkrav', aliases: ['resultatkrav', 'krav', 'requirement'] },
  {
    key: 'kind',
    header: 'Type',
    aliases: ['type', 'art', 'kind'],
    words: [
      ['ratio', ['andel', 'forhold']],
      ['count', ['antal', 'optælling']],
      ['milestone', ['milepæl']],
    ],
  },
  { key: 'measure', header: 'Måling', aliases: ['måling', 'beregning', 'udtryk', 'measure'] },
  { key: 'target', header: 'Målværdi', aliases: ['målværdi', 'mål-værdi', 'target'], number: true },
  {
    key: 'direction',
    header: 'Retning',
    aliases: ['retning', 'direction'],
    words: [
      ['atLeast', ['mindst', '≥', '>=']],
      ['atMost', ['højst', '≤', '<=']],
    ],
  },
  { key: 'amberMargin', header: 'Gul margin', aliases: ['gul margin', 'margin', 'amber margin', 'ambermargin'], number: true },
  {
    key: 'unit',
    header: 'Enhed',
    aliases: ['enhed', 'unit'],
    words: [
      ['percent', ['procent', 'pct', '%']],
      ['number', ['antal', 'tal']],
      ['kr', ['kr', 'kroner']],
    ],
  },
  {
    key: 'aggregate',
    header: 'År til dato som',
    aliases: ['år til dato som', 'år til dato-regel', 'sammenlægning', 'aggregate'],
    words: [
      ['ratioOfSums', ['andel af summer', 'summer']],
      ['meanOfPeriods', ['gennemsnit af perioder', 'gennemsnit']],
      ['sum', ['sum', 'i alt']],
    ],
  },
  { key: 'start', header: 'Start', aliases: ['start', 'fra', 'kampagnestart'] },
  { key: 'end', header: 'Slut', aliases: ['slut', 'til', 'kampagneslut', 'end'] },
  { key: 'sample', header: 'Stikprøver', aliases: ['stikprøver', 'stikprøveantal', 'stikprøvestørrelse', 'sample'] },
  { key: 'milestone', header: 'Milepæl', aliases: ['milepæl', 'milepæle', 'delmål', 'milestone'] },
  { key: 'due', header: 'Frist', aliases: ['frist', 'due'] },
  { key: 'done', header: 'Nået', aliases: ['nået', 'done'] },
  {
    key: 'status',
    header: 'Status',
    aliases: ['status'],
    words: [
      ['grøn', []],
      ['gul', []],
      ['rød', []],
    ],
  },
  { key: 'cause', header: 'Årsag/konsekvens', aliases: ['årsag/konsekvens', 'årsag', 'cause'] },
  { key: 'action', header: 'Handling', aliases: ['handling', 'action'] },
];

/**
 * How the goals table names a place in core's goal input: `['goals', 2, 'target']` is
 * `Måltabellen, række 4, kolonnen "Målværdi"` (by the sheet's row numbers), a bare key such as
 * `['target']` is its header `"Målværdi"`, anything else its JSON path.
 */
export function goalsTableNamer(rowNumbers: readonly number[]): Namer {
  const header = (key: string | number | undefined) => GOAL_COLUMNS.find((c) => c.key === key)?.header;
  return (place) => {
    const [first, index, key] = place;
    if (first === 'goals' && typeof index === 'number') {
      const column = header(key);
      return `${GOALS}, række ${rowNumbers[index] ?? '?'}${column ? `, kolonnen "${column}"` : ''}`;
    }
    const column = place.length === 1 ? header(first) : undefined;
    return column ? `"${column}"` : jsonPath(place);
  };
}

/** Each column is known by its header, its aliases and its JSON key. */
const GOAL_WORDS = headerWords(Object.fromEntries(GOAL_COLUMNS.map((c) => [c.key, [c.header, c.key, ...c.aliases]])));
const columnOf = (header: Cell): GoalColumn | undefined => {
  const key = GOAL_WORDS.get(headerKey(header));
  return GOAL_COLUMNS.find((c) => c.key === key);
};

/**
 * A milestone's date from a cell: a quarter (4, "Q4", "4. kvt."), a month ("M10", "oktober"), a
 * date cell or date text ("31-10-2025") → "Q4", "M10" or "2025-10-31".
 */
function deadlineCell(v: Cell, where: string): string {
  if (typeof v === 'number' && Number.isInteger(v) && v >= SERIAL_2000 && v < SERIAL_2100) return excelSerialToDate(v);
  if (typeof v === 'string') {
    const day = parseDateText(v);
    if (day !== null) return fromDayNumber(day);
  }
  const key = periodKey(typeof v === 'number' ? `q${v}` : /^\s*[1-4]\s*$/.test(String(v)) ? `q${String(v).trim()}` : v);
  if (key === null) throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} er hverken et kvartal, en måned eller en dato. Skriv f.eks. Q4, oktober eller 31-10-2025.`);
  return key;
}

/** A campaign's first or last period from a cell: "M03", "marts", "Q2", "2. kvt." (or a date Excel made of "mar-25"). */
function periodCell(v: Cell, where: string): string {
  const key = periodKey(v);
  if (key === null) throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} er ikke en periode. Skriv f.eks. M03, marts eller Q2 som i taltabellen.`);
  return key;
}

function wordCell(column: GoalColumn, v: Cell, where: string): string {
  const text = norm(v);
  for (const [value, words] of column.words!) if (norm(value) === text || words.includes(text)) return value;
  const allowed = column.words!.map(([value, words]) => words[0] ?? value);
  // The plan's own "Type" (Drift, Udvikling, Koncernfælles) is Saldo's Måltype.
  const hint = column.key === 'kind' ? ' Står der målets type fra planen (Drift, Udvikling, Koncernfælles), så kald kolonnen "Måltype".' : '';
  throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} forstås ikke. Skriv ${allowed.slice(0, -1).join(', ')} eller ${allowed.at(-1)}.${hint}`);
}

const MILESTONE_KEYS = new Set(['id', 'milestone', 'due', 'done']);

/** A goal's next milestone from a row of its own: the goal's one milestone becomes the first of a list. */
function addMilestone(goal: Record<string, unknown>, row: Record<string, unknown>): void {
  const list = (goal.milestones as Array<Record<string, unknown>> | undefined) ?? [{ text: goal.milestone, due: goal.due, done: goal.done }];
  delete goal.milestone;
  delete goal.due;
  delete goal.done;
  list.push({ text: row.milestone, due: row.due, done: row.done });
  goal.milestones = list.map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));
}

export interface GoalsFromTable {
  goals: Array<Record<string, unknown>>;
  /** The sheet row of each goal. */
  rowNumbers: number[];
  warnings: string[];
}

/**
 * The goals of a goals table, as `followup`'s JSON goals. Empty rows are skipped; an unknown
 * column is a warning (a misspelt "Retning" must not silently become the default direction).
 */
export function goalsFromTable(rows: Rows, origin: Origin = A1): GoalsFromTable {
  const at = headerRow(rows, (r) => r.some((c) => columnOf(c)?.key === 'id') && r.some((c) => columnOf(c)?.key === 'name'));
  if (at < 0) {
    throw new SaldoError('MANGLER', GOALS, null, `${GOALS} mangler overskrifterne "Nr." og "Mål" (øverst, eller under en titel). Opret en skabelon for at se, hvordan den ser ud.`);
  }
  const head = rows[at]!;
  const columns = head.map(columnOf);
  const warnings: string[] = [];
  const seen = new Set<string>();
  head.forEach((h, i) => {
    const c = columns[i];
    if (c && seen.has(c.key)) throw invalid(GOALS, h, `${GOALS} har kolonnen "${c.header}" to gange.`);
    if (c) seen.add(c.key);
    else if (!blank(h)) warnings.push(`${GOALS}: kolonnen ${showValue(h)} bruges ikke (kendte kolonner: ${GOAL_COLUMNS.map((x) => x.header).join(', ')}).`);
  });
  const goals: Array<Record<string, unknown>> = [];
  const rowNumbers: number[] = [];
  const rowOfId = new Map<string, number>();
  for (let r = at + 1; r < rows.length; r += 1) {
    const row = rows[r]!;
    if (row.every(blank)) continue;
    const sheetRow = origin.row + r;
    const goal: Record<string, unknown> = {};
    columns.forEach((c, i) => {
      const v = row[i];
      if (!c || blank(v)) return;
      const where = `${GOALS}, række ${sheetRow}, kolonnen "${c.header}"`;
      if (typeof v === 'boolean') throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} forstås ikke.`);
      goal[c.key] = c.number
        ? numberCell(v, where)
        : c.words
          ? wordCell(c, v, where)
          : c.key === 'due' || c.key === 'done'
            ? deadlineCell(v, where)
            : c.key === 'start' || c.key === 'end'
              ? periodCell(v, where)
              : c.key === 'pejlemærke' && typeof v === 'number'
                ? v
                : textCell(v);
      // Danish Excel turns "2.1" typed in a General cell into 2 January: the number is then a date.
      if (c.key === 'id' && typeof v === 'number' && Number.isInteger(v) && v >= SERIAL_2000 && v < SERIAL_2100) {
        warnings.push(`${where}: nummeret ${v} ligner en dato, som Excel har lavet af det, der blev skrevet (f.eks. 2.1 → 2. januar). Formatér kolonnen som tekst og skriv nummeret igen.`);
      }
    });
    if (goal.id === undefined) throw new SaldoError('MANGLER', GOALS, null, `${GOALS}, række ${sheetRow}: "Nr." mangler. Giv målet et nummer, f.eks. 2.1.`);
    const id = goal.id as string;
    // A row with the number of the goal above and only a milestone (Milepæl, Frist, Nået) adds one to it.
    const owner = rowOfId.has(id) ? goals[goals.length - 1] : undefined;
    if (owner?.id === id && Object.keys(goal).every((k) => MILESTONE_KEYS.has(k)) && goal.due !== undefined) {
      addMilestone(owner, goal);
      continue;
    }
    if (rowOfId.has(id))
      throw invalid(
        GOALS,
        id,
        `${GOALS}, række ${sheetRow}: nummeret ${id} står også i række ${rowOfId.get(id)}. Hvert mål skal have sit eget nummer (en milepæl mere skrives i rækken lige under målet med kun Nr., Milepæl, Frist og Nået).`,
      );
    rowOfId.set(id, sheetRow);
    // A row with a deadline and no measure is a milestone even when Type is left empty.
    if (goal.kind === undefined && goal.measure === undefined && goal.due !== undefined) goal.kind = 'milestone';
    if (goal.unit === 'percent') warnings.push(...percentWarnings(goal, sheetRow));
    goals.push(goal);
    rowNumbers.push(sheetRow);
  }
  return { goals, rowNumbers, warnings };
}

/**
 * A percent goal's target above 200 % or margin above 100 points was most likely typed as whole
 * percents (15 for 15 %): the values to warn about. Shared by the goals table and JSON input.
 */
export function wholePercentSuspects(goal: Readonly<Record<string, unknown>>): Array<{ key: 'target' | 'amberMargin'; value: number }> {
  const limits = { target: 2, amberMargin: 1 } as const;
  return (['target', 'amberMargin'] as const).flatMap((key) => {
    const value = goal[key];
    return typeof value === 'number' && Math.abs(value) > limits[key] ? [{ key, value }] : [];
  });
}

function percentWarnings(goal: Record<string, unknown>, sheetRow: number): string[] {
  const what = { target: 'målværdien', amberMargin: 'den gule margin' } as const;
  return wholePercentSuspects(goal).map(
    ({ key, value: v }) =>
      `${GOALS}, række ${sheetRow}: ${what[key]} ${comma(v)} læses som ${(v * 100).toLocaleString('da-DK')} %. Mente du ${comma(v)} %? Skriv "${comma(v)} %" eller ${comma(v / 100)}.`,
  );
}

/** Columns a template shows only when one of its goals uses them (the rest always, but the text columns). */
const OPTIONAL = new Set(['pejlemærke', 'category', 'start', 'end', 'sample', 'milestone']);
const usedKey = (goals: ReadonlyArray<Record<string, unknown>>, key: string) => goals.some((g) => g[key] !== undefined || (key === 'milestone' && Array.isArray(g.milestones)));

/** A template's columns: the goals table's, without the text columns or optional ones no goal uses. */
export function templateColumns(goals: ReadonlyArray<Record<string, unknown>>): GoalColumn[] {
  return GOAL_COLUMNS.filter((c) => c.key !== 'cause' && c.key !== 'action' && (!OPTIONAL.has(c.key) || usedKey(goals, c.key)));
}

/** Goals as a goals table (header + rows), in Danish words: the inverse of `goalsFromTable`. */
export function goalsToTable(goals: ReadonlyArray<Record<string, unknown>>, columns = templateColumns(goals)): Array<Array<string | number>> {
  const cell = (c: GoalColumn, v: unknown): string | number => {
    if (v === undefined || v === null) return '';
    if (c.words) return c.words.find(([value]) => value === v)?.[1][0] ?? String(v);
    return typeof v === 'number' ? v : String(v);
  };
  return [columns.map((c) => c.header), ...goals.flatMap((g) => milestoneRows(g).map((r) => columns.map((c) => cell(c, r[c.key]))))];
}

/** A goal with a list of milestones as rows: the goal with its first, then a row per milestone with only its number. */
function milestoneRows(goal: Readonly<Record<string, unknown>>): Array<Readonly<Record<string, unknown>>> {
  const list = goal.milestones;
  if (!Array.isArray(list) || list.length === 0) return [goal];
  const row = (m: Record<string, unknown>) => ({ milestone: m.text, due: m.due, done: m.done });
  const [first, ...rest] = list as Array<Record<string, unknown>>;
  return [{ ...goal, ...row(first!) }, ...rest.map((m) => ({ id: goal.id, ...row(m) }))];
}

/** Number formats for `goalsToTable`'s cells: text as text, a percent goal's target and margin as percent, blanks General (for typing). */
export function goalTableFormats(goals: ReadonlyArray<Record<string, unknown>>, columns = templateColumns(goals)): string[][] {
  const format = (g: Record<string, unknown>, c: GoalColumn): string => {
    const v = g[c.key];
    if (typeof v === 'number') return c.number && g.unit === 'percent' ? '0.0 %' : 'General';
    return typeof v === 'string' && v !== '' ? '@' : 'General';
  };
  return [columns.map(() => '@'), ...goals.flatMap((g) => milestoneRows(g).map((r) => columns.map((c) => format(r, c))))];
}
