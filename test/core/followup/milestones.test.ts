import { describe, expect, it } from 'vitest';
import { followup } from '../../../core/followup/followup.js';
import { periodEnd } from '../../../core/followup/milestones.js';

// The 2025 plan's goal 3.1 (seeds/002): a milestone per quarter.
const goal31 = {
  id: '3.1',
  name: 'Styrket datakvalitet i Motorregistret',
  kind: 'milestone',
  milestones: [
    { text: 'Foranalyse afsluttet, projektgrundlag godkendt', due: 'Q1', done: '2025-03-20' },
    { text: 'Udvikling af stopklodser og adviser', due: 'Q3', done: '2025-10-02' },
    { text: 'Stopklodser og adviser implementeret', due: '2025-10-31' },
  ],
};
const q = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`Q${i + 1}`, { x: 1 }]));

describe('several milestones per goal, with due and done dates (issue 21)', () => {
  it('the last day of a period: Q2 → 30 June, M02 of a leap year → 29 February, none → the day before the year', () => {
    expect([periodEnd(2025, 2, 'quarter'), periodEnd(2024, 2, 'month'), periodEnd(2025, 0, 'quarter')]).toEqual(['2025-06-30', '2024-02-29', '2024-12-31']);
  });

  it('after Q2: one of three reached on time, none overdue → grøn', () => {
    const r = followup({ year: 2025, goals: [goal31], data: q(2) }).rows[0]!;
    expect(r.milestones.map((m) => m.state)).toEqual(['nået', 'ikke nået endnu', 'ikke nået endnu']);
    expect(r.status).toBe('grøn');
    // The second is marked done 2 October, after the Q2 report's last day: flagged, not counted.
    expect(r.statusNote).toBe(
      '1 af 3 milepæle nået pr. 30-06-2025; "Udvikling af stopklodser og adviser" ikke nået endnu; frist 30-09-2025 (markeret nået 02-10-2025, efter perioden der rapporteres for, og tæller ikke med her)',
    );
  });

  it('after Q3 the second, done 2 October, is flagged: done after the period reported, so overdue on 30 September → rød', () => {
    const f = followup({ year: 2025, goals: [goal31], data: q(3) });
    const r = f.rows[0]!;
    expect(r.milestones[1]).toMatchObject({ state: 'overskredet', doneAfterPeriod: true, done: '2025-10-02' });
    expect(r.status).toBe('rød');
    expect(r.statusNote).toBe(
      '1 af 3 milepæle nået pr. 30-09-2025; "Udvikling af stopklodser og adviser" ikke nået; fristen var 30-09-2025 (markeret nået 02-10-2025, efter perioden der rapporteres for, og tæller ikke med her)',
    );
    expect(f.warnings).toContain(
      'Mål 3.1: milepælen "Udvikling af stopklodser og adviser" er markeret nået 02-10-2025, efter perioden der rapporteres for (til 30-09-2025). Den tæller ikke med i denne opfølgning.',
    );
  });

  it('after Q4 the second was done two days late → gul; the third not done by 31 October → rød wins', () => {
    const r = followup({ year: 2025, goals: [goal31], data: q(4) }).rows[0]!;
    expect(r.milestones.map((m) => m.state)).toEqual(['nået', 'nået for sent', 'overskredet']);
    expect(r.status).toBe('rød');
    const done = { ...goal31, milestones: [...goal31.milestones.slice(0, 2), { ...goal31.milestones[2]!, done: 'Q4' }] };
    // Done "Q4" is 31 December, after its due day 31 October: late as well → gul.
    expect(followup({ year: 2025, goals: [done], data: q(4) }).rows[0]!.status).toBe('gul');
  });

  it('a monthly April report does not call a Q2 milestone overdue (judged on 30 April, not 30 June)', () => {
    const months = { M01: { x: 1 }, M02: { x: 1 }, M03: { x: 1 }, M04: { x: 1 } };
    const r = followup({ year: 2025, goals: [{ id: '3.2', name: 'Ekspeditioner', kind: 'milestone', due: 'Q2' }], data: months }).rows[0]!;
    expect([r.status, r.statusNote]).toEqual(['grøn', 'ikke nået endnu; frist 30-06-2025']);
    expect([r.due, r.done]).toEqual([2, null]);
  });

  it('refuses a list beside a due on the goal, and a milestone without a due date', () => {
    const run = (g: object) => () => followup({ year: 2025, goals: [g], data: q(1) });
    expect(run({ ...goal31, due: 'Q4' })).toThrow(/kan ikke stå sammen med due\/done/);
    expect(run({ ...goal31, milestones: [{ text: 'x' }] })).toThrow(/due mangler/);
    expect(run({ ...goal31, milestones: [{ text: 'x', due: '31-10-2025' }] })).toThrow(/skal være en dato "2025-03-20", et kvartal/);
  });
});
