/**
 * The fields of a payment agreement (claims, the installment rule, dates, interest, reference),
 * shared by the Betalingsaftale and Henstand pages. Errors come from core through `fieldError`.
 */
import { Button, Checkbox, Field, Input, makeStyles, Radio, RadioGroup, Select, Text, tokens } from '@fluentui/react-components';
import { memo, useCallback, type ReactElement } from 'react';
import { useRules } from '../rulesContext.js';
import { readSelection } from '../../excel/workbook.js';
import type { FormField, PlanForm, TypedClaim } from '../planForm.js';
import type { RuleSet } from '../../../core/rules/ruleSet.js';
import { strings } from '../strings.js';
import { DateInput } from './DateInput.js';

const t = strings.plan;

const useStyles = makeStyles({
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  fill: { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  // Three choices side by side do not fit 320 px: they wrap to a second line.
  choices: { flexWrap: 'wrap' },
  claim: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '8px',
    padding: '8px',
    margin: 0,
    minWidth: 0,
    boxSizing: 'border-box',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface AgreementFieldsProps {
  form: PlanForm;
  setForm: (update: (f: PlanForm) => PlanForm) => void;
  fieldError: (field: FormField) => string | undefined;
  onNotice: (notice: { intent: 'info' | 'error'; text: string }) => void;
}

export function AgreementFields({ form, setForm, fieldError, onNotice }: AgreementFieldsProps): ReactElement {
  const rules = useRules();
  const styles = useStyles();
  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  // Stable while the page lives: a claim's fields render again only when that claim changes, not
  // on every keystroke elsewhere in the form (ten claims are fifty fields; issue 22's one frame).
  const setClaim = useCallback((i: number, patch: Partial<TypedClaim>) => setForm((f) => ({ ...f, typedClaims: f.typedClaims.map((c, j) => (j === i ? { ...c, ...patch } : c)) })), [setForm]);
  const removeClaim = useCallback((i: number) => setForm((f) => ({ ...f, typedClaims: f.typedClaims.filter((_, j) => j !== i) })), [setForm]);
  const state = (field: FormField) => (fieldError(field) ? 'error' : 'none');
  const fromSelection = async () => {
    try {
      const selection = await readSelection();
      setForm((f) => ({ ...f, claimsSource: 'selection', selection }));
      onNotice({ intent: 'info', text: t.selectionRead(selection.address, selection.values.length) });
    } catch (e) {
      onNotice({ intent: 'error', text: t.selectionFailed((e as Error).message) });
    }
  };

  return (
    <>
      <Field label={t.claims} validationMessage={fieldError('claims')} validationState={state('claims')}>
        <RadioGroup className={styles.choices} layout="horizontal" value={form.claimsSource} onChange={(_, d) => set('claimsSource', d.value as PlanForm['claimsSource'])}>
          <Radio value="typed" label={t.claimsTyped} />
          <Radio value="selection" label={t.claimsSelection} />
        </RadioGroup>
      </Field>

      {form.claimsSource === 'selection' ? (
        <div className={styles.row}>
          <Text block size={200}>
            {t.selectionHelp}
          </Text>
          <Button onClick={fromSelection}>{t.readSelection}</Button>
        </div>
      ) : (
        <>
          {form.typedClaims.map((c, i) => (
            <ClaimFieldset key={i} claim={c} index={i} removable={form.typedClaims.length > 1} claimTypes={rules.claimTypes.value} setClaim={setClaim} removeClaim={removeClaim} />
          ))}
          <div>
            <Button onClick={() => set('typedClaims', [...form.typedClaims, { id: `F${form.typedClaims.length + 1}`, type: 'andet', principal: '', fees: '', dueDate: '' }])}>{t.addClaim}</Button>
          </div>
        </>
      )}

      <Field label={t.mode}>
        <RadioGroup className={styles.choices} layout="horizontal" value={form.mode} onChange={(_, d) => set('mode', d.value as PlanForm['mode'])}>
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
          <DateInput value={form.firstDueDate} onChange={(v) => set('firstDueDate', v)} />
        </Field>
        <Field label={t.startDate} validationMessage={fieldError('startDate')} validationState={state('startDate')}>
          <DateInput value={form.startDate} onChange={(v) => set('startDate', v)} />
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
      <Checkbox label={t.accrueFromDueDate} checked={form.accrueFromDueDate} onChange={(_, d) => set('accrueFromDueDate', d.checked === true)} />
      <Field label={t.reference}>
        <Input value={form.reference} onChange={(_, d) => set('reference', d.value)} />
      </Field>
    </>
  );
}

interface ClaimFieldsetProps {
  claim: TypedClaim;
  index: number;
  removable: boolean;
  claimTypes: RuleSet['claimTypes']['value'];
  setClaim: (i: number, patch: Partial<TypedClaim>) => void;
  removeClaim: (i: number) => void;
}

/** One typed claim's fields; memoised, so typing in one field renders only what it changes. */
const ClaimFieldset = memo(function ClaimFieldset({ claim: c, index: i, removable, claimTypes, setClaim, removeClaim }: ClaimFieldsetProps): ReactElement {
  const styles = useStyles();
  return (
    <fieldset className={styles.claim} aria-label={`${t.claimId} ${i + 1}`}>
      <Field label={t.claimId}>
        <Input className={styles.fill} value={c.id} onChange={(_, d) => setClaim(i, { id: d.value })} />
      </Field>
      <Field label={t.claimType}>
        <Select className={styles.fill} value={c.type} onChange={(_, d) => setClaim(i, { type: d.value })}>
          {Object.entries(claimTypes).map(([type, rule]) => (
            <option key={type} value={type}>
              {rule.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.principal}>
        <Input className={styles.fill} inputMode="decimal" value={c.principal} onChange={(_, d) => setClaim(i, { principal: d.value })} />
      </Field>
      <Field label={t.fees}>
        <Input className={styles.fill} inputMode="decimal" value={c.fees} onChange={(_, d) => setClaim(i, { fees: d.value })} />
      </Field>
      <Field label={t.dueDate}>
        <DateInput className={styles.fill} value={c.dueDate} onChange={(v) => setClaim(i, { dueDate: v })} />
      </Field>
      {removable && (
        <Button appearance="subtle" onClick={() => removeClaim(i)}>
          {t.removeClaim(i + 1)}
        </Button>
      )}
    </fieldset>
  );
});
