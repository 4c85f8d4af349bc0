/**
 * The campaign follow-up as sheets (`campaign --out x.xlsx`), described once for both renderers
 * (core/report/sheet.ts): "Kampagne uger" (a row per ISO week and caseworker), "Kampagne
 * sagsbehandlere" (a row per caseworker over the campaign), each with filter buttons and a total
 * row, and "Kampagne effekt" (the called against comparable uncalled debtors, stratum by stratum,
 * with the standardised difference and its interval); then the rows that could not be read.
 */
import { AGE_BANDS, SIZE_BANDS, type CallFigures, type Campaign, type Comparison, type StratumGroup } from '../portfolio/campaign.js';
import { campaignCost, costOf, paid6PerKrone } from '../portfolio/campaignCost.js';
import { hoursOf } from '../portfolio/campaignJson.js';
import type { Ore } from '../money/ore.js';
import { dateSerial, kronerCell } from './cellValues.js';
import type { CellValue, Column, PairsBlock, SheetDescription } from './sheet.js';
import { errorsByFileSheet } from './worklistSheets.js';

/** The figures' columns, after each table's own first columns. */
export const CAMPAIGN_FIGURE_COLUMNS: readonly Column[] = [
  { header: 'Opkald', kind: 'integer' },
  { header: 'Kontakter', kind: 'integer' },
  { header: 'Aftaler', kind: 'integer' },
  { header: 'Betalt i opkaldet', kind: 'integer' },
  { header: 'Afvist', kind: 'integer' },
  { header: 'Ingen kontakt', kind: 'integer' },
  { header: 'Aftalt beløb', kind: 'kroner' },
  { header: 'Timer', kind: 'decimal' },
  { header: 'Debitorer (første opkald)', kind: 'integer' },
  { header: 'Ikke i posteringslisten', kind: 'integer' },
  { header: 'Betalt inden for 3 mdr.', kind: 'kroner' },
  { header: 'Debitorer, 3 mdr. afsluttet', kind: 'integer' },
  { header: 'Heraf betalende', kind: 'integer' },
  { header: 'Ikke afsluttet, 3 mdr.', kind: 'integer' },
  { header: 'Betalt inden for 6 mdr.', kind: 'kroner' },
  { header: 'Debitorer, 6 mdr. afsluttet', kind: 'integer' },
  { header: 'Ikke afsluttet, 6 mdr.', kind: 'integer' },
  { header: 'Åbne fordringer ved opkaldet', kind: 'integer' },
  { header: 'Holdt fra oversendelse', kind: 'integer' },
  { header: 'Fordringer ikke afsluttet, 6 mdr.', kind: 'integer' },
];

/** With an hourly cost: each row's cost, and kr. paid within 6 months per krone of it (gross, not the effect). */
const COST_COLUMNS: readonly Column[] = [
  { header: 'Omkostning', kind: 'kroner' },
  { header: 'Betalt 6 mdr. pr. kr. (brutto)', kind: 'decimal' },
];

const figureColumns = (c: Campaign): Column[] => [...CAMPAIGN_FIGURE_COLUMNS, ...(c.hourlyCost === null ? [] : COST_COLUMNS)];

/** Kr. per krone as a cell, to 2 decimals. */
const perKrone = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

function figureCells(f: CallFigures, hourlyCost: Ore | null): CellValue[] {
  return [...baseCells(f), ...(hourlyCost === null ? [] : [kronerCell(costOf(f, hourlyCost)), perKrone(paid6PerKrone(f, hourlyCost))])];
}

function baseCells(f: CallFigures): CellValue[] {
  return [
    f.calls,
    f.contacts,
    f.agreements,
    f.paidInCall,
    f.refused,
    f.noContact,
    kronerCell(f.agreed),
    hoursOf(f.minuteHundredths),
    f.debtors,
    f.notInLedger,
    kronerCell(f.paid3.amount),
    f.paid3.debtors,
    f.paid3.payers,
    f.paid3.notOver,
    kronerCell(f.paid6.amount),
    f.paid6.debtors,
    f.paid6.notOver,
    f.kept.claims,
    f.kept.kept,
    f.kept.notOver,
  ];
}

const figureWidths = (c: Campaign, first: number): Record<number, number> => Object.fromEntries(figureColumns(c).map((col, i) => [first + i, Math.max(10, Math.min(20, col.header.length + 2))]));

