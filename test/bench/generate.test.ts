import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFiles, generateLog, LOG_END_DATE, SIZES, writeLog } from '../../bench/generate';
import { seededRandom } from '../../bench/prng';
import { LogRepository } from '../../main/store/repository';
import { confFactory } from '../../main/store/storeFile';
import { PainRating, Run, StrengthSession } from '../../shared/model';
import { tempDir } from '../helpers';

describe('bench log generator', () => {
  it('makes the same log from the same seed, and a different one from another seed', () => {
    const a = generateLog(SIZES.oneYear, 1);
    const b = generateLog(SIZES.oneYear, 1);
    const c = generateLog(SIZES.oneYear, 2);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('makes twenty years of about 5,000 runs, 7,000 pain ratings and 3,000 sessions, all valid', () => {
    const log = generateLog(SIZES.twentyYears);
    expect([log.runs.length, log.pain.length, log.strength.length]).toEqual([5000, 7000, 3000]);
    for (const run of log.runs) expect(Run.safeParse(run).success).toBe(true);
    for (const rating of log.pain) expect(PainRating.safeParse(rating).success).toBe(true);
    for (const session of log.strength) expect(StrengthSession.safeParse(session).success).toBe(true);

    const ids = [...log.runs, ...log.pain, ...log.strength].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dates = [...log.runs, ...log.pain, ...log.strength].map((r) => r.date).sort();
    // Twenty whole calendar years, ending on the fixed last day (so no entry is in the future).
    expect(dates[0]!.slice(0, 4)).toBe('2006');
    expect(dates[dates.length - 1]! <= LOG_END_DATE).toBe(true);

    // A pain rating linked to a run is on that run's day, as the service requires.
    const runDate = new Map(log.runs.map((r) => [r.id, r.date]));
    const linked = log.pain.filter((p) => p.runId !== undefined);
    expect(linked.length).toBeGreaterThan(1000);
    for (const rating of linked) expect(runDate.get(rating.runId!)).toBe(rating.date);
  });

  it('writes the log through the app repository, which reads every entry back without complaint', async () => {
    const dir = tempDir();
    const log = generateLog(SIZES.oneYear);
    await writeLog(dir, log);
    expect(dataFiles(dir).map((f) => path.basename(f))).toEqual([
      'pain-2025.json',
      'runs-2025.json',
      'settings.json',
      'strength-2025.json',
    ]);
    const repo = LogRepository.open({ dataDir: dir, factory: confFactory, access: 'read' });
    expect(repo.notices).toEqual([]);
    expect([repo.count('run'), repo.count('pain'), repo.count('strength')]).toEqual([250, 350, 150]);
    expect(repo.settings.onboarded).toBe(true);
  });
});

describe('seeded random numbers', () => {
  it('repeats from a seed and stays in range', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 1000 }, () => a.int(3, 7));
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.int(3, 7)));
    expect(Math.min(...draws)).toBe(3);
    expect(Math.max(...draws)).toBe(7);
    expect(seededRandom(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
