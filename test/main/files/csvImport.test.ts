import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../main/files/common';
import { detectDelimiter, parseCsvText, splitCsv } from '../../../main/files/csvImport';
import { parseImportBuffer } from '../../../main/files/detect';
import { utf8 } from './helpers';

describe('CSV as spreadsheets write it', () => {
  it('reads Excel/LibreOffice in a comma-decimal locale: ";" separator, decimal comma, no BOM, LF, reordered and extra columns', async () => {
    const text =
      'Notes;Duration_S;Extra column;Distance_KM;Date;Surface\n' +
      '"easy; felt ok";1800;whatever;5,25;2024-01-02;Trail\n' +
      'tempo;2400;;8.4;2024-01-04;\n';
    const [result] = await parseImportBuffer('Läufe.csv', utf8(text));
    expect(result!.errors).toEqual([]);
    expect(result!.kind).toBe('runs');
    expect(result!.runs.map((r) => [r.date, r.distanceKm, r.durationS, r.surface, r.notes, r.source])).toEqual([
      ['2024-01-02', 5.25, 1800, 'trail', 'easy; felt ok', 'csv'],
      ['2024-01-04', 8.4, 2400, undefined, 'tempo', 'csv'],
    ]);
  });

  it('does not take a decimal comma when the separator is a comma', () => {
    const result = parseCsvText('date,distance_km,duration_s\n2024-01-02,"5,25",1800\n', 'runs.csv');
    expect(result.runs).toEqual([]);
    expect(result.errors[0]).toMatchObject({ row: 2, column: 'distance_km' });
  });

  it('reads a BOM and CRLF line ends, and quoted cells with line breaks', () => {
    const text = '\uFEFFdate,score,notes\r\n2024-01-02,3,"line one\r\nline two"\r\n2024-01-03,1,\r\n';
    const result = parseCsvText(text, 'pain.csv');
    expect(result.errors).toEqual([]);
    expect(result.pain.map((p) => p.notes)).toEqual(['line one\r\nline two', undefined]);
  });

  it('detects the separator from the header line only', () => {
    expect(detectDelimiter('a;b;c\n"1,2";3;4')).toBe(';');
    expect(detectDelimiter('a,b,c\n1;2;3;4;5;6')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('"x;y",b,c\n')).toBe(',');
  });

  it('reads Windows-1252 text (Excel "CSV" on Windows) and says so', async () => {
    const bytes = Uint8Array.from([
      ...utf8('date;score;notes\r\n2024-01-02;3;R'),
      0xfc, // ü in Windows-1252
      ...utf8('cken\r\n'),
    ]);
    const [result] = await parseImportBuffer('pain.csv', bytes);
    expect(result!.pain[0]!.notes).toBe('Rücken');
    expect(result!.warnings[0]!.message).toMatch(/^pain\.csv: the file is not UTF-8/);
  });

  it('reads UTF-16 with a BOM, tab-separated (Excel "Unicode text")', async () => {
    const text = '\uFEFFdate\tscore\n2024-01-02\t4\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i += 1) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const [result] = await parseImportBuffer('pain.txt', bytes);
    expect(result!.errors).toEqual([]);
    expect(result!.pain[0]!.score).toBe(4);
  });

  it('reports a quote that is never closed, with its row', () => {
    const result = parseCsvText('date,score,notes\n2024-01-02,3,ok\n2024-01-03,2,"oops\n', 'pain.csv');
    expect(result.errors[0]!.message).toMatch(/^pain\.csv, row 3: a quoted cell is never closed/);
  });

  it('refuses an unknown header, naming the file', async () => {
    const [result] = await parseImportBuffer(
      'bank.csv',
      utf8('Buchungstag,Betrag,Verwendungszweck\n01.01.2024,12,x\n'),
    );
    expect(result!.kind).toBe('unknown');
    expect(result!.errors).toHaveLength(1);
    expect(result!.errors[0]!.message).toMatch(/^bank\.csv: the header row was not recognised/);
  });

  it('refuses an invalid row, naming file, row and column', async () => {
    const [result] = await parseImportBuffer(
      'runs.csv',
      utf8('date,distance_km,duration_s,avg_hr\n2024-01-02,5,1800,150\n2024-01-03,5,1800,400\n'),
    );
    expect(result!.runs).toHaveLength(1);
    expect(result!.errors).toEqual([
      {
        file: 'runs.csv',
        row: 3,
        column: 'avg_hr',
        message: 'runs.csv, row 3, column avg_hr: Average heart rate must be at most 250 bpm.',
      },
    ]);
  });

  it('refuses binary garbage named .csv', async () => {
    const [result] = await parseImportBuffer('runs.csv', Uint8Array.from([0, 1, 2, 3, 255, 0, 7]));
    expect(result!.errors[0]!.message).toBe('runs.csv: it is not a CSV file: it contains binary data, not text.');
  });

  it('keeps blank lines out of the data but in the row count', () => {
    const table = splitCsv('date,score\n\n2024-01-02,x\n');
    expect(table.rows.length).toBeGreaterThanOrEqual(3);
    const result = parseCsvText('date,score\n\n2024-01-02,x\n', 'p.csv');
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'score' });
  });
});

describe('decoding', () => {
  it('reads ASCII text exactly as UTF-8, also large files and views into a larger buffer', () => {
    const everyAscii = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1)).join('');
    // Over 1 MB, so Node makes the string differently than for a small file.
    const large = `date,score,notes\r\n${'2024-01-02,3,"a ""b"", c"\r\n'.repeat(60_000)}${everyAscii}`;
    for (const text of ['', 'date,score\n', everyAscii, large]) {
      expect(decodeText(utf8(text))).toEqual({ text });
    }
    const padded = utf8(`\u00e9${everyAscii}\u00e9`);
    expect(decodeText(padded.subarray(2, padded.length - 2))).toEqual({ text: everyAscii });
  });

  it('still reads UTF-8 beyond ASCII, and tells a UTF-8 file from a Windows-1252 one', () => {
    expect(decodeText(utf8('notes\nRücken 😀\n'))).toEqual({ text: 'notes\nRücken 😀\n' });
    expect(decodeText(Uint8Array.from([0x52, 0xfc, 0x63, 0x6b, 0x65, 0x6e]))?.text).toBe('Rücken');
  });
});
