import { describe, expect, it } from 'vitest';
import { parseImportBuffer } from '../../../main/files/detect';
import { parseFit } from '../../../main/files/fit';
import { fixture, local } from './helpers';

describe('FIT', () => {
  it('reads the session of a run written by the FIT SDK', () => {
    const result = parseFit(fixture('run-garmin.fit'), 'run-garmin.fit');
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('fit');
    const run = result.runs[0]!;
    expect(run).toMatchObject({
      distanceKm: 5,
      durationS: 1800, // timer time, not the 1860 s elapsed
      avgHr: 148,
      effort: 6, // workout_rpe 60 on the 0-100 scale
      surface: 'road',
      source: 'fit',
    });
    expect({ date: run.date, startTime: run.startTime }).toEqual(local('2024-03-10T12:30:00Z'));
    expect(run.sourceId).toBe(`fit:3400123456:${Date.parse('2024-03-10T12:30:00Z') / 1000}`);
  });

  it('takes heart rate from the records when the session has none', () => {
    const run = parseFit(fixture('treadmill.fit'), 'treadmill.fit').runs[0]!;
    expect(run.surface).toBe('treadmill');
    expect(run.effort).toBeUndefined();
    expect(run.avgHr).toBeGreaterThan(130);
    expect(run.avgHr).toBeLessThan(160);
  });

  it('refuses a file whose CRC does not match, although read() would return its data', () => {
    const result = parseFit(fixture('run-bad-crc.fit'), 'run-bad-crc.fit');
    expect(result.runs).toEqual([]);
    expect(result.errors[0]!.message).toBe(
      'run-bad-crc.fit: the FIT file is damaged: its size or checksum does not match, so it may be incomplete or corrupted.',
    );
  });

  it('refuses a truncated file', () => {
    const bytes = fixture('run-garmin.fit');
    const result = parseFit(bytes.subarray(0, bytes.length - 100), 'cut.fit');
    expect(result.errors[0]!.message).toMatch(/^cut\.fit: the FIT file is damaged/);
  });

  it('refuses a ride', () => {
    const result = parseFit(fixture('ride.fit'), 'ride.fit');
    expect(result.runs).toEqual([]);
    expect(result.errors[0]!.message).toBe('ride.fit: it is a "cycling" activity; Backstride imports runs only.');
  });

  it('refuses something that is not FIT', async () => {
    const [result] = await parseImportBuffer('watch.fit', new TextEncoder().encode('date,score\n2024-01-01,3\n'));
    expect(result!.errors[0]!.message).toBe(
      'watch.fit: it is not a FIT file (the ".FIT" signature is missing from its header).',
    );
  });

  it('is recognised by content whatever its name', async () => {
    const [result] = await parseImportBuffer('download.bin', fixture('run-garmin.fit'));
    expect(result!.kind).toBe('fit');
    expect(result!.runs).toHaveLength(1);
  });
});
