import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  detectCsvKind,
  formatCsvNumber,
  fromCsvRows,
  guardFormula,
  toCsv,
  unguardFormula,
  type ParsedImport,
} from '../../shared/csv';
import { CATALOGUE, findExercise } from '../../shared/exercises';
import {
  PAIN_KINDS,
  PAIN_LOCATIONS,
  PAIN_SIDES,
  PAIN_TIMINGS,
  PainRating,
  Run,
  RunInput,
  RUN_SOURCES,
  StrengthSession,
  SURFACES,
  type CustomExercise,
} from '../../shared/model';
import { fromDisplayDistance } from '../../shared/units';
import { parseImportBuffer } from '../../main/files/detect';
import { splitCsv } from '../../main/files/csvImport';

const CUSTOM: CustomExercise[] = [
  { id: 'own-dead-bug-variant', name: 'Dead bug variant', category: 'core', dosing: 'reps' },
];

/** Parses our own CSV text the way a browser-side caller would: papaparse, then fromCsvRows. */
function reparse(text: string, file = 'export.csv'): ParsedImport {
  return fromCsvRows(splitCsv(text).rows, file, { customExercises: CUSTOM });
}

// ---------------------------------------------------------------------------------------------
// Generators of valid records, with text built to trip up CSV and spreadsheets.

const TRICKY_PREFIXES = [
  '',
  '=',
  '+',
  '-',
  '@',
  "'=",
  "''+",
  "'",
  '＝',
  '＋',
  '－',
  '＠',
  '\t',
  '\r',
  '\n',
  '"',
  ',',
  ' ',
];
const TRICKY_PIECES = [
  'a',
  'Z',
  ',',
  '"',
  '""',
  '\r\n',
  '\n',
  '\r',
  '😀',
  '👩‍👩‍👧',
  ' ',
  '=',
  "'",
  'é',
  ';',
  '\t',
  '＝1+1',
];

const trickyText = (maxPieces: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...TRICKY_PREFIXES),
      fc.array(fc.constantFrom(...TRICKY_PIECES), { maxLength: maxPieces }),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    )
    .map(([prefix, pieces, tail]) => prefix + pieces.join('') + tail);

/** Optional free text; '' is not generated because an empty cell reads back as "absent". */
const notesArb = fc.option(
  trickyText(12).filter((t) => t.length > 0 && t.length <= 5000),
  { nil: undefined },
);
const shortTextArb = fc.option(
  trickyText(6)
    .map((t) => t.trim().slice(0, 100).trim())
    .filter((t) => t.length > 0),
  { nil: undefined },
);
const idArb = fc.uuid({ version: 4 });
const dateArb = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const timeArb = fc.option(
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  { nil: undefined },
);

const runArb = fc
  .record({
    id: idArb,
    date: dateArb,
    startTime: timeArb,
    // Whole millimetres, typed-in miles (stored exactly as converted) and any other double.
    distanceKm: fc.oneof(
      fc.integer({ min: 300, max: 200_000_000 }).map((mm) => mm / 1e6),
      fc.integer({ min: 1, max: 600_000 }).map((milli) => fromDisplayDistance(milli / 1000, 'mi')),
      fc.double({ min: 1e-9, max: 1000, noNaN: true }),
    ),
    paceS: fc.integer({ min: 100, max: 3600 }),
    effort: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    surface: fc.option(fc.constantFrom(...SURFACES), { nil: undefined }),
    shoe: shortTextArb,
    avgHr: fc.option(fc.integer({ min: 25, max: 250 }), { nil: undefined }),
    source: fc.constantFrom(...RUN_SOURCES),
    notes: notesArb,
    sourceId: fc.option(
      trickyText(5).filter((t) => t.length > 0 && t.length <= 200),
      { nil: undefined },
    ),
  })
  .map(({ paceS, ...rest }) => ({ ...rest, durationS: Math.max(1, Math.round(rest.distanceKm * paceS)) }))
  .map((raw) => Run.safeParse(raw))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data!);

