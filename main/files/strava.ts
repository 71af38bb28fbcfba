// Strava's bulk export ("Download your data"): activities.csv, alone, in its .zip, or unpacked.
//
// Traps this handles: several column names occur twice (the first Distance is in the athlete's
// unit, km or miles; the second is metres), headers and dates are translated (English and German
// are supported), dates are quoted and locale-formatted, and new columns keep being appended.
// Activity Date is UTC in the export; runs are dated in the machine's local time, like GPX.
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { emptyImport, makeIssue, type ImportIssue, type ParsedImport } from '../../shared/csv/types';
import type { Surface } from '../../shared/model';
import {
  decodeText,
  extensionOf,
  gunzipCapped,
  isGzip,
  MAX_IMPORT_BYTES,
  reasonOf,
  refuse,
  summaryToRun,
  tooLargeReason,
  type ActivitySummary,
  type UnpackBudget,
} from './common';
import { splitCsv, type CsvTable } from './csvImport';
import { fitActivities } from './fit';
import { gpxSummary } from './gpx';
import { tcxActivities } from './tcx';
import { parseXmlBytes } from './xml';
import type { ZipArchive } from './zip';

type Field =
  | 'id'
  | 'date'
  | 'name'
  | 'type'
  | 'elapsed'
  | 'moving'
  | 'distance'
  | 'avgHr'
  | 'effort'
  | 'gear'
  | 'privateNote'
  | 'filename';

// Lower-case header names. German names are Strava's as best known; near variants are listed
// because the translations have changed over the years.
const ENGLISH: Record<Field, readonly string[]> = {
  id: ['activity id'],
  date: ['activity date'],
  name: ['activity name'],
  type: ['activity type'],
  elapsed: ['elapsed time'],
  moving: ['moving time'],
  distance: ['distance'],
  avgHr: ['average heart rate'],
  effort: ['perceived exertion'],
  gear: ['activity gear'],
  privateNote: ['activity private note'],
  filename: ['filename'],
};
const GERMAN: Record<Field, readonly string[]> = {
  id: ['aktivitäts-id', 'aktivitäts id', 'aktivitätsid'],
  date: ['aktivitätsdatum', 'datum der aktivität'],
  name: ['aktivitätsname', 'name der aktivität'],
  type: ['aktivitätsart', 'aktivitätstyp', 'art der aktivität'],
  elapsed: ['verstrichene zeit', 'gesamtzeit'],
  moving: ['bewegungszeit', 'zeit in bewegung'],
  distance: ['distanz', 'entfernung', 'strecke'],
  avgHr: ['durchschnittliche herzfrequenz', 'durchschn. herzfrequenz', 'ø herzfrequenz'],
  effort: ['wahrgenommene anstrengung', 'gefühlte anstrengung'],
  gear: ['aktivitätsausrüstung', 'ausrüstung'],
  privateNote: ['private notiz', 'private notiz zur aktivität', 'private aktivitätsnotiz', 'private aktivitätsnotizen'],
  filename: ['dateiname'],
};

/** Activity types that are runs; compared without case, spaces, dashes or underscores. */
const RUN_TYPES: ReadonlyMap<string, Surface | undefined> = new Map([
  ['run', undefined],
  ['trailrun', 'trail'],
  ['virtualrun', 'treadmill'],
  ['lauf', undefined],
  ['laufen', undefined],
  ['trailrunning', 'trail'],
  ['traillauf', 'trail'],
  ['virtuellerlauf', 'treadmill'],
]);

function normaliseName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

interface Columns {
  /** Every index of each field, in header order (some names occur twice). */
  at: Record<Field, number[]>;
  names: readonly string[];
  german: boolean;
}

function resolveColumns(header: readonly string[]): Columns {
  const names = header.map(normaliseName);
  const at = {} as Record<Field, number[]>;
  let german = false;
  for (const field of Object.keys(ENGLISH) as Field[]) {
    at[field] = [];
    names.forEach((name, index) => {
      if (ENGLISH[field].includes(name)) at[field].push(index);
      else if (GERMAN[field].includes(name)) {
        at[field].push(index);
        german = true;
      }
    });
  }
  return { at, names: header.map((h) => h.replace(/^\uFEFF/, '').trim()), german };
}

/** True for the header of Strava's activities.csv (English or German). */
export function isStravaHeader(header: readonly string[]): boolean {
  const { at } = resolveColumns(header);
  return at.id.length > 0 && at.type.length > 0 && at.date.length > 0;
}

