// Backups: full fidelity, atomic, rotating (last 14), automatic at start and daily, and a
// restore that first backs up the current state. Through the store, the service and the CLI.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli';
import { openApp } from '../../../main/context';
import { dispatch } from '../../../main/dispatch';
import {
  backupDir,
  backupFileName,
  backupFiles,
  backupNow,
  KEEP_BACKUPS,
  listBackups,
  restoreBackup,
  startAutomaticBackups,
  writeBackup,
} from '../../../main/store/backups';
import { SCHEMA_VERSION } from '../../../shared/model';
import { tempDir } from '../../helpers';
import { folderBytes, listDir, openRepo, pain, run, session, uuid } from './storeHelpers';

const NAME_RE = /^backstride-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d+)?\.json$/;

async function smallLog(dir = tempDir()) {
  const repo = openRepo(dir);
  await repo.save('run', run(1, '2023-12-31', 7));
  await repo.save('run', run(2, '2024-01-02'));
  await repo.save('pain', pain(3, '2024-01-02'));
  await repo.save('strength', session(4, '2024-01-03'));
  await repo.updateSettings({ ...repo.settings, distanceUnit: 'mi', weekStartsOn: 0 });
  return { dir, repo };
}

function captureIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('backupNow', () => {
  it('writes every record, the settings and the schema version to backups/backstride-<time>.json', async () => {
    const { dir, repo } = await smallLog();
    const info = await backupNow(repo);
    expect(info.entries).toBe(4);
    expect(path.dirname(info.path)).toBe(path.join(dir, 'backups'));
    expect(path.basename(info.path)).toMatch(NAME_RE);
    // Only the finished file is there: no temp file left behind.
    expect(listDir(backupDir(dir))).toEqual([info.file]);

    const stored = JSON.parse(fs.readFileSync(info.path, 'utf8'));
    expect(stored.format).toBe('backstride-backup');
    expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
    expect(stored.entries).toBe(4);
    expect(stored.settings).toEqual(repo.settings);
    expect(stored.records.run).toEqual([run(1, '2023-12-31', 7), run(2, '2024-01-02')]);
    expect(stored.records.pain).toEqual([pain(3, '2024-01-02')]);
    expect(stored.records.strength).toEqual([session(4, '2024-01-03')]);
  });

  it('names a backup by its UTC time, and a second one in the same second gets a suffix', async () => {
    const at = new Date('2025-06-01T08:09:10.500Z');
    expect(backupFileName(at)).toBe('backstride-2025-06-01T08-09-10.json');
    const { dir, repo } = await smallLog();
    const first = writeBackup(dir, repo.snapshot(), { reason: 'manual', now: at });
    const second = writeBackup(dir, repo.snapshot(), { reason: 'manual', now: at });
    expect(first.file).toBe('backstride-2025-06-01T08-09-10.json');
    expect(second.file).toBe('backstride-2025-06-01T08-09-10-2.json');
    expect(backupFiles(dir)).toEqual([second.file, first.file]);
  });

  it(`keeps the newest ${KEEP_BACKUPS} and drops older ones`, async () => {
    const { dir, repo } = await smallLog();
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let day = 0; day < KEEP_BACKUPS + 3; day++) {
      writeBackup(dir, repo.snapshot(), { reason: 'automatic', now: new Date(start + day * 86_400_000) });
    }
    const files = backupFiles(dir);
    expect(files).toHaveLength(KEEP_BACKUPS);
    expect(files[0]).toBe('backstride-2025-01-17T00-00-00.json');
    expect(files.at(-1)).toBe('backstride-2025-01-04T00-00-00.json');
  });

  it('counts only whole backups toward the ones kept: cut-off files never push a good one out', async () => {
    const { dir, repo } = await smallLog();
    const start = Date.parse('2025-01-01T00:00:00Z');
    const good = [0, 1, 2].map(
      (day) => writeBackup(dir, repo.snapshot(), { reason: 'automatic', now: new Date(start + day * 86_400_000) }).file,
    );
    // Newer backups cut at 4,096 bytes (what a full disk left before writes were verified), and one
    // whose entries do not add up to its header.
    const whole = fs.readFileSync(path.join(backupDir(dir), good[0]!), 'utf8');
    const cut: string[] = [];
    for (let day = 3; day < 3 + KEEP_BACKUPS; day++) {
      const file = backupFileName(new Date(start + day * 86_400_000));
      fs.writeFileSync(path.join(backupDir(dir), file), whole.slice(0, Math.min(4096, whole.length - 10)));
      cut.push(file);
    }
    const short = JSON.parse(whole) as { records: { run: unknown[] } };
    short.records.run.pop();
    const uneven = backupFileName(new Date(start + 20 * 86_400_000));
    fs.writeFileSync(path.join(backupDir(dir), uneven), JSON.stringify(short));
    const newest = writeBackup(dir, repo.snapshot(), { reason: 'manual', now: new Date(start + 30 * 86_400_000) });
    // Four good backups are under the limit: none goes. The damaged ones are left for the user to look at.
    expect(listBackups(dir).map((b) => b.file)).toEqual([newest.file, ...good.slice().reverse()]);
    expect(listDir(backupDir(dir))).toEqual([...good, ...cut, uneven, newest.file].sort());
    // With a limit of one, the newest good backup is the one that stays.
    writeBackup(dir, repo.snapshot(), { reason: 'manual', now: new Date(start + 31 * 86_400_000), keep: 1 });
    expect(listBackups(dir)).toHaveLength(1);
    expect(backupFiles(dir)).toHaveLength(1 + cut.length + 1);
  });

  it('lists backups newest first with their entry counts, leaving out unreadable ones', async () => {
    const { dir, repo } = await smallLog();
    const older = writeBackup(dir, repo.snapshot(), { reason: 'manual', now: new Date('2025-01-01T10:00:00Z') });
    await repo.delete('run', uuid(1));
    const newer = writeBackup(dir, repo.snapshot(), { reason: 'manual', now: new Date('2025-01-02T10:00:00Z') });
    fs.writeFileSync(path.join(backupDir(dir), 'backstride-2025-01-03T10-00-00.json'), '{"format":"backstride-bac');
    expect(listBackups(dir)).toEqual([
      { file: newer.file, createdAt: '2025-01-02T10:00:00.000Z', entries: 3 },
      { file: older.file, createdAt: '2025-01-01T10:00:00.000Z', entries: 4 },
    ]);
  });
});

