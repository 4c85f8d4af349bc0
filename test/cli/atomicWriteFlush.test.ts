import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// fdatasync observed (and made to fail) here; every other call is node:fs's own.
const flushes = vi.hoisted(() => ({ calls: 0, fail: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const fdatasync = (fd: number, done: (e: Error | null) => void) => {
    flushes.calls += 1;
    if (flushes.fail) setImmediate(() => done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })));
    else fs.fdatasync(fd, done);
  };
  return { ...fs, default: { ...fs, fdatasync }, fdatasync };
});

const { FLUSH_EVERY, writeFileAtomically } = await import('../../cli/atomicWrite.js');

const dir = mkdtempSync(join(tmpdir(), 'saldo-flush-'));
const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
/** `count` pieces of 256 KB, each its own letter, so a lost or doubled piece shows. */
const pieces = (count: number) => Array.from({ length: count }, (_, i) => String.fromCharCode(97 + (i % 26)).repeat(256 << 10));

afterEach(() => {
  flushes.calls = 0;
  flushes.fail = false;
});

describe('writeFileAtomically flushes a long output in the background as it writes', () => {
  it('starts a flush after each 4 MB written, and the file is whole', async () => {
    const text = pieces(64); // 16 MB: the packer hands over 1 MB at a time
    await writeFileAtomically(join(dir, 'lang.json'), text);
    expect(readFileSync(join(dir, 'lang.json'), 'utf8') === text.join('')).toBe(true);
    // One flush at a time: at least one, at most one per FLUSH_EVERY bytes.
    expect(flushes.calls).toBeGreaterThanOrEqual(1);
    expect(flushes.calls).toBeLessThanOrEqual((16 << 20) / FLUSH_EVERY);
    expect(temps()).toEqual([]);
  });

  it('starts none for a short output (its fsync is all it needs)', async () => {
    await writeFileAtomically(join(dir, 'kort.json'), pieces(4));
    expect(flushes.calls).toBe(0);
  });

  it('a failed flush fails the write: the target keeps its old content and no temporary file is left', async () => {
    writeFileSync(join(dir, 'gammel.json'), 'gammel\n');
    flushes.fail = true;
    await expect(writeFileAtomically(join(dir, 'gammel.json'), pieces(32))).rejects.toMatchObject({ code: 'EIO' });
    expect(readFileSync(join(dir, 'gammel.json'), 'utf8')).toBe('gammel\n');
    expect(temps()).toEqual([]);
    expect(existsSync(join(dir, 'gammel.json'))).toBe(true);
  });
});
