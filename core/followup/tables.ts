/**
 * A follow-up from tables in a workbook, the way controllers keep them: a goals table (one row
 * per goal, Danish headers and words: "Retning: mindst", "Enhed: procent") and a counts table
 * (one row per named count with a column per quarter or month, or one row per period with a
 * column per count). Both become `followup`'s JSON input, so the same checks and rules apply;
 * errors name the table, the row and the column instead of JSON paths. The reverse direction
 * writes a goals list and its counts as such tables (the task pane's bundled templates).
 */
import { excelSerialToDate } from '../calendar/excelSerial.js';
import { columnLetter } from '../report/a1.js';
import { SaldoError, showValue } from '../errors.js';
import { parseDanishNumber } from '../money/danishNumber.js';
import { followup, type Followup, type PreviousText } from './followup.js';
import { periodNumber } from './periods.js';
import { ownValue, setOwn } from '../rules/ownNames.js';

type Cell = unknown;
type Rows = ReadonlyArray<ReadonlyArray<Cell>>;

const GOALS = 'Måltabellen';
const COUNTS = 'Taltabellen';

/** A column of the goals table: the JSON key, the header Saldo writes, the headers it reads, and the Danish words for its values. */
interface GoalColumn {
  key: string;
  header: string;
  aliases: readonly string[];
  words?: ReadonlyArray<readonly [string, readonly string[]]>;
  number?: boolean;
}

export const GOAL_COLUMNS: readonly GoalColumn[] = [
  { key: 'id', header: 'Nr.', aliases: ['nr', 'nummer', 'id'] },
  { key: 'name', header: 'Mål', aliases: ['mål', 'navn', 'name'] },
  { key: 'requirement', header: 'Resultatkrav', aliases: ['resultatkrav', 'krav', 'requirement'] },
  { key: 'kind', header: 'Type', aliases: ['type', 'art', 'kind'], words: [['ratio', ['andel', 'forhold']], ['count', ['antal', 'optælling']], ['milestone', ['milepæl']]] },
  { key: 'measure', header: 'Måling', aliases: ['måling', 'beregning', 'udtryk', 'measure'] },
  { key: 'target', header: 'Målværdi', aliases: ['målværdi', 'mål-værdi', 'target'], number: true },
  { key: 'direction', header: 'Retning', aliases: ['retning', 'direction'], words: [['atLeast', ['mindst', '≥', '>=']], ['atMost', ['højst', '≤', '<=']]] },
  { key: 'amberMargin', header: 'Gul margin', aliases: ['gul margin', 'margin', 'amber margin', 'ambermargin'], number: true },
  { key: 'unit', header: 'Enhed', aliases: ['enhed', 'unit'], words: [['percent', ['procent', 'pct', '%']], ['number', ['antal', 'tal']], ['kr', ['kr', 'kroner']]] },
  { key: 'aggregate', header: 'År til dato som', aliases: ['år til dato som', 'år til dato-regel', 'sammenlægning', 'aggregate'], words: [['ratioOfSums', ['andel af summer', 'summer']], ['meanOfPeriods', ['gennemsnit af perioder', 'gennemsnit']], ['sum', ['sum', 'i alt']]] },
  { key: 'due', header: 'Frist', aliases: ['frist', 'due'] },
  { key: 'done', header: 'Nået', aliases: ['nået', 'done'] },
  { key: 'status', header: 'Status', aliases: ['status'], words: [['grøn', []], ['gul', []], ['rød', []]] },
  { key: 'cause', header: 'Årsag/konsekvens', aliases: ['årsag/konsekvens', 'årsag', 'cause'] },
  { key: 'action', header: 'Handling', aliases: ['handling', 'action'] },
];

/** Headers compared without case, surrounding space, a trailing period or colon, or doubled spaces. */
const norm = (v: Cell): string => (typeof v === 'string' ? v.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.:]$/, '') : '');
const blank = (v: Cell): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const invalid = (field: string, value: unknown, message: string) => new SaldoError('UGYLDIGT_INPUT', field, value, message);

const columnOf = (header: Cell): GoalColumn | undefined => GOAL_COLUMNS.find((c) => c.aliases.includes(norm(header)) || norm(c.header) === norm(header) || c.key.toLowerCase() === norm(header));