const painArb = fc
  .record({
    id: idArb,
    date: dateArb,
    time: timeArb,
    score: fc.integer({ min: 0, max: 10 }),
    location: fc.constantFrom(...PAIN_LOCATIONS),
    side: fc.constantFrom(...PAIN_SIDES),
    kind: fc.constantFrom(...PAIN_KINDS),
    timing: fc.constantFrom(...PAIN_TIMINGS),
    runId: fc.option(idArb, { nil: undefined }),
    notes: notesArb,
  })
  .map((raw) => PainRating.parse(raw));

// Exercises: catalogue ids, a custom one, and names Backstride does not know (kept as written).
const unknownExerciseArb = trickyText(4)
  .map((t) => t.trim().slice(0, 100).trim())
  .filter((t) => t.length > 0 && findExercise(t, CUSTOM) === undefined);
const exerciseArb = fc.oneof(fc.constantFrom(...CATALOGUE.map((e) => e.id), CUSTOM[0]!.id), unknownExerciseArb);
const optionalInt = (min: number, max: number): fc.Arbitrary<number | undefined> =>
  fc.option(fc.integer({ min, max }), { nil: undefined });
const itemArb = fc.record({
  exercise: exerciseArb,
  sets: optionalInt(1, 100),
  reps: optionalInt(1, 1000),
  holdS: optionalInt(1, 3600),
  minutes: fc.option(
    fc.integer({ min: 500, max: 600_000 }).map((n) => n / 1000),
    { nil: undefined },
  ),
  side: fc.option(fc.constantFrom('left' as const, 'right' as const, 'both' as const), { nil: undefined }),
});
const sessionArb = fc
  .record({
    id: idArb,
    date: dateArb,
    time: timeArb,
    durationMin: fc.option(
      fc.integer({ min: 1, max: 600_000 }).map((n) => n / 1000),
      { nil: undefined },
    ),
    items: fc.array(itemArb, { minLength: 1, maxLength: 5 }),
    notes: notesArb,
  })
  .map((raw) => StrengthSession.parse(raw));

const uniqueById = <T extends { id: string }>(arb: fc.Arbitrary<T>): fc.Arbitrary<T[]> =>
  fc.uniqueArray(arb, { selector: (r) => r.id, maxLength: 8 });

// ---------------------------------------------------------------------------------------------

