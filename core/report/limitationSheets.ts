/**
 * The forældelse radar's sheets (`limitation --out x.xlsx`, and the add-in when it draws them),
 * described once for both renderers (core/report/sheet.ts): an overview with the totals by claim
 * type and by caseworker, the claims in the window by days left with the step for each and their
 * caseworker (a filter button picks one person's), the claims already forældet, and the rows that
 * could not be read. Amounts are kroner and dates Excel serials as the cells are made.
 */
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { toKroner, type Ore } from '../money/ore.js';
import type { LimitationPart, LimitationRadar, RadarTotals } from '../portfolio/limitationRadar.js';
import { errorsSheet } from './ledgerSheets.js';
import type { CellValue, Column, SheetDescription } from './sheet.js';

const A1 = { row: 1, col: 1 };

export const PART_LABELS: Readonly<Record<LimitationPart, string>> = {
  fordring: 'hele fordringen',
  renterOgGebyrer: 'renter og gebyrer efter dom',
};

/** A claim whose ledger rows name no caseworker, in the lists and the totals alike (so a filter on the lists finds the overview's row). */
export const NO_CASEWORKER = '(ingen sagsbehandler)';
const caseworkerShown = (caseworker: string): string => (caseworker === '' ? NO_CASEWORKER : caseworker);

export const RADAR_COLUMNS: readonly Column[] = [
  { header: 'Dage tilbage', kind: 'integer' },
  { header: 'Sidste dag', kind: 'date' },
  { header: 'Debitor', kind: 'text' },
  { header: 'Navn', kind: 'text' },
  { header: 'Fordring', kind: 'text' },
  { header: 'Fordringstype', kind: 'text' },
  { header: 'Sagsbehandler', kind: 'text' },
  { header: 'Åbent beløb', kind: 'kroner' },
  { header: 'Forældes', kind: 'text' },
  { header: 'Skridt', kind: 'text' },
  { header: 'Forældelse, grundlag', kind: 'text' },
];

export const BARRED_COLUMNS: readonly Column[] = [
  { header: 'Dage siden', kind: 'integer' },
  { header: 'Sidste dag', kind: 'date' },
  { header: 'Debitor', kind: 'text' },
  { header: 'Navn', kind: 'text' },
  { header: 'Fordring', kind: 'text' },
  { header: 'Fordringstype', kind: 'text' },
  { header: 'Sagsbehandler', kind: 'text' },
  { header: 'Åbent beløb', kind: 'kroner' },
  { header: 'Forældet', kind: 'text' },
  { header: 'Forældelse, grundlag', kind: 'text' },
];

/** The claims in the window, in the radar's order (days left). */
export function radarRows(r: LimitationRadar): CellValue[][] {
  return r.claims.map((c) => [
    c.daysLeft,
    dateToExcelSerial(c.limitationDate),
    c.debtorId,
    c.name,
    c.claimId,
    c.claimType,
    caseworkerShown(c.caseworker),
    toKroner(c.open),
    PART_LABELS[c.part],
    c.step,
    c.limitationReason,
  ]);
}

export function barredRows(r: LimitationRadar): CellValue[][] {
  return r.alreadyBarred.claims.map((c) => [
    c.daysSince,
    dateToExcelSerial(c.limitationDate),
    c.debtorId,
    c.name,
    c.claimId,
    c.claimType,
    caseworkerShown(c.caseworker),
    toKroner(c.open),
    PART_LABELS[c.part],
    c.limitationReason,
  ]);
}

/**
 * Per key (a claim type, a caseworker): in the window and already forældet, counts and kroner,
 * the keys in text order; the last row the whole (each list's totals sum to it).
 */
