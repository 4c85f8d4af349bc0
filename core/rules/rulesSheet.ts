/**
 * The `Saldo-regler` sheet: the rules in use laid out for a controller to edit in Excel, and the
 * edited cells read back into a rule set. One section per kind of rule (Gebyrer, Fordringstyper,
 * Procedurer, Rentetabeller, Betalingsevne), each a table with Danish headers whose first columns
 * are stable keys, and every row with its Kontrolleret date and Kilde.
 *
 * Reading turns each changed row (or the rows of one procedure or one year's betalingsevne
 * table, which only make sense together) into the JSON rule-file format and applies it with
 * `applyRuleOverride`: every check of a rule lives there, once. A row whose figures are as the
 * rules already have them is fine as written; a changed figure needs a new source and a real
 * checked date in its own row (Saldo never runs on a figure nobody can trace). A bad row is a
 * problem told by its sheet row and Danish column, and the rule it would have changed stays as it
 * was; the good rows apply.
 */
import { dateToExcelSerial, excelSerialToDayNumber } from '../calendar/excelSerial.js';
import { danishDate, fromDayNumber, type CalendarDate } from '../calendar/date.js';
import { isSaldoError, SaldoError, type Namer, type Place } from '../errors.js';
import { isDateCell } from '../input/cells.js';
import { headerKey, headerWords, matchHeaders } from '../input/headers.js';
import { parseDanishNumber } from '../input/number.js';
import { parseAnnualRate } from '../interest/rate.js';
import { parseDateText } from '../ledger/posting.js';
import { blockLines, type CellKind, type CellValue, type Column, type LinesBlock, type SheetDescription, type TableBlock } from '../report/sheet.js';
import { claimTypeKey, findClaimType } from './claimTypes.js';
import { ownValue } from './ownNames.js';
import { applyRuleOverride, type RuleSet } from './ruleSet.js';
import type { ProcedureStep } from './politik.js';

export const RULES_SHEET = 'Saldo-regler';

export interface RulesSheetProblem {
  /** The sheet row (1-based, as Excel counts). */
  row: number;
  /** Danish: "Saldo-regler, række 14, kolonnen "…": …". */
  message: string;
}

export interface RulesSheetRead {
  rules: RuleSet;
  problems: RulesSheetProblem[];
  /** The rules the sheet changed or added, in Danish with their rows. */
  changed: string[];
}

type SectionId = 'fees' | 'claimTypes' | 'procedures' | 'rates' | 'betalingsevne';

interface ColumnDef {
  /** The rule file's key where there is one (so an error's place names its column). */
  field: string;
  header: string;
  kind: CellKind;
}

interface SectionDef {
  id: SectionId;
  title: string;
  columns: readonly ColumnDef[];
  /** Columns a reader may do without (descriptions only). */
  optional?: readonly string[];
}

const CHECKED: ColumnDef = { field: 'checked', header: 'Kontrolleret', kind: 'date' };
const SOURCE: ColumnDef = { field: 'source', header: 'Kilde', kind: 'text' };

const SECTIONS: readonly SectionDef[] = [
  {
    id: 'fees',
    title: 'Gebyrer',
    columns: [
      { field: 'fee', header: 'Gebyr', kind: 'text' },
      { field: 'description', header: 'Betegnelse', kind: 'text' },
      { field: 'takst', header: 'Kommunens takst (kr.)', kind: 'kroner' },
      { field: 'maxPerRykker', header: 'Lovens maksimum pr. rykker (kr.)', kind: 'kroner' },
      { field: 'maxFeeCount', header: 'Højst antal rykkere med gebyr', kind: 'integer' },
      { field: 'minDaysBetween', header: 'Mindst dage mellem rykkere', kind: 'integer' },
      CHECKED,
      SOURCE,
    ],
    optional: ['description'],
  },
  {
    id: 'claimTypes',
    title: 'Fordringstyper',
    columns: [
      { field: 'type', header: 'Fordringstype', kind: 'text' },
      { field: 'label', header: 'Betegnelse', kind: 'text' },
      { field: 'udpantningsret', header: 'Udpantningsret', kind: 'text' },
      { field: 'civilretlig', header: 'Civilretligt krav', kind: 'text' },
      { field: 'henstandNormallyAllowed', header: 'Henstand normalt muligt', kind: 'text' },
      { field: 'medhaeftere', header: 'Medhæftere', kind: 'text' },
      { field: 'tilbagebetalingskrav', header: 'Tilbagebetalingskrav', kind: 'text' },
      { field: 'limitationYears', header: 'Forældelse (år)', kind: 'integer' },
      { field: 'priority', header: 'Prioritet', kind: 'integer' },
      { field: 'feeLetters', header: 'Rykkere med gebyr', kind: 'integer' },
      { field: 'restance', header: 'Procedure ved restance', kind: 'text' },
      { field: 'misligholdt', header: 'Procedure ved misligholdt aftale', kind: 'text' },
      CHECKED,
      SOURCE,
    ],
  },
  {
    id: 'procedures',
    title: 'Procedurer',
    columns: [
      { field: 'procedure', header: 'Procedure', kind: 'text' },
      { field: 'nr', header: 'Nr.', kind: 'integer' },
      { field: 'id', header: 'Trin', kind: 'text' },
      { field: 'kind', header: 'Art', kind: 'text' },
      { field: 'action', header: 'Handling', kind: 'text' },
      { field: 'afterDays', header: 'Dage efter forrige', kind: 'integer' },
      { field: 'fee', header: 'Gebyr', kind: 'text' },
      { field: 'notice', header: 'Varsel', kind: 'text' },
      { field: 'medhaeftere', header: 'Medhæftere', kind: 'text' },
      { field: 'optional', header: 'Valgfrit', kind: 'text' },
      { field: 'why', header: 'Hvorfor', kind: 'text' },
      { field: 'label', header: 'Procedurens betegnelse', kind: 'text' },
      { field: 'perRate', header: 'Forfra for hver rate', kind: 'text' },
      CHECKED,
      SOURCE,
    ],
  },
  {
    id: 'rates',
    title: 'Rentetabeller',
    columns: [
      { field: 'table', header: 'Tabel', kind: 'text' },
      { field: 'from', header: 'Fra', kind: 'date' },
      { field: 'annualRate', header: 'Årlig rente (%)', kind: 'decimal' },
      { field: 'validThrough', header: 'Dækker til og med', kind: 'date' },
      CHECKED,
      SOURCE,
    ],
  },
  {
    id: 'betalingsevne',
    title: 'Betalingsevne',
    columns: [
      { field: 'year', header: 'År', kind: 'integer' },
      { field: 'from', header: 'Fra (kr.)', kind: 'integer' },
      { field: 'to', header: 'Til (kr.)', kind: 'integer' },
      { field: 'withoutChildren', header: 'Uden forsørgerpligt (%)', kind: 'integer' },
      { field: 'withChildren', header: 'Med forsørgerpligt (%)', kind: 'integer' },
      CHECKED,
      SOURCE,
    ],
  },
];

