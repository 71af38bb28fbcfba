// The handler map: one async function per contract method. No 'electron' import here: the
// same service runs behind Electron IPC, browser-mode HTTP and the CLI.
import path from 'node:path';
import {
  contract,
  METHODS,
  type AppInfo,
  type ChangeType,
  type ImportPreview,
  type ImportProgress,
  type JournalPage,
  type Method,
  type OutputOf,
  type ParsedInputOf,
} from '../shared/api';
import { allExercises, customExerciseId } from '../shared/exercises';
import { buildInsightsReport } from '../shared/insights';
import { buildChartSeries } from '../shared/insights/charts';
import { Calendar } from '../shared/insights/dates';
import { buildWeeklySeries } from '../shared/insights/weekly';
import { indexLog } from '../shared/insights/log';
import { findShoe, shoeKey, shoesFromRuns, shoesWithDistance } from '../shared/shoes';
import { entryMatcher, isFiltering, weeksForEntries } from '../shared/journal';
import { prefixLength } from '../shared/sortedSearch';
import {
  buildReport,
  resolveReportRange,
  ReportRangeError,
  type ReportExperiment,
  type ReportRange,
  type ReportRangeRequest,
} from '../shared/report';
import {
  compareEntriesNewestFirst,
  compareKeysNewestFirst,
  ENTRY_TYPES,
  journalKey,
  localToday,
  ReportSettings,
  type CustomExercise,
  type Entry,
  type EntryType,
  type PainRating,
  type Run,
  type Shoe,
  type JournalKey,
} from '../shared/model';
import type { ParsedImport } from '../shared/csv/types';
import { ServiceError } from './errors';
import { insightsInput } from './insightsInput';
import { exportCsv } from './exporter';
import { abandonExperiment, createExperiment, experimentResult, listExperiments } from './experiments';
import { commitImport, describePlan, planImport, type ImportPlan } from './importer';
import type { ImportJobFile } from './files/importJob';
import { parseInWorker } from './importRunner';
import { backupNow, listBackups, restoreBackup } from './store/backups';
import type { LogRepository, RecordOf } from './store/repository';

export type Handlers = { [M in Method]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> };

export interface ServiceOptions {
  repo: LogRepository;
  mode: AppInfo['mode'];
  version: string;
  /** Called after every change (what the contract says the method changes), so doors can tell open windows to refresh. */
  onChange?: (types: ChangeType[]) => void;
  /** What only the desktop app can do; other doors answer that it needs the desktop app. */
  desktop?: DesktopCapabilities;
  /** How import files are parsed: in a worker thread unless a test of the import rules says otherwise. */
  parseImport?: typeof parseInWorker;
}

export interface DesktopCapabilities {
  /** Asks where to save, prints the window to PDF there; resolves with the path, or null if cancelled. */
  savePdf(request: ParsedInputOf<'report:savePdf'>): Promise<string | null>;
}

/** A page's cursor is the sort key of its last entry, so paging goes on even if that entry is deleted. */
function cursorOf(entry: Entry): string {
  const { date, time, id } = journalKey(entry);
  return `${date}|${time}|${id}`;
}

interface ImportJobState {
  progress: ImportProgress;
  abort: AbortController;
}

function keyOfCursor(cursor: string): JournalKey {
  const [date, time, id, ...extra] = cursor.split('|');
  if (date === undefined || time === undefined || id === undefined || extra.length > 0)
    throw new ServiceError('invalid_input', 'The journal cursor is not one this app gave out.', 'cursor');
  return { date, time, id };
}

/** The service, telling `onChange` what each successful write changed (declared in the contract). */
export function createService(options: ServiceOptions): Handlers {
  const handlers = createHandlers(options);
  const { onChange } = options;
  if (!onChange) return handlers;
  const notifying: Record<string, (input: never) => Promise<unknown>> = {};
  for (const method of METHODS) {
    const handler = handlers[method] as (input: never) => Promise<unknown>;
    const changes = contract[method].changes;
    notifying[method] =
      changes.length === 0
        ? handler
        : async (input) => {
            const value = await handler(input);
            onChange([...changes]);
            return value;
          };
  }
  return notifying as Handlers;
}