/** A number as Strava writes it; German files may use a decimal comma (and dots for thousands). */
export function parseStravaNumber(text: string | undefined, german: boolean): number | undefined {
  const value = text?.trim();
  if (value === undefined || value === '') return undefined;
  let normalised = value;
  if (german && value.includes(',')) normalised = value.replace(/\./g, '').replace(',', '.');
  else if (!german && /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) normalised = value.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return undefined;
  return Number(normalised);
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  mär: 3,
  mrz: 3,
  apr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
  dez: 12,
};

function monthOf(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, 3)];
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ampm?: string): Date | undefined {
  let hour = h;
  if (ampm !== undefined) {
    if (h < 1 || h > 12) return undefined;
    const pm = ampm.toLowerCase() === 'pm';
    hour = (h % 12) + (pm ? 12 : 0);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d, hour, mi, s));
  return date.getUTCDate() === d ? date : undefined; // rejects 31 April and the like
}

/**
 * Strava's Activity Date, as UTC: "May 9, 2023, 10:09:29 AM", "24 Dec 2020, 08:13:59",
 * "09.05.2023, 10:09:29", "9. Mai 2023, 10:09:29" or ISO "2023-05-09 10:09:29".
 */
export function parseStravaDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  // Newer exports put a narrow no-break space before AM/PM.
  const value = text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const time = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?`;
  let m = new RegExp(String.raw`^([A-Za-zÄäÖöÜü]{3,})\.? (\d{1,2}),? (\d{4}),? ${time}$`).exec(value);
  if (m) {
    const month = monthOf(m[1]!);
    return month === undefined ? undefined : utc(+m[3]!, month, +m[2]!, +m[4]!, +m[5]!, +(m[6] ?? 0), m[7]);
  }
  m = new RegExp(String.raw`^(\d{1,2})\.? ([A-Za-zÄäÖöÜü]{3,})\.? (\d{4}),? ${time}$`).exec(value);
  if (m) {
    const month = monthOf(m[2]!);
    return month === undefined ? undefined : utc(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0), m[7]);
  }
  m = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}),? ${time}$`).exec(value);
  if (m) return utc(+m[3]!, +m[2]!, +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0), m[7]);
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?$/.exec(value);
  if (m) return utc(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  return undefined;
}

/** What an activity file named by a row gave: looked up once per path. */
interface ActivityFileDetail {
  found: boolean;
  summary?: ActivitySummary;
  error?: string;
}

/** Finds an activity file by its path inside the export ("activities/123.fit.gz"). */
export type ActivityFileLookup = (relativePath: string) => Promise<Uint8Array | undefined>;

/** The first running summary in an activity file from the export (.fit/.gpx/.tcx, maybe .gz). */
export function activityFileSummary(name: string, bytes: Uint8Array, budget?: UnpackBudget): ActivitySummary {
  const data = isGzip(bytes) ? gunzipCapped(bytes, budget) : bytes;
  switch (extensionOf(name)) {
    case 'fit':
      return fitActivities(data)[0]!.summary;
    case 'gpx':
      return gpxSummary(parseXmlBytes(data, 'a GPX file'));
    case 'tcx': {
      const first = tcxActivities(parseXmlBytes(data, 'a TCX file'))[0];
      if (first === undefined) refuse('it has no activity.');
      return first.summary;
    }
    default:
      return refuse('it is not a FIT, GPX or TCX file.');
  }
}

const FIELD_COLUMN: Partial<Record<keyof ActivitySummary, Field>> = {
  start: 'date',
  durationS: 'moving',
  distanceKm: 'distance',
  avgHr: 'avgHr',
  effort: 'effort',
  shoe: 'gear',
  notes: 'name',
};

/**
 * Maps the rows of activities.csv to runs. `label` names activities.csv in messages;
 * `lookup` (archive or folder) gives access to the activity files for missing details.
 */
