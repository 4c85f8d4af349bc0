/**
 * The funnel as the contract's JSON (kroner at the edge, SPEC "Portfolio commands"), and the
 * funnel of ledger rows held in memory (a JSON ledger, the add-in's sheet); the CLI streams files
 * through the same builder.
 */
import { toKroner } from '../money/ore.js';
import { feedRows } from '../ledger/ledgerJson.js';
import { createFunnelBuilder, FUNNEL_STAGES, type Funnel, type FunnelFigures, type FunnelOptions } from './funnel.js';

export function funnelFromRows(rows: Iterable<readonly unknown[]>, options: FunnelOptions): Funnel {
  const builder = createFunnelBuilder(options);
  feedRows(rows, builder);
  return builder.finish();
}

/** A month's (or the totals') figures as JSON: the contract's flat stage amounts in kroner, the counts by stage beside them. */
function figuresJson(f: FunnelFigures) {
  return {
    newCount: f.newCount,
    newAmount: toKroner(f.newAmount),
    paidBeforeRykker: toKroner(f.amounts.paidBeforeRykker),
    paidAfterRykker: toKroner(f.amounts.paidAfterRykker),
    inAgreement: toKroner(f.amounts.inAgreement),
    sentToInddrivelse: toKroner(f.amounts.sentToInddrivelse),
    writtenOff: toKroner(f.amounts.writtenOff),
    open: toKroner(f.amounts.open),
    medianDaysToPayment: f.medianDaysToPayment,
    medianDaysToTransfer: f.medianDaysToTransfer,
    counts: Object.fromEntries(FUNNEL_STAGES.map((s) => [s, f.counts[s]])) as Record<(typeof FUNNEL_STAGES)[number], number>,
    shareSolvedWithoutInddrivelse: f.shareSolvedWithoutInddrivelse,
  };
}

export function funnelToJson(f: Funnel) {
  return {
    from: f.from,
    to: f.to,
    asOf: f.asOf,
    months: f.months.map((m) => ({ month: m.month, claimType: m.claimType, ...figuresJson(m) })),
    totals: figuresJson(f.totals),
    skipped: { count: f.skipped.count, amount: toKroner(f.skipped.amount) },
    errors: f.errors.map((e) => ({ row: e.row, message: e.message })),
  };
}
export type FunnelOutput = ReturnType<typeof funnelToJson>;
