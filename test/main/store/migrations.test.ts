// Migrations: a data folder written by an older app opens with every record, field for field.
// The fixtures under test/fixtures/store/ are frozen copies of what those versions wrote.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateFile, NewerSchemaError } from '../../../main/store/migrations';
import { SCHEMA_VERSION } from '../../../shared/model';
import { tempDir } from '../../helpers';
import { folderBytes, listDir, openRepo } from './storeHelpers';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/store');
const id = (n: number) => `11111111-2222-4333-8444-${String(n).padStart(12, '0')}`;

function copyFixture(version: string): string {
  const dir = tempDir();
  fs.cpSync(path.join(FIXTURES, version), dir, { recursive: true });
  return dir;
}

describe('version 1 fixture folder', () => {
  it('opens with every record and every field', () => {
    const dir = copyFixture('v1');
    const repo = openRepo(dir, { lock: true });
    expect(repo.notices).toEqual([]);
    expect(
      repo
        .all('run')
        .map((r) => r.id)
        .sort(),
    ).toEqual([id(1), id(2), id(3), id(4)]);
    expect(
      repo
        .all('pain')
        .map((r) => r.id)
        .sort(),
    ).toEqual([id(5), id(6), id(7)]);
    expect(
      repo
        .all('strength')
        .map((r) => r.id)
        .sort(),
    ).toEqual([id(8), id(9)]);

    expect(repo.get('run', id(1))).toEqual({
      id: id(1),
      date: '2023-11-04',
      startTime: '07:15',
      distanceKm: 8.2,
      durationS: 2710,
      effort: 5,
      surface: 'road',
      shoe: 'Pegasus 39',
      avgHr: 148,
      notes: 'Easy, "flat" route',
      source: 'manual',
    });
    expect(repo.get('run', id(2))).toMatchObject({ source: 'gpx', sourceId: 'garmin-123' });
    expect(repo.get('pain', id(5))).toEqual({
      id: id(5),
      date: '2024-01-02',
      time: '19:30',
      score: 4,
      location: 'lower_back',
      side: 'left',
      kind: 'muscular',
      timing: 'after_run',
      runId: id(3),
      notes: 'tight after treadmill',
    });
    expect(repo.get('strength', id(8))?.items).toEqual([
      { exercise: 'plank', sets: 3, holdS: 45 },
      { exercise: 'glute-bridge', sets: 3, reps: 12 },
      { exercise: 'own-dead-bug', reps: 10 },
    ]);
    expect(repo.settings).toMatchObject({
      distanceUnit: 'mi',
      weekStartsOn: 0,
      theme: 'dark',
      onboarded: true,
      customExercises: [{ id: 'own-dead-bug', name: 'Dead bug', category: 'core', dosing: 'reps' }],
    });
  });

  it('is migrated to version 2 (experiments): each file stamped, the originals kept byte for byte', () => {
    const dir = copyFixture('v1');
    const originals = folderBytes(dir);
    const repo = openRepo(dir, { lock: true });
    expect(repo.notices).toEqual([]);
    expect(repo.count('experiment')).toBe(0);
    for (const name of originals.keys()) {
      expect(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')).schemaVersion, name).toBe(SCHEMA_VERSION);
    }
    const kept = listDir(path.join(dir, 'backups', 'before-migration'));
    expect(kept).toHaveLength(originals.size);
    for (const [name, bytes] of originals) {
      const copy = kept.find((k) => k.endsWith(`-${name}`))!;
      expect(fs.readFileSync(path.join(dir, 'backups', 'before-migration', copy)).toString('base64')).toBe(bytes);
    }
    // Opened again, nothing is migrated twice.
    const after = folderBytes(dir);
    openRepo(dir);
    expect(folderBytes(dir)).toEqual(after);
  });

  it('can be read in place read-only, untouched', () => {
    const fixtureBefore = folderBytes(path.join(FIXTURES, 'v1'));
    expect(openRepo(path.join(FIXTURES, 'v1'), { access: 'read' }).count('run')).toBe(4);
    expect(folderBytes(path.join(FIXTURES, 'v1'))).toEqual(fixtureBefore);
  });

  it('is still readable after a save in the current version (old and new files side by side)', async () => {
    const dir = copyFixture('v1');
    const repo = openRepo(dir);
    await repo.save('run', { ...repo.get('run', id(3))!, distanceKm: 6 });
    const again = openRepo(dir);
    expect(again.notices).toEqual([]);
    expect(again.count('run')).toBe(4);
    expect(again.get('run', id(3))?.distanceKm).toBe(6);
  });
});

describe('version 2 fixture folder (experiments)', () => {
  it('opens with its experiments, their periods exactly as drawn, without rewriting anything', () => {
    const dir = copyFixture('v2');
    const before = folderBytes(dir);
    const repo = openRepo(dir);
    expect(repo.notices).toEqual([]);
    expect(folderBytes(dir)).toEqual(before);
    expect(repo.count('run')).toBe(1);
    expect(repo.count('pain')).toBe(1);
    const abandoned = repo.get('experiment', id(10))!;
    expect(abandoned).toMatchObject({ name: 'Winter experiment', status: 'abandoned', periodDays: 7, cycles: 3 });
    expect(abandoned.periods.map((p) => p.condition)).toEqual(['usual', 'core', 'core', 'usual', 'core', 'usual']);
    expect(abandoned.periods[5]).toEqual({ cycle: 3, condition: 'usual', start: '2026-02-09', end: '2026-02-15' });
    expect(repo.get('experiment', id(11))).toMatchObject({
      status: 'active',
      periodDays: 14,
      cycles: 4,
      washoutDays: 0,
    });
  });

  it('refuses an experiment whose periods were changed by hand, keeping the file aside', () => {
    const dir = copyFixture('v2');
    const file = path.join(dir, 'experiments-2026.json');
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      records: Array<{ periods: Array<{ condition: string }> }>;
    };
    content.records[0]!.periods[0]!.condition = 'core'; // now cycle 1 has two core periods
    fs.writeFileSync(file, JSON.stringify(content));
    const repo = openRepo(dir);
    expect(repo.get('experiment', id(10))).toBeUndefined();
    expect(repo.get('experiment', id(11))).toBeDefined();
    expect(repo.notices[0]?.message).toMatch(/1 entry in experiments-2026\.json did not pass validation/);
  });
});