describe('toCsv', () => {
  it('writes the documented columns, a BOM, CRLF line ends and RFC 4180 quoting', () => {
    const run = Run.parse({
      id: '0b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d',
      date: '2024-05-01',
      startTime: '07:05',
      distanceKm: 10.5,
      durationS: 3600,
      effort: 6,
      surface: 'road',
      shoe: 'Pegasus, old',
      avgHr: 151,
      source: 'manual',
      notes: 'said "ouch"\nthen ok',
    });
    const csv = toCsv('runs', [run]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe(
      '\uFEFFid,date,start_time,distance_km,duration_s,effort,surface,shoe,avg_hr,source,notes,source_id\r\n' +
        '0b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d,2024-05-01,07:05,10.5,3600,6,road,"Pegasus, old",151,manual,"said ""ouch""\nthen ok",\r\n',
    );
  });

  it('keeps the column lists stable', () => {
    expect(CSV_COLUMNS.runs.join(',')).toBe(
      'id,date,start_time,distance_km,duration_s,effort,surface,shoe,avg_hr,source,notes,source_id',
    );
    expect(CSV_COLUMNS.pain.join(',')).toBe('id,date,time,score,location,side,kind,timing,run_id,notes');
    expect(CSV_COLUMNS.strength.join(',')).toBe(
      'session_id,date,exercise,category,sets,reps,hold_s,duration_min,notes,time,minutes,side',
    );
    expect(CSV_COLUMNS.weekly.join(',')).toBe(
      'week_start,core_sessions,runs,run_km,mean_back_pain,max_back_pain,pain_days',
    );
  });

  it('writes dot decimals without exponent or locale formatting', () => {
    expect(formatCsvNumber(0.0003, 6)).toBe('0.0003');
    expect(formatCsvNumber(1234567.5, 6)).toBe('1234567.5');
    expect(formatCsvNumber(10.1234567891, 6)).toBe('10.123457');
    expect(formatCsvNumber(5, 6)).toBe('5');
    expect(formatCsvNumber(undefined, 2)).toBe('');
    expect(formatCsvNumber(null, 2)).toBe('');
    expect(formatCsvNumber(3.3333333, 2)).toBe('3.33');
  });

  it('writes one strength row per exercise with the session fields repeated', () => {
    const session = StrengthSession.parse({
      id: '1b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d',
      date: '2024-05-02',
      time: '18:30',
      durationMin: 20,
      notes: 'evening',
      items: [
        { exercise: 'plank', sets: 2, holdS: 30 },
        { exercise: 'glute-bridge', sets: 1, reps: 10 },
        { exercise: 'side-plank', sets: 1, holdS: 20, side: 'left' },
      ],
    });
    const lines = toCsv('strength', [session], { bom: false }).split('\r\n');
    expect(lines[1]).toBe('1b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d,2024-05-02,Plank,core,2,,30,20,evening,18:30,,');
    expect(lines[2]).toBe(
      '1b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d,2024-05-02,Glute bridge,posterior_chain,1,10,,20,evening,18:30,,',
    );
    expect(lines[3]).toBe(
      '1b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d,2024-05-02,Side plank (left/right),core,1,,20,20,evening,18:30,,left',
    );
  });

  it('writes the weekly summary, with empty cells for weeks without pain ratings', () => {
    const csv = toCsv(
      'weekly',
      [
        {
          weekStart: '2024-04-29',
          coreSessions: 3,
          runs: 2,
          runKm: 15.25,
          meanBackPain: 2 / 3,
          maxBackPain: 3,
          painDays: 3,
          inProgress: false,
          nothingLogged: false,
        },
        {
          weekStart: '2024-05-06',
          coreSessions: 0,
          runs: 0,
          runKm: 0,
          meanBackPain: null,
          maxBackPain: null,
          painDays: 0,
          inProgress: false,
          nothingLogged: true,
        },
      ],
      { bom: false },
    );
    expect(csv).toBe(
      'week_start,core_sessions,runs,run_km,mean_back_pain,max_back_pain,pain_days\r\n' +
        '2024-04-29,3,2,15.25,0.67,3,3\r\n2024-05-06,0,0,0,,,0\r\n',
    );
  });

  it('guards free text against formula injection, including line breaks and full-width signs', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
      expect(guardFormula(`${start}HYPERLINK("x")`)).toBe(`'${start}HYPERLINK("x")`);
    }
    expect(guardFormula("'=1")).toBe("''=1");
    expect(guardFormula("'quoted")).toBe("'quoted");
    expect(guardFormula('plain')).toBe('plain');
    const run = Run.parse({
      id: '2b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d',
      date: '2024-05-01',
      distanceKm: 5,
      durationS: 1800,
      shoe: '@SUM(A1)',
      notes: '=cmd|"/c calc"!A1\r\nsecond line',
    });
    const csv = toCsv('runs', [run], { bom: false });
    const cells = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\r\n' }).data[1]!;
    expect(cells[7]).toBe("'@SUM(A1)");
    expect(cells[10]).toBe('\'=cmd|"/c calc"!A1\r\nsecond line');
  });

  it('quotes a cell exactly where papaparse would, for any text', () => {
    fc.assert(
      fc.property(trickyText(8), (notes) => {
        const run = Run.parse({
          id: '5b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d',
          date: '2024-05-01',
          distanceKm: 5,
          durationS: 1800,
        });
        const line = toCsv('runs', [{ ...run, notes }], { bom: false })
          .split('\r\n')
          .slice(1, -1)
          .join('\r\n');
        const cells = ['5b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d', '2024-05-01', '', '5', '1800', '', '', '', '', 'manual'];
        const expected = Papa.unparse([[...cells, guardFormula(notes), '']], { quotes: false, newline: '\r\n' });
        expect(line).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('writes any number as rounding with toFixed and dropping trailing zeros would', () => {
    const reference = (value: number, decimals: number): string => {
      let text = value.toFixed(decimals);
      if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
      return text === '-0' ? '0' : text;
    };
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.integer({ min: 0, max: 6 }),
        (value, decimals) => {
          expect(formatCsvNumber(value, decimals)).toBe(reference(value, decimals));
        },
      ),
      { numRuns: 5000 },
    );
    for (const value of [0.1 + 0.2, -0.0000001, 2 ** 30 + 0.5, 1e-7, 123.4567895, -0]) {
      for (const decimals of [0, 2, 6]) expect(formatCsvNumber(value, decimals)).toBe(reference(value, decimals));
    }
  });

  it('leaves numbers and enums alone', () => {
    const csv = toCsv('pain', [
      PainRating.parse({ id: '3b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d', date: '2024-05-01', score: 0 }),
    ]);
    expect(csv).toContain(',0,lower_back,centre,unsure,rest_day,,\r\n');
  });
});

describe('formula guard', () => {
  it('is undone exactly by unguardFormula for every string', () => {
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom(...TRICKY_PREFIXES, "''", "'''="), fc.string()), ([prefix, rest]) => {
        const text = prefix + rest;
        expect(unguardFormula(guardFormula(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

/** Independent of the schema's pattern: C0 controls but tab, LF and CR; DEL; unpaired surrogates. */
function hasUnsafeCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

const FORMULA_TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Any text: apostrophes and triggers in front, control characters, lone surrogates, any code point. */
const anyText = fc
  .tuple(
    fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＠', '"', ','), { maxLength: 4 }),
    fc.array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 6 }),
        fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\u000b', '\ud800', '\udc00', '😀', '\uFEFF'),
      ),
      { maxLength: 4 },
    ),
  )
  .map(([start, rest]) => start.join('') + rest.join(''))
  .filter((t) => t.length > 0);

describe('free text through export and import', () => {
  it('comes back unchanged whatever it holds, or is refused on entry; no cell starts with a trigger', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (notes, sourceId) => {
        const entered = RunInput.safeParse({ date: '2024-05-01', distanceKm: 5, durationS: 1800, notes, sourceId });
        expect(entered.success).toBe(!hasUnsafeCharacter(notes) && !hasUnsafeCharacter(sourceId));
        if (!entered.success) {
          expect(entered.error.issues.map((i) => i.path[0])).toEqual(
            [hasUnsafeCharacter(notes) && 'notes', hasUnsafeCharacter(sourceId) && 'sourceId'].filter(Boolean),
          );
          return;
        }
        const run = Run.parse({ ...entered.data, id: '0b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d' });
        const csv = toCsv('runs', [run]);
        for (const row of Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ',', newline: '\r\n' }).data)
          for (const value of row) expect(value).not.toMatch(FORMULA_TRIGGER);
        const [back] = await parseImportBuffer('runs.csv', new TextEncoder().encode(csv));
        expect(back!.errors).toEqual([]);
        expect(back!.runs).toEqual([run]);
      }),
      { numRuns: 400 },
    );
  });

  it('names the row and column of a control character in an imported file', () => {
    const back = reparse('date,distance_km,duration_s,notes\r\n2024-05-01,5,1800,bell\u0007here\r\n', 'typed.csv');
    expect(back.runs).toEqual([]);
    expect(back.errors.map((e) => e.message)).toEqual([
      'typed.csv, row 2, column notes: Remove the control characters (text may hold tabs and line breaks, not others).',
    ]);
  });
});

