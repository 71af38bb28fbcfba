// The single source of Backstride's data types. Everything that crosses a door, or is
// read from disk, is parsed with these schemas; the TypeScript types are inferred from them.
import { z } from 'zod';

/** Bumped when the stored shape changes; each bump ships a migration in main/store/migrations. */
export const SCHEMA_VERSION = 2;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Today's calendar date on this machine, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** The number written by `count` ASCII digits from `start` (the caller has checked they are digits). */
function digitsAt(value: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) n = n * 10 + (value.charCodeAt(i) - 48);
  return n;
}

/**
 * Whether a YYYY-MM-DD string names a day of the Gregorian calendar. Every stored record's
 * date passes through here on load, so this is plain arithmetic (no Date objects: at twenty
 * years of data those cost more than the rest of the check). Years 0000-0099 are refused,
 * as the Date.UTC version this replaces did (it read them as 1900-1999).
 */
function isRealDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** The local day localToday() last answered, and the span of clock time it covers. */
let todayCache: { date: string; fromMs: number; untilMs: number } | undefined;

/**
 * localToday() for checking entered dates. An import checks one date per row, so the answer
 * is kept until the clock leaves that local day (either way) instead of re-deriving it per row.
 */
function todayForCheck(): string {
  const nowMs = Date.now();
  if (todayCache === undefined || nowMs < todayCache.fromMs || nowMs >= todayCache.untilMs) {
    const now = new Date(nowMs);
    const y = now.getFullYear();
    const m = now.getMonth();
    const d = now.getDate();
    todayCache = {
      date: localToday(now),
      fromMs: new Date(y, m, d).getTime(),
      untilMs: new Date(y, m, d + 1).getTime(),
    };
  }
  return todayCache.date;
}

/** A calendar date as stored: real, from 1970 on. Stored data is not re-judged by today's clock. */
export const StoredDate = z
  .string({ error: 'Enter a date (YYYY-MM-DD).' })
  .refine(isRealDate, { error: 'Enter a real date as YYYY-MM-DD.' })
  .refine((value) => value >= '1970-01-01', { error: 'Dates before 1970 are not accepted.' });

/** A date as entered: additionally not after today on this machine. */
export const IsoDate = StoredDate.refine((value) => value <= todayForCheck(), {
  error: 'The date cannot be in the future.',
});

export const ClockTime = z.string().regex(TIME_RE, { error: 'Enter a time as HH:MM (24-hour).' });

const Id = z.uuid({ error: 'The id must be a UUID.' });
/**
 * Control characters other than tab and line breaks, and halves of a surrogate pair: invisible,
 * unprintable, refused by spreadsheets (a NUL makes a CSV "binary"), and a lone surrogate cannot
 * even be stored as UTF-8. Text as entered must not contain them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/u;
const plainText = (value: string): boolean => !UNSAFE_TEXT.test(value);
const PLAIN_TEXT_ERROR = { error: 'Remove the control characters (text may hold tabs and line breaks, not others).' };

// Stored text is not re-judged (a log from before this rule still opens); entered text is.
const StoredNotes = z.string().max(5000, { error: 'Notes can be at most 5,000 characters.' });
const Notes = StoredNotes.refine(plainText, PLAIN_TEXT_ERROR);
const StoredShortText = z.string().trim().max(100, { error: 'At most 100 characters.' });
const ShortText = StoredShortText.refine(plainText, PLAIN_TEXT_ERROR);
const StoredSourceId = z.string().max(200);
const SourceId = StoredSourceId.refine(plainText, PLAIN_TEXT_ERROR);
/** The text fields of stored records, without the entered-text rule. */
const storedText = { notes: StoredNotes.optional() };

export const SURFACES = ['road', 'trail', 'track', 'treadmill', 'other'] as const;
export const RUN_SOURCES = ['manual', 'csv', 'gpx', 'tcx', 'fit', 'strava'] as const;
export const PAIN_LOCATIONS = ['lower_back', 'hip', 'knee', 'ankle', 'other'] as const;
export const PAIN_SIDES = ['left', 'right', 'both', 'centre'] as const;
export const PAIN_KINDS = ['muscular', 'bone_like', 'unsure'] as const;
export const PAIN_TIMINGS = ['during_run', 'after_run', 'next_morning', 'rest_day'] as const;
export const EXERCISE_CATEGORIES = ['core', 'posterior_chain', 'mobility', 'recovery', 'other'] as const;
export const DOSINGS = ['hold', 'reps', 'minutes'] as const;

