/** Picks the sheet that holds the ledger (the add-in reads it in chunks and never writes to it). */
import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useEffect, useState, type ReactElement } from 'react';
import { listSheets } from '../../excel/workbook.js';
import { strings } from '../strings.js';

const t = strings.ledger;

export function LedgerSheetPicker({ value, onChange, onError }: { value: string; onChange: (name: string) => void; onError: (message: string) => void }): ReactElement {
  const [sheets, setSheets] = useState<string[]>([]);
  const refresh = async () => {
    try {
      const names = await listSheets();
      setSheets(names);
      if (!names.includes(value)) onChange(names.find((n) => /poster|ledger|restance/i.test(n)) ?? names[0] ?? '');
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
            {sheets.map((n) => (
              <option key={n} value={n}>{n}</option>
            ))}
          </Select>
        </Field>
        <Button onClick={refresh}>{t.refresh}</Button>
      </div>
      <Text block size={200}>{t.sourceHelp}</Text>
    </>
  );
}
