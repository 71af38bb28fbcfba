// Number and date wording for the Insights screen: two decimals for correlations (the same
// as the CLI), a readable p-value, and week labels from 'YYYY-MM-DD' dates.
import { formatCorrelation } from '../../../../shared/insights/sentence';
import { formatIsoDate } from '../../../../shared/textFormat';

export { formatCorrelation };

export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function formatInterval(ci: readonly [number, number]): string {
  return `${formatCorrelation(ci[0])} to ${formatCorrelation(ci[1])}`;
}

/** One decimal, or a dash for "not known". */
export function formatOne(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

const shortFormatter = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const shortYearFormatter = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: '2-digit',
  timeZone: 'UTC',
});

/** An axis label for a week: "3 Mar", with the year when the chart spans more than one. */
export function formatWeekTick(date: string, withYear: boolean): string {
  return (withYear ? shortYearFormatter : shortFormatter).format(utcDate(date));
}

/** A date in tooltips, tables and lists: "3 Mar 2026" (as the flags' texts write it too). */
export function formatDate(date: string): string {
  return formatIsoDate(date);
}

/** The locale this screen writes dates in, for texts the service writes (the flags' details). */
export const SCREEN_LOCALE = new Intl.DateTimeFormat().resolvedOptions().locale;

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
