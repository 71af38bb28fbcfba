// Import planning and committing, shared by the app (preview, then commit) and the CLI.
// Nothing is written until commit; entries already in the log (same id, same content, same
// activity: see planImport) are counted and skipped, so importing the same data twice adds nothing.
import type { DuplicateCounts, FilePreview, ImportSummary } from '../shared/api';
import type { ImportIssue, ParsedImport } from '../shared/csv/types';
import { type CustomExercise, type EntryType, type PainRating, type Run, type StrengthSession } from '../shared/model';
import { ServiceError } from './errors';
import type { LogRepository, RecordOf } from './store/repository';

/** How an entry of the import was found to be in the log already. */
export type DuplicateReason = keyof DuplicateCounts;

export interface ImportPlan {
  files: FilePreview[];
  records: { [T in EntryType]: RecordOf[T][] };
  /** The user's own exercises that strength files name and the log does not have yet. */
  exercises: CustomExercise[];
  duplicates: number;
  /** The duplicates by how they were matched: same id, same content, same activity. */
  duplicatesBy: DuplicateCounts;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  dateRange: { from: string; to: string } | null;
  /** What the plan was made from, and the log's revision then: a commit re-checks a stale plan. */
  parsed: readonly ParsedImport[];
  logVersion: number;
}

const runKey = (r: Run): string => `${r.date}|${r.startTime ?? ''}|${r.distanceKm.toFixed(3)}|${r.durationS}`;
const painKey = (p: PainRating): string =>
  `${p.date}|${p.time ?? ''}|${p.score}|${p.location}|${p.side}|${p.kind}|${p.timing}|${p.notes ?? ''}`;
const sessionKey = (s: StrengthSession): string =>
  `${s.date}|${s.time ?? ''}|${s.durationMin ?? ''}|${s.notes ?? ''}|${JSON.stringify(s.items)}`;
const sourceKey = (r: Run): string | undefined => (r.sourceId ? `${r.source}|${r.sourceId}` : undefined);

const CONTENT_KEYS: { [T in EntryType]: (record: RecordOf[T]) => string } = {
  run: runKey,
  pain: painKey,
  strength: sessionKey,
};

/** Files from a watch or Strava: an activity is known by its source id, or by start time and distance. */
const ACTIVITY_KINDS: ReadonlySet<ParsedImport['kind']> = new Set(['gpx', 'tcx', 'fit', 'strava']);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** A multiset of content keys: each log entry can stand for at most one row of an import. */
class CountedKeys {
  private readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  /** Uses up one entry with this key; false when there is none left. */
  take(key: string): boolean {
    const n = this.counts.get(key) ?? 0;
    if (n === 0) return false;
    if (n === 1) this.counts.delete(key);
    else this.counts.set(key, n - 1);
    return true;
  }
}

/**
 * Works out what an import would add, without writing anything. The matching rules:
 * - a row with its own id is matched by id only: a new id is a new entry, whatever its content;
 * - a row without an id is matched by content, counted: each entry of the log (or of an earlier
 *   file of this import) matches at most one such row, so two identical rows add two entries;
 * - a GPX, TCX, FIT or Strava activity is matched by its source id, or by date, start time,
 *   distance and duration.
 */
export function planImport(repo: LogRepository, parsed: readonly ParsedImport[]): ImportPlan {
  const ids = { run: new Set<string>(), pain: new Set<string>(), strength: new Set<string>() };
  const content = { run: new CountedKeys(), pain: new CountedKeys(), strength: new CountedKeys() };
  const activities = new Set<string>();
  const know = <T extends EntryType>(type: T, record: RecordOf[T]): void => {
    ids[type].add(record.id);
    content[type].add(CONTENT_KEYS[type](record));
    if (type === 'run') {
      const run = record as Run;
      activities.add(`run|${runKey(run)}`);
      const source = sourceKey(run);
      if (source) activities.add(source);
    }
  };
  for (const type of ['run', 'pain', 'strength'] as const) for (const record of repo.all(type)) know(type, record);

  const plan: ImportPlan = {
    files: [],
    records: { run: [], pain: [], strength: [] },
    exercises: [],
    duplicates: 0,
    duplicatesBy: { id: 0, content: 0, activity: 0 },
    errors: [],
    warnings: [],
    dateRange: null,
    parsed,
    logVersion: repo.version,
  };
  const note = (date: string) => {
    if (!plan.dateRange) plan.dateRange = { from: date, to: date };
    else if (date < plan.dateRange.from) plan.dateRange.from = date;
    else if (date > plan.dateRange.to) plan.dateRange.to = date;
  };

  for (const file of parsed) {
    const preview: FilePreview = {
      file: file.file,
      kind: file.kind,
      runs: 0,
      pain: 0,
      strength: 0,
      errors: 0,
      warnings: 0,
    };
    const isActivityFile = ACTIVITY_KINDS.has(file.kind);
    /** Why this record is already in the log, or undefined when it is new. */
    const matchOf = <T extends EntryType>(type: T, record: RecordOf[T]): DuplicateReason | undefined => {
      const run = type === 'run' ? (record as Run) : undefined;
      const source = run && sourceKey(run);
      if (isActivityFile && run)
        return (source && activities.has(source)) || activities.has(`run|${runKey(run)}`) ? 'activity' : undefined;
      if (!file.generatedIds.has(record.id)) return ids[type].has(record.id) ? 'id' : undefined;
      if (source && activities.has(source)) return 'activity';
      return content[type].take(CONTENT_KEYS[type](record)) ? 'content' : undefined;
    };
    // What this file adds becomes known only after the file, so identical rows within it stay distinct.
    const added: Array<() => void> = [];
    const take = <T extends EntryType>(type: T, record: RecordOf[T]): boolean => {
      const reason = matchOf(type, record);
      if (reason) {
        plan.duplicates++;
        plan.duplicatesBy[reason]++;
        return false;
      }
      // Ids are known at once: a later row or file with the same id is the same entry.
      ids[type].add(record.id);
      if (isActivityFile) know(type, record);
      else added.push(() => know(type, record));
      plan.records[type].push(record);
      note(record.date);
      return true;
    };
    // Every parser validates with the model's input schemas, so dates after today are already refused there.
    for (const run of file.runs) if (take('run', run)) preview.runs++;
    for (const session of file.strength) if (take('strength', session)) preview.strength++;
    for (const rating of file.pain) if (take('pain', rating)) preview.pain++;
    for (const learn of added) learn();
    preview.errors = file.errors.length;
    preview.warnings = file.warnings.length;
    plan.errors.push(...file.errors);
    plan.warnings.push(...file.warnings);
    plan.files.push(preview);
    for (const exercise of file.exercises) {
      const known = [...repo.settings.customExercises, ...plan.exercises];
      if (!known.some((e) => e.id === exercise.id)) plan.exercises.push(exercise);
    }
  }

  // A pain rating may name a run; keep the link only when that run exists after the import.
  const runIds = ids.run;
  plan.records.pain = plan.records.pain.map((rating) => {
    if (!rating.runId || runIds.has(rating.runId)) return rating;
    plan.warnings.push({
      file: 'import',
      message: `The pain rating of ${rating.date} names a run that is not in the log or the import; it was imported without the link.`,
    });
    const { runId: _dropped, ...rest } = rating;
    return rest;
  });
  return plan;
}