function totalsTable(
  r: LimitationRadar,
  groups: (t: RadarTotals) => ReadonlyArray<{ key: string; claims: number; open: Ore }>,
  label: (key: string) => string,
): { rows: CellValue[][]; total: CellValue[] } {
  const window = groups(r.totals);
  const barred = groups(r.alreadyBarred.totals);
  const keys = [...new Set([...window, ...barred].map((t) => t.key))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = keys.map((key) => {
    const w = window.find((x) => x.key === key);
    const b = barred.find((x) => x.key === key);
    return [label(key), w?.claims ?? 0, w ? toKroner(w.open) : 0, b?.claims ?? 0, b ? toKroner(b.open) : 0];
  });
  const total = ['I alt', r.totals.all.claims, toKroner(r.totals.all.open), r.alreadyBarred.totals.all.claims, toKroner(r.alreadyBarred.totals.all.open)];
  return { rows, total };
}

const totalsColumns = (first: string): Column[] => [
  { header: first, kind: 'text' },
  { header: 'I vinduet', kind: 'integer' },
  { header: 'I vinduet, kr.', kind: 'kroner' },
  { header: 'Forældet', kind: 'integer' },
  { header: 'Forældet, kr.', kind: 'kroner' },
];

/** Where the overview's first totals table starts (below the pairs), and the empty rows between the tables. */
const TOTALS_ROW = 13;
const GAP = 2;

/** The sheets the overview points to: the forældede claims, and the rows that could not be read (null: none written). */
export interface RadarSheetRefs {
  barred: string;
  errors: string | null;
}

export function radarSummarySheet(name: string, r: LimitationRadar, see: RadarSheetRefs = { barred: 'Forældet', errors: 'Fejl' }): SheetDescription {
  const byType = totalsTable(
    r,
    (t) => t.byClaimType.map((x) => ({ key: x.claimType, claims: x.claims, open: x.open })),
    (type) => type,
  );
  const byCaseworker = totalsTable(r, (t) => t.byCaseworker.map((x) => ({ key: x.caseworker, claims: x.claims, open: x.open })), caseworkerShown);
  // Below the claim types' table: its header, rows and total line, then the gap.
  const caseworkerRow = TOTALS_ROW + 1 + byType.rows.length + 1 + GAP;
  return {
    name,
    blocks: [
      {
        type: 'pairs',
        at: A1,
        title: ['Forældelsesradar', null],
        lines: [
          { label: 'Opgørelsesdato', value: dateToExcelSerial(r.asOf), kind: 'date' },
          { label: 'Vindue (dage)', value: r.days, kind: 'integer' },
          { label: 'Vinduets sidste dag', value: dateToExcelSerial(r.windowEnd), kind: 'date' },
          { label: 'Fordringer, der forældes i vinduet', value: r.totals.all.claims, kind: 'integer' },
          { label: 'Åbent beløb på dem', value: toKroner(r.totals.all.open), kind: 'kroner' },
          { label: `Allerede forældet (se arket ${see.barred})`, value: r.alreadyBarred.totals.all.claims, kind: 'integer' },
          { label: 'Åbent beløb på de forældede', value: toKroner(r.alreadyBarred.totals.all.open), kind: 'kroner' },
          { label: 'Åbne fordringer gennemgået', value: r.openClaims, kind: 'integer' },
          { label: see.errors === null ? 'Fejlbehæftede rækker' : `Fejlbehæftede rækker (se arket ${see.errors})`, value: r.errors.length, kind: 'integer' },
        ],
      },
      { type: 'table', at: { row: TOTALS_ROW, col: 1 }, columns: totalsColumns('Fordringstype'), rows: byType.rows, total: byType.total },
      { type: 'table', at: { row: caseworkerRow, col: 1 }, columns: totalsColumns('Sagsbehandler'), rows: byCaseworker.rows, total: byCaseworker.total },
    ],
    columnWidths: { 1: 40, 2: 16, 3: 18, 4: 12, 5: 18 },
  };
}

/** The claims in the window: a frozen header with filter buttons; the step and the grounds are sentences, so wide. */
export function radarClaimsSheet(name: string, r: LimitationRadar): SheetDescription {
  return {
    name,
    blocks: [{ type: 'table', at: A1, columns: RADAR_COLUMNS, rows: radarRows(r), filter: true }],
    columnWidths: { 1: 12, 2: 12, 3: 14, 4: 26, 5: 16, 6: 18, 7: 24, 8: 16, 9: 24, 10: 100, 11: 90 },
    freezeRows: 1,
  };
}

export function barredClaimsSheet(name: string, r: LimitationRadar): SheetDescription {
  return {
    name,
    blocks: [{ type: 'table', at: A1, columns: BARRED_COLUMNS, rows: barredRows(r), filter: true }],
    columnWidths: { 1: 12, 2: 12, 3: 14, 4: 26, 5: 16, 6: 18, 7: 24, 8: 16, 9: 24, 10: 90 },
    freezeRows: 1,
  };
}

/** The names of the radar's sheets; `errors` null leaves the sheet of row errors out (the add-in writes it only when there are some). */
export interface RadarSheetNames extends RadarSheetRefs {
  summary: string;
  claims: string;
}

/** The radar's sheets in order: as the CLI's workbook names them, or as `names` says (the add-in's, made unique in the workbook). */
export function limitationSheets(r: LimitationRadar, names: RadarSheetNames = { summary: 'Oversigt', claims: 'Radar', barred: 'Forældet', errors: 'Fejl' }): SheetDescription[] {
  const sheets = [radarSummarySheet(names.summary, r, names), radarClaimsSheet(names.claims, r), barredClaimsSheet(names.barred, r)];
  return names.errors === null ? sheets : [...sheets, errorsSheet(names.errors, r.errors)];
}
