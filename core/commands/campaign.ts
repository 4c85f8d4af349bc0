/**
 * `campaign` on JSON (SPEC "Portfolio commands"): `{"asOf": "2026-09-30", "calls": [{"date",
 * "caseworker", "debtorId", "outcome", "minutes", "agreedAmount"}], "ledger": [...]}`, and
 * `campaignOfRows` on a call log's and a ledger's rows as sheets give them (the task pane's
 * Kampagne page, in its ledger worker). Loaded on first use by the command map, so the task
 * pane's start does not carry it; files stream through the CLI (cli/campaign.ts) into the same core.
 */
import { parseDate, toDayNumber } from '../calendar/date.js';
import { SaldoError, type At } from '../errors.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { feedRows, objectsToRows } from '../ledger/ledgerJson.js';
import { mappedRows, mappingOf } from '../ledger/ledgerMapping.js';
import { parseAmountText } from '../input/number.js';
import { ore, type Ore } from '../money/ore.js';
import { readCallLog } from '../portfolio/callLog.js';
import { campaignOf, createCampaignLedger, type Campaign } from '../portfolio/campaign.js';
import { campaignFromRows, campaignToJson } from '../portfolio/campaignJson.js';
import type { RuleSet } from '../rules/ruleSet.js';

export interface CampaignInput {
  asOf: string;
  calls: ReadonlyArray<Record<string, unknown>>;
  ledger: ReadonlyArray<Record<string, unknown>>;
}

const CALL_KEYS = ['date', 'caseworker', 'debtorId', 'outcome', 'minutes', 'agreedAmount'] as const;

export function campaign(input: CampaignInput, _rules: RuleSet): Campaign {
  const raw: unknown = input;
  if (!isJsonObject(raw)) throw new SaldoError('UGYLDIGT_INPUT', [], raw, 'Inputtet skal være et objekt: {"asOf": "2026-09-30", "calls": [...], "ledger": [...]}.');
  rejectUnknownKeys(raw, ['asOf', 'calls', 'ledger'], []);
  present(raw.asOf, ['asOf'], 'angiv opgørelsesdatoen (ÅÅÅÅ-MM-DD).');
  const asOf = parseDate(raw.asOf, ['asOf']);
  if (!Array.isArray(raw.calls)) throw SaldoError.at('MANGLER', ['calls'], raw.calls, 'angiv opkaldene som en liste af objekter.');
  if (!Array.isArray(raw.ledger)) throw SaldoError.at('MANGLER', ['ledger'], raw.ledger, 'angiv posteringerne som en liste af objekter.');
  const callRows: unknown[][] = [[...CALL_KEYS]];
  raw.calls.forEach((c: unknown, i: number) => {
    if (!isJsonObject(c)) throw SaldoError.at('UGYLDIGT_INPUT', ['calls', i], c, 'et opkald skal være et objekt.');
    rejectUnknownKeys(c, CALL_KEYS, ['calls', i]);
    callRows.push(CALL_KEYS.map((k) => c[k]));
  });
  return campaignFromRows(callRows, objectsToRows(raw.ledger), asOf);
}

export { campaignToJson };

/** The follow-up of a call log sheet against a ledger sheet (the task pane's Kampagne page). */
export interface CampaignOfRowsInput {
  /** The call log's rows (its header row first) as the sheet or table gives them, and the sheet row of the first. */
  calls: ReadonlyArray<readonly unknown[]>;
  callsFirstRow?: number;
  /** The date the windows are judged on (ISO), and its field's name for a Danish error. */
  asOf: string;
  asOfPlace: At;
  /** The workbook's Saldo-kortlægning sheet (header first), when it has one: the ledger's own words. */
  mapping?: ReadonlyArray<readonly unknown[]>;
  /** The kommune's hourly cost as typed (`450`, `450,00`); blank or absent: no cost. Its field's name for an error. */
  hourlyCost?: string;
  hourlyCostPlace?: At;
}

/**
 * Checks the date and reads the call log first (a log without Dato or Udfald stops here, before a
 * long read of the ledger), then gives the follow-up of the ledger's rows (a header row first), as
 * `saldo campaign` joins them (cli/campaign.ts): the ledger through the workbook's mapping into the
 * campaign's sink, the log's row errors kept with their sheet rows.
 */
export function campaignOfRows(input: CampaignOfRowsInput, _rules: RuleSet): (rows: Iterable<readonly unknown[]>) => Campaign {
  const asOf = toDayNumber(parseDate(input.asOf, input.asOfPlace));
  const hourlyCost = hourlyCostOf(input.hourlyCost, input.hourlyCostPlace ?? ['hourlyCost']);
  const log = readCallLog(input.calls, input.callsFirstRow ?? 1);
  const mapping = mappingOf(input.mapping);
  return (rows) => {
    const ledger = createCampaignLedger(asOf);
    feedRows(mappedRows(rows, mapping), ledger);
    return campaignOf(log, ledger, asOf, hourlyCost === undefined ? {} : { hourlyCost });
  };
}

/** A typed hourly cost in øre: blank is none (no cost is shown); else a positive amount in kroner. */
function hourlyCostOf(typed: string | undefined, place: At): Ore | undefined {
  if (typed === undefined || typed.trim() === '') return undefined;
  const amount = parseAmountText(typed);
  if (amount === null || amount <= 0) throw SaldoError.at('UGYLDIGT_BELØB', place, typed, `skal være en timepris i kroner over 0, f.eks. 450 eller 450,00 (fik "${typed}").`);
  return ore(amount);
}
