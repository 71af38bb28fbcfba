// The weekly series: one row per calendar week from the first logged entry to this week.
import type { Run } from '../model';
import type { Calendar } from './dates';
import { backPainMean } from './log';
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

  const core = new Array<number>(count).fill(0);
  const km = new Array<number>(count).fill(0);
  const runs = new Array<number>(count).fill(0);
  // Sum and number of the week's daily means: a day with three ratings counts once.
  const dayMeanSum = new Array<number>(count).fill(0);
  const ratedDays = new Array<number>(count).fill(0);
  const painMax = new Array<number>(count).fill(-Infinity);
  const painDays = new Array<number>(count).fill(0);
  const logged = new Array<boolean>(count).fill(false);

  const { days, runStart, backPainCount, backPainMax } = index;
  for (let i = 0; i < days.length; i++) {
    // Weeks are 7 calendar days, so once the first week start is known a day's week is plain
    // integer division. Entries after this week (a clock set back, or a --today in the past)
    // fall outside; days ascend, so none after them is inside either.
    const w = Math.floor(((days[i] as number) - first) / 7);
    if (w >= count) break;
    logged[w] = true;
    const runsTo = runStart[i + 1] as number;
    for (let r = runStart[i] as number; r < runsTo; r++) km[w] = (km[w] as number) + (index.runs[r] as Run).distanceKm;
    runs[w] = (runs[w] as number) + runsTo - (runStart[i] as number);
    core[w] = (core[w] as number) + (index.coreSessions[i] as number);
    if ((backPainCount[i] as number) === 0) continue;
    const dayMax = backPainMax[i] as number;
    dayMeanSum[w] = (dayMeanSum[w] as number) + backPainMean(index, i);
    ratedDays[w] = (ratedDays[w] as number) + 1;
    painMax[w] = Math.max(painMax[w] as number, dayMax);
    if (dayMax > 0) painDays[w] = (painDays[w] as number) + 1;
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
