// The report's numbers for one range, taken from the insights (the same weeks, flags and
// headline as `insights --json`) plus what only the report lists: longest runs, the exercises
// done and the runner's own notes. Pure: no I/O, no clock (madeAt and today come in).
import { findExercise } from '../exercises';
import { calendarDayNumber, dateOfDayNumber } from '../insights/dates';
import type { InsightsCharts, PainCell } from '../insights/charts';
import type { Flag, InsightsReport } from '../insights/types';
import { KIND_LABELS, LOCATION_LABELS } from '../labels';
import {
  byDateThenId,
  PAIN_KINDS,
  PAIN_LOCATIONS,
  type CustomExercise,
  type Run,
  type StrengthSession,
} from '../model';
import type { DistanceUnit } from '../units';
import type { ReportRange } from './range';

/** The headline result as `insights --json` gives it (issue 12), when it does. */
export interface ReportHeadline {
  claim: 'association' | 'no_clear_association' | 'not_enough_data';
  /** Pain points per extra core session (negative = less pain). */
  estimate: number | null;
  ci95: [number, number] | null;
  pValue: number | null;
  n: number;
  method: string;
  sentence?: string;
}

/** An experiment whose periods overlap the range, with its result in words and numbers. */
export interface ReportExperiment {
  name: string;
  startDate: string;
  endDate: string;
  status: string;
  sentence: string;
  estimate: number | null;
  ci95: [number, number] | null;
  pRandomization: number | null;
  usable: number;
}

export interface ReportInput {
  /** The whole log's insights: the same object `insights --json` prints. */
  insights: InsightsReport & { headline?: ReportHeadline | null };
  charts: InsightsCharts;
  runs: readonly Run[];
  strength: readonly StrengthSession[];
  customExercises: readonly CustomExercise[];
  range: ReportRange;
  today: string;
  /** When the report was made, as the reader should see it (e.g. "2026-12-01 09:30"). */
  madeAt: string;
  unit: DistanceUnit;
  name?: string | undefined;
  questions?: string | undefined;
  /** Warning signs the runner ticked (texts of WARNING_SIGNS). */
  warningSigns?: readonly string[] | undefined;
  experiment?: ReportExperiment | null | undefined;
}

/** The numbers of one week's row, and of the totals row. */
export interface ReportTotals {
  runs: number;
  runKm: number;
  longestRunKm: number | null;
  coreSessions: number;
  /** A week's mean back pain; for the totals, the mean of the weekly means (weeks with a rating). */
  meanBackPain: number | null;
  maxBackPain: number | null;
  painDays: number;
  plankS: number | null;
  sidePlankS: number | null;
}

export interface ReportWeek extends ReportTotals {
  weekStart: string;
  /** This week, not over yet. */
  partial: boolean;
}

export interface PainMapRow {
  group: 'location' | 'kind';
  label: string;
  /** Days with pain in each week of the range (same order as weeks). */
  painDays: number[];
  /** Whether each week has any rating for this row (0 pain days with ratings is not "unknown"). */
  rated: boolean[];
  /** Mean score over every rating in the range; null without ratings. */
  meanScore: number | null;
}

export interface ExerciseDone {
  name: string;
  /** Sessions in the range that included it. */
  sessions: number;
  /** The dose the last time, e.g. "2 × 30 s". */
  lastDose: string;
  /** Longest single hold in the range, seconds (hold exercises only). */
  longestHoldS: number | null;
}

export interface ReportData {
  name: string | null;
  range: ReportRange;
  /** The last day with data: the range's end, or today when this week is in it. */
  through: string;
  madeAt: string;
  unit: DistanceUnit;
  weeks: ReportWeek[];
  totals: ReportTotals;
  /** Weeks of the range before the first entry of the log (no rows for them). */
  weeksBeforeLog: number;
  painMap: PainMapRow[];
  headline: ReportHeadline | null;
  experiment: ReportExperiment | null;
  flags: Flag[];
  warningSigns: string[];
  core: {
    sessions: number;
    perWeek: number | null;
    exercises: ExerciseDone[];
  };
  questions: string;
}

function maxOrNull(values: ReadonlyArray<number | null>): number | null {
  let best: number | null = null;
  for (const v of values) if (v !== null && (best === null || v > best)) best = v;
  return best;
}

const inRange = (date: string, range: ReportRange): boolean => date >= range.from && date <= range.to;

function dose(item: StrengthSession['items'][number]): string {
  const sets = item.sets && item.sets > 1 ? `${item.sets} × ` : '';
  if (item.reps !== undefined) return `${sets}${item.reps} reps${item.holdS ? ` (${item.holdS} s hold)` : ''}`;
  if (item.holdS !== undefined) return `${sets}${item.holdS} s`;
  if (item.minutes !== undefined) return `${item.minutes} min`;
  return item.sets ? `${item.sets} sets` : '–';
}

