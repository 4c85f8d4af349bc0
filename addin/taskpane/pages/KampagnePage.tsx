/**
 * "Kampagne" (issue 20): the follow-up of a call campaign (core/portfolio/campaign.ts, as
 * `saldo campaign`): the call log read whole, the ledger streamed into the campaign in the ledger
 * worker, with progress and Stop; written to new sheets (weeks, caseworkers, the effect, the rows
 * that could not be used). The pane shows the campaign's figures and its effect with the interval,
 * or, in plain Danish, why there is none.
 */
import { Field, Input, makeStyles, Table, TableBody, TableCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { costOf, type Campaign } from '../../../core/commands/index.js';
import { danishDate, kr } from '../../../core/report/format.js';
import { writeCampaignSheets } from '../../excel/portfolioSheets.js';
import { readSourceAt } from '../../excel/workbook.js';
import { DateInput } from '../components/DateInput.js';
import { LedgerSourcePicker, ledgerSourceOf, TableOrSheetPicker } from '../components/LedgerSheetPicker.js';
import { LedgerRunControls, today, useLedgerJob } from '../components/NoticeBar.js';
import { useRules } from '../rulesContext.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';

const t = strings.campaign;

/**
 * A share as Danish text to one decimal, the same in every WebView (Intl's minus sign and space
 * differ between engines): 0.25 → "25,0 %", −1/12 → "−8,3 %", with a minus sign (U+2212) and a
 * space that keeps the % on the number's line.
 */
const pct = (x: number) => {
  const tenths = Math.round(Math.abs(x) * 1000);
  return `${x < 0 && tenths > 0 ? '\u2212' : ''}${(tenths / 10).toFixed(1).replace('.', ',')}\u00a0%`;
};
const count = (n: number) => n.toLocaleString('da-DK');

/** A sum in kroner on one line, at the right. */
const useStyles = makeStyles({ value: { width: '110px', textAlign: 'right', whiteSpace: 'nowrap' } });

/** The effect on paying within 3 months, in words: the shares, the difference and its interval, or why there is none. */
function effectText(c: Campaign): string[] {
  const p = c.effect.paying3;
  if (p.difference === null || p.calledShare === null || p.uncalledShare === null || p.low === null || p.high === null) return [p.note];
  return [t.effect(pct(p.calledShare), pct(p.uncalledShare), pct(p.difference), pct(p.low), pct(p.high)), p.low < 0 && p.high > 0 ? t.unsure : '', p.note, t.caution].filter((x) => x !== '');
}

export function KampagnePage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const own = useStyles();
  const [calls, setCalls] = useState('');
  const [ledger, setLedger] = useState('');
  const [asOf, setAsOf] = useState('');
  const [hourlyCost, setHourlyCost] = useState('');
  const [result, setResult] = useState<Campaign | null>(null);
  const { progress, notice, report, compute, stop, run: runJob, fail, mapping } = useLedgerJob();

  const run = () =>
    runJob(async () => {
      setResult(null);
      // The call log is a few thousand rows: read whole, and checked in the worker before the ledger is read.
      const log = await readSourceAt(ledgerSourceOf(calls));
      const input = { calls: log.values, callsFirstRow: log.row, asOf: asOf.trim() === '' ? today() : asOf, asOfPlace: t.asOf, hourlyCost, hourlyCostPlace: t.hourlyCost };
      const c = await compute(ledger, { kind: 'campaign', input }, rules);
      report(strings.ledger.writing, 0);
      const written = await writeCampaignSheets(c, (done, total) => report(strings.ledger.writing, done / total));
      setResult(c);
      const text = t.done(danishDate(c.start), danishDate(c.end), written.weeksSheetName, written.caseworkersSheetName, written.effectSheetName);
      const notes = [t.errors(c.errors.length, written.errorsSheetName), t.ledgerErrors(c.ledgerErrors.length, written.errorsSheetName)].filter((n) => n !== '');
      return { intent: notes.length > 0 ? 'warning' : 'success', text: [text, ...notes].join(' ') };
    });

  const figures = (c: Campaign): Array<[string, string]> => [
    [t.figures.calls, count(c.totals.calls)],
    [t.figures.contacts, count(c.totals.contacts)],
    [t.figures.agreements, count(c.totals.agreements)],
    [t.figures.agreed, kr(c.totals.agreed)],
    [t.figures.paid3, kr(c.totals.paid3.amount)],
    ...(c.hourlyCost === null ? [] : [[t.figures.cost, kr(costOf(c.totals, c.hourlyCost))] as [string, string]]),
  ];

  return (
    <section aria-labelledby="campaign-heading" className={styles.form}>
      <Title3 as="h2" id="campaign-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <TableOrSheetPicker value={calls} onChange={setCalls} onError={fail} label={t.calls} help={t.callsHelp} prefer={/opkald/i} />
      <LedgerSourcePicker value={ledger} onChange={setLedger} onError={fail} />
      <Field label={t.asOf} hint={t.asOfHelp}>
        <DateInput value={asOf} onChange={setAsOf} />
      </Field>
      <Field label={t.hourlyCost} hint={t.hourlyCostHelp}>
        <Input inputMode="decimal" value={hourlyCost} onChange={(_, d) => setHourlyCost(d.value)} />
      </Field>
      <LedgerRunControls label={t.run} ready={Boolean(calls && ledger)} onRun={run} job={{ progress, stop, notice, mapping }} />
      {result && (
        <>
          <Table size="extra-small" aria-label={t.result} data-testid="campaign-result">
            <TableBody>
              {figures(result).map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell className={own.value}>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {t.notOver(result.totals.paid3.notOver) !== '' && (
            <Text block size={200}>
              {t.notOver(result.totals.paid3.notOver)}
            </Text>
          )}
          <div data-testid="campaign-effect">
            <Text as="h3" block weight="semibold">
              {t.effectHeading}
            </Text>
            {effectText(result).map((line) => (
              <Text key={line} as="p" block size={200}>
                {line}
              </Text>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
