// Deterministic synthetic training logs for the benchmark: a runner who logs runs, pain ratings
// and core sessions for one or twenty years. Same seed, same log, byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { CATALOGUE } from '../shared/exercises';
import {
  PAIN_KINDS,
  PAIN_SIDES,
  SURFACES,
  type PainLocation,
  type PainRating,
  type PainTiming,
  type Run,
  type StrengthItem,
  type StrengthSession,
} from '../shared/model';
import { LogRepository } from '../main/store/repository';
import { confFactory } from '../main/store/storeFile';
import { seededRandom, type Random } from './prng';

export interface SyntheticLog {
  runs: Run[];
  pain: PainRating[];
  strength: StrengthSession[];
}

export interface LogSize {
  /** Whole calendar years, ending on LOG_END_DATE. */
  years: number;
  runsPerYear: number;
  painPerYear: number;
  strengthPerYear: number;
}

/** The last day of every generated log: in the past, so entries saved on it pass "not in the future". */
export const LOG_END_DATE = '2025-12-31';

/** Twenty years is about 5,000 runs, 7,000 pain ratings and 3,000 strength sessions. */
export const PER_YEAR = { runsPerYear: 250, painPerYear: 350, strengthPerYear: 150 } as const;

export const SIZES = {
  empty: { years: 0, ...PER_YEAR },
  oneYear: { years: 1, ...PER_YEAR },
  twentyYears: { years: 20, ...PER_YEAR },
} satisfies Record<string, LogSize>;

const DAY_MS = 86_400_000;
const SHOES = ['Trail 3', 'Daily trainer', 'Racer', 'Old pair'];
const RUN_NOTES = [
  'Easy loop by the river.',
  'Hills, felt strong.',
  'Windy; tight hamstrings.',
  'Long run with friends.',
];
const PAIN_NOTES = ['Stiff after sitting all day.', 'Eased after rolling.', 'Sharp when twisting.'];
const LOCATIONS: readonly PainLocation[] = [
  'lower_back',
  'lower_back',
  'lower_back',
  'lower_back',
  'hip',
  'knee',
  'ankle',
];
const CORE_EXERCISES = CATALOGUE.filter((e) => e.category === 'core' || e.category === 'posterior_chain');
const OTHER_EXERCISES = CATALOGUE.filter((e) => e.category !== 'core' && e.category !== 'posterior_chain');

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function clock(random: Random, fromHour: number, toHour: number): string {
  return `${String(random.int(fromHour, toHour)).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}`;
}

