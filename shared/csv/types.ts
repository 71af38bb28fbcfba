// The CSV format of Backstride's exports (its columns, which only ever grow), what an import of
// any file yields (ParsedImport and its issues), and the formula guard both directions share.
// Pure: no I/O and no node: imports, because the renderer bundles the CSV modules too.
import type { CustomExercise, PainRating, Run, StrengthSession } from '../model';

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
    'side',
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
  /**
   * Ids given here to records whose row had no id of its own (or a session_id that is not a
   * UUID). The importer matches those by content; a record with its own id is matched by id.
   */
  generatedIds: Set<string>;
}

export function emptyImport(kind: ImportKind, file: string): ParsedImport {
  return {
    kind,
    file,
    runs: [],
    pain: [],
    strength: [],
    errors: [],
    warnings: [],
    skippedRows: 0,
    exercises: [],
    generatedIds: new Set(),
  };
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
  // Most text does not start with an apostrophe; that is cheaper to see than to run the pattern.
  return text.charCodeAt(0) === 39 && GUARDED.test(text) ? text.slice(1) : text;
}
