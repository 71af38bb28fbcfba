// Power loss, simulated: a write torn half way (a temp file left half-written), a rename that
// never happened, and an edit between two year files cut off after the first file. The loader
// ignores temp files, keeps each file's last good content, and never reports a false alarm.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confFactory, type StoreFactory } from '../../../main/store/storeFile';
import { LogRepository } from '../../../main/store/repository';
import { tempDir } from '../../helpers';
import { folderBytes, listDir, openRepo, run, uuid } from './storeHelpers';

/** conf, except that chosen writes stop after the temp file is written: the rename never happens. */
function powerCutFactory(cutWrite: (writeNumber: number) => boolean): StoreFactory {
  let writes = 0;
  return (dataDir, name) => {
    const inner = confFactory(dataDir, name);
    return {
      get path() {
        return inner.path;
      },
      get store() {
        return inner.store;
      },
      set store(value: Record<string, unknown>) {
        this.writeText(JSON.stringify(value));
      },
      writeText(text: string | Uint8Array) {
        writes++;
        if (cutWrite(writes)) {
          fs.writeFileSync(`${inner.path}.tmp-1700000000ab12cd`, text);
          throw Object.assign(new Error('EIO: i/o error (power lost before the rename)'), { code: 'EIO' });
        }
        inner.writeText(text);
      },
    };
  };
}

async function threeRuns(): Promise<string> {
  const dir = tempDir();
  const repo = openRepo(dir);
  await repo.save('run', run(1, '2024-05-01'));
  await repo.save('run', run(2, '2024-05-02'));
  await repo.save('run', run(3, '2024-05-03'));
  await repo.close();
  return dir;
}

describe('torn writes', () => {
  it('a half-written temp file beside a partition is ignored, and removed by the next writer', async () => {
    const dir = await threeRuns();
    const good = fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8');
    const temp = 'runs-2024.json.tmp-1700000000ab12cd';
    fs.writeFileSync(path.join(dir, temp), good.slice(0, good.length / 2));

    // A reader leaves everything as it is.
    const before = folderBytes(dir);
    const reader = openRepo(dir, { access: 'read' });
    expect(
      reader
        .all('run')
        .map((r) => r.id)
        .sort(),
    ).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(reader.notices).toEqual([]);
    expect(folderBytes(dir)).toEqual(before);

    // The writer (holding the lock, so no other writer can own that temp file) cleans it up.
    const writer = openRepo(dir, { lock: true });
    expect(writer.count('run')).toBe(3);
    expect(writer.notices).toEqual([]);
    expect(listDir(dir)).not.toContain(temp);
    expect(fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8')).toBe(good);
    await writer.close();
  });

  it('a save whose rename never happened is not acknowledged, and the file keeps its last good content', async () => {
    const dir = await threeRuns();
    const good = fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8');
    const repo = LogRepository.open({ dataDir: dir, factory: powerCutFactory(() => true) });

    await expect(repo.save('run', run(4, '2024-05-04'))).rejects.toThrow(/power lost/);
    // Memory stays equal to disk: the failed save is not shown as saved.
    expect(repo.get('run', uuid(4))).toBeUndefined();
    expect(fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8')).toBe(good);

    // "After the power comes back": the complete but never-renamed temp file is not taken for the log.
    const again = openRepo(dir, { lock: true });
    expect(
      again
        .all('run')
        .map((r) => r.id)
        .sort(),
    ).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(again.notices).toEqual([]);
    expect(listDir(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
    await again.close();
  });

  it('an edit moving an entry to another year, cut off after the first file, leaves one copy and no alarm', async () => {
    const dir = await threeRuns();
    // Write 1 puts the edited run into runs-2023.json; write 2 (removing it from runs-2024.json) is cut.
    const repo = LogRepository.open({ dataDir: dir, factory: powerCutFactory((n) => n === 2) });
    await expect(repo.save('run', { ...run(2, '2023-12-30'), distanceKm: 9 })).rejects.toThrow(/power lost/);
    // On disk, both year files now hold run 2.
    const inFile = (name: string) =>
      (JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { records: Array<{ id: string }> }).records.map(
        (r) => r.id,
      );
    expect(inFile('runs-2023.json')).toContain(uuid(2));
    expect(inFile('runs-2024.json')).toContain(uuid(2));

    const again = openRepo(dir, { lock: true });
    expect(again.notices).toEqual([]);
    expect(again.all('run').filter((r) => r.id === uuid(2))).toHaveLength(1);
    expect(again.count('run')).toBe(3);
    // The copy in the file written last wins (the edit), and the other file no longer holds it.
    expect(again.get('run', uuid(2))).toMatchObject({ date: '2023-12-30', distanceKm: 9 });
    expect(inFile('runs-2024.json')).not.toContain(uuid(2));
    await again.close();
    expect(openRepo(dir).notices).toEqual([]);
  });
});
