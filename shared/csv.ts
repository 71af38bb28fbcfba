// The CSV format of Backstride's exports and the mapping of CSV rows back to records.
// Pure: no I/O and no node: imports, because the renderer bundles this file too. Reading
// bytes, decoding and splitting text into rows is main/files/csvImport.ts's job.
import Papa from 'papaparse';
import { customExerciseId, exerciseCategory, exerciseName, findExercise } from './exercises';
import type { WeekSummary } from './insights/types';
import {
  EXERCISE_CATEGORIES,
  PAIN_KINDS,
  PAIN_LOCATIONS,
  PAIN_SIDES,
  PAIN_TIMINGS,
  PainRatingInput,
  RUN_SOURCES,
  RunInput,
  StrengthSessionInput,
  SURFACES,
  type CustomExercise,
  type PainRating,
  type Run,
  type StrengthSession,
} from './model';
import { parseDuration } from './units';

// ---------------------------------------------------------------------------------------------
// Columns: the documented, stable format. New columns may only ever be appended.

export const CSV_COLUMNS = {
  runs: [
    'id',
    'date',
    'start_time',
    'distance_km',
    'duration_s',
    'effort',
    'surface',
    'shoe',
    'avg_hr',
    'source',
    'notes',
    'source_id',
  ],
  pain: ['id', 'date', 'time', 'score', 'location', 'side', 'kind', 'timing', 'run_id', 'notes'],
  strength: [
    'session_id',
    'date',
    'exercise',
    'category',
    'sets',
    'reps',
    'hold_s',
    'duration_min',
    'notes',
    'time',
    'minutes',
  ],
  weekly: ['week_start', 'core_sessions', 'runs', 'run_km', 'mean_back_pain', 'max_back_pain', 'pain_days'],
} as const;

export type CsvKind = keyof typeof CSV_COLUMNS;
export const CSV_KINDS = ['runs', 'pain', 'strength', 'weekly'] as const satisfies readonly CsvKind[];

/** What a file turned out to be; 'unknown' when it could not be recognised at all. */
export type ImportKind = CsvKind | 'strava' | 'gpx' | 'tcx' | 'fit' | 'unknown';

export interface ImportIssue {
  /** The file's base name (for files inside an archive: "archive.zip/inner.csv"). */
  file: string;
  /** Row as a spreadsheet numbers it: the header is row 1. Absent for whole-file problems. */
  row?: number;
  /** The CSV column's name as written in the file's header. */
  column?: string;
  /** A complete sentence that names the file (and row and column) and says what is wrong. */
  message: string;
}

export interface ParsedImport {
  kind: ImportKind;
  file: string;
  runs: Run[];
  pain: PainRating[];
  strength: StrengthSession[];
  /** Rows or files that could not be imported. */
  errors: ImportIssue[];
  /** Imported, but something was left out or guessed (e.g. an out-of-range optional value). */
  warnings: ImportIssue[];
  /** Data rows that produced no record: invalid rows, and rows that are not runs (Strava). */
  skippedRows: number;
  /** Exercises named in a strength file that the log does not know yet, with the file's category. */
  exercises: CustomExercise[];
}

export function emptyImport(kind: ImportKind, file: string): ParsedImport {
  return { kind, file, runs: [], pain: [], strength: [], errors: [], warnings: [], skippedRows: 0, exercises: [] };
}

/** Builds an issue whose message can be shown on its own. */
export function makeIssue(file: string, reason: string, row?: number, column?: string): ImportIssue {
  const where = [file];
  if (row !== undefined) where.push(`row ${row}`);
  if (column !== undefined) where.push(`column ${column}`);
  const issue: ImportIssue = { file, message: `${where.join(', ')}: ${reason}` };
  if (row !== undefined) issue.row = row;
  if (column !== undefined) issue.column = column;
  return issue;
}

// ---------------------------------------------------------------------------------------------
// Formula injection (OWASP "CSV injection"). A spreadsheet runs a cell that starts with one of
// these characters as a formula; a leading apostrophe makes it show the text instead. The
// full-width forms are included because some spreadsheets normalise them to the ASCII ones.

