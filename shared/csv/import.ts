// The importer: CSV rows (split from text by main/files/csvImport.ts) mapped back to records and
// validated with the model's input schemas; every row that cannot be used is reported.
// Pure: no I/O and no node: imports, because the renderer bundles this file too.
import { z } from 'zod';
import { customExerciseId, findExercise } from '../exercises';
import {
  compileRunInput,
  EXERCISE_CATEGORIES,
  EXERCISE_SIDES,
  PAIN_KINDS,
  PAIN_LOCATIONS,
  PAIN_SIDES,
  PAIN_TIMINGS,
  PainRatingInput,
  RUN_SOURCES,
  type RunInput,
  StrengthSessionInput,
  SURFACES,
  type CustomExercise,
} from '../model';
import { parseDuration } from '../units';
import {
  CSV_COLUMNS,
  emptyImport,
  makeIssue,
  unguardFormula,
  type CsvKind,
  type ImportIssue,
  type ParsedImport,
} from './types';

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

/** A column as the rows are read: where it is and how the header spells it (for messages). */
interface Column {
  /** The normalised name, as CSV_COLUMNS has it. */
  readonly key: string;
  /** Position in each row; -1 when the file does not have the column. */
  readonly index: number;
  readonly name: string;
}

/** What all rows of one file share: its columns and how numbers are written. */
interface FileLayout {
  file: string;
  /** The header's columns by normalised name. */
  columns: ReadonlyMap<string, Column>;
  decimalComma: boolean;
}

/** The column of this name, or one that is never filled in when the file does not have it. */
function columnOf(layout: FileLayout, key: string): Column {
  return layout.columns.get(key) ?? { key, index: -1, name: key };
}

type ColumnsOf<K extends CsvKind> = Record<(typeof CSV_COLUMNS)[K][number], Column>;

/** The columns of one kind looked up once per file, so each row reads its cells by position. */
function columnsFor<K extends CsvKind>(layout: FileLayout, kind: K): ColumnsOf<K> {
  const columns: Record<string, Column> = {};
  for (const key of CSV_COLUMNS[kind]) columns[key] = columnOf(layout, key);
  return columns as ColumnsOf<K>;
}

const NO_ISSUES: readonly ImportIssue[] = [];

/** 10 ** n for the fraction digits plainDecimal reads itself (all exact doubles). */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number a plain decimal ([+-], digits with at most one dot, at least one digit) writes, or
 * undefined for anything else: what Number() reads the same everywhere. Checking and reading are
 * one pass (14 ms instead of 19 ms for the 320,000 numbers of 100,000 runs). Up to 15 digits, the
 * digits as a whole number and the power of ten are both exact doubles, so their quotient is the
 * correctly rounded value, which is what Number() returns too; longer ones go to Number().
 */
function plainDecimal(value: string): number | undefined {
  const first = value.charCodeAt(0);
  let digits = 0;
  let whole = 0;
  let fractionDigits = -1; // -1 until the dot
  for (let i = first === 43 || first === 45 ? 1 : 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      digits += 1;
      whole = whole * 10 + (code - 48);
      if (fractionDigits >= 0) fractionDigits += 1;
    } else if (code === 46 && fractionDigits < 0) fractionDigits = 0;
    else return undefined;
  }
  if (digits === 0) return undefined;
  if (digits > 15) return Number(value);
  const magnitude = fractionDigits > 0 ? whole / POWERS_OF_TEN[fractionDigits]! : whole;
  return first === 45 ? -magnitude : magnitude;
}

