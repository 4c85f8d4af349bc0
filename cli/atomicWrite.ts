/**
 * Files the CLI writes are the old file or the complete new one, never half: the data goes to a
 * temporary file beside the target, is flushed to disk, and is renamed over it (a rename within a
 * folder is atomic). A run killed with kill -9 leaves only a hidden temporary file, which the next
 * write into that folder removes.
 */
import { accessSync, closeSync, constants, fchmodSync, fdatasync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { packUtf8 } from './packUtf8.js';

/**
 * Six hex digits for this machine: on a shared network folder a pid says nothing about another
 * machine's processes, so only this machine's leftovers are ever judged stale. FNV-1a of the host
 * name (24 of its bits): a tag, not a secret, and node:crypto was 6 ms of a 0,1 s `saldo plan`
 * (issue 22).
 */
export function hostTag(host = hostname()): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(host)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return (hash >>> 8).toString(16).padStart(6, '0');
}

/** Twelve random hex digits: with the pid they keep two writes apart ('wx' refuses a name taken). */
const randomPart = () =>
  Math.floor(Math.random() * 2 ** 48)
    .toString(16)
    .padStart(12, '0');

/** `.navn.json.saldo-<host>-<pid>-<random>.tmp` beside the target: hidden, and says what it is. */
export function tempFileName(target: string, pid: number, random: string, host = hostTag()): string {
  const name = basename(target);
  // The temporary name must stay within the 255 bytes a file name may have.
  const short = Buffer.byteLength(name) > 150 ? name.slice(0, 40) : name;
  return join(dirname(target), `.${short}.saldo-${host}-${pid}-${random}.tmp`);
}

const TEMP = /^\..*\.saldo-([0-9a-f]{6})-(\d+)-[0-9a-z]+\.tmp$/;

/** True when a process with this pid runs on this machine (EPERM: it runs, as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes this machine's temporary files in `folder` whose run has ended (killed: kill -9 cannot be caught). */
export function removeStaleTempFiles(folder: string, running: (pid: number) => boolean = isRunning): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // the write itself will say what is wrong with the folder
  }
  const host = hostTag();
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== host || Number(m[2]) === process.pid || running(Number(m[2]))) continue;
    try {
      unlinkSync(join(folder, name));
    } catch {
      // another run removed it first, or it is not ours to remove: leave it
    }
  }
}

/** The folders this run has cleared of stale temporary files. */
const swept = new Set<string>();

/** Temporary files being written now, with their open descriptors: removed on Ctrl-C. */
const unfinished = new Map<string, number | undefined>();

/** Removes the temporary files of writes in progress (for a signal handler: synchronous). */
export function removeUnfinishedTempFiles(): void {
  for (const [path, fd] of unfinished) {
    try {
      if (fd !== undefined) closeSync(fd); // Windows cannot remove an open file
    } catch {
      // already closed
    }
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  unfinished.clear();
}

/** A Node-style file error (so the CLI's Danish messages for file problems apply). */
const fileError = (code: string, path: string) => Object.assign(new Error(`${code}: ${path}`), { code, path });

/** The mode to keep from an existing target, or undefined for a new file; refuses what must not be replaced. */
function existingMode(path: string): number | undefined {
  let mode: number;
  try {
    const s = statSync(path);
    if (s.isDirectory()) throw fileError('EISDIR', path);
    mode = s.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  // A rename replaces even a read-only file: the protection the user set is kept by refusing.
  // Judged by the mode bits too, since access() says yes to root.
  if ((mode & 0o222) === 0) throw fileError('EACCES', path);
  accessSync(path, constants.W_OK);
  return mode;
}

/** Writes all of `bytes` (a write may take fewer bytes than given, e.g. on a network drive). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Flushes a folder's entry for a renamed file to disk; not possible on every system, and then not needed. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder; its rename is durable on its own
  }
}

/** Lets signals (Ctrl-C) and other work in between pieces of a long write. */
const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Bytes written between two flushes started in the background. A long output's data goes to disk
 * on another thread while the rest is made, so the final fsync has little left: for the 17 MB of
 * a 1.000-agreement plan batch it took 16 ms, and 1,6 ms after such flushes (issue 22).
 */
export const FLUSH_EVERY = 4 << 20;

/** fdatasync on libuv's threads: resolves with the error, if any (a failed flush fails the write). */
const flushInBackground = (fd: number) => new Promise<Error | null>((resolve) => fdatasync(fd, resolve));

/**
 * Writes `data` to `path` so that the target is the old file or the complete new one: through a
 * temporary file in the same folder, flushed (fsync) and renamed over the target. On any failure
 * the temporary file is removed and an existing target is untouched. An existing target's mode is
 * kept; a read-only target or a folder is refused (EACCES, EISDIR). Pieces (`Iterable<string | Uint8Array>`)
 * are written as they come, so a large output is never held whole.
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const mode = existingMode(path);
  // Once per folder per run: a folder of 5,000 letters read again for each of them cost minutes.
  if (!swept.has(dirname(path))) {
    swept.add(dirname(path));
    removeStaleTempFiles(dirname(path));
  }
  const temp = tempFileName(path, process.pid, randomPart());
  unfinished.set(temp, undefined);
  let fd: number | undefined;
  // A flush in the background: the descriptor is closed only after it (its number could be reused).
  let flushing: Promise<Error | null> | undefined;
  try {
    // 'wx': never through a file or link already at the temporary name
    fd = openSync(temp, 'wx', 0o666);
    unfinished.set(temp, fd);
    if (mode !== undefined) fchmodSync(fd, mode);
    if (typeof data === 'string') writeAll(fd, Buffer.from(data));
    else if (data instanceof Uint8Array) writeAll(fd, data);
    else {
      let paused = Date.now();
      let unflushed = 0;
      let flushed: Error | null = null;
      for (const bytes of packUtf8(data)) {
        writeAll(fd, bytes);
        unflushed += bytes.length;
        if (unflushed >= FLUSH_EVERY && flushing === undefined) {
          unflushed = 0;
          flushing = flushInBackground(fd).then((e) => {
            flushed ??= e;
            flushing = undefined;
            return e;
          });
        }
        if (Date.now() - paused > 20) {
          await breather();
          paused = Date.now();
        }
      }
      await flushing;
      if (flushed) throw flushed;
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    unfinished.set(temp, undefined);
    // A Ctrl-C that came during the write is handled now, before the rename, not lost after it.
    await breather();
    renameSync(temp, path);
    unfinished.delete(temp);
  } catch (e) {
    await flushing;
    unfinished.delete(temp);
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {
      // the first failure is the one to report
    }
    try {
      unlinkSync(temp);
    } catch {
      // not created, or already gone
    }
    throw e;
  }
  syncFolder(dirname(path));
}