const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const GUARDED = /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Adds an apostrophe to a free-text cell a spreadsheet would run as a formula. Text that already
 * starts with apostrophes before a trigger gets one more, so that unguardFormula is its exact
 * inverse for every string (a note that really begins with `'=` survives a round trip).
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes guardFormula: removes the one apostrophe it added, and nothing else. */
export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

// ---------------------------------------------------------------------------------------------
// Export

/** Dot decimals, no exponent, no trailing zeros; at most `maxDecimals` decimals. */
export function formatCsvNumber(value: number | null | undefined, maxDecimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  // toFixed never uses exponent notation below 1e21, unlike String(); our values are far smaller.
  let text = value.toFixed(maxDecimals);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}

const KM_DECIMALS = 6; // a millimetre: more than any GPS can tell, and exact for typed-in values
const MINUTE_DECIMALS = 6;

function text(value: string | undefined): string {
  return value === undefined ? '' : guardFormula(value);
}

function plain(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}

export interface ToCsvOptions {
  /** Prefix a UTF-8 byte-order mark so Excel reads the file as UTF-8 (default true). */
  bom?: boolean;
  /** The user's own exercises, for their names and categories in the strength CSV. */
  customExercises?: readonly CustomExercise[];
}

export function toCsv(kind: 'runs', records: readonly Run[], options?: ToCsvOptions): string;
export function toCsv(kind: 'pain', records: readonly PainRating[], options?: ToCsvOptions): string;
export function toCsv(kind: 'strength', records: readonly StrengthSession[], options?: ToCsvOptions): string;
export function toCsv(kind: 'weekly', records: readonly WeekSummary[], options?: ToCsvOptions): string;
export function toCsv(
  kind: CsvKind,
  records: readonly Run[] | readonly PainRating[] | readonly StrengthSession[] | readonly WeekSummary[],
  options: ToCsvOptions = {},
): string {
  const rows = csvRows(kind, records, options.customExercises ?? []);
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS[kind]], data: rows },
    // Quote only where needed (comma, quote, CR, LF, edge spaces); formulas are handled above,
    // because papaparse's escapeFormulae misses line breaks and the full-width forms.
    { quotes: false, quoteChar: '"', escapeChar: '"', delimiter: ',', newline: '\r\n', escapeFormulae: false },
  );
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

function csvRows(
  kind: CsvKind,
  records: readonly Run[] | readonly PainRating[] | readonly StrengthSession[] | readonly WeekSummary[],
  custom: readonly CustomExercise[],
): string[][] {
  switch (kind) {
    case 'runs':
      return (records as readonly Run[]).map((r) => [
        r.id,
        r.date,
        plain(r.startTime),
        formatCsvNumber(r.distanceKm, KM_DECIMALS),
        formatCsvNumber(r.durationS, 0),
        formatCsvNumber(r.effort, 0),
        plain(r.surface),
        text(r.shoe),
        formatCsvNumber(r.avgHr, 0),
        r.source,
        text(r.notes),
        text(r.sourceId),
      ]);
    case 'pain':
      return (records as readonly PainRating[]).map((p) => [
        p.id,
        p.date,
        plain(p.time),
        formatCsvNumber(p.score, 0),
        p.location,
        p.side,
        p.kind,
        p.timing,
        plain(p.runId),
        text(p.notes),
      ]);
    case 'strength':
      // One row per exercise; the session's own fields are repeated so each row stands alone.
      return (records as readonly StrengthSession[]).flatMap((s) =>
        s.items.map((item) => [
          s.id,
          s.date,
          text(exerciseName(item.exercise, custom)),
          exerciseCategory(item.exercise, custom),
          formatCsvNumber(item.sets, 0),
          formatCsvNumber(item.reps, 0),
          formatCsvNumber(item.holdS, 0),
          formatCsvNumber(s.durationMin, MINUTE_DECIMALS),
          text(s.notes),
          plain(s.time),
          formatCsvNumber(item.minutes, MINUTE_DECIMALS),
        ]),
      );
    case 'weekly':
      return (records as readonly WeekSummary[]).map((w) => [
        w.weekStart,
        formatCsvNumber(w.coreSessions, 0),
        formatCsvNumber(w.runs, 0),
        formatCsvNumber(w.runKm, 3),
        formatCsvNumber(w.meanBackPain, 2),
        formatCsvNumber(w.maxBackPain, 0),
        formatCsvNumber(w.painDays, 0),
      ]);
  }
}

