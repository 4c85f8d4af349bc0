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
  /** Changing it reloads the list (after Saldo itself added a sheet or table). */
  reloadKey?: number;
}

/** A select filled from the workbook once when shown, and again on "Opdater listen". */
function WorkbookPicker({ value, onChange, onError, label, help, prefer, load, reloadKey = 0 }: PickerProps): ReactElement {
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
    // when the page opens, and when the page says the workbook changed
  }, [reloadKey]);
  return (
    <>
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <Field label={label}>
          <Select value={value} onChange={(_, d) => onChange(d.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={refresh}>{t.refresh}</Button>
      </div>
      {help && (
        <Text block size={200}>
          {help}
        </Text>
      )}
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

async function tablesAndSheets(): Promise<Option[]> {
  const [sheets, tables] = await Promise.all([listSheets(), listTables()]);
  return [...tables.map((n) => ({ value: `table:${n}`, label: `${t.table} ${n}` })), ...sheets.map((n) => ({ value: `sheet:${n}`, label: `${t.sheet} ${n}` }))];
}

export interface SourcePickerProps {
  value: string;
  onChange: (v: string) => void;
  onError: (m: string) => void;
  reloadKey?: number;
}

/** An Excel table or a whole sheet ("table:Name" / "sheet:Name"). */
export function TableOrSheetPicker(props: SourcePickerProps & { label: string; help?: string; prefer: RegExp }): ReactElement {
  return <WorkbookPicker {...props} load={tablesAndSheets} />;
}

/** The ledger: an Excel table or a whole sheet, with the help text about its columns. */
export function LedgerSourcePicker(props: SourcePickerProps): ReactElement {
  return <TableOrSheetPicker {...props} label={t.source} help={t.sourceHelp} prefer={/poster|ledger|restance/i} />;
}

/** An Excel table or a sheet, or none (the first option): one matching `prefer` is chosen when there is one. */
export function OptionalTableOrSheetPicker({ none, ...props }: SourcePickerProps & { label: string; help?: string; prefer: RegExp; none: string }): ReactElement {
  const load = async () => [{ value: '', label: none }, ...(await tablesAndSheets())];
  return <WorkbookPicker {...props} load={load} />;
}

/** Picks a sheet, or none: `first` sheets matching it come first, newest first, and are preferred. */
export function OptionalSheetPicker({ none, first, ...props }: SheetPickerProps & { none: string; first: RegExp; help?: string; reloadKey?: number }): ReactElement {
  const load = async () => {
    const sheets = await listSheets();
    const matching = sheets.filter((n) => first.test(n)).reverse();
    return [...matching, '', ...sheets.filter((n) => !first.test(n))].map((n) => ({ value: n, label: n === '' ? none : n }));
  };
  return <WorkbookPicker {...props} prefer={first} load={load} />;
}
