/**
 * The `Saldo-regler` sheet: the rules in use written as cells, edited as a controller would in
 * Excel, and read back. Expected figures are the shipped defaults (core/rules) or the edit made.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../../core/commands/index.js';
import { ore } from '../../../core/money/ore.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { readRulesSheet, rulesSheet, rulesSheetText, sheetGrid } from '../../../core/rules/rulesSheet.js';

type Grid = unknown[][];

const written = (): Grid => sheetGrid(rulesSheet(defaultRules)).values.map((r) => [...r]);
const read = (cells: Grid) => readRulesSheet(cells, { base: defaultRules });

/** The 0-based grid row whose first cell is `key` (after the row `after`, e.g. the section title). */
function rowOf(g: Grid, key: string, after = ''): number {
  const start = after === '' ? 0 : g.findIndex((r) => r[0] === after);
  const i = g.findIndex((r, j) => j > start && r[0] === key);
  if (i < 0) throw new Error(`no row ${key}`);
  return i;
}
/** The column of `header` in the header row nearest above grid row `i`. */
function col(g: Grid, i: number, header: string): number {
  for (let r = i; r >= 0; r -= 1) {
    const j = g[r]!.indexOf(header);
    if (j >= 0) return j;
  }
  throw new Error(`no column ${header}`);
}
function set(g: Grid, i: number, values: Record<string, unknown>): void {
  for (const [h, v] of Object.entries(values)) g[i]![col(g, i, h)] = v;
}
/** A new row in a section: a copy of the section's last row with `values`, inserted after it. */
function addRow(g: Grid, afterRow: number, values: Record<string, unknown>): number {
  const copy = [...g[afterRow]!];
  g.splice(afterRow + 1, 0, copy);
  set(g, afterRow + 1, values);
  return afterRow + 1;
}
const lastRowOf = (g: Grid, section: string): number => {
  let i = rowOf(g, section) + 1;
  while (i + 1 < g.length && g[i + 1]!.some((v) => v !== null && v !== '')) i += 1;
  return i;
};

const NEW_SOURCE = { Kilde: 'Kommunens takstblad 2026, byrådsbeslutning 12.11.2026', Kontrolleret: '01-12-2026' };

describe('the rules sheet round trip', () => {
  it('the shipped rules written to the sheet and read back are the shipped rules, with no problems and nothing changed', () => {
    const out = read(written());
    expect(out.problems).toEqual([]);
    expect(out.changed).toEqual([]);
    expect(out.rules).toEqual(defaultRules);
  });
  it('the same from the .csv text cells (Danish numbers "250,00", dates dd-mm-åååå)', () => {
    const text = rulesSheetText(defaultRules);
    const fee = text.find((r) => r[0] === 'rykker-udpantningsret')!;
    expect(fee.slice(2, 7)).toEqual(['ikke fastsat', '250,00', 'ubegrænset', 'ingen', '01-11-2026']);
    const out = read(text);
    expect(out.problems).toEqual([]);
    expect(out.rules).toEqual(defaultRules);
  });
  it("blanks read as 0 (Excel on Windows) or '' (the web) change nothing", () => {
    for (const blank of [0, '']) {
      const g = written().map((r) => r.map((v) => (v === null ? blank : v)));
      const out = read(g);
      expect(out.problems).toEqual([]);
      expect(out.rules).toEqual(defaultRules);
    }
  });
  it('every section has Danish headers with Kontrolleret and Kilde, and the shipped figures in kroner', () => {
    const g = written();
    for (const section of ['Gebyrer', 'Fordringstyper', 'Procedurer', 'Rentetabeller', 'Betalingsevne']) {
      const header = g[rowOf(g, section) + 1]!;
      expect(header).toContain('Kilde');
      expect(header).toContain('Kontrolleret');
    }
    const fee = rowOf(g, 'rykker-civilretlig');
    // renteloven § 9 b: 100 kr., 3 rykkere, 10 dage
    expect(g[fee]!.slice(2, 6)).toEqual(['ikke fastsat', 100, 3, 10]);
    const dag = rowOf(g, 'daginstitution', 'Fordringstyper');
    expect(g[dag]!.slice(0, 7)).toEqual(['daginstitution', 'Daginstitution (forældrebetaling)', 'JA', 'NEJ', 'NEJ', 'JA', 'NEJ']);
  });
});

