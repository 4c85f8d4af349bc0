/** "Analyse": aging, month-by-month development and key figures on a date, written to a new sheet with charts. */
import { Button, Field, Input, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { parseDate, toDayNumber } from '../../../core/calendar/date.js';
import { isSaldoError } from '../../../core/errors.js';
import { analysisFromRows, analysisToJson } from '../../../core/ledger/ledgerJson.js';
import { readLedgerInChunks, writeAnalysisSheet } from '../../excel/workbook.js';
import { LedgerSourcePicker, ledgerSourceOf } from '../components/LedgerSheetPicker.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';
import { NoticeBar, ProgressField, today, type Notice } from '../components/NoticeBar.js';

const t = strings.analyse;

export function AnalysePage(): ReactElement {
  const styles = usePageStyles();
  const [sheet, setSheet] = useState('');
  const [asOf, setAsOf] = useState(today);
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  const run = async () => {
    setNotice(null);
    try {
      const day = toDayNumber(parseDate(asOf, 'Opgjort pr.'));
      const rows = await readLedgerInChunks(ledgerSourceOf(sheet), (done, total) => setProgress({ label: strings.ledger.reading(done, total), value: done / total }));
      const a = analysisToJson(analysisFromRows(rows, day));
      setProgress({ label: strings.ledger.writing, value: 1 });
      const written = await writeAnalysisSheet(a);
      setNotice({ intent: a.errors.length > 0 ? 'warning' : 'success', text: `${t.done(written)} ${strings.ledger.errors(a.errors.length)}` });
    } catch (e) {
      setNotice({ intent: 'error', text: isSaldoError(e) ? e.message : strings.ledger.failed((e as Error).message) });
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="analyse-heading" className={styles.form}>
      <Title3 as="h2" id="analyse-heading">{t.heading}</Title3>
      <Text block size={200}>{t.intro}</Text>
      <LedgerSourcePicker value={sheet} onChange={setSheet} onError={(m) => setNotice({ intent: 'error', text: strings.ledger.failed(m) })} />
      <Field label={t.asOf}>
        <Input type="date" value={asOf} onChange={(_, d) => setAsOf(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" disabled={!sheet || progress !== null} onClick={run}>{t.run}</Button>
      </div>
      <ProgressField progress={progress} />
      <NoticeBar notice={notice} />
    </section>
  );
}