export type Surface = z.infer<typeof Surface>;
export const Surface = z.enum(SURFACES);
export type RunSource = z.infer<typeof RunSource>;
export const RunSource = z.enum(RUN_SOURCES);
export type PainLocation = z.infer<typeof PainLocation>;
export const PainLocation = z.enum(PAIN_LOCATIONS);
export type PainSide = z.infer<typeof PainSide>;
export const PainSide = z.enum(PAIN_SIDES);
export type PainKind = z.infer<typeof PainKind>;
export const PainKind = z.enum(PAIN_KINDS);
export type PainTiming = z.infer<typeof PainTiming>;
export const PainTiming = z.enum(PAIN_TIMINGS);
export type ExerciseCategory = z.infer<typeof ExerciseCategory>;
export const ExerciseCategory = z.enum(EXERCISE_CATEGORIES);
export type Dosing = z.infer<typeof Dosing>;
export const Dosing = z.enum(DOSINGS);

/** Fastest plausible pace (world-record track pace is about 2:30 min/km over short distances). */
export const MIN_PACE_S_PER_KM = 100;
/** Slowest pace we still call a run (a slow hike is about 20 min/km). */
export const MAX_PACE_S_PER_KM = 60 * 60;

const runFields = {
  date: IsoDate,
  startTime: ClockTime.optional(),
  distanceKm: z
    .number({ error: 'Enter a distance.' })
    .positive({ error: 'The distance must be more than 0.' })
    .max(1000, { error: 'The distance must be at most 1,000 km.' }),
  durationS: z
    .number({ error: 'Enter a duration.' })
    .int({ error: 'The duration must be whole seconds.' })
    .positive({ error: 'The duration must be more than 0.' })
    .max(14 * 24 * 3600, { error: 'The duration must be at most 14 days.' }),
  effort: z
    .number()
    .int({ error: 'Effort is a whole number from 1 to 10.' })
    .min(1, { error: 'Effort is from 1 to 10.' })
    .max(10, { error: 'Effort is from 1 to 10.' })
    .optional(),
  surface: Surface.optional(),
  shoe: ShortText.optional(),
  avgHr: z
    .number()
    .int({ error: 'Heart rate is whole beats per minute.' })
    .min(25, { error: 'Average heart rate must be at least 25 bpm.' })
    .max(250, { error: 'Average heart rate must be at most 250 bpm.' })
    .optional(),
  notes: Notes.optional(),
  source: RunSource.default('manual'),
  sourceId: SourceId.optional(),
};

type Paced = { distanceKm: number; durationS: number };
const paceOf = (run: Paced): number => run.durationS / run.distanceKm;

/**
 * Whether the distance and duration themselves passed, so a pace can be judged at all. A pace
 * made from a wrong field (-3 km) would only echo that field's problem in misleading words
 * ("faster than any human"), so then only the wrong field is reported.
 */
function paceJudgeable(payload: z.core.ParsePayload): boolean {
  for (const issue of payload.issues) {
    const field = issue.path?.[0];
    // No field: the input is not even an object.
    if (field === undefined || field === 'distanceKm' || field === 'durationS') return false;
  }
  return true;
}

/**
 * The plausible-pace rule, reported on the duration field. Two plain refinements rather than one
 * superRefine: zod then allocates nothing per valid record, which matters for large imports.
 */
function withPaceCheck<T extends z.ZodType<Paced>>(schema: T) {
  return schema
    .refine((run) => paceOf(run) >= MIN_PACE_S_PER_KM, {
      path: ['durationS'],
      message: 'That is faster than any human can run this distance: check the duration and distance.',
      when: paceJudgeable,
    })
    .refine((run) => paceOf(run) <= MAX_PACE_S_PER_KM, {
      path: ['durationS'],
      message: 'That is slower than 60 min per km: check the duration and distance.',
      when: paceJudgeable,
    });
}