const sectionOf = (id: SectionId): SectionDef => SECTIONS.find((s) => s.id === id)!;
const headerOf = (section: SectionDef, field: string): string => section.columns.find((c) => c.field === field)?.header ?? field;

/** The fee rules the sheet has, by their stable key. */
const FEES = {
  'rykker-udpantningsret': { key: 'rykkerPublic', label: 'Rykkergebyr, krav med udpantningsret' },
  'rykker-civilretlig': { key: 'rykkerCivil', label: 'Rykkergebyr, civilretligt krav' },
} as const;

/** Words for "no value" in cells where a blank could be mistaken for 0. */
const NO_TAKST = 'ikke fastsat';
const UNLIMITED = 'ubegrænset';
const NONE = 'ingen';
const BY_FEE_RULE = 'efter gebyrreglen';
const AND_ABOVE = 'og derover';
const YES = 'JA';
const NO = 'NEJ';

// ---------------------------------------------------------------------------------------------
// Writing

const yesNo = (v: boolean): string => (v ? YES : NO);
const kroner = (ore: number): number => ore / 100;
const serial = (date: string): number => dateToExcelSerial(date as CalendarDate);

function sectionRows(rules: RuleSet, id: SectionId): CellValue[][] {
  switch (id) {
    case 'fees':
      return Object.entries(FEES).map(([name, { key, label }]) => {
        const rule = rules.fees[key];
        const v = rule.value;
        return [name, label, v.takst === null ? NO_TAKST : kroner(v.takst), kroner(v.maxPerRykker), v.maxFeeCount ?? UNLIMITED, v.minDaysBetween ?? NONE, serial(rule.checked), rule.source];
      });
    case 'claimTypes':
      return Object.entries(rules.claimTypes.value).map(([type, t]) => [
        type,
        t.label,
        yesNo(t.udpantningsret),
        yesNo(t.civilretlig),
        yesNo(t.henstandNormallyAllowed),
        yesNo(t.medhaeftere),
        yesNo(t.tilbagebetalingskrav),
        t.limitationYears,
        t.priority,
        t.feeLetters ?? BY_FEE_RULE,
        t.procedures.restance,
        t.procedures.misligholdt,
        serial(t.checked ?? rules.claimTypes.checked),
        t.source ?? rules.claimTypes.source,
      ]);
    case 'procedures':
      return Object.entries(rules.procedures.value).flatMap(([name, p]) =>
        p.steps.map((s, i) => [
          name,
          i + 1,
          s.id,
          s.kind,
          s.action,
          s.afterDays,
          yesNo(s.fee),
          yesNo(s.notice),
          yesNo(s.medhaeftere),
          yesNo(s.optional),
          s.why,
          // The procedure's own settings on its first step only: one place to change them.
          i === 0 ? p.label : null,
          i === 0 ? yesNo(p.perRate) : null,
          serial(p.checked ?? rules.procedures.checked),
          p.source ?? rules.procedures.source,
        ]),
      );
    case 'rates':
      return Object.entries(rules.rateTables).flatMap(([name, table]) =>
        table.rows.map((r, i) => [name, serial(r.from), r.annualRatePpm / 10_000, i === table.rows.length - 1 ? serial(table.validThrough) : null, serial(table.checked), r.source]),
      );
    case 'betalingsevne':
      return Object.entries(rules.betalingsevne).flatMap(([year, table]) =>
        table.rows.map((r) => [Number(year), r.from, r.to ?? AND_ABOVE, r.withoutChildren, r.withChildren, serial(table.checked), table.source]),
      );
  }
}

