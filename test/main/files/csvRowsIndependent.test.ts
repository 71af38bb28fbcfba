// The importer keeps per-file state across rows (the row reader, the duplicate-id table, the
// compiled checks), and a speed-up may add more. Whatever it reuses, a row must import exactly as
// it does alone: same record, same messages. This compares a whole file with each of its rows
// imported on its own.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseImportBuffer } from '../../../main/files/detect';
import { CSV_COLUMNS, type ImportIssue, type ParsedImport } from '../../../shared/csv/types';
import type { Run } from '../../../shared/model';

/** The runs columns as the app exports them. */
const HEADER = CSV_COLUMNS.runs;

/** A few fixed ids, so that some rows share one (duplicates) and some are not UUIDs. */
const IDS = [
  '',
  ' ',
  '8b0d016a-515b-4437-b748-c6cf84f37b64',
  '720af84b-d7b4-4b9c-8b14-a55d1c098b0f',
  ' 0d5bebce-50d9-4d3f-9085-7527b298da93 ',
  'ECFF835E-A2AE-440B-8F76-DFDF52421A82',
  '00000000-0000-0000-0000-000000000000',
  '8b0d016a-515b-9437-b748-c6cf84f37b64', // version 9: not a UUID
  'not-a-uuid',
];
const CELLS: Record<string, readonly string[]> = {
  date: ['2024-03-01', ' 2023-12-31 ', '2024-02-30', '1969-12-31', '2999-01-01', '', '01.03.2024'],
  start_time: ['', '07:30', '7:05', '23:59:59', '24:00', 'noon'],
  distance_km: ['10', '8.47', ' 12.5 ', '0', '-3', '1e3', 'abc', '', '10,5', '1001'],
  duration_s: ['3600', '1:02:03', '45:00', '3600.5', '', 'x', '99999999', '100'],
  effort: ['', '1', '10', '11', '5.5', 'high'],
  surface: ['', 'road', 'Trail', 'TREADMILL', 'grass', ' track '],
  shoe: ['', 'Racer', '  Trail 3  ', 'Läufer', '=SUM(A1)', "'=x", 'a'.repeat(101), 'tab\there'],
  avg_hr: ['', '150', '24', '251', '140.5'],
  source: ['', 'manual', 'csv', 'Strava', 'garmin'],
  notes: ['', 'Hills, felt strong.', 'said "ok"', 'line\nbreak', 'crlf\r\nbreak', 'Ünïcödé ✓', 'bell\u0007', "'+1"],
  source_id: ['', 'bench-1', 'x'.repeat(201)],
};

const rowArbitrary = fc.tuple(
  fc.constantFrom(...IDS),
  ...HEADER.slice(1).map((column) => fc.constantFrom(...CELLS[column]!)),
  fc.constantFrom(0, 0, 0, 0, -1, 1), // -1: a cell missing at the end, 1: an extra cell
);

function toText(rows: string[][], newline: '\r\n' | '\n', bom: boolean): Uint8Array {
  const text = Papa.unparse([HEADER, ...rows], { newline, quotes: false });
  return new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${text}${newline}`);
}

/** A run without its id when the file gave it none (the importer makes a random one then). */
function comparable(run: Run, hadId: boolean): Partial<Run> {
  if (hadId) return run;
  const { id: _generated, ...rest } = run;
  return rest;
}

/** An issue of the one-row file as it reads at row `row` of the whole file. */
function atRow(issue: ImportIssue, row: number): ImportIssue {
  return { ...issue, row, message: issue.message.replace('row 2', `row ${row}`) };
}

describe('a row imports the same within a file as on its own', () => {
  it('records, messages, skipped rows and generated ids', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArbitrary, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<'\r\n' | '\n'>('\r\n', '\n'),
        fc.boolean(),
        async (generated, newline, bom) => {
          const rows = generated.map((cells) => {
            const extra = cells[cells.length - 1] as number;
            const row = (cells.slice(0, -1) as string[]).slice();
            if (extra < 0) row.pop();
            if (extra > 0) row.push('extra');
            return row;
          });
          const [whole] = await parseImportBuffer('runs.csv', toText(rows, newline, bom));
          expect(whole).toBeDefined();
          const expected: ParsedImport = { ...whole!, runs: [], errors: [], skippedRows: 0, generatedIds: new Set() };
          const firstRowOfId = new Map<string, number>();
          let generatedCount = 0;
          const expectedRuns: Partial<Run>[] = [];
          for (const [index, row] of rows.entries()) {
            const rowNumber = index + 2;
            const [alone] = await parseImportBuffer('runs.csv', toText([row], newline, bom));
            const id = row[0]!.trim();
            let issues = alone!.errors.map((issue) => atRow(issue, rowNumber));
            const earlier = id === '' ? undefined : firstRowOfId.get(id);
            if (id !== '' && earlier === undefined) firstRowOfId.set(id, rowNumber);
            if (earlier !== undefined) {
              // Each column is reported once: the reused id is its column's problem.
              issues = issues.filter((issue) => issue.column !== 'id');
              issues.unshift({
                file: 'runs.csv',
                row: rowNumber,
                column: 'id',
                message: `runs.csv, row ${rowNumber}, column id: this id is already used on row ${earlier}.`,
              });
            }
            if (issues.length > 0) {
              expected.errors.push(...issues);
              expected.skippedRows += 1;
            } else {
              expectedRuns.push(...alone!.runs.map((run) => comparable(run, id !== '')));
              generatedCount += alone!.generatedIds.size;
            }
          }
          expect(whole!.errors).toEqual(expected.errors);
          expect(whole!.skippedRows).toBe(expected.skippedRows);
          const hadId = whole!.runs.map((run) => !whole!.generatedIds.has(run.id));
          expect(whole!.runs.map((run, i) => comparable(run, hadId[i]!))).toEqual(expectedRuns);
          expect(whole!.generatedIds.size).toBe(generatedCount);
          expect(new Set(whole!.runs).size).toBe(whole!.runs.length); // each record its own object
        },
      ),
      { numRuns: 150 },
    );
  });
});
