/** Entry point: `npm run --silent saldo -- plan --in aftale.json`. */
import { fstatSync, mkdir, readdir, readFile, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { packUtf8 } from './packUtf8.js';
import { runCli } from './run.js';

// The atomic writer loads with the first write: a command that fails on its input, or prints to
// standard output, starts without it (issue 22).
type AtomicWrite = typeof import('./atomicWrite.js');
let atomic: AtomicWrite | undefined;
const atomicWrite = async (): Promise<AtomicWrite> => (atomic ??= await import('./atomicWrite.js'));

/** Exit codes after a signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Ctrl-C (or kill) during a write: the half-written temporary file goes, the target stays as it was. */
function interrupted(signal: keyof typeof SIGNAL_EXIT): void {
  atomic?.removeUnfinishedTempFiles();
  process.stderr.write('\nAfbrudt: resultatet blev ikke skrevet færdigt og er ikke gemt; en fil, der fandtes i forvejen, er uændret.\n');
  process.exit(SIGNAL_EXIT[signal]);
}

let writes = 0;
/**
 * Runs a file write with the signal handlers on. Only then: a handler in JavaScript waits for the
 * event loop, so outside writes Ctrl-C keeps its immediate default (a long read stops at once).
 */
async function whileWriting(write: () => Promise<void>): Promise<void> {
  if (writes++ === 0) for (const s of Object.keys(SIGNAL_EXIT)) process.on(s, interrupted);
  try {
    await write();
  } finally {
    if (--writes === 0) for (const s of Object.keys(SIGNAL_EXIT)) process.off(s, interrupted);
  }
}

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

// Callbacks made promises rather than node:fs/promises, and standard output written directly
// where it can be: that module and process.stdout's streams were 7 ms of a 0,1 s start (issue 22).
const readFileAsync = promisify(readFile);
const makeDir = promisify(mkdir);
const entries = promisify(readdir);

let stdoutOpen = false;
/** process.stdout, made on first use; a reader that stops early (`saldo statements … | head`) closes the pipe: that is a normal end. */
function stdout(): NodeJS.WriteStream {
  if (!stdoutOpen) {
    stdoutOpen = true;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }
  return process.stdout;
}

/**
 * Writes text to standard output. To a file or a pipe at once with writeSync; to a terminal (or
 * /dev/null, also a character device) through process.stdout, which converts for a Windows
 * console; and what a pipe cannot take now (EAGAIN) through process.stdout too, which waits.
 */
function writeStdout(text: string): void {
  if (stdoutOpen || fstatSync(1).isCharacterDevice()) {
    stdout().write(text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(1, bytes, done, bytes.length - done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') process.exit(0);
    if (code !== 'EAGAIN') throw e;
    stdout().write(bytes.subarray(done));
  }
}

// Without a top-level await: the launcher runs this bundle as CommonJS (cli/saldo.cjs says why).
void runCli(process.argv.slice(2), {
  readFile: (path) => readFileAsync(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFileAsync(path)),
  readStdin: async () => (await import('node:stream/consumers')).text(process.stdin),
  writeFile: (path, data) => whileWriting(async () => (await atomicWrite()).writeFileAtomically(path, data)),
  // Piece by piece: a large statement is never held as one string.
  writeChunks: async (path, chunks) => {
    if (path === undefined) {
      // Copied out of the packer's reused buffer: a write to a pipe may finish later.
      for (const bytes of packUtf8(chunks)) {
        if (stdout().destroyed) return;
        if (!stdout().write(Buffer.from(bytes))) await stdoutReady();
      }
      return;
    }
    await whileWriting(async () => (await atomicWrite()).writeFileAtomically(path, chunks));
  },
  stdout: writeStdout,
  stderr: (t) => process.stderr.write(t),
  stderrIsTerminal: () => process.stderr.isTTY === true,
  makeFolder: async (path) => void (await makeDir(path, { recursive: true })),
  folderEntries: async (path) => {
    try {
      return await entries(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw e;
    }
  },
}).then((code) => {
  process.exitCode = code;
});