export async function parseStravaTable(
  table: CsvTable,
  file: string,
  label: string,
  lookup?: ActivityFileLookup,
  budget?: UnpackBudget,
): Promise<ParsedImport> {
  const result = emptyImport('strava', file);
  // Rows may name the same activity file (60 rows, one file): it is unpacked and read once.
  const details = new Map<string, ActivityFileDetail>();
  const detailOf = async (path: string): Promise<ActivityFileDetail> => {
    let known = details.get(path);
    if (known === undefined) {
      let bytes: Uint8Array | undefined;
      try {
        bytes = await lookup?.(path);
        known =
          bytes === undefined ? { found: false } : { found: true, summary: activityFileSummary(path, bytes, budget) };
      } catch (error) {
        known = { found: bytes !== undefined, error: reasonOf(error) };
      }
      details.set(path, known);
    }
    return known;
  };
  const header = table.rows[0] ?? [];
  const cols = resolveColumns(header);
  const columnName = (field: Field, which = 0): string => {
    const index = cols.at[field][which] ?? cols.at[field][0];
    return index === undefined ? ENGLISH[field][0]! : (cols.names[index] ?? ENGLISH[field][0]!);
  };
  for (const p of table.problems) result.errors.push(makeIssue(label, p.message, p.row));

  // The second Distance is metres whatever the athlete's unit; the first follows the unit.
  const metresIndex = cols.at.distance[1];
  const unitIndex = cols.at.distance[0];
  if (metresIndex === undefined && unitIndex !== undefined) {
    result.warnings.push(
      makeIssue(
        label,
        'this file has only one Distance column; it was read as kilometres. If your Strava account uses miles, the distances are wrong.',
        undefined,
        columnName('distance'),
      ),
    );
  }

  for (let index = 1; index < table.rows.length; index += 1) {
    const cells = table.rows[index]!;
    if (cells.every((c) => c.trim() === '')) continue;
    const row = index + 1;
    const cell = (field: Field, which = 0): string | undefined => {
      const at = cols.at[field][which];
      const value = at === undefined ? undefined : cells[at]?.trim();
      return value === '' ? undefined : value;
    };
    const typeKey = (cell('type') ?? '').toLowerCase().replace(/[\s_-]+/g, '');
    if (!RUN_TYPES.has(typeKey)) {
      result.skippedRows += 1; // rides, swims, walks: not for this log
      continue;
    }
    const rowErrors: ImportIssue[] = [];
    const rowWarnings: ImportIssue[] = [];
    const id = cell('id');
    if (id === undefined) {
      result.errors.push(makeIssue(label, 'the activity has no Activity ID.', row, columnName('id')));
      result.skippedRows += 1;
      continue;
    }
    const number = (field: Field, which = 0, required = false): number | undefined => {
      const text = cell(field, which);
      const value = parseStravaNumber(text, cols.german);
      if (text !== undefined && value === undefined) {
        const issue = makeIssue(label, `"${text}" is not a number.`, row, columnName(field, which));
        (required ? rowErrors : rowWarnings).push(issue);
      }
      return value;
    };

    const dateText = cell('date');
    let distanceKm: number | undefined;
    let distanceColumn = columnName('distance');
    const metres = metresIndex === undefined ? undefined : number('distance', 1, true);
    if (metres !== undefined) {
      distanceKm = metres / 1000;
      distanceColumn = columnName('distance', 1);
    } else if (unitIndex !== undefined) {
      distanceKm = number('distance', 0, true);
    }
    const zeroDistance = distanceKm === 0;
    const name = cell('name');
    const privateNote = cell('privateNote');
    const summary: ActivitySummary = {
      start: parseStravaDate(dateText),
      durationS: [number('moving'), number('elapsed'), number('elapsed', 1)].find((s) => s !== undefined && s > 0),
      distanceKm: zeroDistance ? undefined : distanceKm,
      avgHr: number('avgHr'),
      effort: number('effort'),
      surface: RUN_TYPES.get(typeKey),
      shoe: cell('gear'),
      notes: [name, privateNote].filter((t) => t !== undefined).join('\n') || undefined,
    };

    // Fill what the CSV lacks from the activity file, when the export has it.
    const missing = (['start', 'durationS', 'distanceKm', 'avgHr'] as const).filter((f) => summary[f] === undefined);
    if (missing.length > 0 && lookup) {
      const candidates = [
        cell('filename'),
        ...['.fit.gz', '.fit', '.gpx.gz', '.gpx', '.tcx.gz', '.tcx'].map((e) => `activities/${id}${e}`),
      ];
      for (const path of candidates) {
        if (path === undefined) continue;
        const detail = await detailOf(path);
        if (detail.summary !== undefined) {
          for (const f of missing)
            if (summary[f] === undefined) (summary as Record<string, unknown>)[f] = detail.summary[f];
        } else if (detail.error !== undefined) {
          rowWarnings.push(
            makeIssue(
              label,
              `the activity file ${path} could not be used (${detail.error}) so only the CSV's values were used.`,
              row,
            ),
          );
        }
        if (detail.found) break;
      }
    }
    if (summary.start === undefined && dateText !== undefined) {
      rowErrors.push(makeIssue(label, `"${dateText}" is not a date Backstride can read.`, row, columnName('date')));
    }
    if (summary.distanceKm === undefined && zeroDistance) summary.distanceKm = 0; // let the schema say why

    result.warnings.push(...rowWarnings);
    if (rowErrors.length > 0) {
      result.errors.push(...rowErrors);
      result.skippedRows += 1;
      continue;
    }
    const run = summaryToRun(summary, {
      source: 'strava',
      sourceId: id,
      file: label,
      row,
      columnOf: (f) => {
        if (f === 'distanceKm') return unitIndex === undefined ? undefined : distanceColumn;
        const field = f === 'durationS' && cols.at.moving.length === 0 ? 'elapsed' : FIELD_COLUMN[f];
        // A column the file does not have is not named: "column Moving Time" would mislead.
        return field !== undefined && cols.at[field].length > 0 ? columnName(field) : undefined;
      },
    });
    result.warnings.push(...run.warnings);
    if (run.run) result.runs.push(run.run);
    else {
      result.errors.push(...run.errors);
      result.skippedRows += 1;
    }
  }
  return result;
}

