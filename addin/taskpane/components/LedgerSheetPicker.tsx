/** Picks a sheet: the ledger's (read in chunks, never written to) or an agreement's. */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import { listSheets } from '../../excel/workbook.js';
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

/** The ledger's sheet, with the help text about its columns. */
export function LedgerSheetPicker(props: Omit<SheetPickerProps, 'label' | 'help'>): ReactElement {
  return <SheetPicker {...props} label={t.source} help={t.sourceHelp} />;
}
