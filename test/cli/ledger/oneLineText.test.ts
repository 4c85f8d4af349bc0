import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerColumns } from '../../../core/ledger/ledgerJson.js';
import { parsePostingRow } from '../../../core/ledger/posting.js';

describe('a CSV record of one line skips the checks that cannot fire on it (pieceFold)', () => {
  it('parsePostingRow gives the same posting or error with oneLineText for any text cells without a line break', () => {
    const header = [
      'Debitor',
      'CPR',
      'Navn',
      'Fordring',
      'Fordringstype',
      'Bogføringsdato',
      'Forfaldsdato',
      'Art',
      'Beløb',
      'Anerkendt',
      'Sidste rettidige betalingsdato',
      'Dom/forlig dato',
      'Sagsbehandler',
    ];
    const columns = headerColumns(header);
    const cell = fc.oneof(
      fc.constantFrom('', ' ', 'D1', 'F1', 'krav', 'betaling', 'rente', 'ja', 'nej', '01-02-2026', '2026-02-30', '100,50', '-1.234,56', 'x', '0101901234', 'Ѕ1', '"'),
      fc.string({ maxLength: 6 }).filter((s) => !/[\r\n]/.test(s)),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: header.length, maxLength: header.length }), (cells) => {
        expect(parsePostingRow(cells, columns, 9, undefined, true)).toEqual(parsePostingRow(cells, columns, 9));
      }),
      { numRuns: 5000 },
    );
  });
});
