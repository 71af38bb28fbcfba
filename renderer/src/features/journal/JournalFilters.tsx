// The journal's filter bar: type, words in the notes, a date range, and pain kind and location.
import type { JournalFilter } from '../../../../shared/journal';
import {
  PAIN_KINDS,
  PAIN_LOCATIONS,
  localToday,
  type EntryType,
  type PainKind,
  type PainLocation,
} from '../../../../shared/model';
import { KIND_LABELS, LOCATION_LABELS } from '../labels';

const TYPES: Array<{ value: EntryType | undefined; label: string }> = [
  { value: undefined, label: 'All' },
  { value: 'run', label: 'Runs' },
  { value: 'pain', label: 'Pain' },
  { value: 'strength', label: 'Sessions' },
];

interface JournalFiltersProps {
  filter: JournalFilter;
  counts: Record<EntryType, number> | undefined;
  onChange(next: JournalFilter): void;
}

/** Drops a key instead of keeping it as undefined (exactOptionalPropertyTypes, and a clean query). */
function withValue<K extends keyof JournalFilter>(
  filter: JournalFilter,
  key: K,
  value: JournalFilter[K] | '',
): JournalFilter {
  const next = { ...filter };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

export function JournalFilters({ filter, counts, onChange }: JournalFiltersProps) {
  const set = <K extends keyof JournalFilter>(key: K, value: JournalFilter[K] | '') =>
    onChange(withValue(filter, key, value));
  const narrowed = Object.keys(filter).length > 0;
  return (
    <div className="journal-filters">
      <div className="filter" role="group" aria-label="Show">
        {TYPES.map((t) => (
          <button
            key={t.label}
            type="button"
            aria-pressed={filter.type === t.value}
            onClick={() => set('type', t.value ?? '')}
          >
            {t.label}
            {counts && t.value ? ` (${counts[t.value]})` : ''}
          </button>
        ))}
      </div>
      <label className="journal-filters__field journal-filters__search">
        <span>Search notes</span>
        <input
          type="search"
          value={filter.search ?? ''}
          maxLength={200}
          onChange={(e) => set('search', e.target.value)}
        />
      </label>
      <label className="journal-filters__field">
        <span>From</span>
        <input type="date" value={filter.from ?? ''} max={localToday()} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="journal-filters__field">
        <span>To</span>
        <input type="date" value={filter.to ?? ''} max={localToday()} onChange={(e) => set('to', e.target.value)} />
      </label>
      <label className="journal-filters__field">
        <span>Pain kind</span>
        <select value={filter.painKind ?? ''} onChange={(e) => set('painKind', e.target.value as PainKind | '')}>
          <option value="">Any</option>
          {PAIN_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="journal-filters__field">
        <span>Pain location</span>
        <select
          value={filter.painLocation ?? ''}
          onChange={(e) => set('painLocation', e.target.value as PainLocation | '')}
        >
          <option value="">Any</option>
          {PAIN_LOCATIONS.map((l) => (
            <option key={l} value={l}>
              {LOCATION_LABELS[l]}
            </option>
          ))}
        </select>
      </label>
      {narrowed && (
        <button type="button" className="journal-filters__clear" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </div>
  );
}
