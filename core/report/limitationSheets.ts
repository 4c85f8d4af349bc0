/**
 * The forældelse radar's sheets (`limitation --out x.xlsx`, and the add-in when it draws them),
 * described once for both renderers (core/report/sheet.ts): an overview with the totals by claim
 * type, the claims in the window by days left with the step for each, the claims already forældet,
 * and the rows that could not be read. Amounts are kroner and dates Excel serials as the cells are made.
 */
import { dateToExcelSerial } from '../calendar/excelSerial.js';
import { toKroner } from '../money/ore.js';
import type { LimitationPart, LimitationRadar, RadarTotals } from '../portfolio/limitationRadar.js';
import { errorsSheet } from './ledgerSheets.js';
import type { CellValue, Column, SheetDescription } from './sheet.js';

const A1 = { row: 1, col: 1 };

export const PART_LABELS: Readonly<Record<LimitationPart, string>> = {
  fordring: 'hele fordringen',
  renterOgGebyrer: 'renter og gebyrer efter dom',
};

export const RADAR_COLUMNS: readonly Column[] = [
  { header: 'Dage tilbage', kind: 'integer' },
  { header: 'Sidste dag', kind: 'date' },
  { header: 'Debitor', kind: 'text' },
  { header: 'Navn', kind: 'text' },
  { header: 'Fordring', kind: 'text' },
  { header: 'Fordringstype', kind: 'text' },
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
  { header: 'Åbent beløb', kind: 'kroner' },
  { header: 'Forældet', kind: 'text' },
  { header: 'Forældelse, grundlag', kind: 'text' },
];

/** The claims in the window, in the radar's order (days left). */
export function radarRows(r: LimitationRadar): CellValue[][] {
  return r.claims.map((c) => [c.daysLeft, dateToExcelSerial(c.limitationDate), c.debtorId, c.name, c.claimId, c.claimType, toKroner(c.open), PART_LABELS[c.part], c.step, c.limitationReason]);
}

export function barredRows(r: LimitationRadar): CellValue[][] {
  return r.alreadyBarred.claims.map((c) => [c.daysSince, dateToExcelSerial(c.limitationDate), c.debtorId, c.name, c.claimId, c.claimType, toKroner(c.open), PART_LABELS[c.part], c.limitationReason]);
}

/** Per claim type: in the window and already forældet, counts and kroner; the last row the whole. */
function totalsTable(r: LimitationRadar): { rows: CellValue[][]; total: CellValue[] } {
  const types = [...new Set([...r.totals.byClaimType, ...r.alreadyBarred.totals.byClaimType].map((t) => t.claimType))].sort();
  const of = (t: RadarTotals, type: string) => t.byClaimType.find((x) => x.claimType === type);
  const rows = types.map((type) => {
    const w = of(r.totals, type);
    const b = of(r.alreadyBarred.totals, type);
    return [type, w?.claims ?? 0, w ? toKroner(w.open) : 0, b?.claims ?? 0, b ? toKroner(b.open) : 0];
  });
  const total = ['I alt', r.totals.all.claims, toKroner(r.totals.all.open), r.alreadyBarred.totals.all.claims, toKroner(r.alreadyBarred.totals.all.open)];
  return { rows, total };
}

export function radarSummarySheet(name: string, r: LimitationRadar): SheetDescription {
  const { rows, total } = totalsTable(r);
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
          { label: 'Allerede forældet (se arket Forældet)', value: r.alreadyBarred.totals.all.claims, kind: 'integer' },
          { label: 'Åbent beløb på de forældede', value: toKroner(r.alreadyBarred.totals.all.open), kind: 'kroner' },
          { label: 'Åbne fordringer gennemgået', value: r.openClaims, kind: 'integer' },
          { label: 'Fejlbehæftede rækker (se arket Fejl)', value: r.errors.length, kind: 'integer' },
        ],
      },
      {
        type: 'table',
        at: { row: 13, col: 1 },
        columns: [
          { header: 'Fordringstype', kind: 'text' },
          { header: 'I vinduet', kind: 'integer' },
          { header: 'I vinduet, kr.', kind: 'kroner' },
          { header: 'Forældet', kind: 'integer' },
          { header: 'Forældet, kr.', kind: 'kroner' },
        ],
        rows,
        total,
      },
    ],
    columnWidths: { 1: 40, 2: 16, 3: 18, 4: 12, 5: 18 },
  };
}

/** The claims in the window: a frozen header with filter buttons; the step and the grounds are sentences, so wide. */
export function radarClaimsSheet(name: string, r: LimitationRadar): SheetDescription {
  return {
    name,
    blocks: [{ type: 'table', at: A1, columns: RADAR_COLUMNS, rows: radarRows(r), filter: true }],
    columnWidths: { 1: 12, 2: 12, 3: 14, 4: 26, 5: 16, 6: 18, 7: 16, 8: 24, 9: 100, 10: 90 },
    freezeRows: 1,
  };
}

export function barredClaimsSheet(name: string, r: LimitationRadar): SheetDescription {
  return {
    name,
    blocks: [{ type: 'table', at: A1, columns: BARRED_COLUMNS, rows: barredRows(r), filter: true }],
    columnWidths: { 1: 12, 2: 12, 3: 14, 4: 26, 5: 16, 6: 18, 7: 16, 8: 24, 9: 90 },
    freezeRows: 1,
  };
}

/** The radar's sheets in order. */
export function limitationSheets(r: LimitationRadar): SheetDescription[] {
  return [radarSummarySheet('Oversigt', r), radarClaimsSheet('Radar', r), barredClaimsSheet('Forældet', r), errorsSheet('Fejl', r.errors)];
}
