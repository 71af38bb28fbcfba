// The one contract: every operation any door (Electron IPC, browser-mode HTTP, CLI) offers.
// Adding an operation means one entry here, one handler in main/service.ts, one UI call.
import { z } from 'zod';
import type { Exercise } from './exercises';
import type { InsightsReport } from './insights/types';
import {
  CustomExerciseInput,
  ENTRY_TYPES,
  IsoDate,
  PainRatingInput,
  RunInput,
  SettingsPatch,
  StrengthSessionInput,
  type CustomExercise,
  type Entry,
  type PainRating,
  type Run,
  type Settings,
  type StrengthSession,
} from './model';

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
}

export const JournalQuery = z
  .object({
    type: z.enum(ENTRY_TYPES).optional(),
    limit: z.number().int().min(1).max(2000).default(200),
    cursor: z.string().max(200).optional(),
  })
  .strict();

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
  'insights:get': op<InsightsReport>()(NoInput),
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
  'undo',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface PushEvents {
  'menu:command': MenuCommand;
  'data:changed': { types: Array<(typeof ENTRY_TYPES)[number] | 'settings'> };
}

/** What the preload exposes as window.backstride. */
export type PreloadApi = EnvelopeApi & {
  on<E extends keyof PushEvents>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
};
