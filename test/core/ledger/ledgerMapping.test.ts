/**
 * The kommune's own words for a ledger's columns and kinds (issue 20): read strictly, applied to a
 * sheet's rows, and the unknown kinds of a run counted by word from the row errors' own field.
 */
import { describe, expect, it } from 'vitest';
import { isSaldoError } from '../../../core/errors.js';
import { analysisFromRows } from '../../../core/ledger/ledgerJson.js';
import { headerGaps, mappedRows, mappingFromRows, unknownKindCounts, unknownKindsText } from '../../../core/ledger/ledgerMapping.js';
import { dayNumberOf } from '../../../core/calendar/date.js';
import type { RowError } from '../../../core/ledger/posting.js';
import { commands } from '../../../core/commands/index.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';

const HEADER = ['Slags', 'I filen', 'Betyder'];

function refusal(rows: unknown[][]): string {
  try {
    mappingFromRows(rows);
  } catch (e) {
    if (isSaldoError(e)) return e.message;
    throw e;
  }
  throw new Error('the mapping was taken');
}

describe('mappingFromRows', () => {
  it("reads columns and kinds, any case, blank rows passed over, by any of Saldo's names for the target", () => {
    const m = mappingFromRows([HEADER, ['kolonne', 'Deb.nr', 'Debitor'], [], ['Kolonne', 'Postdato', 'postingDate'], ['ART', 'Udligning', 'Betaling'], ['art', 'Rykker 1', 'rykkergebyr']]);
    expect(m).toEqual({ columns: { 'deb.nr': 'debtorId', postdato: 'postingDate' }, kinds: { udligning: 'betaling', 'rykker 1': 'gebyr' } });
  });

  it('takes the headers in any order and by their other names', () => {
    expect(
      mappingFromRows([
        ['Betyder', 'Hvad', 'Fra'],
        ['betaling', 'art', 'Udligning'],
      ]).kinds,
    ).toEqual({ udligning: 'betaling' });
  });

  it('refuses, naming the row, whatever it cannot take whole', () => {
    expect(refusal([['Slags', 'Betyder']])).toMatch(/overskrifterne Slags, I filen, Betyder/);
    expect(refusal([HEADER, ['kolonne', 'Deb.nr', 'Debitor'], ['felt', 'X', 'Beløb']])).toBe('Kortlægningen, række 3: Slags skal være "kolonne" eller "art" (fik "felt").');
    expect(refusal([HEADER, ['art', '', 'betaling']])).toMatch(/^Kortlægningen, række 2: "I filen" er tom/);
    expect(refusal([HEADER, ['kolonne', 'Deb.nr', 'Kunde']])).toMatch(/^Kortlægningen, række 2: "Kunde" er ingen kolonne, Saldo læser; skriv en af Debitor, CPR\/CVR/);
    expect(refusal([HEADER, ['art', 'Udligning', 'udligning']])).toMatch(/^Kortlægningen, række 2: "udligning" er ingen art, Saldo kender; skriv en af krav, gebyr/);
    // a word Saldo already reads one way cannot be made to mean another: the built-in meaning is the law-true one
    expect(refusal([HEADER, ['art', 'Afskrevet', 'betaling']])).toBe('Kortlægningen, række 2: Saldo læser allerede arten "Afskrevet" som afskrivning, ikke betaling.');
    expect(refusal([HEADER, ['kolonne', 'Navn', 'Debitor']])).toBe('Kortlægningen, række 2: Saldo læser allerede kolonnen "Navn" som Navn, ikke Debitor.');
    expect(refusal([HEADER, ['art', 'Udligning', 'betaling'], ['art', 'udligning', 'modregning']])).toBe('Kortlægningen, række 3: arten "udligning" er allerede kortlagt som betaling.');
    expect(refusal([HEADER, ['kolonne', 'Nr', 'Debitor'], ['kolonne', 'NR.', 'Fordring']])).toBe('Kortlægningen, række 3: kolonnen "NR." er allerede kortlagt som Debitor.');
  });

  it('allows a word to be mapped to what Saldo already reads it as, and twice to the same', () => {
    expect(mappingFromRows([HEADER, ['art', 'Afskrevet', 'afskrivning'], ['art', 'Udligning', 'betaling'], ['art', 'UDLIGNING', 'indbetaling']]).kinds).toEqual({
      afskrevet: 'afskrivning',
      udligning: 'betaling',
    });
  });
});

