/** Entry point: `npm run --silent saldo -- plan --in aftale.json`. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { once } from 'node:events';
import { runCli } from './run.js';

// A reader that stops early (`saldo statements … | head`) closes the pipe: that is a normal end.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await runCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  readStdin: () => text(process.stdin),
  writeFile: (path, data) => writeFile(path, data),
  // Synchronous writes piece by piece: a large statement is never held as one string.
  writeChunks: async (path, chunks) => {
    if (path === undefined) {
      for (const chunk of chunks) {
        if (process.stdout.destroyed) return;
        if (!process.stdout.write(chunk)) await Promise.race([once(process.stdout, 'drain'), once(process.stdout, 'close')]);
      }
      return;
    }
    const fd = openSync(path, 'w');
    try {
      for (const chunk of chunks) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
  },
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
