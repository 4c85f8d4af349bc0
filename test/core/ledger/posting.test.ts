import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumberOf } from '../../../core/calendar/date.js';
import { dateCell } from '../../../core/input/cells.js';
import { parseAmountText } from '../../../core/input/number.js';
import { mapColumns, parseDateText, parsePostingRow } from '../../../core/ledger/posting.js';

describe('amounts as Danish systems export them', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['1.234', 123400],
    ['12.345.678', 1234567800],
    ['12.5', 1250],
    ['0,5', 50],
    ['-250', -25000],
    ['-1.167,99', -116799],
    [' 42 ', 4200],
    ['+7,25', 725],
    ['0', 0],
    ['-0,00', 0],
    // One amount grammar for every reader (issue 16): a space groups thousands and "kr." may follow,
    // as the task pane and the Excel functions always read them.
    ['1 234,56', 123456],
    ['250 kr.', 25000],
    ['1\u00a0234,5 kr', 123450],
    ['- 500', -50000],
  ])('%s → %d øre', (text, ore) => expect(parseAmountText(text)).toBe(ore));
  it.each(['', 'abc', '1,234', '1.23,4', '12,34.5', '1.2345', '1234.567', '1,', ',5', '1.234.5', '12 34,56', '--1', '1e5', '12.34,5'])('%j is not an amount', (text) => {
    expect(parseAmountText(text)).toBeNull();
  });
  it('agrees with formatting in both conventions (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (ore) => {
        const abs = Math.abs(ore);
        const whole = String(Math.floor(abs / 100));
        const dec = String(abs % 100).padStart(2, '0');
        const sign = ore < 0 ? '-' : '';
        const expected = ore === 0 ? 0 : ore;
        expect(parseAmountText(`${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${dec}`)).toBe(expected);
        expect(parseAmountText(`${sign}${whole},${dec}`)).toBe(expected);
        expect(parseAmountText(`${sign}${whole}.${dec}`)).toBe(expected);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('dates', () => {
  it('reads dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy and ISO', () => {
    const d = dayNumberOf(2026, 2, 1);
    expect(['01-02-2026', '01.02.2026', '1/2/2026', '2026-02-01', '1-2-2026'].map(parseDateText)).toEqual([d, d, d, d, d]);
  });
  it('refuses impossible dates', () => {
    expect(['30-02-2026', '2026-02-30', '32.01.2026', '01-13-2026', '2026/02/01', 'i går', ''].map(parseDateText)).toEqual([null, null, null, null, null, null, null]);
  });
});

describe('a ledger row', () => {
  const header = ['Navn', 'Beløb', 'Debitor', 'Ekstra kolonne', 'Fordring', 'Fordringstype', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'CPR'];
  const { columns, missing } = mapColumns(header);
  it('finds Danish headers in any order and ignores extra columns', () => {
    expect(missing).toEqual([]);
    expect(columns).toMatchObject({ debtorName: 0, amount: 1, debtorId: 2, claimId: 4 });
    expect(mapColumns(['debtorId', 'claimId', 'postingDate', 'kind', 'amount']).missing).toEqual([]);
    expect(mapColumns(['Navn', 'Beløb']).missing).toEqual(['Debitor', 'Fordring', 'Bogføringsdato', 'Art']);
  });
  const row = (patch: Record<number, unknown>) => {
    const cells: unknown[] = ['Søren Østergaard', '1.234,56', 'D1', 'x', 'F1', 'Daginstitution', '02-01-2026', '01-12-2025', 'krav', '010203-1234'];
    for (const [i, v] of Object.entries(patch)) cells[Number(i)] = v;
    return parsePostingRow(cells, columns, 7);
  };
  it('a key field run into the next line is shown to find the row, with a CPR number in it masked', () => {
    const r = row({ 4: 'F1\nD2;0102031234;Anna' }) as { message: string };
    expect(r.message).toMatch(/^Et felt, der skal være én linje .* rummer et linjeskift \("F1\\nD2;010203-xxxx;Anna"\)/);
    expect(r.message).not.toMatch(/0102031234/);
    // a CPR right after the line break (JSON shows it as \n, no word boundary before the digits)
    const first = row({ 4: 'F1\n0506071234;D2' }) as { message: string };
    expect(first.message).toMatch(/\\n050607-xxxx;D2/);
    expect(first.message).not.toMatch(/0506071234/);
  });

  it('a CPR number that slid into another column is masked in the message (found by review: --mask-cpr left it on the Fejl sheet)', () => {
    expect(row({ 6: '020290-1234' })).toEqual({ row: 7, message: 'Bogføringsdatoen "020290-xxxx" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' });
    expect(row({ 7: '0202901234' })).toEqual({ row: 7, message: 'Forfaldsdatoen "020290-xxxx" er ikke en gyldig dato.' });
    expect(row({ 1: '020290-1234' })).toEqual({
      row: 7,
      message: 'Beløbet "020290-xxxx" ligner et CPR-nummer, ikke et beløb. Tjek, om kolonnerne er forskudt i rækken; rækken er udeladt af summerne.',
    });
    // the word the run's summary counts is masked too
    expect(row({ 8: '020290-1234' })).toEqual({ row: 7, message: expect.stringMatching(/^Ukendt art "020290-xxxx"/), unknownKind: '020290-xxxx' });
  });
  it('a payment, write-off or transfer with a positive amount is an error: amounts are signed (found by review: +30 raised the debt)', () => {
    expect(row({ 8: 'betaling', 1: '30,00' })).toEqual({
      row: 7,
      message:
        'Art betaling nedbringer gælden og skal have et negativt beløb (fik "30,00"). Eksporterer systemet den slags som positive tal, så vend fortegnet på betalinger, modregninger, afskrivninger og oversendelser.',
    });
    expect(row({ 8: 'modregning', 1: '30,00' })).toMatchObject({ message: expect.stringMatching(/^Art modregning nedbringer gælden/) });
    expect(row({ 8: 'afskrivning', 1: 100 })).toMatchObject({ message: expect.stringMatching(/^Art afskrivning nedbringer gælden/) });
    expect(row({ 8: 'oversendt', 1: '1,00' })).toMatchObject({ message: expect.stringMatching(/^Art oversendt nedbringer gælden/) });
    // signed the right way, or zero, they are postings; a negative krav (a credit) is allowed
    expect(row({ 8: 'betaling', 1: '-30,00' })).toMatchObject({ kind: 'betaling', amount: -3000 });
    expect(row({ 8: 'betaling', 1: '0' })).toMatchObject({ kind: 'betaling', amount: 0 });
    expect(row({ 8: 'krav', 1: '-30,00' })).toMatchObject({ kind: 'krav', amount: -3000 });
  });
  it('modregning (set-off by the kommune) is a kind of its own, in Danish and English words', () => {
    for (const word of ['modregning', 'Modregning', 'set-off', 'setoff']) expect(row({ 8: word, 1: '-30,00' })).toMatchObject({ kind: 'modregning', amount: -3000 });
  });
  it('Sidste rettidige betalingsdato and Dom/forlig dato: optional date columns, Danish or English headers', () => {
    for (const [timely, judgment] of [
      ['Sidste rettidige betalingsdato', 'Dom/forlig dato'],
      ['lastTimelyPaymentDate', 'judgmentDate'],
    ]) {
      const { columns } = mapColumns(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', timely, judgment]);
      const base = ['D1', 'F1', '01-02-2020', 'krav', '100'];
      expect(parsePostingRow([...base, '15-02-2020', '2021-06-10'], columns, 2)).toMatchObject({ lastTimelyDay: dayNumberOf(2020, 2, 15), judgmentDay: dayNumberOf(2021, 6, 10) });
      expect(parsePostingRow([...base, '', null], columns, 2)).toMatchObject({ lastTimelyDay: null, judgmentDay: null });
      expect(parsePostingRow([...base, '30-02-2020', ''], columns, 2)).toEqual({
        row: 2,
        message: 'Sidste rettidige betalingsdato "30-02-2020" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).',
      });
      expect(parsePostingRow([...base, '', 'ja'], columns, 2)).toEqual({ row: 2, message: 'Dom/forlig dato "ja" er ikke en gyldig dato (brug dd-mm-åååå eller åååå-mm-dd).' });
      expect(parsePostingRow([...base, ['x'], ''], columns, 2)).toMatchObject({ message: expect.stringMatching(/^Sidste rettidige betalingsdato skal være tekst eller en dato, ikke en liste/) });
    }
  });
  it('Anerkendt is ja/dom/forlig or nej/blank; any other word is a row error, not 3 years by default (found by review)', () => {
    const { columns: ack } = mapColumns(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'Anerkendt']);
    const base = ['D1', 'F1', '01-02-2020', 'krav', '100'];
    for (const yes of ['ja', 'Dom', 'forlig', true, 1]) expect(parsePostingRow([...base, yes], ack, 2)).toMatchObject({ acknowledged: true });
    for (const no of ['nej', '', null, false, 0]) expect(parsePostingRow([...base, no], ack, 2)).toMatchObject({ acknowledged: false });
    expect(parsePostingRow([...base, 'dom 2021'], ack, 2)).toEqual({ row: 2, message: 'Anerkendt "dom 2021" kendes ikke: skriv ja, dom eller forlig (10 års forældelse) eller nej/tom (3 år).' });
    expect(parsePostingRow([...base, 'måske'], ack, 2)).toMatchObject({ message: expect.stringMatching(/^Anerkendt "måske" kendes ikke/) });
  });
  it('becomes a posting with øre, day numbers and a lower-case claim type', () => {
    expect(row({})).toEqual({
      row: 7,
      debtorId: 'D1',
      debtorName: 'Søren Østergaard',
      cpr: '010203-1234',
      claimId: 'F1',
      claimType: 'daginstitution',
      postingDay: dayNumberOf(2026, 1, 2),
      dueDay: dayNumberOf(2025, 12, 1),
      kind: 'krav',
      amount: 123456,
      acknowledged: false,
      lastTimelyDay: null,
      judgmentDay: null,
      caseworker: '',
    });
  });
  it.each([
    [{ 2: '' }, 'Debitor mangler.'],
    [{ 4: ' ' }, 'Fordring mangler.'],
    [{ 8: 'overførsel' }, 'Ukendt art "overførsel"'],
    [{ 6: '31-06-2026' }, 'Bogføringsdatoen "31-06-2026" er ikke en gyldig dato'],
    [{ 6: '' }, 'Bogføringsdato mangler.'],
    [{ 7: '2026-13-01' }, 'Forfaldsdatoen "2026-13-01" er ikke en gyldig dato'],
    [{ 1: '12,345' }, 'Beløbet "12,345" er ikke et beløb i kroner med højst 2 decimaler.'],
    [{ 1: '' }, 'Beløb mangler.'],
    // from JSON (found by review): these were read as "[object Object]", merging debtors
    [{ 2: { id: 'D1' } }, 'Debitor skal være tekst eller et tal, ikke et objekt (fik {"id":"D1"}).'],
    [{ 4: ['F1'] }, 'Fordring skal være tekst eller et tal, ikke en liste (fik ["F1"]).'],
    [{ 9: true }, 'CPR/CVR skal være tekst eller et tal, ikke sand/falsk (fik sand).'],
    [{ 1: { kr: 5 } }, 'Beløb skal være tekst eller et tal, ikke et objekt'],
    [{ 6: [2026, 1, 2] }, 'Bogføringsdato skal være tekst eller en dato, ikke en liste'],
  ])('a malformed row is an error with its row number and a Danish reason: %j', (patch, message) => {
    const kind = (patch as Record<number, unknown>)[8];
    expect(row(patch)).toEqual({ row: 7, message: expect.stringContaining(message), ...(kind === undefined ? {} : { unknownKind: kind }) });
  });
  it("takes Excel values too: numbers, serial dates and date cells (a reader's Date, as its day)", () => {
    expect(row({ 1: -250.5, 6: 46024, 7: dateCell(dayNumberOf(2025, 12, 1)) })).toMatchObject({ amount: -25050, postingDay: dayNumberOf(2026, 1, 2), dueDay: dayNumberOf(2025, 12, 1) });
  });
});

describe('words that name Object.prototype members are just unknown words', () => {
  it('a kind "constructor" or a header "__proto__" is not taken from the prototype', () => {
    const { columns } = mapColumns(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'constructor', '__proto__']);
    expect(Object.keys(columns).sort()).toEqual(['amount', 'claimId', 'debtorId', 'kind', 'postingDate']);
    expect(parsePostingRow(['D1', 'F1', '01-01-2026', 'constructor', '1'], columns, 2)).toEqual({ row: 2, message: expect.stringMatching(/Ukendt art "constructor"/), unknownKind: 'constructor' });
    expect(parsePostingRow(['D1', 'F1', '01-01-2026', 'toString', '1'], columns, 3)).toEqual({ row: 3, message: expect.stringMatching(/Ukendt art/), unknownKind: 'toString' });
  });
});

