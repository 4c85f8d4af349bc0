import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSaldoError } from '../../../core/errors.js';
import { followup } from '../../../core/followup/followup.js';
import { countsFromTable, countsToTable, followupFromTables, goalsFromTable, goalsToTable, periodKey } from '../../../core/followup/tables.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../../examples/opfoelgning/${name}`, import.meta.url), 'utf8')) as { year: number; goals: Array<Record<string, unknown>>; data: Record<string, Record<string, number>> };

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (isSaldoError(e)) return e.message;
    throw e;
  }
  throw new Error('no error');
};

describe('goals table', () => {
  it('reads Danish headers, words and numbers as followup goals, below a title row', () => {
    const rows = [
      ['Mål for 2025', '', '', '', '', '', '', '', '', ''],
      ['Nr.', 'Mål', 'Type', 'Måling', 'Målværdi', 'Retning', 'Gul margin', 'Enhed', 'År til dato som', 'Frist'],
      ['2.1', 'Pristjek', 'andel', 'pristjek / selvanmeldte', '15 %', 'Mindst', '2 %', 'procent', 'andel af summer', ''],
      [5, 'Inddrivelsesprocent', '', 'afgang / tilgang * 100', '110', 'mindst', '10', 'antal', 'Gennemsnit', ''],
      ['', '', '', '', '', '', '', '', '', ''],
      ['2.1a', 'Antal pristjek', 'antal', 'pristjek', 12000, '', 600, 'tal', 'sum', ''],
      ['4', 'Fejl', '', 'fejl / sager', '0,5 %', 'højst', '', 'pct.', '', ''],
      ['3.2', 'Procesunderstøttelse', '', '', '', '', '', '', '', '4. kvt.'],
    ];
    const { goals, rowNumbers, warnings } = goalsFromTable(rows);
    expect(goals).toEqual([
      { id: '2.1', name: 'Pristjek', kind: 'ratio', measure: 'pristjek / selvanmeldte', target: 0.15, direction: 'atLeast', amberMargin: 0.02, unit: 'percent', aggregate: 'ratioOfSums' },
      { id: '5', name: 'Inddrivelsesprocent', measure: 'afgang / tilgang * 100', target: 110, direction: 'atLeast', amberMargin: 10, unit: 'number', aggregate: 'meanOfPeriods' },
      { id: '2.1a', name: 'Antal pristjek', kind: 'count', measure: 'pristjek', target: 12000, amberMargin: 600, unit: 'number', aggregate: 'sum' },
      { id: '4', name: 'Fejl', measure: 'fejl / sager', target: 0.005, direction: 'atMost', unit: 'percent' },
      // a deadline and no measure: a milestone even with Type left empty
      { id: '3.2', name: 'Procesunderstøttelse', due: 'Q4', kind: 'milestone' },
    ]);
    expect(rowNumbers).toEqual([3, 4, 6, 7, 8]);
    expect(warnings).toEqual([]);
  });

  it('warns about a column it does not know (a misspelt "Retning" must not pass as the default)', () => {
    const { warnings } = goalsFromTable([['Nr.', 'Mål', 'Retnig', 'Noter'], ['1', 'A', 'højst', '']]);
    expect(warnings).toEqual([expect.stringMatching(/kolonnen "Retnig" bruges ikke/), expect.stringMatching(/kolonnen "Noter" bruges ikke/)]);
  });

  it('warns when a percent target looks typed as a whole number (15 read as 1.500 %)', () => {
    const { goals, warnings } = goalsFromTable([['Nr.', 'Mål', 'Målværdi', 'Enhed'], ['2.1', 'Pristjek', 15, 'procent']]);
    expect(goals[0]!.target).toBe(15);
    expect(warnings).toEqual([expect.stringMatching(/målværdien 15 læses som 1\.500 %\. Mente du 15 %\?/)]);
  });

  it('says which row and column it does not understand', () => {
    expect(message(() => goalsFromTable([['Nr.', 'Mål', 'Retning'], ['1', 'A', 'over']]))).toBe('Måltabellen, række 2, kolonnen "Retning": "over" forstås ikke. Skriv mindst eller højst.');
    expect(message(() => goalsFromTable([['Nr.', 'Mål', 'Målværdi'], ['1', 'A', 'mange']]))).toMatch(/^Måltabellen, række 2, kolonnen "Målværdi": "mange" er ikke et tal/);
    expect(message(() => goalsFromTable([['Nr.', 'Mål', 'Frist'], ['1', 'A', 'Q5']]))).toMatch(/"Q5" er ikke et kvartal/);
    expect(message(() => goalsFromTable([['Nr.', 'Mål'], ['', 'A']]))).toBe('Måltabellen, række 2: "Nr." mangler. Giv målet et nummer, f.eks. 2.1.');
    expect(message(() => goalsFromTable([['Mål', 'Måling'], ['A', 'x']]))).toMatch(/mangler overskrifterne "Nr\." og "Mål"/);
    expect(message(() => goalsFromTable([['Nr.', 'Mål', 'Nr'], ['1', 'A', '2']]))).toMatch(/kolonnen "Nr\." to gange/);
  });

  it('writes goals back as the same table (round trip of the bundled examples)', () => {
    for (const file of ['motorstyrelsen-2025.json', 'ekstraordinaer-indsats.json']) {
      const { goals } = example(file);
      const table = goalsToTable(goals);
      expect(table[0]).toEqual(['Nr.', 'Mål', 'Resultatkrav', 'Type', 'Måling', 'Målværdi', 'Retning', 'Gul margin', 'Enhed', 'År til dato som', 'Frist', 'Nået', 'Status']);
      expect(goalsFromTable(table).goals).toEqual(goals);
    }
  });
});

