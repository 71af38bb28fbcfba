// The journal: runs, pain ratings and sessions together, by day, newest first; filter by type;
// edit or delete any entry. Pages of 200 keep the list quick at twenty years of data.
import { useCallback, useEffect, useState } from 'react';
import type { JournalPage } from '../../../../shared/api';
import type { Entry, EntryType } from '../../../../shared/model';
import { api } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { FlagBadges } from '../insights/FlagBadges';
import { useFlagsByDay } from '../insights/useFlagsByDay';
import { entryLabel, entryTitle, formatDay, painSummary, runSummary, sessionSummary } from './entrySummary';

const PAGE_SIZE = 200;
const FILTERS: Array<{ value: EntryType | 'all'; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'run', label: 'Runs' },
  { value: 'pain', label: 'Pain' },
  { value: 'strength', label: 'Sessions' },
];

interface JournalProps {
  onEdit(entry: Entry): void;
  onDelete(entry: Entry): void;
  onAdd(type: EntryType): void;
  onTransfer(kind: 'import' | 'export'): void;
}

function groupByDay(entries: Entry[]): Array<[string, Entry[]]> {
  const groups: Array<[string, Entry[]]> = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last[0] === entry.record.date) last[1].push(entry);
    else groups.push([entry.record.date, [entry]]);
  }
  return groups;
}

export function Journal({ onEdit, onDelete, onAdd, onTransfer }: JournalProps) {
  const { settings, revision } = useAppData();
  const [filter, setFilter] = useState<EntryType | 'all'>('all');
  const [pages, setPages] = useState<JournalPage[]>([]);
  const [error, setError] = useState<string>();
  // The query the shown pages answer; loading while it differs from the current one.
  const [loadedFor, setLoadedFor] = useState<unknown>();

  const query = useCallback(
    (cursor?: string) =>
      api.journal.list({
        limit: PAGE_SIZE,
        ...(filter === 'all' ? {} : { type: filter }),
        ...(cursor ? { cursor } : {}),
      }),
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
  const entries = pages.flatMap((p) => p.entries);
  const last = pages[pages.length - 1];
  const counts = last?.counts;
  const total = counts ? counts.run + counts.pain + counts.strength : 0;

  async function loadMore() {
    if (!last?.nextCursor) return;
    const page = await query(last.nextCursor);
    setPages((current) => [...current, page]);
  }

  const unit = settings.distanceUnit;
  const custom = settings.customExercises;

  return (
    <section aria-labelledby="journal-title" className="journal">
      <div className="section-header">
        <h1 id="journal-title">Journal</h1>
        <div className="transfer-actions">
          <button type="button" onClick={() => onTransfer('import')}>
            Import…
          </button>
          <button type="button" onClick={() => onTransfer('export')} disabled={total === 0}>
            Export…
          </button>
        </div>
        <div className="filter" role="group" aria-label="Show">
          {FILTERS.map((f) => (
            <button key={f.value} type="button" aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
              {f.label}
              {counts && f.value !== 'all' ? ` (${counts[f.value]})` : ''}
            </button>
          ))}
        </div>
      </div>
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
      {!loading && total > 0 && entries.length === 0 && <p className="muted">No entries of this type yet.</p>}
      {groupByDay(entries).map(([date, dayEntries]) => (
        <section key={date} className="day" aria-label={formatDay(date)}>
          <h2 className="day__heading">
            {formatDay(date)}
            <FlagBadges flags={flagsByDay.get(date)} />
          </h2>
          <ul className="day__entries">
            {dayEntries.map((entry) => {
              const label = entryLabel(entry, unit, custom);
              return (
                <li key={entry.record.id} className={`entry entry--${entry.type}`}>
                  <div className="entry__body">
                    <span className="entry__type">{entryTitle(entry, custom)}</span>
                    <span className="entry__summary">
                      {entry.type === 'run' && runSummary(entry.record, unit)}
                      {entry.type === 'pain' && painSummary(entry.record)}
                      {entry.type === 'strength' && sessionSummary(entry.record, custom)}
                    </span>
                    {entry.record.notes && <span className="entry__notes">{entry.record.notes}</span>}
                  </div>
                  <div className="entry__actions">
                    <button type="button" onClick={() => onEdit(entry)} aria-label={`Edit ${label}`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => onDelete(entry)} aria-label={`Delete ${label}`}>
                      Delete
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {last?.nextCursor && (
        <button type="button" className="load-more" onClick={() => void loadMore()}>
          Show older entries
        </button>
      )}
    </section>
  );
}