describe('personal data in a row (issue 14)', () => {
  const header = ['Debitor', 'CPR', 'Navn', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb'];
  const { columns } = mapColumns(header);
  const parse = (patch: Record<number, unknown>) => {
    const cells: unknown[] = ['D1', '010190-1234', 'Anne', 'F1', '02-01-2026', 'krav', '100,00'];
    for (const [i, v] of Object.entries(patch)) cells[Number(i)] = v;
    return parsePostingRow(cells, columns, 5);
  };
  const fw = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));

  it.each(['010190 1234', '010190\u20131234', '010190\u20141234', '010190/1234', '01.01.90-1234', '01-01-90-1234', fw('010190-1234'), fw('0101901234')])(
    'a CPR written %j in a shown cell is masked in the message',
    (cpr) => {
      const r = parse({ 5: `x ${cpr}` }) as { message: string };
      expect(r.message).toBe(
        'Ukendt art "x 010190-xxxx" (kendte: krav, gebyr, rente, betaling, modregning, afskrivning, oversendt, tilbagebetaling, korrektion); en kortlægning kan sige, hvad den betyder.',
      );
    },
  );

  // (221290 is 22 December 1990; the 2222221118 has month 22, but ten whole digits are a CPR's shape all the same)
  it.each([['2212901118'], ['221290-1118'], ['221290 1118'], [fw('2212901118')], [2212901118], [' 0101901234 '], ['2222221118'], [2222221118], ['3201901234']])(
    'a CPR number in Beløb (%j) is a row error saying so, not 2.212.901.118 kr.',
    (amount) => {
      const r = parse({ 6: amount }) as { row: number; message: string };
      expect(r.row).toBe(5);
      expect(r.message).toMatch(/^Beløbet "\d{6}-xxxx" ligner et CPR-nummer/);
      expect(r.message).not.toMatch(/1118|1234/);
    },
  );
  it('a CPR typed as a number loses its leading zero in Excel: 101901234 in Beløb is still a CPR number', () => {
    expect(parse({ 6: 101901234 })).toEqual({ row: 5, message: expect.stringMatching(/^Beløbet "010190-xxxx" ligner et CPR-nummer/) });
  });
  it('amounts written with decimals or thousands separators stay amounts, and nine digits without a date', () => {
    expect(parse({ 6: '2222221118,00' })).toMatchObject({ amount: 222222111800 });
    expect(parse({ 6: '3.201.901.234' })).toMatchObject({ amount: 320190123400 });
    // 123.456.789 kr. typed as a number: 12 34 56 is no date, so no CPR number lost its 0
    expect(parse({ 6: 123456789 })).toMatchObject({ amount: 12345678900 });
    expect(parse({ 6: 1234.5 })).toMatchObject({ amount: 123450 });
  });

  it.each([
    ['zero-width space', 'D\u200b1'],
    ['right-to-left mark', '\u200fD1'],
    ['left-to-right mark', 'D1\u200e'],
    ['BOM', '\ufeffD1'],
    ['soft hyphen', 'D\u00ad1'],
    ['full-width letters', '\uff24\uff11'],
    ['no-break space around', '\u00a0D1\u00a0'],
    ['word joiner', 'D\u20601'],
  ])('an id with a %s is the same id as the plain one', (_, id) => {
    expect(parse({ 0: id, 3: id })).toMatchObject({ debtorId: 'D1', claimId: 'D1' });
  });
  it('odd spaces inside an id become one plain space', () => {
    expect(parse({ 0: 'AS\u00a0123', 3: 'F\u2007\u20071' })).toMatchObject({ debtorId: 'AS 123', claimId: 'F 1' });
  });
  it('a CPR number in full-width or Arabic-Indic digits is the same number', () => {
    expect(parse({ 1: fw('010190-1234') })).toMatchObject({ cpr: '010190-1234' });
    expect(parse({ 1: '٠١٠١٩٠١٢٣٤' })).toMatchObject({ cpr: '0101901234' });
  });
  it.each([
    [0, 'Debitor', '\u0410S123', 1, 'kyrillisk', 'U+0410'],
    [3, 'Fordring', 'F\u03bf1', 2, 'græsk', 'U+03BF'],
    [1, 'CPR/CVR', '010190-123\u0417', 11, 'kyrillisk', 'U+0417'],
  ])('a look-alike letter from another script in an id is refused: %s %s', (column, field, id, position, script, code) => {
    const r = parse({ [column]: id }) as { row: number; message: string };
    expect(r.row).toBe(5);
    expect(r.message).toContain(`${field} `);
    expect(r.message).toContain(`tegn nr. ${position}`);
    expect(r.message).toContain(`${script} bogstav`);
    expect(r.message).toContain(code);
  });
  it('a name may be written in any script: only ids are refused', () => {
    expect(parse({ 2: 'Ελένη Παπαδοπούλου' })).toMatchObject({ debtorName: 'Ελένη Παπαδοπούλου' });
  });
});