const INTRO = [
  ['Saldo-regler'],
  [
    'De regler, Saldo regner med i denne projektmappe. Ret et tal, og skriv samtidig datoen for kontrollen (Kontrolleret) og kilden til det nye tal (Kilde) i samme række – ellers gælder den hidtidige regel.',
  ],
  [
    'Nye rækker (en fordringstype, en rentesats, et nyt års betalingsevnetabel, en procedures trin) skrives under afsnittets sidste række. Afsnittenes navne og kolonneoverskrifterne må ikke ændres. JA/NEJ i ja-nej-kolonner.',
  ],
];

/**
 * The rules in use as the `Saldo-regler` sheet: a short instruction, then one table per kind of
 * rule with a bold title above it. Kroner are kroner, dates Excel dates, flags JA/NEJ, and a
 * value that is not set is a word ("ikke fastsat", "ubegrænset"), never a blank that Excel could
 * read back as 0.
 */
export function rulesSheet(rules: RuleSet): SheetDescription {
  const blocks: Array<LinesBlock | TableBlock> = [{ type: 'lines', at: { row: 1, col: 1 }, rows: INTRO, bold: [0], sizes: { 0: 14 } }];
  let row = INTRO.length + 2;
  for (const section of SECTIONS) {
    const rows = sectionRows(rules, section.id);
    blocks.push({ type: 'lines', at: { row, col: 1 }, rows: [[section.title]], bold: [0], sizes: { 0: 12 } });
    blocks.push({ type: 'table', at: { row: row + 1, col: 1 }, columns: section.columns.map((c): Column => ({ header: c.header, kind: c.kind })), rows });
    row += rows.length + 4;
  }
  const widths: Record<number, number> = { 1: 24, 2: 26 };
  for (let c = 3; c <= 15; c += 1) widths[c] = 14;
  return { name: RULES_SHEET, blocks, columnWidths: widths };
}

/**
 * A description's cells as a grid from A1 (values, and each cell's number format): what the sheet
 * holds once drawn, for a .csv copy and for tests.
 */
export function sheetGrid(d: SheetDescription): { values: CellValue[][]; formats: string[][] } {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  for (const block of d.blocks) {
    for (const line of blockLines(block)) {
      const r = line.row - 1;
      values[r] ??= [];
      formats[r] ??= [];
      line.values.forEach((v, j) => {
        values[r]![line.col - 1 + j] = v;
        formats[r]![line.col - 1 + j] = line.formats[j]!;
      });
    }
  }
  const width = values.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const pad = <T>(r: T[] | undefined, fill: T): T[] => Array.from({ length: width }, (_, j) => r?.[j] ?? fill);
  return { values: Array.from(values, (r) => pad(r, null)), formats: Array.from(formats, (r) => pad(r, '@')) };
}

/**
 * The rules sheet as Danish text cells (a `;`-separated file): dates dd-mm-åååå, decimal
 * comma, kroner with 2 decimals.
 */