// ---------------------------------------------------------------------------------------------
// Import

/** Header names are matched without BOM, case or surrounding space; spaces and dashes read as _. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const REQUIRED_COLUMNS: Record<CsvKind, readonly string[]> = {
  weekly: ['week_start'],
  strength: ['date', 'exercise'],
  pain: ['date', 'score'],
  runs: ['date', 'distance_km', 'duration_s'],
};
const DETECTION_ORDER: readonly CsvKind[] = ['weekly', 'strength', 'pain', 'runs'];

/** Which of our CSV kinds a header row is, or undefined. Column order does not matter. */
export function detectCsvKind(header: readonly string[]): CsvKind | undefined {
  const names = new Set(header.map(normaliseHeader));
  return DETECTION_ORDER.find((kind) => REQUIRED_COLUMNS[kind].every((c) => names.has(c)));
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Plain words on why a header was not recognised, naming what is missing for the nearest kind. */
export function unknownHeaderReason(header: readonly string[]): string {
  const names = new Set(header.map(normaliseHeader).filter((n) => n !== ''));
  if (names.size === 0) return 'the first row is empty, so the columns are unknown.';
  let best: { kind: CsvKind; hits: number } | undefined;
  for (const kind of DETECTION_ORDER) {
    // Columns every kind shares say nothing about which kind was meant.
    const hits = CSV_COLUMNS[kind].filter((c) => names.has(c) && c !== 'date' && c !== 'notes' && c !== 'id').length;
    if (hits > 0 && (best === undefined || hits > best.hits)) best = { kind, hits };
  }
  if (best !== undefined) {
    const missing = REQUIRED_COLUMNS[best.kind].filter((c) => !names.has(c));
    return `this looks like a ${best.kind} file but the header row lacks the column${missing.length > 1 ? 's' : ''} ${listWords(missing)}.`;
  }
  return (
    'the header row was not recognised. Backstride reads a runs file (columns date, distance_km, duration_s), ' +
    'a pain file (date, score), a strength file (date, exercise) or a Strava activities.csv.'
  );
}

export interface FromCsvOptions {
  /** Accept "10,5" as 10.5 (only sensible when the separator is ';'). */
  decimalComma?: boolean;
  /** The user's own exercises, so their names map back to their ids. */
  customExercises?: readonly CustomExercise[];
  /** Id for a row with an empty id; defaults to crypto.randomUUID() (browsers and Node 20). */
  newId?: () => string;
}

type Cells = readonly string[];

/** Reads one row's cells by column name, recording a problem for every cell it cannot read. */
class RowReader {
  readonly issues: ImportIssue[] = [];
  private readonly flagged = new Set<string>();

  constructor(
    private readonly file: string,
    readonly rowNumber: number,
    private readonly cells: Cells,
    private readonly columns: ReadonlyMap<string, { index: number; name: string }>,
    private readonly decimalComma: boolean,
  ) {}

  /** The header's own spelling, for messages. */
  columnName(column: string): string {
    return this.columns.get(column)?.name ?? column;
  }

  fail(column: string, reason: string): void {
    if (this.flagged.has(column)) return;
    this.flagged.add(column);
    this.issues.push(makeIssue(this.file, reason, this.rowNumber, this.columnName(column)));
  }

  hasIssue(column: string): boolean {
    return this.flagged.has(column);
  }

  private raw(column: string): string | undefined {
    const at = this.columns.get(column);
    return at === undefined ? undefined : this.cells[at.index];
  }

  /** A value such as a date, id or enum: surrounding spaces are ignored; empty is missing. */
  plain(column: string): string | undefined {
    const value = this.raw(column)?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /** Free text: kept exactly as written (minus our formula guard); empty is missing. */
  text(column: string): string | undefined {
    const value = this.raw(column);
    return value === undefined || value === '' ? undefined : unguardFormula(value);
  }

  number(column: string): number | undefined {
    let value = this.plain(column);
    if (value === undefined) return undefined;
    if (this.decimalComma && /^[+-]?\d*,\d+$/.test(value)) value = value.replace(',', '.');
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value)) {
      this.fail(column, `"${value}" is not a number${this.decimalComma ? '' : ' (use a dot for decimals)'}.`);
      return undefined;
    }
    return Number(value);
  }

  /** Seconds, or h:mm:ss / mm:ss as a spreadsheet may format a duration. */
  seconds(column: string): number | undefined {
    const value = this.plain(column);
    if (value !== undefined && value.includes(':')) {
      const seconds = parseDuration(value);
      if (seconds === undefined) this.fail(column, `"${value}" is not a duration in seconds or h:mm:ss.`);
      return seconds;
    }
    return this.number(column);
  }

  /** HH:MM; also takes H:MM and HH:MM:SS, which spreadsheets like to produce. */
  clock(column: string): string | undefined {
    const value = this.plain(column);
    if (value === undefined) return undefined;
    const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value);
    return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : value;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[], aliases: Record<string, T> = {}): T | undefined {
    const value = this.plain(column);
    if (value === undefined) return undefined;
    const key = value.toLowerCase().replace(/[\s-]+/g, '_');
    const found = allowed.find((a) => a === key) ?? aliases[key];
    if (found === undefined) this.fail(column, `"${value}" is not one of ${allowed.join(', ')}.`);
    return found;
  }
}