/** The first of the first 20 rows that has these headers (tables may have a title above them). */
function headerRow(rows: Rows, test: (row: ReadonlyArray<Cell>) => boolean): number {
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i += 1) if (test(rows[i]!)) return i;
  return -1;
}

/** A number from a cell: a number, or Danish text ("0,15", "12.000", "15 %"). */
function numberCell(v: Cell, where: string): number {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw invalid(where, v, `${where}: ${showValue(v)} er ikke et tal.`);
    return v;
  }
  if (typeof v !== 'string') throw invalid(where, v, `${where}: ${showValue(v)} er ikke et tal.`);
  const percent = /%\s*$/.test(v);
  try {
    const n = parseDanishNumber(v.replace(/%\s*$/, ''), where);
    return percent ? n / 100 : n;
  } catch {
    throw invalid(where, v, `${where}: ${showValue(v)} er ikke et tal. Skriv f.eks. 0,15, 15 % eller 12.000.`);
  }
}

/** A quarter from a cell: 4, "4", "Q4", "K4", "4. kvt.", "4. kvartal" → "Q4". */
function quarterCell(v: Cell, where: string): string {
  const key = periodKey(typeof v === 'number' ? `q${v}` : /^\s*[1-4]\s*$/.test(String(v)) ? `q${String(v).trim()}` : v);
  if (key === null || !key.startsWith('Q')) throw invalid(where, v, `${where}: ${showValue(v)} er ikke et kvartal. Skriv f.eks. Q4 eller 4. kvt.`);
  return key;
}

function wordCell(column: GoalColumn, v: Cell, where: string): string {
  const text = norm(v);
  for (const [value, words] of column.words!) if (norm(value) === text || words.includes(text)) return value;
  const allowed = column.words!.map(([value, words]) => words[0] ?? value);
  throw invalid(where, v, `${where}: ${showValue(v)} forstås ikke. Skriv ${allowed.slice(0, -1).join(', ')} eller ${allowed.at(-1)}.`);
}

function textCell(v: Cell): string {
  return typeof v === 'number' ? String(v) : String(v).trim();
}

export interface GoalsFromTable {
  goals: Array<Record<string, unknown>>;
  /** The sheet row of each goal. */
  rowNumbers: number[];
  warnings: string[];
}

/** Where the rows read begin on the sheet (1-based): a used range or a table need not start at A1. */
export interface Origin {
  row: number;
  column: number;
}
const A1: Origin = { row: 1, column: 1 };

const comma = (n: number): string => String(n).replace('.', ',');

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
      if (typeof v === 'boolean') throw invalid(where, v, `${where}: ${showValue(v)} forstås ikke.`);
      goal[c.key] = c.number ? numberCell(v, where) : c.words ? wordCell(c, v, where) : c.key === 'due' || c.key === 'done' ? quarterCell(v, where) : textCell(v);
      // Danish Excel turns "2.1" typed in a General cell into 2 January: the number is then a date.
      if (c.key === 'id' && typeof v === 'number' && Number.isInteger(v) && v >= SERIAL_2000 && v < SERIAL_2100) {
        warnings.push(`${where}: nummeret ${v} ligner en dato, som Excel har lavet af det, der blev skrevet (f.eks. 2.1 → 2. januar). Formatér kolonnen som tekst og skriv nummeret igen.`);
      }
    });
    if (goal.id === undefined) throw new SaldoError('MANGLER', GOALS, null, `${GOALS}, række ${sheetRow}: "Nr." mangler. Giv målet et nummer, f.eks. 2.1.`);
    const id = goal.id as string;
    if (rowOfId.has(id)) throw invalid(GOALS, id, `${GOALS}, række ${sheetRow}: nummeret ${id} står også i række ${rowOfId.get(id)}. Hvert mål skal have sit eget nummer.`);
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
  return wholePercentSuspects(goal).map(({ key, value: v }) => `${GOALS}, række ${sheetRow}: ${what[key]} ${comma(v)} læses som ${(v * 100).toLocaleString('da-DK')} %. Mente du ${comma(v)} %? Skriv "${comma(v)} %" eller ${comma(v / 100)}.`);
}

