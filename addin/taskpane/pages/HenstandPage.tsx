/**
 * "Henstand": the agreement as it is and a henstand (no payments, or lower ones, for some
 * months); before and after side by side, one chart with both balance curves, the policy
 * warnings in a MessageBar, and "Indsæt i nyt ark".
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import { commands, type AgreementHenstand } from '../../../core/commands/index.js';
import { writeHenstandSheet } from '../../excel/workbook.js';
import { AgreementFields } from '../components/AgreementFields.js';
import { BalanceChart } from '../components/BalanceChart.js';
import { danishDate, kr } from '../components/PlanPreview.js';
import { emptyForm, emptyHenstandForm, formToHenstandInput, outcomeOf, started, type FormField, type HenstandForm, type PlanForm } from '../planForm.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';
import { NoticeBar, type Notice } from '../components/NoticeBar.js';
import { CaseLetterPanel } from '../components/CaseLetterPanel.js';
import { useRules } from '../rulesContext.js';
import { DateInput } from '../components/DateInput.js';

const t = strings.henstand;

export function HenstandPage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const [form, setForm] = useState<PlanForm>(emptyForm);
  const [h, setH] = useState<HenstandForm>(emptyHenstandForm);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const outcome = useMemo(() => outcomeOf(() => commands.henstand(formToHenstandInput(form, h), rules)), [form, h, rules]);
  const showErrors = started(form) || h.from !== '';
  const fieldError = (field: FormField) => (showErrors && outcome.error?.field === field ? outcome.error.message : undefined);
  const state = (field: FormField) => (fieldError(field) ? 'error' : 'none');
  const setHenstand = <K extends keyof HenstandForm>(key: K, value: HenstandForm[K]) => setH((x) => ({ ...x, [key]: value }));

  const insert = async (out: AgreementHenstand) => {
    setBusy(true);
    setNotice(null);
    try {
      const written = await writeHenstandSheet(out, form.reference);
      setNotice({ intent: 'success', text: t.inserted(written.sheetName) });
    } catch (e) {
      setNotice({ intent: 'error', text: strings.plan.excelFailed((e as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  const out = outcome.value;
  return (
    <section aria-labelledby="henstand-heading" className={styles.form}>
      <Title3 as="h2" id="henstand-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <AgreementFields form={form} setForm={setForm} fieldError={fieldError} onNotice={setNotice} />

      <div className={styles.row}>
        <Field label={t.from} validationMessage={fieldError('henstandFrom')} validationState={state('henstandFrom')}>
          <DateInput value={h.from} onChange={(v) => setHenstand('from', v)} />
        </Field>
        <Field label={t.months} validationMessage={fieldError('henstandMonths')} validationState={state('henstandMonths')}>
          <Input inputMode="numeric" value={h.months} onChange={(_, d) => setHenstand('months', d.value)} />
        </Field>
      </div>
      <Field label={t.kind}>
        <RadioGroup layout="horizontal" value={h.kind} onChange={(_, d) => setHenstand('kind', d.value as HenstandForm['kind'])}>
          <Radio value="full" label={t.full} />
          <Radio value="reduced" label={t.reduced} />
        </RadioGroup>
      </Field>
      {h.kind === 'reduced' && (
        <Field label={t.reducedInstallment} validationMessage={fieldError('reducedInstallment')} validationState={state('reducedInstallment')}>
          <Input inputMode="decimal" value={h.reducedInstallment} onChange={(_, d) => setHenstand('reducedInstallment', d.value)} />
        </Field>
      )}
      <Checkbox label={t.interestDuring} checked={h.interestDuringHenstand} onChange={(_, d) => setHenstand('interestDuringHenstand', d.checked === true)} />

      {showErrors && outcome.error?.field === 'form' && (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.error.message}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.preview} aria-live="polite" aria-labelledby="effect-heading">
        <Text as="h3" weight="semibold" block id="effect-heading">
          {t.effect}
        </Text>
        {out ? (
          <>
            <Table size="extra-small" aria-label={t.effect} data-testid="henstand-effect">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell />
                  <TableHeaderCell>{t.before}</TableHeaderCell>
                  <TableHeaderCell>{t.after}</TableHeaderCell>
                  <TableHeaderCell>{t.difference}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                <TableRow>
                  <TableCell>{t.count}</TableCell>
                  <TableCell>{out.before.summary.count}</TableCell>
                  <TableCell>{out.after.summary.count}</TableCell>
                  <TableCell>{out.effect.extraPayments > 0 ? `+${out.effect.extraPayments}` : out.effect.extraPayments}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{t.lastDue}</TableCell>
                  <TableCell>{danishDate(out.effect.lastDueDateBefore)}</TableCell>
                  <TableCell>{danishDate(out.effect.lastDueDateAfter)}</TableCell>
                  <TableCell />
                </TableRow>
                <TableRow>
                  <TableCell>{t.interest}</TableCell>
                  <TableCell>{kr(out.before.summary.interest)}</TableCell>
                  <TableCell>{kr(out.after.summary.interest)}</TableCell>
                  <TableCell>{kr(out.effect.extraInterest)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{t.total}</TableCell>
                  <TableCell>{kr(out.before.summary.total)}</TableCell>
                  <TableCell>{kr(out.after.summary.total)}</TableCell>
                  <TableCell>{kr(out.effect.extraTotal)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
            <BalanceChart
              title={t.chartTitle}
              label={t.chartLabel(danishDate(out.effect.lastDueDateBefore), danishDate(out.effect.lastDueDateAfter))}
              series={[
                { label: t.before, plan: out.before, color: '#605e5c', dashed: true },
                { label: t.after, plan: out.after, color: '#0f6cbd' },
              ]}
            />
          </>
        ) : (
          <Text block size={200}>
            {t.empty}
          </Text>
        )}
      </div>
      {out && out.warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="henstand-warnings">
          <MessageBarBody>
            {out.warnings.map((w) => (
              <div key={w.code}>{w.message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!out || busy} onClick={() => out && insert(out)}>
          {t.insert}
        </Button>
        {busy && <Spinner size="tiny" label={strings.plan.inserting} />}
      </div>
      <NoticeBar notice={notice} />
      <CaseLetterPanel
        kind="henstand"
        reference={form.reference}
        letterOf={out ? (party, settings, date, grounds) => commands.henstandLetter({ henstand: formToHenstandInput(form, h), grounds, party, settings, date }, rules) : null}
      />
    </section>
  );
}
