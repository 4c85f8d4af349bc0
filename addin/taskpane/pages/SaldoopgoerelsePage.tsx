/**
 * "Saldoopgørelse": the year's statements from a ledger sheet, read in chunks with progress;
 * results (per claim, errors, optionally letters) go to new sheets. The ledger is never touched.
 */
import { Button, Checkbox, Field, Input, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { commands } from '../../../core/commands/index.js';
import { kr } from '../../../core/report/format.js';
import { timeBarredText } from '../../../core/report/ledgerTables.js';
import { writeStatementSheets } from '../../excel/workbook.js';
import { LedgerSourcePicker } from '../components/LedgerSheetPicker.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';
import { NoticeBar, ProgressField, today, useLedgerJob } from '../components/NoticeBar.js';
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
  const { progress, notice, report, read, run: runJob, fail } = useLedgerJob();

  const run = () =>
    runJob(async () => {
      const statementOf = commands.statementsOfRows({ year, yearPlace: t.year, maskCpr }, rules);
      const s = statementOf(await read(sheet));
      report(strings.ledger.writing, 0);
      const written = await writeStatementSheets(s, {
        ...(letters ? { letters: { kommune, contact, date: today(), rules } } : {}),
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
        text: `${t.done(written.sheets, s.totals.debtors, kr(s.totals.opening), kr(s.totals.closing))}${barredText === '' ? '' : ` ${barredText}`}${written.letters === null ? '' : ` Breve: ${written.letters}`} ${strings.ledger.errors(s.errors.length)}`,
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
        </div>
      )}
      <div>
        <Button appearance="primary" disabled={!sheet || progress !== null} onClick={run}>
          {t.run}
        </Button>
      </div>
      <ProgressField progress={progress} />
      <NoticeBar notice={notice} />
    </section>
  );
}
