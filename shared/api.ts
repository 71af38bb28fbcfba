// The one contract: every operation any door (Electron IPC, browser-mode HTTP, CLI) offers.
// Adding an operation means one entry here, one handler in main/service.ts, one UI call.
import { z } from 'zod';
import type { Exercise } from './exercises';
import { ExperimentInput, type Experiment } from './experiment/model';
import type { ExperimentResult } from './experiment/analysis';
import type { PUSH_EVENT_NAMES, WINDOW_METHOD_NAMES } from './windowMethods.generated';
import type { ImportIssue } from './csv/types';
import type { InsightsCharts } from './insights/charts';
import type { InsightsReport, WeekSummary } from './insights/types';
import { REPORT_MAX_WEEKS, type BuiltReport } from './report';
import { isLocaleTag } from './textFormat';
import {
  CustomExerciseInput,
  ENTRY_TYPES,
  IsoDate,
  PainKind,
  PainLocation,
  PainRatingInput,
  Routine,
  RunInput,
  SettingsPatch,
  Shoe,
  StoredDate,
  StrengthSessionInput,
  CustomExercise,
  type Entry,
  type EntryType,
  type PainRating,
  type Run,
  type Settings,
  type StrengthSession,
} from './model';
import type { ShoeWithDistance } from './shoes';

/** What a change touches: the window refreshes what it shows of these. */
export type ChangeType = EntryType | 'experiment' | 'settings';

/** The ways in: Electron IPC, browser mode's HTTP, the command line. */
export const DOORS = ['ipc', 'http', 'cli'] as const;
export type Door = (typeof DOORS)[number];

/** Request body limits over HTTP: imports carry files (up to 200 MB each, as base64); every other call is small. */
export const SMALL_BODY_BYTES = 8 * 1024 * 1024;
export const FILE_BODY_BYTES = 300 * 1024 * 1024;

/**
 * The facts every method declares beside its schemas (required: a method cannot be added
 * without them). Doors and the service derive their behaviour from these, never from lists of names.
 * - access: 'write' changes the log (the CLI then takes the writer lock), 'read' does not;
 *   a read changes nothing the window shows, a write names what it changes.
 * - maxBodyBytes: the largest request the HTTP door reads for it.
 * - doors: where it is offered (a method that reads paths on this machine is the CLI's alone).
 */
export type MethodFacts = { maxBodyBytes: number; doors: readonly Door[] } & (
  { access: 'read'; changes: readonly [] } | { access: 'write'; changes: readonly [ChangeType, ...ChangeType[]] }
);

/** A method's input schema and facts, plus a phantom of its output type (outputs are produced by us). */
type Operation<I extends z.ZodType, O, F extends MethodFacts> = F & { input: I; output?: O };
const op =
  <O>() =>
  <I extends z.ZodType, const F extends MethodFacts>(input: I, facts: F): Operation<I, O, F> => ({
    input,
    ...facts,
  });

const READS = { access: 'read', changes: [], maxBodyBytes: SMALL_BODY_BYTES, doors: DOORS } as const;
const writes = <const C extends [ChangeType, ...ChangeType[]]>(...changes: C) =>
  ({ access: 'write', changes, maxBodyBytes: SMALL_BODY_BYTES, doors: DOORS }) as const;

const NoInput = z.object({}).strict().optional();
const ById = z.object({ id: z.uuid({ error: 'The id must be a UUID.' }) }).strict();

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  mode: 'electron' | 'browser';
  /** Things the user must be told, e.g. a damaged file that was moved aside. */
  notices: Notice[];
}

export interface JournalPage {
  entries: Entry[];
  /** Pass back as `cursor` to get the next (older) page; null at the end. */
  nextCursor: string | null;
  counts: Record<(typeof ENTRY_TYPES)[number], number>;
  /** How many entries match the filter, across all pages. */
  matching: number;
  /** The totals of every week the page's entries fall in (whole weeks, whatever the filter). */
  weeks: WeekSummary[];
  /** Pain ratings linked to a run, by run id; and the run a pain rating is linked to, by pain id. */
  linkedPain: Record<string, Array<Pick<PainRating, 'id' | 'score' | 'timing' | 'time'>>>;
  linkedRun: Record<string, Pick<Run, 'id' | 'startTime' | 'distanceKm' | 'durationS'>>;
}

/** A file handed to the importer (from a file picker or a drop), as base64 so every door can carry it. */
export const ImportFileInput = z
  .object({
    name: z.string().min(1).max(300),
    // 200 MB of file is about 267 MB of base64.
    dataBase64: z.string().max(280 * 1024 * 1024, { error: 'The file is larger than the 200 MB limit.' }),
  })
  .strict();

/** How far an import's reading has got. */
export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  /** The file being read now. */
  file?: string;
}

