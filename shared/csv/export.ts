// The exporter: records to CSV text in the documented columns (types.ts).
// Pure: no I/O and no node: imports, because the renderer bundles this file too.
import { exerciseCategory, exerciseName } from '../exercises';
import type { WeekSummary } from '../insights/types';
import type { CustomExercise, PainRating, Run, StrengthSession } from '../model';
import { CSV_COLUMNS, guardFormula, type CsvKind } from './types';

// ---------------------------------------------------------------------------------------------
// Export

/** Dot decimals, no exponent, no trailing zeros; at most `maxDecimals` decimals. */
export function formatCsvNumber(value: number | null | undefined, maxDecimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  // Whole numbers (most cells) print exactly as they are; String(-0) is already '0'.
  if (Number.isSafeInteger(value)) return String(value);
  // Below 2^30 a double's spacing is under 1e-6, so when its shortest form has no exponent
  // and at most `maxDecimals` decimals, that form is exactly what rounding with toFixed gives.
  if (Math.abs(value) < 2 ** 30) {
    const shortest = String(value);
    const dot = shortest.indexOf('.');
    if (dot >= 0 && shortest.length - dot - 1 <= maxDecimals && !shortest.includes('e')) return shortest;
  }
  // toFixed never uses exponent notation below 1e21, unlike String(); our values are far smaller.
  let text = value.toFixed(maxDecimals);
  if (text.includes('.')) {
    let end = text.length;
    while (text.charCodeAt(end - 1) === 48) end -= 1; // trailing '0'
    if (text.charCodeAt(end - 1) === 46) end -= 1; // a bare '.'
    text = text.slice(0, end);
  }
  return text === '-0' ? '0' : text;
}

/**
 * A number written so that reading it back gives exactly the same number: its shortest form,
 * without an exponent. Distances are stored exactly as converted from what the user typed
 * (7.8 mi is 12.5528832 km), so rounding them here would change the run on a round trip.
 */
export function exactCsvNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  const shortest = String(value);
  // Below 1e-6 String() switches to an exponent; 20 decimals then still read back the same.
  return shortest.includes('e') ? formatCsvNumber(value, 20) : shortest;
}
const MINUTE_DECIMALS = 6;

const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

/**
 * One cell as RFC 4180 wants it, with the same rule papaparse's unparse applies: quoted when it
 * holds a comma, quote, CR, LF or BOM, or starts or ends with a space; quotes inside are doubled.
 */
function cell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Free text: guarded against formulas, then quoted as needed. */
function text(value: string | undefined): string {
  return value === undefined ? '' : cell(guardFormula(value));
}

/** A value that is not free text (id, date, time, enum); missing is an empty cell. */
function plain(value: string | undefined): string {
  return value === undefined ? '' : cell(value);
}

const num = formatCsvNumber;

/** Cells for CSV files written elsewhere (the experiment's periods): free text, and other values. */
export { text as csvTextCell, plain as csvValueCell };

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
  // Each line is written straight from its record (no array of cells per row): at 100,000 rows
  // the intermediate arrays cost more than the writing. Formulas are guarded in text() because
  // papaparse's escapeFormulae misses line breaks and the full-width forms.
  let csv = `${options.bom === false ? '' : '\uFEFF'}${CSV_COLUMNS[kind].join(',')}`;
  switch (kind) {
    case 'runs':
      for (const r of records as readonly Run[]) {
        csv +=
          `\r\n${plain(r.id)},${plain(r.date)},${plain(r.startTime)},${exactCsvNumber(r.distanceKm)},` +
          `${num(r.durationS, 0)},${num(r.effort, 0)},${plain(r.surface)},${text(r.shoe)},${num(r.avgHr, 0)},` +
          `${plain(r.source)},${text(r.notes)},${text(r.sourceId)}`;
      }
      break;
    case 'pain':
      for (const p of records as readonly PainRating[]) {
        csv +=
          `\r\n${plain(p.id)},${plain(p.date)},${plain(p.time)},${num(p.score, 0)},${plain(p.location)},` +
          `${plain(p.side)},${plain(p.kind)},${plain(p.timing)},${plain(p.runId)},${text(p.notes)}`;
      }
      break;
    case 'strength': {
      const custom = options.customExercises ?? [];
      // One row per exercise; the session's own fields are repeated so each row stands alone.
      for (const s of records as readonly StrengthSession[]) {
        for (const item of s.items) {
          csv +=
            `\r\n${plain(s.id)},${plain(s.date)},${text(exerciseName(item.exercise, custom))},` +
            `${plain(exerciseCategory(item.exercise, custom))},${num(item.sets, 0)},${num(item.reps, 0)},` +
            `${num(item.holdS, 0)},${num(s.durationMin, MINUTE_DECIMALS)},${text(s.notes)},${plain(s.time)},` +
            `${num(item.minutes, MINUTE_DECIMALS)},${plain(item.side)}`;
        }
      }
      break;
    }
    case 'weekly':
      for (const w of records as readonly WeekSummary[]) {
        csv +=
          `\r\n${plain(w.weekStart)},${num(w.coreSessions, 0)},${num(w.runs, 0)},${num(w.runKm, 3)},` +
          `${num(w.meanBackPain, 2)},${num(w.maxBackPain, 0)},${num(w.painDays, 0)}`;
      }
      break;
  }
  return `${csv}\r\n`;
}
