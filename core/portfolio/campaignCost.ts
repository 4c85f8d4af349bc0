/**
 * What a campaign's calls cost at an hourly cost the kommune gives (wages with overhead: Saldo
 * knows no wage, so there is no default), against kr. recovered. Two figures, kept apart on
 * purpose: the gross kr. paid within 6 months per krone spent (what the called paid, call or
 * not), and the effect's estimate (the extra kr. within 3 months the comparison attributes to the
 * calls). Only the second is the calls' doing.
 */
import { ore, type Ore } from '../money/ore.js';
import type { CallFigures, Campaign } from './campaign.js';

/** Minutes are kept in hundredths; an hour is 6,000 of them. */
const HUNDREDTHS_PER_HOUR = 6_000;

/**
 * The cost of a row's minutes at `hourlyCost` (øre per hour), rounded to the øre.
 * @example costOf({ minuteHundredths: 2_350 }, ore(45_000)) // 23,5 min at 450 kr./time = 17.625 øre (176,25 kr.)
 */
export function costOf(f: Pick<CallFigures, 'minuteHundredths'>, hourlyCost: Ore): Ore {
  return ore(Math.round((f.minuteHundredths * hourlyCost) / HUNDREDTHS_PER_HOUR));
}

/** Kr. paid within 6 months (windows over) per krone of cost, gross; null when nothing was spent. */
export function paid6PerKrone(f: CallFigures, hourlyCost: Ore): number | null {
  const cost = costOf(f, hourlyCost);
  return cost === 0 ? null : f.paid6.amount / cost;
}

export interface CampaignCost {
  hourlyCost: Ore;
  /** All calls' minutes at the hourly cost. */
  cost: Ore;
  /** Calls without minutes: their time is not in the cost. */
  callsWithoutMinutes: number;
  paid6PerKrone: number | null;
  /**
   * The effect in kr.: what the compared called debtors paid within 3 months beyond what the
   * comparable uncalled paid at the same weights. Null without a comparison. It covers only the
   * compared debtors, while the cost covers every call, so no ratio of the two is given.
   */
  extraPaid3: Ore | null;
  extraPaid3Debtors: number;
}

export function campaignCost(c: Campaign, hourlyCost: Ore): CampaignCost {
  const { extra, debtors } = c.effect.paidPerDebtor3;
  return {
    hourlyCost,
    cost: costOf(c.totals, hourlyCost),
    callsWithoutMinutes: c.totals.callsWithoutMinutes,
    paid6PerKrone: paid6PerKrone(c.totals, hourlyCost),
    extraPaid3: extra,
    extraPaid3Debtors: debtors,
  };
}
