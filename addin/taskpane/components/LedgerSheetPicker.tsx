/** Picks a sheet: the ledger's (read in chunks, never written to) or an agreement's. */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import { listSheets, listTables, type LedgerSource } from '../../excel/workbook.js';
import { strings } from '../strings.js';

const t = strings.ledger;

export interface SheetPickerProps {
  value: string;
  onChange: (name: string) => void;
  onError: (message: string) => void;
  label?: string;
  help?: string;
  /** The sheet to pick first when the current one is gone. */
  prefer?: RegExp;
}

/** Picks a sheet of the workbook (listed once when shown, and again on "Opdater listen"). */
export function SheetPicker({ value, onChange, onError, label = t.source, help, prefer = /poster|ledger|restance/i }: SheetPickerProps): ReactElement {
  const [sheets, setSheets] = useState<string[]>([]);
  const refresh = async () => {
    try {
      const names = await listSheets();
      setSheets(names);
      if (!names.includes(value)) onChange(names.find((n) => prefer.test(n)) ?? names[0] ?? '');
    } catch (e) {
      onError((e as Error).message);
    }
  };
  useEffect(() => {
    void refresh();
    // once, when the page opens
  }, []);
  return (
    <>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Field label={label}>
          <Select value={value} onChange={(_, d) => onChange(d.value)}>
            {sheets.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={refresh}>{t.refresh}</Button>
      </div>
      {help && <Text block size={200}>{help}</Text>}
    </>
  );
}

/** A ledger source as the picker's value: "sheet:Name" or "table:Name". */
export function ledgerSourceOf(value: string): LedgerSource {
  return value.startsWith('table:') ? { kind: 'table', name: value.slice(6) } : { kind: 'sheet', name: value.replace(/^sheet:/, '') };
}

/** The ledger: a whole sheet or an Excel table, with the help text about its columns. */
export function LedgerSourcePicker({ value, onChange, onError }: { value: string; onChange: (v: string) => void; onError: (m: string) => void }): ReactElement {
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const refresh = async () => {
    try {
      const [sheets, tables] = await Promise.all([listSheets(), listTables()]);
      const all = [...tables.map((n) => ({ value: `table:${n}`, label: `${t.table} ${n}` })), ...sheets.map((n) => ({ value: `sheet:${n}`, label: `${t.sheet} ${n}` }))];
      setOptions(all);
      if (!all.some((o) => o.value === value)) onChange(all.find((o) => /poster|ledger|restance/i.test(o.value))?.value ?? all[0]?.value ?? '');
    } catch (e) {
      onError((e as Error).message);
    }
  };
  useEffect(() => {
    void refresh();
    // once, when the page opens
  }, []);
  return (
    <>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Field label={t.source}>
          <Select value={value} onChange={(_, d) => onChange(d.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={refresh}>{t.refresh}</Button>
      </div>
      <Text block size={200}>{t.sourceHelp}</Text>
    </>
  );
}
