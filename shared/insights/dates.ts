// Calendar arithmetic for the insights. Every 'YYYY-MM-DD' date becomes a whole day number
// once, so the rest of the code does integer maths and never meets a DST gap or a
// 23/25-hour day. Week starts come from date-fns startOfWeek on local dates, and day numbers
// turn back into strings with date-fns format.
import { addDays, differenceInCalendarDays, format, isValid, parseISO, startOfWeek } from 'date-fns';
import type { Day } from 'date-fns';

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day 0; any fixed day works, this one only anchors the numbering. */
const EPOCH = '1970-01-01';

export function assertWeekStartsOn(value: number): Day {
  if (!Number.isInteger(value) || value < 0 || value > 6) {
    throw new RangeError(`weekStartsOn must be a whole number from 0 (Sunday) to 6 (Saturday), not ${value}.`);
  }
  return value as Day;
}

/**
 * Converts between date strings and day numbers and finds week starts. Results are memoised
 * because a long log repeats the same few thousand dates many times.
 */
export class Calendar {
  readonly weekStartsOn: Day;
  private readonly epoch: Date;
  private readonly dayCache = new Map<string, number>();
  private readonly dateCache = new Map<number, string>();
  private readonly weekCache = new Map<string, number>();

  constructor(weekStartsOn: number) {
    this.weekStartsOn = assertWeekStartsOn(weekStartsOn);
    this.epoch = parseISO(EPOCH);
  }

  private parse(date: string): Date {
    const parsed = parseISO(date);
    if (!isValid(parsed)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
    return parsed;
  }

  /**
   * The day number of a date: calendar days since 1970-01-01. This runs for every entry, and
   * date-fns parseISO + differenceInCalendarDays cost about 5 µs a date (a third of the time
   * budget for 20 years of data), so the count comes from the calendar fields directly. The
   * UTC clock has no DST, so the result is exactly the local calendar-day difference; a test
   * checks it against date-fns in several time zones.
   */
  day(date: string): number {
    let n = this.dayCache.get(date);
    if (n === undefined) {
      n = calendarDayNumber(date);
      this.dayCache.set(date, n);
    }
    return n;
  }

  /** The date string of a day number. */
  date(day: number): string {
    let s = this.dateCache.get(day);
    if (s === undefined) {
      s = format(addDays(this.epoch, day), 'yyyy-MM-dd');
      this.dateCache.set(day, s);
      this.dayCache.set(s, day);
    }
    return s;
  }

  /** The day number of the first day of the week holding `date`. */
  weekStartDay(date: string): number {
    let n = this.weekCache.get(date);
    if (n === undefined) {
      const start = startOfWeek(this.parse(date), { weekStartsOn: this.weekStartsOn });
      n = differenceInCalendarDays(start, this.epoch);
      this.weekCache.set(date, n);
    }
    return n;
  }
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string; throws for anything that is not a real date. */
export function calendarDayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  const t = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  t.setUTCFullYear(y, mo - 1, d);
  if (!m || t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return Math.round(t.getTime() / MS_PER_DAY);
}