/** import:progress's answer; running is false once the job has finished or was never started. */
export interface ImportJobStatus extends ImportProgress {
  running: boolean;
}

export interface ImportPreview {
  previewId: string;
  files: FilePreview[];
  newCounts: { run: number; pain: number; strength: number };
  /** Entries already in the log: how many, and how each was matched. */
  duplicates: number;
  duplicatesBy: DuplicateCounts;
  dateRange: { from: string; to: string } | null;
  /** The first problems (each names file, row and column); errorCount has them all. */
  errors: ImportIssue[];
  errorCount: number;
  warnings: ImportIssue[];
  warningCount: number;
  summary: string;
}

export const EXPORT_KINDS = ['runs', 'pain', 'strength', 'weekly', 'experiments'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportedFile {
  fileName: string;
  content: string;
  rows: number;
}

/** A routine as the user saves it: without an id it is new, with one it replaces that routine. */
export const RoutineInput = Routine.extend({ id: Routine.shape.id.optional() });

/** A backup's file name in <dataDir>/backups (a bare name: no folders, so no path can be smuggled in). */
export const BACKUP_FILE_RE = /^backstride-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{1,4})?\.json$/;

export interface BackupSummary {
  file: string;
  /** When it was made (ISO, UTC). */
  createdAt: string;
  entries: number;
}

export interface BackupInfo extends BackupSummary {
  /** Where it was written, for the user to see. */
  path: string;
}

export interface RestoreResult {
  restored: BackupSummary;
  /** The backup of the log as it was just before the restore. */
  safetyBackup: BackupInfo;
}

export const JournalQuery = z
  .object({
    type: z.enum(ENTRY_TYPES).optional(),
    limit: z.number().int().min(1).max(2000).default(200),
    cursor: z.string().max(200).optional(),
    search: z.string().max(200, { error: 'Search for at most 200 characters.' }).optional(),
    from: StoredDate.optional(),
    to: StoredDate.optional(),
    painKind: PainKind.optional(),
    painLocation: PainLocation.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'The end date is before the start date.' });

/** A shoe as the user saves it: without an id it is new; with one it replaces (and renames) that shoe. */
/** What deleting an exercise of your own did: gone, or kept (hidden) because sessions name it. */
export interface ExerciseDeletion {
  exercise: CustomExercise;
  keptForSessions: number;
}

export const ShoeInput = Shoe.extend({ id: Shoe.shape.id.optional() }).strict();

/** The weeks a report covers: the last `weeks` weeks (12 when nothing is given), or `from`–`to` (to defaults to today). */
export const ReportQuery = z
  .object({
    weeks: z
      .number()
      .int()
      .min(1, { error: 'A report covers at least 1 week.' })
      .max(REPORT_MAX_WEEKS, { error: `A report covers at most ${REPORT_MAX_WEEKS} weeks.` })
      .optional(),
    from: StoredDate.optional(),
    to: StoredDate.optional(),
  })
  .strict()
  .refine((q) => q.weeks === undefined || (q.from === undefined && q.to === undefined), {
    error: 'Give either a number of weeks or dates, not both.',
    path: ['weeks'],
  })
  .refine((q) => q.to === undefined || q.from !== undefined, { error: 'Give a start date (from).', path: ['from'] });

/** Where the desktop app saved a report's PDF; null when the person cancelled the save dialog. */
export interface SavedPdf {
  path: string | null;
}

export const SavePdfInput = z
  .object({
    /** Suggested file name for the save dialog. */
    fileName: z.string().regex(/^[\w.-]{1,120}\.pdf$/, { error: 'The file name must end in .pdf.' }),
    paper: z.enum(['A4', 'Letter']),
  })
  .strict();

/** What the insights are read for: the locale their texts write dates in (the screen's own). */
export const InsightsQuery = z
  .object({
    locale: z
      .string()
      .max(100)
      .refine(isLocaleTag, { error: 'The locale must be a language tag such as en-GB.' })
      .optional(),
  })
  .strict()
  .optional();

