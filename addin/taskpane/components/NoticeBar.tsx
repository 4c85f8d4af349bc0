/** The page's one message to the user (never swallowed): success, info, warning or error. */
import { Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { isSaldoError } from '../../../core/errors.js';
import { readLedgerInChunks } from '../../excel/workbook.js';
import { strings } from '../strings.js';
import { ledgerSourceOf } from './LedgerSheetPicker.js';

export type Notice = { intent: 'success' | 'error' | 'info' | 'warning'; text: string } | null;

export function NoticeBar({ notice }: { notice: Notice }): ReactElement | null {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/** Progress of long work (reading or writing a ledger), with what is happening in words. */
export function ProgressField({ progress }: { progress: { label: string; value: number } | null }): ReactElement | null {
  if (!progress) return null;
  return (
    <Field validationMessage={progress.label} validationState="none">
      <ProgressBar value={progress.value} />
    </Field>
  );
}

/** Today as YYYY-MM-DD in the user's own time zone (the add-in may read the clock; core may not). */
export const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Long work on a ledger: reads it in chunks with progress, runs the job, and shows its result or
 * its error (never swallowed). The Saldoopgørelse and Analyse pages share it.
 */
export function useLedgerJob() {
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const report = (label: string, value: number) => setProgress({ label, value });
  const read = (source: string) => readLedgerInChunks(ledgerSourceOf(source), (done, total) => report(strings.ledger.reading(done, total), done / total));
  const run = async (job: () => Promise<Notice>) => {
    setNotice(null);
    try {
      setNotice(await job());
    } catch (e) {
      setNotice({ intent: 'error', text: isSaldoError(e) ? e.message : strings.ledger.failed((e as Error).message) });
    } finally {
      setProgress(null);
    }
  };
  const fail = (message: string) => setNotice({ intent: 'error', text: strings.ledger.failed(message) });
  return { progress, notice, report, read, run, fail };
}
