// A full disk, two ways: a real tiny tmpfs where the environment lets us mount one (root on
// Linux), and an injected `fs` layer whose writes take only so many bytes (short writes, then
// ENOSPC, as the kernel does), or that claims bytes it never wrote.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, vi } from 'vitest';

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) {
    execFileSync('umount', [dir]);
    fs.rmdirSync(dir);
  }
});

/** Mounts a tmpfs of `size` bytes on a new folder; undefined where mounting is not allowed. */
export function mountTinyDisk(size: number): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstride-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmdirSync(dir);
    return undefined;
  }
  mounted.push(dir);
  return dir;
}

/** Whether this environment lets the tests mount a tmpfs (tried once, then unmounted). */
export function canMountTinyDisk(): boolean {
  const dir = mountTinyDisk(64 * 1024);
  if (!dir) return false;
  execFileSync('umount', [dir]);
  fs.rmdirSync(dir);
  mounted.splice(mounted.indexOf(dir), 1);
  return true;
}

/** Fills a disk until only about `leave` bytes are free (a filler file; remove it to free space). */
export function fillDisk(dir: string, leave: number): string {
  const filler = path.join(dir, 'filler.bin');
  const { bavail, bsize } = fs.statfsSync(dir);
  fs.writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leave)));
  return filler;
}

export function freeBytes(dir: string): number {
  const { bavail, bsize } = fs.statfsSync(dir);
  return bavail * bsize;
}

export const enospc = (): NodeJS.ErrnoException =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

export interface DiskLayer {
  /** Bytes the disk still takes (Infinity: as many as asked). */
  free: number;
  /** Calls to write so far. */
  writes: number;
  restore(): void;
}

/**
 * Replaces `fs.writeSync` (which every write of ours goes through) with a disk that:
 * - takes at most `chunk` bytes per call (a short write, as a pipe or a busy disk may do);
 * - takes only `free` bytes in all, then answers ENOSPC (a short write first when a call asks
 *   for more than is left, as the kernel does on a nearly full disk);
 * - with `lie`, reports every byte as written while writing only what it took.
 */
export function injectDisk(
  options: {
    free?: number;
    chunk?: number;
    lie?: boolean;
    /** calls that go through untouched first */ spare?: number;
  } = {},
): DiskLayer {
  const original = fs.writeSync.bind(fs);
  const real = original as (fd: number, b: Uint8Array, offset: number, length: number) => number;
  const passThrough = original as (fd: number, data: unknown, a?: unknown, b?: unknown) => number;
  const layer: DiskLayer = { free: options.free ?? Infinity, writes: 0, restore: () => spy.mockRestore() };
  const spy = vi.spyOn(fs, 'writeSync').mockImplementation(((
    fd: number,
    data: string | NodeJS.ArrayBufferView,
    a?: unknown,
    b?: unknown,
  ): number => {
    layer.writes++;
    if (layer.writes <= (options.spare ?? 0)) return passThrough(fd, data, a, b);
    let bytes: Buffer;
    let offset = 0;
    let length: number;
    if (typeof data === 'string') {
      bytes = Buffer.from(data, typeof b === 'string' ? (b as BufferEncoding) : 'utf8');
      length = bytes.length;
    } else {
      bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      offset = typeof a === 'number' ? a : 0;
      length = typeof b === 'number' ? b : bytes.length - offset;
    }
    if (length === 0) return 0;
    if (layer.free <= 0) throw enospc();
    const take = Math.min(length, layer.free, options.chunk ?? Infinity);
    layer.free -= take;
    const written = real(fd, bytes, offset, take);
    return options.lie ? length : written;
  }) as typeof fs.writeSync);
  return layer;
}
