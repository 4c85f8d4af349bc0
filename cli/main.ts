/** Entry point: `npm run --silent saldo -- plan --in aftale.json`. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { runCli } from './run.js';

/** Waits until stdout can take more, or is closed; its listeners go again (a leak warning otherwise, on a long output). */
function stdoutReady(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('close', done);
  });
}

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
        if (!process.stdout.write(chunk)) await stdoutReady();
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
