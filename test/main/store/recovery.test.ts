// Corruption: whatever state a partition file is found in, the app still starts, keeps the bad
// file (moved aside, byte for byte), restores the newest good backup's entries for it (or starts
// that part empty only when there is no backup) and says plainly what happened and where the
// file is.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupNow, backupDir, backupFiles } from '../../../main/store/backups';
import { DAMAGED_DIR } from '../../../main/store/repository';
import { tempDir } from '../../helpers';
import { folderBytes, listDir, openRepo, pain, recordStat, run, uuid } from './storeHelpers';

/** A log with three runs and a pain rating in 2024, backed up, then one more run logged after the backup. */
async function loggedAndBackedUp(withBackup: boolean): Promise<string> {
  const dir = tempDir();
  const repo = openRepo(dir);
  await repo.save('run', run(1, '2024-03-01'));
  await repo.save('run', run(2, '2024-03-03', 8));
  await repo.save('run', run(3, '2024-03-05', 10));
  await repo.save('pain', pain(10, '2024-03-05', 4));
  await repo.updateSettings({ ...repo.settings, distanceUnit: 'mi' });
  if (withBackup) await backupNow(repo);
  await repo.save('run', run(4, '2024-03-07', 6));
  await repo.close();
  return dir;
}

const RUNS_FILE = 'runs-2024.json';

/** Deterministic "random" bytes (never valid JSON: the first byte is not one JSON can start with). */
function noise(length: number): Buffer {
  const bytes = crypto.createHash('sha512').update('backstride').digest();
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) out[i] = bytes[i % bytes.length]! ^ (i * 31);
  out[0] = 0xff;
  return out;
}

