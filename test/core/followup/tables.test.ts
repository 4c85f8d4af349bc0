import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { saldoMessage } from '../saldoMessage.js';
import { followup, statusWord } from '../../../core/followup/followup.js';
import { countsFromTable, countsToTable } from '../../../core/followup/countsTable.js';
import { goalsFromTable, goalsToTable } from '../../../core/followup/goalsTable.js';
import { periodKey } from '../../../core/followup/tableCells.js';
import { followupFromTables } from '../../../core/followup/tables.js';

const example = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../examples/opfoelgning/${name}`, import.meta.url), 'utf8')) as {
    year: number;
    goals: Array<Record<string, unknown>>;
    data: Record<string, Record<string, number>>;
  };

const message = saldoMessage;

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
    const { warnings } = goalsFromTable([
      ['Nr.', 'Mål', 'Retnig', 'Noter'],
      ['1', 'A', 'højst', ''],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/kolonnen "Retnig" bruges ikke/), expect.stringMatching(/kolonnen "Noter" bruges ikke/)]);
  });

  it("warns when a percent goal's margin looks typed as whole points (2 read as 200 %)", () => {
    const { warnings } = goalsFromTable([
      ['Nr.', 'Mål', 'Målværdi', 'Gul margin', 'Enhed'],
      ['2.1', 'Pristjek', 0.15, 2, 'procent'],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/række 2: den gule margin 2 læses som 200 %\. Mente du 2 %\?/)]);
  });

  it('warns when a number in Nr. is a date Excel made of "2.1", and refuses a number twice with both rows', () => {
    expect(
      goalsFromTable([
        ['Nr.', 'Mål'],
        [46024, 'A'],
      ]).warnings,
    ).toEqual([expect.stringMatching(/nummeret 46024 ligner en dato/)]);
    expect(
      message(() =>
        goalsFromTable([
          ['Nr.', 'Mål'],
          ['1', 'A'],
          ['2', 'B'],
          [1, 'C'],
        ]),
      ),
    ).toBe('Måltabellen, række 4: nummeret 1 står også i række 2. Hvert mål skal have sit eget nummer (en milepæl mere skrives i rækken lige under målet med kun Nr., Milepæl, Frist og Nået).');
  });

  it('warns when a percent target looks typed as a whole number (15 read as 1.500 %)', () => {
    const { goals, warnings } = goalsFromTable([
      ['Nr.', 'Mål', 'Målværdi', 'Enhed'],
      ['2.1', 'Pristjek', 15, 'procent'],
    ]);
    expect(goals[0]!.target).toBe(15);
    expect(warnings).toEqual([expect.stringMatching(/målværdien 15 læses som 1\.500 %\. Mente du 15 %\?/)]);
  });

  it('says which row and column it does not understand', () => {
    expect(
      message(() =>
        goalsFromTable([
          ['Nr.', 'Mål', 'Retning'],
          ['1', 'A', 'over'],
        ]),
      ),
    ).toBe('Måltabellen, række 2, kolonnen "Retning": "over" forstås ikke. Skriv mindst eller højst.');
    expect(
      message(() =>
        goalsFromTable([
          ['Nr.', 'Mål', 'Målværdi'],
          ['1', 'A', 'mange'],
        ]),
      ),
    ).toMatch(/^Måltabellen, række 2, kolonnen "Målværdi": "mange" er ikke et tal/);
    expect(
      message(() =>
        goalsFromTable([
          ['Nr.', 'Mål', 'Frist'],
          ['1', 'A', 'Q5'],
        ]),
      ),
    ).toMatch(/"Q5" er hverken et kvartal, en måned eller en dato/);
    expect(
      message(() =>
        goalsFromTable([
          ['Nr.', 'Mål'],
          ['', 'A'],
        ]),
      ),
    ).toBe('Måltabellen, række 2: "Nr." mangler. Giv målet et nummer, f.eks. 2.1.');
    expect(
      message(() =>
        goalsFromTable([
          ['Mål', 'Måling'],
          ['A', 'x'],
        ]),
      ),
    ).toMatch(/mangler overskrifterne "Nr\." og "Mål"/);
    expect(
      message(() =>
        goalsFromTable([
          ['Nr.', 'Mål', 'Nr'],
          ['1', 'A', '2'],
        ]),
      ),
    ).toMatch(/kolonnen "Nr\." to gange/);
  });

  it('writes goals back as the same table (round trip of the bundled examples)', () => {
    // The plan's columns (Pejlemærke, Måltype, Stikprøver, Milepæl) only where a goal uses them.
    const headers = {
      'motorstyrelsen-2025.json': [
        'Nr.',
        'Pejlemærke',
        'Måltype',
        'Mål',
        'Resultatkrav',
        'Type',
        'Måling',
        'Målværdi',
        'Retning',
        'Gul margin',
        'Enhed',
        'År til dato som',
        'Stikprøver',
        'Milepæl',
        'Frist',
        'Nået',
        'Status',
      ],
      'ekstraordinaer-indsats.json': ['Nr.', 'Mål', 'Resultatkrav', 'Type', 'Måling', 'Målværdi', 'Retning', 'Gul margin', 'Enhed', 'År til dato som', 'Frist', 'Nået', 'Status'],
    };
    for (const [file, header] of Object.entries(headers)) {
      const { goals } = example(file);
      const table = goalsToTable(goals);
      expect(table[0]).toEqual(header);
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
      warnings: [],
    });
  });

  it('reads a row per month ("Måned | opkald | aftaler" with januar, feb. …)', () => {
    const rows = [
      ['Måned', 'opkald', 'aftaler'],
      ['januar', 120, 41],
      ['feb', 160, 52],
      ['M03', 150, ''],
    ];
    expect(countsFromTable(rows)).toEqual({
      data: { M01: { opkald: 120, aftaler: 41 }, M02: { opkald: 160, aftaler: 52 }, M03: { opkald: 150, aftaler: null } },
      names: ['opkald', 'aftaler'],
      warnings: [],
    });
  });

  it('reads month headers that Excel turned into dates ("jan-25" is 1 January 2025 = 45658)', () => {
    const { data } = countsFromTable([
      ['Navn', 45658, 45689],
      ['opkald', 120, 160],
    ]);
    expect(data).toEqual({ M01: { opkald: 120 }, M02: { opkald: 160 } });
    // a row of counts that merely look like dates is not a header: 45660 is 3 January 2025
    expect(message(() => countsFromTable([['opkald', 45660, 45700]]))).toMatch(/ingen perioder/);
  });

  it('knows the period headers people write', () => {
    expect(['Q1', 'k2', '3. kvt.', '4 kvartal', 'Kvt. 2', 'M1', 'm12', 'Marts', 'okt', 'december', 'Q5', 'M13', 'maj.', 'x', 5].map(periodKey)).toEqual([
      'Q1',
      'Q2',
      'Q3',
      'Q4',
      'Q2',
      'M01',
      'M12',
      'M03',
      'M10',
      'M12',
      null,
      null,
      'M05',
      null,
      null,
    ]);
    // the other abbreviations in use, "kvartal 2", and a year before or after
    expect(['febr.', 'sept.', 'kvartal 2', 'Q1 2025', '2. kvartal 2025', 'januar 2025', 'jan. 2025', '2025-Q3', '2025'].map(periodKey)).toEqual([
      'M02',
      'M09',
      'Q2',
      'Q1',
      'Q2',
      'M01',
      'M01',
      'Q3',
      null,
    ]);
  });

  it('reads every month of a header with the usual abbreviations (febr., sept.) — none silently dropped', () => {
    const header = ['Navn', 'jan.', 'febr.', 'marts', 'april', 'maj', 'juni', 'juli', 'aug.', 'sept.', 'okt.'];
    const { data, warnings } = countsFromTable([header, ['afgang', 10, 10, 10, 10, 10, 10, 10, 10, 1000, 10]]);
    expect(Object.keys(data)).toEqual(['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10']);
    expect(data.M09).toEqual({ afgang: 1000 });
    expect(warnings).toEqual([]);
  });

  it('warns about a column that is neither a period nor the names (but not about a description)', () => {
    const { warnings } = countsFromTable([
      ['Navn', 'Beskrivelse', 'Q1', 'sommer'],
      ['a', 'x', 1, 2],
    ]);
    expect(warnings).toEqual(['Taltabellen: kolonnen "sommer" (D) er hverken en periode (Q1–Q4, januar–december) eller navnene og bruges ikke.']);
  });

  it('finds the layout by where the periods line up, also with a year column, dates, or a lone period', () => {
    // a row per month with a year in front: the months go down column B
    expect(
      countsFromTable([
        ['År', 'Måned', 'opkald'],
        [2025, 'januar', 120],
        [2025, 'februar', 160],
      ]).data,
    ).toEqual({ M01: { opkald: 120 }, M02: { opkald: 160 } });
    // months typed as dates (1 January and 1 February 2025) down a column headed Måned
    expect(
      countsFromTable([
        ['Måned', 'opkald'],
        [45658, 120],
        [45689, 160],
      ]).data,
    ).toEqual({ M01: { opkald: 120 }, M02: { opkald: 160 } });
    // a blank corner and only one quarter
    expect(
      countsFromTable([
        ['', 'Q1'],
        ['a', 1],
      ]).data,
    ).toEqual({ Q1: { a: 1 } });
    // a blank row between the header and the numbers
    expect(
      countsFromTable([
        ['Navn', 'Q1'],
        ['', ''],
        ['a', 1],
      ]).data,
    ).toEqual({ Q1: { a: 1 } });
    expect(message(() => countsFromTable([['Navn', 'Q1']]))).toBe('Taltabellen har ingen rækker med tal under overskrifterne.');
  });

  it('figures under a blank heading are refused, not left out (found by review: a blank Q3 heading turned a goal rød)', () => {
    expect(() =>
      countsFromTable([
        ['Navn', 'Q1', 'Q2', '', 'Q4'],
        ['aftaler', 100, 100, 100, 100],
      ]),
    ).toThrow('Taltabellen: kolonne D har tal (100 i række 2), men ingen overskrift. Skriv perioden eller navnet over den, eller fjern tallene.');
    expect(() =>
      countsFromTable([
        ['Periode', 'opkald', ''],
        ['Q1', 10, 5],
      ]),
    ).toThrow(/kolonne C har tal \(5 i række 2\), men ingen overskrift/);
    // a figure past the header row's end has no heading either
    expect(() =>
      countsFromTable([
        ['Navn', 'Q1'],
        ['aftaler', 100, 100],
      ]),
    ).toThrow(/kolonne C har tal/);
    // an empty column is fine
    expect(
      countsFromTable([
        ['Navn', 'Q1', ''],
        ['aftaler', 100, null],
      ]).data,
    ).toEqual({ Q1: { aftaler: 100 } });
  });
  it('tells rows and columns as on the sheet when the table does not start at A1', () => {
    expect(
      message(() =>
        countsFromTable(
          [
            ['Navn', 'Q1', 'Q2'],
            ['a', 1, 'x'],
          ],
          { row: 5, column: 3 },
        ),
      ),
    ).toMatch(/^Taltabellen, række 6, Q2 \(E\): "x" er ikke et tal/);
    expect(
      message(() =>
        goalsFromTable(
          [
            ['Nr.', 'Mål', 'Retning'],
            ['1', 'A', 'over'],
          ],
          { row: 10, column: 1 },
        ),
      ),
    ).toMatch(/^Måltabellen, række 11, kolonnen "Retning"/);
    expect(
      goalsFromTable(
        [
          ['Nr.', 'Mål'],
          ['1', 'A'],
        ],
        { row: 4, column: 2 },
      ).rowNumbers,
    ).toEqual([5]);
  });

  it('refuses names a measure cannot use, doubled names and periods, mixed periods and text that is not a number', () => {
    expect(
      message(() =>
        countsFromTable([
          ['Navn', 'Q1'],
          ['pristjek foretaget', 1],
        ]),
      ),
    ).toBe('Taltabellen, række 2: "pristjek foretaget" kan ikke bruges som navn i en måling: brug bogstaver, tal og _ uden mellemrum, f.eks. pristjek_foretaget.');
    expect(
      message(() =>
        countsFromTable([
          ['Navn', 'Q1'],
          ['2025tal', 1],
        ]),
      ),
    ).toMatch(/f\.eks\. _2025tal/);
    expect(
      message(() =>
        countsFromTable([
          ['Navn', 'Q1'],
          ['a', 1],
          ['a', 2],
        ]),
      ),
    ).toMatch(/række 3: navnet "a" står allerede/);
    expect(
      message(() =>
        countsFromTable([
          ['Navn', 'Q1', '1. kvt.'],
          ['a', 1, 2],
        ]),
      ),
    ).toMatch(/perioden Q1 står to gange/);
    expect(
      message(() =>
        countsFromTable([
          ['Navn', 'Q1', 'januar'],
          ['a', 1, 2],
        ]),
      ),
    ).toMatch(/enten kvartaler eller måneder/);
    expect(
      message(() =>
        countsFromTable([
          ['Navn', 'Q1'],
          ['a', 'mange'],
        ]),
      ),
    ).toBe('Taltabellen, række 2, Q1 (B): "mange" er ikke et tal. Skriv f.eks. 0,15, 15 % eller 12.000.');
    expect(
      message(() =>
        countsFromTable([
          ['Måned', 'a'],
          ['januar', 1],
          ['sommer', 2],
        ]),
      ),
    ).toMatch(/række 3: "sommer" er ikke en periode/);
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
    const counts = [
      ['Navn', 'Q1'],
      ['a', 1],
      ['b', 2],
    ];
    // A goal without a target is followed, not judged (issue 21: ressourceanvendelse); a count goal needs its number.
    const followed = followupFromTables({
      year: 2025,
      goals: [
        ['Nr.', 'Mål', 'Måling'],
        ['1', 'A', 'a / b'],
      ],
      counts,
    }).rows[0]!;
    expect([followed.status, followed.statusNote]).toEqual([null, '0,5 år til dato (Q1); uden målværdi, så det bedømmes ikke']); // a / b = 1 / 2
    expect(
      message(() =>
        followupFromTables({
          year: 2025,
          goals: [
            ['Nr.', 'Mål', 'Type', 'Måling'],
            ['1', 'A', 'antal', 'a'],
          ],
          counts,
        }),
      ),
    ).toBe('Måltabellen, række 2, kolonnen "Målværdi": Mål 1: et antalsmål skal have "Målværdi" (årets antal, f.eks. 12000).');
    expect(
      message(() =>
        followupFromTables({
          year: 2025,
          goals: [
            ['Nr.', 'Mål', 'Måling', 'Målværdi'],
            ['1', 'A', 'a / c', 1],
          ],
          counts,
        }),
      ),
    ).toMatch(/Måltabellen, række 2, kolonnen "Måling".*"c"/);
    expect(
      message(() =>
        followupFromTables({
          year: 2025,
          goals: [
            ['Nr.', 'Mål', 'Type', 'Frist'],
            ['1', 'A', 'milepæl', ''],
          ],
          counts,
        }),
      ),
    ).toBe('Måltabellen, række 2, kolonnen "Frist": Mål 1: en milepæl skal have "Frist", fristen ("Q4" eller "2025-10-31").');
  });

  it("carries last follow-up's text, and the goals table's own text wins", () => {
    const goals = [
      ['Nr.', 'Mål', 'Måling', 'Målværdi', 'Handling'],
      ['1', 'A', 'a / b', 0.5, 'Ny handling'],
      ['2', 'B', 'a', 1, ''],
    ];
    const previous = [
      { id: '1', cause: 'Årsag fra Q1', action: 'Gammel handling' },
      { id: '2', cause: 'Ferie', action: 'Vikar' },
    ];
    const f = followupFromTables({
      year: 2025,
      goals,
      counts: [
        ['Navn', 'Q1'],
        ['a', 1],
        ['b', 2],
      ],
      previous,
    });
    expect(f.rows.map((r) => [r.cause, r.action])).toEqual([
      // carried text marked as such; the goals table's own action is this quarter's, unmarked
      ['Fra sidste opfølgning: Årsag fra Q1', 'Ny handling'],
      ['Fra sidste opfølgning: Ferie', 'Fra sidste opfølgning: Vikar'],
    ]);
  });
});

describe("the plan's own columns in the goals table (issue 21)", () => {
  const counts = [
    ['Navn', 'Q1', 'Q2'],
    ['uden_fejl', 640, 655],
    ['stikprøver', 650, 660],
  ];
  it('reads Pejlemærke, Måltype, Stikprøver, Start and Slut, and several milestones as rows under their goal', () => {
    const goals = [
      ['Nr.', 'Pejlemærke', 'Måltype', 'Mål', 'Type', 'Måling', 'Målværdi', 'Enhed', 'Stikprøver', 'Start', 'Slut', 'Milepæl', 'Frist', 'Nået'],
      ['2.3', 2, 'Drift', 'Korrekthed', 'andel', 'uden_fejl / stikprøver', '99 %', 'procent', 'stikprøver', '', '', '', '', ''],
      ['3.1', '3', 'Udvikling', 'Datakvalitet', 'milepæl', '', '', '', '', '', '', 'Foranalyse', 'Q1', 45736], // 45736 = 20-03-2025
      ['3.1', '', '', '', '', '', '', '', '', '', '', 'Stopklodser implementeret', '31-10-2025', ''],
      ['9', '', '', 'Kampagne', 'antal', 'uden_fejl', 1000, '', '', '2. kvt.', 'Q2', '', '', ''],
    ];
    const read = goalsFromTable(goals);
    expect(read.warnings).toEqual([]);
    expect(read.goals[1]).toEqual({
      id: '3.1',
      pejlemærke: '3',
      category: 'Udvikling',
      name: 'Datakvalitet',
      kind: 'milestone',
      milestones: [
        { text: 'Foranalyse', due: 'Q1', done: '2025-03-20' },
        { text: 'Stopklodser implementeret', due: '2025-10-31' },
      ],
    });
    expect(read.rowNumbers).toEqual([2, 3, 5]);
    const f = followupFromTables({ year: 2025, goals, counts });
    expect(f.rows.map((r) => [r.id, r.pejlemærke, r.category])).toEqual([
      ['2.3', '2', 'Drift'],
      ['3.1', '3', 'Udvikling'],
      ['9', '', ''],
    ]);
    // 1.295 of 1.310 = 98,85 %: its interval holds 99 % → gul (the sample cannot tell).
    expect([f.rows[0]!.status, f.rows[0]!.interval!.n]).toEqual(['gul', 1310]);
    expect(f.rows[1]!.milestones.map((m) => m.state)).toEqual(['nået', 'ikke nået endnu']);
    // A campaign in Q2 only: 655 against 1.000 for Q2 (1 of 1 period).
    expect(f.rows[2]!.statusNote).toBe('655 til dato (Q2) mod 1.000 forventet efter 1 af 1 perioder (mål for Q2 1.000)');
  });

  it("writes a goal's milestones back as rows under it, and reads them again to the same goal", () => {
    const goal = {
      id: '3.1',
      name: 'Datakvalitet',
      kind: 'milestone',
      milestones: [
        { text: 'A', due: 'Q1', done: 'Q1' },
        { text: 'B', due: '2025-10-31' },
      ],
    };
    const table = goalsToTable([goal]);
    expect(table[0]).toEqual(['Nr.', 'Mål', 'Resultatkrav', 'Type', 'Måling', 'Målværdi', 'Retning', 'Gul margin', 'Enhed', 'År til dato som', 'Milepæl', 'Frist', 'Nået', 'Status']);
    expect(table.slice(1).map((r) => [r[0], r[1], r[10], r[11], r[12]])).toEqual([
      ['3.1', 'Datakvalitet', 'A', 'Q1', 'Q1'],
      ['3.1', '', 'B', '2025-10-31', ''],
    ]);
    expect(goalsFromTable(table).goals).toEqual([goal]);
  });

  it("tells a plan's Type (Drift) to be called Måltype", () => {
    expect(
      message(() =>
        goalsFromTable([
          ['Nr.', 'Mål', 'Type'],
          ['1.1', 'Interessenter', 'Koncernfælles'],
        ]),
      ),
    ).toContain('Står der målets type fra planen (Drift, Udvikling, Koncernfælles), så kald kolonnen "Måltype".');
  });
});

describe('the status in words (statusWord, the sheets and the pane)', () => {
  it('a colour; "følges" for a goal without a target (R.1); "ingen data" for one without figures (1.1 before its Q3 survey)', () => {
    const plan = example('motorstyrelsen-2025.json');
    const words = followupFromTables({ year: 2025, goals: goalsToTable(plan.goals), counts: countsToTable(plan.data, true), period: 'Q2' }).rows.map((r) => [r.id, statusWord(r)]);
    expect(Object.fromEntries(words)).toMatchObject({ 'R.1': 'følges', '1.1': 'ingen data', '2.1': 'gul' });
  });
});

describe("last year's counts table (issue 21: 'Hvad skal der til' by last year's profile)", () => {
  const goals = [
    ['Nr.', 'Mål', 'Type', 'Måling', 'Målværdi'],
    ['2.1a', 'Antal pristjek', 'antal', 'pristjek', 12000],
  ];
  const counts = [
    ['Navn', 'Q1', 'Q2', 'Q3'],
    ['pristjek', 2750, 3120, 2940],
  ];
  it("follows last year's profile: 8.810 × 3.600 / 8.000 = 3.965 against the 3.190 needed", () => {
    const lastYear = [
      ['Navn', 'Q1', 'Q2', 'Q3', 'Q4'],
      ['pristjek', 2600, 2900, 2500, 3600],
    ];
    expect(followupFromTables({ year: 2025, goals, counts, lastYear }).rows[0]!.needText).toBe(
      'Det resterende kvartal skal give mindst 3.190. Følger året sidste års mønster, giver det ca. 3.965, så målet ser ud til at blive nået.',
    );
  });
  it('names it "Sidste års taltabel" in its errors, not the counts table or the JSON key', () => {
    const bad = [
      ['Navn', 'Q1'],
      ['pristjek', 'x'],
    ];
    expect(message(() => followupFromTables({ year: 2025, goals, counts, lastYear: bad }))).toMatch(/^Sidste års taltabel, række 2/);
    const months = [
      ['Navn', 'januar'],
      ['pristjek', 1],
    ];
    expect(message(() => followupFromTables({ year: 2025, goals, counts, lastYear: months }))).toBe('Sidste års taltabel: den skal have samme slags perioder som årets tal (kvartaler Q1–Q4).');
  });
});
