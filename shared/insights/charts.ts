// The extra series the Insights charts need beyond the report (pain map, core endurance),
// and the small pure helpers the charts use: time-range slicing, aggregation of long ranges,
// the relationship scatter's points and placing flags on weeks. No I/O, no DOM.
import { findExercise } from '../exercises';
import { shoeKey } from '../shoes';
import { prefixLength } from '../sortedSearch';
import { PAIN_KINDS, PAIN_LOCATIONS, type PainKind, type PainLocation } from '../model';
import { isPairUsable } from './correlation';
import { Calendar } from './dates';
import type { InsightsInput } from './log';
import type { Lag } from './sentence';
import type { Flag, WeekSummary } from './types';

/** Pain at one location (or of one kind) in one week. */
export interface PainCell {
  /** Days in the week with at least one rating above 0. */
  painDays: number;
  /** Mean score of all ratings in the week (0 included); null when there was no rating. */
  meanScore: number | null;
  /** Number of ratings behind meanScore. */
  ratings: number;
}

export interface PainMapWeek {
  weekStart: string;
  byLocation: Record<PainLocation, PainCell>;
  /** By kind, over all locations. */
  byKind: Record<PainKind, PainCell>;
}

export interface EnduranceWeek {
  weekStart: string;
  /** Longest single plank hold logged in the week, seconds; null when none was logged. */
  plankS: number | null;
  /** Longest side-plank hold (per side) logged in the week, seconds; null when none. */
  sidePlankS: number | null;
}

/** Distance run in each shoe, week by week (the runs' shoe names, grouped as the shoe list does). */
export interface ShoeDistanceWeeks {
  /** The shoes named on runs, each by its first spelling, in the order of their first run. */
  shoes: string[];
  /** Same weeks as the report: km per shoe (in the order of `shoes`), and km on runs with no shoe. */
  weeks: Array<{ weekStart: string; km: number[]; noShoeKm: number }>;
}

export interface InsightsCharts {
  /** Same weeks as InsightsReport.weeks: the week of the first entry to this week. */
  painMap: PainMapWeek[];
  endurance: EnduranceWeek[];
  shoeDistance: ShoeDistanceWeeks;
}

/** The earliest date of any entry ('YYYY-MM-DD' strings sort like dates), or null. */
function earliestDate(input: InsightsInput): string | null {
  let first: string | null = null;
  for (const list of [input.runs, input.pain, input.strength]) {
    for (const entry of list) if (first === null || entry.date < first) first = entry.date;
  }
  return first;
}

/** Beyond this many points a time chart is aggregated into multi-week periods. */
export const MAX_CHART_POINTS = 260;

interface CellAcc {
  sum: number;
  ratings: number;
  /** Day numbers with a rating above 0 (a Set, so three ratings on one day count once); made on first use. */
  painDays: Set<number> | null;
}

const newAcc = (): CellAcc => ({ sum: 0, ratings: 0, painDays: null });

function toCell(acc: CellAcc): PainCell {
  return {
    painDays: acc.painDays?.size ?? 0,
    meanScore: acc.ratings > 0 ? acc.sum / acc.ratings : null,
    ratings: acc.ratings,
  };
}

function record<K extends string, V>(keys: readonly K[], make: () => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, V>;
}

function mapRecord<K extends string, A, B>(keys: readonly K[], source: Record<K, A>, fn: (a: A) => B): Record<K, B> {
  return Object.fromEntries(keys.map((k) => [k, fn(source[k])])) as Record<K, B>;
}

/**
 * Pain by location and kind, and the longest plank and side-plank holds, per week. The weeks
 * are exactly those of the insights report (first entry of any type to the week of `today`).
 */