/** The Danish month names, January first (period headers, and the page's period list). */
export const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTH_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
/** Other abbreviations in use ("febr.", "sept."). */
const MONTH_OTHER: Readonly<Record<string, number>> = { febr: 2, mrts: 3, sept: 9 };
/** Excel date serials of the years 2000–2099: a month header typed as "jan-25" becomes one. */
const SERIAL_2000 = 36526;
const SERIAL_2100 = 73051;

/**
 * A period header: "Q1"–"Q4", "K1", "1. kvt.", "1. kvartal", "kvartal 1"; "M01"–"M12", Danish
 * month names ("januar", "jan.", "febr.") or a date (Excel turns "jan-25" into one) → "Q1" … or
 * "M01" …; a year before or after is allowed ("Q1 2025", "januar 2025"); else null.
 */
export function periodKey(v: Cell): string | null {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < SERIAL_2000 || v >= SERIAL_2100) return null;
    return `M${excelSerialToDate(v).slice(5, 7)}`;
  }
  const t = norm(v).replace(/^(?:19|20)\d\d\s*[-/ ]?\s*|\s*[-/ ]?\s*(?:19|20)\d\d$/g, '').replace(/\.$/, '');
  const q = /^(?:q|k)([1-4])$/.exec(t) ?? /^([1-4])\.? ?(?:kvt|kvartal)$/.exec(t) ?? /^(?:kvt\.?|kvartal) ?([1-4])$/.exec(t);
  if (q) return `Q${q[1]}`;
  const m = /^m(0?[1-9]|1[0-2])$/.exec(t);
  if (m) return `M${m[1]!.padStart(2, '0')}`;
  const index = MONTHS.indexOf(t) >= 0 ? MONTHS.indexOf(t) : MONTH_SHORT.indexOf(t) >= 0 ? MONTH_SHORT.indexOf(t) : (ownValue(MONTH_OTHER, t) ?? 0) - 1;
  return index >= 0 ? `M${String(index + 1).padStart(2, '0')}` : null;
}

const firstOfMonth = (v: Cell): boolean => typeof v === 'number' && periodKey(v) !== null && excelSerialToDate(v).endsWith('-01');

/** Names a measure can use: letters (æøå too), digits and _, not starting with a digit (mathjs's names). */
const COUNT_NAME = /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF][A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF]*$/;

function countName(v: Cell, where: string): string {
  const name = typeof v === 'string' ? v.trim() : '';
  if (!COUNT_NAME.test(name)) {
    const suggestion = typeof v === 'string' ? v.trim().replace(/[^A-Za-z0-9_\u00C0-\u02AF]+/g, '_').replace(/^(\d)/, '_$1') : '';
    throw invalid(where, v, `${where}: ${showValue(v)} kan ikke bruges som navn i en måling: brug bogstaver, tal og _ uden mellemrum${suggestion ? `, f.eks. ${suggestion}` : ''}.`);
  }
  return name;
}

export interface CountsFromTable {
  /** `followup`'s data: {"Q1": {"pristjek": 2800, …}, …}; blank cells are null (the name is still known). */
  data: Record<string, Record<string, number | null>>;
  names: string[];
  warnings: string[];
}

/** Headers of the name column, and of columns that describe and are rightly left out. */
const NAME_HEADERS = ['navn', 'tal', 'optælling', 'nøgletal', 'name'];
const NOTE_HEADERS = ['beskrivelse', 'forklaring', 'kilde', 'note', 'noter', 'bemærkning', 'bemærkninger', 'kommentar', 'enhed'];
/** Headers of a column of periods going down. */
const PERIOD_HEADERS = ['måned', 'kvartal', 'periode', 'dato'];

/** The period cells of the first rows: where they are decides the layout. */
function periodCells(rows: Rows): Array<{ r: number; c: number }> {
  const cells: Array<{ r: number; c: number }> = [];
  rows.slice(0, 40).forEach((row, r) => row.forEach((v, c) => typeof v === 'string' && periodKey(v) !== null && cells.push({ r, c })));
  // months typed as dates down a column headed "Måned" (or Periode, Dato)
  rows.slice(0, 20).forEach((row, r) =>
    row.forEach((h, c) => {
      if (!PERIOD_HEADERS.includes(norm(h))) return;
      for (let i = r + 1; i < Math.min(rows.length, r + 40); i += 1) if (firstOfMonth(rows[i]![c])) cells.push({ r: i, c });
    }),
  );
  return cells;
}

