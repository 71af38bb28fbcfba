// Helpers shared by the file importers: limits, decoding, hashing, and turning an activity's
// summary into a validated Run.
import { Buffer, isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { withoutPaceEcho } from '../../shared/csv/import';
import { makeIssue, type ImportIssue, type ParsedImport } from '../../shared/csv/types';
import { RunInput, type Run, type RunSource, type Surface } from '../../shared/model';

/** Largest file we read into memory, and the largest anything may unpack to. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_LABEL = '200 MB';

/**
 * Bounds on what one import may cost, so a small crafted file (a gzip of line breaks, a track of
 * millions of empty elements, a zip entry that inflates far beyond what it declares) is refused
 * quickly instead of filling the memory. Each is far above what real exports reach: a year of
 * daily runs is 365 rows, a day-long 1-second GPX track about 1,000,000 elements.
 */
export const IMPORT_LIMITS = {
  /** Lines in one CSV file. */
  csvLines: 1_000_000,
  /** Elements in one GPX or TCX file. */
  xmlElements: 3_000_000,
  /** Attributes on one XML element (watches write a handful). */
  xmlAttributes: 256,
  /** Bytes unpacked (gzip and zip together) in one import. */
  unpackedBytes: 512 * 1024 * 1024,
} as const;

export const countLabel = (n: number): string => n.toLocaleString('en');

/** What an import may still unpack; one per import, shared by all its files. */
export interface UnpackBudget {
  remaining: number;
}

export function newUnpackBudget(): UnpackBudget {
  return { remaining: IMPORT_LIMITS.unpackedBytes };
}

/** Takes unpacked bytes from the budget, or refuses the file when the import's total is spent. */
export function chargeUnpacked(budget: UnpackBudget, bytes: number): void {
  if (bytes > budget.remaining) refuse(totalUnpackedReason());
  budget.remaining -= bytes;
}

export function totalUnpackedReason(): string {
  return `the import unpacks to more than ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MB in total, the most Backstride unpacks in one import. Import the files in smaller groups.`;
}

/** A whole file cannot be imported; the message is the reason, without the file name. */
export class ImportFailure extends Error {
  override name = 'ImportFailure';
}

export function refuse(reason: string): never {
  throw new ImportFailure(reason);
}

export function tooLargeReason(): string {
  return `the file is larger than ${MAX_IMPORT_LABEL}, the largest file Backstride imports.`;
}

/** Stable id for a file without an activity id of its own: same bytes, same id. */
export function contentId(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
}

/** The machine's local calendar date and HH:MM of an instant (a run happened where the user lives). */
export function localDateTime(instant: Date): { date: string; startTime: string } {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return {
    date: `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`,
    startTime: `${pad(instant.getHours())}:${pad(instant.getMinutes())}`,
  };
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Unpacks gzip with a cap (the per-file limit or what the import's budget has left, whichever is
 * smaller): zlib stops as soon as the output passes it, so a small "zip bomb" costs little.
 */
export function gunzipCapped(bytes: Uint8Array, budget: UnpackBudget = newUnpackBudget()): Uint8Array {
  const cap = Math.min(MAX_IMPORT_BYTES, budget.remaining);
  let data: Uint8Array;
  try {
    data = gunzipSync(bytes, { maxOutputLength: cap });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      if (cap < MAX_IMPORT_BYTES) refuse(totalUnpackedReason());
      refuse(`it unpacks to more than ${MAX_IMPORT_LABEL}, the largest file Backstride imports.`);
    }
    refuse('it is not a valid gzip file (it may be damaged or incomplete).');
  }
  chargeUnpacked(budget, data.length);
  return data;
}

export function stripGz(name: string): string {
  return name.replace(/\.gz$/i, '');
}

export function extensionOf(name: string): string {
  const match = /\.([^./\\]+)$/.exec(stripGz(name));
  return match ? match[1]!.toLowerCase() : '';
}

/** NUL bytes never occur in UTF-8 text; their presence means binary data. */
export function hasNulBytes(bytes: Uint8Array, limit = 1 << 16): boolean {
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i += 1) if (bytes[i] === 0) return true;
  return false;
}

export interface DecodedText {
  text: string;
  /** Set when the text was not UTF-8 and a fallback encoding was used. */
  note?: string;
}

/**
 * Bytes to text: UTF-8 (BOM optional), UTF-16 with a BOM (Excel's "Unicode text"), or else
 * Windows-1252, which Excel uses for "CSV" on Western European Windows. Undefined for binary.
 */
export function decodeText(bytes: Uint8Array): DecodedText | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (hasNulBytes(bytes)) return undefined;
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedText | undefined {
  // ASCII is UTF-8 as it is, and most exports are ASCII. Checking for it and copying takes about
  // half as long as TextDecoder on a 10 MB export (15 ms against 30 ms in an import, most of it
  // the copy's fresh memory; 1 ms when that memory is reused).
  if (isAscii(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('ascii') };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    if (hasNulBytes(bytes)) return undefined;
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      note: 'the file is not UTF-8; it was read as Windows-1252 (Western European). Check accented letters.',
    };
  }
}

/** What an activity file (or a Strava row) tells about one run, before validation. */
export interface ActivitySummary {
  start?: Date | undefined;
  /** Moving (timer) time in seconds. */
  durationS?: number | undefined;
  distanceKm?: number | undefined;
  avgHr?: number | undefined;
  /** 1-10. */
  effort?: number | undefined;
  surface?: Surface | undefined;
  shoe?: string | undefined;
  notes?: string | undefined;
}

