// How the launcher (cli/saldo.cjs) turns the bundle's ES module files into CommonJS: required only
// when it builds, so a start does not compile it.
'use strict';

/**
 * An ES module file of the bundle as CommonJS: its imports of the bundle's own files become
 * require (so each chunk is one module, whichever part loads it first), packages keep their
 * dynamic import, and import.meta.url is the file's own URL (the workers are found beside it).
 */
async function toCommonJs(esbuild, code) {
  const lazy = code.replace(/\bimport\("(\.\/[^"]+)\.mjs"\)/g, '__saldoRequire("$1.cjs")');
  const result = await esbuild.transform(lazy, {
    loader: 'js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__saldoMetaUrl' },
    logLevel: 'error',
  });
  const body = result.code.replace(/\brequire\("(\.\/[^"]+)\.mjs"\)/g, 'require("$1.cjs")');
  // Only what the file uses: pathToFileURL at the start of each of 17 files cost about 1 ms.
  const banner = [
    /\b__saldoMetaUrl\b/.test(body) && 'const __saldoMetaUrl = require("node:url").pathToFileURL(__filename).href;',
    /\b__saldoRequire\b/.test(body) && 'const __saldoRequire = (p) => Promise.resolve().then(() => require(p));',
  ].filter(Boolean);
  return banner.length > 0 ? `${banner.join('\n')}\n${body}` : body;
}

/** The bundle's own files a CommonJS file requires at once (not those it loads later). */
const requiredAtOnce = (code) => [...code.matchAll(/(?<!__saldoRequire\()\brequire\("\.\/([^"]+\.cjs)"\)/g)].map((m) => m[1]);

/** The files that take part in a cycle of requires (each is then half-loaded when another asks for it). */
function inCycles(graph) {
  const cyclic = new Set();
  const reaches = (from, to, seen = new Set()) => (graph.get(from) ?? []).some((next) => next === to || (!seen.has(next) && (seen.add(next), reaches(next, to, seen))));
  for (const file of graph.keys()) if (reaches(file, file)) cyclic.add(file);
  return cyclic;
}

/** True when `name` is given its value once, where it is declared, and never assigned after. */
function boundOnce(code, name) {
  const n = name.replace(/\$/g, '\\$');
  const assigned = (code.match(new RegExp(`(?<![\\w$.])${n}\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?|&&|\\|\\||\\?\\?)?=(?!=)|(?<![\\w$.])${n}\\s*(?:\\+\\+|--)|(?:\\+\\+|--)\\s*${n}(?![\\w$])`, 'g')) ?? [])
    .length;
  if (new RegExp(`^(?:async )?(?:function\\*? |class )${n}\\b`, 'm').test(code)) return assigned === 0;
  return assigned === 1 && new RegExp(`^(?:const|let|var) ${n} =`, 'm').test(code);
}

/**
 * esbuild's CommonJS exports every name through two getters, one its own and one copied; in the
 * batch's loops every call into another chunk went through both (about 20 ms of a 0,35 s `plan`
 * batch of 1.000 agreements, node --cpu-prof). A name given its value once is set as a plain
 * property when the file has run; any other keeps a getter. Not for a file in a cycle of
 * requires: the other files of the cycle need its getters before it has run to the end.
 */
function plainExports(code) {
  const block = /^__export\(stdin_exports, \{\n([\s\S]*?)\n\}\);\nmodule\.exports = __toCommonJS\(stdin_exports\);\n/m.exec(code);
  if (!block) return code;
  const entries = block[1].split(',\n').map((line) => /^\s*([\w$]+|"[^"]+"): \(\) => ([\w$]+)$/.exec(line));
  if (entries.some((e) => e === null)) return code;
  const rest = code.slice(0, block.index) + code.slice(block.index + block[0].length);
  const exported = entries.map(([, quoted, local]) => {
    const key = JSON.stringify(quoted.replace(/^"|"$/g, ''));
    return boundOnce(rest, local) ? `module.exports[${key}] = ${local};` : `Object.defineProperty(module.exports, ${key}, { get: () => ${local}, enumerable: true });`;
  });
  return `${rest}${exported.join('\n')}\n`;
}

module.exports = { toCommonJs, requiredAtOnce, inCycles, boundOnce, plainExports };