/**
 * The counts of a counts table. Either a row per count ("Navn | Q1 | Q2 | …" or months), or a
 * row per period ("Måned | opkald | aftaler | …" with "januar" … or "M01" … down a column). The
 * layout is where the period names line up: across one row, or down one column.
 */
export function countsFromTable(rows: Rows, origin: Origin = A1): CountsFromTable {
  const cells = periodCells(rows);
  const most = (key: 'r' | 'c') => {
    const count = new Map<number, number>();
    for (const x of cells) count.set(x[key], (count.get(x[key]) ?? 0) + 1);
    return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [-1, 0];
  };
  const [row, across] = most('r');
  const [col, down] = most('c');
  const dateHeader = headerRow(rows, (r) => r.filter((c) => typeof c === 'number').length >= 2 && r.filter((c) => typeof c === 'number').every(firstOfMonth));
  if (cells.length === 0 && dateHeader >= 0) return countsByRow(rows, dateHeader, origin);
  if (cells.length === 0) {
    throw new SaldoError('MANGLER', COUNTS, null, `${COUNTS} har ingen perioder: giv kolonnerne overskrifterne Q1–Q4 (eller 1. kvt. …) eller januar–december (M01–M12) med et navn pr. række, f.eks. "pristjek" – eller skriv perioderne ned ad en kolonne med tallenes navne som overskrifter.`);
  }
  // Across a row wins a tie when that row is the table's first: a lone "Q1" heads a column.
  const firstRow = rows.findIndex((r) => !r.every(blank));
  if (across > down || (across === down && row === firstRow)) return countsByRow(rows, row, origin);
  const top = cells.filter((x) => x.c === col).reduce((m, x) => Math.min(m, x.r), Infinity);
  let header = top - 1;
  while (header >= 0 && rows[header]!.every(blank)) header -= 1;
  if (header < 0) throw new SaldoError('MANGLER', COUNTS, null, `${COUNTS}: over perioderne i kolonne ${columnLetter(origin.column + col)} mangler en række med tallenes navne (f.eks. opkald, aftaler).`);
  return countsByColumn(rows, header, col, origin);
}

function addCount(data: CountsFromTable['data'], period: string, name: string, v: Cell, where: string): void {
  const counts = (data[period] ??= {});
  // A count may be named "__proto__": stored as its own value, not as the object's prototype.
  setOwn(counts, name, blank(v) ? null : numberCell(v, where));
}

function countsByRow(rows: Rows, at: number, origin: Origin): CountsFromTable {
  const head = rows[at]!;
  const periods = head.map((h) => (typeof h === 'number' && !firstOfMonth(h) ? null : periodKey(h)));
  checkPeriods(periods, head);
  const nameCol = head.findIndex((h, i) => periods[i] === null && NAME_HEADERS.includes(norm(h)));
  const col = nameCol >= 0 ? nameCol : periods.findIndex((p) => p === null);
  if (col < 0) throw new SaldoError('MANGLER', COUNTS, null, `${COUNTS} mangler en kolonne med navnene (f.eks. "Navn" med pristjek, selvanmeldte …).`);
  const warnings = head.flatMap((h, i) => (i === col || periods[i] !== null || blank(h) || NOTE_HEADERS.includes(norm(h)) ? [] : [`${COUNTS}: kolonnen ${showValue(h)} (${columnLetter(origin.column + i)}) er hverken en periode (Q1–Q4, januar–december) eller navnene og bruges ikke.`]));
  headlessFigures(rows, at, head.map((h, i) => i !== col && periods[i] === null && blank(h)), origin);
  const data: CountsFromTable['data'] = Object.fromEntries(periods.filter((p): p is string => p !== null).map((p) => [p, {}]));
  const names: string[] = [];
  for (let r = at + 1; r < rows.length; r += 1) {
    const row = rows[r]!;
    const values = periods.map((p, i) => (p === null ? undefined : row[i]));
    if (blank(row[col]) && values.every((v) => v === undefined || blank(v))) continue;
    const where = `${COUNTS}, række ${origin.row + r}`;
    const name = countName(row[col], where);
    if (names.includes(name)) throw invalid(COUNTS, name, `${where}: navnet "${name}" står allerede i en anden række.`);
    names.push(name);
    periods.forEach((p, i) => p !== null && addCount(data, p, name, row[i], `${where}, ${p} (${columnLetter(origin.column + i)})`));
  }
  if (names.length === 0) throw new SaldoError('MANGLER', COUNTS, null, `${COUNTS} har ingen rækker med tal under overskrifterne.`);
  return { data, names, warnings };
}