/** Maps a schema field to the CSV column it comes from, for messages. */
type FieldColumns = Record<string, string>;
const RUN_FIELDS: FieldColumns = {
  id: 'id',
  date: 'date',
  startTime: 'start_time',
  distanceKm: 'distance_km',
  durationS: 'duration_s',
  effort: 'effort',
  surface: 'surface',
  shoe: 'shoe',
  avgHr: 'avg_hr',
  source: 'source',
  notes: 'notes',
  sourceId: 'source_id',
};
const PAIN_FIELDS: FieldColumns = {
  id: 'id',
  date: 'date',
  time: 'time',
  score: 'score',
  location: 'location',
  side: 'side',
  kind: 'kind',
  timing: 'timing',
  runId: 'run_id',
  notes: 'notes',
};
const SESSION_FIELDS: FieldColumns = {
  id: 'session_id',
  date: 'date',
  time: 'time',
  durationMin: 'duration_min',
  notes: 'notes',
  items: 'exercise',
};
const ITEM_FIELDS: FieldColumns = {
  exercise: 'exercise',
  sets: 'sets',
  reps: 'reps',
  holdS: 'hold_s',
  minutes: 'minutes',
};

interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * A pace cannot be judged when the distance or duration itself is invalid (0 km gives an
 * infinite pace), so the pace complaint is dropped then: it would only echo that problem.
 */
export function withoutPaceEcho<T extends { path: readonly PropertyKey[]; code: string }>(issues: readonly T[]): T[] {
  const inputBad = issues.some((i) => i.path[0] === 'distanceKm' || (i.path[0] === 'durationS' && i.code !== 'custom'));
  return inputBad ? issues.filter((i) => !(i.code === 'custom' && i.path[0] === 'durationS')) : [...issues];
}

function reportSchemaIssues(reader: RowReader, issues: readonly SchemaIssue[], fields: FieldColumns): void {
  for (const issue of issues) {
    const field = issue.path[0];
    const column = typeof field === 'string' ? (fields[field] ?? field) : 'id';
    // A cell that could not be read already has its message; the schema's "required" adds nothing.
    if (!reader.hasIssue(column)) reader.fail(column, issue.message);
  }
}

const SIDE_ALIASES: Record<string, 'centre'> = { center: 'centre', middle: 'centre' };

/**
 * Maps parsed CSV rows (rows[0] is the header) to records. Rows are validated with the model's
 * schemas; an invalid row is skipped and reported, the others are kept.
 *
 * Strength rows are grouped into sessions by session_id. Rows without a session_id are grouped
 * by date and time, so a hand-made sheet with one row per exercise becomes one session per
 * date (and time, when given). A session with any invalid row is skipped whole, so no session
 * is imported with exercises missing.
 */
