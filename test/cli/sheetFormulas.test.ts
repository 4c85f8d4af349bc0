import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sheetWithoutFormulas, takeFormulas, type FormulaCells } from '../../cli/ledger/sheetFormulas.js';

const row = (r: number, width: number) =>
  `<row r="${r}"><c r="A${r}"><f>B${r}&amp;"Ø"</f><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Æ${'x'.repeat(width)}</t></is></c><c r="C${r}" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D${r}"><f t="shared" si="0"/></c></row>`;

describe('formulas taken out of sheet XML', () => {
  it('a cell keeps its value and loses its formula, which is told by row and 0-based column', () => {
    const cells: FormulaCells = new Map();
    expect(takeFormulas(row(7, 0), cells)).toBe('<row r="7"><c r="A7"><v>7</v></c><c r="B7" t="inlineStr"><is><t>Æ</t></is></c><c r="C7" t="e"><v>#DIV/0!</v></c><c r="D7"></c></row>');
    expect([...cells.get(7)!]).toEqual([
      [0, { formula: 'B7&"Ø"', saved: true }],
      [2, { formula: '1/0', saved: true }],
      [3, { formula: '', saved: false }],
    ]);
  });
  it('the stream gives the same bytes and formulas whatever the chunk cuts (inside "</row>", inside "Æ")', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 97 }), async (widths, cut) => {
        const xml = `<worksheet><sheetData>${widths.map((w, i) => row(i + 1, w)).join('')}</sheetData><conditionalFormatting><cfRule><formula>1</formula></cfRule></conditionalFormatting></worksheet>`;
        const whole: FormulaCells = new Map();
        const expected = takeFormulas(xml, whole);
        const bytes = Buffer.from(xml);
        const chunks = async function* () {
          for (let i = 0; i < bytes.length; i += cut) yield bytes.subarray(i, i + cut);
        };
        const cells: FormulaCells = new Map();
        const out: Buffer[] = [];
        for await (const b of sheetWithoutFormulas(chunks(), cells, () => new Error('broken'))) out.push(b);
        expect(Buffer.concat(out).toString()).toBe(expected);
        expect([...cells]).toEqual([...whole]);
      }),
      { numRuns: 300 },
    );
  });
});
