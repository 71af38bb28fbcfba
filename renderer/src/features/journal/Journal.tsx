// The journal: runs, pain ratings and sessions together, one line each, grouped by week (with
// the week's totals) and day, newest first; filter by type, notes, dates, pain kind and place;
// edit or delete any entry. Pages of 200 keep the list quick at twenty years of data.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JournalPage } from '../../../../shared/api';
import { Calendar } from '../../../../shared/insights/dates';
import type { WeekSummary } from '../../../../shared/insights/types';
import { isFiltering, type JournalFilter } from '../../../../shared/journal';
import type { CustomExercise, Entry, EntryType } from '../../../../shared/model';
import { formatDistance, formatDuration, type DistanceUnit } from '../../../../shared/units';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { useScrollingFlag } from '../../hooks/useScrollingFlag';
import { useStableCallback } from '../../hooks/useStableCallback';
import { FlagBadges } from '../insights/FlagBadges';
import { useFlagsByDay } from '../insights/useFlagsByDay';
import { TIMING_LABELS } from '../labels';
import {
  entryLabel,
  entryTitle,
  formatDay,
  formatShortDay,
  formatWeekdayDay,
  painSummary,
  runSummary,
  sessionSummary,
} from './entrySummary';
import { JournalFilters } from './JournalFilters';
import { MonthCalendar } from './MonthCalendar';

const PAGE_SIZE = 200;

interface JournalProps {
  onEdit(entry: Entry): void;
  /** `next` is the entry focus should move to once this one is gone. */
  onDelete(entry: Entry, next: Entry | undefined): void;
  onAdd(type: EntryType): void;
  onTransfer(kind: 'import' | 'export'): void;
  /** An entry to move focus to once it is on screen (after a save or a delete). */
  focusId?: string | undefined;
  onFocused?(): void;
}

interface DayGroup {
  date: string;
  entries: Entry[];
}
interface WeekGroup {
  start: string;
  days: DayGroup[];
}

