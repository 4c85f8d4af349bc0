/**
 * The agreement confirmation and the henstand decision (issue 18). Dates by hand from the 2026
 * bank calendar: 2/4 skærtorsdag, 3/4 langfredag, 6/4 2. påskedag are closed, so a rate due 2/4
 * falls on Tuesday 7/4; 1/1/2027 is closed, so 1/1 → Monday 4/1.
 */
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../core/calendar/date.js';
import { commands } from '../../../core/commands/index.js';
import { agreementLetter, breachConsequence, henstandLetter } from '../../../core/letters/decisionLetters.js';
import { ore } from '../../../core/money/ore.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const settings = { kommune: 'Ishøj Kommune', contact: 'Opkrævningen, tlf. 43 57 70 00', date: '2026-01-15' as CalendarDate };
const party = { name: 'Hansen, Jens', address: ['Strandvejen 12', '2635 Ishøj'], reference: 'S-2026-17' };

describe('the confirmation of a betalingsaftale', () => {
  it('3 rates of 400 kr. from 2/2/2026: the last moved from Easter to Tuesday 7/4; what a missed rate leads to, from the politik', () => {
    const schedule = commands.plan({ startDate: '2026-01-15', firstDueDate: '2026-02-02', installment: 400, claims: [{ type: 'renovation', principal: 1200 }] }, defaultRules);
    const l = agreementLetter(schedule, 'monthly', ['renovation'], party, settings, defaultRules);
    expect(l).toMatchObject({ recipient: 'Jens Hansen', salutation: 'Kære Jens Hansen', subject: 'Bekræftelse af betalingsaftale', address: ['Strandvejen 12', '2635 Ishøj'] });
    expect(l.paragraphs).toEqual([
      'Vi bekræfter den betalingsaftale, vi har lavet med dig (sag S-2026-17).',
      'Du betaler 400,00 kr. om måneden fra den 02-02-2026 til og med den 07-04-2026. I alt 3 rater og 1.200,00 kr.',
      'Falder en betalingsdag på en weekend eller helligdag, er datoen flyttet til den næste bankdag. Datoerne står i tabellen.',
      'Betaler du ikke en rate til tiden, er aftalen misligholdt: så får du en rykker, og derefter kan kravet blive sendt til inddrivelse hos Gældsstyrelsen.',
      'Kan du ikke betale en rate, så kontakt os, før den forfalder.',
    ]);
    expect(l.table!.rows).toEqual([
      ['1', '02-02-2026', '400,00 kr.'],
      ['2', '02-03-2026', '400,00 kr.'],
      ['3', '07-04-2026', '400,00 kr.'],
    ]);
    expect(l.closing).toEqual(['Har du spørgsmål, så kontakt os: Opkrævningen, tlf. 43 57 70 00.', 'Venlig hilsen', 'Ishøj Kommune']);
  });

  it('what follows a missed rate is what the politik does for the claim type', () => {
    expect(breachConsequence(['andet'], defaultRules)).toBe(
      'Betaler du ikke en rate til tiden, er aftalen misligholdt: så får du en rykker, og derefter kan vi gå til retten for at få en dom eller et forlig, og derefter kan kravet blive sendt til inddrivelse hos Gældsstyrelsen.',
    );
    expect(breachConsequence(['kontanthjælp'], defaultRules)).toBe(
      'Betaler du ikke en rate til tiden, er aftalen misligholdt: så får du et skriftligt varsel, og derefter kan kravet blive sendt til inddrivelse hos Gældsstyrelsen.',
    );
  });
});

describe('the decision on henstand', () => {
  // SPEC's agreement: 4.450 kr. at 500 a month from 1/2/2026, the last on 1/10; 3 months' full
  // henstand from 1/5 moves it to 1/1/2027, a closed day → Monday 4/1/2027; no interest.
  const input = { startDate: '2026-01-10', firstDueDate: '2026-02-01', installment: 500, claims: [{ type: 'daginstitution', principal: 4200, fees: 250, dueDate: '2025-10-01' }] };
  const terms = { from: '2026-05-01' as CalendarDate, months: 3, kind: 'full' as const };
  const h = commands.henstand({ ...input, henstand: { from: '2026-05-01', months: 3, kind: 'full' } }, defaultRules);

  it('says what the henstand does, its cost, the grounds and that it cannot be appealed (GIL § 2 stk. 3)', () => {
    const l = henstandLetter(h, terms, 'Borgeren er blevet ledig og har dokumenteret det.', party, settings);
    expect(l.subject).toBe('Afgørelse om henstand');
    expect(l.paragraphs).toEqual([
      'Du har fået henstand med betalingen fra den 01-05-2026 i 3 måneder (sag S-2026-17).',
      'Du skal ikke betale rater i den periode.',
      'Din sidste rate flyttes fra den 01-10-2026 til den 04-01-2027.',
      'Henstanden koster dig ikke ekstra renter.',
      'Begrundelse: Borgeren er blevet ledig og har dokumenteret det.',
      'Afgørelsen kan ikke klages over til en anden myndighed (gældsinddrivelsesloven § 2, stk. 3).',
    ]);
  });

  it('a henstand against the politik (daginstitution) is refused without grounds, as the warning asks', () => {
    expect(h.warnings.map((w) => w.code)).toContain('HENSTAND_MOD_POLITIK');
    expect(() => henstandLetter(h, terms, '  ', party, settings)).toThrow(/grounds: henstanden går imod opkrævningspolitikken: skriv begrundelsen/);
  });

  it('a reduced henstand says what to pay meanwhile', () => {
    const reduced = commands.henstand({ ...input, claims: [{ type: 'renovation', principal: 4450 }], henstand: { from: '2026-05-01', months: 2, kind: 'reduced', installment: 200 } }, defaultRules);
    const l = henstandLetter(reduced, { from: '2026-05-01' as CalendarDate, months: 2, kind: 'reduced', installment: ore(20_000) }, '', party, settings);
    expect(l.paragraphs[1]).toBe('I den periode betaler du 200,00 kr. om måneden.');
    expect(l.paragraphs).not.toContain(expect.stringMatching(/^Begrundelse/));
  });
});