function weeksSheet(c: Campaign): SheetDescription {
  const columns: Column[] = [{ header: 'Uge', kind: 'text' }, { header: 'Ugen begynder', kind: 'date' }, { header: 'Sagsbehandler', kind: 'text' }, ...figureColumns(c)];
  return {
    name: 'Kampagne uger',
    blocks: [
      {
        type: 'table',
        at: { row: 1, col: 1 },
        columns,
        rows: c.weeks.map((w) => [w.week, dateSerial(w.weekStart), w.caseworker, ...figureCells(w, c.hourlyCost)]),
        total: ['I alt', null, null, ...figureCells(c.totals, c.hourlyCost)],
        filter: true,
      },
    ],
    columnWidths: { 1: 10, 2: 14, 3: 18, ...figureWidths(c, 4) },
    freezeRows: 1,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

function caseworkersSheet(c: Campaign): SheetDescription {
  return {
    name: 'Kampagne sagsbehandlere',
    blocks: [
      {
        type: 'table',
        at: { row: 1, col: 1 },
        columns: [{ header: 'Sagsbehandler', kind: 'text' }, ...figureColumns(c)],
        rows: c.caseworkers.map((w) => [w.caseworker, ...figureCells(w, c.hourlyCost)]),
        total: ['I alt', ...figureCells(c.totals, c.hourlyCost)],
        filter: true,
      },
    ],
    columnWidths: { 1: 18, ...figureWidths(c, 2) },
    freezeRows: 1,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

const EFFECT_COLUMNS: readonly Column[] = [
  { header: 'Fordringstype', kind: 'text' },
  { header: 'Åbent beløb', kind: 'text' },
  { header: 'Alder', kind: 'text' },
  { header: 'Ringede', kind: 'integer' },
  { header: 'Ringede, 3 mdr. afsluttet', kind: 'integer' },
  { header: 'Ringede, betalende', kind: 'integer' },
  { header: 'Ringede, andel betalende', kind: 'percent' },
  { header: 'Ringede, kr. pr. debitor', kind: 'kroner' },
  { header: 'Ikke ringede', kind: 'integer' },
  { header: 'Ikke ringede, 3 mdr. afsluttet', kind: 'integer' },
  { header: 'Ikke ringede, betalende', kind: 'integer' },
  { header: 'Ikke ringede, andel betalende', kind: 'percent' },
  { header: 'Ikke ringede, kr. pr. debitor', kind: 'kroner' },
  { header: 'Med i forskellen (3 mdr.)', kind: 'text' },
  { header: 'Ringede, 6 mdr. afsluttet', kind: 'integer' },
  { header: 'Ringede, holdt fra oversendelse', kind: 'integer' },
  { header: 'Ikke ringede, 6 mdr. afsluttet', kind: 'integer' },
  { header: 'Ikke ringede, holdt fra oversendelse', kind: 'integer' },
  { header: 'Med i forskellen (6 mdr.)', kind: 'text' },
];

const shareOf = (x: number, n: number): number | null => (n === 0 ? null : x / n);
/** Kr. per debtor as a cell: a statistic shown to the øre (no money is moved by it). */
const perDebtor = (g: StratumGroup): number | null => (g.debtors3 === 0 ? null : Math.round(g.paid3 / g.debtors3) / 100);

function comparisonLines(title: string, c: Comparison): PairsBlock['lines'] {
  return [
    { label: title, value: null, kind: 'text', bold: true },
    { label: 'Ringede (andel)', value: c.calledShare, kind: 'percent' },
    { label: 'Sammenlignelige ikke-ringede (vægtet som de ringede)', value: c.uncalledShare, kind: 'percent' },
    { label: 'Forskel', value: c.difference, kind: 'percent', bold: true },
    { label: '95 %-interval, nedre', value: c.low, kind: 'percent' },
    { label: '95 %-interval, øvre', value: c.high, kind: 'percent' },
    { label: 'Ringede debitorer i sammenligningen', value: c.calledDebtors, kind: 'integer' },
    { label: 'Ikke-ringede debitorer i sammenligningen', value: c.uncalledDebtors, kind: 'integer' },
    { label: 'Grupper sammenlignet', value: c.strata, kind: 'integer' },
    { label: 'Ringede i grupper uden ikke-ringede (udeladt)', value: c.calledLeftOut, kind: 'integer' },
    { label: 'Bemærk', value: c.note === '' ? null : c.note, kind: 'text' },
  ];
}

/** The cost against kr. recovered, when the kommune gave an hourly cost: gross and effect kept apart. */
function costLines(c: Campaign): PairsBlock['lines'] {
  if (c.hourlyCost === null) return [];
  const k = campaignCost(c, c.hourlyCost);
  return [
    { label: 'Omkostning', value: null, kind: 'text', bold: true },
    { label: 'Timepris (kommunens egen)', value: kronerCell(k.hourlyCost), kind: 'kroner' },
    { label: 'Opkaldenes tid til timeprisen', value: kronerCell(k.cost), kind: 'kroner' },
    { label: 'Opkald uden minutter (ikke i omkostningen)', value: k.callsWithoutMinutes, kind: 'integer' },
    { label: 'Betalt inden for 6 mdr. pr. kr. brugt (brutto, ikke effekt)', value: perKrone(k.paid6PerKrone), kind: 'decimal' },
    { label: 'Merbetaling inden for 3 mdr. (effekten i kr., uden interval)', value: k.extraPaid3 === null ? null : kronerCell(k.extraPaid3), kind: 'kroner' },
  ];
}

function effectSheet(c: Campaign): SheetDescription {
  const e = c.effect;
  const summary: PairsBlock = {
    type: 'pairs',
    at: { row: 1, col: 1 },
    title: ['Kampagnens effekt', 'ringede mod sammenlignelige ikke-ringede'],
    boldLabels: true,
    lines: [
      { label: 'Første opkald (kampagnens start)', value: dateSerial(c.start), kind: 'date' },
      { label: 'Sidste opkald', value: dateSerial(c.end), kind: 'date' },
      { label: 'Opgjort pr.', value: dateSerial(c.asOf), kind: 'date' },
      ...comparisonLines('Betalende inden for 3 måneder', e.paying3),
      { label: 'Kr. pr. debitor inden for 3 mdr., ringede', value: e.paidPerDebtor3.called === null ? null : kronerCell(e.paidPerDebtor3.called), kind: 'kroner' },
      { label: 'Kr. pr. debitor inden for 3 mdr., ikke-ringede (vægtet)', value: e.paidPerDebtor3.uncalled === null ? null : kronerCell(e.paidPerDebtor3.uncalled), kind: 'kroner' },
      { label: 'Forskel i kr. pr. debitor (uden interval)', value: e.paidPerDebtor3.difference === null ? null : kronerCell(e.paidPerDebtor3.difference), kind: 'kroner' },
      { label: 'Merbetaling inden for 3 mdr., de sammenlignede ringede i alt', value: e.paidPerDebtor3.extra === null ? null : kronerCell(e.paidPerDebtor3.extra), kind: 'kroner' },
      ...costLines(c),
      ...comparisonLines('Ingen fordring oversendt inden for 6 måneder', e.kept6),
      { label: 'Ringede, ikke i posteringslisten (udeladt)', value: e.calledLeftOut.notInLedger, kind: 'integer' },
      { label: 'Ringede uden noget åbent ved start (udeladt)', value: e.calledLeftOut.notOpenAtStart, kind: 'integer' },
      { label: 'Ikke-ringede i en ulæselig opkaldsrække (udeladt)', value: e.uncalledUnsure, kind: 'integer' },
      {
        label: 'Sammenlignelige',
        value: `Samme fordringstype (største åbne fordring), åbent beløb (${SIZE_BANDS.map((b) => b.label).join(', ')}) og alder af ældste åbne fordring (${AGE_BANDS.map((b) => b.label).join(', ')}) ved kampagnens start.`,
        kind: 'text',
      },
    ],
  };
  const top = 1 + 1 + summary.lines.length + 1;
  const rows = e.strata.map((s) => [
    s.claimType,
    s.sizeBand,
    s.ageBand,
    s.called.debtors,
    s.called.debtors3,
    s.called.payers3,
    shareOf(s.called.payers3, s.called.debtors3),
    perDebtor(s.called),
    s.uncalled.debtors,
    s.uncalled.debtors3,
    s.uncalled.payers3,
    shareOf(s.uncalled.payers3, s.uncalled.debtors3),
    perDebtor(s.uncalled),
    s.compared3 ? 'ja' : 'nej',
    s.called.debtors6,
    s.called.kept6,
    s.uncalled.debtors6,
    s.uncalled.kept6,
    s.compared6 ? 'ja' : 'nej',
  ]);
  return {
    name: 'Kampagne effekt',
    blocks: [
      summary,
      {
        type: 'table',
        at: { row: top, col: 1 },
        columns: EFFECT_COLUMNS,
        rows: rows.length > 0 ? rows : [['Ingen debitorer med noget åbent ved kampagnens start.']],
        filter: rows.length > 0,
      },
    ],
    columnWidths: { 1: 52, 2: 22, 3: 14, ...Object.fromEntries(EFFECT_COLUMNS.slice(3).map((col, i) => [4 + i, Math.max(10, Math.min(18, col.header.length))])) },
    freezeRows: top,
    print: { orientation: 'landscape', fitToWidth: true },
  };
}

function errorsSheet(c: Campaign): SheetDescription {
  const problems: CellValue[][] = [...c.errors.map((e) => ['Opkaldsloggen', e.row, e.message]), ...c.ledgerErrors.map((e) => ['Posteringslisten', e.row, e.message])];
  return errorsByFileSheet('Fejl', problems, 'Ingen fejl: alle opkald og posteringer blev læst.');
}

export function campaignSheets(c: Campaign): SheetDescription[] {
  return [weeksSheet(c), caseworkersSheet(c), effectSheet(c), errorsSheet(c)];
}
