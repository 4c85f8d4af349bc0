/**
 * "Opfølgning": the quarter's follow-up on goals in the ministry's template. Reads a goals table
 * and a counts table (or writes a bundled template first), optionally last year's counts (for
 * "Hvad skal der til"), and last follow-up's sheet for the typed cause/action text; builds the
 * follow-up on new sheets. Nothing the user wrote is changed: next quarter's follow-up is a new
 * sheet, and last quarter's stays as it was reported.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useState, type ReactElement } from 'react';
import { commands, type Followup, type GoalStatus as Status } from '../../../core/commands/index.js';
import { countsToTable, goalsToTable, goalTableFormats, MONTHS, shown, statusWord } from '../../../core/report/followupLabels.js';
import { previousTextFromRows } from '../../../core/report/followupTable.js';
import { readSheetValues, readSourceAt, writeFollowupSheets, writeTemplateTables } from '../../excel/workbook.js';
import { ledgerSourceOf, OptionalSheetPicker, OptionalTableOrSheetPicker, TableOrSheetPicker } from '../components/LedgerSheetPicker.js';
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

type Row = Followup['rows'][number];

/**
 * The line under a goal's name: what its status rests on, as core says it. A milestone goal: how
 * many are reached and which are late; a sample goal: the interval the sample allows; any other:
 * "Hvad skal der til" ('' when it cannot be told, or for a goal without a target).
 */
function noteOf(r: Row): string {
  if (r.kind === 'milestone') return r.statusNote;
  if (r.interval) return t.interval(shown(r.interval.low, 'percent').replace(' %', ''), shown(r.interval.high, 'percent'), r.interval.n);
  return r.needText;
}

/**
 * At 320 px the goal's name needs the room: the other columns are as narrow as their contents
 * ("1.2a", "14,8 %" or "12.000", a badge) with half Fluent's cell padding, so a long Danish
 * compound ("sagsbehandlerkompetencer") fits on a line. A longer name or figure breaks rather than
 * running into the next column (the e2e test checks that every cell holds its text at 320 px).
 */
