/**
 * The rykker log (issue 20): the steps a team has taken on its agreements, one row per step — what
 * the ledger cannot show, since only a rykker with a fee leaves a posting (a call, a varsel without
 * fee, a medhæfter's letter). For an agreement the log names, the work list takes its steps from
 * the log; for the others it still reads them off the ledger's rykkergebyrer.
 *
 *   Aftale | Trin    | Dato
 *   A2     | rykker1 | 03-02-2026
 *   A2     | opkald  | 13-02-2026
 *
 * A row that cannot be read is a row error with its row and a Danish reason, never dropped.
 */
import { fromDayNumber, type CalendarDate } from '../calendar/date.js';
import { headerWords, matchHeaders } from '../input/headers.js';
import { dateValue, shownCellText, type RowError } from '../ledger/posting.js';
import { SaldoError, showValue } from '../errors.js';
import type { RuleSet } from '../rules/ruleSet.js';

export interface LoggedStep {
  step: string;
  date: CalendarDate;
  /** The log's row, for messages. */
  row: number;
}

export interface StepLog {
  /** The steps by agreement id, in the log's order. */
  steps: ReadonlyMap<string, readonly LoggedStep[]>;
  errors: RowError[];
}

type StepField = 'agreement' | 'step' | 'date';
const WORDS = headerWords<StepField>({
  agreement: ['aftale', 'aftalenr', 'aftale nr', 'aftale-id', 'agreement'],
  step: ['trin', 'skridt', 'handling', 'step'],
  date: ['dato', 'taget', 'sendt', 'date'],
});

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/** Every step id of the politik's procedures. */
const knownSteps = (rules: RuleSet): string[] => [...new Set(Object.values(rules.procedures.value).flatMap((p) => p.steps.map((s) => s.id)))];

/**
 * The log's rows (the header first; `firstRow` is its row number in the sheet or file). A step is
 * named by the politik's id, in any case and with or without spaces ("Rykker 1" is rykker1).
 */
export function readStepLog(rows: ReadonlyArray<readonly unknown[]>, rules: RuleSet, firstRow = 1): StepLog {
  const header = rows[0] ?? [];
  const { columns: at, doubled } = matchHeaders(header, WORDS);
  if (at.agreement === undefined || at.step === undefined || at.date === undefined || doubled.length > 0) {
    throw new SaldoError('UGYLDIGT_INPUT', 'steps', header, `Rykkerloggen skal have overskrifterne Aftale, Trin og Dato (fandt ${header.map((h) => showValue(h)).join(', ') || 'ingen'}).`);
  }
  const known = knownSteps(rules);
  const steps = new Map<string, LoggedStep[]>();
  const errors: RowError[] = [];
  rows.slice(1).forEach((cells, i) => {
    const row = firstRow + 1 + i;
    const id = text(cells[at.agreement!]);
    const stepRaw = text(cells[at.step!]);
    const dateRaw = cells[at.date!];
    if (id === '' && stepRaw === '' && (dateRaw === undefined || dateRaw === null || dateRaw === '')) return;
    const fail = (message: string) => void errors.push({ row, message: `Rykkerloggen: ${message}` });
    if (id === '') return fail('Aftale mangler.');
    const step = stepRaw.toLowerCase().replace(/\s+/g, '');
    if (!known.includes(step)) return fail(`Trin ${shownCellText(stepRaw)} er ikke et trin i politikken; brug en af ${known.join(', ')}.`);
    const day = dateValue(dateRaw);
    if (day === null) return fail('Dato mangler.');
    if (day === 'bad') return fail(`Datoen ${shownCellText(text(dateRaw))} er ikke en gyldig dato (brug dd-mm-åååå).`);
    const list = steps.get(id) ?? [];
    list.push({ step, date: fromDayNumber(day), row });
    steps.set(id, list);
  });
  return { steps, errors };
}