export interface RunContext {
  source: RunSource;
  sourceId: string;
  /** Name used in messages, e.g. "run.gpx" or "export.zip/activities.csv". */
  file: string;
  row?: number;
  /** The file's own column name for a Run field, for messages (Strava rows). */
  columnOf?: (field: keyof ActivitySummary) => string | undefined;
}

export interface RunResult {
  run?: Run;
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

const NOTES_MAX = 5000;
const SHOE_MAX = 100;

const WHAT_IS_MISSING: Partial<Record<keyof ActivitySummary, string>> = {
  start: 'it has no start time, so the date of the run is unknown.',
  durationS: 'it has no times or total time, so the duration of the run is unknown.',
  distanceKm: 'it has no distance (no GPS track and no distance total).',
};

const FIELD_OF: Record<string, keyof ActivitySummary> = {
  date: 'start',
  startTime: 'start',
  distanceKm: 'distanceKm',
  durationS: 'durationS',
  avgHr: 'avgHr',
  effort: 'effort',
  notes: 'notes',
  shoe: 'shoe',
  surface: 'surface',
};

/**
 * Validates a summary as a Run. Required parts (date, distance, duration) that are missing or
 * invalid refuse the run; optional values out of range are dropped with a warning instead,
 * because a watch's odd heart rate should not cost the user the whole run.
 */
export function summaryToRun(summary: ActivitySummary, ctx: RunContext): RunResult {
  const out: RunResult = { errors: [], warnings: [] };
  const issue = (field: keyof ActivitySummary, reason: string): ImportIssue =>
    makeIssue(ctx.file, reason, ctx.row, ctx.columnOf?.(field));

  for (const field of ['start', 'durationS', 'distanceKm'] as const) {
    if (summary[field] === undefined) out.errors.push(issue(field, WHAT_IS_MISSING[field]!));
  }
  if (out.errors.length > 0) return out;

  let avgHr = summary.avgHr === undefined ? undefined : Math.round(summary.avgHr);
  if (avgHr !== undefined && (avgHr < 25 || avgHr > 250)) {
    out.warnings.push(issue('avgHr', `the average heart rate ${avgHr} bpm is not plausible and was left out.`));
    avgHr = undefined;
  }
  let effort = summary.effort === undefined ? undefined : Math.round(summary.effort);
  if (effort !== undefined && (effort < 1 || effort > 10)) {
    out.warnings.push(issue('effort', `the effort ${summary.effort} is not on the 1-10 scale and was left out.`));
    effort = undefined;
  }
  let notes = summary.notes?.trim() || undefined;
  if (notes !== undefined && notes.length > NOTES_MAX) {
    out.warnings.push(issue('notes', `the notes were shortened to ${NOTES_MAX} characters.`));
    notes = notes.slice(0, NOTES_MAX);
  }
  let shoe = summary.shoe?.trim() || undefined;
  if (shoe !== undefined && shoe.length > SHOE_MAX) shoe = shoe.slice(0, SHOE_MAX);

  const { date, startTime } = localDateTime(summary.start!);
  const candidate = {
    id: crypto.randomUUID(),
    date,
    startTime,
    // Metres are as fine as any GPS can tell; more digits would only be noise.
    distanceKm: Math.round(summary.distanceKm! * 1000) / 1000,
    durationS: Math.round(summary.durationS!),
    effort,
    surface: summary.surface,
    shoe,
    avgHr,
    notes,
    source: ctx.source,
    sourceId: ctx.sourceId,
  };
  // The input schema: an imported run is new input, so a date in the future is refused.
  const parsed = RunInput.safeParse(candidate);
  if (parsed.success) {
    out.run = { ...parsed.data, id: candidate.id };
    return out;
  }
  for (const zodIssue of withoutPaceEcho(parsed.error.issues)) {
    const key = zodIssue.path[0];
    const field = typeof key === 'string' ? (FIELD_OF[key] ?? 'notes') : 'notes';
    out.errors.push(issue(field, zodIssue.message));
  }
  return out;
}

/** Turns an unexpected exception into plain words; ImportFailure already has them. */
export function reasonOf(error: unknown): string {
  if (error instanceof ImportFailure) return error.message;
  if (error instanceof RangeError) return 'the file is nested too deeply or is too large to read.';
  const detail = error instanceof Error ? error.message : String(error);
  return `the file could not be read (${detail}).`;
}

/** Adds one activity's outcome to a file's result: the run if it is valid, and every message. */
export function addRunResult(result: ParsedImport, outcome: RunResult): void {
  if (outcome.run) result.runs.push(outcome.run);
  result.errors.push(...outcome.errors);
  result.warnings.push(...outcome.warnings);
}

/** One activity of a multi-activity file (FIT sessions, TCX activities). */
export interface FileActivity {
  sport?: string | undefined;
  /** The file's own id for the activity, already prefixed as its format needs. */
  sourceId?: string | undefined;
  summary: ActivitySummary;
}

/**
 * Turns a file's activities into runs: other sports are refused by name, and an activity
 * without an id of its own is identified by the file's hash (and its position, if several).
 */
export function addActivityRuns(
  result: ParsedImport,
  bytes: Uint8Array,
  activities: readonly FileActivity[],
  options: { source: RunSource; isRunSport(sport: string): boolean },
): void {
  const hash = contentId(bytes);
  activities.forEach((activity, index) => {
    if (activity.sport !== undefined && !options.isRunSport(activity.sport)) {
      result.errors.push(makeIssue(result.file, `it is a "${activity.sport}" activity; Backstride imports runs only.`));
      return;
    }
    const sourceId = activity.sourceId ?? (activities.length > 1 ? `${hash}#${index + 1}` : hash);
    addRunResult(result, summaryToRun(activity.summary, { source: options.source, sourceId, file: result.file }));
  });
}
