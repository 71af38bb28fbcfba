import { describe, expect, it } from 'vitest';
import { parseImportBuffer } from '../../../main/files/detect';
import { parseTcx } from '../../../main/files/tcx';
import { fixture, local, utf8 } from './helpers';

describe('TCX', () => {
  it("sums Garmin's laps and weights heart rate by lap time", () => {
    const result = parseTcx(fixture('garmin.tcx'), 'garmin.tcx');
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('tcx');
    const run = result.runs[0]!;
    expect(run.distanceKm).toBe(5);
    expect(run.durationS).toBe(1800);
    // (140 * 300 + 150 * 1500) / 1800 = 148.3; a plain mean of the laps would be 145.
    expect(run.avgHr).toBe(148);
    expect({ date: run.date, startTime: run.startTime }).toEqual(local('2024-03-15T12:05:00Z'));
    expect(run.source).toBe('tcx');
    expect(run.sourceId).toBe('tcx:2024-03-15T12:05:00.000Z');
  });

  it('refuses a TCX in the wrong namespace and a biking activity', () => {
    const text = new TextDecoder().decode(fixture('garmin.tcx'));
    const bike = parseTcx(utf8(text.replace('Sport="Running"', 'Sport="Biking"')), 'bike.tcx');
    expect(bike.runs).toEqual([]);
    expect(bike.errors[0]!.message).toBe('bike.tcx: it is a "Biking" activity; Backstride imports runs only.');
    const wrong = parseTcx(
      utf8(text.replace('xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"', 'xmlns="urn:x"')),
      'old.tcx',
    );
    expect(wrong.errors[0]!.message).toMatch(/^old\.tcx: it is not a TCX file/);
  });

  it('refuses DOCTYPE and ENTITY', () => {
    const text = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">&e;</TrainingCenterDatabase>`;
    const result = parseTcx(utf8(text), 'evil.tcx');
    expect(result.errors[0]!.message).toMatch(/^evil\.tcx: it contains a DOCTYPE or ENTITY declaration/);
  });

  it('refuses binary garbage named .tcx', async () => {
    const [result] = await parseImportBuffer('run.tcx', Uint8Array.from([0x3c, 0, 0x50, 0xff, 0, 0, 9]));
    expect(result!.errors[0]!.message).toBe('run.tcx: it is not a TCX file: it contains binary data, not text.');
  });

  it('falls back to trackpoint heart rate when laps have no average', () => {
    const text = new TextDecoder()
      .decode(fixture('garmin.tcx'))
      .replace(/<AverageHeartRateBpm>\s*<Value>\d+<\/Value>\s*<\/AverageHeartRateBpm>/g, '');
    const run = parseTcx(utf8(text), 'nohr.tcx').runs[0]!;
    expect(run.avgHr).toBe(146); // mean of 132, 146, 149, 158 = 146.25
  });
});