export const contract = {
  'app:info': op<AppInfo>()(NoInput, READS),
  'journal:list': op<JournalPage>()(JournalQuery, READS),
  // A shoe name not in the list yet adds that shoe (to the settings).
  'runs:save': op<Run>()(RunInput, writes('run', 'settings')),
  'runs:delete': op<Run>()(ById, writes('run')),
  'runs:onDate': op<Run[]>()(z.object({ date: IsoDate }).strict(), READS),
  'pain:save': op<PainRating>()(PainRatingInput, writes('pain')),
  'pain:delete': op<PainRating>()(ById, writes('pain')),
  'strength:save': op<StrengthSession>()(StrengthSessionInput, writes('strength')),
  'strength:delete': op<StrengthSession>()(ById, writes('strength')),
  'exercises:list': op<Exercise[]>()(NoInput, READS),
  'exercises:add': op<CustomExercise>()(CustomExerciseInput, writes('settings')),
  // Your own exercises only; sessions keep naming a renamed or deleted one (by its id).
  'exercises:rename': op<CustomExercise>()(
    z.object({ id: CustomExercise.shape.id, name: CustomExerciseInput.shape.name }).strict(),
    writes('settings'),
  ),
  'exercises:delete': op<ExerciseDeletion>()(z.object({ id: CustomExercise.shape.id }).strict(), writes('settings')),
  'settings:get': op<Settings>()(NoInput, READS),
  'settings:update': op<Settings>()(SettingsPatch.strict(), writes('settings')),
  // The user's own guided routines, kept in Settings.routines.
  'routines:save': op<Routine>()(RoutineInput.strict(), writes('settings')),
  'routines:delete': op<Routine>()(z.object({ id: z.string().min(1).max(100) }).strict(), writes('settings')),
  // Shoes, kept in Settings.shoes; each listed with the distance run in it. A rename moves the
  // shoe's runs with it.
  'shoes:list': op<ShoeWithDistance[]>()(NoInput, READS),
  'shoes:save': op<Shoe>()(ShoeInput, writes('settings', 'run')),
  'shoes:delete': op<Shoe>()(ById, writes('settings')),
  'insights:get': op<InsightsReport>()(InsightsQuery, READS),
  'insights:charts': op<InsightsCharts>()(NoInput, READS),
  // The report for a physiotherapist (shared/report), as an HTML fragment.
  'report:build': op<BuiltReport>()(ReportQuery, READS),
  // Desktop only: prints the window (showing the Report screen) to a PDF the person places.
  'report:savePdf': op<SavedPdf>()(SavePdfInput, READS),
  // A preview only reads: the plan waits in memory until import:commit. Parsing runs in a worker:
  // a caller that names a jobId can follow it with import:progress and stop it with import:cancel
  // (the preview then fails with code 'cancelled').
  'import:preview': op<ImportPreview>()(
    z.object({ files: z.array(ImportFileInput).min(1).max(1000), jobId: z.uuid().optional() }).strict(),
    { ...READS, maxBodyBytes: FILE_BODY_BYTES },
  ),
  // The command line imports files and Strava export folders where they lie (folders are read
  // lazily, so they are not sent as bytes); never offered to a window, which has no business
  // naming paths on this machine.
  'import:previewPaths': op<ImportPreview>()(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
    { ...READS, doors: ['cli'] },
  ),
  'import:progress': op<ImportJobStatus>()(z.object({ jobId: z.uuid() }).strict(), READS),
  'import:cancel': op<{ cancelled: boolean }>()(z.object({ jobId: z.uuid() }).strict(), READS),
  'import:commit': op<ImportSummary>()(
    z.object({ previewId: z.uuid(), onlyValid: z.boolean().default(false) }).strict(),
    writes('run', 'pain', 'strength', 'settings'),
  ),
  'export:csv': op<ExportedFile>()(z.object({ kind: z.enum(EXPORT_KINDS) }).strict(), READS),
  // Full-fidelity backups in <dataDir>/backups (main/store/backups.ts). Making one does not change the log.
  'backup:now': op<BackupInfo>()(NoInput, READS),
  'backup:list': op<BackupSummary[]>()(NoInput, READS),
  'backup:restore': op<RestoreResult>()(
    z.object({ file: z.string().regex(BACKUP_FILE_RE, { error: 'Choose one of the listed backups.' }) }).strict(),
    writes('run', 'pain', 'strength', 'experiment', 'settings'),
  ),
  // The core-work experiment (shared/experiment): a randomised N-of-1 trial, one at a time.
  'experiments:create': op<Experiment>()(ExperimentInput, writes('experiment')),
  'experiments:list': op<Experiment[]>()(NoInput, READS),
  'experiments:abandon': op<Experiment>()(ById, writes('experiment')),
  'experiments:result': op<ExperimentResult>()(ById, READS),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS = Object.keys(contract) as Method[];

/** Whether a door offers a method. */
export function offeredOn(method: Method, door: Door): boolean {
  return (contract[method].doors as readonly Door[]).includes(door);
}
/** The methods a window (Electron IPC or browser mode) may call: the renderer's API. */
export type WindowMethod = {
  [M in Method]: 'ipc' | 'http' extends Contract[M]['doors'][number] ? M : never;
}[Method];
export const WINDOW_METHODS = METHODS.filter((m): m is WindowMethod => offeredOn(m, 'ipc') && offeredOn(m, 'http'));

// The preload's plain list (shared/windowMethods.generated.ts) must be exactly these: a stale
// list fails to compile (regenerate with `npx tsx scripts/generate-window-methods.ts`).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const windowListIsCurrent: Same<(typeof WINDOW_METHOD_NAMES)[number], WindowMethod> = true;
const pushListIsCurrent: Same<(typeof PUSH_EVENT_NAMES)[number], PushEvent> = true;
void windowListIsCurrent;
void pushListIsCurrent;
/** Methods that never change the log (the CLI runs them without the writer lock). */
export const READ_METHODS: ReadonlySet<Method> = new Set(METHODS.filter((m) => contract[m].access === 'read'));

export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = NonNullable<Contract[M]['output']>;

export type ErrorCode = 'invalid_input' | 'not_found' | 'unknown_method' | 'locked' | 'io' | 'cancelled' | 'internal';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "distanceKm" or "items.0.reps". */
  field: string;
  message: string;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Turns zod's issues into field messages a form can show next to its inputs. */
export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function invalidInput(error: z.ZodError): ApiErrorShape {
  const issues = issuesFromZod(error);
  const first = issues[0];
  const where = first?.field ? `${first.field}: ` : '';
  return {
    code: 'invalid_input',
    message: `${where}${first?.message ?? 'Invalid input.'}`,
    ...(first?.field ? { field: first.field } : {}),
    issues,
  };
}

// The domain-shaped API: contract "area:verb" becomes api.area.verb(input).
type AreaOf<M> = M extends `${infer A}:${string}` ? A : never;
type VerbOf<M, A extends string> = M extends `${A}:${infer V}` ? V : never;
type Args<M extends Method> = undefined extends InputOf<M> ? [input?: InputOf<M>] : [input: InputOf<M>];

/** What crosses a door: every call resolves to an envelope, never throws across. */
export type EnvelopeApi = {
  [A in AreaOf<WindowMethod>]: {
    [V in VerbOf<WindowMethod, A>]: `${A}:${V}` extends infer M extends WindowMethod
      ? (...args: Args<M>) => Promise<Result<OutputOf<M>>>
      : never;
  };
};

/** What the renderer uses: resolves to the value, or throws ApiError. */
export type Api = {
  [A in AreaOf<WindowMethod>]: {
    [V in VerbOf<WindowMethod, A>]: `${A}:${V}` extends infer M extends WindowMethod
      ? (...args: Args<M>) => Promise<OutputOf<M>>
      : never;
  };
};

export { buildEnvelopeApi } from './envelope';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly issues: FieldIssue[];
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    if (shape.field !== undefined) this.field = shape.field;
    this.issues = shape.issues ?? [];
  }
}

