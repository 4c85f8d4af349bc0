/**
 * Shared by the fuzz suites: the seed (logged, and taken from SALDO_FUZZ_SEED to repeat a run),
 * the number of inputs per command or function, and what a message to a person must look like.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

export const SEED = process.env.SALDO_FUZZ_SEED ? Number(process.env.SALDO_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
/** ≥ 1,000 malformed inputs per command and per function (issue 7). */
export const RUNS = 1000;

let logged = false;
/** fast-check's parameters with the run's seed; the seed is printed once so a failure can be repeated. */
export function fuzzParameters(numRuns = RUNS): fc.Parameters<unknown> {
  if (!logged) {
    // Each fuzz file draws its own seed: the hint names the file it belongs to.
    const file = (expect.getState().testPath ?? 'test/fuzz').replace(/^.*?(test\/fuzz\/)/, '$1');
    console.log(`fuzz seed ${SEED}: repeat with SALDO_FUZZ_SEED=${SEED} npx vitest run ${file}`);
    logged = true;
  }
  return { seed: SEED, numRuns, endOnFailure: true };
}

/** Signs of a crash leaking to a person: a stack frame, a JavaScript error name, undefined/NaN. */
const INTERNALS =
  /\n\s+at |\bat [\w.<>]+ \(|TypeError|ReferenceError|RangeError|SyntaxError|Cannot read|is not a function|is not iterable|Maximum call stack|(?<!")\bundefined\b|(?<!")\bNaN\b|\[object Object\]|Intern fejl/;
/** Danish: æ/ø/å or a common Danish word (every message Saldo writes has one). */
const DANISH = /[æøåÆØÅ]|\b(skal|er|ikke|mangler|findes|eller|angiv|brug|fik|tal|dato|højst|mindst|kun|ugyldig|kendte|ukendt|felt|tilladte|med|og|af|til|på|som|ved|brug|uventet|ingen|data)\b/i;

/** Words of English error messages (Node's, JSON.parse's, libraries') that are not Danish words too. */
const ENGLISH = /\b(the|must|should|option|expected|missing|invalid|value|unexpected|cannot|token|position|does|take|unknown|error|found|not|of|with|at line)\b/i;

/**
 * Why `message` is not a proper Danish message for a person, or null when it is. The first line
 * is judged alone (a usage text after it is Danish whatever the first line says); English words
 * are looked for outside the quoted values it repeats (from the first quote to the last, greedily:
 * values are quoted without escaping), since the user's own words may be English.
 */
export function messageProblem(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim() === '') return `no message: ${String(message)}`;
  if (INTERNALS.test(message)) return `internals in the message: ${message.slice(0, 300)}`;
  const first = message.trim().split('\n')[0]!;
  if (!DANISH.test(first)) return `not Danish: ${message.slice(0, 300)}`;
  // (a value cut short by showValue leaves a quote open to the line's end: that is quoted text too)
  if (
    ENGLISH.test(
      first
        .replace(/".*"/, '""')
        .replace(/"[^"]*$/, '')
        .replace(/\(fik .*\)/, '')
        .replace(/--[\w-]+/g, ''),
    )
  )
    return `English words in: ${message.slice(0, 300)}`;
  return null;
}
