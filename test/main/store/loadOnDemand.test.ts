// A log opened to load on demand (the CLI's single calls) reads only the partition files it
// needs to add an entry, and anything that reads the log still sees all of it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli';
import { openApp } from '../../../main/context';
import { dispatch } from '../../../main/dispatch';
import { backupNow } from '../../../main/store/backups';
import { tempDir } from '../../helpers';
import { openRepo, pain, run, uuid } from './storeHelpers';

/**
 * Five years of runs and pain ratings (ten partition files), backed up today: a writer that opens
 * a log without a recent backup backs the whole log up first, which reads all of it.
 */
async function fiveYears(): Promise<string> {
  const dir = tempDir();
  const repo = openRepo(dir);
  for (let year = 2020; year <= 2024; year++) {
    await repo.save('run', run(year, `${year}-06-01`));
    await repo.save('pain', pain(year + 100, `${year}-06-01`));
  }
  await backupNow(repo);
  await repo.close();
  return dir;
}

function quietIo(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('loading on demand', () => {
  it('a new entry reads only the partition it goes into', async () => {
    const dir = await fiveYears();
    const app = openApp({ dataDir: dir, mode: 'browser', loadOnDemand: true });
    expect(app.repo.partitionChecks).toEqual({ proven: 0, checked: 0 });
    const saved = await dispatch(app.handlers, 'runs:save', { date: '2024-07-01', distanceKm: 6, durationS: 2000 });
    expect(saved.ok).toBe(true);
    expect(app.repo.partitionChecks).toEqual({ proven: 1, checked: 0 });
    // Reading the log reads the rest first.
    expect(app.repo.count('run')).toBe(6);
    expect(app.repo.partitionChecks).toEqual({ proven: 5, checked: 0 });
    expect(app.repo.snapshot().records.pain).toHaveLength(5);
    expect(app.repo.partitionChecks).toEqual({ proven: 10, checked: 0 });
    await app.repo.close();
  });

  it('an edit (an id given) reads every partition of its type, so the old copy is found and replaced', async () => {
    const dir = await fiveYears();
    const app = openApp({ dataDir: dir, mode: 'browser', loadOnDemand: true });
    // Run 2021 moves to 2024.
    const saved = await dispatch(app.handlers, 'runs:save', {
      id: uuid(2021),
      date: '2024-02-02',
      distanceKm: 7,
      durationS: 2400,
    });
    expect(saved.ok).toBe(true);
    expect(app.repo.partitionChecks.proven).toBe(5);
    await app.repo.close();
    const again = openRepo(dir, { access: 'read' });
    expect(again.all('run').filter((r) => r.id === uuid(2021))).toEqual([
      expect.objectContaining({ date: '2024-02-02', distanceKm: 7 }),
    ]);
    expect(again.count('run')).toBe(5);
  });

  it('the CLI adds a run to a long log, and a damaged file elsewhere is reported when it is read', async () => {
    const dir = await fiveYears();
    fs.writeFileSync(path.join(dir, 'runs-2020.json'), '{"records":[{"id":');
    const io = quietIo();
    const code = await runCli(
      ['call', 'runs:save', JSON.stringify({ date: '2024-07-01', distanceKm: 6, durationS: 2000 }), '--data-dir', dir],
      io,
    );
    expect(code).toBe(0);
    // runs-2020.json was not needed, so it was neither read nor repaired.
    expect(io.errors).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'runs-2020.json'), 'utf8')).toBe('{"records":[{"id":');

    const list = quietIo();
    expect(await runCli(['call', 'journal:list', '{"limit":50}', '--data-dir', dir], list)).toBe(0);
    expect(list.errors).toEqual([expect.stringMatching(/^ERROR: The file runs-2020\.json could not be read/)]);
    const page = JSON.parse(list.lines.join('\n')) as { counts: { run: number; pain: number } };
    // The damaged year came back from the backup, beside the new run.
    expect(page.counts).toEqual({ run: 6, pain: 5, strength: 0 });
  });
});
