/**
 * "Betalingsaftale": claims (typed or from the selection), the installment rule, dates and
 * interest; a live preview computed by core on every change; "Indsæt i nyt ark" writes the
 * schedule to a new sheet through the workbook adapter. Errors appear at their field.
 */
import {
  Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Spinner,
  Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3, tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import { plan as computePlan, type PlanOutput } from '../../../core/commands/plan.js';
import { isSaldoError } from '../../../core/errors.js';
import { formatKroner, ore } from '../../../core/money/ore.js';
import { CLAIM_TYPES } from '../../../core/rules/claimTypes.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { readSelection, writePlanSheet } from '../../excel/workbook.js';
import { emptyForm, fieldMessage, formFieldOf, formToPlanInput, type FormField, type PlanForm, type TypedClaim } from '../planForm.js';
import { strings } from '../strings.js';

const t = strings.plan;
const kr = (kroner: number) => formatKroner(ore(Math.round(kroner * 100)));
const danishDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  claim: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: '8px', padding: '8px', margin: 0, minWidth: 0, boxSizing: 'border-box', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
  preview: { padding: '12px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
  summary: { display: 'grid', gridTemplateColumns: 'auto auto', columnGap: '16px', rowGap: '2px', marginBottom: '8px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  cell: { whiteSpace: 'nowrap', paddingLeft: '4px', paddingRight: '4px' },
});

type Outcome = { plan: PlanOutput; error?: undefined } | { plan?: undefined; error: { field: FormField; message: string } } | { plan?: undefined; error?: undefined };

function computeOutcome(form: PlanForm): Outcome {
  try {
    return { plan: computePlan(formToPlanInput(form), defaultRules) };
  } catch (e) {
    if (isSaldoError(e)) return { error: { field: formFieldOf(e), message: fieldMessage(e) } };
    return { error: { field: 'form', message: strings.internalError((e as Error).message) } };
  }
}

/** Whether the user has filled in enough that an error is worth showing. */
const started = (f: PlanForm) => f.firstDueDate !== '' || f.installment !== '' || f.count !== '' || f.netIncome !== '';

export function BetalingsaftalePage(): ReactElement {
  const styles = useStyles();
  const [form, setForm] = useState<PlanForm>(emptyForm);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error' | 'info'; text: string } | null>(null);
  const outcome = useMemo(() => computeOutcome(form), [form]);
  const showErrors = started(form);

  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setClaim = (i: number, patch: Partial<TypedClaim>) =>
    setForm((f) => ({ ...f, typedClaims: f.typedClaims.map((c, j) => (j === i ? { ...c, ...patch } : c)) }));
  const fieldError = (field: FormField) => (showErrors && outcome.error?.field === field ? outcome.error.message : undefined);
  const state = (field: FormField) => (fieldError(field) ? 'error' : 'none');

  const fromSelection = async () => {
    try {
      const selection = await readSelection();
      setForm((f) => ({ ...f, claimsSource: 'selection', selection }));
      setNotice({ intent: 'info', text: t.selectionRead(selection.address, selection.values.length) });
    } catch (e) {
      setNotice({ intent: 'error', text: t.selectionFailed((e as Error).message) });
    }
  };

  const insert = async () => {
    if (!outcome.plan) return;
    setBusy(true);
    setNotice(null);
    try {
      const written = await writePlanSheet(outcome.plan, form.reference);
      setNotice({ intent: 'success', text: t.inserted(written.sheetName, written.rows) });
    } catch (e) {
      setNotice({ intent: 'error', text: t.excelFailed((e as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-heading" className={styles.form}>
      <Title3 as="h2" id="plan-heading">{t.heading}</Title3>

      <Field label={t.claims} validationMessage={fieldError('claims')} validationState={state('claims')}>
        <RadioGroup layout="horizontal" value={form.claimsSource} onChange={(_, d) => set('claimsSource', d.value as PlanForm['claimsSource'])}>
          <Radio value="typed" label={t.claimsTyped} />
          <Radio value="selection" label={t.claimsSelection} />
        </RadioGroup>
      </Field>

      {form.claimsSource === 'selection' ? (
        <div className={styles.row}>
          <Text block size={200}>{t.selectionHelp}</Text>
          <Button onClick={fromSelection}>{t.readSelection}</Button>
        </div>
      ) : (
        <>
          {form.typedClaims.map((c, i) => (
            <fieldset key={i} className={styles.claim} aria-label={`${t.claimId} ${i + 1}`}>
              <Field label={t.claimId}>
                <Input value={c.id} onChange={(_, d) => setClaim(i, { id: d.value })} />
              </Field>
              <Field label={t.claimType}>
                <Select value={c.type} onChange={(_, d) => setClaim(i, { type: d.value as TypedClaim['type'] })}>
                  {CLAIM_TYPES.map((type) => (
                    <option key={type} value={type}>{defaultRules.claimTypes.value[type].label}</option>
                  ))}
                </Select>
              </Field>
              <Field label={t.principal}>
                <Input inputMode="decimal" value={c.principal} onChange={(_, d) => setClaim(i, { principal: d.value })} />
              </Field>
              <Field label={t.fees}>
                <Input inputMode="decimal" value={c.fees} onChange={(_, d) => setClaim(i, { fees: d.value })} />
              </Field>
              <Field label={t.dueDate}>
                <Input type="date" value={c.dueDate} onChange={(_, d) => setClaim(i, { dueDate: d.value })} />
              </Field>
              {form.typedClaims.length > 1 && (
                <Button appearance="subtle" onClick={() => set('typedClaims', form.typedClaims.filter((_, j) => j !== i))}>{t.removeClaim(i + 1)}</Button>
              )}
            </fieldset>
          ))}
          <div>
            <Button onClick={() => set('typedClaims', [...form.typedClaims, { id: `F${form.typedClaims.length + 1}`, type: 'andet', principal: '', fees: '', dueDate: '' }])}>{t.addClaim}</Button>
          </div>
        </>
      )}

      <Field label={t.mode}>
        <RadioGroup layout="horizontal" value={form.mode} onChange={(_, d) => set('mode', d.value as PlanForm['mode'])}>
          <Radio value="installment" label={t.modeInstallment} />
          <Radio value="count" label={t.modeCount} />
          <Radio value="paymentCapacity" label={t.modeCapacity} />
        </RadioGroup>
      </Field>
      {form.mode === 'installment' && (
        <Field label={t.installment} validationMessage={fieldError('installment')} validationState={state('installment')}>
          <Input inputMode="decimal" value={form.installment} onChange={(_, d) => set('installment', d.value)} />
        </Field>
      )}
      {form.mode === 'count' && (
        <div className={styles.row}>
          <Field label={t.count} validationMessage={fieldError('count')} validationState={state('count')}>
            <Input inputMode="numeric" value={form.count} onChange={(_, d) => set('count', d.value)} />
          </Field>
          <Field label={t.rounding} validationMessage={fieldError('rounding')} validationState={state('rounding')}>
            <Input inputMode="decimal" value={form.rounding} onChange={(_, d) => set('rounding', d.value)} />
          </Field>
        </div>
      )}
      {form.mode === 'paymentCapacity' && (
        <div className={styles.row}>
          <Field label={t.netIncome} validationMessage={fieldError('netIncome')} validationState={state('netIncome')}>
            <Input inputMode="decimal" value={form.netIncome} onChange={(_, d) => set('netIncome', d.value)} />
          </Field>
          <Field label={t.year} validationMessage={fieldError('year')} validationState={state('year')}>
            <Input inputMode="numeric" value={form.year} onChange={(_, d) => set('year', d.value)} />
          </Field>
          <Checkbox label={t.supportsChildren} checked={form.supportsChildren} onChange={(_, d) => set('supportsChildren', d.checked === true)} />
        </div>
      )}

      <div className={styles.row}>
        <Field label={t.firstDueDate} validationMessage={fieldError('firstDueDate')} validationState={state('firstDueDate')}>
          <Input type="date" value={form.firstDueDate} onChange={(_, d) => set('firstDueDate', d.value)} />
        </Field>
        <Field label={t.startDate} validationMessage={fieldError('startDate')} validationState={state('startDate')}>
          <Input type="date" value={form.startDate} onChange={(_, d) => set('startDate', d.value)} />
        </Field>
        <Field label={t.frequency}>
          <Select value={form.frequency} onChange={(_, d) => set('frequency', d.value as PlanForm['frequency'])}>
            <option value="monthly">{t.monthly}</option>
            <option value="quarterly">{t.quarterly}</option>
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t.annualRate} validationMessage={fieldError('annualRate')} validationState={state('annualRate')}>
          <Input inputMode="decimal" value={form.annualRate} onChange={(_, d) => set('annualRate', d.value)} />
        </Field>
        <Field label={t.interestMethod}>
          <Select value={form.interestMethod} onChange={(_, d) => set('interestMethod', d.value as PlanForm['interestMethod'])}>
            <option value="daily">{t.methodDaily}</option>
            <option value="monthly">{t.methodMonthly}</option>
            <option value="perStartedMonth">{t.methodPerStartedMonth}</option>
          </Select>
        </Field>
      </div>
      <Field label={t.reference}>
        <Input value={form.reference} onChange={(_, d) => set('reference', d.value)} />
      </Field>

      {showErrors && outcome.error?.field === 'form' && (
        <MessageBar intent="error"><MessageBarBody>{outcome.error.message}</MessageBarBody></MessageBar>
      )}

      <div className={styles.preview} aria-live="polite" aria-labelledby="preview-heading">
        <Text as="h3" weight="semibold" block id="preview-heading">{t.preview}</Text>
        {outcome.plan ? <Preview plan={outcome.plan} /> : <Text block size={200}>{t.previewEmpty}</Text>}
      </div>

      <div className={styles.row}>
        <Button appearance="primary" disabled={!outcome.plan || busy} onClick={insert}>{t.insert}</Button>
        {busy && <Spinner size="tiny" label={t.inserting} />}
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function Preview({ plan }: { plan: PlanOutput }): ReactElement {
  const styles = useStyles();
  const s = plan.summary;
  const first = plan.rows.slice(0, 6);
  return (
    <>
      <div className={styles.summary} data-testid="plan-summary">
        <Text>{t.summaryCount}</Text><Text className={styles.number}>{s.count}</Text>
        <Text>{t.summaryInstallment}</Text><Text className={styles.number}>{kr(s.installment)}</Text>
        <Text>{t.summaryEnd}</Text><Text className={styles.number}>{danishDate(s.lastDueDate)}</Text>
        <Text>{t.summaryTotal}</Text><Text className={styles.number}>{kr(s.total)}</Text>
        <Text>{t.summaryInterest}</Text><Text className={styles.number}>{kr(s.interest)}</Text>
        <Text>{t.summaryFees}</Text><Text className={styles.number}>{kr(s.fees)}</Text>
      </div>
      <Table size="extra-small" aria-label={t.firstRows(first.length)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{strings.table.n}</TableHeaderCell>
            <TableHeaderCell>{strings.table.due}</TableHeaderCell>
            <TableHeaderCell>{strings.table.payment}</TableHeaderCell>
            <TableHeaderCell>{strings.table.interest}</TableHeaderCell>
            <TableHeaderCell>{strings.table.balance}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {first.map((r) => (
            <TableRow key={r.n}>
              <TableCell>{r.n}</TableCell>
              <TableCell className={styles.cell}>{danishDate(r.dueDate)}</TableCell>
              <TableCell className={styles.number}>{kr(r.payment)}</TableCell>
              <TableCell className={styles.number}>{kr(r.interest)}</TableCell>
              <TableCell className={styles.number}>{kr(r.balance)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