describe('unversioned (version 0) files', () => {
  it('are stamped to the current version, with the originals kept in backups/before-migration/', () => {
    const dir = copyFixture('v0');
    const original = fs.readFileSync(path.join(dir, 'runs-2023.json'), 'utf8');
    const repo = openRepo(dir);
    expect(repo.notices).toEqual([]);
    expect(repo.count('run')).toBe(2);
    expect(repo.count('pain')).toBe(3);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'runs-2023.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    const kept = listDir(path.join(dir, 'backups', 'before-migration'));
    expect(kept).toHaveLength(2);
    const keptRuns = kept.find((name) => name.endsWith('runs-2023.json'))!;
    expect(fs.readFileSync(path.join(dir, 'backups', 'before-migration', keptRuns), 'utf8')).toBe(original);
  });
});

describe('the migration chain', () => {
  it('has exactly one step from every older version up to the current one', () => {
    for (let version = 0; version < SCHEMA_VERSION; version++) {
      const steps = MIGRATIONS.filter((m) => m.from === version);
      expect(steps, `from version ${version}`).toHaveLength(1);
      expect(steps[0]!.to).toBe(version + 1);
    }
  });

  it('refuses a file from a newer app instead of guessing', () => {
    expect(() => migrateFile({ schemaVersion: SCHEMA_VERSION + 1, records: [] })).toThrow(NewerSchemaError);
  });
});
