/** "Regler": the active rule set, each value with its source and the date it was checked. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useMemo, type ReactElement } from 'react';
import { describeRules, type RuleLine } from '../../../core/rules/describe.js';
import { strings } from '../strings.js';
import { useRules } from '../rulesContext.js';

const useStyles = makeStyles({
  rule: { padding: '8px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'flex', justifyContent: 'space-between', gap: '8px', alignItems: 'flex-start' },
  source: { color: tokens.colorNeutralForeground3 },
});

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
