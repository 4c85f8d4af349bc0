/** The summary and first rows of a schedule, for the task pane. */
import { makeStyles, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Schedule } from '../../../core/commands/plan.js';
import { danishDate, kr } from '../../../core/report/format.js';
import { interestBeforeStartTotal } from '../../../core/report/planTable.js';
import { strings } from '../strings.js';

const t = strings.plan;
export { danishDate, kr };

const useStyles = makeStyles({
  summary: { display: 'grid', gridTemplateColumns: 'auto auto', columnGap: '16px', rowGap: '2px', marginBottom: '8px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', paddingLeft: '4px', paddingRight: '4px' },
  cell: { whiteSpace: 'nowrap', paddingLeft: '4px', paddingRight: '4px' },
  indent: { paddingLeft: '12px' },
  warning: { marginBottom: '8px' },
  // Columns as wide as their figures, side by side; where a 320 px pane is too narrow for them,
  // the table scrolls sideways in its own box instead of running the figures together.
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { tableLayout: 'auto', width: 'auto', minWidth: '100%' },
});

export function PlanPreview({ plan }: { plan: Schedule }): ReactElement {
  const styles = useStyles();
  const s = plan.summary;
  const first = plan.rows.slice(0, 6);
  // An agreement without interest needs no column of zeros (and a narrow pane has no room for one).
  const withInterest = s.interest > 0;
  return (
    <>
      {plan.warnings.length > 0 && (
        <MessageBar intent="warning" data-testid="plan-warnings" className={styles.warning}>
          <MessageBarBody>{plan.warnings.map((w) => w.message).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.summary} data-testid="plan-summary">
        <Text>{t.summaryCount}</Text>
        <Text className={styles.number}>{s.count}</Text>
        <Text>{t.summaryInstallment}</Text>
        <Text className={styles.number}>{kr(s.installment)}</Text>
        <Text>{t.summaryEnd}</Text>
        <Text className={styles.number}>{danishDate(s.lastDueDate)}</Text>
        <Text>{t.summaryTotal}</Text>
        <Text className={styles.number}>{kr(s.total)}</Text>
        <Text>{t.summaryInterest}</Text>
        <Text className={styles.number}>{kr(s.interest)}</Text>
        {plan.interestBeforeStart && (
          <>
            <Text className={styles.indent}>{t.summaryInterestBeforeStart}</Text>
            <Text className={styles.number} data-testid="interest-before-start">
              {kr(interestBeforeStartTotal(plan))}
            </Text>
          </>
        )}
        <Text>{t.summaryFees}</Text>
        <Text className={styles.number}>{kr(s.fees)}</Text>
      </div>
      <div className={styles.scroll}>
        <Table className={styles.table} size="extra-small" aria-label={t.firstRows(first.length)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.table.n}</TableHeaderCell>
              <TableHeaderCell>{strings.table.due}</TableHeaderCell>
              <TableHeaderCell>{strings.table.payment}</TableHeaderCell>
              {withInterest && <TableHeaderCell>{strings.table.interest}</TableHeaderCell>}
              <TableHeaderCell>{strings.table.balance}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {first.map((r) => (
              <TableRow key={r.n}>
                <TableCell className={styles.cell}>{r.n}</TableCell>
                <TableCell className={styles.cell}>{danishDate(r.dueDate)}</TableCell>
                <TableCell className={styles.number}>{kr(r.payment)}</TableCell>
                {withInterest && <TableCell className={styles.number}>{kr(r.interest)}</TableCell>}
                <TableCell className={styles.number}>{kr(r.balance)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
