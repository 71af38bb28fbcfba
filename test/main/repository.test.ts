import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogRepository } from '../../main/store/repository';
import { confFactory } from '../../main/store/storeFile';
import { SCHEMA_VERSION, type Run } from '../../shared/model';
import { tempDir } from '../helpers';

const run = (id: number, date: string, km = 5): Run => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  date,
  distanceKm: km,
  durationS: Math.round(km * 330),
  source: 'manual',
});

const open = (dataDir: string) => LogRepository.open({ dataDir, factory: confFactory });

describe('LogRepository', () => {
  it('partitions records by type and year, so a save rewrites one small file', async () => {
    const dir = tempDir();
    const repo = open(dir);
    await repo.save('run', run(1, '2023-12-31'));
    await repo.save('run', run(2, '2024-01-01'));
    expect(fs.readdirSync(dir).sort()).toEqual(['runs-2023.json', 'runs-2024.json']);
    const before = fs.statSync(path.join(dir, 'runs-2023.json')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await repo.save('run', run(3, '2024-06-01'));
    expect(fs.statSync(path.join(dir, 'runs-2023.json')).mtimeMs).toBe(before);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8'));
    expect(stored.schemaVersion).toBe(SCHEMA_VERSION);
    expect(stored.records.map((r: Run) => r.date)).toEqual(['2024-01-01', '2024-06-01']);
  });

  it('reopens with every saved record, and moves a record whose year changed', async () => {
    const dir = tempDir();
    const repo = open(dir);
    await repo.save('run', run(1, '2023-05-01'));
    await repo.save('run', { ...run(1, '2024-05-01'), distanceKm: 7 });
    const again = open(dir);
    expect(again.all('run')).toEqual([{ ...run(1, '2024-05-01'), distanceKm: 7 }]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'runs-2023.json'), 'utf8')).records).toEqual([]);
  });

  it('deletes and returns the deleted record', async () => {
    const dir = tempDir();
    const repo = open(dir);
    await repo.save('run', run(1, '2024-05-01'));
    expect(await repo.delete('run', run(1, '2024-05-01').id)).toEqual(run(1, '2024-05-01'));
    expect(open(dir).all('run')).toEqual([]);
  });

  it('serialises concurrent saves: none is lost', async () => {
    const dir = tempDir();
    const repo = open(dir);
    await Promise.all(Array.from({ length: 50 }, (_, i) => repo.save('run', run(i + 1, '2024-05-01'))));
    expect(open(dir).count('run')).toBe(50);
  });

  it('moves an unreadable file aside instead of replacing it, and says where', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'runs-2024.json'), '{"schemaVersion":1,"records":[{"id":');
    const repo = open(dir);
    expect(repo.all('run')).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'runs-2024.json'))).toBe(false);
    const damaged = fs.readdirSync(path.join(dir, 'damaged'));
    expect(damaged).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'damaged', damaged[0]!), 'utf8')).toBe(
      '{"schemaVersion":1,"records":[{"id":',
    );
    expect(repo.notices[0]?.message).toMatch(/runs-2024\.json could not be read.*moved to .*damaged/);
  });

  it('keeps invalid records aside and loads the valid ones', async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'runs-2024.json'),
      JSON.stringify({
        schemaVersion: 1,
        records: [run(1, '2024-05-01'), { ...run(2, '2024-05-02'), distanceKm: -1 }],
      }),
    );
    const repo = open(dir);
    expect(repo.all('run').map((r) => r.id)).toEqual([run(1, '2024-05-01').id]);
    expect(repo.notices[0]?.message).toMatch(/1 entry in runs-2024\.json did not pass validation/);
    const kept = fs.readdirSync(path.join(dir, 'damaged'));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'damaged', kept[0]!), 'utf8'))[0].distanceKm).toBe(-1);
  });

  it('refuses to read a file from a newer app version, keeping it aside', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'pain-2024.json'), JSON.stringify({ schemaVersion: 99, records: [] }));
    const repo = open(dir);
    expect(repo.notices[0]?.message).toMatch(/newer Backstride/);
    expect(fs.readdirSync(path.join(dir, 'damaged'))).toHaveLength(1);
  });

  it('stamps an unversioned file through the migration', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'runs-2024.json'), JSON.stringify({ records: [run(1, '2024-05-01')] }));
    expect(open(dir).count('run')).toBe(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'runs-2024.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('persists settings and rejects nothing silently', async () => {
    const dir = tempDir();
    const repo = open(dir);
    await repo.updateSettings({ ...repo.settings, distanceUnit: 'mi', weekStartsOn: 0 });
    const again = open(dir);
    expect(again.settings.distanceUnit).toBe('mi');
    expect(again.settings.weekStartsOn).toBe(0);
  });
});
