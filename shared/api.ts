// The one contract: every operation any door (Electron IPC, browser-mode HTTP, CLI) offers.
// Adding an operation means one entry here, one handler in main/service.ts, one UI call.
import { z } from 'zod';
import type { Exercise } from './exercises';
import { ExperimentInput, type Experiment } from './experiment/model';
import type { ExperimentResult } from './experiment/analysis';
import type { ImportIssue } from './csv';
import type { InsightsCharts } from './insights/charts';
import type { InsightsReport, WeekSummary } from './insights/types';
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
  type CustomExercise,
  type Entry,
  type PainRating,
  type Run,
  type Settings,
  type StrengthSession,
} from './model';
import type { ShoeWithDistance } from './shoes';

/** A method's input schema plus a phantom of its output type (outputs are produced by us). */
interface Operation<I extends z.ZodType, O> {
  input: I;
  output?: O;
}
const op =
  <O>() =>
  <I extends z.ZodType>(input: I): Operation<I, O> => ({ input });

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

export interface ImportPreview {
  previewId: string;
  files: FilePreview[];
  newCounts: { run: number; pain: number; strength: number };
  duplicates: number;
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
export const ShoeInput = Shoe.extend({ id: Shoe.shape.id.optional() }).strict();

export const contract = {
  'app:info': op<AppInfo>()(NoInput),
  'journal:list': op<JournalPage>()(JournalQuery),
  'runs:save': op<Run>()(RunInput),
  'runs:delete': op<Run>()(ById),
  'runs:onDate': op<Run[]>()(z.object({ date: IsoDate }).strict()),
  'pain:save': op<PainRating>()(PainRatingInput),
  'pain:delete': op<PainRating>()(ById),
  'strength:save': op<StrengthSession>()(StrengthSessionInput),
  'strength:delete': op<StrengthSession>()(ById),
  'exercises:list': op<Exercise[]>()(NoInput),
  'exercises:add': op<CustomExercise>()(CustomExerciseInput),
  'settings:get': op<Settings>()(NoInput),
  'settings:update': op<Settings>()(SettingsPatch.strict()),
  // The user's own guided routines, kept in Settings.routines.
  'routines:save': op<Routine>()(RoutineInput.strict()),
  'routines:delete': op<Routine>()(z.object({ id: z.string().min(1).max(100) }).strict()),
  // Shoes, kept in Settings.shoes; each listed with the distance run in it.
  'shoes:list': op<ShoeWithDistance[]>()(NoInput),
  'shoes:save': op<Shoe>()(ShoeInput),
  'shoes:delete': op<Shoe>()(ById),
  'insights:get': op<InsightsReport>()(NoInput),
  'insights:charts': op<InsightsCharts>()(NoInput),
  'import:preview': op<ImportPreview>()(z.object({ files: z.array(ImportFileInput).min(1).max(1000) }).strict()),
  'import:commit': op<ImportSummary>()(
    z.object({ previewId: z.uuid(), onlyValid: z.boolean().default(false) }).strict(),
  ),
  'export:csv': op<ExportedFile>()(z.object({ kind: z.enum(EXPORT_KINDS) }).strict()),
  // Full-fidelity backups in <dataDir>/backups (main/store/backups.ts).
  'backup:now': op<BackupInfo>()(NoInput),
  'backup:list': op<BackupSummary[]>()(NoInput),
  'backup:restore': op<RestoreResult>()(
    z.object({ file: z.string().regex(BACKUP_FILE_RE, { error: 'Choose one of the listed backups.' }) }).strict(),
  ),
  // The core-work experiment (shared/experiment): a randomised N-of-1 trial, one at a time.
  'experiments:create': op<Experiment>()(ExperimentInput),
  'experiments:list': op<Experiment[]>()(NoInput),
  'experiments:abandon': op<Experiment>()(ById),
  'experiments:result': op<ExperimentResult>()(ById),
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export const METHODS = Object.keys(contract) as Method[];

export type InputOf<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends Method> = z.output<Contract[M]['input']>;
export type OutputOf<M extends Method> = NonNullable<Contract[M]['output']>;

export type ErrorCode = 'invalid_input' | 'not_found' | 'unknown_method' | 'locked' | 'io' | 'internal';

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
  [A in AreaOf<Method>]: {
    [V in VerbOf<Method, A>]: `${A}:${V}` extends infer M extends Method
      ? (...args: Args<M>) => Promise<Result<OutputOf<M>>>
      : never;
  };
};

/** What the renderer uses: resolves to the value, or throws ApiError. */
export type Api = {
  [A in AreaOf<Method>]: {
    [V in VerbOf<Method, A>]: `${A}:${V}` extends infer M extends Method
      ? (...args: Args<M>) => Promise<OutputOf<M>>
      : never;
  };
};

/** Builds the domain-shaped object from one `invoke` function (used by preload and HTTP client). */
export function buildEnvelopeApi(invoke: (method: Method, input: unknown) => Promise<Result<unknown>>): EnvelopeApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of METHODS) {
    const [area, verb] = method.split(':') as [string, string];
    api[area] ??= {};
    api[area][verb] = (input?: unknown) => invoke(method, input);
  }
  return api as unknown as EnvelopeApi;
}

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
  for (const method of METHODS) {
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

export interface ImportSummary {
  added: { run: number; pain: number; strength: number };
  duplicates: number;
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
  'data:changed': { types: Array<(typeof ENTRY_TYPES)[number] | 'experiment' | 'settings'> };
}

/** What the preload exposes as window.backstride. */
export type PreloadApi = EnvelopeApi & {
  on<E extends keyof PushEvents>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
};
