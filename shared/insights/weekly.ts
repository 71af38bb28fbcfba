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

/** The sums behind the weekly series, one element per week (a week's mean is the rest's business). */
export interface WeeklyTotals {
  /** Day number of the first week's first day; week w starts 7 × w days later. */
  first: number;
  count: number;
  core: Int32Array;
  /** Unrounded run km. */
  km: Float64Array;
  runs: Int32Array;
  /** Sum and number of the week's daily means: a day with three ratings counts once. */
  dayMeanSum: Float64Array;
  ratedDays: Int32Array;
  /** Highest lower-back rating (-Infinity without any). */
  painMax: Float64Array;
  painDays: Int32Array;
  /** 1 for a week with any entry. */
  logged: Uint8Array;
}

/**
 * Weeks as `cal` groups days: the user's week start for display, or a fixed grouping for the
 * headline analysis, which must not move with a display setting. Null without weeks.
 */
export function weeklyTotals(index: LogIndex, cal: Calendar): WeeklyTotals | null {
  if (index.firstDate === null) return null;
  const first = cal.weekStartDay(index.firstDate);
  const last = cal.weekStartDay(index.input.today);
  if (last < first) return null;
  const count = (last - first) / 7 + 1;
  const totals: WeeklyTotals = {
    first,
    count,
    core: new Int32Array(count),
    km: new Float64Array(count),
    runs: new Int32Array(count),
    dayMeanSum: new Float64Array(count),
    ratedDays: new Int32Array(count),
    painMax: new Float64Array(count).fill(-Infinity),
    painDays: new Int32Array(count),
    logged: new Uint8Array(count),
  };
  const { core, km, runs, dayMeanSum, ratedDays, painMax, painDays, logged } = totals;

  const { days, runStart, backPainCount, backPainMax } = index;
  for (let i = 0; i < days.length; i++) {
    // Weeks are 7 calendar days, so once the first week start is known a day's week is plain
    // integer division. Entries after this week (a clock set back, or a --today in the past)
    // fall outside; days ascend, so none after them is inside either.
    const w = Math.floor(((days[i] as number) - first) / 7);
    if (w >= count) break;
    logged[w] = 1;
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
  return totals;
}

/** Week w's mean back pain (the mean of its daily means), or null without any rating. */
export function weekMeanPain(totals: WeeklyTotals, w: number): number | null {
  const n = totals.ratedDays[w] as number;
  // No lower-back rating means "not known", not "no pain": null keeps it out of correlations.
  return n > 0 ? (totals.dayMeanSum[w] as number) / n : null;
}

/** Week w is finished and has something logged: the only kind of week an analysis may use. */
export function isAnalysableWeek(totals: WeeklyTotals, w: number): boolean {
  return w !== totals.count - 1 && totals.logged[w] === 1;
}

/** The weekly series, weeks as `cal` groups days (the user's week start by default). */
export function buildWeeklySeries(index: LogIndex, cal: Calendar = index.cal): WeeklySeries {
  const totals = weeklyTotals(index, cal);
  if (totals === null) return { weeks: [], rawRunKm: [] };
  const { first, count } = totals;
  const weeks: WeekSummary[] = [];
  for (let w = 0; w < count; w++) {
    const meanBackPain = weekMeanPain(totals, w);
    weeks.push({
      weekStart: cal.date(first + 7 * w),
      coreSessions: totals.core[w] as number,
      runKm: roundKm(totals.km[w] as number),
      runs: totals.runs[w] as number,
      meanBackPain,
      maxBackPain: meanBackPain === null ? null : (totals.painMax[w] as number),
      painDays: totals.painDays[w] as number,
      inProgress: w === count - 1,
      nothingLogged: totals.logged[w] === 0,
    });
  }
  return { weeks, rawRunKm: Array.from(totals.km) };
}

/** A finished week with something logged: the only kind of week an analysis may use. */
export function isAnalysable(week: WeekSummary): boolean {
  return !week.inProgress && !week.nothingLogged;
}
