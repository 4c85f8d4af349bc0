/**
 * The betalingsevne table (gældsinddrivelsesbekendtgørelsen, BEK 1110/2024 § 11): the yearly
 * afdrag is a percentage of yearly net income, by bracket, with or without forsørgerpligt over
 * for børn. Monthly afdrag = yearly / 12 rounded DOWN to a multiple of 50 kr.
 * Only rows seen at the source ship; above them Saldo asks for the full table.
 */
import type { RuleStatus } from './sourced.js';

export interface BetalingsevneRow {
  /** Lowest yearly net income in the bracket, whole kroner. */
  from: number;
  /** Highest yearly net income in the bracket, whole kroner (null: open-ended top bracket). */
  to: number | null;
  /** Afdragsprocent without forsørgerpligt. */
  withoutChildren: number;
  /** Afdragsprocent with forsørgerpligt. */
  withChildren: number;
}

export interface BetalingsevneTable {
  /** Brackets in income order, without gaps; the last row's `to` may be null (open-ended). */
  rows: readonly BetalingsevneRow[];
  source: string;
  checked: string;
  status: RuleStatus;
  note?: string;
}

/** The monthly afdrag is rounded down to a multiple of this (øre): "hele eller halve hundrede kroner". */
export const BETALINGSEVNE_STEP_ORE = 5_000;

export const defaultBetalingsevneTables: Readonly<Record<string, BetalingsevneTable>> = {
  '2024': {
    rows: [
      { from: 0, to: 133_589, withoutChildren: 4, withChildren: 3 },
      { from: 133_590, to: 166_589, withoutChildren: 5, withChildren: 3 },
      { from: 166_590, to: 171_309, withoutChildren: 6, withChildren: 4 },
      { from: 171_310, to: 176_019, withoutChildren: 7, withChildren: 4 },
      { from: 176_020, to: 180_739, withoutChildren: 8, withChildren: 4 },
      { from: 180_740, to: 185_449, withoutChildren: 9, withChildren: 4 },
      { from: 185_450, to: 190_169, withoutChildren: 10, withChildren: 4 },
      { from: 190_170, to: 194_869, withoutChildren: 11, withChildren: 4 },
      { from: 194_870, to: 199_589, withoutChildren: 12, withChildren: 4 },
      { from: 199_590, to: 204_299, withoutChildren: 13, withChildren: 4 },
      { from: 204_300, to: 209_019, withoutChildren: 14, withChildren: 5 },
      { from: 209_020, to: 213_729, withoutChildren: 15, withChildren: 6 },
      { from: 213_730, to: 218_449, withoutChildren: 16, withChildren: 7 },
      { from: 218_450, to: 223_159, withoutChildren: 17, withChildren: 8 },
    ],
    source: 'SKM2023.534.GÆLDST (tabel for 2024) efter gældsinddrivelsesbekendtgørelsen (BEK 1110/2024) § 11; kun de første rækker er set ved kilden',
    checked: '2026-11-01',
    status: 'verified',
    note: 'Standardtabellen er ufuldstændig: den dækker kun 2024 og nettoindkomster til og med 223.159 kr. Indlæs den fulde tabel som regelfil.',
  },
};
