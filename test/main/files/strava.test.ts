import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { parseImportBuffer, parseImportPath } from '../../../main/files/detect';
import { parseStravaDate, parseStravaNumber } from '../../../main/files/strava';
import { FIXTURES, fixture, local, utf8 } from './helpers';

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('Strava activities.csv (English)', async () => {
  const [result] = await parseImportBuffer('activities.csv', fixture('strava-activities-en.csv'));

  it('keeps runs, trail runs and virtual runs and skips the rest', () => {
    expect(result!.kind).toBe('strava');
    expect(result!.runs.map((r) => r.sourceId)).toEqual(['10987654321', '4500000001', '10987654323']);
    // Ride and Walk are not runs; the treadmill run without distance is refused.
    expect(result!.skippedRows).toBe(3);
  });

  it('maps the columns, preferring the second Distance (metres) over the first (miles here)', () => {
    const run = result!.runs[0]!;
    expect(run).toMatchObject({
      distanceKm: 10.02,
      durationS: 3500, // Moving Time
      avgHr: 150,
      effort: 6,
      shoe: 'Pegasus 40',
      notes: 'Morning Run\nback felt "tight", stopped twice',
      source: 'strava',
    });
    expect({ date: run.date, startTime: run.startTime }).toEqual(local('2023-05-09T10:09:29Z'));
  });

  it('reads day-first dates and sets surfaces from the activity type', () => {
    const [, trail, virtual] = result!.runs;
    expect({ date: trail!.date, startTime: trail!.startTime }).toEqual(local('2020-12-24T08:13:59Z'));
    expect(trail!.surface).toBe('trail');
    expect(trail!.distanceKm).toBe(12.501);
    expect(virtual!.surface).toBe('treadmill');
  });

  it('names the spreadsheet row (a multi-line cell is still one row) and column of a refused run', () => {
    expect(result!.errors).toEqual([
      {
        file: 'activities.csv',
        row: 6,
        column: 'Distance',
        message: 'activities.csv, row 6, column Distance: The distance must be more than 0.',
      },
    ]);
  });
});

describe('Strava activities.csv (German)', async () => {
  const [result] = await parseImportBuffer('activities.csv', fixture('strava-activities-de.csv'));

  it('reads German headers, types, dates and decimal commas', () => {
    expect(result!.errors).toEqual([]);
    expect(result!.skippedRows).toBe(1); // Radfahrt
    const [lauf, trail, virtuell] = result!.runs;
    expect(lauf).toMatchObject({
      distanceKm: 10.02,
      durationS: 3500,
      avgHr: 150,
      effort: 5,
      shoe: 'Pegasus 40',
      notes: 'Morgenlauf\nRücken ok',
    });
    expect({ date: lauf!.date, startTime: lauf!.startTime }).toEqual(local('2023-05-09T10:09:29Z'));
    expect(trail).toMatchObject({ distanceKm: 12.5, surface: 'trail', avgHr: 142 });
    expect(virtuell).toMatchObject({ distanceKm: 5, surface: 'treadmill' });
  });
});

describe('Strava parsing details', () => {
  it('reads the date formats of the export', () => {
    const iso = (text: string): string | undefined => parseStravaDate(text)?.toISOString();
    expect(iso('May 9, 2023, 10:09:29 AM')).toBe('2023-05-09T10:09:29.000Z');
    expect(iso('May 9, 2023, 10:09:29\u202fPM')).toBe('2023-05-09T22:09:29.000Z');
    expect(iso('Jan 1, 2023, 12:05:00 AM')).toBe('2023-01-01T00:05:00.000Z');
    expect(iso('24 Dec 2020, 08:13:59')).toBe('2020-12-24T08:13:59.000Z');
    expect(iso('09.05.2023, 10:09:29')).toBe('2023-05-09T10:09:29.000Z');
    expect(iso('9. März 2023, 07:00:00')).toBe('2023-03-09T07:00:00.000Z');
    expect(iso('3. Okt. 2022, 18:30:00')).toBe('2022-10-03T18:30:00.000Z');
    expect(iso('2023-05-09 10:09:29')).toBe('2023-05-09T10:09:29.000Z');
    expect(iso('31.04.2023, 10:00:00')).toBeUndefined();
    expect(iso('yesterday')).toBeUndefined();
  });

  it('reads numbers by the language of the header', () => {
    expect(parseStravaNumber('1,234.5', false)).toBe(1234.5);
    expect(parseStravaNumber('10020.0', true)).toBe(10020);
    expect(parseStravaNumber('10.020,5', true)).toBe(10020.5);
    expect(parseStravaNumber('', true)).toBeUndefined();
    expect(parseStravaNumber('n/a', false)).toBeUndefined();
  });

  it('warns when there is only one Distance column, read as km', async () => {
    const csv =
      'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n1,"May 9, 2023, 10:09:29 AM",Run,Run,1800,5.5\n';
    const [result] = await parseImportBuffer('activities.csv', utf8(csv));
    expect(result!.runs[0]!.distanceKm).toBe(5.5);
    expect(result!.runs[0]!.durationS).toBe(1800); // elapsed, as there is no Moving Time
    expect(result!.warnings[0]!.message).toMatch(
      /^activities\.csv, column Distance: this file has only one Distance column/,
    );
  });

  it('refuses an unreadable date, naming row and column', async () => {
    const csv = 'Activity ID,Activity Date,Activity Type,Distance,Distance,Moving Time\n1,someday,Run,5,5000,1800\n';
    const [result] = await parseImportBuffer('activities.csv', utf8(csv));
    expect(result!.errors[0]!.message).toBe(
      'activities.csv, row 2, column Activity Date: "someday" is not a date Backstride can read.',
    );
  });
});