describe('round trip: toCsv, then parse, gives the same records', () => {
  it('runs', () => {
    fc.assert(
      fc.property(uniqueById(runArb), (runs) => {
        const back = reparse(toCsv('runs', runs));
        expect(back.errors).toEqual([]);
        expect(back.kind).toBe('runs');
        expect(back.runs).toEqual(runs);
      }),
      { numRuns: 300 },
    );
  });

  it('pain ratings', () => {
    fc.assert(
      fc.property(uniqueById(painArb), (pain) => {
        const back = reparse(toCsv('pain', pain));
        expect(back.errors).toEqual([]);
        expect(back.pain).toEqual(pain);
      }),
      { numRuns: 300 },
    );
  });

  it('strength sessions (exercise names map back to their ids)', () => {
    fc.assert(
      fc.property(uniqueById(sessionArb), (sessions) => {
        const back = reparse(toCsv('strength', sessions, { customExercises: CUSTOM }));
        expect(back.errors).toEqual([]);
        expect(back.strength).toEqual(sessions);
      }),
      { numRuns: 300 },
    );
  });

  it('through the real import path: UTF-8 bytes and parseImportBuffer', async () => {
    await fc.assert(
      fc.asyncProperty(uniqueById(runArb), async (runs) => {
        const bytes = new TextEncoder().encode(toCsv('runs', runs));
        const [back] = await parseImportBuffer('runs.csv', bytes);
        expect(back!.errors).toEqual([]);
        expect(back!.runs).toEqual(runs);
      }),
      { numRuns: 50 },
    );
  });
});