describe('one header matcher and date cells from the reader (issue 16)', () => {
  it('headers compare without case, doubled spaces or a trailing dot: "Debitornr." is the debitor column', () => {
    const { columns, missing } = mapColumns(['Debitornr.', ' Fordring ', 'Bogføringsdato:', 'ART', 'Beløb']);
    expect(missing).toEqual([]);
    expect(columns).toMatchObject({ debtorId: 0, claimId: 1, postingDate: 2, kind: 3, amount: 4 });
  });
  it('a date cell in the amount column is told as a date, not read as an amount', () => {
    const { columns } = mapColumns(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb']);
    expect(parsePostingRow(['D1', 'F1', '01-01-2026', 'krav', dateCell(dayNumberOf(2026, 3, 1))], columns, 5)).toEqual({
      row: 5,
      message: expect.stringMatching(/^Beløb er en dato \(01-03-2026\), ikke et beløb/),
    });
  });
});

describe('a fagsystem export as it comes (issue 20)', () => {
  it('reads "Debitornr.", "Fordringsart", "Bogf.dato", "Forf.dato" and the kinds "Ny fordring", "Morarenter", "Afskrevet", "Oversendt til inddrivelse"', () => {
    const header = ['Debitornr.', 'Navn', 'Fordring', 'Fordringsart', 'Bogf.dato', 'Forf. dato', 'Art', 'Beløb'];
    const { columns, missing } = mapColumns(header);
    expect(missing).toEqual([]);
    expect(columns).toMatchObject({ debtorId: 0, claimId: 2, claimType: 3, postingDate: 4, dueDate: 5, kind: 6, amount: 7 });
    const kinds = ['Ny fordring', 'Morarenter', 'Afskrevet', 'Oversendt til inddrivelse', 'Modregnet', 'Tilbagebetalt'].map((art) => {
      const p = parsePostingRow(
        ['D1', 'A', 'F1', 'daginstitution', '01-03-2025', '01-03-2025', art, art === 'Ny fordring' || art === 'Morarenter' || art === 'Tilbagebetalt' ? '10,00' : '-10,00'],
        columns,
        2,
      );
      return 'kind' in p ? p.kind : p.message;
    });
    expect(kinds).toEqual(['krav', 'rente', 'afskrivning', 'oversendt', 'modregning', 'tilbagebetaling']);
  });

  it('a kind it does not know stays a row error that names it (never guessed)', () => {
    const { columns } = mapColumns(['Debitornr.', 'Fordring', 'Bogf.dato', 'Art', 'Beløb']);
    const p = parsePostingRow(['D1', 'F1', '01-04-2025', 'Udligning', '-200'], columns, 3);
    expect(p).toEqual({ row: 3, message: expect.stringMatching(/^Ukendt art "Udligning"/), unknownKind: 'Udligning' });
  });
});

describe('the caseworker a fagsystem names (issue 20)', () => {
  it('is read from "Sagsbehandler" when the ledger has it, and is "" when it has not', () => {
    const { columns } = mapColumns(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb', 'Sagsbeh.']);
    const p = parsePostingRow(['D1', 'F1', '01-03-2025', 'krav', '10,00', ' Kim Lund '], columns, 2);
    expect('caseworker' in p && p.caseworker).toBe('Kim Lund');
    const without = parsePostingRow(['D1', 'F1', '01-03-2025', 'krav', '10,00'], mapColumns(['Debitor', 'Fordring', 'Bogføringsdato', 'Art', 'Beløb']).columns, 2);
    expect('caseworker' in without && without.caseworker).toBe('');
  });
});