/** Unwraps envelopes: the renderer's client, whichever door it sits behind. */
export function unwrapApi(envelopes: EnvelopeApi): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  const source = envelopes as unknown as Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>>;
  for (const method of WINDOW_METHODS) {
    const [area, verb] = method.split(':') as [string, string];
    api[area] ??= {};
    api[area][verb] = async (input?: unknown) => {
      const result = await source[area]![verb]!(input);
      if (result.ok) return result.value;
      throw new ApiError(result.error);
    };
  }
  return api as unknown as Api;
}

/** What a file would add (shown before committing an import). */
export interface FilePreview {
  file: string;
  kind: string;
  runs: number;
  pain: number;
  strength: number;
  errors: number;
  warnings: number;
}

/**
 * How an import's entries were found in the log: a row with its own id by that id, a row without
 * one by its content (each log entry matching at most one row), a GPX/TCX/FIT/Strava activity by
 * its source id or its start time and distance.
 */
export interface DuplicateCounts {
  id: number;
  content: number;
  activity: number;
}

export interface ImportSummary {
  added: { run: number; pain: number; strength: number };
  duplicates: number;
  duplicatesBy: DuplicateCounts;
  skippedInvalid: number;
  message: string;
}

/** Main-to-renderer pushes, in their own typed map. */
export const MENU_COMMANDS = [
  'new-run',
  'new-pain',
  'new-session',
  'start-routine',
  'open-journal',
  'open-insights',
  'open-report',
  'open-settings',
  'open-help',
  'import',
  'export',
  'backup',
  'restore',
  'undo',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface PushEvents {
  'menu:command': MenuCommand;
  'data:changed': { types: ChangeType[] };
}
export type PushEvent = keyof PushEvents;
/** Every push event's name (a missing or extra one is a type error). */
export const PUSH_EVENTS = Object.keys({
  'menu:command': true,
  'data:changed': true,
} satisfies Record<PushEvent, true>) as PushEvent[];

/** The one way main sends a push: the event's name and its payload type go together. */
export function sendPush<E extends PushEvent>(
  target: { send(channel: string, ...args: unknown[]): void } | undefined,
  event: E,
  payload: PushEvents[E],
): void {
  target?.send(event, payload);
}

/** What the preload exposes as window.backstride. */
export type PreloadApi = EnvelopeApi & {
  on<E extends keyof PushEvents>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
};
