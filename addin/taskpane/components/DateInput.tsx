/**
 * A date typed the Danish way, whatever the WebView's language: `<input type="date">` shows the
 * browser's own order (mm/dd/yyyy in an English Windows), so a caseworker reading "02/01/2026"
 * cannot tell February from January. Here the date is text — 01-02-2026, 1.2.2026, 1/2/2026 or
 * 2026-02-01 — shown back as dd-mm-åååå; the page gets YYYY-MM-DD, or the text as typed when it
 * is no date, so core's check names what is wrong.
 */
import { Input, type InputProps } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import { danishDate, isoFromTyped } from '../../../core/report/format.js';

const shown = (value: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? danishDate(value) : value);

export function DateInput({ value, onChange, ...rest }: { value: string; onChange(value: string): void } & Omit<InputProps, 'value' | 'onChange' | 'type'>): ReactElement {
  const [text, setText] = useState(shown(value));
  // A value set from outside (a reset, a default) is shown; one the user is typing stays as typed.
  useEffect(() => {
    setText((typed) => ((isoFromTyped(typed) ?? typed.trim()) === value ? typed : shown(value)));
  }, [value]);
  return (
    <Input
      {...rest}
      inputMode="numeric"
      placeholder="dd-mm-åååå"
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        onChange(isoFromTyped(d.value) ?? d.value.trim());
      }}
      onBlur={() => setText(shown(value))}
    />
  );
}
