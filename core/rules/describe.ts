/**
 * The active rule set as lines a person can read: what the rule is, its value, its source, the
 * day it was checked and whether it is verified. The Regler page and reports show these.
 */
import { formatKroner, groupThousands, ore } from '../money/ore.js';
import { formatRate } from '../interest/rate.js';
import type { RuleSet } from './ruleSet.js';
import type { RuleStatus } from './sourced.js';

export interface RuleLine {
  group: string;
  rule: string;
  value: string;
  source: string;
  checked: string;
  status: RuleStatus;
  note?: string;
}

const kr = (o: number) => formatKroner(ore(o));
/** "kommunens takst 200,00 kr.; lovens " when the kommune has set one. */
const takstText = (fee: { takst: number | null }): string => (fee.takst === null ? '' : `kommunens takst ${kr(fee.takst)}; loven: `);
const PART_NAMES = { fees: 'gebyrer', interest: 'renter', principal: 'hovedstol' } as const;

export function describeRules(rules: RuleSet): RuleLine[] {
  const lines: RuleLine[] = [];
  const { rykkerPublic, rykkerCivil, underretningUdlaeg } = rules.fees;
  lines.push({
    group: 'Gebyrer',
    rule: 'Rykkergebyr, krav med udpantningsret',
    value: `${takstText(rykkerPublic.value)}højst ${kr(rykkerPublic.value.maxPerRykker)} pr. rykker${rykkerPublic.value.maxFeeCount === null ? ', antal ikke begrænset' : `, højst ${rykkerPublic.value.maxFeeCount}`}`,
    source: rykkerPublic.source,
    checked: rykkerPublic.checked,
    status: rykkerPublic.status,
  });
  lines.push({
    group: 'Gebyrer',
    rule: 'Rykkergebyr, civilretligt krav',
    value: `${takstText(rykkerCivil.value)}højst ${kr(rykkerCivil.value.maxPerRykker)} pr. rykker, højst ${String(rykkerCivil.value.maxFeeCount)} rykkere, mindst ${String(rykkerCivil.value.minDaysBetween)} dage imellem`,
    source: rykkerCivil.source,
    checked: rykkerCivil.checked,
    status: rykkerCivil.status,
  });
  lines.push({
    group: 'Gebyrer',
    rule: 'Underretning om udlægsforretning',
    value: `højst ${kr(underretningUdlaeg.value)}`,
    source: underretningUdlaeg.source,
    checked: underretningUdlaeg.checked,
    status: underretningUdlaeg.status,
  });
  for (const [name, table] of Object.entries(rules.rateTables)) {
    for (const row of table.rows) {
      lines.push({ group: `Rentetabel "${name}"`, rule: `${table.label} fra ${row.from}`, value: formatRate(row.annualRatePpm), source: row.source, checked: table.checked, status: row.status });
    }
    lines.push({
      group: `Rentetabel "${name}"`,
      rule: 'Tabellen dækker til og med',
      value: table.validThrough,
      source: table.source,
      checked: table.checked,
      status: 'verified',
      note: 'Senere perioder kræver en opdateret tabel i en regelfil.',
    });
  }
  for (const [year, table] of Object.entries(rules.betalingsevne)) {
    for (const row of table.rows) {
      const range = row.to === null ? `fra ${groupThousands(row.from)} kr.` : `${groupThousands(row.from)}–${groupThousands(row.to)} kr.`;
      lines.push({
        group: `Betalingsevne ${year}`,
        rule: `Nettoindkomst ${range}`,
        value: `${row.withoutChildren} % uden / ${row.withChildren} % med forsørgerpligt`,
        source: table.source,
        checked: table.checked,
        status: table.status,
        ...(table.note ? { note: table.note } : {}),
      });
    }
  }
  const order = rules.allocationOrder;
  lines.push({
    group: 'Dækningsrækkefølge',
    rule: 'Inden for en fordring',
    value: order.value.map((p) => PART_NAMES[p]).join(' → '),
    source: order.source,
    checked: order.checked,
    status: order.status,
    ...(order.note ? { note: order.note } : {}),
  });
  const types = rules.claimTypes;
  for (const t of Object.values(types.value)) {
    const facts = [
      t.udpantningsret ? 'udpantningsret' : t.civilretlig ? 'civilretligt krav' : 'offentligretligt krav uden udpantningsret (intet rykkergebyr)',
      t.henstandNormallyAllowed ? 'henstand mulig' : 'henstand som udgangspunkt ikke på løbende betalinger',
      ...(t.medhaeftere ? ['medhæftere rykkes'] : []),
      ...(t.tilbagebetalingskrav ? ['tilbagebetalingskrav (betalingsevnetabel)'] : []),
      `forældelse ${t.limitationYears} år`,
      `procedure: ${t.procedures.restance} (restance), ${t.procedures.misligholdt} (misligholdt aftale)`,
    ];
    lines.push({ group: 'Fordringstyper', rule: t.label, value: facts.join('; '), source: types.source, checked: types.checked, status: types.status, ...(types.note ? { note: types.note } : {}) });
  }
  const politik = rules.procedures;
  for (const [id, procedure] of Object.entries(politik.value)) {
    lines.push({
      group: 'Opkrævningspolitik',
      rule: `${procedure.label} (${id})`,
      value:
        procedure.steps.map((st, i) => `${i === 0 ? 'dag' : '+'}${st.afterDays}: ${st.action}${st.optional ? ' (valgfrit)' : ''}`).join(' → ') +
        (procedure.perRate ? ' → forfra for hver ny rate' : ''),
      source: politik.source,
      checked: politik.checked,
      status: politik.status,
      ...(politik.note ? { note: politik.note } : {}),
    });
  }
  const holidays = rules.bankHolidays;
  lines.push({
    group: 'Bankdage',
    rule: 'Lukkedage ud over weekender',
    value: holidays.value.map((h) => h.name + (h.toYear ? ` (til og med ${h.toYear})` : '')).join(', '),
    source: holidays.source,
    checked: holidays.checked,
    status: holidays.status,
  });
  return lines;
}