function countsByColumn(rows: Rows, at: number, periodCol: number, origin: Origin): CountsFromTable {
  const head = rows[at]!;
  // Columns that describe (Beskrivelse, År …) are left out, like those without a header.
  const cols = head.map((h, i) => (i === periodCol || blank(h) || [...NOTE_HEADERS, 'år', 'year'].includes(norm(h)) ? null : countName(h, `${COUNTS}, overskriften i ${columnLetter(origin.column + i)}${origin.row + at}`)));
  const named = cols.filter((n): n is string => n !== null);
  const twice = named.find((n, i) => named.indexOf(n) !== i);
  if (twice) throw invalid(COUNTS, twice, `${COUNTS}: navnet "${twice}" står i to kolonner.`);
  if (named.length === 0) throw new SaldoError('MANGLER', COUNTS, null, `${COUNTS}: rækken over perioderne (række ${origin.row + at}) skal have tallenes navne som overskrifter.`);
  headlessFigures(rows, at, head.map((h, i) => i !== periodCol && blank(h)), origin);
  const data: CountsFromTable['data'] = {};
  const periods: Array<string | null> = [];
  for (let r = at + 1; r < rows.length; r += 1) {
    const row = rows[r]!;
    if (row.every(blank)) continue;
    const where = `${COUNTS}, række ${origin.row + r}`;
    const period = periodKey(row[periodCol]);
    if (period === null) throw invalid(COUNTS, row[periodCol], `${where}: ${showValue(row[periodCol])} er ikke en periode (Q1–Q4, 1. kvt. …, januar–december eller M01–M12).`);
    periods.push(period);
    data[period] = {};
    cols.forEach((name, i) => name !== null && addCount(data, period, name, row[i], `${where}, ${name}`));
  }
  checkPeriods(periods, periods);
  return { data, names: named, warnings: [] };
}

/**
 * Figures under a blank heading would be left out without a word (a quarter that counts as not
 * reported, a status judged on less): refused, naming the column.
 */
function headlessFigures(rows: Rows, at: number, headless: readonly boolean[], origin: Origin): void {
  const width = Math.max(headless.length, ...rows.map((row) => row.length));
  for (let i = 0; i < width; i += 1) {
    // a column past the header row's end has no heading either
    if (!(headless[i] ?? true)) continue;
    const r = rows.findIndex((row, k) => k > at && !blank(row[i]));
    if (r >= 0) throw invalid(COUNTS, rows[r]![i], `${COUNTS}: kolonne ${columnLetter(origin.column + i)} har tal (${showValue(rows[r]![i])} i række ${origin.row + r}), men ingen overskrift. Skriv perioden eller navnet over den, eller fjern tallene.`);
  }
}

function checkPeriods(periods: ReadonlyArray<string | null>, shown: ReadonlyArray<Cell>): void {
  const keys = periods.filter((p): p is string => p !== null);
  const twice = keys.findIndex((p, i) => keys.indexOf(p) !== i);
  if (twice >= 0) throw invalid(COUNTS, keys[twice], `${COUNTS}: perioden ${keys[twice]} står to gange.`);
  if (keys.some((k) => k.startsWith('Q')) && keys.some((k) => k.startsWith('M'))) {
    throw invalid(COUNTS, shown, `${COUNTS}: brug enten kvartaler eller måneder, ikke begge.`);
  }
}

export interface FollowupTablesInput {
  year: number;
  goals: Rows;
  counts: Rows;
  /** Where each table's rows begin on its sheet (for row numbers in messages); default A1. */
  goalsAt?: Origin;
  countsAt?: Origin;
  previous?: PreviousText[];
  /** The last period reported ("Q2", "M05"); default: the last period with counts. */
  period?: string;
}