describe('counts table', () => {
  it('reads a row per count with quarter columns; blank cells keep the name known', () => {
    const rows = [
      ['Navn', 'Beskrivelse', '1. kvt.', '2. kvt.', '3. kvt.', '4. kvt.'],
      ['pristjek', 'Foretagne pristjek', 2800, '3.100', '', ''],
      ['selvanmeldte', '', 20000, 21000, null, ''],
      ['stikprøver', 'endnu ingen', '', '', '', ''],
    ];
    expect(countsFromTable(rows)).toEqual({
      data: {
        Q1: { pristjek: 2800, selvanmeldte: 20000, stikprøver: null },
        Q2: { pristjek: 3100, selvanmeldte: 21000, stikprøver: null },
        Q3: { pristjek: null, selvanmeldte: null, stikprøver: null },
        Q4: { pristjek: null, selvanmeldte: null, stikprøver: null },
      },
      names: ['pristjek', 'selvanmeldte', 'stikprøver'],
    });
  });

  it('reads a row per month ("Måned | opkald | aftaler" with januar, feb. …)', () => {
    const rows = [
      ['Måned', 'opkald', 'aftaler'],
      ['januar', 120, 41],
      ['feb', 160, 52],
      ['M03', 150, ''],
    ];
    expect(countsFromTable(rows)).toEqual({ data: { M01: { opkald: 120, aftaler: 41 }, M02: { opkald: 160, aftaler: 52 }, M03: { opkald: 150, aftaler: null } }, names: ['opkald', 'aftaler'] });
  });

  it('reads month headers that Excel turned into dates ("jan-25" is 1 January 2025 = 45658)', () => {
    const { data } = countsFromTable([['Navn', 45658, 45689], ['opkald', 120, 160]]);
    expect(data).toEqual({ M01: { opkald: 120 }, M02: { opkald: 160 } });
    // a row of counts that merely look like dates is not a header: 45660 is 3 January 2025
    expect(message(() => countsFromTable([['opkald', 45660, 45700]]))).toMatch(/ingen perioder/);
  });

  it('knows the period headers people write', () => {
    expect(['Q1', 'k2', '3. kvt.', '4 kvartal', 'Kvt. 2', 'M1', 'm12', 'Marts', 'okt', 'december', 'Q5', 'M13', 'maj.', 'x', 5].map(periodKey)).toEqual(['Q1', 'Q2', 'Q3', 'Q4', 'Q2', 'M01', 'M12', 'M03', 'M10', 'M12', null, null, 'M05', null, null]);
  });

  it('refuses names a measure cannot use, doubled names and periods, mixed periods and text that is not a number', () => {
    expect(message(() => countsFromTable([['Navn', 'Q1'], ['pristjek foretaget', 1]]))).toBe('Taltabellen, række 2: "pristjek foretaget" kan ikke bruges som navn i en måling: brug bogstaver, tal og _ uden mellemrum, f.eks. pristjek_foretaget.');
    expect(message(() => countsFromTable([['Navn', 'Q1'], ['2025tal', 1]]))).toMatch(/f\.eks\. _2025tal/);
    expect(message(() => countsFromTable([['Navn', 'Q1'], ['a', 1], ['a', 2]]))).toMatch(/række 3: navnet "a" står allerede/);
    expect(message(() => countsFromTable([['Navn', 'Q1', '1. kvt.'], ['a', 1, 2]]))).toMatch(/perioden Q1 står to gange/);
    expect(message(() => countsFromTable([['Navn', 'Q1', 'januar'], ['a', 1, 2]]))).toMatch(/enten kvartaler eller måneder/);
    expect(message(() => countsFromTable([['Navn', 'Q1'], ['a', 'mange']]))).toMatch(/^Taltabellen, række 2, Q1: "mange" er ikke et tal/);
    expect(message(() => countsFromTable([['Måned', 'a'], ['januar', 1], ['sommer', 2]]))).toMatch(/række 3: "sommer" er ikke en periode/);
  });
});

