/**
 * "Arbejdsliste" (issue 20): the team's agreement register checked against the ledger on a date,
 * computed off the UI thread like the statements; the list goes to new sheets, the most urgent
 * agreements are shown here.
 */
import { Field, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { Worklist } from '../../../core/commands/index.js';
import { kr } from '../../../core/report/format.js';
import { writeWorklistSheets } from '../../excel/portfolioSheets.js';
import { readSourceAt } from '../../excel/workbook.js';
import { DateInput } from '../components/DateInput.js';
import { LedgerSourcePicker, ledgerSourceOf, OptionalTableOrSheetPicker, TableOrSheetPicker } from '../components/LedgerSheetPicker.js';
import { LedgerRunControls, today, useLedgerJob } from '../components/NoticeBar.js';
import { useRules } from '../rulesContext.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';

const t = strings.worklist;
/** Rows shown in the pane; the whole list is on the sheet. */
const SHOWN = 8;

export function ArbejdslistePage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const [register, setRegister] = useState('');
  const [ledger, setLedger] = useState('');
  const [log, setLog] = useState('');
  const [paid, setPaid] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [result, setResult] = useState<Worklist | null>(null);
  const { progress, notice, report, compute, stop, run: runJob, fail, mapping } = useLedgerJob();

  const run = () =>
    runJob(async () => {
      setResult(null);
      const read = await readSourceAt(ledgerSourceOf(register));
      const steps = log === '' ? undefined : await readSourceAt(ledgerSourceOf(log));
      const payments = paid === '' ? undefined : await readSourceAt(ledgerSourceOf(paid));
      const input = {
        asOf,
        asOfPlace: t.asOf,
        register: read.values,
        registerFirstRow: read.row,
        ...(steps ? { steps: steps.values, stepsFirstRow: steps.row } : {}),
        ...(payments ? { payments: payments.values, paymentsFirstRow: payments.row } : {}),
      };
      const w = await compute(ledger, { kind: 'worklist', input }, rules);
      report(strings.ledger.writing, null);
      const sheet = await writeWorklistSheets(w);
      setResult(w);
      const errors = t.errors(w.errors.length + w.stepErrors.length + w.paymentErrors.length + w.ledgerErrors.length);
      return { intent: errors === '' ? 'success' : 'warning', text: `${t.done(sheet, w.totals.agreements, kr(w.totals.arrears))}${errors === '' ? '' : ` ${errors}`}` };
    });

  return (
    <section aria-labelledby="worklist-heading" className={styles.form}>
      <Title3 as="h2" id="worklist-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <TableOrSheetPicker value={register} onChange={setRegister} onError={fail} label={t.register} help={t.registerHelp} prefer={/aftale/i} />
      <LedgerSourcePicker value={ledger} onChange={setLedger} onError={fail} />
      <OptionalTableOrSheetPicker value={log} onChange={setLog} onError={fail} label={t.steps} help={t.stepsHelp} prefer={/rykkerlog/i} none={t.noSteps} />
      <OptionalTableOrSheetPicker value={paid} onChange={setPaid} onError={fail} label={t.payments} help={t.paymentsHelp} prefer={/indbetal/i} none={t.noPayments} />
      <Field label={t.asOf}>
        <DateInput value={asOf} onChange={(v) => setAsOf(v)} />
      </Field>
      <LedgerRunControls label={t.run} ready={Boolean(register && ledger)} onRun={run} job={{ progress, stop, notice, mapping }} />
      {result && result.agreements.length > 0 && (
        <Table size="extra-small" aria-label={t.result} data-testid="worklist-result">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.columns.agreement}</TableHeaderCell>
              <TableHeaderCell>{t.columns.state}</TableHeaderCell>
              <TableHeaderCell>{t.columns.next}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.agreements.slice(0, SHOWN).map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.id}</TableCell>
                <TableCell>
                  {r.state}
                  {r.arrears > 0 ? ` (${kr(r.arrears)})` : ''}
                </TableCell>
                <TableCell>{r.nextStep ? `${r.nextStep.action} – ${r.nextStep.earliest.split('-').reverse().join('-')}` : t.nothing}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
