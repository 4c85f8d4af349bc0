/**
 * A goal's measure: a math expression over named counts ("pristjek / selvanmeldte"), parsed
 * and evaluated with mathjs in a locked-down instance. Following mathjs's security guidance
 * (mathjs.org/docs/expressions/security.html) the instance holds only arithmetic and min, max,
 * abs, round — no evaluate, simplify or derivative at all — and `import`, `createUnit` and `parse`
 * are replaced by functions that throw. On top of that,
 * the parsed tree is checked before it is compiled: only numbers, names from the data, + − × ÷ ^,
 * parentheses and those four functions pass. No assignment, function definition, property access
 * (`a.constructor`), indexing, objects, arrays, ranges, conditions or units get through.
 */
import {
  absDependencies,
  addDependencies,
  create,
  divideDependencies,
  maxDependencies,
  minDependencies,
  multiplyDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  type FactoryFunctionMap,
  type MathNode,
} from 'mathjs';
import { SaldoError, type At } from '../errors.js';

// Only these factories (and what they need): the rest of mathjs is not in the instance, nor in the bundle.
const factories: FactoryFunctionMap = Object.assign(
  {},
  parseDependencies,
  addDependencies,
  subtractDependencies,
  multiplyDependencies,
  divideDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  powDependencies,
  minDependencies,
  maxDependencies,
  absDependencies,
  roundDependencies,
);
const math = create(
  factories,
  // Plain doubles; `predictable`: (−8)^(1/3) is NaN, not a complex number.
  { number: 'number', predictable: true },
);
const parse = math.parse;
const disabled = (name: string) => () => {
  throw new Error(`${name} er slået fra i Saldos målberegning.`);
};
// Our parser is held above; inside expressions these names only throw.
math.import({ import: disabled('import'), createUnit: disabled('createUnit'), parse: disabled('parse') }, { override: true });

const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow']);
const FUNCTIONS = new Set(['min', 'max', 'abs', 'round']);
/** Longer than any sensible measure; also bounds the parser's recursion. */
const MAX_LENGTH = 500;

/**
 * The first character mathjs would take in a way a controller did not mean, shown for a message
 * (with its place, counted from 1), or null. Only names (letters, digits, _), numbers, + - * / ^,
 * parentheses, commas, points, spaces and tabs pass: "#" would silently start a comment, a line
 * break or ";" a second expression (only the last counts), "'" transpose, "!" factorial.
 */
function strayCharacter(text: string): string | null {
  const at = text.search(/[^\p{L}\p{M}0-9_+\-*/^(),. \t]/u);
  if (at < 0) return null;
  const c = text.codePointAt(at)!;
  const shown = c === 10 || c === 13 ? 'et linjeskift' : c < 32 || c === 127 ? `et styretegn (kode ${c})` : `"${String.fromCodePoint(c)}"`;
  return `${shown} (tegn ${at + 1})`;
}

export interface Measure {
  /** The expression as written. */
  text: string;
  /** The data names it uses, in order of first use. */
  names: string[];
  /** The value on one period's (or the summed) counts; null when it divides by zero ("ingen data"). */
  evaluate(counts: ReadonlyMap<string, number>): number | null;
}

/**
 * Parses and checks a measure for goal `goalId` ('' for none); `known` are the names the data
 * has. Every problem is a Danish error that names the goal.
 * @example compileMeasure('pristjek / selvanmeldte', '2.1', 'goals[0].measure', new Set(['pristjek', 'selvanmeldte'])).evaluate(new Map([['pristjek', 3], ['selvanmeldte', 20]])) // 0.15
 */