function exercisesDone(
  sessions: readonly StrengthSession[],
  custom: readonly CustomExercise[],
  range: ReportRange,
): ExerciseDone[] {
  const byName = new Map<string, ExerciseDone & { lastDate: string }>();
  // Oldest first, so the last dose seen is the latest.
  const ordered = sessions.filter((s) => inRange(s.date, range)).sort(byDateThenId);
  for (const session of ordered) {
    const seen = new Set<string>();
    for (const item of session.items) {
      const name = findExercise(item.exercise, custom)?.name ?? item.exercise;
      let row = byName.get(name);
      if (!row) {
        row = { name, sessions: 0, lastDose: '', longestHoldS: null, lastDate: session.date };
        byName.set(name, row);
      }
      if (!seen.has(name)) row.sessions += 1;
      seen.add(name);
      row.lastDose = dose(item);
      row.lastDate = session.date;
      if (item.holdS !== undefined && item.reps === undefined)
        row.longestHoldS = Math.max(row.longestHoldS ?? 0, item.holdS);
    }
  }
  return [...byName.values()]
    .sort((a, b) => b.sessions - a.sessions || a.name.localeCompare(b.name))
    .map(({ lastDate: _lastDate, ...row }) => row);
}

function painMapRows(charts: InsightsCharts, range: ReportRange): PainMapRow[] {
  const weeks = charts.painMap.filter((w) => inRange(w.weekStart, range));
  const row = (group: PainMapRow['group'], label: string, cells: PainCell[]): PainMapRow => {
    const ratings = cells.reduce((n, c) => n + c.ratings, 0);
    const sum = cells.reduce((s, c) => s + (c.meanScore ?? 0) * c.ratings, 0);
    return {
      group,
      label,
      painDays: cells.map((c) => c.painDays),
      rated: cells.map((c) => c.ratings > 0),
      meanScore: ratings > 0 ? sum / ratings : null,
    };
  };
  return [
    ...PAIN_LOCATIONS.map((l) =>
      row(
        'location',
        LOCATION_LABELS[l],
        weeks.map((w) => w.byLocation[l]),
      ),
    ),
    ...PAIN_KINDS.map((k) =>
      row(
        'kind',
        KIND_LABELS[k],
        weeks.map((w) => w.byKind[k]),
      ),
    ),
  ];
}

/** Every number the printed report shows, for one range. */
export function buildReportData(input: ReportInput): ReportData {
  const { range } = input;
  const weeks = input.insights.weeks.filter((w) => inRange(w.weekStart, range));
  const endurance = new Map(input.charts.endurance.map((e) => [e.weekStart, e]));
  const longest = new Map<string, number>();
  const weekStarts = weeks.map((w) => w.weekStart);
  for (const run of input.runs) {
    if (!inRange(run.date, range)) continue;
    // The week a run belongs to: the last week start on or before its date.
    let week: string | undefined;
    for (const start of weekStarts) if (start <= run.date) week = start;
    if (week !== undefined) longest.set(week, Math.max(longest.get(week) ?? 0, run.distanceKm));
  }
  const rows: ReportWeek[] = weeks.map((w) => ({
    weekStart: w.weekStart,
    partial: w.weekStart <= input.today && input.today < nextWeek(w.weekStart),
    runs: w.runs,
    runKm: w.runKm,
    longestRunKm: longest.get(w.weekStart) ?? null,
    coreSessions: w.coreSessions,
    meanBackPain: w.meanBackPain,
    maxBackPain: w.maxBackPain,
    painDays: w.painDays,
    plankS: endurance.get(w.weekStart)?.plankS ?? null,
    sidePlankS: endurance.get(w.weekStart)?.sidePlankS ?? null,
  }));
  const rated = rows.filter((w) => w.meanBackPain !== null);
  const totals: ReportTotals = {
    runs: rows.reduce((n, w) => n + w.runs, 0),
    runKm: Math.round(rows.reduce((n, w) => n + w.runKm, 0) * 1000) / 1000,
    longestRunKm: maxOrNull(rows.map((w) => w.longestRunKm)),
    coreSessions: rows.reduce((n, w) => n + w.coreSessions, 0),
    meanBackPain: rated.length > 0 ? rated.reduce((s, w) => s + (w.meanBackPain ?? 0), 0) / rated.length : null,
    maxBackPain: maxOrNull(rows.map((w) => w.maxBackPain)),
    painDays: rows.reduce((n, w) => n + w.painDays, 0),
    plankS: maxOrNull(rows.map((w) => w.plankS)),
    sidePlankS: maxOrNull(rows.map((w) => w.sidePlankS)),
  };
  const through = input.today < range.to ? input.today : range.to;
  return {
    name: input.name?.trim() ? input.name.trim() : null,
    range,
    through,
    madeAt: input.madeAt,
    unit: input.unit,
    weeks: rows,
    totals,
    weeksBeforeLog: range.weeks - rows.length,
    painMap: painMapRows(input.charts, range),
    headline: input.insights.headline ?? null,
    experiment: input.experiment ?? null,
    flags: input.insights.flags.filter((f) => inRange(f.date, range)).sort((a, b) => (a.date < b.date ? -1 : 1)),
    warningSigns: [...(input.warningSigns ?? [])],
    core: {
      sessions: totals.coreSessions,
      perWeek: rows.length > 0 ? totals.coreSessions / rows.length : null,
      exercises: exercisesDone(input.strength, input.customExercises, range),
    },
    questions: input.questions?.trim() ?? '',
  };
}

function nextWeek(weekStart: string): string {
  return dateOfDayNumber(calendarDayNumber(weekStart) + 7);
}
