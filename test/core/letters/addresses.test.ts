import { describe, expect, it } from 'vitest';
import { addressesFromRows } from '../../../core/letters/addresses.js';
import { parseKommuneSettings } from '../../../core/letters/settings.js';

describe('addresses for letters', () => {
  it('reads an address file with a fagsystem header, keeps text as text and numbers as their digits', () => {
    const book = addressesFromRows(
      [
        ['Debitornr.', 'Adresse', 'Adresse 2', 'Postnr', 'By', 'Land'],
        ['D1', 'Strandvejen 12, 2. th.', '', 2635, 'Ishøj', ''],
        [1234, ' Byvej  3 ', 'c/o Hansen', '2630', 'Taastrup', 'Danmark'],
        ['D3', 'Rue de Rivoli 1', '', '75001', 'Paris', 'Frankrig'],
      ],
      'Adressefilen',
    );
    expect(book.problems).toEqual([]);
    expect(book.addresses.get('D1')).toEqual(['Strandvejen 12, 2. th.', '2635 Ishøj']);
    expect(book.addresses.get('1234')).toEqual(['Byvej 3', 'c/o Hansen', '2630 Taastrup']);
    expect(book.addresses.get('D3')).toEqual(['Rue de Rivoli 1', '75001 Paris', 'FRANKRIG']);
  });

  it('reports each unusable row by its number in Danish, and never picks between two addresses', () => {
    const book = addressesFromRows(
      [
        ['Debitor', 'Adresse', 'Postnr', 'By'],
        ['D1', 'Strandvejen 12', '263', 'Ishøj'],
        ['', 'Byvej 3', '2630', 'Taastrup'],
        ['D2', 'Byvej 3', '2630', 'Taastrup'],
        ['D2', 'Byvej 5', '2630', 'Taastrup'],
        ['D4', '', '2630', ''],
      ],
      'Adressefilen',
    );
    expect(book.problems.map((p) => p.message)).toEqual([
      'Adressefilen, række 2: postnummeret "263" for debitor "D1" er ikke fire cifre (skriv Land for en adresse i udlandet).',
      'Adressefilen, række 3: debitornummeret mangler.',
      'Adressefilen, række 5: debitor "D2" har allerede en anden adresse (Byvej 3, 2630 Taastrup); Saldo vælger ikke mellem dem.',
      'Adressefilen, række 6: adressen for debitor "D4" mangler adresse, by.',
    ]);
    expect([...book.addresses.keys()]).toEqual([]);
  });

  it('refuses a header without the address columns', () => {
    expect(addressesFromRows([['Debitor', 'Navn']], 'Adressefilen').problems[0]!.message).toBe(
      'Adressefilen, række 1: overskriften mangler "adresse", "postnr", "by" (kendte overskrifter: Debitor, Adresse, Adresse 2, Postnr, By, Land).',
    );
  });
});

describe('the kommune settings file', () => {
  it('reads who sends, whom to contact and where to pay', () => {
    expect(parseKommuneSettings({ kommune: 'Ishøj Kommune', sender: 'Opkrævningen', contact: 'tlf. 43 57 70 00', account: '1234-5678901234' })).toEqual({
      kommune: 'Ishøj Kommune',
      sender: 'Opkrævningen',
      contact: 'tlf. 43 57 70 00',
      account: '1234-5678901234',
    });
  });
  it.each([
    [{ contact: 'x' }, /kommune/],
    [{ kommune: 'K', contact: 'x', account: '12-34' }, /account: skriv reg\.nr\. og kontonr\./],
    [{ kommune: 'K', contact: 'x', konto: '1234-1' }, /Ukendt felt "konto"/],
  ])('refuses %j in Danish, naming the field', (raw, message) => {
    expect(() => parseKommuneSettings(raw)).toThrow(message);
  });
});
