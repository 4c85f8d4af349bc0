/**
 * "Forældelse" (issue 20): the forældelse radar of the ledger on a date (core/portfolio/
 * limitationRadar.ts, as `saldo limitation`): the open claims whose period runs out within 90 or
 * 180 days, and apart those already forældet. Computed off the UI thread like the statements, with
 * progress and Stop; written to new sheets named by the date. The pane shows the kroner at risk
 * and the most urgent claims; the whole list is on the sheet.
 */
import { Field, makeStyles, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { LimitationRadar } from '../../../core/commands/index.js';
import { danishDate, kr } from '../../../core/report/format.js';
import { writeLimitationSheets } from '../../excel/portfolioSheets.js';
import { DateInput } from '../components/DateInput.js';
import { LedgerSourcePicker } from '../components/LedgerSheetPicker.js';
import { LedgerRunControls, today, useLedgerJob } from '../components/NoticeBar.js';
import { useRules } from '../rulesContext.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';

const t = strings.limitation;
/** The windows a person chooses between (SPEC `limitation --days`; 180 is its default). */
const WINDOWS = ['90', '180'] as const;
/** Claims shown in the pane; the whole radar is on the sheet. */
const SHOWN = 8;

const count = (n: number) => n.toLocaleString('da-DK');

/** In a 320 px pane: a date, a count and a sum in kroner keep one line each; the claim (its number over its debtor) gets the rest. */
const useStyles = makeStyles({
  date: { width: '78px', whiteSpace: 'nowrap' },
  count: { width: '44px', textAlign: 'right', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  amount: { width: '92px', textAlign: 'right', whiteSpace: 'nowrap', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
});

export function ForaeldelsePage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const own = useStyles();
  const [ledger, setLedger] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [days, setDays] = useState<(typeof WINDOWS)[number]>('180');
  const [result, setResult] = useState<{ radar: LimitationRadar; claimsSheet: string } | null>(null);
  const { progress, notice, report, compute, stop, run: runJob, fail, mapping } = useLedgerJob();

  const run = () =>
    runJob(async () => {
      setResult(null);
      // The date and the window are checked in the worker before a row is read, each named by its field.
      const input = { asOf, asOfPlace: t.asOf, days, daysPlace: t.window, maskCpr: false };
      const r = await compute(ledger, { kind: 'limitation', input }, rules);
      report(strings.ledger.writing, 0);
      const written = await writeLimitationSheets(r, (done, total) => report(strings.ledger.writing, done / total));
      setResult({ radar: r, claimsSheet: written.claimsSheetName });
      const text = t.done(written.claimsSheetName, r.totals.all.claims, kr(r.totals.all.open), r.days, danishDate(r.windowEnd));
      const notes = [t.barred(r.alreadyBarred.totals.all.claims, kr(r.alreadyBarred.totals.all.open), written.barredSheetName), t.errors(r.errors.length, written.errorsSheetName)];
      return { intent: r.errors.length > 0 ? 'warning' : 'success', text: [text, ...notes].filter((n) => n !== '').join(' ') };
    });

  const radar = result?.radar;
  return (
    <section aria-labelledby="limitation-heading" className={styles.form}>
      <Title3 as="h2" id="limitation-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <LedgerSourcePicker value={ledger} onChange={setLedger} onError={fail} />
      <Field label={t.asOf}>
        <DateInput value={asOf} onChange={setAsOf} />
      </Field>
      <Field label={t.window}>
        <RadioGroup layout="horizontal" value={days} onChange={(_, d) => setDays(d.value as (typeof WINDOWS)[number])}>
          {WINDOWS.map((w) => (
            <Radio key={w} value={w} label={t.windowDays(Number(w))} />
          ))}
        </RadioGroup>
      </Field>
      <LedgerRunControls label={t.run} ready={Boolean(ledger)} onRun={run} job={{ progress, stop, notice, mapping }} />
      {radar && (
        <>
          <Table size="extra-small" aria-label={t.figures} data-testid="limitation-result">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.columns.what}</TableHeaderCell>
                <TableHeaderCell className={own.count}>{t.columns.count}</TableHeaderCell>
                <TableHeaderCell className={own.amount}>{t.columns.open}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell>{t.inWindow(radar.days)}</TableCell>
                <TableCell className={own.count}>{count(radar.totals.all.claims)}</TableCell>
                <TableCell className={own.amount}>{kr(radar.totals.all.open)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{t.alreadyBarred}</TableCell>
                <TableCell className={own.count}>{count(radar.alreadyBarred.totals.all.claims)}</TableCell>
                <TableCell className={own.amount}>{kr(radar.alreadyBarred.totals.all.open)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
          {radar.claims.length > 0 && (
            <Table size="extra-small" aria-label={t.urgent} data-testid="limitation-claims">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={own.date}>{t.columns.lastDay}</TableHeaderCell>
                  <TableHeaderCell>{t.columns.claim}</TableHeaderCell>
                  <TableHeaderCell className={own.amount}>{t.columns.open}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {radar.claims.slice(0, SHOWN).map((c) => (
                  <TableRow key={`${c.debtorId}\u0000${c.claimId}\u0000${c.part}`}>
                    <TableCell className={own.date}>{danishDate(c.limitationDate)}</TableCell>
                    <TableCell>
                      {c.claimId}
                      <br />
                      <Text size={200}>{c.name === '' ? c.debtorId : c.name}</Text>
                    </TableCell>
                    <TableCell className={own.amount}>{kr(c.open)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {radar.claims.length > SHOWN && (
            <Text block size={200}>
              {t.rest(radar.claims.length - SHOWN, result.claimsSheet)}
            </Text>
          )}
        </>
      )}
    </section>
  );
}