/** JSON keys in core's messages, as the goals table's headers. */
const KEY_WORDS = new RegExp(`\\b(${GOAL_COLUMNS.map((c) => c.key).join('|')})\\b`, 'g');

/**
 * The follow-up of a goals table and a counts table (and last follow-up's text). Errors that
 * core reports on a JSON path (`goals[2].target`) are told by table row and column instead.
 */
export function followupFromTables(input: FollowupTablesInput): Followup {
  const goals = goalsFromTable(input.goals, input.goalsAt);
  const counts = countsFromTable(input.counts, input.countsAt);
  let result: Followup;
  try {
    result = followup({ year: input.year, goals: goals.goals, data: counts.data, previous: input.previous ?? [], period: input.period });
  } catch (e) {
    if (!(e instanceof SaldoError)) throw e;
    const place = (i: string, key?: string) => {
      const column = GOAL_COLUMNS.find((c) => c.key === key);
      return `${GOALS}, række ${goals.rowNumbers[Number(i)] ?? '?'}${column ? `, kolonnen "${column.header}"` : ''}`;
    };
    const path = /goals\[(\d+)\](?:\.(\w+))?/;
    const at = path.exec(e.field);
    if (!at) throw e;
    const where = place(at[1]!, at[2]);
    // "goals[2].name mangler." → "Måltabellen, række 4, kolonnen "Mål" mangler."; a message without
    // the path gets the place in front, and JSON keys in it ("target mangler") become the headers.
    const message = path.test(e.message)
      ? e.message.replace(new RegExp(path.source, 'g'), (_, i: string, key?: string) => place(i, key))
      : `${where}: ${e.message.replace(KEY_WORDS, (key: string) => `"${GOAL_COLUMNS.find((c) => c.key === key)!.header}"`)}`;
    throw new SaldoError(e.code, where, e.value, message);
  }
  return { ...result, warnings: [...goals.warnings, ...counts.warnings, ...result.warnings] };
}

/** Goals as a goals table (header + rows), in Danish words: the inverse of `goalsFromTable`. */
export function goalsToTable(goals: ReadonlyArray<Record<string, unknown>>, columns = GOAL_COLUMNS.filter((c) => c.key !== 'cause' && c.key !== 'action')): Array<Array<string | number>> {
  const cell = (c: GoalColumn, v: unknown): string | number => {
    if (v === undefined || v === null) return '';
    if (c.words) return c.words.find(([value]) => value === v)?.[1][0] ?? String(v);
    return typeof v === 'number' ? v : String(v);
  };
  return [columns.map((c) => c.header), ...goals.map((g) => columns.map((c) => cell(c, g[c.key])))];
}

/** Number formats for `goalsToTable`'s cells: text as text, a percent goal's target and margin as percent, blanks General (for typing). */
export function goalTableFormats(goals: ReadonlyArray<Record<string, unknown>>, columns = GOAL_COLUMNS.filter((c) => c.key !== 'cause' && c.key !== 'action')): string[][] {
  const format = (g: Record<string, unknown>, c: GoalColumn): string => {
    const v = g[c.key];
    if (typeof v === 'number') return c.number && g.unit === 'percent' ? '0.0 %' : 'General';
    return typeof v === 'string' && v !== '' ? '@' : 'General';
  };
  return [columns.map(() => '@'), ...goals.map((g) => columns.map((c) => format(g, c)))];
}

/**
 * Counts as a counts table, a row per name and a column per period of the year (all four
 * quarters or all twelve months); without values, the cells are left blank to be filled in.
 */
export function countsToTable(data: Readonly<Record<string, Readonly<Record<string, unknown>>>>, withValues: boolean): Array<Array<string | number>> {
  const monthly = Object.keys(data).some((k) => periodNumber(k, 'month') !== null);
  const periods = monthly ? Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`) : ['Q1', 'Q2', 'Q3', 'Q4'];
  const names = [...new Set(Object.values(data).flatMap((counts) => Object.keys(counts)))];
  const header = ['Navn', ...(monthly ? MONTHS : periods)];
  return [header, ...names.map((n) => [n, ...periods.map((p) => (withValues && typeof data[p]?.[n] === 'number' ? (data[p][n]) : ''))])];
}
