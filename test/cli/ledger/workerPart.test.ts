import { describe, expect, it } from 'vitest';
import { createStatementBuilder, partBuffers } from '../../../core/ledger/statement.js';
import { statementFromRows } from '../../../core/ledger/ledgerJson.js';
import { defaultRules } from '../../../core/rules/ruleSet.js';
import { parsePostingRow, isRowError } from '../../../core/ledger/posting.js';
import { headerColumns } from '../../../core/ledger/ledgerJson.js';

describe("the worker's part, handed over rather than copied (statementWorker)", () => {
  it('a part whose number columns are transferred merges to the statement of one builder', () => {
    const header = ['Debitor', 'Navn', 'Fordring', 'Bogføringsdato', 'Forfaldsdato', 'Art', 'Beløb', 'Dom/forlig dato'];
    const rows = Array.from({ length: 300 }, (_, i) => [
      `D${i % 17}`,
      i % 3 === 0 ? `Navn ${i % 17}` : '',
      `F${i % 5}`,
      `0${1 + (i % 9)}-0${1 + (i % 9)}-202${4 + (i % 3)}`,
      '',
      ['krav', 'betaling', 'rente', 'gebyr'][i % 4]!,
      i % 4 === 1 ? '-10,00' : '25,50',
      i % 11 === 0 ? '01-06-2025' : '',
    ]);
    const columns = headerColumns(header);
    const [first, second] = [createStatementBuilder(2026, defaultRules), createStatementBuilder(2026, defaultRules)];
    rows.forEach((cells, i) => {
      const p = parsePostingRow(cells, columns, i + 2);
      if (isRowError(p)) throw new Error(p.message);
      (i % 2 === 0 ? first : second).add(p);
    });
    const part = second.part();
    const buffers = partBuffers(part);
    expect(buffers).toHaveLength(8);
    const moved = structuredClone(part, { transfer: buffers });
    // Handed over: the worker's copy is gone (detached), the main thread's is whole.
    expect(part.numbers.length).toBe(0);
    expect(moved.numbers.length).toBeGreaterThan(0);
    first.merge(moved);
    expect(first.finish()).toEqual(statementFromRows([header, ...rows], 2026, defaultRules));
  });
});
