// One pass over the raw log that groups every entry by day, so no later step has to scan all
// entries again (20 years of data must stay well under 100 ms). The groups live in flat arrays
// (one slot per day that has any entry, ascending) rather than in per-day objects: at twenty
// years the objects and maps cost more in allocation and garbage collection than the insights'
// arithmetic.
import { isCoreSession } from '../exercises';
import type { CustomExercise, PainRating, PainTiming, Run, StrengthItem, StrengthSession } from '../model';
import type { TextFormat } from '../textFormat';
import { Calendar } from './dates';

export interface InsightsInput {
  runs: readonly Run[];
  pain: readonly PainRating[];
  strength: readonly StrengthSession[];
  customExercises: readonly CustomExercise[];
  /** 0 = Sunday ... 6 = Saturday, as date-fns counts. */
  weekStartsOn: number;
  /** Today's local date, YYYY-MM-DD: the last week of the series is the one holding it. */
  today: string;
  /** How texts (the flags' details) write distances and dates; km and the system locale if absent. */
  format?: TextFormat;
}

/**
 * The log grouped by day. Slot i stands for day number days[i]; every per-day array below has
 * one element per slot, and the entries of slot i in `runs` and `backRatings` run from
 * start[i] up to (not including) start[i + 1]. Nothing here depends on the order of the input.
 */
export interface LogIndex {
  input: InsightsInput;
  cal: Calendar;
  /** Day numbers with any entry at all (run, pain rating of any location, any session), ascending. */
  days: Int32Array;
  /** Core sessions per slot. */
  coreSessions: Int32Array;
  /** Sum, number and highest score of the slot's lower-back ratings (number 0: none). */
  backPainSum: Float64Array;
  backPainCount: Int32Array;
  backPainMax: Float64Array;
  /** Lower-back ratings by slot, within a day in the order they were taken (compareWithinDay). */
  backRatings: PainRating[];
  backRatingStart: Int32Array;
  /** Runs by slot, by id within a day, so sums of their distances do not depend on input order. */
  runs: Run[];
  runStart: Int32Array;
  /** The earliest date of any entry, or null for an empty log. */
  firstDate: string | null;
}

/** Where a rating falls in its day when it has no clock time to go by. */
const TIMING_ORDER: Record<PainTiming, number> = {
  next_morning: 0,
  rest_day: 1,
  during_run: 2,
  after_run: 3,
};

/** Orders strings by their UTF-16 code units, as `<` does (not by locale): stable across machines. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Orders a day's ratings: by phase of the day, then clock time (untimed first). Ratings that
 * are still tied cannot be told apart in time; ordering them by score (then id) keeps the
 * result independent of the order the store returns them in, and makes the higher score the
 * "latest", so a tie never produces a flag.
 */
export function compareWithinDay(a: PainRating, b: PainRating): number {
  const phase = TIMING_ORDER[a.timing] - TIMING_ORDER[b.timing];
  if (phase !== 0) return phase;
  const at = a.time ?? '';
  const bt = b.time ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  if (a.score !== b.score) return a.score - b.score;
  return compareText(a.id, b.id);
}

function compareIds(a: Run, b: Run): number {
  return compareText(a.id, b.id);
}