describe('mappedRows', () => {
  const mapping = mappingFromRows([HEADER, ['kolonne', 'Deb.nr', 'Debitor'], ['kolonne', 'Bevægelsestype', 'Art'], ['art', 'Udligning', 'betaling']]);
  const rows = [
    ['Deb.nr', 'Fordring', 'Bogf.dato', 'Forf.dato', 'Bevægelsestype', 'Beløb'],
    ['D1', 'F1', '01-02-2026', '01-03-2026', 'Ny fordring', '1.000,00'],
    ['D1', 'F1', '05-03-2026', '', ' Udligning ', '-400,00'],
    ['D1', 'F1', '06-03-2026', '', 'Ombogført', '-100,00'],
  ];

  it('renames the header and maps the kinds, leaving other cells and rows as they are', () => {
    const out = [...mappedRows(rows, mapping)];
    expect(out[0]).toEqual(['Debitor', 'Fordring', 'Bogf.dato', 'Forf.dato', 'Art', 'Beløb']);
    expect(out[1]).toBe(rows[1]);
    expect(out[2]).toEqual(['D1', 'F1', '05-03-2026', '', 'betaling', '-400,00']);
    expect(out[3]).toBe(rows[3]);
  });

  it('lets the analysis read a fagsystem sheet; the kind left unmapped is a row error counted by word', () => {
    const a = analysisFromRows(mappedRows(rows, mapping), dayNumberOf(2026, 12, 31));
    // 1.000 kr. new, 400 kr. paid; "Ombogført" refused, so 600 kr. open
    expect(a.summary.balance).toBe(60_000);
    expect(a.errors).toEqual([{ row: 4, message: expect.stringMatching(/^Ukendt art "Ombogført"/), unknownKind: 'Ombogført' }]);
    expect(unknownKindCounts(a.errors)).toEqual([{ kind: 'Ombogført', rows: 1 }]);
  });
});

describe('the run summary of unknown kinds', () => {
  const errors: RowError[] = [
    { row: 2, message: 'x', unknownKind: 'Udligning' },
    { row: 3, message: 'Beløb mangler.' },
    { row: 5, message: 'x', unknownKind: 'Rykker 1' },
    { row: 9, message: 'x', unknownKind: 'Udligning' },
  ];

  it('counts by word from the field, most rows first, never from the messages', () => {
    expect(unknownKindCounts(errors)).toEqual([
      { kind: 'Udligning', rows: 2 },
      { kind: 'Rykker 1', rows: 1 },
    ]);
    expect(unknownKindsText(errors)).toBe('Ukendte arter: "Udligning" i 2 rækker, "Rykker 1" i 1 række. Giv dem en betydning i en kortlægning (Saldo-kortlægning).');
    expect(unknownKindsText([{ row: 2, message: 'Ukendt art "Udligning"' }])).toBe('');
  });

  it('names ten words and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ row: i + 2, message: 'x', unknownKind: `K${String(i).padStart(2, '0')}` }));
    expect(unknownKindsText(many)).toMatch(/"K09" i 1 række og 2 andre\. /);
  });
});

describe('headerGaps', () => {
  it('says what a header lacks and which of its headers Saldo does not read, before and after a mapping', () => {
    const header = ['Deb.nr', 'Fordring', 'Bogf.dato', 'Bevægelsestype', 'Beløb', ''];
    expect(headerGaps(header)).toEqual({ missing: ['debtorId', 'kind'], unread: ['Deb.nr', 'Bevægelsestype'] });
    const mapping = mappingFromRows([HEADER, ['kolonne', 'Deb.nr', 'Debitor']]);
    expect(headerGaps(header, mapping)).toEqual({ missing: ['kind'], unread: ['Bevægelsestype'] });
  });
});

describe("the task pane's commands with the workbook's mapping sheet", () => {
  const mappingSheet = [HEADER, ['kolonne', 'Deb.nr', 'Debitor'], ['kolonne', 'Bevægelsestype', 'Art'], ['art', 'Udligning', 'betaling']];
  const sheet = [
    ['Deb.nr', 'Fordring', 'Bogf.dato', 'Forf.dato', 'Bevægelsestype', 'Beløb'],
    ['D1', 'F1', '01-02-2026', '01-03-2026', 'Ny fordring', '1.000,00'],
    ['D1', 'F1', '05-03-2026', '', 'Udligning', '-400,00'],
  ];

  it('reads the sheet through it in statements, the radar and the funnel', async () => {
    const statement = commands.statementsOfRows({ year: '2026', yearPlace: 'År', maskCpr: false, mapping: mappingSheet }, defaultRules)(sheet);
    // 1.000 kr. new, 400 kr. paid through "Udligning"
    expect(statement.totals.closing).toBe(60_000);
    expect(statement.errors).toEqual([]);
    const analysis = commands.analyseRows({ asOf: '2026-12-31', asOfPlace: 'Dato', mapping: mappingSheet }, defaultRules)(sheet);
    expect(analysis.summary.balance).toBe(60_000);
    const radar = (await commands.limitationOfRows({ asOf: '2026-12-31', asOfPlace: 'Dato', days: '', daysPlace: 'Dage', maskCpr: false, mapping: mappingSheet }, defaultRules))(sheet);
    expect(radar.errors).toEqual([]);
    const funnel = (await commands.funnelOfRows({ from: '2026-01-01', to: '2026-12-31', places: { from: 'Fra', to: 'Til', asOf: 'Dato' }, mapping: mappingSheet }, defaultRules))(sheet);
    expect(funnel.totals.newAmount).toBe(100_000);
  });

  it('refuses a bad mapping sheet before the ledger is read', () => {
    expect(() => commands.statementsOfRows({ year: '2026', yearPlace: 'År', maskCpr: false, mapping: [HEADER, ['art', 'Afskrevet', 'betaling']] }, defaultRules)).toThrow(
      'Saldo læser allerede arten "Afskrevet" som afskrivning',
    );
  });

  it('without the sheet, the headers are refused as before', () => {
    expect(() => commands.statementsOfRows({ year: '2026', yearPlace: 'År', maskCpr: false }, defaultRules)(sheet)).toThrow(/mangler kolonnerne Debitor, Art/);
  });
});