/** Whether trim() would leave the value as it is: its ends are visible ASCII (most cells). */
function hasPlainEnds(value: string): boolean {
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/** A cell read as a plain value (see RowReader.plain): trimmed, and empty is missing. */
function plainValue(cell: string | undefined): string | undefined {
  if (cell === undefined || cell === '') return undefined;
  if (hasPlainEnds(cell)) return cell;
  const value = cell.trim();
  return value === '' ? undefined : value;
}

/** HH:MM exactly, which is how our own export (and most sheets) write a time. */
function isHhMm(value: string): boolean {
  return (
    value.length === 5 &&
    value.charCodeAt(2) === 58 &&
    isDigitAt(value, 0) &&
    isDigitAt(value, 1) &&
    isDigitAt(value, 3) &&
    isDigitAt(value, 4)
  );
}

function isDigitAt(value: string, at: number): boolean {
  const code = value.charCodeAt(at);
  return code >= 48 && code <= 57;
}

/**
 * Reads one row's cells by column, recording a problem for every cell it cannot read.
 * A file can have 100,000 rows, so a row that reads cleanly costs this one small object: the
 * lists of problems are only made when there is a problem.
 */
class RowReader {
  private found: ImportIssue[] | undefined;
  /** Columns that already have a problem, so each column is reported once. */
  private flagged: string[] | undefined;

  constructor(
    private readonly layout: FileLayout,
    readonly rowNumber: number,
    private readonly cells: Cells,
  ) {}

  get issues(): readonly ImportIssue[] {
    return this.found ?? NO_ISSUES;
  }

  /** A column by name, also one the file does not have (for the schema's messages). */
  column(key: string): Column {
    return columnOf(this.layout, key);
  }

  fail(column: Column, reason: string): void {
    if (this.hasIssue(column)) return;
    (this.flagged ??= []).push(column.key);
    (this.found ??= []).push(makeIssue(this.layout.file, reason, this.rowNumber, column.name));
  }

  hasIssue(column: Column): boolean {
    return this.flagged !== undefined && this.flagged.includes(column.key);
  }

  private raw(column: Column): string | undefined {
    return column.index < 0 ? undefined : this.cells[column.index];
  }

  /** A value such as a date, id or enum: surrounding spaces are ignored; empty is missing. */
  plain(column: Column): string | undefined {
    return plainValue(this.raw(column));
  }

  /** Free text: kept exactly as written (minus our formula guard); empty is missing. */
  text(column: Column): string | undefined {
    const value = this.raw(column);
    return value === undefined || value === '' ? undefined : unguardFormula(value);
  }

  number(column: Column): number | undefined {
    return this.numberIn(column, this.plain(column));
  }

  /** `trimmed` is the cell as plain() reads it. */
  private numberIn(column: Column, trimmed: string | undefined): number | undefined {
    let value = trimmed;
    if (value === undefined) return undefined;
    const decimalComma = this.layout.decimalComma;
    if (decimalComma && /^[+-]?\d*,\d+$/.test(value)) value = value.replace(',', '.');
    const number = plainDecimal(value);
    if (number === undefined) {
      this.fail(column, `"${value}" is not a number${decimalComma ? '' : ' (use a dot for decimals)'}.`);
    }
    return number;
  }

  /** Seconds, or h:mm:ss / mm:ss as a spreadsheet may format a duration. */
  seconds(column: Column): number | undefined {
    const value = this.plain(column);
    if (value !== undefined && value.includes(':')) {
      const seconds = parseDuration(value);
      if (seconds === undefined) this.fail(column, `"${value}" is not a duration in seconds or h:mm:ss.`);
      return seconds;
    }
    return this.numberIn(column, value);
  }

  /** HH:MM; also takes H:MM and HH:MM:SS, which spreadsheets like to produce. */
  clock(column: Column): string | undefined {
    const value = this.plain(column);
    if (value === undefined || isHhMm(value)) return value;
    const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value);
    return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : value;
  }

  oneOf<T extends string>(column: Column, allowed: readonly T[], aliases: Record<string, T> = {}): T | undefined {
    const value = this.plain(column);
    if (value === undefined) return undefined;
    // Most cells are written exactly as the value (our own export always is).
    const exact = allowed.indexOf(value as T);
    if (exact >= 0) return allowed[exact];
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
  side: 'side',
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
    const column = reader.column(typeof field === 'string' ? (fields[field] ?? field) : 'id');
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

  const columns = new Map<string, Column>();
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    // The first column of a name wins; a repeated column is ignored like any extra column.
    if (key !== '' && !columns.has(key)) columns.set(key, { key, index, name: name.replace(/^\uFEFF/, '').trim() });
  });
  const layout: FileLayout = { file, columns, decimalComma: options.decimalComma ?? false };
  const newId = options.newId ?? (() => crypto.randomUUID());
  const custom = options.customExercises ?? [];
  if (kind === 'runs') mapRuns(rows, layout, newId, result);
  else if (kind === 'pain') mapPain(rows, layout, newId, result);
  else mapStrength(rows, layout, newId, custom, result);
  return result;
}

function isBlankRow(cells: Cells): boolean {
  for (const cell of cells) if (cell !== '' && (hasPlainEnds(cell) || cell.trim() !== '')) return false;
  return true;
}

/** Calls `read` with a reader for every data row; blank lines are not data but keep their number. */
function forEachDataRow(rows: readonly Cells[], layout: FileLayout, read: (r: RowReader) => void): void {
  for (let index = 1; index < rows.length; index += 1) {
    const cells = rows[index]!;
    if (!isBlankRow(cells)) read(new RowReader(layout, index + 1, cells));
  }
}

/**
 * The model's input schemas, compiled by zod on first use. Every row of an import is validated,
 * and the compiled form checks a valid row several times faster; on an invalid one it falls back
 * to the schema itself, so the problems reported are exactly the schema's.
 */
