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
  type Entry,
  type EntryType,
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

    'journal:list': async ({ type, limit, cursor }): Promise<JournalPage> => {
      const all = journal();
      let start = 0;
      if (cursor) {
        // The first entry after the cursor's key (binary search: the journal is sorted by that key).
        const after = keyOfCursor(cursor);
        let high = all.length;
        while (start < high) {
          const mid = (start + high) >>> 1;
          if (compareKeysNewestFirst(journalKey(all[mid]!), after) <= 0) start = mid + 1;
          else high = mid;
        }
      }
      const wanted = (entry: Entry): boolean => !type || entry.type === type;
      const entries: Entry[] = [];
      let i = start;
      for (; i < all.length && entries.length < limit; i++) {
        if (wanted(all[i]!)) entries.push(all[i]!);
      }
      const last = entries[entries.length - 1];
      let more = false;
      for (let j = i; j < all.length && !more; j++) more = wanted(all[j]!);
      const counts = Object.fromEntries(ENTRY_TYPES.map((t) => [t, repo.count(t)])) as JournalPage['counts'];
      return { entries, nextCursor: more && last ? cursorOf(last) : null, counts };
    },

    'runs:save': (input) => saveRecord('run', input),
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
      const id = customExerciseId(input.name);
      const existing = allExercises(repo.settings.customExercises).find(
        (e) => e.id === id || e.name.toLowerCase() === input.name.trim().toLowerCase(),
      );
      if (existing)
        throw new ServiceError('invalid_input', `There is already an exercise called "${existing.name}".`, 'name');
      const exercise = { ...input, name: input.name.trim(), id };
      const settings = repo.settings;
      await repo.updateSettings({ ...settings, customExercises: [...settings.customExercises, exercise] });
      return exercise;
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
      const summary = await commitImport(repo, plan, { onlyValid });
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