/** "3 entries already in your log (2 with the same id, 1 with the same content)"; `verb` goes before "already". */
function describeDuplicates(plan: ImportPlan, verb = ''): string {
  const how = [
    plan.duplicatesBy.id ? `${plan.duplicatesBy.id.toLocaleString('en')} with the same id` : '',
    plan.duplicatesBy.content ? `${plan.duplicatesBy.content.toLocaleString('en')} with the same content` : '',
    plan.duplicatesBy.activity ? `${plan.duplicatesBy.activity.toLocaleString('en')} the same activity` : '',
  ].filter(Boolean);
  return `${plural(plan.duplicates, 'entry', 'entries')}${verb ? ` ${verb}` : ''} already in your log (${how.join(', ')})`;
}

export function describePlan(plan: ImportPlan): string {
  const adds = [
    plural(plan.records.run.length, 'run'),
    plural(plan.records.pain.length, 'pain rating'),
    plural(plan.records.strength.length, 'session'),
  ].join(', ');
  const range = plan.dateRange ? ` from ${plan.dateRange.from} to ${plan.dateRange.to}` : '';
  const dupes = plan.duplicates ? `; ${describeDuplicates(plan)}` : '';
  const errors = plan.errors.length ? `; ${plural(plan.errors.length, 'problem')}` : '';
  return `New: ${adds}${range}${dupes}${errors}.`;
}

/**
 * Writes a plan. With errors, nothing is written unless the user chose to import only the valid
 * rows. When the log changed after the preview (an entry saved meanwhile, another import), the
 * plan is made again first, so nothing the log now holds is added twice.
 */
export async function commitImport(
  repo: LogRepository,
  previewed: ImportPlan,
  options: { onlyValid: boolean },
): Promise<ImportSummary> {
  const stale = repo.version !== previewed.logVersion;
  const plan = stale ? planImport(repo, previewed.parsed) : previewed;
  if (plan.errors.length > 0 && !options.onlyValid) {
    throw new ServiceError(
      'invalid_input',
      `The import has ${plural(plan.errors.length, 'problem')}, so nothing was imported. Fix the files, or choose to import only the valid rows.`,
    );
  }
  if (plan.exercises.length > 0) {
    await repo.updateSettings({
      ...repo.settings,
      customExercises: [...repo.settings.customExercises, ...plan.exercises],
    });
  }
  // Runs first, so pain ratings linked to imported runs find them.
  await repo.saveMany('run', plan.records.run);
  await repo.saveMany('strength', plan.records.strength);
  await repo.saveMany('pain', plan.records.pain);
  const added = {
    run: plan.records.run.length,
    pain: plan.records.pain.length,
    strength: plan.records.strength.length,
  };
  const total = added.run + added.pain + added.strength;
  const parts = [
    total === 0
      ? 'Nothing new to import'
      : `Imported ${plural(added.run, 'run')}, ${plural(added.pain, 'pain rating')} and ${plural(added.strength, 'session')}`,
    plan.duplicates ? describeDuplicates(plan, 'were') : '',
    stale ? 'the log had changed since the preview, so the files were checked against it again' : '',
    plan.errors.length ? `${plural(plan.errors.length, 'invalid row or file', 'invalid rows or files')} skipped` : '',
  ].filter(Boolean);
  return {
    added,
    duplicates: plan.duplicates,
    duplicatesBy: { ...plan.duplicatesBy },
    skippedInvalid: plan.errors.length,
    message: `${parts.join('; ')}.`,
  };
}