export function fromCsvRows(rows: readonly Cells[], file: string, options: FromCsvOptions = {}): ParsedImport {
  const header = rows[0];
  if (header === undefined || header.every((cell) => cell.trim() === '')) {
    const result = emptyImport('unknown', file);
    result.errors.push(makeIssue(file, 'the file is empty.'));
    return result;
  }
  const kind = detectCsvKind(header);
  if (kind === undefined) {
    const result = emptyImport('unknown', file);
    result.errors.push(makeIssue(file, unknownHeaderReason(header)));
    return result;
  }
  const result = emptyImport(kind, file);
  if (kind === 'weekly') {
    result.errors.push(
      makeIssue(
        file,
        'this is a weekly summary export, which cannot be imported: it is worked out from your runs, pain ratings and sessions. Import the runs, pain or strength CSV instead.',
      ),
    );
    return result;
  }

  const columns = new Map<string, { index: number; name: string }>();
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    // The first column of a name wins; a repeated column is ignored like any extra column.
    if (key !== '' && !columns.has(key)) columns.set(key, { index, name: name.replace(/^\uFEFF/, '').trim() });
  });
  const newId = options.newId ?? (() => crypto.randomUUID());
  const readers: RowReader[] = [];
  rows.forEach((cells, index) => {
    if (index === 0 || cells.every((cell) => cell.trim() === '')) return; // blank lines are not data
    readers.push(new RowReader(file, index + 1, cells, columns, options.decimalComma ?? false));
  });

  const custom = options.customExercises ?? [];
  if (kind === 'runs') mapRuns(readers, newId, result);
  else if (kind === 'pain') mapPain(readers, newId, result);
  else mapStrength(readers, newId, custom, result);
  return result;
}

/** Reports the second and later rows that reuse an id, which would overwrite each other. */
function checkDuplicateId(reader: RowReader, id: string | undefined, seen: Map<string, number>): void {
  if (id === undefined) return;
  const first = seen.get(id);
  if (first !== undefined) reader.fail('id', `this id is already used on row ${first}.`);
  else seen.set(id, reader.rowNumber);
}

function mapRuns(readers: readonly RowReader[], newId: () => string, result: ParsedImport): void {
  const seen = new Map<string, number>();
  for (const r of readers) {
    const id = r.plain('id');
    checkDuplicateId(r, id, seen);
    const candidate = {
      id: id ?? newId(),
      date: r.plain('date'),
      startTime: r.clock('start_time'),
      distanceKm: r.number('distance_km'),
      durationS: r.seconds('duration_s'),
      effort: r.number('effort'),
      surface: r.oneOf('surface', SURFACES),
      shoe: r.text('shoe'),
      avgHr: r.number('avg_hr'),
      // A spreadsheet of runs typed in elsewhere has no source column: it came from a CSV.
      source: r.oneOf('source', RUN_SOURCES) ?? 'csv',
      notes: r.text('notes'),
      sourceId: r.text('source_id'),
    };
    // The input schema, not the stored one: an import is new input, so future dates are refused.
    const parsed = RunInput.safeParse(candidate);
    if (!parsed.success) reportSchemaIssues(r, withoutPaceEcho(parsed.error.issues), RUN_FIELDS);
    if (r.issues.length > 0 || !parsed.success) {
      result.errors.push(...r.issues);
      result.skippedRows += 1;
    } else {
      result.runs.push({ ...parsed.data, id: candidate.id });
    }
  }
}