/** `count` distinct day indexes out of `days` (or with repeats when count > days), sorted. */
function chooseDays(random: Random, days: number, count: number): number[] {
  if (count >= days) return Array.from({ length: count }, (_, i) => i % days).sort((a, b) => a - b);
  const pool = Array.from({ length: days }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random.next() * (days - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count).sort((a, b) => a - b);
}

function strengthItem(random: Random, exercise: (typeof CATALOGUE)[number]): StrengthItem {
  switch (exercise.dosing) {
    case 'hold':
      return { exercise: exercise.id, sets: random.int(1, 3), holdS: random.int(15, 90) };
    case 'reps':
      return { exercise: exercise.id, sets: random.int(1, 3), reps: random.int(8, 20) };
    case 'minutes':
      return { exercise: exercise.id, minutes: random.int(2, 30) };
  }
}

/** A log of `size`, generated from `seed`; every record passes shared/model.ts's schemas. */
export function generateLog(size: LogSize, seed = 20_240_601): SyntheticLog {
  const random = seededRandom(seed);
  const endMs = Date.parse(`${LOG_END_DATE}T00:00:00Z`);
  const startMs = Date.UTC(Number(LOG_END_DATE.slice(0, 4)) - size.years + 1, 0, 1);
  const days = size.years === 0 ? 0 : Math.round((endMs - startMs) / DAY_MS) + 1;
  const log: SyntheticLog = { runs: [], pain: [], strength: [] };
  if (days === 0) return log;
  const dayOf = (index: number): string => isoDay(startMs + index * DAY_MS);

  // Core work comes and goes in phases, and back pain follows it loosely (a week or so later),
  // so the insights have something real to find.
  const strengthDays = chooseDays(random, days, size.strengthPerYear * size.years);
  const coreOnDay = new Uint8Array(days);
  for (const index of strengthDays) {
    const core = random.chance(0.85);
    const pool = core ? CORE_EXERCISES : OTHER_EXERCISES;
    const items: StrengthItem[] = [];
    const count = random.int(1, 5);
    for (let i = 0; i < count; i++) items.push(strengthItem(random, random.pick(pool)));
    if (core) coreOnDay[index] = 1;
    const session: StrengthSession = { id: random.uuid(), date: dayOf(index), items };
    if (random.chance(0.6)) session.time = clock(random, 6, 21);
    if (random.chance(0.7)) session.durationMin = random.int(10, 45);
    if (random.chance(0.1)) session.notes = 'Felt the deep core working today.';
    log.strength.push(session);
  }

  const runOnDay = new Map<number, Run>();
  for (const index of chooseDays(random, days, size.runsPerYear * size.years)) {
    const distanceKm = Math.round(random.between(3, 24) * 100) / 100;
    const paceS = random.between(260, 420);
    const run: Run = {
      id: random.uuid(),
      date: dayOf(index),
      distanceKm,
      durationS: Math.max(1, Math.round(distanceKm * paceS)),
      source: random.chance(0.8) ? 'manual' : 'gpx',
    };
    if (run.source === 'gpx') run.sourceId = `bench-${run.id}`;
    if (random.chance(0.8)) run.startTime = clock(random, 5, 20);
    if (random.chance(0.7)) run.effort = random.int(2, 9);
    if (random.chance(0.6)) run.surface = random.pick(SURFACES);
    if (random.chance(0.5)) run.shoe = random.pick(SHOES);
    if (random.chance(0.5)) run.avgHr = random.int(125, 178);
    if (random.chance(0.15)) run.notes = random.pick(RUN_NOTES);
    log.runs.push(run);
    runOnDay.set(index, run);
  }

  for (const index of chooseDays(random, days, size.painPerYear * size.years)) {
    let recentCore = 0;
    for (let back = 7; back < 21 && index - back >= 0; back++) recentCore += coreOnDay[index - back]!;
    const score = Math.max(0, Math.min(10, Math.round(4 - recentCore * 0.6 + random.gauss() * 1.5)));
    const run = runOnDay.get(index);
    const timing: PainTiming = run
      ? random.pick<PainTiming>(['during_run', 'after_run', 'next_morning'])
      : random.pick<PainTiming>(['rest_day', 'next_morning']);
    const rating: PainRating = {
      id: random.uuid(),
      date: dayOf(index),
      score,
      location: random.pick(LOCATIONS),
      side: random.pick(PAIN_SIDES),
      kind: random.pick(PAIN_KINDS),
      timing,
    };
    if (run && timing !== 'next_morning') rating.runId = run.id;
    if (random.chance(0.5)) rating.time = clock(random, 6, 22);
    if (random.chance(0.1)) rating.notes = random.pick(PAIN_NOTES);
    log.pain.push(rating);
  }
  return log;
}

export function countRecords(log: SyntheticLog): number {
  return log.runs.length + log.pain.length + log.strength.length;
}

/**
 * Writes a log into an (empty) data folder through the app's own repository and store files
 * (one write per partition, as an import does), as a returning user's log: onboarding done.
 */
export async function writeLog(dataDir: string, log: SyntheticLog): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const repo = LogRepository.open({ dataDir, factory: confFactory });
  try {
    await repo.saveMany('run', log.runs);
    await repo.saveMany('pain', log.pain);
    await repo.saveMany('strength', log.strength);
    await repo.updateSettings({ ...repo.settings, onboarded: true });
  } finally {
    await repo.close();
  }
}

/** The log's records as compact JSON: what "the data's size" means for the memory target. */
export function jsonBytes(log: SyntheticLog): number {
  return Buffer.byteLength(JSON.stringify(log));
}

/** The log's data files (partitions and settings), as the app keeps them in its folder. */
export function dataFiles(dataDir: string): string[] {
  return fs
    .readdirSync(dataDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dataDir, name));
}
