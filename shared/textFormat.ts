// How user-facing distances and dates are written: in the user's unit and locale. The screens
// and the texts made in shared/ (the flags' details) use these same functions, so a flag never
// says "km" or "2026-11-07" where the rest of the app says "mi" or "7 Nov 2026".
import { formatDistance, type DistanceUnit } from './units';

export interface TextFormat {
  /** A distance given in km, in the user's unit with two decimals: "8.81 mi". */
  distance(km: number): string;
  /** A YYYY-MM-DD date in the locale's medium style: "7 Nov 2026". */
  date(isoDate: string): string;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A YYYY-MM-DD date in the locale's medium style; `locale` undefined is the system's own. */
export function formatIsoDate(isoDate: string, locale?: string): string {
  const key = locale ?? '';
  let formatter = dateFormatters.get(key);
  if (formatter === undefined) {
    // UTC on both sides, so the calendar day never shifts with the time zone.
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Whether `locale` is a BCP 47 tag Intl accepts (an unknown but well-formed tag falls back). */
export function isLocaleTag(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

export function textFormat(unit: DistanceUnit, locale?: string): TextFormat {
  return {
    distance: (km) => formatDistance(km, unit),
    date: (isoDate) => formatIsoDate(isoDate, locale),
  };
}
