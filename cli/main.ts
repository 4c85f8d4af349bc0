/** Entry point: `npm run --silent saldo -- plan --in aftale.json`. */
import { readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  writeFile: (path, data) => writeFile(path, data),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