/** Sorts list[from..to) in place; a day holds a handful of entries, so insertion sort it is. */
function sortRange<T>(list: T[], from: number, to: number, compare: (a: T, b: T) => number): void {
  for (let i = from + 1; i < to; i++) {
    const item = list[i] as T;
    let j = i - 1;
    while (j >= from && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = item;
  }
}

/**
 * The entry numbers ordered by day, then entry number. A log spans a few days per entry, so a
 * counting sort over the days from first to last does it in linear time; a log with entries
 * far apart (a date decades off) sorts numeric keys instead, which a typed array does without
 * a comparator. Keys stay exact integers (below 2^53) for any calendar date.
 */
function entriesByDay(entryDay: Int32Array): Int32Array {
  const total = entryDay.length;
  const order = new Int32Array(total);
  if (total === 0) return order;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let e = 0; e < total; e++) {
    const day = entryDay[e] as number;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  const span = maxDay - minDay + 1;
  if (span <= 4 * total + 4096) {
    // next[d]: where the next entry of day minDay + d goes (after counting: how many precede it).
    const next = new Int32Array(span + 1);
    for (let e = 0; e < total; e++) {
      const d = (entryDay[e] as number) - minDay + 1;
      next[d] = (next[d] as number) + 1;
    }
    for (let d = 1; d <= span; d++) next[d] = (next[d] as number) + (next[d - 1] as number);
    for (let e = 0; e < total; e++) {
      const d = (entryDay[e] as number) - minDay;
      order[next[d] as number] = e;
      next[d] = (next[d] as number) + 1;
    }
    return order;
  }
  const keys = new Float64Array(total);
  for (let e = 0; e < total; e++) keys[e] = ((entryDay[e] as number) - minDay) * total + e;
  keys.sort();
  for (let k = 0; k < total; k++) order[k] = (keys[k] as number) % total;
  return order;
}

export function indexLog(input: InsightsInput): LogIndex {
  const cal = new Calendar(input.weekStartsOn);
  const { runs: inputRuns, pain, strength } = input;
  const painFrom = inputRuns.length;
  const strengthFrom = painFrom + pain.length;
  const total = strengthFrom + strength.length;

  // Every entry gets a number: runs, then pain ratings, then sessions.
  const entryDay = new Int32Array(total);
  for (let e = 0; e < painFrom; e++) entryDay[e] = cal.day((inputRuns[e] as Run).date);
  for (let e = painFrom; e < strengthFrom; e++) entryDay[e] = cal.day((pain[e - painFrom] as PainRating).date);
  for (let e = strengthFrom; e < total; e++)
    entryDay[e] = cal.day((strength[e - strengthFrom] as StrengthSession).date);
  const order = entriesByDay(entryDay);

  let dayCount = 0;
  let lastDay = NaN;
  for (let k = 0; k < total; k++) {
    const day = entryDay[order[k] as number] as number;
    if (day !== lastDay) dayCount++;
    lastDay = day;
  }

  // A long log names the same few exercises thousands of times: each is looked up once.
  const coreByExercise = new Map<string, boolean>();
  const isCoreExercise = (exercise: string): boolean => {
    let core = coreByExercise.get(exercise);
    if (core === undefined) {
      core = isCoreSession({ items: [{ exercise }] }, input.customExercises);
      coreByExercise.set(exercise, core);
    }
    return core;
  };

  const days = new Int32Array(dayCount);
  const coreSessions = new Int32Array(dayCount);
  const backPainSum = new Float64Array(dayCount);
  const backPainCount = new Int32Array(dayCount);
  const backPainMax = new Float64Array(dayCount);
  const backRatingStart = new Int32Array(dayCount + 1);
  const runStart = new Int32Array(dayCount + 1);
  const backRatings: PainRating[] = [];
  const runs: Run[] = [];
  // Closes slot i: puts its entries in their order within the day.
  const finishSlot = (i: number): void => {
    sortRange(runs, runStart[i] as number, runs.length, compareIds);
    sortRange(backRatings, backRatingStart[i] as number, backRatings.length, compareWithinDay);
  };

  let slot = -1;
  lastDay = NaN;
  for (let k = 0; k < total; k++) {
    const e = order[k] as number;
    const day = entryDay[e] as number;
    if (day !== lastDay) {
      if (slot >= 0) finishSlot(slot);
      slot++;
      lastDay = day;
      days[slot] = day;
      runStart[slot] = runs.length;
      backRatingStart[slot] = backRatings.length;
    }
    if (e < painFrom) {
      runs.push(inputRuns[e] as Run);
    } else if (e < strengthFrom) {
      const rating = pain[e - painFrom] as PainRating;
      if (rating.location !== 'lower_back') continue;
      // Scores are whole numbers, so their sum is exact in any order.
      const count = backPainCount[slot] as number;
      backPainSum[slot] = (backPainSum[slot] as number) + rating.score;
      backPainMax[slot] = count === 0 ? rating.score : Math.max(backPainMax[slot] as number, rating.score);
      backPainCount[slot] = count + 1;
      backRatings.push(rating);
    } else {
      const session = strength[e - strengthFrom] as StrengthSession;
      // A session is a core session when any of its exercises is core work (as isCoreSession);
      // a loop rather than some(), which would make a callback per session.
      let core = false;
      for (let item = 0; item < session.items.length && !core; item++) {
        core = isCoreExercise((session.items[item] as StrengthItem).exercise);
      }
      if (core) coreSessions[slot] = (coreSessions[slot] as number) + 1;
    }
  }
  if (slot >= 0) finishSlot(slot);
  runStart[dayCount] = runs.length;
  backRatingStart[dayCount] = backRatings.length;

  return {
    input,
    cal,
    days,
    coreSessions,
    backPainSum,
    backPainCount,
    backPainMax,
    backRatings,
    backRatingStart,
    runs,
    runStart,
    firstDate: dayCount > 0 ? cal.date(days[0] as number) : null,
  };
}

/** The mean of the lower-back ratings of slot i (NaN when it has none). */
export function backPainMean(index: LogIndex, i: number): number {
  return (index.backPainSum[i] as number) / (index.backPainCount[i] as number);
}

/** The slot of the day after slot i's day, when that day has any entry; else -1. */
export function nextDaySlot(index: LogIndex, i: number): number {
  return i + 1 < index.days.length && index.days[i + 1] === (index.days[i] as number) + 1 ? i + 1 : -1;
}

/** The slot of the day before slot i's day, when that day has any entry; else -1. */
export function previousDaySlot(index: LogIndex, i: number): number {
  return i > 0 && index.days[i - 1] === (index.days[i] as number) - 1 ? i - 1 : -1;
}
