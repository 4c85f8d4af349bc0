/** The page's one message to the user (never swallowed): success, info, warning or error. */
import { Button, Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import { createElement, useRef, useState, type ReactElement } from 'react';
import { isSaldoError } from '../../../core/errors.js';
import { headerGaps, mappingOf, unknownKindCounts, unknownKindsText, type RowError } from '../../../core/commands/mapping.js';
import { readMappingSheet } from '../../excel/mappingSheet.js';
import { MappingPanel, type MappingOffer } from './MappingPanel.js';
import type { RuleSet } from '../../../core/rules/ruleSet.js';
import { readSourceInPieces } from '../../excel/workbook.js';
import { LedgerJobCancelled, startLedgerJob, type LedgerJob, type LedgerResult } from '../ledger/ledgerJob.js';
import { strings } from '../strings.js';
import { ledgerSourceOf } from './LedgerSheetPicker.js';

/** `details`: points each on a line of their own under the text (a run's warnings), not run together into one paragraph. */
export type Notice = { intent: 'success' | 'error' | 'info' | 'warning'; text: string; details?: readonly string[] } | null;

export function NoticeBar({ notice }: { notice: Notice }): ReactElement | null {
  if (!notice) return null;
  const details = notice.details ?? [];
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>
        {notice.text}
        {details.length > 0 && (
          <ul style={{ margin: '4px 0 0', paddingLeft: '1.2em' }}>
            {details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Progress of long work (reading or writing a ledger), with what is happening in words; `value` null while the amount is unknown. */
export function ProgressField({ progress, onStop }: { progress: { label: string; value: number | null } | null; onStop?: (() => void) | null }): ReactElement | null {
  if (!progress) return null;
  return (
    <>
      <Field validationMessage={progress.label} validationState="none">
        <ProgressBar {...(progress.value === null ? {} : { value: progress.value })} />
      </Field>
      {onStop && (
        <div>
          <Button size="small" onClick={onStop}>
            {strings.ledger.stop}
          </Button>
        </div>
      )}
    </>
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
  const [progress, setProgress] = useState<{ label: string; value: number | null } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // The running computation's stop, while it can still be stopped (reading and computing; not writing).
  const [stop, setStop] = useState<(() => void) | null>(null);
  const stopped = useRef(false);
  const [offer, setOffer] = useState<MappingOffer | null>(null);
  const unknownKinds = useRef('');
  const report = (label: string, value: number | null) => setProgress({ label, value });

  /**
   * Reads a ledger piece by piece into a computation off the UI thread (ledger/ledgerJob.ts):
   * the year or date is checked first, the pane stays responsive, and Stop ends it with nothing written.
   */
  const compute = async <J extends LedgerJob>(source: string, job: J, rules: RuleSet): Promise<LedgerResult<J>> => {
    setOffer(null);
    unknownKinds.current = '';
    // The workbook's own words for the ledger's columns and kinds (the Saldo-kortlægning sheet).
    const sheet = await readMappingSheet();
    const mapped = sheet === undefined ? job : { ...job, input: { ...job.input, mapping: sheet } };
    const computation = await startLedgerJob(mapped, rules);
    let header: unknown[] | undefined;
    const abort = new AbortController();
    stopped.current = false;
    setStop(() => () => {
      stopped.current = true;
      abort.abort();
      computation.cancel();
    });
    try {
      await readSourceInPieces(
        ledgerSourceOf(source),
        (rows) => {
          header ??= rows[0];
          computation.add(rows);
        },
        (done, total) => report(strings.ledger.reading(done, total), done / total),
        undefined,
        abort.signal,
      );
      report(strings.ledger.computing, null);
      const result = await computation.result();
      // Unknown kinds are row errors; the run says which, and offers to map them.
      const errors: readonly RowError[] = 'ledgerErrors' in result ? result.ledgerErrors : result.errors;
      const kinds = unknownKindCounts(errors);
      if (kinds.length > 0) {
        unknownKinds.current = unknownKindsText(errors);
        setOffer({ missing: [], unread: [], kinds, sheet });
      }
      return result;
    } catch (e) {
      computation.cancel();
      // A column Saldo needs is missing: offer to say which of the ledger's headers it is.
      if (isSaldoError(e) && e.code === 'MANGLER' && header !== undefined && !stopped.current) {
        const gaps = headerGaps(header, mappingOf(sheet));
        if (gaps.missing.length > 0 && gaps.unread.length > 0) setOffer({ ...gaps, kinds: [], sheet });
      }
      throw stopped.current ? new LedgerJobCancelled() : e;
    } finally {
      setStop(null);
    }
  };

  const run = async (job: () => Promise<Notice>) => {
    setNotice(null);
    unknownKinds.current = '';
    try {
      const done = await job();
      setNotice(done && unknownKinds.current !== '' ? { ...done, intent: 'warning', text: `${done.text} ${unknownKinds.current}` } : done);
    } catch (e) {
      if (e instanceof LedgerJobCancelled) setNotice({ intent: 'info', text: strings.ledger.stopped });
      else setNotice({ intent: 'error', text: isSaldoError(e) ? e.message : strings.ledger.failed((e as Error).message) });
    } finally {
      setProgress(null);
    }
  };
  const fail = (message: string) => setNotice({ intent: 'error', text: strings.ledger.failed(message) });
  // The offer to map the ledger's own words, shown under the page's notice.
  const mapping = createElement(MappingPanel, {
    offer,
    onSaved: (message: string) => {
      setOffer(null);
      setNotice({ intent: 'success', text: message });
    },
  });
  return { progress, notice, report, compute, stop, run, fail, mapping };
}

/**
 * A ledger page's run button, its progress with Stop, its notice and the offer to map the
 * ledger's own words: the same on every ledger page. `ready`: what the page needs is chosen (the
 * button is also off while a job runs).
 */
export function LedgerRunControls({
  label,
  ready,
  onRun,
  job,
}: {
  label: string;
  ready: boolean;
  onRun: () => void;
  job: Pick<ReturnType<typeof useLedgerJob>, 'progress' | 'stop' | 'notice' | 'mapping'>;
}): ReactElement {
  return (
    <>
      <div>
        <Button appearance="primary" disabled={!ready || job.progress !== null} onClick={onRun}>
          {label}
        </Button>
      </div>
      <ProgressField progress={job.progress} onStop={job.stop} />
      <NoticeBar notice={job.notice} />
      {job.mapping}
    </>
  );
}
