/**
 * An example file under examples/ as the rows a sheet holds: `;`-separated, a field in double
 * quotes may hold `;` ("Hansen; Bo") and "" for a quote. Every cell is text, as typed into a sheet.
 * For the tests that put the portfolio's example files into a (fake) workbook.
 */
import { readFileSync } from 'node:fs';

export function exampleRows(path: string): string[][] {
  const text = readFileSync(new URL(`../../examples/${path}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!)));
}
