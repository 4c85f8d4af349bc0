import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';

type Helpers = {
  toCommonJs(e: typeof esbuild, code: string): Promise<string>;
  requiredAtOnce(code: string): string[];
  inCycles(graph: Map<string, string[]>): Set<string>;
  boundOnce(code: string, name: string): boolean;
  plainExports(code: string): string;
};
const helpers = createRequire(import.meta.url)('../../cli/bundleCommonJs.cjs') as Helpers;

/** Runs a CommonJS text as a module of its own and gives its exports (required files from `others`). */
function load(code: string, others: Record<string, unknown> = {}): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  const require = (p: string) => others[p] ?? (p.startsWith('node:') ? createRequire(import.meta.url)(p) : undefined);
  new Function('module', 'exports', 'require', '__filename', code)(module, module.exports, require, '/x/chunk.cjs');
  return module.exports;
}

const chunk = `
import { twice } from "./chunk-B.mjs";
let counter = 0;
function bump() { counter++; return twice(counter); }
const LIMIT = 10;
class Saldo {}
var late;
function setLate(v) { late = v; }
export { LIMIT, Saldo, bump, counter, late, setLate };
`;

describe("the launcher's CommonJS (cli/bundleCommonJs.cjs)", () => {
  it('exports a name bound once as a plain value, and one assigned later through a getter that stays live', async () => {
    const code = helpers.plainExports(await helpers.toCommonJs(esbuild, chunk));
    const b = { twice: (n: number) => 2 * n };
    const m = load(code, { './chunk-B.cjs': b });
    const kind = (name: string) => ('value' in Object.getOwnPropertyDescriptor(m, name)! ? 'value' : 'getter');
    expect(['LIMIT', 'Saldo', 'bump', 'setLate'].map(kind)).toEqual(['value', 'value', 'value', 'value']);
    expect(['counter', 'late'].map(kind)).toEqual(['getter', 'getter']);
    // The getters are live bindings, as the ES module's were.
    expect((m.bump as () => number)()).toBe(2);
    expect(m.counter).toBe(1);
    (m.setLate as (v: string) => void)('sat');
    expect(m.late).toBe('sat');
    expect(m.LIMIT).toBe(10);
  });

  it("turns the bundle's own imports into require of the .cjs twin, a lazy one into __saldoRequire, and packages keep import()", async () => {
    const code = await helpers.toCommonJs(esbuild, 'import { a } from "./chunk-A.mjs";\nexport const f = async () => [a, await import("./late-X.mjs"), await import("mathjs"), import.meta.url];\n');
    expect(helpers.requiredAtOnce(code)).toEqual(['chunk-A.cjs']);
    expect(code).toContain('__saldoRequire("./late-X.cjs")');
    expect(code).toMatch(/import\("mathjs"\)/);
    expect(code).toMatch(/^const __saldoMetaUrl = require\("node:url"\)\.pathToFileURL\(__filename\)\.href;$/m);
    // A file that needs neither gets no banner (pathToFileURL at each start cost time).
    expect(await helpers.toCommonJs(esbuild, 'export const x = 1;\n')).not.toMatch(/__saldo/);
  });

  it('finds the files in a cycle of requires, which keep their getters', () => {
    const graph = new Map([
      ['a.cjs', ['b.cjs']],
      ['b.cjs', ['c.cjs', 'a.cjs']],
      ['c.cjs', []],
      ['d.cjs', ['a.cjs']],
      ['e.cjs', ['e.cjs']],
    ]);
    expect([...helpers.inCycles(graph)].sort()).toEqual(['a.cjs', 'b.cjs', 'e.cjs']);
  });

  it('counts assignments, not comparisons or properties of the same name', () => {
    expect(helpers.boundOnce('var x = 1;\nif (x === 1) y.x = 2;\n', 'x')).toBe(true);
    expect(helpers.boundOnce('var x = 1;\nx += 2;\n', 'x')).toBe(false);
    expect(helpers.boundOnce('let x = 1;\nfunction f() { --x; }\n', 'x')).toBe(false);
    expect(helpers.boundOnce('function f() {}\nf.extra = 1;\n', 'f')).toBe(true);
    expect(helpers.boundOnce('function f() {}\nf = null;\n', 'f')).toBe(false);
    expect(helpers.boundOnce('var $x;\n$x = 2;\n', '$x')).toBe(false); // declared without its value
  });
});