export function rulesSheetText(rules: RuleSet): string[][] {
  const { values, formats } = sheetGrid(rulesSheet(rules));
  return values.map((r, i) =>
    r.map((v, j) => {
      if (v === null) return '';
      if (typeof v === 'string') return v;
      const format = formats[i]![j]!;
      if (format === 'dd-mm-yyyy') {
        const day = excelSerialToDayNumber(v);
        return day === null ? String(v) : danishDate(fromDayNumber(day));
      }
      const text = format.includes('0.00') ? v.toFixed(2) : String(v);
      return text.replace('.', ',');
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Blank as the sheet APIs give it: null, '' or spaces (and 0 where a column holds no figure). */
const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
/** Excel on Windows reads some empty cells as 0: in a text, flag or date column, 0 is blank. */
const isBlankText = (v: unknown): boolean => isBlank(v) || v === 0;

/** A problem in one cell: thrown by the cell readers below, with the column as the place. */
const cellProblem = (field: string, value: unknown, reason: string): SaldoError => SaldoError.at('UGYLDIGT_INPUT', [field], value, reason);

/** Text as typed; a number is its digits. Excel's text prefix ' before =, +, - or @ is dropped. */
function textOf(v: unknown, field: string): string {
  if (isBlankText(v)) return '';
  if (typeof v === 'string') return v.trim().replace(/^'(?=[=+\-@])/, '');
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  throw cellProblem(field, v, 'skal være en tekst.');
}

function requiredText(v: unknown, field: string): string {
  const t = textOf(v, field);
  if (t === '') throw cellProblem(field, v, 'skal udfyldes.');
  return t;
}

/** A number from a number cell or Danish text ("250,00", "10,75 %", "250 kr."). */
function numberOf(v: unknown, field: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') return parseDanishNumber(v.trim().replace(/\s*%$/, ''), [field]);
  if (isBlank(v)) throw cellProblem(field, v, 'skal udfyldes med et tal.');
  throw cellProblem(field, v, 'skal være et tal.');
}

/** A number, or null for a blank cell or the column's word for "none". */
function numberOrNone(v: unknown, field: string, none: string): number | null {
  if (isBlank(v) || (typeof v === 'string' && headerKey(v) === headerKey(none))) return null;
  if (typeof v === 'string' && !/\d/.test(v)) throw cellProblem(field, v, `skal være et tal eller "${none}".`);
  return numberOf(v, field);
}

function flagOf(v: unknown, field: string): boolean {
  if (typeof v === 'boolean') return v;
  const key = typeof v === 'string' ? headerKey(v) : '';
  if (['ja', 'sand', 'true', 'x'].includes(key)) return true;
  if (['nej', 'falsk', 'false'].includes(key)) return false;
  throw cellProblem(field, v, 'skriv JA eller NEJ.');
}

/** A blank flag is NEJ (a procedure step's flags are mostly NEJ). */
const flagOrNo = (v: unknown, field: string): boolean => (isBlankText(v) ? false : flagOf(v, field));

/** A date from an Excel date, dd-mm-åååå, dd.mm.åååå or ÅÅÅÅ-MM-DD; null when blank. */
function dateOf(v: unknown, field: string): CalendarDate | null {
  if (isBlankText(v)) return null;
  let day: number | null = null;
  if (typeof v === 'number') day = excelSerialToDayNumber(v);
  else if (isDateCell(v)) day = v.day;
  else if (typeof v === 'string') day = parseDateText(v.trim());
  if (day === null) throw cellProblem(field, v, 'er ikke en dato; skriv f.eks. 01-12-2026.');
  return fromDayNumber(day);
}

/** One data row of a section: its sheet row and its cells by field. */
interface SheetRow {
  row: number;
  get(field: string): unknown;
  /** The column holds something (the header was there and the cell is not blank). */
  has(field: string): boolean;
}

/**
 * A piece of the override that is applied at once: one row, or the rows of one procedure or
 * one year's table. `locate` says which row and column an error's place is in.
 */
interface Unit {
  section: SectionDef;
  label: string;
  rows: number[];
  override(current: RuleSet): Record<string, unknown>;
  locate(place: Place): { row: number; field: string | null };
  /** What it means that the unit is not applied, told after the problem. */
  consequence: string;
}

interface ReadContext {
  base: RuleSet;
  problems: RulesSheetProblem[];
}

const where = (row: number, column: string | null) => `${RULES_SHEET}, række ${row}${column === null ? '' : `, kolonnen "${column}"`}`;

function addProblem(ctx: ReadContext, section: SectionDef, row: number, field: string | null, reason: string): void {
  ctx.problems.push({ row, message: `${where(row, field === null ? null : headerOf(section, field))}: ${reason}` });
}

/** Runs a row's reading; a cell problem becomes the row's problem (with `after` told after it) and null. */
function guarded<T>(ctx: ReadContext, section: SectionDef, row: number, read: () => T, after = ''): T | null {
  try {
    return read();
  } catch (e) {
    if (!isSaldoError(e)) throw e;
    const field = typeof e.place[0] === 'string' ? e.place[0] : null;
    addProblem(ctx, section, row, field, `${e.reasonFor((p) => `"${headerOf(section, String(p[0]))}"`)}${after === '' ? '' : ` ${after}`}`);
    return null;
  }
}

/**
 * A changed row's source and date: a new source (the old one does not say the new figure) and a
 * real date. Throws a cell problem naming Kilde or Kontrolleret.
 */
function provenanceOf(r: SheetRow, current: string | undefined): { source: string; checked: CalendarDate } {
  const source = textOf(r.get('source'), 'source');
  if (source === '') throw cellProblem('source', r.get('source'), 'tallene i rækken er ændret: skriv kilden til de nye tal (lov og paragraf, SKM-nummer, takstblad, beslutning).');
  if (current !== undefined && source === current.trim()) {
    throw cellProblem('source', source, 'tallene i rækken er ændret, men kilden er den hidtidige: skriv kilden til de nye tal.');
  }
  const checked = dateOf(r.get('checked'), 'checked');
  if (checked === null) throw cellProblem('checked', r.get('checked'), 'tallene i rækken er ændret: skriv datoen, hvor de blev kontrolleret ved kilden, f.eks. 01-12-2026.');
  return { source, checked };
}

/** The last string key of a place that is a column of the section, else null. */
function fieldOf(section: SectionDef, place: Place): string | null {
  for (let i = place.length - 1; i >= 0; i -= 1) {
    const step = place[i];
    if (typeof step === 'string' && section.columns.some((c) => c.field === step)) return step;
    if (typeof step === 'number') break;
  }
  return null;
}

const sameOre = (kr: number | null, ore: number | null): boolean => (kr === null || ore === null ? kr === ore : Math.abs(kr * 100 - ore) < 1e-6);
const rangeText = (rows: readonly number[]): string => {
  const lo = Math.min(...rows);
  const hi = Math.max(...rows);
  return lo === hi ? `række ${lo}` : `rækkerne ${lo}–${hi}`;
};

function feeUnits(ctx: ReadContext, rows: readonly SheetRow[]): Unit[] {
  const section = sectionOf('fees');
  const seen = new Map<string, number>();
  const units: Unit[] = [];
  for (const r of rows) {
    const unit = guarded(
      ctx,
      section,
      r.row,
      (): Unit | null => {
        const name = requiredText(r.get('fee'), 'fee');
        const fee = Object.entries(FEES).find(([k]) => headerKey(k) === headerKey(name));
        if (!fee) throw cellProblem('fee', name, `ukendt gebyr "${name}" (arket kender ${Object.keys(FEES).join(' og ')}).`);
        const [feeName, { key, label }] = fee;
        const first = seen.get(feeName);
        if (first !== undefined) throw cellProblem('fee', name, `gebyret står allerede i række ${first}.`);
        seen.set(feeName, r.row);
        const takst = numberOrNone(r.get('takst'), 'takst', NO_TAKST);
        const max = numberOf(r.get('maxPerRykker'), 'maxPerRykker');
        const count = numberOrNone(r.get('maxFeeCount'), 'maxFeeCount', UNLIMITED);
        const days = numberOrNone(r.get('minDaysBetween'), 'minDaysBetween', NONE);
        const rule = ctx.base.fees[key];
        const v = rule.value;
        if (sameOre(takst, v.takst) && sameOre(max, v.maxPerRykker) && count === v.maxFeeCount && days === v.minDaysBetween) return null;
        const p = provenanceOf(r, rule.source);
        return {
          section,
          label: `Gebyrer: ${label}`,
          rows: [r.row],
          override: () => ({ fees: { [key]: { takst, maxPerRykker: max, maxFeeCount: count, minDaysBetween: days, ...p } } }),
          locate: (place) => ({ row: r.row, field: fieldOf(section, place) }),
          consequence: 'Rækken er ikke brugt; det hidtidige gebyr gælder.',
        };
      },
      'Rækken er ikke brugt; det hidtidige gebyr gælder.',
    );
    if (unit) units.push(unit);
  }
  return units;
}

const CLAIM_FLAGS = ['udpantningsret', 'civilretlig', 'henstandNormallyAllowed', 'medhaeftere', 'tilbagebetalingskrav'] as const;

function claimTypeUnits(ctx: ReadContext, rows: readonly SheetRow[]): Unit[] {
  const section = sectionOf('claimTypes');
  const seen = new Map<string, number>();
  const units: Unit[] = [];
  for (const r of rows) {
    const unit = guarded(
      ctx,
      section,
      r.row,
      (): Unit | null => {
        const typed = requiredText(r.get('type'), 'type');
        const first = seen.get(claimTypeKey(typed));
        if (first !== undefined) throw cellProblem('type', typed, `fordringstypen står allerede i række ${first}.`);
        seen.set(claimTypeKey(typed), r.row);
        const id = findClaimType(ctx.base.claimTypes.value, typed) ?? typed;
        const base = ownValue(ctx.base.claimTypes.value, id);
        const rule = {
          label: requiredText(r.get('label'), 'label'),
          ...Object.fromEntries(CLAIM_FLAGS.map((f) => [f, flagOf(r.get(f), f)])),
          limitationYears: numberOf(r.get('limitationYears'), 'limitationYears'),
          priority: numberOf(r.get('priority'), 'priority'),
          feeLetters: numberOrNone(r.get('feeLetters'), 'feeLetters', BY_FEE_RULE),
          procedures: { restance: requiredText(r.get('restance'), 'restance'), misligholdt: requiredText(r.get('misligholdt'), 'misligholdt') },
        } as Record<string, unknown> & { procedures: { restance: string; misligholdt: string } };
        const same =
          base !== undefined &&
          base.label === rule.label &&
          CLAIM_FLAGS.every((f) => base[f] === rule[f]) &&
          base.limitationYears === rule.limitationYears &&
          base.priority === rule.priority &&
          base.feeLetters === rule.feeLetters &&
          base.procedures.restance === rule.procedures.restance &&
          base.procedures.misligholdt === rule.procedures.misligholdt;
        if (same) return null;
        const p = provenanceOf(r, base ? (base.source ?? ctx.base.claimTypes.source) : undefined);
        return {
          section,
          label: `Fordringstyper: ${id}`,
          rows: [r.row],
          override: () => ({ claimTypes: { [id]: { ...rule, ...p } } }),
          locate: (place) => ({ row: r.row, field: place.length <= 2 ? 'type' : fieldOf(section, place) }),
          consequence: base ? 'Rækken er ikke brugt; fordringstypens hidtidige regel gælder.' : 'Rækken er ikke brugt, og fordringstypen findes ikke i reglerne.',
        };
      },
      'Rækken er ikke brugt.',
    );
    if (unit) units.push(unit);
  }
  return units;
}

/** Rows grouped by a key column (in order of first appearance); a row whose key cannot be read is a problem. */
function groupBy(ctx: ReadContext, section: SectionDef, rows: readonly SheetRow[], key: (r: SheetRow) => string): Map<string, SheetRow[]> {
  const groups = new Map<string, SheetRow[]>();
  for (const r of rows) {
    const k = guarded(ctx, section, r.row, () => key(r));
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return groups;
}

const STEP_FLAGS = ['fee', 'notice', 'medhaeftere', 'optional'] as const;

function procedureUnits(ctx: ReadContext, rows: readonly SheetRow[]): Unit[] {
  const section = sectionOf('procedures');
  const units: Unit[] = [];
  const groups = groupBy(ctx, section, rows, (r) => requiredText(r.get('procedure'), 'procedure'));
  for (const [name, group] of groups) {
    const base = ownValue(ctx.base.procedures.value, name);
    const notLoaded = base ? `Proceduren "${name}" er ikke indlæst; den hidtidige procedure gælder.` : `Proceduren "${name}" er ikke indlæst.`;
    const read = group.map((r) =>
      guarded(
        ctx,
        section,
        r.row,
        () => {
          const nr = numberOf(r.get('nr'), 'nr');
          if (!Number.isInteger(nr) || nr < 1) throw cellProblem('nr', r.get('nr'), 'skal være trinnets nummer, et helt tal fra 1.');
          const why = textOf(r.get('why'), 'why');
          const step = {
            id: requiredText(r.get('id'), 'id'),
            kind: requiredText(r.get('kind'), 'kind').toLowerCase(),
            action: requiredText(r.get('action'), 'action'),
            afterDays: numberOf(r.get('afterDays'), 'afterDays'),
            ...Object.fromEntries(STEP_FLAGS.map((f) => [f, flagOrNo(r.get(f), f)])),
            ...(why === '' ? {} : { why }),
          } as Record<string, unknown>;
          const label = textOf(r.get('label'), 'label');
          const perRate = isBlankText(r.get('perRate')) ? null : flagOf(r.get('perRate'), 'perRate');
          return { r, nr, step, label, perRate };
        },
        notLoaded,
      ),
    );
    if (read.some((x) => x === null)) continue;
    const steps = (read as Array<NonNullable<(typeof read)[number]>>).sort((a, b) => a.nr - b.nr);
    const twice = steps.find((s, i) => i > 0 && steps[i - 1]!.nr === s.nr);
    if (twice) {
      addProblem(ctx, section, twice.r.row, 'nr', `trin nr. ${twice.nr} står to gange i proceduren "${name}". ${notLoaded}`);
      continue;
    }
    const labelAt = steps.find((s) => s.label !== '');
    const perRateAt = steps.find((s) => s.perRate !== null);
    const label = labelAt?.label ?? '';
    const perRate = perRateAt?.perRate ?? false;
    const sameStep = (s: Record<string, unknown>, b: ProcedureStep | undefined): boolean =>
      b !== undefined &&
      String(s.id).toLowerCase() === b.id &&
      s.kind === b.kind &&
      s.action === b.action &&
      s.afterDays === b.afterDays &&
      STEP_FLAGS.every((f) => s[f] === b[f]) &&
      (s.why ?? '') === b.why;
    const changedRows = steps.filter((s, i) => !sameStep(s.step, base?.steps[i]) || (s === labelAt && label !== base?.label) || (s === perRateAt && perRate !== base?.perRate));
    const changed = base === undefined || changedRows.length > 0 || steps.length !== base.steps.length || label !== base.label || perRate !== base.perRate;
    if (!changed) continue;
    const current = base ? (base.source ?? ctx.base.procedures.source) : undefined;
    // Steps only taken away change no row: some row must then name the new source.
    const needing = changedRows.length > 0 ? changedRows : steps.filter((s) => textOf(s.r.get('source'), 'source') !== (current ?? '').trim()).slice(0, 1);
    if (needing.length === 0) {
      addProblem(
        ctx,
        section,
        steps[0]!.r.row,
        'source',
        `proceduren "${name}" har færre trin end hidtil: skriv kilden til ændringen og datoen for kontrollen i mindst én af dens rækker. ${notLoaded}`,
      );
      continue;
    }
    const sources = needing.map((s) => guarded(ctx, section, s.r.row, () => provenanceOf(s.r, current), notLoaded));
    if (sources.some((p) => p === null)) continue;
    const provenance = sources as Array<{ source: string; checked: CalendarDate }>;
    const source = [...new Set(provenance.map((p) => p.source))].join('; ');
    const checked = provenance.map((p) => p.checked).reduce((a, b) => (a > b ? a : b));
    const rowOfStep = (i: number) => steps[i]?.r.row ?? steps[0]!.r.row;
    units.push({
      section,
      label: `Procedurer: ${name}`,
      rows: steps.map((s) => s.r.row),
      override: () => ({ procedures: { [name]: { label, perRate, steps: steps.map((s) => s.step), source, checked } } }),
      locate: (place) => {
        const at = place.indexOf('steps');
        if (at >= 0 && typeof place[at + 1] === 'number') return { row: rowOfStep(place[at + 1] as number), field: fieldOf(section, place.slice(at + 2)) ?? 'id' };
        const field = fieldOf(section, place.slice(2));
        if (field === 'label') return { row: (labelAt ?? steps[0]!).r.row, field };
        if (field === 'perRate') return { row: (perRateAt ?? steps[0]!).r.row, field };
        if (field === 'source' || field === 'checked') return { row: needing[0]!.r.row, field };
        return { row: steps[0]!.r.row, field: place.length <= 2 ? 'procedure' : field };
      },
      consequence: notLoaded,
    });
  }
  return units;
}

function rateUnits(ctx: ReadContext, rows: readonly SheetRow[]): Unit[] {
  const section = sectionOf('rates');
  const units: Array<Unit & { validThrough: CalendarDate | null; table: string }> = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const unit = guarded(
      ctx,
      section,
      r.row,
      () => {
        const table = requiredText(r.get('table'), 'table');
        const from = dateOf(r.get('from'), 'from');
        if (from === null) throw cellProblem('from', r.get('from'), 'skriv datoen, satsen gælder fra, f.eks. 01-07-2026.');
        const key = `${table}\u0000${from}`;
        const first = seen.get(key);
        if (first !== undefined) throw cellProblem('from', r.get('from'), `satsen for ${danishDate(from)} i tabellen "${table}" står allerede i række ${first}.`);
        seen.set(key, r.row);
        const annualRate = numberOf(r.get('annualRate'), 'annualRate');
        const validThrough = dateOf(r.get('validThrough'), 'validThrough');
        const base = ownValue(ctx.base.rateTables, table);
        const baseRow = base?.rows.find((x) => x.from === from);
        let ppm: number;
        try {
          ppm = parseAnnualRate(annualRate, []);
        } catch {
          ppm = Number.NaN; // a changed figure: the rule's own check says what is wrong with it
        }
        const same = baseRow !== undefined && baseRow.annualRatePpm === ppm && (validThrough === null || validThrough === base!.validThrough);
        if (same) return null;
        const p = provenanceOf(r, baseRow?.source);
        return {
          section,
          table,
          validThrough,
          label: `Rentetabeller: ${table} fra ${danishDate(from)}`,
          rows: [r.row],
          override: (current: RuleSet): Record<string, unknown> => {
            const now = ownValue(current.rateTables, table);
            // The table covers up to the latest "Dækker til og med" of its rows that are read.
            const latest = [now?.validThrough, ...units.filter((u) => u.table === table).map((u) => u.validThrough)]
              .filter((d): d is CalendarDate => typeof d === 'string')
              .sort()
              .pop();
            return { rateTables: { [table]: { ...p, validThrough: latest, rows: [{ from, annualRate }], ...(now ? {} : { label: table }) } } };
          },
          locate: (place: Place) => ({ row: r.row, field: place.length <= 2 ? 'table' : fieldOf(section, place) }),
          consequence: baseRow ? 'Rækken er ikke brugt; den hidtidige sats gælder.' : 'Rækken er ikke brugt.',
        };
      },
      'Rækken er ikke brugt.',
    );
    if (unit) units.push(unit);
  }
  return units;
}

function betalingsevneUnits(ctx: ReadContext, rows: readonly SheetRow[]): Unit[] {
  const section = sectionOf('betalingsevne');
  const units: Unit[] = [];
  const groups = groupBy(ctx, section, rows, (r) => {
    const year = numberOf(r.get('year'), 'year');
    if (!Number.isInteger(year) || year < 1900 || year > 9999) throw cellProblem('year', r.get('year'), 'skal være et årstal, f.eks. 2026.');
    return String(year);
  });
  for (const [year, group] of groups) {
    const base = ownValue(ctx.base.betalingsevne, year);
    const notLoaded = base ? `Betalingsevnetabellen for ${year} er ikke indlæst; den hidtidige tabel gælder.` : `Betalingsevnetabellen for ${year} er ikke indlæst.`;
    const read = group.map((r) =>
      guarded(
        ctx,
        section,
        r.row,
        () => ({
          r,
          row: {
            from: numberOf(r.get('from'), 'from'),
            to: numberOrNone(r.get('to'), 'to', AND_ABOVE),
            withoutChildren: numberOf(r.get('withoutChildren'), 'withoutChildren'),
            withChildren: numberOf(r.get('withChildren'), 'withChildren'),
          },
        }),
        notLoaded,
      ),
    );
    if (read.some((x) => x === null)) continue;
    const brackets = read as Array<NonNullable<(typeof read)[number]>>;
    const changedRows = brackets.filter((b, i) => {
      const o = base?.rows[i];
      return o === undefined || o.from !== b.row.from || o.to !== b.row.to || o.withoutChildren !== b.row.withoutChildren || o.withChildren !== b.row.withChildren;
    });
    if (base !== undefined && changedRows.length === 0 && brackets.length === base.rows.length) continue;
    const needing = changedRows.length > 0 ? changedRows : brackets.filter((b) => textOf(b.r.get('source'), 'source') !== base?.source.trim()).slice(0, 1);
    if (needing.length === 0) {
      addProblem(
        ctx,
        section,
        brackets[0]!.r.row,
        'source',
        `tabellen for ${year} har færre rækker end hidtil: skriv kilden til ændringen og datoen for kontrollen i mindst én af dens rækker. ${notLoaded}`,
      );
      continue;
    }
    const sources = needing.map((b) => guarded(ctx, section, b.r.row, () => provenanceOf(b.r, base?.source), notLoaded));
    if (sources.some((p) => p === null)) continue;
    const provenance = sources as Array<{ source: string; checked: CalendarDate }>;
    const source = [...new Set(provenance.map((p) => p.source))].join('; ');
    const checked = provenance.map((p) => p.checked).reduce((a, b) => (a > b ? a : b));
    units.push({
      section,
      label: `Betalingsevne ${year}`,
      rows: brackets.map((b) => b.r.row),
      override: () => ({ betalingsevne: { [year]: { source, checked, rows: brackets.map((b) => b.row) } } }),
      locate: (place) => {
        const at = place.indexOf('rows');
        if (at >= 0 && typeof place[at + 1] === 'number') return { row: brackets[place[at + 1] as number]?.r.row ?? brackets[0]!.r.row, field: fieldOf(section, place.slice(at + 2)) };
        const field = fieldOf(section, place.slice(2));
        if (field === 'source' || field === 'checked') return { row: needing[0]!.r.row, field };
        return { row: brackets[0]!.r.row, field: place.length <= 2 ? 'year' : field };
      },
      consequence: notLoaded,
    });
  }
  return units;
}

const UNITS: Readonly<Record<SectionId, (ctx: ReadContext, rows: readonly SheetRow[]) => Unit[]>> = {
  fees: feeUnits,
  claimTypes: claimTypeUnits,
  procedures: procedureUnits,
  rates: rateUnits,
  betalingsevne: betalingsevneUnits,
};
/** Procedures before claim types: a claim type may name a procedure the sheet adds. */
const APPLY_ORDER: readonly SectionId[] = ['fees', 'rates', 'betalingsevne', 'procedures', 'claimTypes'];

const columnLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/** The one text cell of a row (the first), or null: a section's title row. */
function titleOf(row: readonly unknown[]): string | null {
  const first = row[0];
  if (typeof first !== 'string' || first.trim() === '') return null;
  return row.slice(1).every(isBlankText) ? first.trim() : null;
}

export interface ReadRulesSheetOptions {
  /** The rules the sheet changes: by default the shipped ones. */
  base: RuleSet;
  /** The sheet row and column of `cells[0][0]` (a used range need not start at A1). */
  firstRow?: number;
  firstColumn?: number;
}

/**
 * The rules of a `Saldo-regler` sheet's cells (as a sheet API reads them: text, numbers, Excel
 * date serials, booleans, blanks as '', null or 0), with the problems by sheet row and what the
 * sheet changed. Rows before the first section are its instruction and are not read.
 * @example readRulesSheet(sheetGrid(rulesSheet(defaultRules)).values, { base: defaultRules }).problems // []
 */
export function readRulesSheet(cells: ReadonlyArray<readonly unknown[]>, options: ReadRulesSheetOptions): RulesSheetRead {
  const firstRow = options.firstRow ?? 1;
  const firstColumn = options.firstColumn ?? 1;
  const ctx: ReadContext = { base: options.base, problems: [] };
  const found = new Map<SectionId, SheetRow[]>();
  let section: { def: SectionDef; columns: Partial<Record<string, number>> | null; broken: boolean } | null = null;
  let anySection = false;
  let skipping = false;
  let afterBlank = true;

  cells.forEach((row, i) => {
    const sheetRow = firstRow + i;
    if (row.every(isBlankText)) {
      afterBlank = true;
      return;
    }
    const title = titleOf(row);
    const known = title === null ? undefined : SECTIONS.find((s) => headerKey(s.title) === headerKey(title));
    const wasBlank = afterBlank;
    afterBlank = false;
    if (known) {
      if (found.has(known.id)) {
        ctx.problems.push({ row: sheetRow, message: `${where(sheetRow, null)}: afsnittet "${known.title}" står to gange; kun det første er læst.` });
        skipping = true;
        section = null;
        return;
      }
      found.set(known.id, []);
      section = { def: known, columns: null, broken: false };
      anySection = true;
      skipping = false;
      return;
    }
    if (!anySection || skipping) return;
    if (title !== null && wasBlank && section?.columns !== null) {
      ctx.problems.push({
        row: sheetRow,
        message: `${where(sheetRow, null)}: "${title}" er ikke et afsnit, Saldo kender (${SECTIONS.map((s) => s.title).join(', ')}); rækkerne herunder til næste afsnit er ikke læst.`,
      });
      skipping = true;
      section = null;
      return;
    }
    if (section === null) return;
    const def = section.def;
    if (section.columns === null) {
      const match = matchHeaders(row, headerWords(Object.fromEntries(def.columns.map((c) => [c.field, [c.header]]))));
      for (const j of match.unknown) {
        const h = row[j];
        if (isBlankText(h)) continue;
        ctx.problems.push({
          row: sheetRow,
          message: `${RULES_SHEET}, række ${sheetRow}, kolonne ${columnLetter(firstColumn + j)}: ukendt kolonne "${String(h)}" i afsnittet ${def.title} (kolonnerne hedder ${def.columns.map((c) => `"${c.header}"`).join(', ')}); den er ikke læst.`,
        });
      }
      for (const d of match.doubled) {
        ctx.problems.push({ row: sheetRow, message: `${where(sheetRow, headerOf(def, d.field))}: kolonnen står to gange i afsnittet ${def.title}; afsnittet er ikke læst.` });
        section.broken = true;
      }
      const missing = def.columns.filter((c) => match.columns[c.field] === undefined && !(def.optional ?? []).includes(c.field));
      if (missing.length > 0) {
        ctx.problems.push({
          row: sheetRow,
          message: `${where(sheetRow, null)}: afsnittet ${def.title} mangler ${missing.length === 1 ? 'kolonnen' : 'kolonnerne'} ${missing.map((c) => `"${c.header}"`).join(', ')}; afsnittet er ikke læst, og dets hidtidige regler gælder.`,
        });
        section.broken = true;
      }
      section.columns = match.columns;
      return;
    }
    if (section.broken) return;
    const columns = section.columns;
    found.get(def.id)!.push({
      row: sheetRow,
      get: (field) => {
        const j = columns[field];
        return j === undefined ? undefined : row[j];
      },
      has: (field) => columns[field] !== undefined && !isBlank(row[columns[field]]),
    });
  });

  if (!anySection) {
    ctx.problems.push({
      row: firstRow,
      message: `${RULES_SHEET}, række ${firstRow}: arket har ingen af afsnittene ${SECTIONS.map((s) => s.title).join(', ')}; standardreglerne gælder. Skriv arket fra siden Regler og ret i det.`,
    });
  }

  let rules = options.base;
  const changed: string[] = [];
  for (const id of APPLY_ORDER) {
    for (const unit of UNITS[id](ctx, found.get(id) ?? [])) {
      try {
        rules = applyRuleOverride(rules, unit.override(rules));
        changed.push(`${unit.label} (${rangeText(unit.rows)})`);
      } catch (e) {
        if (!isSaldoError(e)) throw e;
        const at = unit.locate(e.place);
        const namer: Namer = (place) => {
          const field = place.length === 1 ? fieldOf(unit.section, place) : (unit.locate(place).field ?? fieldOf(unit.section, place));
          return field === null ? 'rækken' : `"${headerOf(unit.section, field)}"`;
        };
        addProblem(ctx, unit.section, at.row, at.field, `${e.reasonFor(namer)} ${unit.consequence}`);
      }
    }
  }
  ctx.problems.sort((a, b) => a.row - b.row);
  return { rules, problems: ctx.problems, changed };
}