function createHandlers(options: ServiceOptions): Handlers {
  const { repo } = options;

  // Import previews wait here (in memory) until the user commits or drops them.
  const previews = new Map<string, ImportPlan>();
  /** Imports being read now, by the caller's jobId. */
  const importJobs = new Map<string, ImportJobState>();

  // The journal's order is derived from the log; it is rebuilt only after a change.
  let sorted: { revision: number; entries: Entry[] } | undefined;
  const journal = (): Entry[] => {
    if (sorted?.revision !== repo.version) {
      const entries: Entry[] = [
        ...repo.all('run').map((record): Entry => ({ type: 'run', record })),
        ...repo.all('pain').map((record): Entry => ({ type: 'pain', record })),
        ...repo.all('strength').map((record): Entry => ({ type: 'strength', record })),
      ];
      entries.sort(compareEntriesNewestFirst);
      sorted = { revision: repo.version, entries };
    }
    return sorted.entries;
  };

  // Insights are derived from the log too: computed once per log revision (and day), however
  // many views ask for them (the journal's flags, the Insights page, the CLI).
  const derived = new Map<string, { key: string; value: unknown }>();
  function perRevision<T>(name: string, compute: () => T): T {
    const key = `${repo.version}|${localToday()}`;
    const hit = derived.get(name);
    if (hit?.key === key) return hit.value as T;
    const value = compute();
    derived.set(name, { key, value });
    return value;
  }

  const insights = () => perRevision('insights', () => buildInsightsReport(insightsInput(repo)));
  const charts = () => perRevision('charts', () => buildChartSeries(insightsInput(repo)));

  /** The latest experiment that ran (or runs) during the report's weeks, with its result; null if none. */
  function experimentForReport(range: ReportRange, today: string): ReportExperiment | null {
    const ran = listExperiments(repo, today).find((e) => {
      const first = e.periods[0];
      const last = e.periods.at(-1);
      return e.status !== 'planned' && first && last && first.start <= range.to && last.end >= range.from;
    });
    if (!ran) return null;
    const result = experimentResult(repo, ran.id, today);
    return {
      name: ran.name,
      startDate: ran.startDate,
      endDate: ran.periods.at(-1)?.end ?? ran.startDate,
      status: ran.status,
      sentence: result.sentence,
      estimate: result.estimate,
      ci95: result.ci95,
      pRandomization: result.pRandomization,
      usable: result.usable,
    };
  }

  async function saveRecord<T extends EntryType>(
    type: T,
    input: Omit<RecordOf[T], 'id'> & { id?: string | undefined },
  ): Promise<RecordOf[T]> {
    const record = { ...input, id: input.id ?? crypto.randomUUID() } as RecordOf[T];
    return repo.save(type, record, { newId: input.id === undefined });
  }

  function ownExercise(id: string): CustomExercise {
    const exercise = repo.settings.customExercises.find((e) => e.id === id && !e.deleted);
    if (!exercise) throw new ServiceError('not_found', 'That exercise of yours no longer exists.', 'id');
    return exercise;
  }

  /** Exercise names are unique (case aside) among the catalogue and your own, deleted ones aside. */
  function refuseTakenExerciseName(name: string, exceptId?: string): void {
    const clash = allExercises(repo.settings.customExercises).find(
      (e) => e.id !== exceptId && !e.deleted && e.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw new ServiceError('invalid_input', `There is already an exercise called "${clash.name}".`, 'name');
  }

  // The shoe list; a log not yet migrated (opened read-only) gets it derived from its runs.
  const shoeList = (): Shoe[] =>
    repo.settings.shoes ?? perRevision('derivedShoes', () => shoesFromRuns(repo.all('run'), () => crypto.randomUUID()));

  async function saveShoes(shoes: Shoe[]): Promise<void> {
    await repo.updateSettings({ ...repo.settings, shoes });
  }

  /** A shoe name typed on a run (or imported) that is not in the list yet adds that shoe. */
  async function addShoesOf(runs: ReadonlyArray<Pick<Run, 'shoe' | 'date'>>): Promise<void> {
    // Runs without a shoe add nothing, and need not read the whole log to find that out.
    if (!runs.some((run) => run.shoe)) return;
    const known = shoeList();
    const added = shoesFromRuns(
      runs.filter((run) => run.shoe && !findShoe(known, run.shoe)),
      () => crypto.randomUUID(),
    );
    if (added.length > 0) await saveShoes([...known, ...added]);
  }

  async function deleteRecord<T extends EntryType>(type: T, id: string): Promise<RecordOf[T]> {
    const removed = await repo.delete(type, id);
    if (!removed)
      throw new ServiceError(
        'not_found',
        `No ${type === 'run' ? 'run' : type === 'pain' ? 'pain rating' : 'session'} with id ${id}.`,
        'id',
      );
    return removed;
  }

  return {
    'app:info': async () => ({
      version: options.version,
      dataDir: repo.dataDir,
      mode: options.mode,
      notices: [...repo.notices],
    }),

    'journal:list': async ({ limit, cursor, ...filter }): Promise<JournalPage> => {
      const all = journal();
      let start = 0;
      if (cursor) {
        // The first entry after the cursor's key (the journal is sorted by that key).
        const after = keyOfCursor(cursor);
        start = prefixLength(all, (entry) => compareKeysNewestFirst(journalKey(entry), after) <= 0);
      }
      const wanted = entryMatcher(filter);
      const entries: Entry[] = [];
      let i = start;
      for (; i < all.length && entries.length < limit; i++) {
        if (wanted(all[i]!)) entries.push(all[i]!);
      }
      const last = entries[entries.length - 1];
      let more = false;
      for (let j = i; j < all.length && !more; j++) more = wanted(all[j]!);
      const counts = Object.fromEntries(ENTRY_TYPES.map((t) => [t, repo.count(t)])) as JournalPage['counts'];
      // Without a filter beyond the type the count is known; with one (a person searching) it is counted.
      const { type, ...narrowing } = filter;
      const matching = isFiltering(narrowing)
        ? all.reduce((n, entry) => (wanted(entry) ? n + 1 : n), 0)
        : type
          ? counts[type]
          : counts.run + counts.pain + counts.strength;
      const calendar = new Calendar(repo.settings.weekStartsOn);
      const weeks = weeksForEntries(
        entries,
        perRevision('weeks', () => buildWeeklySeries(indexLog(insightsInput(repo))).weeks),
        (date) => calendar.date(calendar.weekStartDay(date)),
      );
      const links = perRevision('links', () => {
        const byRun = new Map<string, PainRating[]>();
        for (const pain of repo.all('pain'))
          if (pain.runId) byRun.set(pain.runId, [...(byRun.get(pain.runId) ?? []), pain]);
        return byRun;
      });
      const linkedPain: JournalPage['linkedPain'] = {};
      const linkedRun: JournalPage['linkedRun'] = {};
      for (const entry of entries) {
        if (entry.type === 'run') {
          const pain = links.get(entry.record.id);
          if (pain)
            linkedPain[entry.record.id] = pain.map(({ id, score, timing, time }) => ({
              id,
              score,
              timing,
              ...(time ? { time } : {}),
            }));
        } else if (entry.type === 'pain' && entry.record.runId) {
          const run = repo.get('run', entry.record.runId);
          if (run)
            linkedRun[entry.record.id] = {
              id: run.id,
              distanceKm: run.distanceKm,
              durationS: run.durationS,
              ...(run.startTime ? { startTime: run.startTime } : {}),
            };
        }
      }
      return {
        entries,
        nextCursor: more && last ? cursorOf(last) : null,
        counts,
        matching,
        weeks,
        linkedPain,
        linkedRun,
      };
    },

    'runs:save': async (input) => {
      const run = await saveRecord('run', input);
      await addShoesOf([run]);
      return run;
    },
    'runs:delete': ({ id }) => deleteRecord('run', id),
    'runs:onDate': async ({ date }) =>
      repo
        .all('run')
        .filter((run) => run.date === date)
        .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? '')),

    'pain:save': async (input) => {
      if (input.runId) {
        const run = repo.get('run', input.runId);
        if (!run) throw new ServiceError('invalid_input', 'The linked run does not exist.', 'runId');
        if (run.date !== input.date)
          throw new ServiceError(
            'invalid_input',
            'A pain rating can only be linked to a run on the same day.',
            'runId',
          );
      }
      return saveRecord('pain', input);
    },
    'pain:delete': ({ id }) => deleteRecord('pain', id),

    'strength:save': (input) => saveRecord('strength', input),
    'strength:delete': ({ id }) => deleteRecord('strength', id),

    'exercises:list': async () => allExercises(repo.settings.customExercises),
    'exercises:add': async (input) => {
      const name = input.name.trim();
      refuseTakenExerciseName(name);
      // The id comes from the name; a renamed or deleted exercise may hold it already.
      const taken = new Set(allExercises(repo.settings.customExercises).map((e) => e.id));
      const base = customExerciseId(name);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 76)}-${n}`;
      const exercise = { ...input, name, id };
      const settings = repo.settings;
      await repo.updateSettings({ ...settings, customExercises: [...settings.customExercises, exercise] });
      return exercise;
    },
    'exercises:rename': async ({ id, name }) => {
      const exercise = ownExercise(id);
      const trimmed = name.trim();
      refuseTakenExerciseName(trimmed, id);
      const renamed = { ...exercise, name: trimmed };
      const settings = repo.settings;
      await repo.updateSettings({
        ...settings,
        customExercises: settings.customExercises.map((e) => (e.id === id ? renamed : e)),
      });
      return renamed;
    },
    'exercises:delete': async ({ id }) => {
      const exercise = ownExercise(id);
      const settings = repo.settings;
      const routine = settings.routines.find((r) => r.steps.some((step) => step.exercise === id));
      if (routine)
        throw new ServiceError(
          'invalid_input',
          `"${exercise.name}" is a step of your routine "${routine.name}": take it out of the routine first.`,
          'id',
        );
      const keptForSessions = repo.all('strength').filter((s) => s.items.some((item) => item.exercise === id)).length;
      // Sessions that name it keep naming it: it stays, hidden from the pickers.
      const customExercises =
        keptForSessions > 0
          ? settings.customExercises.map((e) => (e.id === id ? { ...e, deleted: true } : e))
          : settings.customExercises.filter((e) => e.id !== id);
      await repo.updateSettings({ ...settings, customExercises });
      return { exercise, keptForSessions };
    },

    'settings:get': async () => repo.settings,
    'settings:update': async ({ report, ...patch }) => {
      const current = repo.settings;
      // Report settings change field by field, so saving the questions keeps the chosen range.
      const next = await repo.updateSettings({
        ...current,
        ...patch,
        report: report ? ReportSettings.parse({ ...current.report, ...report }) : current.report,
      });
      return next;
    },

    'routines:save': async (input) => {
      const settings = repo.settings;
      const routine = { ...input, name: input.name.trim(), id: input.id ?? crypto.randomUUID() };
      const others = settings.routines.filter((r) => r.id !== routine.id);
      if (others.some((r) => r.name.toLowerCase() === routine.name.toLowerCase()))
        throw new ServiceError('invalid_input', `There is already a routine called "${routine.name}".`, 'name');
      const replacing = others.length < settings.routines.length;
      if (!replacing && settings.routines.length >= 100)
        throw new ServiceError('invalid_input', 'At most 100 routines can be saved: delete one first.', 'name');
      const routines = replacing
        ? settings.routines.map((r) => (r.id === routine.id ? routine : r))
        : [...settings.routines, routine];
      await repo.updateSettings({ ...settings, routines });
      return routine;
    },
    'routines:delete': async ({ id }) => {
      const settings = repo.settings;
      const routine = settings.routines.find((r) => r.id === id);
      if (!routine) throw new ServiceError('not_found', `No saved routine with id ${id}.`, 'id');
      await repo.updateSettings({ ...settings, routines: settings.routines.filter((r) => r.id !== id) });
      return routine;
    },

    'import:preview': async ({ files, jobId }) =>
      preview(
        await parse(
          files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.dataBase64, 'base64')) })),
          jobId,
        ),
      ),
    // The worker reads the files where they lie (folders lazily), under the same limits.
    'import:previewPaths': async ({ paths }) =>
      preview(await parse(paths.map((file) => ({ name: file, path: path.resolve(file) })))),
    'import:progress': async ({ jobId }) => {
      const job = importJobs.get(jobId);
      return job ? { running: true, ...job.progress } : { running: false, filesDone: 0, filesTotal: 0 };
    },
    'import:cancel': async ({ jobId }) => {
      const job = importJobs.get(jobId);
      job?.abort.abort();
      return { cancelled: job !== undefined };
    },
    'import:commit': async ({ previewId, onlyValid }) => {
      const plan = previews.get(previewId);
      if (!plan)
        throw new ServiceError('not_found', 'This import preview has expired: choose the files again.', 'previewId');
      // Imported runs without a shoe get the default shoe, when one is set in Settings.
      const shoe = repo.settings.defaultImportShoe?.trim();
      if (shoe) plan.records.run = plan.records.run.map((run) => (run.shoe ? run : { ...run, shoe }));
      const summary = await commitImport(repo, plan, { onlyValid });
      await addShoesOf(plan.records.run);
      previews.delete(previewId);
      return summary;
    },
    'export:csv': async ({ kind }) => exportCsv(repo, kind),

    'backup:now': () => backupNow(repo),
    'backup:list': async () => listBackups(repo.dataDir),
    'backup:restore': ({ file }) => restoreBackup(repo, file),

    'experiments:create': (input) => createExperiment(repo, input),
    'experiments:list': async () => listExperiments(repo),
    'experiments:abandon': ({ id }) => abandonExperiment(repo, id),
    'experiments:result': async ({ id }) => perRevision(`experiment:${id}`, () => experimentResult(repo, id)),
    'shoes:list': async () => shoesWithDistance(shoeList(), repo.all('run')),
    'shoes:save': async (input) => {
      const shoes = shoeList();
      const shoe: Shoe = { ...input, name: input.name.trim(), id: input.id ?? crypto.randomUUID() };
      const previous = shoes.find((s) => s.id === shoe.id);
      if (input.id && !previous) throw new ServiceError('not_found', `No shoe with id ${input.id}.`, 'id');
      const clash = findShoe(shoes, shoe.name);
      if (clash && clash.id !== shoe.id)
        throw new ServiceError('invalid_input', `There is already a shoe called "${clash.name}".`, 'name');
      // A rename carries the shoe's runs with it, so its distance and history stay.
      if (previous && shoeKey(previous.name) !== shoeKey(shoe.name)) {
        const runs = repo.all('run').filter((run) => run.shoe && shoeKey(run.shoe) === shoeKey(previous.name));
        await repo.saveMany(
          'run',
          runs.map((run) => ({ ...run, shoe: shoe.name })),
        );
      }
      await saveShoes(previous ? shoes.map((s) => (s.id === shoe.id ? shoe : s)) : [...shoes, shoe]);
      return shoe;
    },
    'shoes:delete': async ({ id }) => {
      const shoes = shoeList();
      const shoe = shoes.find((s) => s.id === id);
      if (!shoe) throw new ServiceError('not_found', `No shoe with id ${id}.`, 'id');
      // Its runs keep the shoe's name: the history stays, only the list entry goes.
      await saveShoes(shoes.filter((s) => s.id !== id));
      return shoe;
    },

    'insights:get': async (query) => {
      const locale = query?.locale;
      // The flags' texts follow the distance unit and the locale, so each pair is its own answer.
      const key = `insights|${repo.settings.distanceUnit}|${locale ?? ''}`;
      return perRevision(key, () => buildInsightsReport(insightsInput(repo, locale)));
    },
    'insights:charts': async () => perRevision('charts', () => buildChartSeries(insightsInput(repo))),

    'report:savePdf': async (request) => {
      if (!options.desktop)
        throw new ServiceError(
          'invalid_input',
          "Saving a PDF directly needs the desktop app: here, use Print and choose 'Save as PDF' as the printer.",
        );
      return { path: await options.desktop.savePdf(request) };
    },

    'report:build': async ({ weeks, from, to }) => {
      const today = localToday();
      const settings = repo.settings;
      const request: ReportRangeRequest = from !== undefined ? { from, to: to ?? today } : { weeks: weeks ?? 12 };
      let range;
      try {
        range = resolveReportRange(request, today, settings.weekStartsOn);
      } catch (error) {
        if (error instanceof ReportRangeError) throw new ServiceError('invalid_input', error.message, error.field);
        throw error;
      }
      return buildReport({
        insights: insights(),
        charts: charts(),
        runs: repo.all('run'),
        strength: repo.all('strength'),
        customExercises: settings.customExercises,
        range,
        today,
        madeAt: localDateTime(new Date()),
        unit: settings.distanceUnit,
        name: settings.name,
        questions: settings.report.questions,
        warningSigns: settings.report.warningSigns,
        experiment: experimentForReport(range, today),
      });
    },
  };

  /**
   * Parsing runs in a worker thread: the event loop (the window, the server) stays free, and a
   * job named by the caller can be followed and cancelled.
   */
  async function parse(files: ImportJobFile[], jobId?: string): Promise<ParsedImport[]> {
    const job: ImportJobState = {
      progress: { filesDone: 0, filesTotal: files.length },
      abort: new AbortController(),
    };
    if (jobId !== undefined) importJobs.set(jobId, job);
    try {
      const { parsed } = await (options.parseImport ?? parseInWorker)(
        { files, customExercises: repo.settings.customExercises },
        { onProgress: (progress) => (job.progress = progress), signal: job.abort.signal },
      );
      return parsed;
    } finally {
      if (jobId !== undefined) importJobs.delete(jobId);
    }
  }

  function preview(parsed: readonly ParsedImport[]): ImportPreview {
    const plan = planImport(repo, parsed);
    const previewId = crypto.randomUUID();
    previews.set(previewId, plan);
    // Keep only the latest few previews in memory.
    for (const key of [...previews.keys()].slice(0, -5)) previews.delete(key);
    return {
      previewId,
      files: plan.files,
      newCounts: {
        run: plan.records.run.length,
        pain: plan.records.pain.length,
        strength: plan.records.strength.length,
      },
      duplicates: plan.duplicates,
      duplicatesBy: { ...plan.duplicatesBy },
      dateRange: plan.dateRange,
      errors: plan.errors.slice(0, 200),
      errorCount: plan.errors.length,
      warnings: plan.warnings.slice(0, 200),
      warningCount: plan.warnings.length,
      summary: describePlan(plan),
    };
  }
}

/** "2026-12-01 09:30" in local time: when a report was made, as its reader sees it. */
function localDateTime(now: Date): string {
  const hh = String(now.getHours()).padStart(2, '0');
  const mm = String(now.getMinutes()).padStart(2, '0');
  return `${localToday(now)} ${hh}:${mm}`;
}
