/**
 * "Betalingsaftale": the agreement's fields, a live preview computed by core on every change, and
 * "Indsæt i nyt ark", which writes the schedule to a new sheet through the workbook adapter.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Title3, tokens } from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { commands, type CaseLetter, type CaseParty, type KommuneSettings, type Schedule } from '../../../core/commands/index.js';
import { writePlanSheet } from '../../excel/workbook.js';
import { AgreementFields } from '../components/AgreementFields.js';
import { PlanPreview } from '../components/PlanPreview.js';
import { NoticeBar, type Notice } from '../components/NoticeBar.js';
import { CaseLetterPanel } from '../components/CaseLetterPanel.js';
import { emptyForm, formToPlanInput, outcomeOf, started, type FormField, type PlanForm } from '../planForm.js';
import { strings } from '../strings.js';
import { useRules } from '../rulesContext.js';

const t = strings.plan;

export const usePageStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  preview: { padding: '12px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
});

export type { Notice } from '../components/NoticeBar.js';

export function BetalingsaftalePage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const [form, setForm] = useState<PlanForm>(emptyForm);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const outcome = useMemo(() => outcomeOf(() => commands.plan(formToPlanInput(form), rules)), [form, rules]);
  const showErrors = started(form);
  const fieldError = (field: FormField) => (showErrors && outcome.error?.field === field ? outcome.error.message : undefined);
  // The letter is made from the form as it is when asked for; one function for the page's life,
  // so the letter panel does not render again on each keystroke.
  const latest = useRef({ form, rules, plan: outcome.value });
  useLayoutEffect(() => {
    latest.current = { form, rules, plan: outcome.value };
  });
  const letterOf = useCallback((party: CaseParty, settings: KommuneSettings, date: string): CaseLetter => {
    const { form, rules, plan } = latest.current;
    const input = formToPlanInput(form);
    return commands.agreementLetter({ schedule: plan!, frequency: input.frequency ?? 'monthly', types: input.claims.map((c) => c.type ?? 'andet'), party, settings, date }, rules);
  }, []);

  const insert = async (plan: Schedule) => {
    setBusy(true);
    setNotice(null);
    try {
      const written = await writePlanSheet(plan, form.reference);
      setNotice({ intent: 'success', text: t.inserted(written.sheetName, written.rows) });
    } catch (e) {
      setNotice({ intent: 'error', text: t.excelFailed((e as Error).message) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-heading" className={styles.form}>
      <Title3 as="h2" id="plan-heading">
        {t.heading}
      </Title3>
      <AgreementFields form={form} setForm={setForm} fieldError={fieldError} onNotice={setNotice} />
      {showErrors && outcome.error?.field === 'form' && (
        <MessageBar intent="error">
          <MessageBarBody>{outcome.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.preview} aria-live="polite" aria-labelledby="preview-heading">
        <Text as="h3" weight="semibold" block id="preview-heading">
          {t.preview}
        </Text>
        {outcome.value ? (
          <PlanPreview plan={outcome.value} />
        ) : (
          <Text block size={200}>
            {t.previewEmpty}
          </Text>
        )}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!outcome.value || busy} onClick={() => outcome.value && insert(outcome.value)}>
          {t.insert}
        </Button>
        {busy && <Spinner size="tiny" label={t.inserting} />}
      </div>
      <NoticeBar notice={notice} />
      <CaseLetterPanel kind="aftalebrev" reference={form.reference} letterOf={outcome.value ? letterOf : null} />
    </section>
  );
}
