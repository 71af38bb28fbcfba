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
const Notes = z.string().max(5000, { error: 'Notes can be at most 5,000 characters.' });
const ShortText = z.string().trim().max(100, { error: 'At most 100 characters.' });

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
  sourceId: z.string().max(200).optional(),
};

type Paced = { distanceKm: number; durationS: number };
const paceOf = (run: Paced): number => run.durationS / run.distanceKm;

/**
 * The plausible-pace rule, reported on the duration field. Two plain refinements rather than one
 * superRefine: zod then allocates nothing per valid record, which matters for large imports.
 */
function withPaceCheck<T extends z.ZodType<Paced>>(schema: T) {
  return schema
    .refine((run) => paceOf(run) >= MIN_PACE_S_PER_KM, {
      path: ['durationS'],
      message: 'That is faster than any human can run this distance: check the duration and distance.',
    })
    .refine((run) => paceOf(run) <= MAX_PACE_S_PER_KM, {
      path: ['durationS'],
      message: 'That is slower than 60 min per km: check the duration and distance.',
    });
}

export const Run = withPaceCheck(z.object({ id: Id, ...runFields, date: StoredDate }));
export type Run = z.infer<typeof Run>;
export const RunInput = withPaceCheck(z.object({ id: Id.optional(), ...runFields }));
export type RunInput = z.input<typeof RunInput>;

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
export const PainRating = z.object({ id: Id, ...painFields, date: StoredDate });
export type PainRating = z.infer<typeof PainRating>;
export const PainRatingInput = z.object({ id: Id.optional(), ...painFields });
export type PainRatingInput = z.input<typeof PainRatingInput>;

export const ExerciseId = z
  .string()
  .trim()
  .min(1, { error: 'Choose an exercise.' })
  .max(100, { error: 'An exercise name can be at most 100 characters.' });

export const StrengthItem = z.object({
  exercise: ExerciseId,
  sets: z.number().int().min(1, { error: 'Sets must be at least 1.' }).max(100).optional(),
  reps: z.number().int().min(1, { error: 'Reps must be at least 1.' }).max(1000).optional(),
  holdS: z.number().int().min(1, { error: 'A hold is at least 1 second.' }).max(3600).optional(),
  minutes: z.number().min(0.5, { error: 'At least half a minute.' }).max(600).optional(),
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
export const StrengthSession = z.object({ id: Id, ...strengthFields, date: StoredDate });
export type StrengthSession = z.infer<typeof StrengthSession>;
export const StrengthSessionInput = z.object({ id: Id.optional(), ...strengthFields });
export type StrengthSessionInput = z.input<typeof StrengthSessionInput>;

export const CustomExercise = z.object({
  id: z.string().regex(/^own-[a-z0-9-]{1,80}$/),
  name: z.string().trim().min(1, { error: 'Give the exercise a name.' }).max(100),
  category: ExerciseCategory,
  dosing: Dosing,
});
export type CustomExercise = z.infer<typeof CustomExercise>;
export const CustomExerciseInput = CustomExercise.omit({ id: true });
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

export const Settings = z.object({
  distanceUnit: z.enum(['km', 'mi']).default('km'),
  /** 0 = Sunday ... 6 = Saturday, as date-fns counts. */
  weekStartsOn: z.number().int().min(0).max(6).default(1),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  onboarded: z.boolean().default(false),
  // Unticked until the person says they have one (the README's promise).
  hasStabilityBall: z.boolean().default(false),
  soundCues: z.boolean().default(true),
  customExercises: z.array(CustomExercise).max(500).default([]),
  routines: z.array(Routine).max(100).default([]),
  /** Absent until the free-text shoes of older logs have been gathered into the list (shared/shoes.ts). */
  shoes: z.array(Shoe).max(500).optional(),
  /** The shoe imported runs without one are given, by name. */
  defaultImportShoe: ShortText.optional(),
  reminders: Reminders.default(Reminders.parse({})),
  /** Desktop app: start at login (in the background, for reminders). */
  openAtLogin: z.boolean().default(false),
  windowBounds: WindowBounds.optional(),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.pick({
  distanceUnit: true,
  weekStartsOn: true,
  theme: true,
  onboarded: true,
  hasStabilityBall: true,
  soundCues: true,
  defaultImportShoe: true,
  reminders: true,
  openAtLogin: true,
}).partial();
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

/** Newest first: by date, then time, then id, so the order is stable. */
export function compareEntriesNewestFirst(a: Entry, b: Entry): number {
  const ad = a.record.date;
  const bd = b.record.date;
  if (ad !== bd) return ad < bd ? 1 : -1;
  const at = entryTime(a) ?? '';
  const bt = entryTime(b) ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  return a.record.id < b.record.id ? 1 : a.record.id > b.record.id ? -1 : 0;
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