const StoredRunFields = z.object({
  id: Id,
  ...runFields,
  ...storedText,
  date: StoredDate,
  shoe: StoredShortText.optional(),
  sourceId: StoredSourceId.optional(),
});
export const Run = withPaceCheck(StoredRunFields);
export type Run = z.infer<typeof Run>;
const RunInputFields = z.object({ id: Id.optional(), ...runFields });
export const RunInput = withPaceCheck(RunInputFields);
export type RunInput = z.input<typeof RunInput>;

/**
 * `paced` (withPaceCheck over `fields`) compiled by zod for checking many records (loading,
 * imports). zod cannot compile a check with a `when` condition, so the fast path is `fields`
 * compiled, then the same pace rule by hand (both fields passed, so it is judgeable); a record
 * failing either is parsed by `paced` itself, so what is reported is exactly the schema's.
 * Call from the main process only: compiling generates code, which the page's CSP forbids.
 */
function compilePaced<T extends z.ZodType<Paced>>(paced: T, fields: z.ZodType<Paced>): T {
  const fast = z.compile(fields);
  return z.withParser(paced, (input) => {
    const parsed = fast.safeParse(input);
    if (!parsed.success) return z.INVALID;
    const pace = paceOf(parsed.data);
    return pace >= MIN_PACE_S_PER_KM && pace <= MAX_PACE_S_PER_KM ? (parsed.data as z.output<T>) : z.INVALID;
  });
}

/** Run compiled (see compilePaced): the same rules as Run, for checking thousands of stored runs. */
export function compileRun(): typeof Run {
  return compilePaced(Run, StoredRunFields);
}

/** RunInput compiled (see compilePaced): the same rules as RunInput, for imports. */
export function compileRunInput(): typeof RunInput {
  return compilePaced(RunInput, RunInputFields);
}

const painFields = {
  date: IsoDate,
  time: ClockTime.optional(),
  score: z
    .number({ error: 'Choose a pain score from 0 to 10.' })
    .int({ error: 'The pain score is a whole number from 0 to 10.' })
    .min(0, { error: 'The pain score is from 0 to 10.' })
    .max(10, { error: 'The pain score is from 0 to 10.' }),
  location: PainLocation.default('lower_back'),
  side: PainSide.default('centre'),
  kind: PainKind.default('unsure'),
  timing: PainTiming.default('rest_day'),
  runId: Id.optional(),
  notes: Notes.optional(),
};
export const PainRating = z.object({ id: Id, ...painFields, ...storedText, date: StoredDate });
export type PainRating = z.infer<typeof PainRating>;
export const PainRatingInput = z.object({ id: Id.optional(), ...painFields });
export type PainRatingInput = z.input<typeof PainRatingInput>;

export const ExerciseId = z
  .string()
  .trim()
  .min(1, { error: 'Choose an exercise.' })
  .max(100, { error: 'An exercise name can be at most 100 characters.' });

/** Which side a one-sided exercise (side plank) was done on. */
export const EXERCISE_SIDES = ['left', 'right', 'both'] as const;
export const ExerciseSide = z.enum(EXERCISE_SIDES, { error: 'The side is left, right or both.' });
export type ExerciseSide = z.infer<typeof ExerciseSide>;

export const StrengthItem = z.object({
  exercise: ExerciseId,
  sets: z.number().int().min(1, { error: 'Sets must be at least 1.' }).max(100).optional(),
  reps: z.number().int().min(1, { error: 'Reps must be at least 1.' }).max(1000).optional(),
  holdS: z.number().int().min(1, { error: 'A hold is at least 1 second.' }).max(3600).optional(),
  minutes: z.number().min(0.5, { error: 'At least half a minute.' }).max(600).optional(),
  side: ExerciseSide.optional(),
});
export type StrengthItem = z.infer<typeof StrengthItem>;

