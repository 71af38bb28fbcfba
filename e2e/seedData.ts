// A deterministic, realistic log for screenshots and insights e2e: twenty weeks ending
// today, where weeks with more core work tend to have less back pain a week later.
import type { PainRating, Run, StrengthSession } from '../shared/model';
import { localToday } from '../shared/model';
import type { Seed } from './fixtures';

/** The local date `n` days before today. */
export function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return localToday(d);
}

/** A readable, valid UUID for seeded entries: the prefix tells the type, `n` the entry. */
export function uuid(prefix: number, n: number): string {
  return `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function twentyWeekSeed(): Seed {
  const runs: Run[] = [];
  const pain: PainRating[] = [];
  const strength: StrengthSession[] = [];
  // A small linear congruential generator keeps the data identical on every run.
  let state = 42;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let week = 19; week >= 0; week--) {
    const coreDays = Math.floor(random() * 5);
    for (let day = 0; day < 7; day++) {
      const ago = week * 7 + (6 - day);
      const date = daysAgo(ago);
      const n = week * 7 + day;
      if (day % 2 === 0) {
        const km = 5 + Math.round(random() * 70) / 10;
        runs.push({
          id: uuid(1, n),
          date,
          startTime: '07:30',
          distanceKm: km,
          durationS: Math.round(km * (330 + random() * 40)),
          effort: 4 + Math.floor(random() * 4),
          surface: 'road',
          // Two pairs of shoes, the newer one for the last eight weeks.
          shoe: ago < 56 ? 'Clifton 9' : 'Pegasus 39',
          source: 'manual',
        });
      }
      if (day < coreDays) {
        strength.push({
          id: uuid(2, n),
          date,
          time: '18:00',
          durationMin: 15,
          items: [
            { exercise: 'plank', sets: 1, holdS: 30 + (19 - week) * 3 },
            { exercise: 'side-plank', sets: 2, holdS: 20 + (19 - week) * 2 },
            { exercise: 'glute-bridge', sets: 1, reps: 10, holdS: 3 },
          ],
        });
      }
      if (day % 2 === 1 || day === 6) {
        const score = Math.max(0, Math.min(10, Math.round(5 - coreDays * 0.8 + random() * 2.5)));
        pain.push({
          id: uuid(3, n),
          date,
          time: '08:00',
          score,
          location: 'lower_back',
          side: score > 3 ? 'left' : 'centre',
          kind: 'muscular',
          timing: day === 6 ? 'rest_day' : 'next_morning',
        });
      }
    }
  }
  return { runs: runs.filter((r) => r.date <= localToday()), pain, strength };
}

/**
 * The twenty-week log plus what the Insights screen should also show: knee and hip pain for
 * the pain map, bone-like back aching, and one run that hurt more than 5/10 (a flag).
 */
export function insightsSeed(): Seed {
  const base = twentyWeekSeed();
  const pain = [...(base.pain ?? [])];
  for (let week = 0; week < 20; week += 3) {
    pain.push({
      id: uuid(4, week),
      date: daysAgo(week * 7 + 2),
      time: '19:00',
      score: 2 + (week % 4),
      location: week % 2 === 0 ? 'knee' : 'hip',
      side: 'right',
      kind: 'muscular',
      timing: 'after_run',
    });
  }
  for (const ago of [40, 61]) {
    pain.push({
      id: uuid(5, ago),
      date: daysAgo(ago),
      time: '21:00',
      score: 4,
      location: 'lower_back',
      side: 'both',
      kind: 'bone_like',
      timing: 'rest_day',
    });
  }
  // A run about three weeks ago that hurt during the run.
  const hurtRun = (base.runs ?? []).find((r) => r.date >= daysAgo(26) && r.date <= daysAgo(20));
  if (hurtRun) {
    pain.push({
      id: uuid(6, 1),
      date: hurtRun.date,
      time: '07:50',
      score: 7,
      location: 'lower_back',
      side: 'left',
      kind: 'muscular',
      timing: 'during_run',
      runId: hurtRun.id,
    });
  }
  return { ...base, pain };
}

/**
 * Six and a half years of one run, one back-pain rating and (most weeks) one core session a
 * week: more weeks than a chart draws as single points, so "All" aggregates.
 */
export function longSeed(years = 6.5): Seed {
  const runs: Run[] = [];
  const pain: PainRating[] = [];
  const strength: StrengthSession[] = [];
  const weeks = Math.round(years * 52);
  for (let week = weeks - 1; week >= 0; week--) {
    const ago = week * 7 + 3;
    const date = daysAgo(ago);
    runs.push({
      id: uuid(7, week),
      date,
      distanceKm: 6 + (week % 5),
      durationS: (6 + (week % 5)) * 340,
      source: 'manual',
    });
    const core = week % 4 !== 0;
    if (core)
      strength.push({ id: uuid(8, week), date, items: [{ exercise: 'plank', sets: 1, holdS: 30 + (week % 30) }] });
    pain.push({
      id: uuid(9, week),
      date: daysAgo(ago - 1),
      score: core ? 2 + (week % 3) : 4 + (week % 3),
      location: 'lower_back',
      side: 'centre',
      kind: 'muscular',
      timing: 'next_morning',
    });
  }
  return { runs, pain, strength };
}

/** The order the seeded experiment "drew" (fixed here so tests know it in advance). */
export const SEEDED_EXPERIMENT_ORDER = ['usual', 'core', 'core', 'usual', 'core', 'usual'] as const;
export const SEEDED_EXPERIMENT_ID = '00000000-0000-4000-8000-0000000e0001';

/**
 * A core-work experiment started 82 days ago (6 cycles of 7 days, 2 washout days), so today is
 * day 6 of its last period: a back-pain rating on most days, about 1.5 points lower in core
 * periods, a knee rating now and then (which must not count), the routine on most core days and
 * now and then in usual periods. Every cycle can be compared and all six point the same way.
 * Without `log`, only the plan.
 */
export function experimentSeed({ log = true }: { log?: boolean } = {}): Seed {
  const startDate = daysAgo(82);
  const experiment = {
    id: SEEDED_EXPERIMENT_ID,
    date: startDate,
    name: 'Spring back test',
    startDate,
    periodDays: 7 as const,
    cycles: 6,
    washoutDays: 2,
    status: 'active' as const,
    createdAt: new Date(Date.now() - 83 * 86_400_000).toISOString(),
    periods: SEEDED_EXPERIMENT_ORDER.flatMap((first, c) =>
      (first === 'core' ? (['core', 'usual'] as const) : (['usual', 'core'] as const)).map((condition, j) => ({
        cycle: c + 1,
        condition,
        start: daysAgo(82 - (2 * c + j) * 7),
        end: daysAgo(82 - (2 * c + j) * 7 - 6),
      })),
    ),
  };
  const pain: PainRating[] = [];
  const strength: StrengthSession[] = [];
  let state = 7;
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  experiment.periods.forEach((period, p) => {
    for (let day = 0; day < 7; day++) {
      const ago = 82 - p * 7 - day;
      if (ago < 0) continue;
      const date = daysAgo(ago);
      const n = p * 7 + day;
      const core = period.condition === 'core';
      // Pain eases slowly over the weeks, and core work lowers it once it has had a few days.
      const level = 5 - n / 40 - (core && day >= 2 ? 1.5 : 0);
      if (random() < 0.9) {
        pain.push({
          id: uuid(8, n),
          date,
          time: '08:00',
          score: Math.max(0, Math.min(10, Math.round(level + (random() - 0.5) * 2))),
          location: 'lower_back',
          side: 'centre',
          kind: 'muscular',
          timing: 'next_morning',
        });
      }
      if (n % 9 === 4) {
        pain.push({
          id: uuid(9, n),
          date,
          time: '19:00',
          score: 9,
          location: 'knee',
          side: 'right',
          kind: 'muscular',
          timing: 'after_run',
        });
      }
      if (core ? random() < 0.85 : random() < 0.15) {
        strength.push({
          id: uuid(10, n),
          date,
          time: '18:00',
          durationMin: 12,
          items: [
            { exercise: 'plank', sets: 1, holdS: 40 },
            { exercise: 'glute-bridge', sets: 1, reps: 10, holdS: 3 },
          ],
        });
      }
    }
  });
  if (!log) return { experiments: [experiment], settings: { onboarded: true } };
  return { pain, strength, experiments: [experiment], settings: { onboarded: true } };
}