function mapPain(readers: readonly RowReader[], newId: () => string, result: ParsedImport): void {
  const seen = new Map<string, number>();
  for (const r of readers) {
    const id = r.plain('id');
    checkDuplicateId(r, id, seen);
    const candidate = {
      id: id ?? newId(),
      date: r.plain('date'),
      time: r.clock('time'),
      score: r.number('score'),
      location: r.oneOf('location', PAIN_LOCATIONS),
      side: r.oneOf('side', PAIN_SIDES, SIDE_ALIASES),
      kind: r.oneOf('kind', PAIN_KINDS),
      timing: r.oneOf('timing', PAIN_TIMINGS),
      runId: r.plain('run_id'),
      notes: r.text('notes'),
    };
    const parsed = PainRatingInput.safeParse(candidate);
    if (!parsed.success) reportSchemaIssues(r, parsed.error.issues, PAIN_FIELDS);
    if (r.issues.length > 0 || !parsed.success) {
      result.errors.push(...r.issues);
      result.skippedRows += 1;
    } else {
      result.pain.push({ ...parsed.data, id: candidate.id });
    }
  }
}

interface SessionGroup {
  id: string | undefined;
  rows: RowReader[];
}

function mapStrength(
  readers: readonly RowReader[],
  newId: () => string,
  custom: readonly CustomExercise[],
  result: ParsedImport,
): void {
  const groups = new Map<string, SessionGroup>();
  const known = [...custom];
  /** A name not in the catalogue becomes the user's own exercise, keeping the file's category. */
  const exerciseIdFor = (name: string, r: RowReader): string => {
    const found = findExercise(name, known);
    if (found) return found.id;
    const category = r.oneOf('category', EXERCISE_CATEGORIES);
    // "other" is also what any unknown name exports as, so it says nothing: keep the name.
    if (category === undefined || category === 'other') return name;
    const id = customExerciseId(name);
    if (known.some((e) => e.id === id)) return name; // another name already has this id
    const dosing = r.number('minutes') !== undefined ? 'minutes' : r.number('reps') !== undefined ? 'reps' : 'hold';
    const exercise: CustomExercise = { id, name, category, dosing };
    known.push(exercise);
    result.exercises.push(exercise);
    return exercise.id;
  };
  for (const r of readers) {
    const id = r.plain('session_id');
    const key = id !== undefined ? `id:${id}` : `at:${r.plain('date') ?? ''}|${r.clock('time') ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { id, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(r);
  }

  for (const group of groups.values()) {
    const first = group.rows[0]!;
    // Session fields are repeated on every row; the first filled-in cell counts.
    const pick = <T>(read: (r: RowReader) => T | undefined): T | undefined => {
      for (const r of group.rows) {
        const value = read(r);
        if (value !== undefined) return value;
      }
      return undefined;
    };
    const date = first.plain('date');
    for (const r of group.rows.slice(1)) {
      const other = r.plain('date');
      if (other !== undefined && other !== date) {
        r.fail('date', `this row has the same session_id as row ${first.rowNumber} but a different date.`);
      }
    }
    const items = group.rows.map((r) => {
      const name = r.text('exercise')?.trim();
      return {
        exercise: name === undefined ? undefined : exerciseIdFor(name, r),
        sets: r.number('sets'),
        reps: r.number('reps'),
        holdS: r.number('hold_s'),
        minutes: r.number('minutes'),
      };
    });
    const candidate = {
      id: group.id ?? newId(),
      date,
      time: pick((r) => r.clock('time')),
      durationMin: pick((r) => r.number('duration_min')),
      notes: pick((r) => r.text('notes')),
      items,
    };
    const parsed = StrengthSessionInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, index, itemField] = issue.path;
        if (field === 'items' && typeof index === 'number' && group.rows[index] !== undefined) {
          const column = typeof itemField === 'string' ? (ITEM_FIELDS[itemField] ?? itemField) : 'exercise';
          reportSchemaIssues(group.rows[index], [{ path: [column], message: issue.message }], {});
        } else {
          reportSchemaIssues(first, [issue], SESSION_FIELDS);
        }
      }
    }
    const problems = group.rows.flatMap((r) => r.issues);
    if (problems.length > 0 || !parsed.success) {
      if (problems.length === 0)
        result.errors.push(makeIssue(result.file, 'this session is not valid.', first.rowNumber));
      result.errors.push(...problems);
      result.skippedRows += group.rows.length;
    } else {
      result.strength.push({ ...parsed.data, id: candidate.id });
    }
  }
  // Groups are visited by session, not by line: list the problems in file order.
  result.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
