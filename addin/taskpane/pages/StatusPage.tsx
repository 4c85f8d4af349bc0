/**
 * "Status": pick the sheet with the agreement's schedule and the payments (the selection), and
 * Saldo says whether the agreement is kept: each installment's state, arrears, the breach date
 * and, from the steps already taken, what the kommune's politik says to do today and next.
 * "Indsæt statusark" writes it to a new sheet.
 */
import { Badge, Button, Field, Input, makeStyles, Select, Spinner, Text, Title3 } from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import { commands, type StatusOnDate } from '../../../core/commands/index.js';
import { isSaldoError } from '../../../core/errors.js';
import type { ClaimType } from '../../../core/rules/claimTypes.js';
import { readSelection, readSheetValues, writeStatusSheet } from '../../excel/workbook.js';
import { SheetPicker } from '../components/LedgerSheetPicker.js';
import { installmentsFromRange, paymentsFromRange } from '../../shared/excelArgs.js';
import { danishDate, kr } from '../components/PlanPreview.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';
import { NoticeBar, today, type Notice } from '../components/NoticeBar.js';
import { useRules } from '../rulesContext.js';
import { DateInput } from '../components/DateInput.js';

const t = strings.status;
// Long procedure and step names must not push the pane wider than its 320–350 px.
const useStepStyles = makeStyles({
  fill: { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  remove: { minWidth: 'auto' },
  taken: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
});
const STATE_BADGE = { afsluttet: 'success', overholdt: 'success', misligholdt: 'danger' } as const;

export function StatusPage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const own = useStepStyles();
  const [sheet, setSheet] = useState('');
  const [payments, setPayments] = useState<{ address: string; list: Array<{ date: string; amount: number }> } | null>(null);
  const [asOf, setAsOf] = useState(today);
  const [graceDays, setGraceDays] = useState('0');
  const [claimType, setClaimType] = useState<ClaimType>('andet');
  const [situation, setSituation] = useState<'misligholdt' | 'restance'>('misligholdt');
  const [chosen, setChosen] = useState('');
  const [taken, setTaken] = useState<Array<{ step: string; date: string }>>([]);
  // The procedure these claims follow, for the list of steps the caseworker can record.
  const outline = useMemo(() => {
    try {
      return commands.procedureOf({ claimTypes: [claimType], situation, ...(chosen ? { procedure: chosen } : {}) }, rules);
    } catch {
      return null;
    }
  }, [claimType, situation, chosen, rules]);
  const setStep = (i: number, change: Partial<{ step: string; date: string }>) => setTaken((list) => list.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const [result, setResult] = useState<StatusOnDate | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const readPayments = async () => {
    try {
      const selection = await readSelection();
      const list = paymentsFromRange(selection.values, 'Markeringen');
      setPayments({ address: selection.address, list });
      setNotice({ intent: 'info', text: t.paymentsRead(list.length, selection.address) });
    } catch (e) {
      setNotice({ intent: 'error', text: isSaldoError(e) ? e.message : t.readFailed((e as Error).message) });
    }
  };

  const compute = async () => {
    setNotice(null);
    setResult(null);
    try {
      const values = await readSheetValues(sheet);
      // Plain digits only: Number() would read "0x1F" as 31 and "1e1" as 10; anything else goes to core's Danish check as text.
      const grace = /^\d+$/.test(graceDays.trim() || '0') ? Number(graceDays.trim() || '0') : Number.NaN;
      setResult(
        commands.installmentStatus(
          {
            installments: installmentsFromRange(values, `Arket "${sheet}"`),
            payments: payments?.list ?? [],
            asOf,
            graceDays: Number.isFinite(grace) ? grace : graceDays,
            claimTypes: [claimType],
            situation,
            stepsTaken: taken,
            ...(chosen ? { procedure: chosen } : {}),
          },
          rules,
        ),
      );
    } catch (e) {
      setNotice({ intent: 'error', text: isSaldoError(e) ? e.message : t.readFailed((e as Error).message) });
    }
  };

  const insert = async (out: StatusOnDate) => {
    setBusy(true);
    try {
      const written = await writeStatusSheet(out, sheet);
      setNotice({ intent: 'success', text: t.inserted(written.sheetName) });
    } catch (e) {
      setNotice({ intent: 'error', text: strings.plan.excelFailed((e as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="status-heading" className={styles.form}>
      <Title3 as="h2" id="status-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <SheetPicker value={sheet} onChange={setSheet} label={t.sheet} prefer={/afdragsplan/i} onError={(m) => setNotice({ intent: 'error', text: t.readFailed(m) })} />
      <Field label={t.payments}>
        <div className={styles.row}>
          <Button onClick={readPayments}>{t.readPayments}</Button>
          <Text size={200}>{payments ? t.paymentsRead(payments.list.length, payments.address) : t.noPayments}</Text>
        </div>
      </Field>
      <div className={styles.row}>
        <Field label={t.asOf}>
          <DateInput value={asOf} onChange={(v) => setAsOf(v)} />
        </Field>
        <Field label={t.graceDays}>
          <Input inputMode="numeric" value={graceDays} onChange={(_, d) => setGraceDays(d.value)} />
        </Field>
      </div>
      <Field label={t.claimType}>
        <Select className={own.fill} value={claimType} onChange={(_, d) => setClaimType(d.value)}>
          {Object.entries(rules.claimTypes.value).map(([type, rule]) => (
            <option key={type} value={type}>
              {rule.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.situation}>
        <Select className={own.fill} value={situation} onChange={(_, d) => setSituation(d.value === 'restance' ? 'restance' : 'misligholdt')}>
          <option value="misligholdt">{t.situations.misligholdt}</option>
          <option value="restance">{t.situations.restance}</option>
        </Select>
      </Field>
      <Field label={t.procedure}>
        <Select className={own.fill} value={chosen} onChange={(_, d) => setChosen(d.value)}>
          <option value="">{t.byPolitik(outline?.label ?? '')}</option>
          {Object.entries(rules.procedures.value).map(([id, p]) => (
            <option key={id} value={id}>
              {p.label}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.form} style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }}>
        <legend>
          <Text weight="semibold">{t.stepsTaken}</Text>
        </legend>
        <Text size={200}>{t.stepsTakenHint}</Text>
        {taken.map((x, i) => (
          <div key={i} className={own.taken}>
            <Select className={own.fill} aria-label={t.step(i + 1)} value={x.step} onChange={(_, d) => setStep(i, { step: d.value })}>
              {(outline?.steps ?? []).map((st) => (
                <option key={st.id} value={st.id}>
                  {st.action}
                </option>
              ))}
            </Select>
            <div className={styles.row}>
              <DateInput aria-label={t.stepDate(i + 1)} value={x.date} onChange={(v) => setStep(i, { date: v })} />
              <Button className={own.remove} aria-label={t.removeStep(i + 1)} onClick={() => setTaken((list) => list.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </div>
          </div>
        ))}
        <div>
          <Button onClick={() => setTaken((list) => [...list, { step: outline?.steps[list.length]?.id ?? outline?.steps[0]?.id ?? 'rykker1', date: asOf }])}>{t.addStep}</Button>
        </div>
      </fieldset>
      <div>
        <Button appearance="primary" disabled={!sheet} onClick={compute}>
          {t.compute}
        </Button>
      </div>

      {result && (
        <div className={styles.preview} aria-live="polite" data-testid="status-result">
          <Text block>
            {t.state}:{' '}
            <Badge appearance="filled" color={STATE_BADGE[result.state]}>
              {result.state}
            </Badge>
          </Text>
          <Text block>
            {t.arrears}: {kr(result.arrears)}
          </Text>
          <Text block>
            {t.breachDate}: {result.breachDate ? danishDate(result.breachDate) : t.notBreached}
          </Text>
          <Text block weight="semibold" data-testid="status-today">
            {result.procedure.today}
          </Text>
          <Text block size={200}>
            {result.procedure.why}
          </Text>
          {result.nextSteps.length > 0 && (
            <>
              <Text as="h3" weight="semibold" block>
                {t.nextSteps}
              </Text>
              <ol>
                {result.nextSteps.map((s) => (
                  <li key={s.step}>
                    {danishDate(s.earliest)}: {s.action} ({s.fee === 0 ? t.noFee : s.feeIsMaximum ? t.fee(kr(s.fee)) : t.feeTakst(kr(s.fee))}){' '}
                    {s.overdue && (
                      <Badge appearance="tint" color="danger">
                        {t.overdue}
                      </Badge>
                    )}{' '}
                    {s.optional && (
                      <Badge appearance="tint" color="informative">
                        {t.optional}
                      </Badge>
                    )}
                    <Text block size={200}>
                      {t.why}: {s.why}
                    </Text>
                  </li>
                ))}
              </ol>
            </>
          )}
          {result.warnings.map((w) => (
            <Text block key={w.message}>
              ⚠ {w.message}
            </Text>
          ))}
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => insert(result)}>
              {t.insert}
            </Button>
            {busy && <Spinner size="tiny" label={strings.plan.inserting} />}
          </div>
        </div>
      )}
      <NoticeBar notice={notice} />
    </section>
  );
}