describe('restore', () => {
  it('backs up the current state first, then replaces the whole log with the backup', async () => {
    const { dir, repo } = await smallLog();
    const backup = await backupNow(repo);
    // After the backup: one entry changed, one deleted, one added (in a new year), settings changed.
    await repo.save('run', { ...run(2, '2024-01-02'), distanceKm: 9 });
    await repo.delete('pain', uuid(3));
    await repo.save('run', run(5, '2025-02-02'));
    await repo.updateSettings({ ...repo.settings, theme: 'dark' });
    const current = repo.snapshot();

    const result = await restoreBackup(repo, backup.file);
    expect(result.restored).toEqual({ file: backup.file, createdAt: backup.createdAt, entries: 4 });

    // The log is the backup again, in memory and on disk.
    const reopened = openRepo(dir);
    for (const r of [repo, reopened]) {
      expect(r.get('run', uuid(2))?.distanceKm).toBe(5);
      expect(r.get('pain', uuid(3))).toEqual(pain(3, '2024-01-02'));
      expect(r.get('run', uuid(5))).toBeUndefined();
      expect(r.settings.theme).toBe('system');
      expect(r.settings.distanceUnit).toBe('mi');
    }
    // And the state just before the restore is in the safety backup.
    const safety = JSON.parse(fs.readFileSync(result.safetyBackup.path, 'utf8'));
    expect(safety.reason).toBe('before-restore');
    expect(safety.records).toEqual(current.records);
    expect(safety.settings.theme).toBe('dark');
  });

  it('refuses a missing or damaged backup and leaves the log untouched', async () => {
    const { dir, repo } = await smallLog();
    const backup = await backupNow(repo);
    fs.writeFileSync(backup.path, fs.readFileSync(backup.path, 'utf8').replace('"distanceKm": 7', '"distanceKm": -7'));
    const before = folderBytes(dir);
    await expect(restoreBackup(repo, backup.file)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/cannot be restored: runs entry 1 is not valid/),
    });
    await expect(restoreBackup(repo, 'backstride-2001-01-01T00-00-00.json')).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(folderBytes(dir)).toEqual(before);
  });

  it('refuses a file name that is not a backup (no path can be smuggled through the door)', async () => {
    const { dir, repo } = await smallLog();
    const ctx = openApp({ dataDir: dir, mode: 'browser' });
    await backupNow(repo);
    const before = folderBytes(dir);
    for (const file of ['../settings.json', '/etc/passwd', 'backstride-2025-01-01T00-00-00.json/../../x', '']) {
      const result = await dispatch(ctx.handlers, 'backup:restore', { file });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'file' } });
    }
    expect(folderBytes(dir)).toEqual(before);
  });
});

