// One entry point for "import this": picks the parser by content first (zip, gzip and FIT have
// signatures; XML says its root element; CSV says its header) and by extension second.
import { readFile, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename } from 'node:path';
import { emptyImport, makeIssue, type ImportKind, type ParsedImport } from '../../shared/csv/types';
import {
  decodeText,
  extensionOf,
  gunzipCapped,
  hasNulBytes,
  isGzip,
  MAX_IMPORT_BYTES,
  newUnpackBudget,
  reasonOf,
  stripGz,
  tooLargeReason,
  type UnpackBudget,
} from './common';
import { mapTable, splitCsv, type CsvImportOptions } from './csvImport';
import { parseFit } from './fit';
import { parseGpx } from './gpx';
import { isStravaHeader, parseStravaArchive, parseStravaFolder, parseStravaTable } from './strava';
import { parseTcx } from './tcx';
import { isZip, openZip } from './zip';

export interface ImportOptions extends CsvImportOptions {
  /** What the whole import may still unpack; give every file of one import the same one. */
  budget?: UnpackBudget;
}

const KIND_OF_EXTENSION: Record<string, ImportKind> = { gpx: 'gpx', tcx: 'tcx', fit: 'fit', csv: 'runs' };
const SUPPORTED = /\.(csv|txt|tsv|gpx|tcx|fit)(\.gz)?$/i;

function failed(kind: ImportKind, file: string, reason: string): ParsedImport[] {
  const result = emptyImport(kind, file);
  result.errors.push(makeIssue(file, reason));
  return [result];
}

function isFitHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && bytes[8] === 0x2e && bytes[9] === 0x46 && bytes[10] === 0x49 && bytes[11] === 0x54;
}

/**
 * The local name of the first element. Only the prologue is read (XML declaration, comments,
 * processing instructions, DOCTYPE), never the whole document, which may be 100 MB.
 */
function xmlRootName(text: string): string | undefined {
  const name = /[A-Za-z_][\w.:-]*/y;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at)) {
    const pi = text.startsWith('<?', at);
    if (pi || text.startsWith('<!--', at)) {
      const close = pi ? '?>' : '-->';
      const end = text.indexOf(close, at + (pi ? 2 : 4));
      // An unclosed one hides nothing: look on inside it, as for any other '<'.
      at = end < 0 ? at + 1 : end + close.length;
      continue;
    }
    name.lastIndex = at + 1;
    const match = name.exec(text);
    if (match) return match[0].split(':').pop();
    at += 1;
  }
  return undefined;
}

/**
 * Parses a file from disk, or a Strava export folder. Files over 200 MB are refused before
 * they are read.
 */
export async function parseImportPath(path: string, options: ImportOptions = {}): Promise<ParsedImport[]> {
  const file = basename(path);
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return failed('unknown', file, 'the file could not be found or opened.');
  }
  if (info.isDirectory()) return [await parseStravaFolder(path)];
  if (info.size > MAX_IMPORT_BYTES) return failed(kindOfName(file), file, tooLargeReason());
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    return failed(
      kindOfName(file),
      file,
      'the file could not be read (check that it is not open elsewhere or locked).',
    );
  }
  return parseImportBuffer(file, bytes, options);
}

function kindOfName(name: string): ImportKind {
  return KIND_OF_EXTENSION[extensionOf(name)] ?? 'unknown';
}

/** Parses bytes under a file name (e.g. from a browser upload); name is used for messages. */
export async function parseImportBuffer(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ParsedImport[]> {
  return parseBuffer(basename(name), bytes, options, options.budget ?? newUnpackBudget(), true);
}

async function parseBuffer(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
  budget: UnpackBudget,
  allowArchive: boolean,
): Promise<ParsedImport[]> {
  if (bytes.length > MAX_IMPORT_BYTES) return failed(kindOfName(file), file, tooLargeReason());
  try {
    let data = bytes;
    if (isGzip(data)) data = gunzipCapped(data, budget);
    const typeName = stripGz(file);
    const ext = extensionOf(file);

    if (isZip(data)) {
      if (!allowArchive) return failed('unknown', file, 'archives inside archives are not imported.');
      return await parseZip(file, data, options, budget);
    }
    if (isFitHeader(data) || ext === 'fit') return [parseFit(data, file)];

    if (hasNulBytes(data) && (ext === 'gpx' || ext === 'tcx' || ext === 'csv')) {
      const what = ext === 'csv' ? 'a CSV file' : `a ${ext.toUpperCase()} file`;
      return failed(kindOfName(typeName), file, `it is not ${what}: it contains binary data, not text.`);
    }
    const decoded = decodeText(data);
    if (decoded === undefined) {
      return failed(
        'unknown',
        file,
        'this is not a file Backstride can import. It reads CSV, GPX, TCX and FIT files, and Strava export archives (.zip).',
      );
    }
    const text = decoded.text.replace(/^\uFEFF/, '');
    if (/^\s*</.test(text) || ext === 'gpx' || ext === 'tcx') {
      // Decoded once: the parsers take the text as well as the bytes (which name the file by hash).
      const root = xmlRootName(text);
      if (root === 'TrainingCenterDatabase' || (root !== 'gpx' && ext === 'tcx')) return [parseTcx(data, file, text)];
      return [parseGpx(data, file, text)];
    }

    const table = splitCsv(text);
    const header = table.rows[0] ?? [];
    const result = isStravaHeader(header) ? await parseStravaTable(table, file, file) : mapTable(table, file, options);
    if (decoded.note !== undefined) result.warnings.unshift(makeIssue(file, decoded.note));
    return [result];
  } catch (error) {
    return failed(kindOfName(file), file, reasonOf(error));
  }
}

/** A Strava export, or else an archive of activity files, each imported on its own. */
async function parseZip(
  file: string,
  bytes: Uint8Array,
  options: ImportOptions,
  budget: UnpackBudget,
): Promise<ParsedImport[]> {
  const zip = openZip(bytes, budget);
  const { entries } = zip;
  if (entries.some((e) => /(^|\/)activities\.csv$/i.test(e.name))) return [await parseStravaArchive(file, zip)];
  const wanted = entries.filter(
    (e) => SUPPORTED.test(e.name) && !e.name.split('/').some((p) => p.startsWith('.') || p === '__MACOSX'),
  );
  if (wanted.length === 0) {
    return failed('unknown', file, 'the archive holds no CSV, GPX, TCX or FIT files and is not a Strava export.');
  }
  const results: ParsedImport[] = [];
  for (const entry of wanted) {
    const inner = `${file}/${entry.name}`;
    try {
      results.push(...(await parseBuffer(inner, zip.read(entry.name), options, budget, false)));
    } catch (error) {
      results.push(...failed(kindOfName(entry.name), inner, reasonOf(error)));
    }
  }
  return results;
}
