/**
 * The counts table: a row per named count with a column per quarter or month, or a row per
 * period with a column per count, read into `followup`'s data, and written back (templates).
 */
import { excelSerialToDate } from '../calendar/excelSerial.js';
import { columnLetter } from '../report/a1.js';
import { SaldoError, showValue } from '../errors.js';
import { periodNumber } from './periods.js';
import { setOwn } from '../rules/ownNames.js';
import { A1, blank, COUNTS, headerRow, invalid, MONTHS, norm, numberCell, periodKey, type Cell, type Origin, type Rows } from './tableCells.js';

const firstOfMonth = (v: Cell): boolean => typeof v === 'number' && periodKey(v) !== null && excelSerialToDate(v).endsWith('-01');

/** Names a measure can use: letters (æøå too), digits and _, not starting with a digit (mathjs's names). */
const COUNT_NAME = /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF][A-Za-z0-9_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF]*$/;

function countName(v: Cell, where: string): string {
  const name = typeof v === 'string' ? v.trim() : '';
  if (!COUNT_NAME.test(name)) {
    const suggestion =
      typeof v === 'string'
        ? v
            .trim()
            .replace(/[^A-Za-z0-9_\u00C0-\u02AF]+/g, '_')
            .replace(/^(\d)/, '_$1')
        : '';
    throw SaldoError.at('UGYLDIGT_INPUT', where, v, `${showValue(v)} kan ikke bruges som navn i en måling: brug bogstaver, tal og _ uden mellemrum${suggestion ? `, f.eks. ${suggestion}` : ''}.`);
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
    throw new SaldoError(
      'MANGLER',
      COUNTS,
      null,
      `${COUNTS} har ingen perioder: giv kolonnerne overskrifterne Q1–Q4 (eller 1. kvt. …) eller januar–december (M01–M12) med et navn pr. række, f.eks. "pristjek" – eller skriv perioderne ned ad en kolonne med tallenes navne som overskrifter.`,
    );
  }
  // Across a row wins a tie when that row is the table's first: a lone "Q1" heads a column.
  const firstRow = rows.findIndex((r) => !r.every(blank));
  if (across > down || (across === down && row === firstRow)) return countsByRow(rows, row, origin);
  const top = cells.filter((x) => x.c === col).reduce((m, x) => Math.min(m, x.r), Infinity);
  let header = top - 1;
  while (header >= 0 && rows[header]!.every(blank)) header -= 1;
  if (header < 0) throw SaldoError.at('MANGLER', COUNTS, null, `over perioderne i kolonne ${columnLetter(origin.column + col)} mangler en række med tallenes navne (f.eks. opkald, aftaler).`);
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
  const warnings = head.flatMap((h, i) =>
    i === col || periods[i] !== null || blank(h) || NOTE_HEADERS.includes(norm(h))
      ? []
      : [`${COUNTS}: kolonnen ${showValue(h)} (${columnLetter(origin.column + i)}) er hverken en periode (Q1–Q4, januar–december) eller navnene og bruges ikke.`],
  );
  headlessFigures(
    rows,
    at,
    head.map((h, i) => i !== col && periods[i] === null && blank(h)),
    origin,
  );
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
  const cols = head.map((h, i) =>
    i === periodCol || blank(h) || [...NOTE_HEADERS, 'år', 'year'].includes(norm(h)) ? null : countName(h, `${COUNTS}, overskriften i ${columnLetter(origin.column + i)}${origin.row + at}`),
  );
  const named = cols.filter((n): n is string => n !== null);
  const twice = named.find((n, i) => named.indexOf(n) !== i);
  if (twice) throw SaldoError.at('UGYLDIGT_INPUT', COUNTS, twice, `navnet "${twice}" står i to kolonner.`);
  if (named.length === 0) throw SaldoError.at('MANGLER', COUNTS, null, `rækken over perioderne (række ${origin.row + at}) skal have tallenes navne som overskrifter.`);
  headlessFigures(
    rows,
    at,
    head.map((h, i) => i !== periodCol && blank(h)),
    origin,
  );
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
    if (r >= 0)
      throw SaldoError.at(
        'UGYLDIGT_INPUT',
        COUNTS,
        rows[r]![i],
        `kolonne ${columnLetter(origin.column + i)} har tal (${showValue(rows[r]![i])} i række ${origin.row + r}), men ingen overskrift. Skriv perioden eller navnet over den, eller fjern tallene.`,
      );
  }
}

function checkPeriods(periods: ReadonlyArray<string | null>, shown: ReadonlyArray<Cell>): void {
  const keys = periods.filter((p): p is string => p !== null);
  const twice = keys.findIndex((p, i) => keys.indexOf(p) !== i);
  if (twice >= 0) throw SaldoError.at('UGYLDIGT_INPUT', COUNTS, keys[twice], `perioden ${keys[twice]} står to gange.`);
  if (keys.some((k) => k.startsWith('Q')) && keys.some((k) => k.startsWith('M'))) {
    throw SaldoError.at('UGYLDIGT_INPUT', COUNTS, shown, `brug enten kvartaler eller måneder, ikke begge.`);
  }
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
  return [header, ...names.map((n) => [n, ...periods.map((p) => (withValues && typeof data[p]?.[n] === 'number' ? data[p][n] : ''))])];
}
