// Day level: is back pain lower on days that follow a core session?
import { backPainMean, previousDaySlot } from './log';
import type { LogIndex } from './log';
import { olsColumns } from './regression';
import { mean, welchTTest } from './stats';
import type { DayLevelComparison } from './types';

/** Fewer days than this in either group and the difference is not shown. */
export const MIN_DAYS_PER_GROUP = 5;

export interface DayGroups {
  /** Back pain (mean of the day's lower-back ratings) on days after a core-session day. */
  withCore: number[];
  /** The same for days after a day without a core session. */
  withoutCore: number[];
}

/** Days with a back-pain rating whose previous day has one too, for the adjusted comparison. */
export interface AdjustedDays {
  /** The day's back pain (mean of its lower-back ratings). */
  pain: number[];
  /** 1 when the previous day had a core session, else 0. */
  afterCore: number[];
  /** The previous day's back pain. */
  prevPain: number[];
}

export function adjustedDays(index: LogIndex): AdjustedDays {
  const out: AdjustedDays = { pain: [], afterCore: [], prevPain: [] };
  for (let i = 0; i < index.days.length; i++) {
    const prev = previousDaySlot(index, i);
    if (prev < 0 || index.backPainCount[i] === 0 || index.backPainCount[prev] === 0) continue;
    out.pain.push(backPainMean(index, i));
    out.afterCore.push((index.coreSessions[prev] as number) > 0 ? 1 : 0);
    out.prevPain.push(backPainMean(index, prev));
  }
  return out;
}

/**
 * Days after a core-session day against other days, among days that started from the same
 * pain the day before: a runner who skips core work on bad days has worse days after days
 * without it, and the raw difference alone reads that as a benefit of core work.
 */
export function adjustedDayComparison(days: AdjustedDays): Pick<DayLevelComparison, 'adjusted' | 'adjustedReason'> {
  const withCore = days.afterCore.filter((v) => v === 1).length;
  const without = days.afterCore.length - withCore;
  if (withCore < MIN_DAYS_PER_GROUP || without < MIN_DAYS_PER_GROUP) {
    return {
      adjusted: null,
      adjustedReason:
        `The comparison adjusted for the previous day's pain needs ratings on two days in a row: so far ` +
        `${daysText(withCore)} after a core-session day and ${daysText(without)} after a day without one have ` +
        `that; at least ${MIN_DAYS_PER_GROUP} of each are needed.`,
    };
  }
  const fit = olsColumns([new Float64Array(days.pain.length).fill(1), days.afterCore, days.prevPain], days.pain);
  const effect = fit?.coefficients[1];
  if (!fit || !effect) {
    return {
      adjusted: null,
      adjustedReason: "The previous day's pain explains these days exactly, so no adjusted difference can be computed.",
    };
  }
  return {
    adjusted: { n: fit.n, difference: effect.estimate, ci95: effect.ci95, pValue: effect.pValue },
    adjustedReason: null,
  };
}

export function dayLevelGroups(index: LogIndex): DayGroups {
  const groups: DayGroups = { withCore: [], withoutCore: [] };
  // By day, so the sums, and so the output, do not depend on entry order.
  for (let i = 0; i < index.days.length; i++) {
    if (index.backPainCount[i] === 0) continue;
    const value = backPainMean(index, i);
    const prev = previousDaySlot(index, i);
    if (prev >= 0 && (index.coreSessions[prev] as number) > 0) groups.withCore.push(value);
    else groups.withoutCore.push(value);
  }
  return groups;
}

function daysText(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

export function compareDayGroups(
  groups: DayGroups,
  adjustment: Pick<DayLevelComparison, 'adjusted' | 'adjustedReason'> = { adjusted: null, adjustedReason: null },
): DayLevelComparison {
  const { withCore, withoutCore } = groups;
  const base = {
    withCore: { n: withCore.length, meanPain: withCore.length > 0 ? mean(withCore) : null },
    withoutCore: { n: withoutCore.length, meanPain: withoutCore.length > 0 ? mean(withoutCore) : null },
  };
  if (withCore.length < MIN_DAYS_PER_GROUP || withoutCore.length < MIN_DAYS_PER_GROUP) {
    return {
      ...base,
      difference: null,
      ci95: null,
      reason:
        `So far ${daysText(withCore.length)} with a back-pain rating followed a core-session day and ` +
        `${daysText(withoutCore.length)} followed a day without one; at least ${MIN_DAYS_PER_GROUP} of ` +
        'each are needed before a difference is shown.',
      ...adjustment,
    };
  }
  const welch = welchTTest(withCore, withoutCore);
  if (!welch) {
    // Both groups without any spread: the difference is plain, but no interval can be drawn.
    const difference = (base.withCore.meanPain ?? 0) - (base.withoutCore.meanPain ?? 0);
    return {
      ...base,
      difference,
      ci95: null,
      reason: 'Back pain was the same on every day in each group, so no interval can be computed.',
      ...adjustment,
    };
  }
  return { ...base, difference: welch.difference, ci95: welch.ci95, reason: null, ...adjustment };
}

export function buildDayLevel(index: LogIndex): DayLevelComparison {
  return compareDayGroups(dayLevelGroups(index), adjustedDayComparison(adjustedDays(index)));
}
