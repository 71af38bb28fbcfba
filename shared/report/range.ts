// Which weeks a report covers. A report is always whole weeks (the user's week start), so its
// weekly table is exactly the matching rows of `insights --json`.
import { Calendar, calendarDayNumber } from '../insights/dates';

/** The choices the Report screen offers besides custom dates. */
export const REPORT_PRESET_WEEKS = [4, 8, 12] as const;
/** Longer than two years stops being a report a clinician reads in two minutes. */
export const REPORT_MAX_WEEKS = 104;

export type ReportRangeRequest = { weeks: number } | { from: string; to: string };

export interface ReportRange {
  /** First day of the first week. */
  from: string;
  /** Last day of the last week (may lie after today when the last week is this week). */
  to: string;
  weeks: number;
}

/** A range that cannot be made into a report, with the field it is about. */
export class ReportRangeError extends Error {
  readonly field: 'from' | 'to' | 'weeks';
  constructor(field: 'from' | 'to' | 'weeks', message: string) {
    super(message);
    this.name = 'ReportRangeError';
    this.field = field;
  }
}

function dayOf(date: string, field: 'from' | 'to'): number {
  try {
    return calendarDayNumber(date);
  } catch {
    throw new ReportRangeError(field, `"${date}" is not a date: use YYYY-MM-DD.`);
  }
}

/**
 * The whole weeks a report covers: the last `weeks` weeks ending with this week, or the weeks
 * holding `from` through `to`. Throws ReportRangeError for a start after the end, an end after
 * today, or more than REPORT_MAX_WEEKS weeks.
 */
export function resolveReportRange(request: ReportRangeRequest, today: string, weekStartsOn: number): ReportRange {
  const cal = new Calendar(weekStartsOn);
  const thisWeek = cal.weekStartDay(today);
  let first: number;
  let last: number;
  if ('weeks' in request) {
    if (!Number.isInteger(request.weeks) || request.weeks < 1 || request.weeks > REPORT_MAX_WEEKS)
      throw new ReportRangeError('weeks', `Choose from 1 to ${REPORT_MAX_WEEKS} weeks.`);
    last = thisWeek;
    first = last - 7 * (request.weeks - 1);
  } else {
    const from = dayOf(request.from, 'from');
    const to = dayOf(request.to, 'to');
    if (from > to) throw new ReportRangeError('from', `The start (${request.from}) is after the end (${request.to}).`);
    if (to > calendarDayNumber(today))
      throw new ReportRangeError('to', `The end (${request.to}) is after today (${today}).`);
    first = cal.weekStartOf(from);
    last = cal.weekStartOf(to);
  }
  const weeks = (last - first) / 7 + 1;
  if (weeks > REPORT_MAX_WEEKS)
    throw new ReportRangeError('from', `A report covers at most ${REPORT_MAX_WEEKS} weeks; this range has ${weeks}.`);
  return { from: cal.date(first), to: cal.date(last + 6), weeks };
}