describe('edits in the sheet', () => {
  it('a takst of 200 kr. with its source and date is applied, and the status shows "gebyr 200,00 kr."', () => {
    const g = written();
    const i = rowOf(g, 'rykker-udpantningsret');
    set(g, i, { 'Kommunens takst (kr.)': '200,00', ...NEW_SOURCE });
    const out = read(g);
    expect(out.problems).toEqual([]);
    expect(out.rules.fees.rykkerPublic.value.takst).toBe(20_000);
    expect(out.rules.fees.rykkerPublic.source).toBe(NEW_SOURCE.Kilde);
    expect(out.rules.fees.rykkerPublic.checked).toBe('2026-12-01');
    expect(out.changed).toEqual([`Gebyrer: Rykkergebyr, krav med udpantningsret (række ${i + 1})`]);
    // A breached daginstitution agreement: the politik's one automatic rykker carries the kommune's takst.
    const status = commands.installmentStatus({ installments: [{ dueDate: '2026-02-02', amount: 500 }], payments: [], asOf: '2026-03-20', claimTypes: ['daginstitution'] }, out.rules);
    expect(status.nextSteps[0]).toMatchObject({ fee: 20_000, feeIsMaximum: false });
  });
  it('a changed takst without a new source or a date is a problem on its row, and the default stays', () => {
    const g = written();
    const i = rowOf(g, 'rykker-udpantningsret');
    set(g, i, { 'Kommunens takst (kr.)': 200 });
    let out = read(g);
    expect(out.problems).toEqual([
      {
        row: i + 1,
        message: `Saldo-regler, række ${i + 1}, kolonnen "Kilde": tallene i rækken er ændret, men kilden er den hidtidige: skriv kilden til de nye tal. Rækken er ikke brugt; det hidtidige gebyr gælder.`,
      },
    ]);
    expect(out.rules.fees.rykkerPublic).toEqual(defaultRules.fees.rykkerPublic);
    set(g, i, { Kilde: NEW_SOURCE.Kilde, Kontrolleret: '' });
    out = read(g);
    expect(out.problems.map((p) => p.message)).toEqual([expect.stringMatching(new RegExp(`^Saldo-regler, række ${i + 1}, kolonnen "Kontrolleret": tallene i rækken er ændret: skriv datoen`))]);
    set(g, i, { Kontrolleret: '31-02-2026' });
    expect(read(g).problems.map((p) => p.message)).toEqual([expect.stringMatching(/kolonnen "Kontrolleret": "31-02-2026" er ikke en dato|kolonnen "Kontrolleret": er ikke en dato/)]);
    expect(read(g).rules).toEqual(defaultRules);
  });
  it('the checked date may be an Excel date, ISO or dd-mm-åååå', () => {
    for (const date of [46357, '2026-12-01', '01-12-2026', '1.12.2026']) {
      const g = written();
      set(g, rowOf(g, 'rykker-udpantningsret'), { 'Kommunens takst (kr.)': 200, Kilde: NEW_SOURCE.Kilde, Kontrolleret: date });
      // 46357 = 2026-12-01 (46023 = 2026-01-01, + 334 days)
      expect(read(g).rules.fees.rykkerPublic.checked).toBe('2026-12-01');
    }
  });
  it('a takst over the legal maximum (gebyrloven § 2 stk. 3: 250 kr.) is a problem naming the row and column; other rows still apply', () => {
    const g = written();
    const i = rowOf(g, 'rykker-udpantningsret');
    set(g, i, { 'Kommunens takst (kr.)': '300,00', ...NEW_SOURCE });
    const j = rowOf(g, 'rykker-civilretlig');
    set(g, j, { 'Kommunens takst (kr.)': 100, ...NEW_SOURCE });
    const out = read(g);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]!.row).toBe(i + 1);
    expect(out.problems[0]!.message).toMatch(new RegExp(`^Saldo-regler, række ${i + 1}, kolonnen "Kommunens takst \\(kr\\.\\)": taksten 300,00 kr\\. er over lovens maksimum 250,00 kr\\.`));
    expect(out.problems[0]!.message).not.toMatch(/fees|rykkerPublic|maxPerRykker|\.takst/);
    expect(out.rules.fees.rykkerPublic).toEqual(defaultRules.fees.rykkerPublic);
    expect(out.rules.fees.rykkerCivil.value.takst).toBe(10_000);
  });
  it('a new claim type row (dagpleje) is added, with its own source', () => {
    const g = written();
    const last = lastRowOf(g, 'Fordringstyper');
    addRow(g, last, {
      Fordringstype: 'dagpleje',
      Betegnelse: 'Dagpleje (forældrebetaling)',
      Udpantningsret: 'JA',
      'Civilretligt krav': 'nej',
      'Henstand normalt muligt': 'NEJ',
      Medhæftere: 'JA',
      Tilbagebetalingskrav: 'NEJ',
      'Forældelse (år)': 3,
      Prioritet: 0,
      'Rykkere med gebyr': 'efter gebyrreglen',
      'Procedure ved restance': 'restance',
      'Procedure ved misligholdt aftale': 'misligholdt-aftale',
      Kilde: 'Kommunens opkrævningspolitik 2026, afsnit 3',
      Kontrolleret: '2026-11-20',
    });
    const out = read(g);
    expect(out.problems).toEqual([]);
    expect(out.rules.claimTypes.value.dagpleje).toMatchObject({
      label: 'Dagpleje (forældrebetaling)',
      udpantningsret: true,
      medhaeftere: true,
      henstandNormallyAllowed: false,
      source: 'Kommunens opkrævningspolitik 2026, afsnit 3',
    });
    expect(out.changed).toEqual([`Fordringstyper: dagpleje (række ${last + 2})`]);
    // Written again, the row carries its own source and reads back unchanged.
    const again = sheetGrid(rulesSheet(out.rules)).values;
    expect(readRulesSheet(again, { base: defaultRules }).rules).toEqual(out.rules);
  });
  it('a new claim type naming a procedure that does not exist is a problem on its row', () => {
    const g = written();
    const i = addRow(g, lastRowOf(g, 'Fordringstyper'), { Fordringstype: 'sfo', Betegnelse: 'SFO', 'Procedure ved restance': 'findes-ikke', ...NEW_SOURCE });
    const out = read(g);
    expect(out.problems).toEqual([{ row: i + 1, message: expect.stringMatching(new RegExp(`^Saldo-regler, række ${i + 1}, kolonnen "Procedure ved restance": ukendt procedure "findes-ikke"`)) }]);
    expect(out.rules.claimTypes.value.sfo).toBeUndefined();
  });
  it('a new betalingsevne year (2026) is loaded as its own table; 2024 stays', () => {
    const g = written();
    const last = lastRowOf(g, 'Betalingsevne');
    const src = { Kilde: 'SKM2025.600.GÆLDST (testtal, ikke verificeret)', Kontrolleret: '05-01-2026' };
    const a = addRow(g, last, { År: 2026, 'Fra (kr.)': 0, 'Til (kr.)': '140.000', 'Uden forsørgerpligt (%)': 4, 'Med forsørgerpligt (%)': 3, ...src });
    addRow(g, a, { År: '2026', 'Fra (kr.)': 140_001, 'Til (kr.)': 'og derover', 'Uden forsørgerpligt (%)': 20, 'Med forsørgerpligt (%)': 10, ...src });
    const out = read(g);
    expect(out.problems).toEqual([]);
    expect(out.rules.betalingsevne['2026']).toMatchObject({
      rows: [
        { from: 0, to: 140_000, withoutChildren: 4, withChildren: 3 },
        { from: 140_001, to: null, withoutChildren: 20, withChildren: 10 },
      ],
      source: src.Kilde,
      checked: '2026-01-05',
    });
    expect(out.rules.betalingsevne['2024']).toEqual(defaultRules.betalingsevne['2024']);
    // 250.000 kr. × 20 % / 12 = 4.166,67 → rounded down to 50 kr.: 4.150 kr. a month
    expect(commands.betalingsevne({ netIncome: ore(25_000_000), year: 2026, supportsChildren: false }, out.rules).monthly).toBe(415_000);
  });
  it('brackets that do not meet are a problem on the bracket row, and the year is not loaded', () => {
    const g = written();
    const src = { Kilde: 'SKM2025.600.GÆLDST', Kontrolleret: '05-01-2026' };
    const a = addRow(g, lastRowOf(g, 'Betalingsevne'), { År: 2026, 'Fra (kr.)': 0, 'Til (kr.)': 140_000, 'Uden forsørgerpligt (%)': 4, 'Med forsørgerpligt (%)': 3, ...src });
    const b = addRow(g, a, { År: 2026, 'Fra (kr.)': 150_000, 'Til (kr.)': 'og derover', 'Uden forsørgerpligt (%)': 20, 'Med forsørgerpligt (%)': 10, ...src });
    const out = read(g);
    expect(out.problems).toEqual([
      {
        row: b + 1,
        message: `Saldo-regler, række ${b + 1}, kolonnen "Fra (kr.)": rækkerne skal slutte op til hinanden (forrige slutter ved 140000). Betalingsevnetabellen for 2026 er ikke indlæst.`,
      },
    ]);
    expect(out.rules.betalingsevne['2026']).toBeUndefined();
  });
  it('a bad step row (an unknown kind of step) is a problem on its row; the procedure stays as shipped', () => {
    const g = written();
    const i = rowOf(g, 'restance', 'Procedurer');
    set(g, i, { Art: 'brev', ...NEW_SOURCE });
    const out = read(g);
    expect(out.problems).toEqual([
      {
        row: i + 1,
        message: `Saldo-regler, række ${i + 1}, kolonnen "Art": skal være en af rykker, opkald, varsel, betalingsordning, fundament, oversendelse. Proceduren "restance" er ikke indlæst; den hidtidige procedure gælder.`,
      },
    ]);
    expect(out.rules.procedures).toEqual(defaultRules.procedures);
  });
  it("a procedure without the written notice before oversendelse is refused (gældsinddrivelsesloven § 2 stk. 4), named by the sheet's column", () => {
    const g = written();
    const first = rowOf(g, 'oversend-efter-1-rykker', 'Procedurer');
    set(g, first, { Varsel: 'NEJ', ...NEW_SOURCE });
    const out = read(g);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]!.row).toBe(first + 2); // the oversendelse step, after rykker 1
    expect(out.problems[0]!.message).toMatch(/kolonnen "Trin": skyldneren skal have skriftligt varsel før oversendelse .*\("Varsel"\)\. Proceduren "oversend-efter-1-rykker" er ikke indlæst/);
  });
  it("a step's days changed with a source is applied; the days between rykkere are the kommune's", () => {
    const g = written();
    const i = rowOf(g, 'restance', 'Procedurer') + 1; // rykker2
    expect(g[i]![col(g, i, 'Trin')]).toBe('rykker2');
    set(g, i, { 'Dage efter forrige': 14, ...NEW_SOURCE });
    const out = read(g);
    expect(out.problems).toEqual([]);
    expect(out.rules.procedures.value.restance!.steps[1]!.afterDays).toBe(14);
    expect(out.rules.procedures.value.restance!.source).toBe(NEW_SOURCE.Kilde);
    expect(out.rules.procedures.value.ejendomsskat).toEqual(defaultRules.procedures.value.ejendomsskat);
  });
  it("a new rate row (morarente from 1 July 2026) with the table's new end date is added to the shipped table", () => {
    const g = written();
    const last = lastRowOf(g, 'Rentetabeller');
    // the shipped tables are morarente then inddrivelsesrente: add after morarente's last row
    const mora = g.findIndex((r, j) => j > rowOf(g, 'Rentetabeller') && r[0] === 'inddrivelsesrente') - 1;
    expect(last).toBeGreaterThan(mora);
    const i = addRow(g, mora, {
      Tabel: 'morarente',
      Fra: '01-07-2026',
      'Årlig rente (%)': '9,75',
      'Dækker til og med': '31-12-2026',
      Kilde: 'Nationalbanken, udlånsrente 1.7.2026 (test)',
      Kontrolleret: '02-07-2026',
    });
    const out = read(g);
    expect(out.problems).toEqual([]);
    const table = out.rules.rateTables.morarente!;
    expect(table.rows.at(-1)).toMatchObject({ from: '2026-07-01', annualRatePpm: 97_500 });
    expect(table.rows).toHaveLength(defaultRules.rateTables.morarente!.rows.length + 1);
    expect(table.validThrough).toBe('2026-12-31');
    expect(out.changed).toEqual([`Rentetabeller: morarente fra 01-07-2026 (række ${i + 1})`]);
    // without the end date the new rate lies after the table's end: named on its row
    set(g, i, { 'Dækker til og med': '' });
    expect(read(g).problems).toEqual([{ row: i + 1, message: expect.stringMatching(new RegExp(`^Saldo-regler, række ${i + 1}, kolonnen "Dækker til og med": ligger før tabellens sidste sats`)) }]);
  });
  it('an unknown section and an unknown column are problems, never passed over', () => {
    const g = written();
    g.push([], ['Renter'], ['x', 'y']);
    const header = rowOf(g, 'Gebyrer') + 1;
    g[header]![10] = 'Bemærkning';
    const out = read(g);
    expect(out.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(new RegExp(`^Saldo-regler, række ${header + 1}, kolonne K: ukendt kolonne "Bemærkning" i afsnittet Gebyrer`)),
      expect.stringMatching(new RegExp(`^Saldo-regler, række ${g.length - 1}: "Renter" er ikke et afsnit`)),
    ]);
    expect(out.rules).toEqual(defaultRules);
  });
  it('a sheet without any section says so', () => {
    expect(read([['Noget helt andet']]).problems).toEqual([{ row: 1, message: expect.stringMatching(/arket har ingen af afsnittene Gebyrer, Fordringstyper/) }]);
  });
  it('a used range that starts lower down counts rows as the sheet does', () => {
    const g = written();
    const i = rowOf(g, 'rykker-udpantningsret');
    set(g, i, { 'Kommunens takst (kr.)': 999 });
    const out = readRulesSheet(g.slice(3), { base: defaultRules, firstRow: 4 });
    expect(out.problems[0]!.row).toBe(i + 1);
  });
});
