/**
 * "Saldoopgørelse": the year's statements from a ledger sheet, read in chunks with progress;
 * results (per claim, errors, optionally letters) go to new sheets. The ledger is never touched.
 */
import { Button, Checkbox, Field, Input, Link, Text, Title3 } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { AgreementNote, Statement } from '../../../core/commands/index.js';
import { kr } from '../../../core/report/format.js';
import { timeBarredText } from '../../../core/report/ledgerTables.js';
import { readSourceAt, writeStatementSheets } from '../../excel/workbook.js';
import { LedgerSourcePicker, ledgerSourceOf, OptionalTableOrSheetPicker } from '../components/LedgerSheetPicker.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';
import { LedgerRunControls, today, useLedgerJob } from '../components/NoticeBar.js';
import { useRules } from '../rulesContext.js';

const t = strings.statements;

export function SaldoopgoerelsePage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const [sheet, setSheet] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [maskCpr, setMaskCpr] = useState(true);
  const [letters, setLetters] = useState(true);
  const [kommune, setKommune] = useState('Kommunen');
  const [contact, setContact] = useState('Opkrævningen');
  const [account, setAccount] = useState('');
  const [register, setRegister] = useState('');
  const { progress, notice, report, compute, stop, run: runJob, fail, mapping } = useLedgerJob();
  // The last statement run (and its running agreements), for PDF letters made from it without reading the ledger again.
  const [made, setMade] = useState<Statement | null>(null);
  const [agreements, setAgreements] = useState<ReadonlyMap<string, AgreementNote> | undefined>(undefined);
  const [only, setOnly] = useState('');
  const [template, setTemplate] = useState<{ bytes: Uint8Array; name: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [pdfs, setPdfs] = useState<{ combined: string; zip: string; year: number } | null>(null);
  // Blob URLs hold the PDFs in memory until let go.
  useEffect(
    () => () => {
      if (pdfs) for (const url of [pdfs.combined, pdfs.zip]) URL.revokeObjectURL(url);
    },
    [pdfs],
  );
  const settings = () => ({ kommune, contact, ...(account.trim() ? { account: account.trim() } : {}) });

  const makePdfs = () =>
    runJob(async () => {
      setPdfs(null);
      report(t.pdfMaking, 0);
      const { makeLetterPdfs } = await import(/* webpackChunkName: "letters" */ '../letterPdfs.js');
      const ids = only.split(/[\s,;]+/).filter((x) => x !== '');
      const result = await makeLetterPdfs({
        statement: made!,
        settings: settings(),
        date: today(),
        rules,
        ...(ids.length > 0 ? { only: ids } : {}),
        ...(template ? { template } : {}),
        ...(agreements ? { agreements } : {}),
        onProgress: (done, total) => report(t.pdfMaking, done / total),
      });
      const { letterPlanSummary } = await import('../../../core/report/ledgerTables.js');
      const unknown = result.unknown.length > 0 ? ` ${t.pdfUnknown(result.unknown)}` : '';
      // No one to write to is an answer with its reasons, not a failure of the PDF writer.
      if (!result.files) return { intent: 'warning', text: `${t.pdfNone} ${letterPlanSummary(result.plan)}${unknown}` };
      setPdfs({ combined: URL.createObjectURL(result.files.combined), zip: URL.createObjectURL(result.files.zip), year: made!.year });
      const notes = result.notes.length > 0 ? ` ${t.pdfTemplateNotes(result.notes)}` : '';
      return { intent: result.unknown.length > 0 || notes !== '' ? 'warning' : 'success', text: `${t.pdfMade} ${letterPlanSummary(result.plan)}${unknown}${notes}` };
    });

  const pickTemplate = async (file: File | undefined) => {
    if (!file) {
      if (fileInput.current) fileInput.current.value = '';
      return setTemplate(null);
    }
    setTemplate({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name });
  };

  const run = () =>
    runJob(async () => {
      const s = await compute(sheet, { kind: 'statements', input: { year, yearPlace: t.year, maskCpr } }, rules);
      // With the register, each agreement is checked on the letters' date against the same ledger (a second read).
      const read = letters && register !== '' ? await readSourceAt(ledgerSourceOf(register)) : undefined;
      const running = read ? await compute(sheet, { kind: 'agreements', input: { register: read.values, registerFirstRow: read.row, date: today() } }, rules) : undefined;
      setPdfs(null);
      // PDF letters are made from it on request (CPR masked in them whatever the sheets show).
      setMade(letters ? s : null);
      setAgreements(running?.notes);
      report(strings.ledger.writing, 0);
      const written = await writeStatementSheets(s, {
        ...(letters ? { letters: { ...settings(), date: today(), rules, ...(running ? { agreements: running.notes } : {}) } } : {}),
        onProgress: (done, total) => report(strings.ledger.writing, done / total),
      });
      // Forældede claims are worth a word before anyone writes to a citizen about them.
      let whole = 0;
      let partly = 0;
      for (const d of s.debtors) {
        for (const c of d.claims) {
          const barred = timeBarredText(c, s.year);
          if (barred === 'ja') whole += 1;
          else if (barred === 'delvis') partly += 1;
        }
      }
      const barredText = t.timeBarred(whole, partly);
      return {
        intent: s.errors.length > 0 ? 'warning' : 'success',
        text: `${t.done(written.sheets, s.totals.debtors, kr(s.totals.opening), kr(s.totals.closing))}${barredText === '' ? '' : ` ${barredText}`}${written.letters === null ? '' : ` Breve: ${written.letters}`}${
          running
            ? ` ${t.agreementsDone(
                running.running,
                running.notRunning.filter((x) => x.why === 'misligholdt').map((x) => x.id),
                running.errors.length,
              )}`
            : ''
        } ${strings.ledger.errors(s.errors.length)}`,
      };
    });

  return (
    <section aria-labelledby="statements-heading" className={styles.form}>
      <Title3 as="h2" id="statements-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <LedgerSourcePicker value={sheet} onChange={setSheet} onError={fail} />
      <div className={styles.row}>
        <Field label={t.year}>
          <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Checkbox label={t.maskCpr} checked={maskCpr} onChange={(_, d) => setMaskCpr(d.checked === true)} />
      </div>
      <Checkbox label={t.letters} checked={letters} onChange={(_, d) => setLetters(d.checked === true)} />
      {letters && (
        <div className={styles.row}>
          <Field label={t.kommune}>
            <Input value={kommune} onChange={(_, d) => setKommune(d.value)} />
          </Field>
          <Field label={t.contact}>
            <Input value={contact} onChange={(_, d) => setContact(d.value)} />
          </Field>
          <Field label={t.account} hint={t.accountHint}>
            <Input value={account} onChange={(_, d) => setAccount(d.value)} />
          </Field>
        </div>
      )}
      {letters && <OptionalTableOrSheetPicker value={register} onChange={setRegister} onError={fail} label={t.register} help={t.registerHelp} prefer={/aftale/i} none={t.noRegister} />}
      <LedgerRunControls label={t.run} ready={Boolean(sheet)} onRun={run} job={{ progress, stop, notice, mapping }} />
      {made && (
        <section aria-labelledby="pdf-heading" className={styles.form}>
          <Title3 as="h3" id="pdf-heading">
            {t.pdfHeading}
          </Title3>
          <Text block size={200}>
            {t.pdfIntro}
          </Text>
          <Field label={t.pdfOnly} hint={t.pdfOnlyHint}>
            <Input value={only} onChange={(_, d) => setOnly(d.value)} />
          </Field>
          <Field label={t.pdfTemplate} hint={template ? t.pdfTemplateChosen(template.name) : t.pdfTemplateHint}>
            <div className={styles.row}>
              {/* The browser's own file button speaks the browser's language: a Danish button opens it. */}
              <input
                ref={fileInput}
                type="file"
                hidden
                aria-label={t.pdfTemplate}
                accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                onChange={(e) => void pickTemplate(e.target.files?.[0])}
              />
              <Button onClick={() => fileInput.current?.click()}>{t.pdfTemplatePick}</Button>
              {template && <Button onClick={() => void pickTemplate(undefined)}>{t.pdfTemplateClear}</Button>}
            </div>
          </Field>
          <div>
            <Button appearance="primary" disabled={progress !== null} onClick={makePdfs}>
              {t.pdfRun}
            </Button>
          </div>
          {pdfs && (
            <ul aria-label={t.pdfSave}>
              <li>
                <Link href={pdfs.combined} download={`breve-${pdfs.year}.pdf`}>
                  {t.pdfCombined}
                </Link>
              </li>
              <li>
                <Link href={pdfs.zip} download={`breve-${pdfs.year}.zip`}>
                  {t.pdfZip}
                </Link>
              </li>
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
