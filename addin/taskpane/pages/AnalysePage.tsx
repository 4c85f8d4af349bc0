/** "Analyse": aging, month-by-month development over a period and key figures on a date, written to a new sheet with charts. */
import { Field, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { danishDate } from '../../../core/report/format.js';
import { writeAnalysisSheet } from '../../excel/workbook.js';
import { LedgerSourcePicker } from '../components/LedgerSheetPicker.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';
import { LedgerRunControls, today, useLedgerJob } from '../components/NoticeBar.js';
import { useRules } from '../rulesContext.js';
import { DateInput } from '../components/DateInput.js';

const t = strings.analyse;

export function AnalysePage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const [sheet, setSheet] = useState('');
  const [asOf, setAsOf] = useState(today);
  // Empty: the 12 months up to the date above (core's default).
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { progress, notice, report, compute, stop, run: runJob, fail, mapping } = useLedgerJob();

  const run = () =>
    runJob(async () => {
      const a = await compute(sheet, { kind: 'analyse', input: { asOf, asOfPlace: t.asOf, from, fromPlace: t.from, to, toPlace: t.to } }, rules);
      report(strings.ledger.writing, 1);
      const written = await writeAnalysisSheet(a);
      return {
        intent: a.errors.length > 0 ? 'warning' : 'success',
        text: `${t.done(written, danishDate(a.period.from), danishDate(a.period.to))} ${strings.ledger.errorsListed(a.errors.map((e) => e.row))}`,
      };
    });

  return (
    <section aria-labelledby="analyse-heading" className={styles.form}>
      <Title3 as="h2" id="analyse-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <LedgerSourcePicker value={sheet} onChange={setSheet} onError={fail} />
      <Field label={t.asOf}>
        <DateInput value={asOf} onChange={(v) => setAsOf(v)} />
      </Field>
      {/* One under the other, as the date above: side by side they do not fit a 320 px pane. */}
      <Field label={t.from} hint={t.periodHint}>
        <DateInput value={from} onChange={(v) => setFrom(v)} />
      </Field>
      <Field label={t.to}>
        <DateInput value={to} onChange={(v) => setTo(v)} />
      </Field>
      <LedgerRunControls label={t.run} ready={Boolean(sheet)} onRun={run} job={{ progress, stop, notice, mapping }} />
    </section>
  );
}
