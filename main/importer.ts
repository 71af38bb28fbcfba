// Import planning and committing, shared by the app (preview, then commit) and the CLI.
// Nothing is written until commit; duplicates (same id, same source id, or the same content)
// are counted and skipped, so importing the same data twice adds nothing.
import type { FilePreview, ImportSummary } from '../shared/api';
import type { ImportIssue, ParsedImport } from '../shared/csv';
import { type CustomExercise, type EntryType, type PainRating, type Run, type StrengthSession } from '../shared/model';
import { ServiceError } from './errors';
import type { LogRepository, RecordOf } from './store/repository';

export interface ImportPlan {
  files: FilePreview[];
  records: { [T in EntryType]: RecordOf[T][] };
  /** The user's own exercises that strength files name and the log does not have yet. */
  exercises: CustomExercise[];
  duplicates: number;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  dateRange: { from: string; to: string } | null;
}

const runKey = (r: Run): string => `${r.date}|${r.startTime ?? ''}|${r.distanceKm.toFixed(3)}|${r.durationS}`;
const painKey = (p: PainRating): string =>
  `${p.date}|${p.time ?? ''}|${p.score}|${p.location}|${p.side}|${p.kind}|${p.timing}|${p.notes ?? ''}`;
const sessionKey = (s: StrengthSession): string => `${s.date}|${s.time ?? ''}|${JSON.stringify(s.items)}`;
const sourceKey = (r: Run): string | undefined => (r.sourceId ? `${r.source}|${r.sourceId}` : undefined);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Works out what an import would add, without writing anything. */
export function planImport(repo: LogRepository, parsed: readonly ParsedImport[]): ImportPlan {
  const seen = {
    ids: { run: new Set<string>(), pain: new Set<string>(), strength: new Set<string>() },
    content: new Set<string>(),
    sources: new Set<string>(),
  };
  for (const r of repo.all('run')) {
    seen.ids.run.add(r.id);
    seen.content.add(`run|${runKey(r)}`);
    const source = sourceKey(r);
    if (source) seen.sources.add(source);
  }
  for (const p of repo.all('pain')) {
    seen.ids.pain.add(p.id);
    seen.content.add(`pain|${painKey(p)}`);
  }
  for (const s of repo.all('strength')) {
    seen.ids.strength.add(s.id);
    seen.content.add(`strength|${sessionKey(s)}`);
  }

  const plan: ImportPlan = {
    files: [],
    records: { run: [], pain: [], strength: [] },
    exercises: [],
    duplicates: 0,
    errors: [],
    warnings: [],
    dateRange: null,
  };
  const note = (date: string) => {
    if (!plan.dateRange) plan.dateRange = { from: date, to: date };
    else if (date < plan.dateRange.from) plan.dateRange.from = date;
    else if (date > plan.dateRange.to) plan.dateRange.to = date;
  };
  /** Adds a record unless it is already in the log or earlier in this import. */
  const take = <T extends EntryType>(type: T, record: RecordOf[T], content: string, source?: string): boolean => {
    if (
      seen.ids[type].has(record.id) ||
      seen.content.has(`${type}|${content}`) ||
      (source && seen.sources.has(source))
    ) {
      plan.duplicates++;
      return false;
    }
    seen.ids[type].add(record.id);
    seen.content.add(`${type}|${content}`);
    if (source) seen.sources.add(source);
    plan.records[type].push(record);
    note(record.date);
    return true;
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
    // Every parser validates with the model's input schemas, so dates after today are already refused there.
    const errors = [...file.errors];
    for (const run of file.runs) if (take('run', run, runKey(run), sourceKey(run))) preview.runs++;
    for (const session of file.strength) if (take('strength', session, sessionKey(session))) preview.strength++;
    for (const rating of file.pain) if (take('pain', rating, painKey(rating))) preview.pain++;
    preview.errors = errors.length;
    preview.warnings = file.warnings.length;
    plan.errors.push(...errors);
    plan.warnings.push(...file.warnings);
    plan.files.push(preview);
    for (const exercise of file.exercises) {
      const known = [...repo.settings.customExercises, ...plan.exercises];
      if (!known.some((e) => e.id === exercise.id)) plan.exercises.push(exercise);
    }
  }

  // A pain rating may name a run; keep the link only when that run exists after the import.
  const runIds = new Set([...seen.ids.run]);
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

export function describePlan(plan: ImportPlan): string {
  const adds = [
    plural(plan.records.run.length, 'run'),
    plural(plan.records.pain.length, 'pain rating'),
    plural(plan.records.strength.length, 'session'),
  ].join(', ');
  const range = plan.dateRange ? ` from ${plan.dateRange.from} to ${plan.dateRange.to}` : '';
  const dupes = plan.duplicates ? `; ${plural(plan.duplicates, 'entry', 'entries')} already in your log` : '';
  const errors = plan.errors.length ? `; ${plural(plan.errors.length, 'problem')}` : '';
  return `New: ${adds}${range}${dupes}${errors}.`;
}

/** Writes a plan. With errors, nothing is written unless the user chose to import only the valid rows. */
export async function commitImport(
  repo: LogRepository,
  plan: ImportPlan,
  options: { onlyValid: boolean },
): Promise<ImportSummary> {
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
    plan.duplicates ? `${plural(plan.duplicates, 'entry', 'entries')} were already in your log` : '',
    plan.errors.length ? `${plural(plan.errors.length, 'invalid row or file', 'invalid rows or files')} skipped` : '',
  ].filter(Boolean);
  return { added, duplicates: plan.duplicates, skippedInvalid: plan.errors.length, message: `${parts.join('; ')}.` };
}