function groupByWeekAndDay(entries: Entry[], weekStartOf: (date: string) => string): WeekGroup[] {
  const weeks: WeekGroup[] = [];
  for (const entry of entries) {
    const { date } = entry.record;
    const start = weekStartOf(date);
    let week = weeks[weeks.length - 1];
    if (week?.start !== start) {
      week = { start, days: [] };
      weeks.push(week);
    }
    const day = week.days[week.days.length - 1];
    if (day?.date === date) day.entries.push(entry);
    else week.days.push({ date, entries: [entry] });
  }
  return weeks;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function weekTotals(week: WeekSummary, unit: DistanceUnit): string {
  const parts = [
    plural(week.runs, 'run', 'runs'),
    formatDistance(week.runKm, unit, 1),
    plural(week.coreSessions, 'core session', 'core sessions'),
    week.meanBackPain === null ? 'no back-pain rating' : `back pain ${week.meanBackPain.toFixed(1)}/10 on average`,
  ];
  return parts.join(' · ');
}

interface EntryRowProps {
  entry: Entry;
  /** The entry focus moves to once this one is deleted. */
  next: Entry | undefined;
  /** The linked run or pain ratings in words, if any. */
  link: string | undefined;
  unit: DistanceUnit;
  custom: readonly CustomExercise[];
  onEdit(entry: Entry): void;
  onDelete(entry: Entry, next: Entry | undefined): void;
}

/**
 * One line of the journal. Memoised: showing the next page of 200 entries renders those 200,
 * not again every line already on screen.
 */
const EntryRow = memo(function EntryRow({ entry, next, link, unit, custom, onEdit, onDelete }: EntryRowProps) {
  const label = entryLabel(entry, unit, custom);
  const time = entry.type === 'run' ? entry.record.startTime : entry.record.time;
  return (
    <li className={`entry entry--${entry.type}`} data-entry-id={entry.record.id} tabIndex={-1}>
      <span className="entry__time">{time ?? ''}</span>
      <span className="entry__type">{entryTitle(entry, custom)}</span>
      <span className="entry__summary">
        {entry.type === 'run' && runSummary(entry.record, unit)}
        {entry.type === 'pain' && painSummary(entry.record)}
        {entry.type === 'strength' && sessionSummary(entry.record, custom)}
      </span>
      {link && <span className="entry__link">{link}</span>}
      {entry.record.notes && (
        <span className="entry__notes" title={entry.record.notes}>
          {entry.record.notes}
        </span>
      )}
      <span className="entry__actions">
        <button type="button" onClick={() => onEdit(entry)} aria-label={`Edit ${label}`}>
          Edit
        </button>
        <button type="button" onClick={() => onDelete(entry, next)} aria-label={`Delete ${label}`}>
          Delete
        </button>
      </span>
    </li>
  );
});

export function Journal({ onEdit, onDelete, onAdd, onTransfer, focusId, onFocused }: JournalProps) {
  const editEntry = useStableCallback(onEdit);
  const deleteEntry = useStableCallback(onDelete);
  useScrollingFlag();
  const { settings, revision } = useAppData();
  const [filter, setFilter] = useState<JournalFilter>({});
  const [pages, setPages] = useState<JournalPage[]>([]);
  const [error, setError] = useState<string>();
  // The query the shown pages answer; loading while it differs from the current one.
  const [loadedFor, setLoadedFor] = useState<unknown>();
  const listRef = useRef<HTMLDivElement>(null);
  const [showCalendar, setShowCalendar] = useState(false);
  // A day chosen in the calendar: the list starts there, and its heading takes focus once shown.
  const [jumpTo, setJumpTo] = useState<string>();

  const query = useCallback(
    (cursor?: string) => api.journal.list({ limit: PAGE_SIZE, ...filter, ...(cursor ? { cursor } : {}) }),
    [filter],
  );

  useEffect(() => {
    let cancelled = false;
    const key = { query, revision };
    query()
      .then((page) => {
        if (cancelled) return;
        setPages([page]);
        setError(undefined);
      })
      .catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => !cancelled && setLoadedFor(key));
    return () => {
      cancelled = true;
    };
  }, [query, revision]);
  // After the page query above, so the journal's entries are asked for first: the flags need
  // the whole insights report, which at twenty years takes the service longer to compute.
  const flagsByDay = useFlagsByDay();

  const loading = loadedFor === undefined;
  const entries = useMemo(() => pages.flatMap((p) => p.entries), [pages]);
  const last = pages[pages.length - 1];
  const counts = last?.counts;
  const total = counts ? counts.run + counts.pain + counts.strength : 0;
  const weeks = useMemo(() => new Map(pages.flatMap((p) => p.weeks).map((w) => [w.weekStart, w])), [pages]);
  const linkedPain = useMemo(
    () => Object.assign({}, ...pages.map((p) => p.linkedPain)) as JournalPage['linkedPain'],
    [pages],
  );
  const linkedRun = useMemo(
    () => Object.assign({}, ...pages.map((p) => p.linkedRun)) as JournalPage['linkedRun'],
    [pages],
  );

  // Focus the entry asked for (a new or edited one, or the one after a deleted one) once it shows.
  useEffect(() => {
    if (!focusId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(focusId)}"]`);
    if (row) {
      row.focus();
      onFocused?.();
    }
  }, [focusId, entries, onFocused]);

  useEffect(() => {
    if (!jumpTo || loadedFor === undefined) return;
    const days = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-date]') ?? [])];
    // The chosen day, or the nearest earlier day with entries.
    const day = days.find((section) => (section.dataset.date ?? '') <= jumpTo);
    const heading = day?.querySelector<HTMLElement>('h3');
    if (heading) {
      heading.focus();
      setJumpTo(undefined);
    }
  }, [jumpTo, entries, loadedFor]);

  async function loadMore() {
    if (!last?.nextCursor) return;
    const page = await query(last.nextCursor);
    setPages((current) => [...current, page]);
  }

  const unit = settings.distanceUnit;
  const custom = settings.customExercises;
  const calendar = useMemo(() => new Calendar(settings.weekStartsOn), [settings.weekStartsOn]);
  const weekStartOf = useCallback((date: string) => calendar.date(calendar.weekStartDay(date)), [calendar]);
  const filtering = isFiltering(filter);
  const groups = useMemo(() => groupByWeekAndDay(entries, weekStartOf), [entries, weekStartOf]);
  // Each entry's place in the list, for the entry after (or before) it: once per page, not per line.
  const positions = useMemo(() => new Map(entries.map((entry, index) => [entry, index])), [entries]);

  function linkText(entry: Entry): string | undefined {
    if (entry.type === 'run') {
      const pain = linkedPain[entry.record.id];
      if (!pain?.length) return undefined;
      return `Pain ${pain.map((p) => `${p.score}/10 ${TIMING_LABELS[p.timing].toLowerCase()}`).join(', ')}`;
    }
    if (entry.type === 'pain') {
      const run = linkedRun[entry.record.id];
      if (!run) return undefined;
      const at = run.startTime ? `${run.startTime} ` : '';
      return `Linked to the ${at}run, ${formatDistance(run.distanceKm, unit)} in ${formatDuration(run.durationS)}`;
    }
    return undefined;
  }

  return (
    <section aria-labelledby="journal-title" className="journal">
      <div className="section-header">
        <h1 id="journal-title">Journal</h1>
        <div className="transfer-actions">
          <button type="button" aria-expanded={showCalendar} onClick={() => setShowCalendar((s) => !s)}>
            Calendar
          </button>
          <button type="button" onClick={() => onTransfer('import')}>
            Import…
          </button>
          <button type="button" onClick={() => onTransfer('export')} disabled={total === 0}>
            Export…
          </button>
        </div>
      </div>
      {showCalendar && (
        <MonthCalendar
          onJump={(date) => {
            setFilter((current) => {
              const next = { ...current, to: date };
              if (next.from && next.from > date) delete next.from;
              return next;
            });
            setJumpTo(date);
          }}
        />
      )}
      {(total > 0 || filtering) && <JournalFilters filter={filter} counts={counts} onChange={setFilter} />}
      {error && (
        <p role="alert" className="form-error">
          Could not load the journal: {error}
        </p>
      )}
      {!loading && !error && total === 0 && (
        <div className="empty-state">
          <h2>Nothing logged yet</h2>
          <p>Three things make the picture: your runs, how your back feels, and your core work.</p>
          <div className="empty-state__actions">
            <button type="button" className="primary" onClick={() => onAdd('run')}>
              Log a run
            </button>
            <button type="button" onClick={() => onAdd('pain')}>
              Rate your pain
            </button>
            <button type="button" onClick={() => onAdd('strength')}>
              Log a core session
            </button>
          </div>
        </div>
      )}
      {!loading && total > 0 && (
        <p className="muted journal__count" aria-live="polite">
          {filtering
            ? last?.matching === 0
              ? 'No entries match these filters.'
              : `${plural(last?.matching ?? 0, 'entry matches', 'entries match')}.`
            : ''}
        </p>
      )}
      <div ref={listRef}>
        {groups.map((week) => {
          const totals = weeks.get(week.start);
          const headingId = `week-${week.start}`;
          return (
            <section key={week.start} className="week" aria-labelledby={headingId}>
              <h2 id={headingId} className="week__heading">
                Week of {formatShortDay(week.start)}
                {totals && <span className="week__totals">{weekTotals(totals, unit)}</span>}
              </h2>
              {week.days.map((day) => (
                <section key={day.date} className="day" aria-label={formatDay(day.date)} data-date={day.date}>
                  <h3 className="day__heading" tabIndex={-1}>
                    <span aria-hidden="true">{formatWeekdayDay(day.date)}</span>
                    <span className="visually-hidden">{formatDay(day.date)}</span>
                    <FlagBadges flags={flagsByDay.get(day.date)} />
                  </h3>
                  <ul className="day__entries">
                    {day.entries.map((entry) => {
                      const index = positions.get(entry) ?? 0;
                      return (
                        <EntryRow
                          key={entry.record.id}
                          entry={entry}
                          next={entries[index + 1] ?? entries[index - 1]}
                          link={linkText(entry)}
                          unit={unit}
                          custom={custom}
                          onEdit={editEntry}
                          onDelete={deleteEntry}
                        />
                      );
                    })}
                  </ul>
                </section>
              ))}
            </section>
          );
        })}
      </div>
      {last?.nextCursor && (
        <button type="button" className="load-more" onClick={() => void loadMore()}>
          Show older entries
        </button>
      )}
    </section>
  );
}
