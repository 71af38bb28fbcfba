// The journal's filters and week headers, as pure functions the service applies to the log.
import type { WeekSummary } from './insights/types';
import type { Entry, EntryType, PainKind, PainLocation } from './model';

export interface JournalFilter {
  type?: EntryType | undefined;
  /** Words to find in the notes (case-insensitive, every word must appear). */
  search?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  painKind?: PainKind | undefined;
  painLocation?: PainLocation | undefined;
}

/** Whether a filter narrows the journal at all (the UI says "No entries match" rather than "Nothing logged"). */
export function isFiltering(filter: JournalFilter): boolean {
  return Boolean(
    filter.type || filter.search?.trim() || filter.from || filter.to || filter.painKind || filter.painLocation,
  );
}

/** A predicate for one filter. A pain kind or location keeps only pain ratings that match it. */
export function entryMatcher(filter: JournalFilter): (entry: Entry) => boolean {
  const words = (filter.search ?? '').toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const painOnly = filter.painKind !== undefined || filter.painLocation !== undefined;
  return (entry) => {
    if (filter.type && entry.type !== filter.type) return false;
    const { date } = entry.record;
    if (filter.from && date < filter.from) return false;
    if (filter.to && date > filter.to) return false;
    if (painOnly) {
      if (entry.type !== 'pain') return false;
      if (filter.painKind && entry.record.kind !== filter.painKind) return false;
      if (filter.painLocation && entry.record.location !== filter.painLocation) return false;
    }
    if (words.length > 0) {
      const notes = (entry.record.notes ?? '').toLocaleLowerCase();
      if (!words.every((word) => notes.includes(word))) return false;
    }
    return true;
  };
}

/** The week totals a journal page shows in its week headers: those of the weeks its entries fall in. */
export function weeksForEntries(
  entries: readonly Entry[],
  weeks: readonly WeekSummary[],
  weekStartOf: (date: string) => string,
): WeekSummary[] {
  const byStart = new Map(weeks.map((week) => [week.weekStart, week]));
  const out: WeekSummary[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const start = weekStartOf(entry.record.date);
    if (seen.has(start)) continue;
    seen.add(start);
    const week = byStart.get(start);
    if (week) out.push(week);
  }
  return out;
}
