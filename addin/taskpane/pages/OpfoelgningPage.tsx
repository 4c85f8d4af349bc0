/**
 * "Opfølgning": the quarter's follow-up on goals in the ministry's template. Reads a goals table
 * and a counts table (or writes a bundled template first), and last follow-up's sheet for the
 * typed cause/action text; builds the follow-up on new sheets. Nothing the user wrote is changed:
 * next quarter's follow-up is a new sheet, and last quarter's stays as it was reported.
 */
import { Badge, Button, Checkbox, Field, Input, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title3 } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { commands, type Followup, type GoalStatus as Status } from '../../../core/commands/index.js';
import { countsToTable, goalsToTable, goalTableFormats, MONTHS, shown } from '../../../core/report/followupLabels.js';
import { previousTextFromRows } from '../../../core/report/followupTable.js';
import { readSheetValues, readSourceAt, writeFollowupSheets, writeTemplateTables } from '../../excel/workbook.js';
import { ledgerSourceOf, OptionalSheetPicker, TableOrSheetPicker } from '../components/LedgerSheetPicker.js';
import { NoticeBar, ProgressField, useLedgerJob } from '../components/NoticeBar.js';
import { FOLLOWUP_TEMPLATES } from '../followupTemplates.js';
import { strings } from '../strings.js';
import { usePageStyles } from './BetalingsaftalePage.js';
import { useRules } from '../rulesContext.js';

const t = strings.followup;
const BADGE: Record<Status, 'success' | 'warning' | 'danger'> = { grøn: 'success', gul: 'warning', rød: 'danger' };
/** "Til og med": the last period with counts, or a chosen quarter or month (a zero that means "not yet"). */
const PERIODS: ReadonlyArray<readonly [string, string]> = [
  ['', strings.followup.periodAuto],
  ...[1, 2, 3, 4].map((q) => [`Q${q}`, `${q}. kvartal`] as const),
  ...MONTHS.map((m, i) => [`M${String(i + 1).padStart(2, '0')}`, m] as const),
];
/** Not an option of the previous-sheet picker, so it picks the newest follow-up sheet when it loads. */
const NEWEST = '\u0000';

export function OpfoelgningPage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const [goals, setGoals] = useState('');
  const [counts, setCounts] = useState('');
  const [previous, setPrevious] = useState(NEWEST);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [period, setPeriod] = useState('');
  const [templateId, setTemplateId] = useState(FOLLOWUP_TEMPLATES[0]!.id);
  const [withCounts, setWithCounts] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [result, setResult] = useState<Followup | null>(null);
  const { progress, notice, report, run: runJob, fail } = useLedgerJob();

  const createTemplate = () =>
    runJob(async () => {
      const template = FOLLOWUP_TEMPLATES.find((x) => x.id === templateId)!;
      const [goalsTable, countsTable] = await writeTemplateTables([
        { name: 'Mål', rows: goalsToTable(template.goals), formats: goalTableFormats(template.goals) },
        { name: 'Tal', rows: countsToTable(template.data, withCounts) },
      ]);
      setGoals(`table:${goalsTable}`);
      setCounts(`table:${countsTable}`);
      if (withCounts) setYear(String(template.year));
      setReloadKey((k) => k + 1);
      return { intent: 'success', text: t.templateDone(goalsTable!, countsTable!) };
    });

  const build = () =>
    runJob(async () => {
      const followupOf = await commands.followupOfTables({ year, yearPlace: t.year }, rules);
      const progress = (done: number, total: number) => report(strings.ledger.reading(done, total), done / total);
      const goalTable = await readSourceAt(ledgerSourceOf(goals), progress);
      const countTable = await readSourceAt(ledgerSourceOf(counts), progress);
      const previousSheet = previous === NEWEST ? '' : previous;
      const carried = previousSheet ? previousTextFromRows(await readSheetValues(previousSheet)) : [];
      const f = followupOf({
        goals: goalTable.values,
        goalsAt: goalTable,
        counts: countTable.values,
        countsAt: countTable,
        previous: carried,
        ...(period ? { period } : {}),
      });
      report(strings.ledger.writing, 1);
      const written = await writeFollowupSheets(f, t.note(ledgerSourceOf(goals).name, ledgerSourceOf(counts).name));
      setResult(f);
      // The sheet just written is the one the next follow-up carries text from.
      setPrevious(NEWEST);
      setReloadKey((k) => k + 1);
      const tally = (s: Status | null) => f.rows.filter((r) => r.status === s).length;
      const kept = f.carriedOver.length;
      const text = [t.built(written.sheetName, written.chartSheetName), t.tally(tally('grøn'), tally('gul'), tally('rød'), tally(null)), kept > 0 ? t.carried(kept, previousSheet) : '', ...f.warnings]
        .filter((x) => x !== '')
        .join(' ');
      return { intent: f.warnings.length > 0 ? 'warning' : 'success', text };
    });

  return (
    <section aria-labelledby="followup-heading" className={styles.form}>
      <Title3 as="h2" id="followup-heading">
        {t.heading}
      </Title3>
      <Text block size={200}>
        {t.intro}
      </Text>
      <fieldset className={styles.preview} style={{ display: 'flex', flexDirection: 'column', gap: 8, minWidth: 0 }}>
        <legend>{t.templateHeading}</legend>
        <Field label={t.template}>
          <Select value={templateId} onChange={(_, d) => setTemplateId(d.value)}>
            {FOLLOWUP_TEMPLATES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox label={t.exampleCounts} checked={withCounts} onChange={(_, d) => setWithCounts(d.checked === true)} />
        <div>
          <Button disabled={progress !== null} onClick={createTemplate}>
            {t.createTemplate}
          </Button>
        </div>
      </fieldset>
      <TableOrSheetPicker value={goals} onChange={setGoals} onError={fail} label={t.goals} help={t.goalsHelp} prefer={/^(table|sheet):Mål/i} reloadKey={reloadKey} />
      <TableOrSheetPicker value={counts} onChange={setCounts} onError={fail} label={t.counts} help={t.countsHelp} prefer={/^(table|sheet):Tal/i} reloadKey={reloadKey} />
      <OptionalSheetPicker value={previous} onChange={setPrevious} onError={fail} label={t.previous} none={t.noPrevious} first={/^Opfølgning /} reloadKey={reloadKey} />
      <div className={styles.row}>
        <Field label={t.year}>
          <Input inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} />
        </Field>
        <Field label={t.period}>
          <Select value={period} onChange={(_, d) => setPeriod(d.value)}>
            {PERIODS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div>
        <Button appearance="primary" disabled={!goals || !counts || progress !== null} onClick={build}>
          {t.build}
        </Button>
      </div>
      <ProgressField progress={progress} />
      <NoticeBar notice={notice} />
      {result && (
        <Table size="extra-small" aria-label={t.result} data-testid="followup-result">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '3.5em' }}>Nr.</TableHeaderCell>
              <TableHeaderCell>Mål</TableHeaderCell>
              <TableHeaderCell style={{ width: '5.5em' }}>År til dato</TableHeaderCell>
              <TableHeaderCell style={{ width: '5em' }}>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{r.id}</TableCell>
                <TableCell>{r.name}</TableCell>
                <TableCell>{r.ytd === null ? '' : shown(r.ytd, r.unit)}</TableCell>
                <TableCell>
                  {r.status ? (
                    <Badge appearance="tint" color={BADGE[r.status]}>
                      {r.status}
                    </Badge>
                  ) : (
                    t.noData
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
