/**
 * A kommune's own words for a ledger's columns and kinds (issue 20): the headers and kinds Saldo
 * knows are built in (posting.ts); a fagsystem that writes "Deb.nr" or "Udligning" gets a
 * mapping, given once, as a small table (the `Saldo-kortlægning` sheet, or a .csv/.xlsx for the
 * CLI):
 *
 *   Slags   | I filen   | Betyder
 *   kolonne | Deb.nr    | Debitor
 *   art     | Udligning | betaling
 *
 * A mapping is read strictly: a row that names no known field or kind, a word mapped twice, or a
 * word Saldo already reads as something else refuses the whole mapping with its row, because a
 * mapping half taken would misread the ledger quietly.
 */
import { SaldoError, showValue } from '../errors.js';
import { headerKey, headerWords, matchHeaders } from '../input/headers.js';
import { FIELD_NAMES, kindOf, mapColumns, POSTING_KINDS, type KindWords, type LedgerField, type PostingKind, type RowError } from './posting.js';

export interface LedgerMapping {
  /** A header key (`headerKey` of the file's word) → the field it holds. */
  columns: Readonly<Record<string, LedgerField>>;
  /** A kind word in lower case → the kind it means. */
  kinds: KindWords;
}

export const NO_MAPPING: LedgerMapping = { columns: {}, kinds: {} };

/** The mapping in a sheet's rows, or none when the workbook has no such sheet. */
export const mappingOf = (rows: ReadonlyArray<readonly unknown[]> | undefined): LedgerMapping => (rows === undefined ? NO_MAPPING : mappingFromRows(rows));

/** The sheet the task pane keeps the mapping in, and the CLI reads from an .xlsx. */
export const MAPPING_SHEET = 'Saldo-kortlægning';
export const MAPPING_HEADER = ['Slags', 'I filen', 'Betyder'] as const;

type MappingField = 'slags' | 'word' | 'means';
const WORDS = headerWords<MappingField>({
  slags: ['slags', 'hvad', 'kolonne eller art'],
  word: ['i filen', 'fagsystemets ord', 'fra'],
  means: ['betyder', 'saldos ord', 'til'],
});

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

const where = (row: number) => `Kortlægningen, række ${row}`;

/**
 * The mapping in a table's rows (the first is the header; row numbers count it as 1). Blank rows
 * are passed over; anything else that is not a whole mapping row refuses the mapping.
 */
export function mappingFromRows(rows: readonly (readonly unknown[])[]): LedgerMapping {
  const header = rows[0] ?? [];
  const { columns: at, doubled } = matchHeaders(header, WORDS);
  if (at.slags === undefined || at.word === undefined || at.means === undefined || doubled.length > 0) {
    throw new SaldoError('UGYLDIGT_INPUT', 'mapping', header, `Kortlægningen skal have overskrifterne ${MAPPING_HEADER.join(', ')} (fandt ${header.map((h) => showValue(h)).join(', ') || 'ingen'}).`);
  }
  const columns: Record<string, LedgerField> = {};
  const kinds: Record<string, PostingKind> = {};
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const slags = text(cells[at.slags!]).toLowerCase();
    const word = text(cells[at.word!]);
    const means = text(cells[at.means!]);
    if (slags === '' && word === '' && means === '') return;
    if (word === '') throw new SaldoError('MANGLER', 'mapping', cells, `${where(row)}: "I filen" er tom; skriv ordet, som fagsystemet bruger.`);
    if (slags === 'kolonne') addColumn(columns, word, means, row);
    else if (slags === 'art') addKind(kinds, word, means, row);
    else throw new SaldoError('UGYLDIGT_INPUT', 'mapping', cells, `${where(row)}: Slags skal være "kolonne" eller "art" (fik ${showValue(cells[at.slags!])}).`);
  });
  return { columns, kinds };
}

function addColumn(columns: Record<string, LedgerField>, word: string, means: string, row: number): void {
  const field = fieldNamed(means);
  if (field === undefined) {
    throw new SaldoError('UGYLDIGT_INPUT', 'mapping', means, `${where(row)}: ${showValue(means)} er ingen kolonne, Saldo læser; skriv en af ${Object.values(FIELD_NAMES).join(', ')}.`);
  }
  const builtIn = fieldNamed(word);
  if (builtIn !== undefined && builtIn !== field) {
    throw new SaldoError('KONFLIKT', 'mapping', word, `${where(row)}: Saldo læser allerede kolonnen ${showValue(word)} som ${FIELD_NAMES[builtIn]}, ikke ${FIELD_NAMES[field]}.`);
  }
  const key = headerKey(word);
  const before = Object.hasOwn(columns, key) ? columns[key] : undefined;
  if (before !== undefined && before !== field) {
    throw new SaldoError('KONFLIKT', 'mapping', word, `${where(row)}: kolonnen ${showValue(word)} er allerede kortlagt som ${FIELD_NAMES[before]}.`);
  }
  columns[key] = field;
}

