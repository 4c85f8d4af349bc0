/**
 * "Opkrævningstragt" (issue 20): what became of the claims that fell due in each month, per claim
 * type, from the ledger (core/portfolio/funnel.ts). Computed off the UI thread like the statements,
 * with progress and Stop; written to new sheets with a chart per claim type. The pane shows the
 * period's totals; the months are on the sheet.
 */
import { Field, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { Funnel } from '../../../core/commands/index.js';
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES } from '../../../core/report/funnelSheets.js';
import { kr, monthFromTyped } from '../../../core/report/format.js';
import { writeFunnelSheets } from '../../excel/portfolioSheets.js';
import { readSourceAt } from '../../excel/workbook.js';
import { DateInput } from '../components/DateInput.js';
import { LedgerSourcePicker, ledgerSourceOf, OptionalTableOrSheetPicker } from '../components/LedgerSheetPicker.js';
import { LedgerRunControls, today, useLedgerJob } from '../components/NoticeBar.js';
import { useRules } from '../rulesContext.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';

const t = strings.funnel;

/** "mm-åååå" of a YYYY-MM-DD date, `years` back. */
const monthText = (iso: string, years = 0) => `${iso.slice(5, 7)}-${Number(iso.slice(0, 4)) - years}`;

/**
 * In a 320 px pane: the two months side by side, and the figures' columns as wide as a sum in
 * kroner and a count, so the stage names keep one line each.
 */
const useStyles = makeStyles({
  month: { flex: '1 1 120px', minWidth: 0 },
  // Fluent's Input is at least 250 px wide by default: two would not fit side by side.
  monthInput: { minWidth: 0, width: '100%' },
  amount: { width: '92px', textAlign: 'right', whiteSpace: 'nowrap', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
  count: { width: '36px', textAlign: 'right', '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' } },
});

/** What was typed, shown back as mm-åååå once it is a month (2-2026 → 02-2026). */
const shownMonth = (text: string) => {
  const m = monthFromTyped(text);
  return m ? monthText(m.first) : text;
};

const share = (x: number | null) => (x === null ? '–' : x.toLocaleString('da-DK', { style: 'percent', maximumFractionDigits: 1 }));

function MonthField({ label, value, onChange, className, inputClassName }: { label: string; value: string; onChange(v: string): void; className: string; inputClassName: string }): ReactElement {
  const bad = value.trim() !== '' && monthFromTyped(value) === null;
  return (
    <Field className={className} label={label} {...(bad ? { validationMessage: t.notAMonth, validationState: 'error' as const } : {})}>
      <Input className={inputClassName} inputMode="numeric" placeholder={t.monthPlaceholder} value={value} onChange={(_, d) => onChange(d.value)} onBlur={() => onChange(shownMonth(value))} />
    </Field>
  );
}

export function TragtPage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const own = useStyles();
  const [ledger, setLedger] = useState('');
  const [register, setRegister] = useState('');
  // Four years of forfald months to this month, as KL's tool shows restancer "from 2022".
  const [from, setFrom] = useState(() => `01-${Number(today().slice(0, 4)) - 3}`);
  const [to, setTo] = useState(() => monthText(today()));
  const [asOf, setAsOf] = useState('');
  const [result, setResult] = useState<Funnel | null>(null);
  const { progress, notice, report, compute, stop, run: runJob, fail, mapping } = useLedgerJob();
  const fromMonth = monthFromTyped(from);
  const toMonth = monthFromTyped(to);

  const run = () =>
    runJob(async () => {
      setResult(null);
      const read = register === '' ? undefined : await readSourceAt(ledgerSourceOf(register));
      // The months as their first and last day: core checks the period's order and length and names the field.
      const input = {
        from: fromMonth!.first,
        to: toMonth!.last,
        ...(asOf.trim() === '' ? {} : { asOf }),
        places: { from: t.from, to: t.to, asOf: t.asOf },
        ...(read ? { register: read.values, registerFirstRow: read.row } : {}),
      };
      const f = await compute(ledger, { kind: 'funnel', input }, rules);
      report(strings.ledger.writing, 0);
      const written = await writeFunnelSheets(f, (done, total) => report(strings.ledger.writing, done / total));
      setResult(f);
      const notes = [t.skipped(f.skipped.count), t.errors(f.errors.length, written.errorsSheetName)].filter((n) => n !== '');
      const text = f.totals.newCount === 0 ? t.noClaims(written.sheetName) : t.done(written.sheetName, f.totals.newCount, kr(f.totals.newAmount));
      return { intent: f.errors.length > 0 ? 'warning' : 'success', text: [text, ...notes].join(' ') };
    });

  return (
    <section aria-labelledby="funnel-heading" className={styles.form}>
      <Title3 as="h2" id="funnel-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <LedgerSourcePicker value={ledger} onChange={setLedger} onError={fail} />
      <OptionalTableOrSheetPicker value={register} onChange={setRegister} onError={fail} label={t.register} help={t.registerHelp} prefer={/aftale/i} none={t.noRegister} />
      <div className={styles.row}>
        <MonthField className={own.month} inputClassName={own.monthInput} label={t.from} value={from} onChange={setFrom} />
        <MonthField className={own.month} inputClassName={own.monthInput} label={t.to} value={to} onChange={setTo} />
      </div>
      <Text block size={200}>
        {t.monthHelp}
      </Text>
      <Field label={t.asOf} hint={t.asOfHelp}>
        <DateInput value={asOf} onChange={setAsOf} />
      </Field>
      <LedgerRunControls label={t.run} ready={Boolean(ledger && fromMonth && toMonth)} onRun={run} job={{ progress, stop, notice, mapping }} />
      {result && result.totals.newCount > 0 && (
        <>
          <Table size="extra-small" aria-label={t.result} data-testid="funnel-result">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.columns.stage}</TableHeaderCell>
                <TableHeaderCell className={own.amount}>{t.columns.amount}</TableHeaderCell>
                <TableHeaderCell className={own.count}>{t.columns.count}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell>{t.newClaims}</TableCell>
                <TableCell className={own.amount}>{kr(result.totals.newAmount)}</TableCell>
                <TableCell className={own.count}>{result.totals.newCount.toLocaleString('da-DK')}</TableCell>
              </TableRow>
              {FUNNEL_STAGES.map((s) => (
                <TableRow key={s}>
                  <TableCell>{FUNNEL_STAGE_LABELS[s]}</TableCell>
                  <TableCell className={own.amount}>{kr(result.totals.amounts[s])}</TableCell>
                  <TableCell className={own.count}>{result.totals.counts[s].toLocaleString('da-DK')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text block size={200}>
            {t.solved}: {share(result.totals.shareSolvedWithoutInddrivelse)}.{register === '' ? ` ${t.agreementNote}` : ''}
          </Text>
        </>
      )}
    </section>
  );
}
