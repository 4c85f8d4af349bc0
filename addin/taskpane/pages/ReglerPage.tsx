/**
 * "Regler": the active rule set, each value with its source and the date it was checked; and the
 * workbook's own rules: write them to the sheet `Saldo-regler` (asking before an existing sheet is
 * replaced), read it again, and see which rules come from it and which rows are not used.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import { describeRules, type RuleLine } from '../../../core/rules/describe.js';
import { rulesSheetExists, writeRulesSheet } from '../../excel/rulesSheet.js';
import { NoticeBar, type Notice } from '../components/NoticeBar.js';
import { strings } from '../strings.js';
import { useRules, useWorkbookRules } from '../rulesContext.js';

const useStyles = makeStyles({
  rule: { padding: '8px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'flex', justifyContent: 'space-between', gap: '8px', alignItems: 'flex-start' },
  source: { color: tokens.colorNeutralForeground3 },
  sheet: { display: 'flex', flexDirection: 'column', gap: '8px', margin: '8px 0 16px', padding: '12px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  list: { margin: '4px 0 0', paddingLeft: '18px' },
});

const t = strings.rules;

/** The workbook's `Saldo-regler` sheet: write, reload, and what was read from it. */
function RulesSheetPanel(): ReactElement {
  const styles = useStyles();
  const sheet = useWorkbookRules();
  const rules = useRules();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  const write = async (replace: boolean) => {
    setAsking(false);
    setBusy(true);
    setNotice(null);
    try {
      // Never over the user's sheet without asking: an existing one is replaced only after "Erstat arket".
      if (!replace && (await rulesSheetExists())) {
        setAsking(true);
        return;
      }
      const name = await writeRulesSheet(rules, replace);
      await sheet.reload();
      setNotice({ intent: 'success', text: t.written(name) });
    } catch (e) {
      setNotice({ intent: 'error', text: t.writeFailed((e as Error).message) });
    } finally {
      setBusy(false);
    }
  };
  const reload = async () => {
    setBusy(true);
    setNotice(null);
    await sheet.reload();
    setBusy(false);
  };

  const state = sheet.state === 'loading' ? t.loading : sheet.state === 'defaults' ? t.fromDefaults : sheet.state === 'failed' ? t.readFailed(sheet.error ?? '') : t.fromSheet(sheet.changed.length);
  return (
    <section aria-labelledby="regler-ark-heading" className={styles.sheet}>
      <Text as="h3" weight="semibold" id="regler-ark-heading">
        {t.sheetHeading}
      </Text>
      <Text block size={200}>
        {t.sheetIntro}
      </Text>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => void write(false)}>
          {t.write}
        </Button>
        <Button disabled={busy} onClick={() => void reload()}>
          {t.reload}
        </Button>
        {busy && <Spinner size="tiny" />}
      </div>
      <Text block role="status" data-testid="rules-sheet-state">
        {state}
      </Text>
      {sheet.changed.length > 0 && (
        <div data-testid="rules-sheet-changed">
          <Text weight="semibold">{t.changedHeading}</Text>
          <ul className={styles.list}>
            {sheet.changed.map((c) => (
              <li key={c}>
                <Text size={200}>{c}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {sheet.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="rules-sheet-problems">
          <MessageBarBody>
            <MessageBarTitle>{t.problemsHeading(sheet.problems.length)}</MessageBarTitle>
            <ul className={styles.list}>
              {sheet.problems.map((p) => (
                <li key={`${p.row}-${p.message}`}>{p.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <NoticeBar notice={notice} />
      <Dialog open={asking} onOpenChange={(_, d) => setAsking(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.replaceTitle}</DialogTitle>
            <DialogContent>{t.replaceText}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void write(true)}>
                {t.replace}
              </Button>
              <Button onClick={() => setAsking(false)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}

const STATUS_COLOR = { verified: 'success', derived: 'warning', unverified: 'danger' } as const;

export function ReglerPage(): ReactElement {
  const rules = useRules();
  const styles = useStyles();
  const groups = useMemo(() => {
    const map = new Map<string, RuleLine[]>();
    for (const line of describeRules(rules)) map.set(line.group, [...(map.get(line.group) ?? []), line]);
    return [...map];
  }, [rules]);
  return (
    <section aria-labelledby="regler-heading">
      <Title3 as="h2" id="regler-heading">
        {strings.rules.heading}
      </Title3>
      <Text block>{strings.rules.intro}</Text>
      <RulesSheetPanel />
      <Accordion multiple collapsible defaultOpenItems={[groups[0]?.[0] ?? '']}>
        {groups.map(([group, lines]) => (
          <AccordionItem key={group} value={group}>
            <AccordionHeader as="h3">{`${group} (${lines.length})`}</AccordionHeader>
            <AccordionPanel>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={group}>
                {lines.map((l, i) => (
                  <li key={`${group}-${i}`} className={styles.rule}>
                    <div className={styles.head}>
                      <Text weight="semibold">{l.rule}</Text>
                      <Badge appearance="tint" color={STATUS_COLOR[l.status]}>
                        {strings.rules.status[l.status]}
                      </Badge>
                    </div>
                    <Text block>{l.value}</Text>
                    <Text block size={200} className={styles.source}>
                      {strings.rules.source}: {l.source.replace(/\.$/, '')}. {strings.rules.checked}: {l.checked}.{l.note ? ` ${l.note}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
