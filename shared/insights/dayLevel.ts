// Day level: is back pain lower on days that follow a core session?
import type { LogIndex } from './log';
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

export function dayLevelGroups(index: LogIndex): DayGroups {
  const groups: DayGroups = { withCore: [], withoutCore: [] };
  // Sorted by day so the sums, and so the output, do not depend on entry order.
  const days = [...index.backPainByDay.keys()].sort((a, b) => a - b);
  for (const day of days) {
    const p = index.backPainByDay.get(day);
    if (!p) continue;
    const value = p.sum / p.count;
    if ((index.coreSessionsByDay.get(day - 1) ?? 0) > 0) groups.withCore.push(value);
    else groups.withoutCore.push(value);
  }
  return groups;
}

function daysText(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

export function compareDayGroups(groups: DayGroups): DayLevelComparison {
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
    };
  }
  return { ...base, difference: welch.difference, ci95: welch.ci95, reason: null };
}

export function buildDayLevel(index: LogIndex): DayLevelComparison {
  return compareDayGroups(dayLevelGroups(index));
}