describe('fromCsvRows', () => {
  it('recognises the kind by header, in any order and case, with a BOM and spaces', () => {
    expect(detectCsvKind(['\uFEFFDate ', ' DISTANCE_KM', 'duration_s'])).toBe('runs');
    expect(detectCsvKind(['score', 'date'])).toBe('pain');
    expect(detectCsvKind(['exercise', 'date', 'sets'])).toBe('strength');
    expect(detectCsvKind(['week_start', 'runs'])).toBe('weekly');
    expect(detectCsvKind(['foo', 'bar'])).toBeUndefined();
  });

  it('reads a minimal runs file and gives new runs fresh ids and the source csv', () => {
    const result = fromCsvRows(
      [
        ['date', 'distance_km', 'duration_s'],
        ['2024-01-02', '5', '1800'],
        ['2024-01-03', '10.25', '1:00:00'],
      ],
      'mine.csv',
    );
    expect(result.errors).toEqual([]);
    expect(result.runs).toHaveLength(2);
    expect(result.runs[0]).toMatchObject({ date: '2024-01-02', distanceKm: 5, durationS: 1800, source: 'csv' });
    expect(result.runs[1]).toMatchObject({ distanceKm: 10.25, durationS: 3600 });
    expect(result.runs[0]!.id).not.toBe(result.runs[1]!.id);
    expect(Run.safeParse(result.runs[0]).success).toBe(true);
  });

  it('reports an invalid row with file, spreadsheet row and column, and keeps the valid rows', () => {
    const result = fromCsvRows(
      [
        ['id', 'date', 'distance_km', 'duration_s', 'notes'],
        ['', '2024-01-02', '5', '1800', 'fine'],
        ['', '2024-01-03', 'five', '1800', ''],
        ['', '2024-02-30', '5', '30', ''],
      ],
      'runs.csv',
    );
    expect(result.runs).toHaveLength(1);
    expect(result.skippedRows).toBe(2);
    expect(result.errors).toEqual([
      {
        file: 'runs.csv',
        row: 3,
        column: 'distance_km',
        message: 'runs.csv, row 3, column distance_km: "five" is not a number (use a dot for decimals).',
      },
      expect.objectContaining({ row: 4, column: 'date', message: expect.stringContaining('real date') }),
      expect.objectContaining({
        row: 4,
        column: 'duration_s',
        message: expect.stringContaining('faster than any human'),
      }),
    ]);
  });

  it('names the header as written and counts rows like a spreadsheet across blank lines', () => {
    const result = fromCsvRows([['Date', 'Score'], ['2024-01-02', '3'], [''], ['2024-01-03', '11']], 'pain.csv');
    expect(result.pain).toHaveLength(1);
    expect(result.errors).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'Score',
        message: 'pain.csv, row 4, column Score: The pain score is from 0 to 10.',
      }),
    ]);
  });

  it('refuses an unknown header and says what it expected', () => {
    const result = fromCsvRows(
      [
        ['when', 'how far'],
        ['x', 'y'],
      ],
      'mystery.csv',
    );
    expect(result.kind).toBe('unknown');
    expect(result.errors[0]!.message).toMatch(/^mystery\.csv: the header row was not recognised/);
    const partial = fromCsvRows(
      [
        ['date', 'distance_km'],
        ['2024-01-01', '5'],
      ],
      'half.csv',
    );
    expect(partial.errors[0]!.message).toBe(
      'half.csv: this looks like a runs file but the header row lacks the column duration_s.',
    );
  });

  it('refuses the weekly summary, which is export-only', () => {
    const result = fromCsvRows([[...CSV_COLUMNS.weekly], ['2024-04-29', '3', '2', '15', '2', '3', '3']], 'weekly.csv');
    expect(result.kind).toBe('weekly');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(
      /^weekly\.csv: this is a weekly summary export, which cannot be imported/,
    );
  });

  it('reports a reused id on the later row', () => {
    const id = '4b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d';
    const result = fromCsvRows(
      [
        ['id', 'date', 'score'],
        [id, '2024-01-02', '1'],
        [id, '2024-01-03', '2'],
      ],
      'pain.csv',
    );
    expect(result.pain).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      row: 3,
      column: 'id',
      message: expect.stringContaining('already used on row 2'),
    });
  });

  it('tells apart different ids that the duplicate check files under one number, and finds a repeat among many', () => {
    // These two UUIDs hash alike in shared/csv/import.ts (found by search), so the check must compare them in full.
    const a = '4b8f5a52-5b7e-4c8f-9d7e-00000003744e';
    const b = '4b8f5a52-5b7e-4c8f-9d7e-000000043910';
    const others = Array.from({ length: 3000 }, (_, i) => `${String(i).padStart(8, '0')}-5b7e-4c8f-9d7e-3f1c2a4b5c6d`);
    const rows = [['id', 'date', 'score'], ...[a, b, ...others, others[1234]!].map((id) => [id, '2024-01-02', '1'])];
    const result = fromCsvRows(rows, 'pain.csv');
    expect(result.pain.map((p) => p.id).slice(0, 2)).toEqual([a, b]);
    expect(result.pain).toHaveLength(3002);
    expect(result.errors).toEqual([
      {
        file: 'pain.csv',
        row: 3004,
        column: 'id',
        message: 'pain.csv, row 3004, column id: this id is already used on row 1238.',
      },
    ]);
  });

  it('reports every later use of an id against its first row, reading ids as trimmed cells', () => {
    const id = '4b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d';
    const other = '7c2d4e1f-8a9b-4c3d-9e8f-0a1b2c3d4e5f';
    const result = fromCsvRows(
      [
        ['id', 'date', 'score'],
        [id, '2024-01-02', '1'],
        [other, '2024-01-02', '1'],
        ['', '', ''],
        [` ${id} `, '2024-01-03', '2'],
        [other, '2024-01-03', 'x'],
        [id, '2024-01-04', '3'],
        ['', '2024-01-05', '4'],
        [' ', '2024-01-05', '4'],
      ],
      'pain.csv',
      {
        newId: (() => {
          let n = 0;
          return () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`;
        })(),
      },
    );
    expect(result.pain.map((p) => p.id)).toEqual([
      id,
      other,
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'pain.csv, row 5, column id: this id is already used on row 2.',
      'pain.csv, row 6, column id: this id is already used on row 3.',
      'pain.csv, row 6, column score: "x" is not a number (use a dot for decimals).',
      'pain.csv, row 7, column id: this id is already used on row 2.',
    ]);
    expect(result.skippedRows).toBe(3);
  });

  it('reports a repeated id that is not a UUID as repeated, not as "not a UUID"', () => {
    const result = fromCsvRows(
      [
        ['id', 'date', 'score'],
        ['run-1', '2024-01-02', '1'],
        ['run-1', '2024-01-03', '2'],
      ],
      'pain.csv',
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      'pain.csv, row 2, column id: The id must be a UUID.',
      'pain.csv, row 3, column id: this id is already used on row 2.',
    ]);
  });

  it('reads plain decimals exactly as Number() does, also long ones', () => {
    const decimal = fc
      .tuple(
        fc.constantFrom('', '+'),
        fc.stringMatching(/^[0-9]{0,3}$/),
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,16}$/),
      )
      .map(([sign, whole, dot, fraction]) => `${sign}${whole}${dot ? '.' : ''}${dot ? fraction : ''}`)
      .filter((text) => /[0-9]/.test(text) && Number(text) >= 0.01 && Number(text) <= 1000);
    fc.assert(
      fc.property(decimal, (distance) => {
        // Ten minutes per km keeps the pace plausible for every distance drawn.
        const duration = String(Math.max(1, Math.round(Number(distance) * 600)));
        const result = fromCsvRows(
          [
            ['date', 'distance_km', 'duration_s'],
            ['2024-01-02', distance, duration],
          ],
          'runs.csv',
        );
        expect(result.errors).toEqual([]);
        expect(Object.is(result.runs[0]!.distanceKm, Number(distance))).toBe(true);
        expect(result.runs[0]!.durationS).toBe(Number(duration));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads enum cells without regard to case, and "center" as centre', () => {
    const result = fromCsvRows(
      [
        ['date', 'score', 'location', 'side', 'kind', 'timing'],
        ['2024-01-02', '4', 'Lower back', 'center', 'Bone-like', 'AFTER_RUN'],
      ],
      'pain.csv',
    );
    expect(result.errors).toEqual([]);
    expect(result.pain[0]).toMatchObject({
      location: 'lower_back',
      side: 'centre',
      kind: 'bone_like',
      timing: 'after_run',
    });
    const bad = fromCsvRows(
      [
        ['date', 'score', 'surface'],
        ['2024-01-02', '4', 'x'],
      ],
      'p.csv',
    );
    expect(bad.errors).toEqual([]); // surface is not a pain column: ignored like any extra column
  });

  it('groups strength rows without session_id by date and time, and maps names to ids', () => {
    const result = fromCsvRows(
      [
        ['date', 'time', 'exercise', 'sets', 'reps', 'hold_s'],
        ['2024-01-02', '', 'plank', '2', '', '30'],
        ['2024-01-02', '', 'Glute Bridge', '1', '10', ''],
        ['2024-01-03', '07:00', 'Bird dog', '1', '8', ''],
        ['2024-01-03', '18:00', 'Dead bug variant', '1', '8', ''],
      ],
      'strength.csv',
      { customExercises: CUSTOM },
    );
    expect(result.errors).toEqual([]);
    expect(result.strength).toHaveLength(3);
    expect(result.strength[0]!.items.map((i) => i.exercise)).toEqual(['plank', 'glute-bridge']);
    expect(result.strength[1]!.items[0]!.exercise).toBe(findExercise('Bird dog')?.id ?? 'Bird dog');
    expect(result.strength[2]!.items[0]!.exercise).toBe('own-dead-bug-variant');
  });

  it('skips a whole session when one of its rows is invalid, naming that row', () => {
    const id = '5b8f5a52-5b7e-4c8f-9d7e-3f1c2a4b5c6d';
    const result = fromCsvRows(
      [
        ['session_id', 'date', 'exercise', 'sets'],
        [id, '2024-01-02', 'plank', '1'],
        [id, '2024-01-02', 'plank', '0'],
        [id, '2024-01-04', '', '1'],
      ],
      'strength.csv',
    );
    expect(result.strength).toEqual([]);
    expect(result.skippedRows).toBe(3);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'sets'],
      [4, 'date'],
      [4, 'exercise'],
    ]);
  });

  it('accepts decimal commas only when asked to (";" files)', () => {
    const rows = [
      ['date', 'distance_km', 'duration_s'],
      ['2024-01-02', '5,5', '1800'],
    ];
    expect(fromCsvRows(rows, 'a.csv').errors).toHaveLength(1);
    expect(fromCsvRows(rows, 'a.csv', { decimalComma: true }).runs[0]!.distanceKm).toBe(5.5);
  });

  it('says an empty file is empty', () => {
    expect(fromCsvRows([], 'empty.csv').errors[0]!.message).toBe('empty.csv: the file is empty.');
  });
});

describe('imports are new input', () => {
  it('refuses dates in the future, as the entry forms do', () => {
    const result = fromCsvRows(
      [
        ['date', 'score'],
        ['2999-01-01', '2'],
      ],
      'pain.csv',
    );
    expect(result.pain).toEqual([]);
    expect(result.errors[0]!.message).toBe('pain.csv, row 2, column date: The date cannot be in the future.');
  });
});
