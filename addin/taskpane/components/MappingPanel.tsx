/**
 * "Kortlæg jeres egne ord": when a ledger's headers lack a column Saldo needs, or its rows have
 * kinds Saldo does not know, the page offers this panel. The user says once what each word means;
 * the answers are checked by core (a word Saldo already reads one way cannot mean another) and
 * added to the workbook's Saldo-kortlægning sheet, which every ledger page then reads.
 */
import { Button, Field, Select, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { isSaldoError } from '../../../core/errors.js';
import { FIELD_NAMES, MAPPING_HEADER, mappingFromRows, POSTING_KINDS, type LedgerField } from '../../../core/commands/mapping.js';
import { addMappingRows } from '../../excel/mappingSheet.js';
import { strings } from '../strings.js';

const t = strings.mapping;

/** What a run found Saldo could not read: missing columns with the headers it did not read, and unknown kinds by word. */
export interface MappingOffer {
  missing: LedgerField[];
  unread: string[];
  kinds: Array<{ kind: string; rows: number }>;
  /** The workbook's mapping sheet as read for the run (to check new rows against it). */
  sheet: unknown[][] | undefined;
}

export function MappingPanel({ offer, onSaved }: { offer: MappingOffer | null; onSaved: (message: string) => void }): ReactElement | null {
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [kinds, setKinds] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState('');
  const [saving, setSaving] = useState(false);
  if (!offer || (offer.missing.length === 0 && offer.kinds.length === 0)) return null;

  const rows = (): Array<[string, string, string]> => [
    ...offer.missing.flatMap((f): Array<[string, string, string]> => (columns[f] ? [['kolonne', columns[f], FIELD_NAMES[f]]] : [])),
    ...offer.kinds.flatMap(({ kind }): Array<[string, string, string]> => (kinds[kind] ? [['art', kind, kinds[kind]]] : [])),
  ];
  const save = async () => {
    const added = rows();
    if (added.length === 0) return setProblem(t.nothingChosen);
    try {
      // Checked as the whole sheet will read, before anything is written.
      const [header, ...before] = offer.sheet ?? [[...MAPPING_HEADER]];
      mappingFromRows([header ?? [...MAPPING_HEADER], ...before, ...added]);
    } catch (e) {
      return setProblem(isSaldoError(e) ? e.message : String(e));
    }
    setSaving(true);
    try {
      await addMappingRows(added);
      setProblem('');
      onSaved(t.saved(added.length));
    } catch (e) {
      setProblem(t.saveFailed((e as Error).message));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="mapping-heading" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      <Title3 as="h3" id="mapping-heading">
        {t.heading}
      </Title3>
      <Text block>{t.intro}</Text>
      {offer.missing.map((f) => (
        <Field key={f} label={t.columnQuestion(FIELD_NAMES[f])}>
          <Select value={columns[f] ?? ''} onChange={(_, d) => setColumns({ ...columns, [f]: d.value })}>
            <option value="">{t.choose}</option>
            {offer.unread.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {offer.kinds.map(({ kind, rows: n }) => (
        <Field key={kind} label={t.kindQuestion(kind, n)}>
          <Select value={kinds[kind] ?? ''} onChange={(_, d) => setKinds({ ...kinds, [kind]: d.value })}>
            <option value="">{t.skip}</option>
            {POSTING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.kindLabels[k]}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      {problem && (
        <Text block role="alert">
          {problem}
        </Text>
      )}
      <div>
        <Button appearance="primary" disabled={saving} onClick={() => void save()}>
          {t.save}
        </Button>
      </div>
    </section>
  );
}
