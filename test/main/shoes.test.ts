// Shoes as a list: distance per shoe, retirement, new names added from runs and imports, renames
// that carry their runs, and the migration of an older log's free-text shoes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/dispatch';
import type { Method } from '../../shared/api';
import type { Run, Shoe } from '../../shared/model';
import type { ShoeWithDistance } from '../../shared/shoes';
import { daysAgo, openTestApp, tempDir } from '../helpers';

type Handlers = ReturnType<typeof openTestApp>['handlers'];

async function call<T>(handlers: Handlers, method: Method, input?: unknown): Promise<T> {
  const result = await dispatch(handlers, method, input);
  if (!result.ok) throw new Error(`${result.error.field ?? ''}: ${result.error.message}`);
  return result.value as T;
}

describe('shoes', () => {
  it('migrates the free-text shoes of a version-1 log into the list, once, keeping the runs as they were', async () => {
    const dir = tempDir();
    fs.cpSync(path.resolve(import.meta.dirname, '../fixtures/store/v1'), dir, { recursive: true });
    const first = openTestApp(dir);
    await first.repo.flush();
    const shoes = await call<ShoeWithDistance[]>(first.handlers, 'shoes:list');
    expect(shoes).toEqual([
      expect.objectContaining({
        name: 'Pegasus 39',
        startDate: '2023-11-04',
        distanceKm: 8.2,
        runs: 1,
        retired: false,
      }),
    ]);
    const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')) as {
      settings: { shoes: Shoe[] };
    };
    expect(onDisk.settings.shoes.map((s) => s.name)).toEqual(['Pegasus 39']);
    expect(first.repo.all('run').find((r) => r.shoe)?.shoe).toBe('Pegasus 39');
    await first.repo.close();

    // Opened again, the list is read, not rebuilt: same id, and a deleted shoe stays deleted.
    const second = openTestApp(dir);
    const again = await call<ShoeWithDistance[]>(second.handlers, 'shoes:list');
    expect(again.map((s) => s.id)).toEqual(shoes.map((s) => s.id));
    await call(second.handlers, 'shoes:delete', { id: shoes[0]!.id });
    await second.repo.close();
    const third = openTestApp(dir);
    expect(await call<ShoeWithDistance[]>(third.handlers, 'shoes:list')).toEqual([]);
    expect(third.repo.all('run').find((r) => r.shoe)?.shoe).toBe('Pegasus 39');
  });

  it('adds a new shoe typed on a run, counts its distance and flags it past its retirement distance', async () => {
    const { handlers } = openTestApp();
    await call<Run>(handlers, 'runs:save', {
      date: daysAgo(3),
      distanceKm: 300,
      durationS: 300 * 330,
      shoe: 'Clifton 9',
    });
    await call<Run>(handlers, 'runs:save', {
      date: daysAgo(1),
      distanceKm: 250,
      durationS: 250 * 330,
      shoe: 'clifton 9 ',
    });
    let shoes = await call<ShoeWithDistance[]>(handlers, 'shoes:list');
    expect(shoes).toEqual([
      expect.objectContaining({
        name: 'Clifton 9',
        startDate: daysAgo(3),
        distanceKm: 550,
        runs: 2,
        overRetirement: false,
      }),
    ]);
    const { distanceKm: _km, runs: _runs, overRetirement: _over, ...clifton } = shoes[0]!;
    await call(handlers, 'shoes:save', { ...clifton, retireAtKm: 500 });
    shoes = await call<ShoeWithDistance[]>(handlers, 'shoes:list');
    expect(shoes[0]).toMatchObject({ retireAtKm: 500, overRetirement: true });
    await call(handlers, 'shoes:save', { id: shoes[0]!.id, name: 'Clifton 9', retireAtKm: 500, retired: true });
    expect((await call<ShoeWithDistance[]>(handlers, 'shoes:list'))[0]).toMatchObject({ overRetirement: false });

    const clash = await dispatch(handlers, 'shoes:save', { name: 'CLIFTON 9' });
    expect(clash).toMatchObject({ ok: false, error: { field: 'name' } });
  });

  it('a rename carries the shoe’s runs with it', async () => {
    const { handlers, repo } = openTestApp();
    const shoe = await call<Shoe>(handlers, 'shoes:save', { name: 'Old name', model: 'Brooks Ghost 15' });
    await call<Run>(handlers, 'runs:save', { date: daysAgo(2), distanceKm: 10, durationS: 3300, shoe: 'Old name' });
    await call(handlers, 'shoes:save', { ...shoe, name: 'Ghosts' });
    expect(repo.all('run')[0]!.shoe).toBe('Ghosts');
    expect(await call<ShoeWithDistance[]>(handlers, 'shoes:list')).toEqual([
      expect.objectContaining({ name: 'Ghosts', model: 'Brooks Ghost 15', distanceKm: 10 }),
    ]);
  });

  it('gives imported runs without a shoe the default import shoe', async () => {
    const { handlers, repo } = openTestApp();
    await call(handlers, 'settings:update', { defaultImportShoe: 'Trail pair' });
    const csv = `date,distance_km,duration_s,shoe\n${daysAgo(5)},8,2700,\n${daysAgo(4)},6,2000,Race flats\n`;
    const preview = await call<{ previewId: string }>(handlers, 'import:preview', {
      files: [{ name: 'runs.csv', dataBase64: Buffer.from(csv).toString('base64') }],
    });
    await call(handlers, 'import:commit', { previewId: preview.previewId });
    expect(
      repo
        .all('run')
        .map((r) => r.shoe)
        .sort(),
    ).toEqual(['Race flats', 'Trail pair']);
    const names = (await call<ShoeWithDistance[]>(handlers, 'shoes:list')).map((s) => s.name).sort();
    expect(names).toEqual(['Race flats', 'Trail pair']);
  });
});

describe('first-start settings', () => {
  it('starts with "I have a stability ball" unticked and no import shoe', async () => {
    const { handlers } = openTestApp();
    expect(await call(handlers, 'settings:get')).toMatchObject({ hasStabilityBall: false });
    expect(await call<{ defaultImportShoe?: string }>(handlers, 'settings:get')).not.toHaveProperty(
      'defaultImportShoe',
    );
  });
});