/** activities.csv on its own (no activity files to fall back on). */
export async function parseStravaCsvText(text: string, file: string): Promise<ParsedImport> {
  return parseStravaTable(splitCsv(text), file, file);
}

function decodeCsv(bytes: Uint8Array, label: string): string {
  const decoded = decodeText(bytes);
  if (decoded === undefined) refuse(`${label} contains binary data, not CSV text.`);
  return decoded.text;
}

/** Where activities.csv sits in an archive: at the top, or in one folder (re-zipped exports). */
export function findActivitiesCsv(names: readonly string[]): string | undefined {
  return names
    .filter((n) => /(^|\/)activities\.csv$/i.test(n))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
}

/** The export's .zip as downloaded from Strava. */
export async function parseStravaArchive(file: string, zip: ZipArchive): Promise<ParsedImport> {
  try {
    const { entries } = zip;
    const csvName = findActivitiesCsv(entries.map((e) => e.name));
    if (csvName === undefined) refuse('the archive has no activities.csv, so it is not a Strava export.');
    const prefix = csvName.slice(0, csvName.length - 'activities.csv'.length);
    const names = new Set(entries.map((e) => e.name));
    const label = `${file}/${csvName}`;
    const table = splitCsv(decodeCsv(zip.read(csvName), label));
    const lookup: ActivityFileLookup = async (path) => {
      const name = prefix + path.replace(/^\.?\//, '');
      return names.has(name) ? zip.read(name) : undefined;
    };
    return await parseStravaTable(table, file, label, lookup, zip.budget);
  } catch (error) {
    const result = emptyImport('strava', file);
    result.errors.push(makeIssue(file, reasonOf(error)));
    return result;
  }
}

/** The export unpacked into a folder. */
export async function parseStravaFolder(dir: string): Promise<ParsedImport> {
  const file = basename(resolve(dir));
  try {
    const root = await realpath(dir);
    const csvPath = join(root, 'activities.csv');
    const info = await stat(csvPath).catch(() => undefined);
    if (info === undefined) refuse('the folder has no activities.csv, so it is not a Strava export folder.');
    const label = `${file}/activities.csv`;
    if (info.size > MAX_IMPORT_BYTES) refuse(`activities.csv: ${tooLargeReason()}`);
    const table = splitCsv(decodeCsv(await readFile(csvPath), label));
    const lookup: ActivityFileLookup = async (path) => {
      const target = resolve(root, path);
      // The path comes from the CSV: never follow it out of the export folder.
      if (!target.startsWith(root + sep)) return undefined;
      const found = await stat(target).catch(() => undefined);
      if (found === undefined || !found.isFile()) return undefined;
      if (found.size > MAX_IMPORT_BYTES) refuse(tooLargeReason());
      return new Uint8Array(await readFile(target));
    };
    return await parseStravaTable(table, file, label, lookup);
  } catch (error) {
    const result = emptyImport('strava', file);
    result.errors.push(makeIssue(file, reasonOf(error)));
    return result;
  }
}