const strengthFields = {
  date: IsoDate,
  time: ClockTime.optional(),
  durationMin: z
    .number()
    .positive({ error: 'The duration must be more than 0 minutes.' })
    .max(600, { error: 'The duration must be at most 600 minutes.' })
    .optional(),
  items: z
    .array(StrengthItem)
    .min(1, { error: 'Add at least one exercise.' })
    .max(100, { error: 'At most 100 exercises in one session.' }),
  notes: Notes.optional(),
};
export const StrengthSession = z.object({ id: Id, ...strengthFields, ...storedText, date: StoredDate });
export type StrengthSession = z.infer<typeof StrengthSession>;
export const StrengthSessionInput = z.object({ id: Id.optional(), ...strengthFields });
export type StrengthSessionInput = z.input<typeof StrengthSessionInput>;

export const CustomExercise = z.object({
  id: z.string().regex(/^own-[a-z0-9-]{1,80}$/),
  name: z.string().trim().min(1, { error: 'Give the exercise a name.' }).max(100),
  category: ExerciseCategory,
  dosing: Dosing,
  /** Deleted by the user while sessions still name it: kept so they do, left out of the pickers. */
  deleted: z.boolean().optional(),
});
export type CustomExercise = z.infer<typeof CustomExercise>;
export const CustomExerciseInput = CustomExercise.omit({ id: true, deleted: true }).extend({
  name: CustomExercise.shape.name.refine(plainText, PLAIN_TEXT_ERROR),
});
export type CustomExerciseInput = z.input<typeof CustomExerciseInput>;

export const RoutineStep = z.object({
  exercise: ExerciseId,
  sets: z.number().int().min(1).max(20).optional(),
  reps: z.number().int().min(1).max(200).optional(),
  holdS: z.number().int().min(1).max(600).optional(),
  minutes: z.number().min(0.5).max(120).optional(),
});
export const Routine = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  steps: z.array(RoutineStep).min(1).max(50),
});
export type Routine = z.infer<typeof Routine>;

/** A pair of running shoes. Runs name their shoe (the runs CSV's `shoe` column); the list adds the details. */
export const Shoe = z.object({
  id: Id,
  name: z.string().trim().min(1, { error: 'Give the shoe a name.' }).max(100, { error: 'At most 100 characters.' }),
  /** Brand and model, e.g. "Nike Pegasus 39". */
  model: ShortText.optional(),
  startDate: StoredDate.optional(),
  retireAtKm: z
    .number({ error: 'Enter a distance.' })
    .positive({ error: 'The retirement distance must be more than 0.' })
    .max(10000, { error: 'At most 10,000 km.' })
    .optional(),
  retired: z.boolean().default(false),
});
export type Shoe = z.infer<typeof Shoe>;

/** Opt-in reminders (shared/reminders.ts has the rule of when one is due). */
export const Reminders = z.object({
  pain: z
    .object({ enabled: z.boolean().default(false), time: ClockTime.default('08:00') })
    .default({ enabled: false, time: '08:00' }),
  core: z
    .object({
      enabled: z.boolean().default(false),
      time: ClockTime.default('18:00'),
      /** Weekdays, 0 = Sunday ... 6 = Saturday. */
      days: z.array(z.number().int().min(0).max(6)).max(7).default([1, 3, 5]),
    })
    .default({ enabled: false, time: '18:00', days: [1, 3, 5] }),
});
export type Reminders = z.infer<typeof Reminders>;
export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});

/** How the Report screen was last set up; kept with the settings, never in the log. */
export const REPORT_RANGE_CHOICES = ['4w', '8w', '12w', 'custom'] as const;
const reportSettingsFields = {
  range: z.enum(REPORT_RANGE_CHOICES),
  from: StoredDate,
  to: StoredDate,
  /** "Questions for my physio": free text printed on the report. */
  questions: z.string().max(5000, { error: 'The questions can be at most 5,000 characters.' }),
  /** Warning signs the runner ticked for the report (their texts, as shown in the app). */
  warningSigns: z.array(z.string().min(1).max(300)).max(20),
};
export const ReportSettings = z.object({
  ...reportSettingsFields,
  range: reportSettingsFields.range.default('12w'),
  from: reportSettingsFields.from.optional(),
  to: reportSettingsFields.to.optional(),
  questions: reportSettingsFields.questions.default(''),
  warningSigns: reportSettingsFields.warningSigns.default([]),
});
export type ReportSettings = z.infer<typeof ReportSettings>;
/** A change to some report settings; the rest stay as they are. */
export const ReportSettingsPatch = z.object(reportSettingsFields).partial().strict();

