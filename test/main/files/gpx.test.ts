import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseImportBuffer } from '../../../main/files/detect';
import { haversineM, parseGpx } from '../../../main/files/gpx';
import { fixture, local, meridianKm, utf8 } from './helpers';

describe('GPX', () => {
  it('reads Garmin Connect GPX with TrackPointExtension v1 (gpxtpx:)', () => {
    const result = parseGpx(fixture('garmin-tpx-v1.gpx'), 'garmin-tpx-v1.gpx');
    expect(result.errors).toEqual([]);
    expect(result.kind).toBe('gpx');
    const run = result.runs[0]!;
    expect(run.distanceKm).toBeCloseTo(meridianKm(0.045), 3);
    expect(run.durationS).toBe(25 * 60);
    expect(run.avgHr).toBe(145);
    expect({ date: run.date, startTime: run.startTime }).toEqual(local('2024-03-10T12:30:00Z'));
    expect(run.notes).toBe('London Running & Hills');
    expect(run.source).toBe('gpx');
    expect(run.sourceId).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('reads TrackPointExtension v2 under another prefix, matching the namespace URI not the prefix', () => {
    const result = parseGpx(fixture('garmin-tpx-v2.gpx'), 'garmin-tpx-v2.gpx');
    expect(result.errors).toEqual([]);
    const run = result.runs[0]!;
    // 140..160 in steps of 4; the decoy <gpxtpx:hr>999 is in a different namespace.
    expect(run.avgHr).toBe(150);
    expect(run.surface).toBe('trail');
    expect({ date: run.date, startTime: run.startTime }).toEqual(local('2024-03-11T12:10:00Z'));
  });

  it("reads Strava's GPX, with two track segments", () => {
    const result = parseGpx(fixture('strava.gpx'), 'strava.gpx');
    expect(result.errors).toEqual([]);
    const run = result.runs[0]!;
    expect(run.distanceKm).toBeCloseTo(meridianKm(0.036), 3);
    expect(run.durationS).toBe(22 * 60);
    expect(run.avgHr).toBe(148); // mean of 131,141,151,149,155,159 = 147.67
    expect(run.notes).toBe('Lunch Run');
  });

  it('gives the same file the same sourceId, gzipped or not', async () => {
    const bytes = fixture('strava.gpx');
    const a = parseGpx(bytes, 'a.gpx').runs[0]!;
    const [b] = await parseImportBuffer('b.gpx.gz', gzipSync(bytes));
    expect(b!.runs[0]!.sourceId).toBe(a.sourceId);
    expect(b!.runs[0]!.id).not.toBe(a.id);
    expect(parseGpx(fixture('garmin-tpx-v1.gpx'), 'c.gpx').runs[0]!.sourceId).not.toBe(a.sourceId);
  });

  it('measures great-circle distance', () => {
    expect(haversineM(51.5, -0.12, 51.5, -0.12)).toBe(0);
    // London to Paris is about 344 km.
    expect(haversineM(51.5074, -0.1278, 48.8566, 2.3522) / 1000).toBeCloseTo(343.5, 0);
  });

  it('refuses a billion-laughs file before parsing', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE gpx [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1"><trk><name>&lol3;</name></trk></gpx>`;
    const result = parseGpx(utf8(bomb), 'bomb.gpx');
    expect(result.runs).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/^bomb\.gpx: it contains a DOCTYPE or ENTITY declaration/);
  });

  it('refuses an ENTITY declaration even without DOCTYPE, in any case', () => {
    const result = parseGpx(utf8('<gpx><!entity x SYSTEM "file:///etc/passwd"></gpx>'), 'x.gpx');
    expect(result.errors[0]!.message).toMatch(/DOCTYPE or ENTITY/);
  });

  it('refuses binary garbage named .gpx', async () => {
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256);
    const [result] = await parseImportBuffer('run.gpx', garbage);
    expect(result!.runs).toEqual([]);
    expect(result!.errors).toHaveLength(1);
    expect(result!.errors[0]!.message).toBe('run.gpx: it is not a GPX file: it contains binary data, not text.');
    expect(parseGpx(garbage, 'run.gpx').errors[0]!.message).toBe(
      'run.gpx: it is not a GPX file: it contains binary data, not XML text.',
    );
  });

  it('refuses text that is not XML, and broken XML, in plain words', () => {
    expect(parseGpx(utf8('hello, world'), 'a.gpx').errors[0]!.message).toBe(
      'a.gpx: it is not a GPX file: it does not contain XML.',
    );
    expect(parseGpx(utf8('<gpx><trk></gpx>'), 'b.gpx').errors[0]!.message).toMatch(
      /^b\.gpx: it is not a GPX file: the XML is broken at line 1/,
    );
  });

  it('refuses a GPX without a track, and a ride', () => {
    const noTrack = '<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1"><wpt lat="1" lon="2"/></gpx>';
    expect(parseGpx(utf8(noTrack), 'w.gpx').errors[0]!.message).toMatch(/no track/);
    const ride = fixture('strava.gpx');
    const text = new TextDecoder().decode(ride).replace('<type>running</type>', '<type>cycling</type>');
    expect(parseGpx(utf8(text), 'ride.gpx').errors[0]!.message).toBe(
      'ride.gpx: it is a "cycling" activity; Backstride imports runs only.',
    );
  });

  it('refuses a track without times, saying the duration is unknown', () => {
    const gpx = `<gpx xmlns="http://www.topografix.com/GPX/1/1" version="1.1"><trk><trkseg>
      <trkpt lat="51.5" lon="0"/><trkpt lat="51.51" lon="0"/></trkseg></trk></gpx>`;
    expect(parseGpx(utf8(gpx), 'untimed.gpx').errors.map((e) => e.message)).toEqual([
      'untimed.gpx: it has no start time, so the date of the run is unknown.',
      'untimed.gpx: it has no times or total time, so the duration of the run is unknown.',
    ]);
  });

  it('finds the heart-rate extension by its URI under any prefix, and only there', () => {
    const gpx = `<?xml version="1.0"?>
<g:gpx xmlns:g="http://www.topografix.com/GPX/1/1" xmlns:hrx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" xmlns:gpxtpx="urn:other">
 <g:trk><g:trkseg>
  <g:trkpt lat="51.5" lon="0"><g:time>2024-01-01T10:00:00Z</g:time><g:extensions><hrx:TrackPointExtension><hrx:hr>100</hrx:hr></hrx:TrackPointExtension><gpxtpx:TrackPointExtension><gpxtpx:hr>200</gpxtpx:hr></gpxtpx:TrackPointExtension></g:extensions></g:trkpt>
  <g:trkpt lat="51.51" lon="0"><g:time>2024-01-01T10:06:00Z</g:time><g:extensions><hrx:TrackPointExtension><hrx:hr>110</hrx:hr></hrx:TrackPointExtension></g:extensions></g:trkpt>
 </g:trkseg></g:trk>
</g:gpx>`;
    const result = parseGpx(utf8(gpx), 'prefixed.gpx');
    expect(result.errors).toEqual([]);
    expect(result.runs[0]!.avgHr).toBe(105);
  });
});
