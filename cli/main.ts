/** Entry point: `npm run --silent saldo -- plan --in aftale.json`. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readStdin: () => text(process.stdin),
  writeFile: (path, data) => writeFile(path, data),
  // Synchronous writes piece by piece: a large statement is never held as one string.
  writeChunks: async (path, chunks) => {
    const fd = path === undefined ? 1 : openSync(path, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      if (path !== undefined) closeSync(fd);
    }
  },
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
