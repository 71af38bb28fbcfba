// Turns the weekly series into what a time chart draws: the weeks of the chosen range, merged
// into multi-week periods when there are more than a few hundred (see shared/insights/charts).
import {
  bucketSize,
  rangeStartIndex,
  reduceBuckets,
  weekBuckets,
  type Reducer,
  type TimeRange,
  type WeekBucket,
} from '../../../../shared/insights/charts';
import { formatDate, formatWeekTick } from './format';

export interface ShownWeeks {
  /** Index of the first shown week in the full series. */
  start: number;
  /** Week starts of the shown weeks (unmerged). */
  weekStarts: string[];
  /** Periods drawn as one point each; indexes relative to weekStarts. */
  buckets: WeekBucket[];
  /** Weeks per point (1 = one point per week). */
  size: number;
  /** Axis labels, one per bucket. */
  labels: string[];
}

export function shownWeeks(allWeekStarts: readonly string[], range: TimeRange): ShownWeeks {
  const start = rangeStartIndex(allWeekStarts.length, range);
  const weekStarts = allWeekStarts.slice(start);
  const size = bucketSize(weekStarts.length);
  const buckets = weekBuckets(weekStarts, size);
  const first = weekStarts[0] ?? '';
  const last = weekStarts[weekStarts.length - 1] ?? '';
  const withYear = first.slice(0, 4) !== last.slice(0, 4);
  return { start, weekStarts, buckets, size, labels: buckets.map((b) => formatWeekTick(b.firstWeekStart, withYear)) };
}

/** One value per bucket from a full-length weekly series. */
export function bucketed(
  shown: ShownWeeks,
  allValues: ReadonlyArray<number | null>,
  reducer: Reducer,
): Array<number | null> {
  return reduceBuckets(allValues.slice(shown.start), shown.buckets, reducer);
}

/** Tooltip title for a bucket: "Week of 3 Mar 2026" or "4 weeks from 3 Mar 2025". */
export function bucketTitle(bucket: WeekBucket | undefined): string {
  if (!bucket) return '';
  const weeks = bucket.end - bucket.start;
  return weeks === 1
    ? `Week of ${formatDate(bucket.firstWeekStart)}`
    : `${weeks} weeks from ${formatDate(bucket.firstWeekStart)} to ${formatDate(bucket.lastWeekStart)} (weekly average)`;
}

/** A note for the chart when points are merged, so the reader knows what one bar means. */
export function aggregationNote(shown: ShownWeeks): string {
  return shown.size > 1
    ? ` Each point is the average of ${shown.size} weeks, to keep ${shown.weekStarts.length} weeks readable.`
    : '';
}
