import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sheetWithoutFormulas, takeFormulas, type FormulaCells } from '../../cli/ledger/sheetFormulas.js';
import { ROOT } from './helpers.js';

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

describe('start-up cost of the CLI', () => {
  /** Packages imported statically by `file` and every module it imports statically. */
  function staticPackages(file: string, seen = new Set<string>()): Set<string> {
    const packages = new Set<string>();
    if (seen.has(file)) return packages;
    seen.add(file);
    // `import type` is erased; `await import()` is loaded on demand.
    for (const m of readFileSync(file, 'utf8').matchAll(/^(?:import|export)(?!\s+type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) for (const p of staticPackages(join(dirname(file), spec.replace(/\.js$/, '.ts')), seen)) packages.add(p);
      else packages.add(spec);
    }
    return packages;
  }
  it('every command starts without loading ExcelJS or the XML parser (~150 and ~80 ms): they load when an .xlsx is read', () => {
    const packages = staticPackages(join(ROOT, 'cli', 'run.ts'));
    expect(packages.has('node:util')).toBe(true);
    expect([...packages].filter((p) => p === 'exceljs' || p === 'fast-xml-parser')).toEqual([]);
  });
});
