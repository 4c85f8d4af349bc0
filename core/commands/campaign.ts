/**
 * `campaign` on JSON (SPEC "Portfolio commands"): `{"asOf": "2026-09-30", "calls": [{"date",
 * "caseworker", "debtorId", "outcome", "minutes", "agreedAmount"}], "ledger": [...]}`. Loaded on
 * first use by the command map, so the task pane's bundle does not carry it; files stream through
 * the CLI (cli/campaign.ts) into the same core.
 */
import { parseDate } from '../calendar/date.js';
import { SaldoError } from '../errors.js';
import { isJsonObject, present, rejectUnknownKeys } from '../input/fields.js';
import { objectsToRows } from '../ledger/ledgerJson.js';
import type { Campaign } from '../portfolio/campaign.js';
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
