// A year file lists its entries oldest first by date, then id, whatever order they were saved,
// edited, moved and deleted in: a save puts its entry in its place instead of sorting the whole
// year again (logIndex.ts, `inOrder`), so this checks that place after every kind of change.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byDateThenId, type Run } from '../../../shared/model';
import type { LogRepository } from '../../../main/store/repository';
import { tempDir } from '../../helpers';
import { openRepo, run } from './storeHelpers';

function fileRuns(dir: string, year: number): Run[] {
  const file = path.join(dir, `runs-${year}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { records: Run[] }).records : [];
}

/** Every year file holds exactly the log's runs of that year, in file order. */
function expectFilesInOrder(dir: string, repo: LogRepository): void {
  for (const year of [2023, 2024, 2025]) {
    const expected = repo
      .all('run')
      .filter((r) => r.date.startsWith(String(year)))
      .sort(byDateThenId);
    expect(fileRuns(dir, year)).toEqual(expected);
  }
}

describe('year files stay in order', () => {
  it('after single saves, edits that change the date, moves between years, deletes and bulk saves, in any mix', async () => {
    const dir = tempDir();
    const repo = openRepo(dir, { lock: true });
    // A seeded walk: the same steps every run, over few dates so that ids decide many places.
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n); // the high bits: the low ones of this generator repeat quickly
    };
    const date = (): string => `${2023 + random(3)}-0${1 + random(3)}-0${1 + random(4)}`;
    let next = 1;
    for (let step = 0; step < 240; step++) {
      const ids = repo.all('run').map((r) => r.id);
      const pick = ids.length > 0 ? repo.get('run', ids[random(ids.length)]!)! : undefined;
      const kind = random(6);
      if (kind <= 1 || !pick) await repo.save('run', run(1 + random(10_000) * 1000 + next++, date()));
      else if (kind === 2)
        await repo.save('run', { ...pick, distanceKm: pick.distanceKm + 1 }); // same place
      else if (kind === 3)
        await repo.save('run', { ...pick, date: date() }); // same year or another
      else if (kind === 4) await repo.delete('run', pick.id);
      else await repo.saveMany('run', [run(next++ * 7, date()), { ...pick, date: date() }, run(next++ * 3, date())]);
      expectFilesInOrder(dir, repo);
    }
    await repo.close();
    // And as read back: in order, and saving into them again keeps them so.
    const again = openRepo(dir, { lock: true });
    expectFilesInOrder(dir, again);
    await again.save('run', run(99_999_999, '2024-02-02'));
    expectFilesInOrder(dir, again);
    await again.close();
  });

  it('a hand-edited year file out of order is written back in order by the next save', async () => {
    const dir = tempDir();
    const repo = openRepo(dir, { lock: true });
    await repo.saveMany('run', [run(3, '2024-03-03'), run(1, '2024-01-01'), run(2, '2024-02-02')]);
    await repo.close();
    const file = path.join(dir, 'runs-2024.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { records: Run[] };
    json.records.reverse();
    fs.writeFileSync(file, JSON.stringify(json));
    const again = openRepo(dir, { lock: true });
    await again.save('run', run(4, '2024-02-15'));
    expect(fileRuns(dir, 2024).map((r) => r.date)).toEqual(['2024-01-01', '2024-02-02', '2024-02-15', '2024-03-03']);
    await again.close();
  });
});
