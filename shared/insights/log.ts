// One pass over the raw log that builds the per-day lookups every insight needs, so no
// later step has to scan all entries again (20 years of data must stay well under 100 ms).
import { isCoreSession } from '../exercises';
import type { CustomExercise, PainRating, Run, StrengthSession } from '../model';
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

/** The lower-back ratings of one day, summed up. */
export interface DayPain {
  sum: number;
  count: number;
  max: number;
}

export interface LogIndex {
  input: InsightsInput;
  cal: Calendar;
  /** Core sessions per day number. */
  coreSessionsByDay: Map<number, number>;
  /** Lower-back ratings per day number. */
  backPainByDay: Map<number, DayPain>;
  /** The lower-back ratings themselves per day number, in input order within a day. */
  backRatingsByDay: Map<number, PainRating[]>;
  /** Runs per day number, in input order within a day. */
  runsByDay: Map<number, Run[]>;
  /** Day numbers with any entry at all (run, pain rating of any location, any session). */
  loggedDays: Set<number>;
  /** The earliest date of any entry, or null for an empty log. */
  firstDate: string | null;
}

export function indexLog(input: InsightsInput): LogIndex {
  const cal = new Calendar(input.weekStartsOn);
  let firstDate: string | null = null;
  const loggedDays = new Set<number>();
  // 'YYYY-MM-DD' strings sort like the dates they name. Returns the date's day number.
  const seeDate = (date: string): number => {
    if (firstDate === null || date < firstDate) firstDate = date;
    const day = cal.day(date);
    loggedDays.add(day);
    return day;
  };

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

  const coreSessionsByDay = new Map<number, number>();
  for (const session of input.strength) {
    const day = seeDate(session.date);
    // A session is a core session when any of its exercises is core work (as isCoreSession).
    if (!session.items.some((item) => isCoreExercise(item.exercise))) continue;
    coreSessionsByDay.set(day, (coreSessionsByDay.get(day) ?? 0) + 1);
  }

  const backPainByDay = new Map<number, DayPain>();
  const backRatingsByDay = new Map<number, PainRating[]>();
  for (const rating of input.pain) {
    const day = seeDate(rating.date);
    if (rating.location !== 'lower_back') continue;
    const agg = backPainByDay.get(day);
    if (agg) {
      agg.sum += rating.score;
      agg.count += 1;
      agg.max = Math.max(agg.max, rating.score);
      (backRatingsByDay.get(day) as PainRating[]).push(rating);
    } else {
      backPainByDay.set(day, { sum: rating.score, count: 1, max: rating.score });
      backRatingsByDay.set(day, [rating]);
    }
  }

  const runsByDay = new Map<number, Run[]>();
  for (const run of input.runs) {
    const day = seeDate(run.date);
    const list = runsByDay.get(day);
    if (list) list.push(run);
    else runsByDay.set(day, [run]);
  }

  return { input, cal, coreSessionsByDay, backPainByDay, backRatingsByDay, runsByDay, loggedDays, firstDate };
}
