// The weekly series: one row per calendar week from the first logged entry to this week.
import type { Calendar } from './dates';
import type { LogIndex } from './log';
import type { WeekSummary } from './types';

export interface WeeklySeries {
  weeks: WeekSummary[];
  /** Unrounded run km per week, kept for the correlations (WeekSummary.runKm is rounded). */
  rawRunKm: number[];
}

/** Run km are shown to the metre; sums of decimals otherwise print as 12.300000000000001. */
function roundKm(km: number): number {
  return Math.round(km * 1000) / 1000;
}

/**
 * Weeks as `cal` groups days: the user's week start for display (the default), or a fixed
 * grouping for the headline analysis, which must not move with a display setting.
 */
export function buildWeeklySeries(index: LogIndex, cal: Calendar = index.cal): WeeklySeries {
  const { input } = index;
  if (index.firstDate === null) return { weeks: [], rawRunKm: [] };
  const first = cal.weekStartDay(index.firstDate);
  const last = cal.weekStartDay(input.today);
  if (last < first) return { weeks: [], rawRunKm: [] };
  const count = (last - first) / 7 + 1;

  // Weeks are 7 calendar days, so once the first week start is known a day's week is plain
  // integer division.
  // Entries after this week (a clock set back, or a --today in the past) fall outside.
  const weekOfDay = (day: number): number => {
    const w = Math.floor((day - first) / 7);
    return w >= 0 && w < count ? w : -1;
  };

  const core = new Array<number>(count).fill(0);
  const km = new Array<number>(count).fill(0);
  const runs = new Array<number>(count).fill(0);
  // Sum and number of the week's daily means: a day with three ratings counts once.
  const dayMeanSum = new Array<number>(count).fill(0);
  const ratedDays = new Array<number>(count).fill(0);
  const painMax = new Array<number>(count).fill(-Infinity);
  const painDays = new Array<number>(count).fill(0);
  const logged = new Array<boolean>(count).fill(false);

  for (const [day, dayRuns] of index.runsByDay) {
    const w = weekOfDay(day);
    if (w < 0) continue;
    for (const run of dayRuns) km[w] = (km[w] as number) + run.distanceKm;
    runs[w] = (runs[w] as number) + dayRuns.length;
  }
  for (const [day, sessions] of index.coreSessionsByDay) {
    const w = weekOfDay(day);
    if (w >= 0) core[w] = (core[w] as number) + sessions;
  }
  for (const [day, p] of index.backPainByDay) {
    const w = weekOfDay(day);
    if (w < 0) continue;
    dayMeanSum[w] = (dayMeanSum[w] as number) + p.sum / p.count;
    ratedDays[w] = (ratedDays[w] as number) + 1;
    painMax[w] = Math.max(painMax[w] as number, p.max);
    if (p.max > 0) painDays[w] = (painDays[w] as number) + 1;
  }
  for (const day of index.loggedDays) {
    const w = weekOfDay(day);
    if (w >= 0) logged[w] = true;
  }

  const weeks: WeekSummary[] = [];
  for (let w = 0; w < count; w++) {
    const n = ratedDays[w] as number;
    weeks.push({
      weekStart: cal.date(first + 7 * w),
      coreSessions: core[w] as number,
      runKm: roundKm(km[w] as number),
      runs: runs[w] as number,
      // No lower-back rating means "not known", not "no pain": null keeps it out of correlations.
      meanBackPain: n > 0 ? (dayMeanSum[w] as number) / n : null,
      maxBackPain: n > 0 ? (painMax[w] as number) : null,
      painDays: painDays[w] as number,
      inProgress: w === count - 1,
      nothingLogged: !logged[w],
    });
  }
  return { weeks, rawRunKm: km };
}

/** A finished week with something logged: the only kind of week an analysis may use. */
export function isAnalysable(week: WeekSummary): boolean {
  return !week.inProgress && !week.nothingLogged;
}
