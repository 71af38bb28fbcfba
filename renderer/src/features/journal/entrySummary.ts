// One-line descriptions of entries for the journal (and for undo messages).
import { exerciseName, isCoreSession } from '../../../../shared/exercises';
import type { CustomExercise, Entry, PainRating, Run, StrengthItem, StrengthSession } from '../../../../shared/model';
import { formatIsoDate } from '../../../../shared/textFormat';
import { formatDistance, formatDuration, formatPace, type DistanceUnit } from '../../../../shared/units';
import { KIND_LABELS, LOCATION_LABELS, SIDE_LABELS, SURFACE_LABELS, TIMING_LABELS } from '../labels';

export function runSummary(run: Run, unit: DistanceUnit): string {
  const parts = [
    formatDistance(run.distanceKm, unit),
    formatDuration(run.durationS),
    formatPace(run.distanceKm, run.durationS, unit),
  ];
  if (run.effort) parts.push(`effort ${run.effort}/10`);
  if (run.surface) parts.push(SURFACE_LABELS[run.surface]);
  if (run.avgHr) parts.push(`${run.avgHr} bpm`);
  if (run.shoe) parts.push(run.shoe);
  return parts.join(' · ');
}

export function painSummary(pain: PainRating): string {
  return [
    `${pain.score}/10`,
    LOCATION_LABELS[pain.location],
    SIDE_LABELS[pain.side],
    KIND_LABELS[pain.kind],
    TIMING_LABELS[pain.timing],
  ].join(' · ');
}

function itemSummary(item: StrengthItem, custom: readonly CustomExercise[]): string {
  const name = exerciseName(item.exercise, custom);
  if (item.minutes) return `${name} ${item.minutes} min`;
  const sets = item.sets && item.sets > 1 ? `${item.sets}×` : '';
  if (item.reps) return `${name} ${sets}${item.reps}${item.holdS ? ` (${item.holdS} s holds)` : ''}`;
  if (item.holdS) return `${name} ${sets}${item.holdS} s`;
  return name;
}

export function sessionSummary(session: StrengthSession, custom: readonly CustomExercise[]): string {
  const items = session.items.map((item) => itemSummary(item, custom)).join(', ');
  return session.durationMin ? `${items} · ${session.durationMin} min` : items;
}

export function entryTitle(entry: Entry, custom: readonly CustomExercise[]): string {
  switch (entry.type) {
    case 'run':
      return 'Run';
    case 'pain':
      return 'Pain';
    case 'strength':
      return isCoreSession(entry.record, custom) ? 'Core session' : 'Session';
  }
}

export function entryLabel(entry: Entry, unit: DistanceUnit, custom: readonly CustomExercise[]): string {
  switch (entry.type) {
    case 'run':
      return `run on ${formatShortDay(entry.record.date)}, ${formatDistance(entry.record.distanceKm, unit)}`;
    case 'pain':
      return `pain rating on ${formatShortDay(entry.record.date)}, ${entry.record.score}/10`;
    case 'strength':
      return `${entryTitle(entry, custom).toLowerCase()} on ${formatShortDay(entry.record.date)}`;
  }
}

const dayFormatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeZone: 'UTC' });
export function formatDay(date: string): string {
  return dayFormatter.format(new Date(`${date}T00:00:00Z`));
}

/** A date in the locale's medium style ("20 Nov 2026"), for labels and messages. */
export function formatShortDay(date: string): string {
  return formatIsoDate(date);
}