const useResultStyles = makeStyles({
  cell: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  // The table's text lines up with the form's left and right edges.
  id: { width: '2em', paddingLeft: 0 },
  figure: { width: '4em', overflowWrap: 'anywhere' },
  status: { width: '3.5em', paddingRight: 0 },
  name: { overflowWrap: 'anywhere' },
  last: { paddingRight: 0 },
  // Nothing to click in a row: no hover shade, which would light up a goal without the line under it.
  row: { ':hover': { backgroundColor: 'transparent', color: 'inherit' } },
  // A goal's row and the line under it read as one: no rule between them.
  joined: { borderBottomStyle: 'none' },
  note: { paddingTop: 0, paddingBottom: '6px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export function OpfoelgningPage(): ReactElement {
  const rules = useRules();
  const styles = usePageStyles();
  const resultStyles = useResultStyles();
  const [goals, setGoals] = useState('');
  const [counts, setCounts] = useState('');
  const [lastYear, setLastYear] = useState('');
  const [quarters, setQuarters] = useState(false);
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
      // Last year's counts are example figures too: written only with them, and then used.
      const withLastYear = withCounts && template.lastYear !== undefined;
      const [goalsTable, countsTable, lastYearTable] = await writeTemplateTables([
        { name: 'Mål', rows: goalsToTable(template.goals), formats: goalTableFormats(template.goals) },
        { name: 'Tal', rows: countsToTable(template.data, withCounts) },
        ...(withLastYear ? [{ name: 'Tal sidste år', rows: countsToTable(template.lastYear!, true) }] : []),
      ]);
      setGoals(`table:${goalsTable}`);
      setCounts(`table:${countsTable}`);
      setLastYear(lastYearTable ? `table:${lastYearTable}` : '');
      if (withCounts) setYear(String(template.year));
      setReloadKey((k) => k + 1);
      return { intent: 'success', text: t.templateDone(goalsTable!, countsTable!, lastYearTable ?? null) };
    });

  const build = () =>
    runJob(async () => {
      const followupOf = await commands.followupOfTables({ year, yearPlace: t.year }, rules);
      const progress = (done: number, total: number) => report(strings.ledger.reading(done, total), done / total);
      const goalTable = await readSourceAt(ledgerSourceOf(goals), progress);
      const countTable = await readSourceAt(ledgerSourceOf(counts), progress);
      const lastYearTable = lastYear ? await readSourceAt(ledgerSourceOf(lastYear), progress) : null;
      const previousSheet = previous === NEWEST ? '' : previous;
      const carried = previousSheet ? previousTextFromRows(await readSheetValues(previousSheet)) : [];
      const f = followupOf({
        goals: goalTable.values,
        goalsAt: goalTable,
        counts: countTable.values,
        countsAt: countTable,
        previous: carried,
        quarters,
        ...(lastYearTable ? { lastYear: lastYearTable.values, lastYearAt: lastYearTable } : {}),
        ...(period ? { period } : {}),
      });
      report(strings.ledger.writing, 1);
      const written = await writeFollowupSheets(f, t.note(ledgerSourceOf(goals).name, ledgerSourceOf(counts).name, lastYear ? ledgerSourceOf(lastYear).name : null));
      setResult(f);
      // The sheet just written is the one the next follow-up carries text from.
      setPrevious(NEWEST);
      setReloadKey((k) => k + 1);
      const tally = (word: string) => f.rows.filter((r) => statusWord(r) === word).length;
      const kept = f.carriedOver.length;
      const text = [
        t.built(written.sheetName, written.chartSheetName, written.monthSheetName, written.annualSheetName),
        t.tally(tally('grøn'), tally('gul'), tally('rød'), tally('ingen data'), tally('følges')),
        kept > 0 ? t.carried(kept, previousSheet) : '',
      ]
        .filter((x) => x !== '')
        .join(' ');
      // Each warning on a line of its own: a milestone marked done after the period, a period left out, …
      return { intent: f.warnings.length > 0 ? 'warning' : 'success', text, details: f.warnings };
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
      <TableOrSheetPicker value={counts} onChange={setCounts} onError={fail} label={t.counts} help={t.countsHelp} prefer={/^(table|sheet):Tal(?![ _]sidste)/i} reloadKey={reloadKey} />
      <OptionalTableOrSheetPicker value={lastYear} onChange={setLastYear} onError={fail} label={t.lastYear} help={t.lastYearHelp} none={t.noLastYear} prefer={/sidste[ _]år/i} reloadKey={reloadKey} />
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
      <Field hint={t.quartersHelp}>
        <Checkbox label={t.quarters} checked={quarters} onChange={(_, d) => setQuarters(d.checked === true)} />
      </Field>
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
              <TableHeaderCell className={mergeClasses(resultStyles.cell, resultStyles.id)}>Nr.</TableHeaderCell>
              <TableHeaderCell className={resultStyles.cell}>Mål</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(resultStyles.cell, resultStyles.figure)}>År til dato</TableHeaderCell>
              <TableHeaderCell className={mergeClasses(resultStyles.cell, resultStyles.status)}>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.rows.map((r) => {
              const note = noteOf(r);
              return (
                <Fragment key={r.id}>
                  <TableRow className={mergeClasses(resultStyles.row, note ? resultStyles.joined : undefined)}>
                    <TableCell className={mergeClasses(resultStyles.cell, resultStyles.id)}>{r.id}</TableCell>
                    <TableCell className={mergeClasses(resultStyles.cell, resultStyles.name)}>{r.name}</TableCell>
                    <TableCell className={mergeClasses(resultStyles.cell, resultStyles.figure)}>{r.ytd === null ? '' : shown(r.ytd, r.unit)}</TableCell>
                    <TableCell className={mergeClasses(resultStyles.cell, resultStyles.status)}>
                      {r.status ? (
                        <Badge appearance="tint" color={BADGE[r.status]}>
                          {r.status}
                        </Badge>
                      ) : (
                        statusWord(r)
                      )}
                    </TableCell>
                  </TableRow>
                  {note && (
                    // Under the goal's name, across the figures: at 320 px the name's column alone is too narrow for a sentence.
                    <TableRow className={resultStyles.row}>
                      <TableCell className={mergeClasses(resultStyles.cell, resultStyles.id)} />
                      <TableCell colSpan={3} className={mergeClasses(resultStyles.cell, resultStyles.note, resultStyles.last)} data-testid={`followup-note-${r.id}`}>
                        {note}
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              );
            })}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
