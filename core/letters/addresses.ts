/**
 * Where a letter goes: postal addresses keyed on the debitor, from address columns in the ledger
 * or a separate address file (CSV/xlsx rows, first row the header). Headers are matched as
 * everywhere in Saldo (core/input/headers.ts); each address cell is kept as text. A row that
 * cannot be used is reported by its row number in Danish, never skipped in silence.
 */
import { headerWords, matchHeaders } from '../input/headers.js';
import { shownCellText } from '../ledger/posting.js';

export type AddressField = 'debtorId' | 'street' | 'street2' | 'postcode' | 'city' | 'country';

export const ADDRESS_WORDS: Readonly<Record<AddressField, readonly string[]>> = {
  debtorId: ['debitor', 'debitornr', 'debitornummer', 'debitor nr', 'kundenr', 'kundenummer', 'debtorid', 'debtor'],
  street: ['adresse', 'adresselinje 1', 'vej', 'vejnavn og husnummer', 'address', 'street'],
  street2: ['adresse 2', 'adresselinje 2', 'c/o', 'co-adresse', 'address2', 'street2'],
  postcode: ['postnr', 'postnummer', 'post nr', 'zip', 'postcode', 'postal code'],
  city: ['by', 'bynavn', 'postdistrikt', 'city', 'town'],
  country: ['land', 'country'],
};
const WORDS = headerWords(ADDRESS_WORDS);

export interface AddressBook {
  /** The address lines of each debitor, as a window envelope shows them. */
  addresses: Map<string, string[]>;
  problems: Array<{ row: number; message: string }>;
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '');

/** An address book filled one row at a time (a ledger streams by): `row` each row in order, then `done`. */
export interface AddressBookBuilder {
  /** Takes the next row; false once the header was refused (later rows are not read). */
  row(cells: readonly unknown[]): boolean;
  done(): AddressBook;
}

/**
 * The address book from rows (first row the header, rows numbered from 1 as the file shows them).
 * A Danish address needs a four-digit postnummer; one abroad (Land given and not Danmark) keeps
 * its own.
 */
export function addressesFromRows(rows: Iterable<readonly unknown[]>, where: string): AddressBook {
  const book = addressBook(where);
  for (const row of rows) if (!book.row(row)) break;
  return book.done();
}

/** The header of an address file or a ledger has the address columns (Debitor, Adresse, Postnr, By). */
export function hasAddressColumns(header: readonly unknown[]): boolean {
  const match = matchHeaders(header, WORDS);
  return (['debtorId', 'street', 'postcode', 'city'] as const).every((f) => match.columns[f] !== undefined);
}

/** The builder behind addressesFromRows. */
export function addressBook(where: string): AddressBookBuilder {
  const addresses = new Map<string, string[]>();
  const problems: AddressBook['problems'] = [];
  // Debitors with two different addresses: none of them is used.
  const conflicted = new Set<string>();
  let columns: Partial<Record<AddressField, number>> | null = null;
  let refused = false;
  let n = 0;
  const row = (row: readonly unknown[]): boolean => {
    if (refused) return false;
    n += 1;
    if (columns === null) {
      const match = matchHeaders(row, WORDS);
      const missing = (['debtorId', 'street', 'postcode', 'city'] as const).filter((f) => match.columns[f] === undefined);
      if (missing.length > 0) {
        const names = missing.map((f) => `"${ADDRESS_WORDS[f][0]}"`).join(', ');
        problems.push({ row: n, message: `${where}, række ${n}: overskriften mangler ${names} (kendte overskrifter: Debitor, Adresse, Adresse 2, Postnr, By, Land).` });
        refused = true;
        return false;
      }
      for (const d of match.doubled)
        problems.push({
          row: n,
          message: `${where}, række ${n}: to kolonner hedder "${ADDRESS_WORDS[d.field][0]}" (kolonne ${d.first + 1} og ${d.second + 1}); den første bruges ikke blindt – ret overskriften.`,
        });
      if (match.doubled.length > 0) {
        refused = true;
        return false;
      }
      columns = match.columns;
      return true;
    }
    const get = (f: AddressField) => (columns![f] === undefined ? '' : cellText(row[columns![f]]));
    const id = get('debtorId');
    if (row.every((v) => cellText(v) === '')) return true;
    const at = `${where}, række ${n}`;
    if (id === '') {
      problems.push({ row: n, message: `${at}: debitornummeret mangler.` });
      return true;
    }
    const country = get('country');
    const abroad = country !== '' && !/^(danmark|denmark|dk)$/i.test(country);
    const postcode = get('postcode');
    if (get('street') === '' || postcode === '' || get('city') === '') {
      problems.push({
        row: n,
        message: `${at}: adressen for debitor ${shownCellText(id)} mangler ${[get('street') === '' ? 'adresse' : '', postcode === '' ? 'postnr' : '', get('city') === '' ? 'by' : ''].filter(Boolean).join(', ')}.`,
      });
      return true;
    }
    if (!abroad && !/^\d{4}$/.test(postcode)) {
      problems.push({ row: n, message: `${at}: postnummeret ${shownCellText(postcode)} for debitor ${shownCellText(id)} er ikke fire cifre (skriv Land for en adresse i udlandet).` });
      return true;
    }
    const lines = [get('street'), get('street2'), `${postcode} ${get('city')}`, abroad ? country.toUpperCase() : ''].filter((l) => l !== '');
    const before = addresses.get(id);
    if (conflicted.has(id)) return true;
    if (before !== undefined && before.join('\n') !== lines.join('\n')) {
      problems.push({ row: n, message: `${at}: debitor ${shownCellText(id)} har allerede en anden adresse (${before.join(', ')}); Saldo vælger ikke mellem dem.` });
      conflicted.add(id);
      addresses.delete(id);
      return true;
    }
    addresses.set(id, lines);
    return true;
  };
  const done = (): AddressBook => {
    if (columns === null && !refused) problems.push({ row: 0, message: `${where} er tom: den skal have en overskriftsrække med Debitor, Adresse, Postnr og By.` });
    return { addresses, problems };
  };
  return { row, done };
}