function addKind(kinds: Record<string, PostingKind>, word: string, means: string, row: number): void {
  const kind = kindOf(means);
  if (kind === undefined) {
    throw new SaldoError('UGYLDIGT_INPUT', 'mapping', means, `${where(row)}: ${showValue(means)} er ingen art, Saldo kender; skriv en af ${POSTING_KINDS.join(', ')}.`);
  }
  const builtIn = kindOf(word);
  if (builtIn !== undefined && builtIn !== kind) {
    throw new SaldoError('KONFLIKT', 'mapping', word, `${where(row)}: Saldo læser allerede arten ${showValue(word)} som ${builtIn}, ikke ${kind}.`);
  }
  const key = word.toLowerCase();
  const before = Object.hasOwn(kinds, key) ? kinds[key] : undefined;
  if (before !== undefined && before !== kind) {
    throw new SaldoError('KONFLIKT', 'mapping', word, `${where(row)}: arten ${showValue(word)} er allerede kortlagt som ${before}.`);
  }
  kinds[key] = kind;
}

/** The field a header word names (Danish, English or a known alias), or undefined. */
function fieldNamed(word: string): LedgerField | undefined {
  const found = Object.keys(mapColumns([word]).columns) as LedgerField[];
  return found[0];
}

/** A header row with the mapped words replaced by Saldo's own names, so the ledger's readers find them. */
export function mappedHeader(header: readonly unknown[], mapping: LedgerMapping): unknown[] {
  return header.map((h) => {
    const key = headerKey(h);
    const field = key !== '' && Object.hasOwn(mapping.columns, key) ? mapping.columns[key] : undefined;
    return field === undefined ? h : FIELD_NAMES[field];
  });
}

/**
 * A sheet's rows (the header first) as Saldo reads them under the mapping: the header's mapped
 * words renamed, and a mapped kind word replaced by its kind. Row numbers are untouched; a row is
 * copied only when its kind is mapped. For the folds that take rows (the task pane's commands).
 */
export function* mappedRows(rows: Iterable<readonly unknown[]>, mapping: LedgerMapping): Generator<readonly unknown[]> {
  let kindColumn: number | undefined;
  let first = true;
  const anyKinds = Object.keys(mapping.kinds).length > 0;
  for (const cells of rows) {
    if (first) {
      first = false;
      const header = mappedHeader(cells, mapping);
      kindColumn = mapColumns(header).columns.kind;
      yield header;
      continue;
    }
    const word = anyKinds && kindColumn !== undefined ? cells[kindColumn] : undefined;
    const kind = typeof word === 'string' && kindOf(word.trim()) === undefined ? kindOf(word.trim(), mapping.kinds) : undefined;
    if (kind === undefined) yield cells;
    else {
      const copy = [...cells];
      copy[kindColumn!] = kind;
      yield copy;
    }
  }
}

/** What a header lacks, and the headers Saldo does not read that could be mapped to it. */
export function headerGaps(header: readonly unknown[], mapping: LedgerMapping = NO_MAPPING): { missing: LedgerField[]; unread: string[] } {
  const { columns, unknown } = mapColumns(mappedHeader(header, mapping));
  const missing = (['debtorId', 'claimId', 'postingDate', 'kind', 'amount'] as const).filter((f) => columns[f] === undefined);
  return { missing, unread: unknown.map((i) => text(header[i])).filter((h) => h !== '') };
}

/** The unknown kinds among a run's row errors by word, most rows first: the run's summary. */
export function unknownKindCounts(errors: readonly RowError[]): Array<{ kind: string; rows: number }> {
  const counts = new Map<string, number>();
  for (const e of errors) if (e.unknownKind !== undefined) counts.set(e.unknownKind, (counts.get(e.unknownKind) ?? 0) + 1);
  return [...counts].map(([kind, rows]) => ({ kind, rows })).sort((a, b) => b.rows - a.rows || (a.kind < b.kind ? -1 : 1));
}

/** The summary in Danish: `Ukendte arter: "Udligning" i 2 rækker, "X" i 1 række.` ('' when none). */
export function unknownKindsText(errors: readonly RowError[]): string {
  const counts = unknownKindCounts(errors);
  if (counts.length === 0) return '';
  const shown = counts.slice(0, 10).map((c) => `${JSON.stringify(c.kind)} i ${c.rows.toLocaleString('da-DK')} ${c.rows === 1 ? 'række' : 'rækker'}`);
  const more = counts.length > 10 ? ` og ${counts.length - 10} andre` : '';
  return `Ukendte arter: ${shown.join(', ')}${more}. Giv dem en betydning i en kortlægning (${MAPPING_SHEET}).`;
}
