import { describe, expect, it } from 'vitest';
import { planRows, planSummaryLines, PLAN_COLUMNS } from '../../../core/report/planTable.js';
import { uniqueSheetName } from '../../../core/report/sheetName.js';
import { describeRules } from '../../../core/rules/describe.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { runSchedule as runPlan } from '../schedule/helpers.js';

describe('uniqueSheetName', () => {
  it('keeps a free name, numbers a taken one, ignoring case', () => {
    expect(uniqueSheetName('Afdragsplan', [])).toBe('Afdragsplan');
    expect(uniqueSheetName('Afdragsplan', ['afdragsplan', 'Afdragsplan 2'])).toBe('Afdragsplan 3');
  });
  it('removes characters Excel forbids and cuts to 31 characters', () => {
    expect(uniqueSheetName('Sag 12/34: [test]?', [])).toBe('Sag 12-34- -test--');
    expect(uniqueSheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(29)} 2`);
    expect(uniqueSheetName("'''", [])).toBe('Ark');
  });
});

describe('planTable', () => {
  it('gives one row per installment with dates as Excel serials', () => {
    const plan = runPlan({ firstDueDate: '2026-02-01', installment: 500, claims: [{ principal: 1000 }] });
    // 1 Feb 2026 = 46023 + 31 = 46054; due Monday 2 Feb = 46055
    expect(planRows(plan)[0]).toEqual([1, 46054, 46055, 500, 0, 0, 500, 500]);
    expect(planRows(plan)[0]).toHaveLength(PLAN_COLUMNS.length);
    expect(planSummaryLines(plan).find((l) => l.label === 'Antal ydelser')?.value).toBe(2);
  });
});

describe('describeRules', () => {
  it('lists every rule with its source and date checked, and flags what is not verified', () => {
    const lines = describeRules(defaultRules);
    expect(lines.every((l) => l.source.length > 0 && /^\d{4}-\d{2}-\d{2}$/.test(l.checked))).toBe(true);
    expect(lines.find((l) => l.rule === 'Rykkergebyr, krav med udpantningsret')?.value).toBe('højst 250,00 kr. pr. rykker, antal ikke begrænset');
    expect(lines.find((l) => l.rule.startsWith('Nettoindkomst 0–133.589'))?.value).toBe('4 % uden / 3 % med forsørgerpligt');
    expect(lines.filter((l) => l.group === 'Fordringstyper').every((l) => l.status === 'derived')).toBe(true);
    expect(lines.some((l) => l.status === 'derived')).toBe(true);
  });
});
