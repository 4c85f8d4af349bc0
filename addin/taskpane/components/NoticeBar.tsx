/** The page's one message to the user (never swallowed): success, info, warning or error. */
import { Field, MessageBar, MessageBarBody, ProgressBar } from '@fluentui/react-components';
import type { ReactElement } from 'react';

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
