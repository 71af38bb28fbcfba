// CSV text to rows, as Excel, LibreOffice, Numbers and Backstride itself write it; the mapping
// of rows to records is shared/csv/import.ts.
import Papa from 'papaparse';
import { fromCsvRows } from '../../shared/csv/import';
import { emptyImport, makeIssue, type ImportIssue, type ParsedImport } from '../../shared/csv/types';
import type { CustomExercise } from '../../shared/model';
import { countLabel, IMPORT_LIMITS, refuse } from './common';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvTable {
  rows: string[][];
  delimiter: CsvDelimiter;
  /** Broken quoting, with the spreadsheet row it was found on. */
  problems: { row: number; message: string }[];
}

/** The header line, i.e. the text up to the first line break outside quotes. */
function headerLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) return text.slice(0, i);
  }
  return text;
}

/**
 * The separator is whichever of , ; and tab occurs most in the header line (outside quotes).
 * Excel and LibreOffice write ';' where the decimal mark is a comma (German, French, ...).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const line = headerLine(text).replace(/"[^"]*"/g, '');
  const count = (ch: string): number => line.split(ch).length - 1;
  const counts: [CsvDelimiter, number][] = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** Line breaks are taken from the header line: CRLF, LF or (old Mac) CR. */
function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const line = headerLine(text);
  const next = text.slice(line.length, line.length + 2);
  if (next.startsWith('\r\n')) return '\r\n';
  if (next.startsWith('\r')) return '\r';
  return '\n';
}

/** Line breaks in the text (LF, or CR for old Mac files), counted without splitting anything. */
function lineBreaks(text: string, stopAfter: number): number {
  let lf = 0;
  for (let at = text.indexOf('\n'); at >= 0 && lf <= stopAfter; at = text.indexOf('\n', at + 1)) lf += 1;
  if (lf > 0) return lf;
  let cr = 0;
  for (let at = text.indexOf('\r'); at >= 0 && cr <= stopAfter; at = text.indexOf('\r', at + 1)) cr += 1;
  return cr;
}

/** Splits CSV text into rows; refuses (ImportFailure) a file of more than IMPORT_LIMITS.csvLines lines. */
export function splitCsv(raw: string): CsvTable {
  if (lineBreaks(raw, IMPORT_LIMITS.csvLines) > IMPORT_LIMITS.csvLines) {
    refuse(
      `it has more than ${countLabel(IMPORT_LIMITS.csvLines)} lines, the most Backstride reads from one CSV file. Split it into smaller files.`,
    );
  }
  const text = raw.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    delimiter,
    newline: detectNewline(text),
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const problems = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({
      row: (e.row ?? 0) + 1,
      message:
        'a quoted cell is never closed: a quote character (") is missing, so the rest of the file cannot be read.',
    }));
  return { rows: parsed.data, delimiter, problems };
}

export interface CsvImportOptions {
  customExercises?: readonly CustomExercise[];
}

/** Our own CSV kinds (runs, pain, strength; weekly is refused) from text. */
export function parseCsvText(text: string, file: string, options: CsvImportOptions = {}): ParsedImport {
  const table = splitCsv(text);
  return mapTable(table, file, options);
}

export function mapTable(table: CsvTable, file: string, options: CsvImportOptions = {}): ParsedImport {
  if (table.rows.length === 0) {
    const result = emptyImport('unknown', file);
    result.errors.push(makeIssue(file, 'the file is empty.'));
    return result;
  }
  const result = fromCsvRows(table.rows, file, {
    // A decimal comma can only be told from a separator when the separator is not a comma.
    decimalComma: table.delimiter === ';',
    customExercises: options.customExercises ?? [],
  });
  const quoteIssues: ImportIssue[] = table.problems.map((p) => makeIssue(file, p.message, p.row));
  result.errors.unshift(...quoteIssues);
  return result;
}