/** The settings a user changes one at a time, without defaults (see SettingsPatch). */
const userSettingFields = {
  /** The runner's name as printed on the report (optional). */
  name: z.string().trim().max(100, { error: 'The name can be at most 100 characters.' }),
  distanceUnit: z.enum(['km', 'mi']),
  /** 0 = Sunday ... 6 = Saturday, as date-fns counts. */
  weekStartsOn: z.number().int().min(0).max(6),
  theme: z.enum(['system', 'light', 'dark']),
  onboarded: z.boolean(),
  hasStabilityBall: z.boolean(),
  soundCues: z.boolean(),
  /** The shoe imported runs without one are given, by name. */
  defaultImportShoe: ShortText,
  /** A patch names the whole reminders object (the Settings section sends both reminders). */
  reminders: Reminders,
  /** Desktop app: start at login (in the background, for reminders). */
  openAtLogin: z.boolean(),
};

export const Settings = z.object({
  name: userSettingFields.name.default(''),
  report: ReportSettings.prefault({}),
  distanceUnit: userSettingFields.distanceUnit.default('km'),
  weekStartsOn: userSettingFields.weekStartsOn.default(1),
  theme: userSettingFields.theme.default('system'),
  onboarded: userSettingFields.onboarded.default(false),
  // Unticked until the person says they have one (the README's promise).
  hasStabilityBall: userSettingFields.hasStabilityBall.default(false),
  soundCues: userSettingFields.soundCues.default(true),
  customExercises: z.array(CustomExercise).max(500).default([]),
  routines: z.array(Routine).max(100).default([]),
  /** Absent until the free-text shoes of older logs have been gathered into the list (shared/shoes.ts). */
  shoes: z.array(Shoe).max(500).optional(),
  defaultImportShoe: userSettingFields.defaultImportShoe.optional(),
  reminders: userSettingFields.reminders.default(Reminders.parse({})),
  openAtLogin: userSettingFields.openAtLogin.default(false),
  windowBounds: WindowBounds.optional(),
});
export type Settings = z.infer<typeof Settings>;
/**
 * A change to some settings. Built from the fields without their defaults: zod 4's `.partial()`
 * keeps a field's `.default()`, so a patch made from Settings would carry every default and reset
 * every setting it did not name.
 */
export const SettingsPatch = z.object({ ...userSettingFields, report: ReportSettingsPatch }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export const DEFAULT_SETTINGS: Settings = Settings.parse({});

export const ENTRY_TYPES = ['run', 'pain', 'strength'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const Entry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), record: Run }),
  z.object({ type: z.literal('pain'), record: PainRating }),
  z.object({ type: z.literal('strength'), record: StrengthSession }),
]);
export type Entry = z.infer<typeof Entry>;

/** Oldest first by date, then id: the one order of records in files, exports and snapshots. */
export function byDateThenId(a: { date: string; id: string }, b: { date: string; id: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Where an entry sits in the journal: date, then time of day (none sorts as earliest), then id. */
export interface JournalKey {
  date: string;
  time: string;
  id: string;
}

export function journalKey(entry: Entry): JournalKey {
  return { date: entry.record.date, time: entryTime(entry) ?? '', id: entry.record.id };
}

/** The journal's order: newest first by date, then time, then id (so it is total and stable). */
export function compareKeysNewestFirst(a: JournalKey, b: JournalKey): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (a.time !== b.time) return a.time < b.time ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function compareEntriesNewestFirst(a: Entry, b: Entry): number {
  return compareKeysNewestFirst(journalKey(a), journalKey(b));
}

export function entryTime(entry: Entry): string | undefined {
  switch (entry.type) {
    case 'run':
      return entry.record.startTime;
    case 'pain':
      return entry.record.time;
    case 'strength':
      return entry.record.time;
  }
}