let rowSchemas:
  { run: typeof RunInput; pain: typeof PainRatingInput; session: typeof StrengthSessionInput } | undefined;
function schemas(): NonNullable<typeof rowSchemas> {
  rowSchemas ??= {
    run: compileRunInput(),
    pain: z.compile(PainRatingInput),
    session: z.compile(StrengthSessionInput),
  };
  return rowSchemas;
}

/** The parsed record with the id it was given (the input schemas' id is optional). */
function withId<T extends { id?: string | undefined }>(record: T, id: string): T & { id: string } {
  record.id = id;
  return record as T & { id: string };
}

/**
 * A number in Smi range from all of an id's characters (FNV-1a), for FirstRowOfId. Ids that
 * share a number are compared in full, so this only has to spread ids well; every character
 * counts, so ids that differ anywhere (a counter in the middle) do not pile up on one number.
 */
function idKey(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

/**
 * Remembers the row each id was first used on, to report later rows that reuse it (they would
 * overwrite each other). An open-addressing table of numbers computed from the ids, in one
 * typed array sized once for the file: at 100,000 rows a Map of the id strings cost more than
 * validating them, mostly in garbage collection (measured for #16: the whole import of 100,000
 * runs took 2.2x papaparse's CPU time with the table and 2.9-3.1x with a Map). When a number is
 * already taken, the ids themselves are compared, so ids that share a number are still told
 * apart.
 */
class FirstRowOfId {
  /**
   * Per slot, the id's number and then its row (0 is an empty slot: rows are numbered from 1).
   * Side by side, so that a look-up, which lands anywhere in a table of a few MB, misses the
   * cache once rather than once in each of two arrays.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** `rowCount` bounds the ids to hold; `idOnRow` reads the id of an earlier row again. */
  constructor(
    rowCount: number,
    private readonly idOnRow: (rowNumber: number) => string | undefined,
  ) {
    let size = 16;
    while (size < rowCount * 2) size *= 2; // at most half full, so probes stay short
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** Reports the row if its id was used on an earlier row; otherwise notes it. */
  check(reader: RowReader, idColumn: Column, id: string | undefined): void {
    if (id === undefined) return;
    const key = idKey(id);
    const slots = this.slots;
    for (let slot = key & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot * 2;
      const first = slots[at + 1]!;
      if (first === 0) {
        slots[at] = key;
        slots[at + 1] = reader.rowNumber;
        return;
      }
      if (slots[at] === key && this.idOnRow(first) === id) {
        reader.fail(idColumn, `this id is already used on row ${first}.`);
        return;
      }
    }
  }
}

/** The ids of a file's rows (read back from the rows when two ids share a number). */
function idsOf(rows: readonly Cells[], idColumn: Column): FirstRowOfId {
  return new FirstRowOfId(rows.length, (rowNumber) => {
    const id = idColumn.index < 0 ? undefined : rows[rowNumber - 1]?.[idColumn.index]?.trim();
    return id === '' ? undefined : id;
  });
}

const UUID = z.uuid();
function isUuid(value: string): boolean {
  return UUID.safeParse(value).success;
}

/** 32 well-mixed bits of a text: FNV-1a from `seed`, then murmur3's finaliser. */
function hash32(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A UUID (version 8, "custom") that depends only on `text`: the same text always gives the same id. */
export function stableUuid(text: string): string {
  const hex = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x7feb352d]
    .map((seed) => hash32(text, seed).toString(16).padStart(8, '0'))
    .join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function mapRuns(rows: readonly Cells[], layout: FileLayout, newId: () => string, result: ParsedImport): void {
  const c = columnsFor(layout, 'runs');
  const seen = idsOf(rows, c.id);
  const schema = schemas().run;
  forEachDataRow(rows, layout, (r) => {
    const id = r.plain(c.id);
    seen.check(r, c.id, id);
    const candidate = {
      id: id ?? newId(),
      date: r.plain(c.date),
      startTime: r.clock(c.start_time),
      distanceKm: r.number(c.distance_km),
      durationS: r.seconds(c.duration_s),
      effort: r.number(c.effort),
      surface: r.oneOf(c.surface, SURFACES),
      shoe: r.text(c.shoe),
      avgHr: r.number(c.avg_hr),
      // A spreadsheet of runs typed in elsewhere has no source column: it came from a CSV.
      source: r.oneOf(c.source, RUN_SOURCES) ?? 'csv',
      notes: r.text(c.notes),
      sourceId: r.text(c.source_id),
    };
    // The input schema, not the stored one: an import is new input, so future dates are refused.
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) reportSchemaIssues(r, withoutPaceEcho(parsed.error.issues), RUN_FIELDS);
    if (r.issues.length > 0 || !parsed.success) {
      result.errors.push(...r.issues);
      result.skippedRows += 1;
    } else {
      result.runs.push(withId(parsed.data, candidate.id));
      if (id === undefined) result.generatedIds.add(candidate.id);
    }
  });
}

function mapPain(rows: readonly Cells[], layout: FileLayout, newId: () => string, result: ParsedImport): void {
  const c = columnsFor(layout, 'pain');
  const seen = idsOf(rows, c.id);
  const schema = schemas().pain;
  forEachDataRow(rows, layout, (r) => {
    const id = r.plain(c.id);
    seen.check(r, c.id, id);
    const candidate = {
      id: id ?? newId(),
      date: r.plain(c.date),
      time: r.clock(c.time),
      score: r.number(c.score),
      location: r.oneOf(c.location, PAIN_LOCATIONS),
      side: r.oneOf(c.side, PAIN_SIDES, SIDE_ALIASES),
      kind: r.oneOf(c.kind, PAIN_KINDS),
      timing: r.oneOf(c.timing, PAIN_TIMINGS),
      runId: r.plain(c.run_id),
      notes: r.text(c.notes),
    };
    const parsed = schema.safeParse(candidate);
    if (!parsed.success) reportSchemaIssues(r, parsed.error.issues, PAIN_FIELDS);
    if (r.issues.length > 0 || !parsed.success) {
      result.errors.push(...r.issues);
      result.skippedRows += 1;
    } else {
      result.pain.push(withId(parsed.data, candidate.id));
      if (id === undefined) result.generatedIds.add(candidate.id);
    }
  });
}

interface SessionGroup {
  id: string | undefined;
  rows: RowReader[];
}

function mapStrength(
  rows: readonly Cells[],
  layout: FileLayout,
  newId: () => string,
  custom: readonly CustomExercise[],
  result: ParsedImport,
): void {
  const c = columnsFor(layout, 'strength');
  const groups = new Map<string, SessionGroup>();
  const known = [...custom];
  /** A name not in the catalogue becomes the user's own exercise, keeping the file's category. */
  const exerciseIdFor = (name: string, r: RowReader): string => {
    const found = findExercise(name, known);
    if (found) return found.id;
    const category = r.oneOf(c.category, EXERCISE_CATEGORIES);
    // "other" is also what any unknown name exports as, so it says nothing: keep the name.
    if (category === undefined || category === 'other') return name;
    const id = customExerciseId(name);
    if (known.some((e) => e.id === id)) return name; // another name already has this id
    const dosing = r.number(c.minutes) !== undefined ? 'minutes' : r.number(c.reps) !== undefined ? 'reps' : 'hold';
    const exercise: CustomExercise = { id, name, category, dosing };
    known.push(exercise);
    result.exercises.push(exercise);
    return exercise.id;
  };
  forEachDataRow(rows, layout, (r) => {
    const id = r.plain(c.session_id);
    const key = id !== undefined ? `id:${id}` : `at:${r.plain(c.date) ?? ''}|${r.clock(c.time) ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { id, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(r);
  });

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
    const date = first.plain(c.date);
    for (const r of group.rows.slice(1)) {
      const other = r.plain(c.date);
      if (other !== undefined && other !== date) {
        r.fail(c.date, `this row has the same session_id as row ${first.rowNumber} but a different date.`);
      }
    }
    const items = group.rows.map((r) => {
      const name = r.text(c.exercise)?.trim();
      return {
        exercise: name === undefined ? undefined : exerciseIdFor(name, r),
        sets: r.number(c.sets),
        reps: r.number(c.reps),
        holdS: r.number(c.hold_s),
        minutes: r.number(c.minutes),
        side: r.oneOf(c.side, EXERCISE_SIDES),
      };
    });
    const fields = {
      date,
      time: pick((r) => r.clock(c.time)),
      durationMin: pick((r) => r.number(c.duration_min)),
      notes: pick((r) => r.text(c.notes)),
      items,
    };
    // A session_id that is not a UUID (e.g. "gen-1" from another app) only groups the rows; the
    // session gets an id made from it and the rows, so the same file gives the same id again.
    const ownId = group.id !== undefined && isUuid(group.id) ? group.id : undefined;
    const candidate = {
      id: ownId ?? (group.id !== undefined ? stableUuid(`${group.id}|${JSON.stringify(fields)}`) : newId()),
      ...fields,
    };
    const parsed = schemas().session.safeParse(candidate);
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
      result.strength.push(withId(parsed.data, candidate.id));
      if (ownId === undefined) result.generatedIds.add(candidate.id);
    }
  }
  // Groups are visited by session, not by line: list the problems in file order.
  result.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
