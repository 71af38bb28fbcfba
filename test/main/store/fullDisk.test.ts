// A nearly full disk must never cost an acknowledged entry: every write takes all its bytes or
// fails, a failed write leaves the old file and no temp, and every door says the disk is full
// in one line. On a real tiny tmpfs where we may mount one, and always on an injected fs layer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli';
import { openApp, type AppContext } from '../../../main/context';
import { dispatch } from '../../../main/dispatch';
import { DISK_FULL_MESSAGE } from '../../../main/errors';
import { TEMP_FILE_RE, writeFileAtomic } from '../../../main/store/atomicWrite';
import { backupDir, listBackups } from '../../../main/store/backups';
import type { Run } from '../../../shared/model';
import { tempDir } from '../../helpers';
import { canMountTinyDisk, fillDisk, freeBytes, injectDisk, mountTinyDisk } from './diskLayer';
import { listDir, recordStat } from './storeHelpers';

const DISK_BYTES = 256 * 1024;

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

/** A run with a note of `noteBytes` characters, so a few saves fill a tiny disk. */
function runInput(i: number, noteBytes = 900): Record<string, unknown> {
  return {
    date: `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
    distanceKm: 5 + (i % 10),
    durationS: 1800 + i,
    notes: `run ${i} `.padEnd(noteBytes, 'x'),
  };
}

async function saveRun(ctx: AppContext, i: number, noteBytes?: number) {
  return dispatch(ctx.handlers, 'runs:save', runInput(i, noteBytes));
}

function tempsIn(dir: string): string[] {
  return [...listDir(dir), ...listDir(backupDir(dir))].filter((name) => TEMP_FILE_RE.test(name));
}

/** Reopens the folder as a restarted app would and returns its runs by id, and its notices. */
async function restart(dir: string): Promise<{ runs: Map<string, Run>; notices: string[] }> {
  const ctx = openApp({ dataDir: dir, mode: 'browser', access: 'read' });
  const runs = new Map(ctx.repo.all('run').map((r) => [r.id, r]));
  const notices = ctx.repo.notices.map((n) => n.message);
  await ctx.repo.close();
  return { runs, notices };
}

describe('writeFileAtomic', () => {
  it('writes every byte when the disk takes a few bytes per write', () => {
    const dir = tempDir();
    const target = path.join(dir, 'file.json');
    const data = 'é'.repeat(5000);
    const layer = injectDisk({ chunk: 7 });
    try {
      writeFileAtomic(target, data);
    } finally {
      layer.restore();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe(data);
    expect(layer.writes).toBeGreaterThan(1000);
  });

  it('keeps the old file and removes its temp when the disk fills part-way', () => {
    const dir = tempDir();
    const target = path.join(dir, 'file.json');
    fs.writeFileSync(target, 'the old content');
    const layer = injectDisk({ free: 4096 });
    try {
      expect(() => writeFileAtomic(target, 'x'.repeat(10_000))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    } finally {
      layer.restore();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('the old content');
    expect(listDir(dir)).toEqual(['file.json']);
  });

  it('checks the size on disk before the rename: a layer claiming bytes it never wrote is caught', () => {
    const dir = tempDir();
    const target = path.join(dir, 'file.json');
    fs.writeFileSync(target, 'the old content');
    const layer = injectDisk({ chunk: 100, lie: true });
    try {
      expect(() => writeFileAtomic(target, 'x'.repeat(10_000))).toThrow(
        /cut short while writing \(100 of 10000 bytes\)/,
      );
    } finally {
      layer.restore();
    }
    expect(fs.readFileSync(target, 'utf8')).toBe('the old content');
    expect(listDir(dir)).toEqual(['file.json']);
  });

  it('never writes through a file planted at a temp name: an export makes new temps with random names', async () => {
    const dataDir = tempDir();
    const dir = tempDir();
    const target = path.join(dir, 'runs.csv');
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'not yours');
    // The name the exporter's temp file used to have (fixed: folder, file name and pid), planted as a link.
    fs.symlinkSync(victim, path.join(dir, `.runs.csv.${process.pid}.tmp`));
    expect(await runCli(['export', 'runs', '--out', target, '--data-dir', dataDir], captureIo())).toBe(0);
    expect(fs.readFileSync(victim, 'utf8')).toBe('not yours');
    expect(fs.readFileSync(target, 'utf8')).toMatch(/^\uFEFFid,date/);
  });
});

describe('a full disk (injected fs layer: short writes, then ENOSPC)', () => {
  it('every acknowledged save survives a restart; every refused one says the disk is full and changes nothing', async () => {
    let acknowledged = 0;
    let refused = 0;
    // The disk fills at a different point in each round: inside the first file, between files, late.
    for (const free of [0, 1, 700, 2500, 4096, 9000, 20_000]) {
      const dir = tempDir();
      const ctx = openApp({ dataDir: dir, mode: 'browser' });
      expect((await saveRun(ctx, 100)).ok).toBe(true); // saved while the disk had room
      const layer = injectDisk({ free, chunk: 1500 });
      const saved = new Map<string, Run>();
      const errors: unknown[] = [];
      try {
        for (let i = 0; i < 30; i++) {
          const result = await saveRun(ctx, i);
          if (result.ok) saved.set((result.value as Run).id, result.value as Run);
          else errors.push(result.error);
        }
      } finally {
        layer.restore();
      }
      acknowledged += saved.size;
      refused += errors.length;
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(error).toEqual({ code: 'io', message: DISK_FULL_MESSAGE });
      expect(tempsIn(dir)).toEqual([]);
      // The app keeps running: memory equals disk, and the next save (space freed) goes in.
      const inMemory = ctx.repo.all('run').map((r) => r.id);
      expect((await saveRun(ctx, 99)).ok).toBe(true);
      await ctx.repo.close();

      const after = await restart(dir);
      expect(after.notices).toEqual([]);
      for (const [id, record] of saved) expect(after.runs.get(id)).toEqual(record);
      // Nothing the app showed is missing, nothing refused came back: only the save made after.
      for (const id of inMemory) expect(after.runs.has(id)).toBe(true);
      expect(after.runs.size).toBe(inMemory.length + 1);
    }
    recordStat('full-disk-injected', { acknowledged, refused });
  });

  it('the CLI says the disk is full in one line, without a stack trace', async () => {
    const dir = tempDir();
    const layer = injectDisk({ free: 50, spare: 1 }); // the writer lock goes in; the save does not
    const io = captureIo();
    let code: number;
    try {
      code = await runCli(['call', 'runs:save', JSON.stringify(runInput(1)), '--data-dir', dir], io);
    } finally {
      layer.restore();
    }
    expect(code).toBe(1);
    expect(io.errors).toEqual([`Error: ${DISK_FULL_MESSAGE}`]);
  });

  it('a CSV export written a few bytes at a time is whole', async () => {
    const dir = tempDir();
    const ctx = openApp({ dataDir: dir, mode: 'browser' });
    for (let i = 0; i < 20; i++) await saveRun(ctx, i, 50);
    await ctx.repo.close();
    const out = path.join(tempDir(), 'runs.csv');
    const layer = injectDisk({ chunk: 10 });
    const io = captureIo();
    try {
      expect(await runCli(['export', 'runs', '--out', out, '--data-dir', dir], io)).toBe(0);
    } finally {
      layer.restore();
    }
    expect(fs.readFileSync(out, 'utf8').trim().split('\r\n')).toHaveLength(21);
  });

  it('a backup cut short by a full disk is never reported, listed or left behind', async () => {
    const dir = tempDir();
    const ctx = openApp({ dataDir: dir, mode: 'browser' });
    for (let i = 0; i < 6; i++) await saveRun(ctx, i);
    const before = listBackups(dir);
    const layer = injectDisk({ free: 4096 });
    let result;
    try {
      result = await dispatch(ctx.handlers, 'backup:now', undefined);
    } finally {
      layer.restore();
    }
    expect(result).toEqual({ ok: false, error: { code: 'io', message: DISK_FULL_MESSAGE } });
    expect(listBackups(dir)).toEqual(before);
    expect(listDir(backupDir(dir))).toEqual(before.map((b) => b.file).sort());
    await ctx.repo.close();
  });
});

// Where mounting is not allowed (not root, not Linux), the injected layer above stands in.
describe.runIf(canMountTinyDisk())('a full disk (a real 256 KiB tmpfs)', () => {
  it('keeps every acknowledged save across a restart, and never cuts a year file or a backup', async () => {
    const tinyDisk = mountTinyDisk(DISK_BYTES)!;
    const dir = path.join(tinyDisk, 'log');
    const ctx = openApp({ dataDir: dir, mode: 'browser' });
    const saved = new Map<string, Run>();
    for (let i = 0; i < 10; i++) {
      const result = await saveRun(ctx, i);
      if (!result.ok) throw new Error(result.error.message);
      saved.set((result.value as Run).id, result.value as Run);
    }
    // Leave a little room: the next saves go in until the year file no longer fits, then all fail.
    fillDisk(tinyDisk, 40 * 1024);
    let refused = 0;
    for (let i = 10; i < 400; i++) {
      const result = await saveRun(ctx, i);
      if (result.ok) saved.set((result.value as Run).id, result.value as Run);
      else {
        expect(result.error).toEqual({ code: 'io', message: DISK_FULL_MESSAGE });
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(saved.size).toBeGreaterThan(10);
    const backup = await dispatch(ctx.handlers, 'backup:now', undefined);
    if (!backup.ok) expect(backup.error.message).toBe(DISK_FULL_MESSAGE);
    expect(tempsIn(dir)).toEqual([]);
    const yearFile = fs.readFileSync(path.join(dir, 'runs-2025.json'), 'utf8');
    expect(() => JSON.parse(yearFile) as unknown).not.toThrow();
    expect(listBackups(dir).length).toBe(listDir(backupDir(dir)).length);
    await ctx.repo.close();

    const after = await restart(dir);
    expect(after.notices).toEqual([]);
    for (const [id, record] of saved) expect(after.runs.get(id)).toEqual(record);
    expect(after.runs.size).toBe(saved.size);
    recordStat('full-disk-tmpfs', {
      diskBytes: DISK_BYTES,
      acknowledged: saved.size,
      refused,
      freeAtEnd: freeBytes(tinyDisk),
    });
  });
});