export function buildChartSeries(input: InsightsInput): InsightsCharts {
  const cal = new Calendar(input.weekStartsOn);
  const firstDate = earliestDate(input);
  const none: InsightsCharts = { painMap: [], endurance: [], shoeDistance: { shoes: [], weeks: [] } };
  if (firstDate === null) return none;
  const first = cal.weekStartDay(firstDate);
  const last = cal.weekStartDay(input.today);
  if (last < first) return none;
  const count = (last - first) / 7 + 1;
  const weekOf = (date: string): number => {
    const w = Math.floor((cal.day(date) - first) / 7);
    return w >= 0 && w < count ? w : -1;
  };

  const locations = Array.from({ length: count }, () => record(PAIN_LOCATIONS, newAcc));
  const kinds = Array.from({ length: count }, () => record(PAIN_KINDS, newAcc));
  for (const rating of input.pain) {
    const w = weekOf(rating.date);
    if (w < 0) continue;
    const day = cal.day(rating.date);
    for (const acc of [locations[w]![rating.location], kinds[w]![rating.kind]]) {
      acc.sum += rating.score;
      acc.ratings += 1;
      if (rating.score > 0) (acc.painDays ??= new Set()).add(day);
    }
  }

  const plank = new Array<number | null>(count).fill(null);
  const sidePlank = new Array<number | null>(count).fill(null);
  // Imported sessions may name the exercise instead of using its id; a long log repeats the
  // same few names thousands of times, so each is looked up once.
  const idOf = new Map<string, string | undefined>();
  for (const session of input.strength) {
    const w = weekOf(session.date);
    if (w < 0) continue;
    for (const item of session.items) {
      if (item.holdS === undefined) continue;
      let id = idOf.get(item.exercise);
      if (!idOf.has(item.exercise)) {
        id = findExercise(item.exercise, input.customExercises)?.id;
        idOf.set(item.exercise, id);
      }
      const target = id === 'plank' ? plank : id === 'side-plank' ? sidePlank : undefined;
      if (target) target[w] = Math.max(target[w] ?? 0, item.holdS);
    }
  }

  // Shoes by the list's rule (case and spaces aside), in the order of their first run, each
  // named as on that run; one pass over the runs in whatever order the log holds them.
  const byShoe = new Map<string, { name: string; first: string; km: number[] }>();
  const noShoeKm = new Array<number>(count).fill(0);
  for (const run of input.runs) {
    const w = weekOf(run.date);
    if (w < 0) continue;
    const name = run.shoe?.trim();
    if (!name) {
      noShoeKm[w]! += run.distanceKm;
      continue;
    }
    const key = shoeKey(name);
    let shoe = byShoe.get(key);
    if (shoe === undefined) byShoe.set(key, (shoe = { name, first: run.date, km: new Array<number>(count).fill(0) }));
    else if (run.date < shoe.first) Object.assign(shoe, { name, first: run.date });
    shoe.km[w]! += run.distanceKm;
  }
  const shoeList = [...byShoe.values()].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const shoes = shoeList.map((shoe) => shoe.name);

  const painMap: PainMapWeek[] = [];
  const endurance: EnduranceWeek[] = [];
  const shoeWeeks: ShoeDistanceWeeks['weeks'] = [];
  for (let w = 0; w < count; w++) {
    const weekStart = cal.date(first + 7 * w);
    painMap.push({
      weekStart,
      byLocation: mapRecord(PAIN_LOCATIONS, locations[w]!, toCell),
      byKind: mapRecord(PAIN_KINDS, kinds[w]!, toCell),
    });
    endurance.push({ weekStart, plankS: plank[w] ?? null, sidePlankS: sidePlank[w] ?? null });
    shoeWeeks.push({ weekStart, km: shoeList.map((shoe) => shoe.km[w]!), noShoeKm: noShoeKm[w]! });
  }
  return { painMap, endurance, shoeDistance: { shoes, weeks: shoeWeeks } };
}

// ---- time ranges -------------------------------------------------------------------------

export type TimeRange = '12w' | '6m' | '1y' | 'all';
export const TIME_RANGES: ReadonlyArray<{ id: TimeRange; label: string; weeks: number }> = [
  { id: '12w', label: '12 weeks', weeks: 12 },
  { id: '6m', label: '6 months', weeks: 26 },
  { id: '1y', label: '1 year', weeks: 52 },
  { id: 'all', label: 'All', weeks: Number.POSITIVE_INFINITY },
];

/** Index of the first week shown for a range, over a series of `count` weeks ending this week. */
export function rangeStartIndex(count: number, range: TimeRange): number {
  const weeks = TIME_RANGES.find((r) => r.id === range)?.weeks ?? Number.POSITIVE_INFINITY;
  return Number.isFinite(weeks) ? Math.max(0, count - weeks) : 0;
}

// ---- aggregation of long ranges ------------------------------------------------------------

/** How many consecutive weeks share one point so that at most `maxPoints` points are drawn. */
export function bucketSize(count: number, maxPoints: number = MAX_CHART_POINTS): number {
  if (!Number.isInteger(maxPoints) || maxPoints < 1) throw new RangeError('maxPoints must be a whole number ≥ 1.');
  return count <= maxPoints ? 1 : Math.ceil(count / maxPoints);
}

/** A run of consecutive weeks drawn as one point: indexes [start, end) into the weekly series. */
export interface WeekBucket {
  start: number;
  end: number;
  firstWeekStart: string;
  lastWeekStart: string;
}