describe('automatic backups', () => {
  it('backs up at start when there is no backup, and not again while the newest is less than a day old', async () => {
    const { dir } = await smallLog();
    openApp({ dataDir: dir, mode: 'browser' });
    expect(backupFiles(dir)).toHaveLength(1);
    openApp({ dataDir: dir, mode: 'browser' });
    expect(backupFiles(dir)).toHaveLength(1);
  });

  it('backs up at start when the newest backup is more than a day old', async () => {
    const { dir, repo } = await smallLog();
    writeBackup(dir, repo.snapshot(), { reason: 'automatic', now: new Date(Date.now() - 25 * 3600 * 1000) });
    openApp({ dataDir: dir, mode: 'browser' });
    expect(backupFiles(dir)).toHaveLength(2);
  });

  it('makes no automatic backup of an empty log (empty backups would push the good ones out)', () => {
    const dir = tempDir();
    openApp({ dataDir: dir, mode: 'browser' });
    expect(backupFiles(dir)).toEqual([]);
  });

  it('backs up again once a day while running, and stops when the log is closed', async () => {
    const { repo } = await smallLog();
    // The hourly check is driven by fake timers and the clock it reads is ours: no real waiting.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let now = Date.parse('2025-03-01T09:00:00Z');
      startAutomaticBackups(repo, { now: () => new Date(now) });
      expect(backupFiles(repo.dataDir)).toHaveLength(1);
      now += 3600 * 1000; // an hour later: checked, not due
      vi.advanceTimersByTime(3600 * 1000);
      expect(backupFiles(repo.dataDir)).toHaveLength(1);
      now += 24 * 3600 * 1000; // a day later: due at the next hourly check
      vi.advanceTimersByTime(3600 * 1000);
      expect(backupFiles(repo.dataDir)).toEqual([
        'backstride-2025-03-02T10-00-00.json',
        'backstride-2025-03-01T09-00-00.json',
      ]);
      await repo.close();
      now += 3 * 24 * 3600 * 1000;
      vi.advanceTimersByTime(3 * 24 * 3600 * 1000);
      expect(backupFiles(repo.dataDir)).toHaveLength(2);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the doors', () => {
  it('backup:now, backup:list and backup:restore work through dispatch', async () => {
    const { dir } = await smallLog();
    const ctx = openApp({ dataDir: dir, mode: 'browser' });
    const made = await dispatch(ctx.handlers, 'backup:now', undefined);
    expect(made).toMatchObject({ ok: true, value: { entries: 4 } });
    const list = await dispatch(ctx.handlers, 'backup:list', undefined);
    expect(list.ok && (list.value as unknown[]).length).toBeGreaterThanOrEqual(1);
    await dispatch(ctx.handlers, 'runs:delete', { id: uuid(1) });
    const file = (made as { value: { file: string } }).value.file;
    expect(await dispatch(ctx.handlers, 'backup:restore', { file })).toMatchObject({
      ok: true,
      value: { restored: { file, entries: 4 } },
    });
    expect(ctx.repo.get('run', uuid(1))).toEqual(run(1, '2023-12-31', 7));
  });

  it('CLI: backup prints where it wrote, backups lists, restore --latest restores', async () => {
    const { dir, repo } = await smallLog();
    await repo.close();
    const io = captureIo();
    expect(await runCli(['backup', '--data-dir', dir], io)).toBe(0);
    expect(io.lines.at(-1)).toMatch(new RegExp(`^Backed up 4 entries to ${dir}/backups/backstride-.*\\.json$`));

    const writer = openRepo(dir);
    await writer.delete('run', uuid(2));
    await writer.close();

    const list = captureIo();
    expect(await runCli(['backups', '--data-dir', dir], list)).toBe(0);
    expect(list.lines[0]).toMatch(/^backstride-.*\.json {2}\d{4}-.* {2}4 entries$/);

    const restore = captureIo();
    expect(await runCli(['restore', '--latest', '--data-dir', dir], restore)).toBe(0);
    expect(restore.lines[0]).toMatch(/^Restored 4 entries from backstride-/);
    expect(restore.lines[1]).toMatch(/^The log as it was before is backed up in .*backups/);
    expect(openRepo(dir).get('run', uuid(2))).toEqual(run(2, '2024-01-02'));
  });
});