export function compileMeasure(text: string, goalId: string, field: At, known: ReadonlySet<string>): Measure {
  const shownText = `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
  const fail = (why: string) => new SaldoError('UGYLDIGT_INPUT', field, text, goalId === '' ? `Målingen ${shownText} ${why}` : `Mål ${goalId}: målingen ${shownText} ${why}`);
  if (text.trim() === '') throw fail('er tom: skriv en beregning som "pristjek / selvanmeldte".');
  if (text.length > MAX_LENGTH) throw fail(`er for lang (højst ${MAX_LENGTH} tegn).`);
  // mathjs reads "b %" as b / 100 (so "a / b %" is a / (b / 100)): a percent sign is refused, the
  // unit says how a share is shown.
  if (text.includes('%')) throw fail('må ikke indeholde %: skriv andelen som en brøk (f.eks. "a / b") og vælg enheden procent.');
  const stray = strayCharacter(text);
  if (stray !== null) throw fail(`må ikke indeholde ${stray}: kun navne, tal, + - * / ^, parenteser og komma.`);
  // mathjs reads 0x10 as 16 and 0b101 as 5: no controller types a count that way.
  if (/(^|[^\p{L}\d_.])0[xbo]/iu.test(text)) throw fail('må ikke indeholde tal skrevet med 0x, 0b eller 0o: skriv tallet som et almindeligt tal.');
  let tree: MathNode;
  try {
    tree = parse(text);
  } catch (e) {
    // mathjs says what went wrong in English, "… (char 6)": only the place is passed on.
    const at = /\(char (\d+)\)/.exec((e as Error).message);
    throw fail(`kan ikke læses${at ? ` (ved tegn ${at[1]})` : ''}: tjek regnetegn, parenteser og navne.`);
  }
  const names: string[] = [];
  const check = (node: MathNode, depth: number): void => {
    if (depth > 100) throw fail('er for dybt indlejret.');
    switch (node.type) {
      case 'ConstantNode': {
        if (typeof (node as unknown as { value: unknown }).value !== 'number') throw fail('må kun indeholde tal, navne, + − * / ^, parenteser og min, max, abs, round.');
        return;
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        if (!known.has(name)) throw fail(`bruger det ukendte navn "${name}". Kendte navne i data: ${[...known].join(', ') || '(ingen)'}.`);
        if (!names.includes(name)) names.push(name);
        return;
      }
      case 'ParenthesisNode':
        return check((node as unknown as { content: MathNode }).content, depth + 1);
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[]; implicit?: boolean };
        if (!OPERATORS.has(op.fn)) throw fail(`bruger "${op.op}", som ikke er tilladt (kun + − * / ^).`);
        // "pristjek selvanmeldte" or "2a" would be multiplied in silence: a missing sign is an error.
        if (op.implicit) throw fail('mangler et regnetegn mellem to tal eller navne (skriv * for gange, / for delt med).');
        for (const arg of op.args) check(arg, depth + 1);
        return;
      }
      case 'FunctionNode': {
        const f = node as unknown as { fn: MathNode; args: MathNode[] };
        const name = f.fn.type === 'SymbolNode' ? (f.fn as unknown as { name: string }).name : '';
        if (!FUNCTIONS.has(name)) throw fail(`kalder ${name === '' ? 'en funktion' : `funktionen "${name}"`}, som ikke er tilladt (kun min, max, abs, round).`);
        // The right number of arguments (mathjs would throw in English at evaluation otherwise).
        if (name === 'abs' && f.args.length !== 1) throw fail('bruger abs med andet end ét tal: abs(x).');
        if ((name === 'min' || name === 'max') && f.args.length === 0) throw fail(`bruger ${name} uden tal: ${name}(a, b).`);
        if (name === 'round') {
          const digits = f.args[1] as unknown as { type: string; value: unknown } | undefined;
          const okDigits = digits === undefined || (digits.type === 'ConstantNode' && typeof digits.value === 'number' && Number.isInteger(digits.value) && digits.value >= 0 && digits.value <= 15);
          if (f.args.length < 1 || f.args.length > 2 || !okDigits) throw fail('bruger round forkert: round(x) eller round(x, d) med d et helt tal fra 0 til 15.');
        }
        for (const arg of f.args) check(arg, depth + 1);
        return;
      }
      default:
        throw fail('må kun indeholde tal, navne, + − * / ^, parenteser og min, max, abs, round (ingen tildeling, funktionsdefinition, egenskaber, lister eller enheder).');
    }
  };
  check(tree, 0);
  const code = tree.compile();
  return {
    text,
    names,
    evaluate(counts) {
      // A Map scope: names never reach an object's prototype.
      const scope = new Map<string, number>();
      for (const name of names) {
        const v = counts.get(name);
        if (v === undefined) return null;
        scope.set(name, v);
      }
      let value: unknown;
      try {
        value = code.evaluate(scope);
      } catch {
        // Whatever mathjs still refuses at run time is no figure: "ingen data", never an English crash.
        return null;
      }
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    },
  };
}
