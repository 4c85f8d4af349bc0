/**
 * The campaign follow-up as the contract's JSON (SPEC "Portfolio commands": kroner at the edge,
 * ISO dates, hours to 2 decimals, shares to 4), and the follow-up of a call log and ledger held in
 * memory (JSON, a sheet's rows); the CLI streams the ledger file through the same sink.
 */
import { toDayNumber, type CalendarDate } from '../calendar/date.js';
import { feedRows } from '../ledger/ledgerJson.js';
import { toKroner, type Ore } from '../money/ore.js';
import { readCallLog } from './callLog.js';
import { campaignCost, costOf, paid6PerKrone, type CampaignCost } from './campaignCost.js';
import { campaignOf, createCampaignLedger, type Campaign, type CallFigures, type Comparison, type PaidWindow, type StratumGroup } from './campaign.js';

/** The follow-up of a call log's rows and a ledger's rows (each with its header row first) on `asOf`. */
export function campaignFromRows(callRows: Iterable<readonly unknown[]>, ledgerRows: Iterable<readonly unknown[]>, asOf: CalendarDate, options: { hourlyCost?: Ore } = {}): Campaign {
  const log = readCallLog(callRows);
  const day = toDayNumber(asOf);
  const ledger = createCampaignLedger(day);
  feedRows(ledgerRows, ledger);
  return campaignOf(log, ledger, day, options);
}

/** Hours from hundredths of minutes, to 2 decimals (a figure to read, not to add up again). */
export const hoursOf = (minuteHundredths: number): number => Math.round(minuteHundredths / 60) / 100;
const share = (v: number | null): number | null => (v === null ? null : Math.round(v * 10_000) / 10_000);
const kroner = (v: Ore | null): number | null => (v === null ? null : toKroner(v));
const windowJson = (w: PaidWindow) => ({ amount: toKroner(w.amount), debtors: w.debtors, payers: w.payers, notOver: w.notOver });

/** Kr. per krone to 2 decimals. */
const ratio = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

/** A row's cost and kr. paid within 6 months per krone, when the kommune gave an hourly cost. */
const costJson = (f: CallFigures, hourlyCost: Ore | null) => (hourlyCost === null ? {} : { cost: toKroner(costOf(f, hourlyCost)), paid6MonthsPerKrone: ratio(paid6PerKrone(f, hourlyCost)) });

function figuresJson(f: CallFigures, hourlyCost: Ore | null) {
  return {
    calls: f.calls,
    contacts: f.contacts,
    agreements: f.agreements,
    paidInCall: f.paidInCall,
    refused: f.refused,
    noContact: f.noContact,
    agreedAmount: toKroner(f.agreed),
    hours: hoursOf(f.minuteHundredths),
    callsWithoutMinutes: f.callsWithoutMinutes,
    debtors: f.debtors,
    notInLedger: f.notInLedger,
    paid3Months: windowJson(f.paid3),
    paid6Months: windowJson(f.paid6),
    keptFromOversendelse: { ...f.kept },
    ...costJson(f, hourlyCost),
  };
}

const groupJson = (g: StratumGroup) => ({ ...g, paid3: toKroner(g.paid3) });
const comparisonJson = (c: Comparison) => ({
  ...c,
  calledShare: share(c.calledShare),
  uncalledShare: share(c.uncalledShare),
  difference: share(c.difference),
  standardError: share(c.standardError),
  low: share(c.low),
  high: share(c.high),
});

export function campaignToJson(c: Campaign) {
  const e = c.effect;
  return {
    asOf: c.asOf,
    start: c.start,
    end: c.end,
    weeks: c.weeks.map((w) => ({ week: w.week, weekStart: w.weekStart, caseworker: w.caseworker, ...figuresJson(w, c.hourlyCost) })),
    caseworkers: c.caseworkers.map((w) => ({ caseworker: w.caseworker, ...figuresJson(w, c.hourlyCost) })),
    totals: figuresJson(c.totals, c.hourlyCost),
    effect: {
      strata: e.strata.map((s) => ({ ...s, called: groupJson(s.called), uncalled: groupJson(s.uncalled) })),
      paying3Months: comparisonJson(e.paying3),
      keptFromOversendelse6Months: comparisonJson(e.kept6),
      paidPerDebtor3Months: {
        called: kroner(e.paidPerDebtor3.called),
        uncalled: kroner(e.paidPerDebtor3.uncalled),
        difference: kroner(e.paidPerDebtor3.difference),
        debtors: e.paidPerDebtor3.debtors,
        extra: kroner(e.paidPerDebtor3.extra),
      },
      calledLeftOut: e.calledLeftOut,
      uncalledUnsure: e.uncalledUnsure,
    },
    ...(c.hourlyCost === null ? {} : { cost: costSummaryJson(campaignCost(c, c.hourlyCost)) }),
    errors: c.errors,
    ledgerErrors: c.ledgerErrors,
  };
}

const costSummaryJson = (k: CampaignCost) => ({
  hourlyCost: toKroner(k.hourlyCost),
  cost: toKroner(k.cost),
  callsWithoutMinutes: k.callsWithoutMinutes,
  paid6MonthsPerKrone: ratio(k.paid6PerKrone),
  extraPaid3Months: kroner(k.extraPaid3),
  extraPaid3MonthsDebtors: k.extraPaid3Debtors,
});
export type CampaignOutput = ReturnType<typeof campaignToJson>;
