/** Pickers for where data is: a sheet (an agreement's schedule) or a ledger (an Excel table or a sheet). */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import { listSheets, listTables, type LedgerSource } from '../../excel/workbook.js';
import { strings } from '../strings.js';

const t = strings.ledger;

interface Option {
  value: string;
  label: string;
}

interface PickerProps {
  value: string;
  onChange: (value: string) => void;
  onError: (message: string) => void;
  label: string;
  help?: string;
  /** The option to pick first when the current one is gone. */
  prefer: RegExp;
  load: () => Promise<Option[]>;
}

/** A select filled from the workbook once when shown, and again on "Opdater listen". */
function WorkbookPicker({ value, onChange, onError, label, help, prefer, load }: PickerProps): ReactElement {
  const [options, setOptions] = useState<Option[]>([]);
  const refresh = async () => {
    try {
      const all = await load();
      setOptions(all);
      if (!all.some((o) => o.value === value)) onChange(all.find((o) => prefer.test(o.value))?.value ?? all[0]?.value ?? '');
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
            {options.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={refresh}>{t.refresh}</Button>
      </div>
      {help && <Text block size={200}>{help}</Text>}
    </>
  );
}

export interface SheetPickerProps {
  value: string;
  onChange: (name: string) => void;
  onError: (message: string) => void;
  label: string;
  prefer?: RegExp;
}

/** Picks a sheet by name. */
export function SheetPicker({ prefer = /.*/, ...props }: SheetPickerProps): ReactElement {
  return <WorkbookPicker {...props} prefer={prefer} load={async () => (await listSheets()).map((n) => ({ value: n, label: n }))} />;
}

/** A ledger source as the picker's value: "sheet:Name" or "table:Name". */
export function ledgerSourceOf(value: string): LedgerSource {
  return value.startsWith('table:') ? { kind: 'table', name: value.slice(6) } : { kind: 'sheet', name: value.replace(/^sheet:/, '') };
}

/** The ledger: an Excel table or a whole sheet, with the help text about its columns. */
export function LedgerSourcePicker(props: { value: string; onChange: (v: string) => void; onError: (m: string) => void }): ReactElement {
  const load = async () => {
    const [sheets, tables] = await Promise.all([listSheets(), listTables()]);
    return [...tables.map((n) => ({ value: `table:${n}`, label: `${t.table} ${n}` })), ...sheets.map((n) => ({ value: `sheet:${n}`, label: `${t.sheet} ${n}` }))];
  };
  return <WorkbookPicker {...props} label={t.source} help={t.sourceHelp} prefer={/poster|ledger|restance/i} load={load} />;
}