/**
 * Groups weeks into buckets of `size`, aligned to the most recent week so the latest period
 * is always complete (only the oldest bucket may hold fewer weeks).
 */
export function weekBuckets(weekStarts: readonly string[], size: number): WeekBucket[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a whole number ≥ 1.');
  const buckets: WeekBucket[] = [];
  const n = weekStarts.length;
  const firstLength = n % size || size;
  for (let start = 0; start < n;) {
    const end = start === 0 ? Math.min(n, firstLength) : start + size;
    buckets.push({ start, end, firstWeekStart: weekStarts[start]!, lastWeekStart: weekStarts[end - 1]! });
    start = end;
  }
  return buckets;
}

/**
 * How a bucket's weeks become one value. 'mean' averages the weeks that have a value (so a
 * period's core sessions stay "per week"); 'max' and 'sum' likewise skip weeks without one.
 * A bucket with no value at all stays null: unknown is never drawn as 0.
 */
export type Reducer = 'mean' | 'max' | 'sum';

export function reduceBuckets(
  values: ReadonlyArray<number | null>,
  buckets: readonly WeekBucket[],
  reducer: Reducer,
): Array<number | null> {
  return buckets.map(({ start, end }) => {
    let total = 0;
    let best = Number.NEGATIVE_INFINITY;
    let present = 0;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (v === null || v === undefined) continue;
      total += v;
      best = Math.max(best, v);
      present += 1;
    }
    if (present === 0) return null;
    return reducer === 'mean' ? total / present : reducer === 'max' ? best : total;
  });
}

// ---- the relationship scatter --------------------------------------------------------------

export interface ScatterPoint {
  /** Core sessions plus a small fixed jitter, so equal points do not hide each other. */
  x: number;
  /** Mean back pain of the pain week (not jittered). */
  y: number;
  coreSessions: number;
  meanBackPain: number;
  /** The week the core sessions were counted in. */
  weekStart: string;
  /** The week the pain was measured in (`lag` weeks later). */
  painWeekStart: string;
}

/** Largest horizontal jitter, in core sessions (well under half the gap between counts). */
export const MAX_JITTER = 0.18;

/** A fixed pseudo-random number in [-1, 1) from a text: the same week always moves the same way. */
function hashUnit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) / 4294967296) * 2 - 1;
}

/**
 * The pairs the correlation for `lag` rests on (core sessions in week w, mean back pain in
 * week w + lag, as pairWeeks chooses them), as scatter points.
 */
export function relationshipPoints(weeks: readonly WeekSummary[], lag: Lag): ScatterPoint[] {
  const points: ScatterPoint[] = [];
  for (let w = 0; w + lag < weeks.length; w++) {
    const coreWeek = weeks[w]!;
    const painWeek = weeks[w + lag]!;
    if (!isPairUsable(coreWeek, painWeek)) continue;
    points.push({
      x: coreWeek.coreSessions + MAX_JITTER * hashUnit(coreWeek.weekStart),
      y: painWeek.meanBackPain,
      coreSessions: coreWeek.coreSessions,
      meanBackPain: painWeek.meanBackPain,
      weekStart: coreWeek.weekStart,
      painWeekStart: painWeek.weekStart,
    });
  }
  return points;
}

// ---- flags on weeks ------------------------------------------------------------------------

/**
 * Index of the week holding `date` (the last week starting on or before it), or -1 when the
 * date lies before the first week or after the last one.
 */
export function weekIndexOf(weekStarts: readonly string[], date: string): number {
  const index = prefixLength(weekStarts, (start) => start <= date) - 1;
  if (index < 0) return -1;
  // Past the last week's seventh day: outside the series.
  if (index === weekStarts.length - 1 && daysBetween(weekStarts[index]!, date) > 6) return -1;
  return index;
}

function daysBetween(from: string, to: string): number {
  const ms = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  const base = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  return Math.round((ms - base) / 86_400_000);
}

/** Flags grouped by the index of the week they fall in (flags outside the series are left out). */
export function flagsByWeek<F extends Pick<Flag, 'date'>>(
  weekStarts: readonly string[],
  flags: readonly F[],
): Map<number, F[]> {
  const map = new Map<number, F[]>();
  for (const flag of flags) {
    const w = weekIndexOf(weekStarts, flag.date);
    if (w < 0) continue;
    const list = map.get(w);
    if (list) list.push(flag);
    else map.set(w, [flag]);
  }
  return map;
}