const WHOLE_FILE_CASES: Array<{ name: string; damage: (original: Buffer) => Buffer; reason: RegExp }> = [
  { name: 'a truncated file', damage: (b) => b.subarray(0, Math.floor(b.length / 2)), reason: /not valid JSON/ },
  { name: 'random bytes', damage: () => noise(700), reason: /not valid JSON/ },
  { name: 'an empty file', damage: () => Buffer.alloc(0), reason: /not valid JSON/ },
  {
    name: 'a newer schema version',
    damage: (b) => Buffer.from(JSON.stringify({ ...JSON.parse(b.toString('utf8')), schemaVersion: 99 })),
    reason: /newer Backstride \(data version 99/,
  },
  { name: 'valid JSON that is not a log file', damage: () => Buffer.from('[1,2,3]'), reason: /no list of entries/ },
];

let recovered = 0;
afterAll(() => recordStat('corruption', { corruptionsRecovered: recovered }));

describe('a damaged partition file, with a backup', () => {
  for (const testCase of WHOLE_FILE_CASES) {
    it(`recovers from ${testCase.name}: file kept aside, backup restored, user told`, async () => {
      const dir = await loggedAndBackedUp(true);
      const bad = testCase.damage(fs.readFileSync(path.join(dir, RUNS_FILE)));
      fs.writeFileSync(path.join(dir, RUNS_FILE), bad);

      const repo = openRepo(dir, { lock: true });

      // The backup's three runs are back; the run logged after the backup is not (and the notice says so).
      expect(
        repo
          .all('run')
          .map((r) => r.id)
          .sort(),
      ).toEqual([uuid(1), uuid(2), uuid(3)]);
      expect(repo.all('pain').map((p) => p.id)).toEqual([uuid(10)]);
      expect(repo.settings.distanceUnit).toBe('mi');

      // The bad file is kept, byte for byte, where the notice says.
      const kept = listDir(path.join(dir, DAMAGED_DIR));
      expect(kept).toHaveLength(1);
      const keptPath = path.join(dir, DAMAGED_DIR, kept[0]!);
      expect(fs.readFileSync(keptPath).equals(bad)).toBe(true);

      expect(repo.notices).toHaveLength(1);
      const notice = repo.notices[0]!;
      expect(notice.level).toBe('error');
      expect(notice.message).toContain(`The file ${RUNS_FILE} could not be read`);
      expect(notice.message).toMatch(testCase.reason);
      expect(notice.message).toContain(`It was moved to ${keptPath}`);
      expect(notice.message).toMatch(/Its 3 entries were restored from the backup of .* UTC \(.*backups.*\.json\)/);
      expect(notice.message).toContain('only in the moved file');

      // The repaired file is good: the next start is clean and holds the same entries.
      await repo.close();
      const again = openRepo(dir);
      expect(again.notices).toEqual([]);
      expect(
        again
          .all('run')
          .map((r) => r.id)
          .sort(),
      ).toEqual([uuid(1), uuid(2), uuid(3)]);
      recovered++;
    });
  }

  it('recovers from valid JSON with invalid records: keeps the good ones, restores the bad ones from the backup', async () => {
    const dir = await loggedAndBackedUp(true);
    const file = path.join(dir, RUNS_FILE);
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { schemaVersion: number; records: unknown[] };
    // Run 2 gets an impossible distance; a stray string joins the list.
    content.records = content.records.map((r) =>
      (r as { id: string }).id === uuid(2) ? { ...(r as object), distanceKm: -8 } : r,
    );
    content.records.push('not an entry');
    fs.writeFileSync(file, JSON.stringify(content));

    const repo = openRepo(dir, { lock: true });
    const runs = new Map(repo.all('run').map((r) => [r.id, r]));
    // Run 4 (logged after the backup) stays: it was valid in the file. Run 2 comes back from the backup.
    expect([...runs.keys()].sort()).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
    expect(runs.get(uuid(2))?.distanceKm).toBe(8);

    const kept = listDir(path.join(dir, DAMAGED_DIR));
    expect(kept).toHaveLength(1);
    const keptRecords = JSON.parse(fs.readFileSync(path.join(dir, DAMAGED_DIR, kept[0]!), 'utf8')) as unknown[];
    expect(keptRecords).toEqual([{ ...run(2, '2024-03-03', 8), distanceKm: -8 }, 'not an entry']);

    expect(repo.notices).toHaveLength(1);
    expect(repo.notices[0]!.message).toMatch(
      /^2 entries in runs-2024\.json did not pass validation and were left out\. They are kept in .*damaged.* 1 of them was restored from the backup of /,
    );
    await repo.close();
    const again = openRepo(dir);
    expect(again.notices).toEqual([]);
    expect(again.count('run')).toBe(4);
    recovered++;
  });

  it('uses the newest backup that is itself good, skipping a damaged newer one', async () => {
    const dir = await loggedAndBackedUp(true);
    // A newer backup exists but was cut short.
    const repo = openRepo(dir);
    await repo.save('run', run(5, '2024-03-09'));
    const newer = await backupNow(repo);
    await repo.close();
    fs.writeFileSync(newer.path, fs.readFileSync(newer.path).subarray(0, 100));
    expect(backupFiles(dir)[0]).toBe(newer.file);

    fs.writeFileSync(path.join(dir, RUNS_FILE), '');
    const reopened = openRepo(dir);
    expect(
      reopened
        .all('run')
        .map((r) => r.id)
        .sort(),
    ).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(reopened.notices[0]!.message).not.toContain(newer.file);
    recovered++;
  });

  it('restores damaged settings from the backup', async () => {
    const dir = await loggedAndBackedUp(true);
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion":1,"settings":{"distanceU');
    const repo = openRepo(dir);
    expect(repo.settings.distanceUnit).toBe('mi');
    expect(repo.count('run')).toBe(4);
    expect(repo.notices[0]!.message).toMatch(
      /^Your settings file settings\.json could not be read .* It was moved to .*damaged.* Your settings were restored from the backup of/,
    );
    expect(openRepo(dir).notices).toEqual([]);
    recovered++;
  });
});

describe('a damaged partition file, without any backup', () => {
  for (const testCase of WHOLE_FILE_CASES) {
    it(`starts that part empty after ${testCase.name}, keeps the file and says there was no backup`, async () => {
      const dir = await loggedAndBackedUp(false);
      const bad = testCase.damage(fs.readFileSync(path.join(dir, RUNS_FILE)));
      fs.writeFileSync(path.join(dir, RUNS_FILE), bad);

      const repo = openRepo(dir);
      expect(repo.all('run')).toEqual([]);
      expect(repo.count('pain')).toBe(1);
      const kept = listDir(path.join(dir, DAMAGED_DIR));
      expect(fs.readFileSync(path.join(dir, DAMAGED_DIR, kept[0]!)).equals(bad)).toBe(true);
      expect(fs.existsSync(path.join(dir, RUNS_FILE))).toBe(false);
      expect(repo.notices[0]!.message).toMatch(/could not be read .* It was moved to .*damaged.* There was no backup/);
      recovered++;
    });
  }
});

describe('opening a damaged folder read-only', () => {
  it('restores in memory, says so, and changes no byte on disk', async () => {
    const dir = await loggedAndBackedUp(true);
    fs.writeFileSync(path.join(dir, RUNS_FILE), '{"schemaVersion":1,"rec');
    const before = folderBytes(dir);
    const repo = openRepo(dir, { access: 'read' });
    expect(repo.count('run')).toBe(3);
    expect(repo.notices[0]!.message).toMatch(
      /It was left where it is\..*Opened read-only, so nothing was changed on disk\./,
    );
    await expect(repo.save('run', run(9, '2024-04-01'))).rejects.toThrow(/opened read-only/);
    expect(folderBytes(dir)).toEqual(before);
    expect(fs.existsSync(backupDir(dir))).toBe(true);
  });
});