// An archive as Strava sends it: activities.csv at the top and the activity files, some gzipped.
const ARCHIVE_CSV =
  'Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Activity Private Note,Filename,Elapsed Time,Moving Time,Distance,Average Heart Rate,New Column 2031\n' +
  // No distance and no heart rate in the CSV: both come from the FIT file.
  '111,"Mar 10, 2024, 12:30:00 PM",Garmin run,Run,1860,,,activities/111.fit.gz,1860.0,1800.0,,,x\n' +
  // No heart rate: from the GPX file (found by id, as Filename is empty).
  '222,"Mar 14, 2024, 12:02:11 PM",Lunch Run,Run,1320,,,,1320.0,1320.0,3600.0,,x\n' +
  '333,"Mar 15, 2024, 6:00:00 PM",Ride,Ride,3600,,,,3600.0,3600.0,30000.0,,x\n' +
  // A path that tries to leave the export is not followed.
  '444,"Mar 16, 2024, 7:00:00 AM",Sneaky,Run,1800,,,../../etc/passwd,1800.0,1800.0,5000.0,140.0,x\n';

function archive(prefix = ''): Uint8Array {
  return zipSync({
    [`${prefix}activities.csv`]: utf8(ARCHIVE_CSV),
    [`${prefix}profile.csv`]: utf8('Athlete ID\n1\n'),
    [`${prefix}activities/111.fit.gz`]: gzipSync(fixture('run-garmin.fit')),
    [`${prefix}activities/222.gpx`]: fixture('strava.gpx'),
  });
}

function checkArchiveResult(
  runs: { sourceId?: string | undefined; distanceKm: number; avgHr?: number | undefined; durationS: number }[],
): void {
  expect(runs.map((r) => r.sourceId)).toEqual(['111', '222', '444']);
  expect(runs[0]).toMatchObject({ distanceKm: 5, avgHr: 148, durationS: 1800 });
  expect(runs[1]).toMatchObject({ distanceKm: 3.6, avgHr: 148, durationS: 1320 });
  expect(runs[2]).toMatchObject({ distanceKm: 5, avgHr: 140 });
}

describe('Strava export archive', () => {
  it('reads a .zip, filling what the CSV lacks from the activity files', async () => {
    const results = await parseImportBuffer('export_12345.zip', archive());
    expect(results).toHaveLength(1);
    const result = results[0]!;
    expect(result.kind).toBe('strava');
    expect(result.file).toBe('export_12345.zip');
    expect(result.errors).toEqual([]);
    expect(result.skippedRows).toBe(1);
    checkArchiveResult(result.runs);
  });

  it('finds activities.csv in a folder inside the archive', async () => {
    const [result] = await parseImportBuffer('export.zip', archive('export_12345/'));
    checkArchiveResult(result!.runs);
  });

  it('names the archive and the CSV in row messages', async () => {
    const zip = zipSync({
      'activities.csv': utf8(
        'Activity ID,Activity Date,Activity Type,Distance,Distance\n9,"May 9, 2023, 10:09:29 AM",Run,5,5000\n',
      ),
    });
    const [result] = await parseImportBuffer('export.zip', zip);
    expect(result!.errors[0]!.message).toBe(
      'export.zip/activities.csv, row 2: it has no times or total time, so the duration of the run is unknown.',
    );
  });

  it('refuses a damaged archive', async () => {
    const zip = archive();
    const [result] = await parseImportBuffer('export.zip', zip.subarray(0, zip.length - 30));
    expect(result!.errors[0]!.message).toBe(
      'export.zip: it is not a valid zip archive (it may be damaged or incomplete).',
    );
  });
});

describe('Strava export folder', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the unpacked export', async () => {
    dir = await mkdtemp(join(tmpdir(), 'backstride-strava-'));
    const root = join(dir, 'export_12345');
    await mkdir(join(root, 'activities'), { recursive: true });
    await writeFile(join(root, 'activities.csv'), ARCHIVE_CSV);
    await writeFile(join(root, 'activities', '111.fit.gz'), gzipSync(fixture('run-garmin.fit')));
    await writeFile(join(root, 'activities', '222.gpx'), fixture('strava.gpx'));
    const [result] = await parseImportPath(root);
    expect(result!.file).toBe('export_12345');
    expect(result!.errors).toEqual([]);
    checkArchiveResult(result!.runs);
  });

  it('refuses a folder that is not a Strava export', async () => {
    const [result] = await parseImportPath(FIXTURES);
    expect(result!.errors[0]!.message).toBe(
      'files: the folder has no activities.csv, so it is not a Strava export folder.',
    );
  });

  it('keeps the fixture CSV readable as text', () => {
    expect(decode(fixture('strava-activities-de.csv'))).toContain('Aktivitäts-ID');
  });
});
