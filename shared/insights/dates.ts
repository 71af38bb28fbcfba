// Calendar arithmetic for the insights. Every 'YYYY-MM-DD' date becomes a whole day number
// (calendar days since 1970-01-01), so the rest of the code does integer maths and never meets
// a DST gap or a 23/25-hour day. Conversions, week starts included, are pure arithmetic on the
// Gregorian calendar: no Date objects and no date-fns calls, which at twenty years of data
// cost more than all the insights' statistics together. A local calendar day is the same
// calendar day in every time zone, so the results equal date-fns on local dates; a test checks
// them against date-fns (startOfWeek, differenceInCalendarDays, format) in several time zones.
import type { Day } from 'date-fns';

/** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
const DAYS_BEFORE_EPOCH = 719_468;
/** Days in a 400-year Gregorian cycle. */
const DAYS_PER_ERA = 146_097;
/** 1970-01-01 (day 0) was a Thursday; weekdays count 0 = Sunday ... 6 = Saturday, as date-fns does. */
const EPOCH_WEEKDAY = 4;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function assertWeekStartsOn(value: number): Day {
  if (!Number.isInteger(value) || value < 0 || value > 6) {
    throw new RangeError(`weekStartsOn must be a whole number from 0 (Sunday) to 6 (Saturday), not ${value}.`);
  }
  return value as Day;
}

/** Converts between date strings and day numbers and finds week starts. */
export class Calendar {
  readonly weekStartsOn: Day;

  constructor(weekStartsOn: number) {
    this.weekStartsOn = assertWeekStartsOn(weekStartsOn);
  }

  /** The day number of a date: calendar days since 1970-01-01. Throws for anything but a real YYYY-MM-DD. */
  day(date: string): number {
    return calendarDayNumber(date);
  }

  /** The date string (YYYY-MM-DD) of a day number. */
  date(day: number): string {
    return dateOfDayNumber(day);
  }

  /** The day number of the first day of the week holding `date`. */
  weekStartDay(date: string): number {
    return this.weekStartOf(calendarDayNumber(date));
  }

  /** The day number of the first day of the week holding day number `day`. */
  weekStartOf(day: number): number {
    const weekday = modulo(day + EPOCH_WEEKDAY, 7);
    return day - modulo(weekday - this.weekStartsOn, 7);
  }
}

function modulo(a: number, n: number): number {
  return ((a % n) + n) % n;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The ASCII digit at `i` as a number, or NaN when there is none (which fails every range check below). */
function digitAt(text: string, i: number): number {
  const digit = text.charCodeAt(i) - 48;
  return digit >= 0 && digit <= 9 ? digit : NaN;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string; throws for anything that is not a real date. */
export function calendarDayNumber(date: string): number {
  // Runs for every entry of every insight, so the string is read digit by digit (45 is '-').
  const shaped = date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45;
  const year = shaped
    ? digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3)
    : NaN;
  const month = digitAt(date, 5) * 10 + digitAt(date, 6);
  const day = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (
    !(year >= 0) ||
    !(month >= 1 && month <= 12) ||
    !(day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number)))
  ) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  // Count from 0000-03-01, so the leap day is the last day of its counting year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - DAYS_BEFORE_EPOCH;
}

/** The 'YYYY-MM-DD' string of a day number (the inverse of calendarDayNumber). */
export function dateOfDayNumber(dayNumber: number): string {
  const z = dayNumber + DAYS_BEFORE_EPOCH;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
