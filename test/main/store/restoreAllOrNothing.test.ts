// A restore replaces the whole log or nothing: when one file cannot be replaced part-way, the
// folder and the app stay as they were, and the error names the safety backup.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openApp, type AppContext } from '../../../main/context';
import { dispatch } from '../../../main/dispatch';
import { BACKUP_DIR } from '../../../main/store/backups';
import type { JournalPage } from '../../../shared/api';
import { tempDir } from '../../helpers';
import { folderBytes, listDir, pain, run, session } from './storeHelpers';

/** A log with a backup of an older state: entries in 2023 and 2024, then changed in every file. */
async function logWithOlderBackup(): Promise<{ dir: string; ctx: AppContext; backupFile: string }> {
  const dir = tempDir();
  const ctx = openApp({ dataDir: dir, mode: 'browser' });
  await ctx.repo.save('run', run(1, '2023-05-01'));
  await ctx.repo.save('pain', pain(2, '2023-05-02'));
  await ctx.repo.save('run', run(3, '2024-05-01'));
  await ctx.repo.save('strength', session(4, '2024-05-03'));
  const backup = await dispatch(ctx.handlers, 'backup:now', undefined);
  if (!backup.ok) throw new Error(backup.error.message);
  await ctx.repo.save('run', run(5, '2023-06-01', 9));
  await ctx.repo.save('pain', pain(6, '2024-06-02'));
  await ctx.repo.save('strength', session(7, '2025-01-03'));
  await ctx.repo.delete('run', run(3, '2024-05-01').id);
  await ctx.repo.updateSettings({ ...ctx.repo.settings, distanceUnit: 'mi' });
  return { dir, ctx, backupFile: (backup.value as { file: string }).file };
}

/** The data files (not the backups: the safety backup is meant to be new). */
function dataFiles(dir: string): Map<string, string> {
  const all = folderBytes(dir);
  for (const key of [...all.keys()]) if (key.startsWith(`${BACKUP_DIR}/`) || key === 'backstride.lock') all.delete(key);
  return all;
}

async function journal(ctx: AppContext): Promise<JournalPage> {
  const page = await dispatch(ctx.handlers, 'journal:list', { limit: 100 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value as JournalPage;
}

async function expectNothingChanged(
  dir: string,
  ctx: AppContext,
  before: { files: Map<string, string>; journal: JournalPage; settings: unknown },
  result: Awaited<ReturnType<typeof dispatch>>,
): Promise<void> {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.message).toMatch(/nothing was changed/);
  // The error names the safety backup, which holds the log as it is.
  const safety = /safety backup made just before: (\S+)$/.exec(result.error.message)?.[1];
  expect(safety && fs.existsSync(safety)).toBeTruthy();
  expect(path.dirname(safety!)).toBe(path.join(dir, BACKUP_DIR));
  expect(dataFiles(dir)).toEqual(before.files);
  expect(listDir(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  // The app shows what is on disk: nothing from the backup, nothing lost.
  expect(await journal(ctx)).toEqual(before.journal);
  expect(ctx.repo.settings).toEqual(before.settings);
  await ctx.repo.close();
  const reopened = openApp({ dataDir: dir, mode: 'browser', access: 'read' });
  expect(await journal(reopened)).toEqual(before.journal);
  expect(reopened.repo.notices).toEqual([]);
}

describe('restore, all or nothing', () => {
  it('when one file cannot be replaced, nothing is (injected: the rename of one year file fails)', async () => {
    const { dir, ctx, backupFile } = await logWithOlderBackup();
    const before = { files: dataFiles(dir), journal: await journal(ctx), settings: ctx.repo.settings };
    const realRename = fs.renameSync.bind(fs);
    const spy = vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (path.basename(String(to)) === 'runs-2024.json') {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      }
      realRename(from, to);
    });
    let result;
    try {
      result = await dispatch(ctx.handlers, 'backup:restore', { file: backupFile });
    } finally {
      spy.mockRestore();
    }
    await expectNothingChanged(dir, ctx, before, result);
  });

  // A real refusal by the file system: an immutable file cannot be replaced, even by root.
  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)(
    'when one file cannot be replaced, nothing is (real: an immutable year file)',
    async () => {
      const { dir, ctx, backupFile } = await logWithOlderBackup();
      const before = { files: dataFiles(dir), journal: await journal(ctx), settings: ctx.repo.settings };
      const stuck = path.join(dir, 'strength-2025.json');
      try {
        execFileSync('chattr', ['+i', stuck]);
      } catch {
        return; // a file system without the immutable flag: the injected case above stands in
      }
      let result;
      try {
        result = await dispatch(ctx.handlers, 'backup:restore', { file: backupFile });
      } finally {
        execFileSync('chattr', ['-i', stuck]);
      }
      await expectNothingChanged(dir, ctx, before, result);
    },
  );

  it('a restore that succeeds replaces every file, and the log shows exactly the backup', async () => {
    const { dir, ctx, backupFile } = await logWithOlderBackup();
    const result = await dispatch(ctx.handlers, 'backup:restore', { file: backupFile });
    expect(result.ok).toBe(true);
    const ids = (await journal(ctx)).entries.map((e) => e.record.id).sort();
    expect(ids).toEqual([run(1, 'x').id, pain(2, 'x').id, run(3, 'x').id, session(4, 'x').id]);
    expect(ctx.repo.settings.distanceUnit).toBe('km');
    await ctx.repo.close();
    const reopened = openApp({ dataDir: dir, mode: 'browser', access: 'read' });
    expect((await journal(reopened)).entries.map((e) => e.record.id).sort()).toEqual(ids);
    expect(reopened.repo.settings.distanceUnit).toBe('km');
  });
});