describe('a follow-up from the two tables', () => {
  it('is the same follow-up as from the JSON examples (goals and counts written as tables and read back)', () => {
    for (const file of ['motorstyrelsen-2025.json', 'ekstraordinaer-indsats.json']) {
      const input = example(file);
      const fromJson = followup({ year: input.year, goals: input.goals, data: input.data });
      const fromTables = followupFromTables({ year: input.year, goals: goalsToTable(input.goals), counts: countsToTable(input.data, true) });
      expect(fromTables.rows).toEqual(fromJson.rows);
      expect(fromTables.elapsed).toBe(fromJson.elapsed);
    }
  });

  it('works on a fresh template with no counts yet: every goal "ingen data", no error', () => {
    const input = example('motorstyrelsen-2025.json');
    const f = followupFromTables({ year: 2026, goals: goalsToTable(input.goals), counts: countsToTable(input.data, false) });
    expect(f.elapsed).toBe(0);
    expect(f.rows.filter((r) => r.kind !== 'milestone').every((r) => r.status === null && r.ytd === null)).toBe(true);
    expect(f.warnings).toContain('Der er ingen data for nogen periode endnu.');
  });

  it('tells core errors by table row and column', () => {
    const counts = [['Navn', 'Q1'], ['a', 1], ['b', 2]];
    expect(message(() => followupFromTables({ year: 2025, goals: [['Nr.', 'Mål', 'Måling'], ['1', 'A', 'a / b']], counts }))).toMatch(/^Måltabellen, række 2, kolonnen "Målværdi": Mål 1: target mangler/);
    expect(message(() => followupFromTables({ year: 2025, goals: [['Nr.', 'Mål', 'Måling', 'Målværdi'], ['1', 'A', 'a / c', 1]], counts }))).toMatch(/Måltabellen, række 2, kolonnen "Måling".*"c"/);
    expect(message(() => followupFromTables({ year: 2025, goals: [['Nr.', 'Mål', 'Måling', 'Målværdi'], ['1', 'A', 'a', 1], ['1', 'B', 'b', 1]], counts }))).toMatch(/Mål 1 står to gange/);
  });

  it('carries last follow-up\'s text, and the goals table\'s own text wins', () => {
    const goals = [['Nr.', 'Mål', 'Måling', 'Målværdi', 'Handling'], ['1', 'A', 'a / b', 0.5, 'Ny handling'], ['2', 'B', 'a', 1, '']];
    const previous = [{ id: '1', cause: 'Årsag fra Q1', action: 'Gammel handling' }, { id: '2', cause: 'Ferie', action: 'Vikar' }];
    const f = followupFromTables({ year: 2025, goals, counts: [['Navn', 'Q1'], ['a', 1], ['b', 2]], previous });
    expect(f.rows.map((r) => [r.cause, r.action])).toEqual([['Årsag fra Q1', 'Ny handling'], ['Ferie', 'Vikar']]);
  });
});
