// File scenarios: CSV export and import, GPX and FIT import, each against the library that does
// the raw work (papaparse, fast-xml-parser, Garmin's FIT SDK) on the very same input.
import {
  Decoder,
  Encoder,
  Profile,
  Stream,
  type ActivityMesg,
  type FileIdMesg,
  type RecordMesg,
  type SessionMesg,
} from '@garmin/fitsdk';
import { XMLParser } from 'fast-xml-parser';
import Papa from 'papaparse';
import { toCsv } from '../../shared/csv/export';
import type { Run } from '../../shared/model';
import { parseImportBuffer } from '../../main/files/detect';
import { PARSER_OPTIONS } from '../../main/files/xml';
import { seededRandom } from '../prng';
import { ratioResult, type ScenarioResult } from '../report';
import { measurePaired, timeMs } from '../stats';

/** The options papaparse writes Backstride's CSV with (shared/csv.ts). */
const UNPARSE_OPTIONS = { quotes: false, quoteChar: '"', escapeChar: '"', delimiter: ',', newline: '\r\n' } as const;

function expectRecords(label: string, count: number, expected: number): void {
  if (count !== expected) throw new Error(`${label}: expected ${expected} records, got ${count}.`);
}

export async function csvExportScenario(runs: Run[], rounds: number): Promise<ScenarioResult> {
  // The baseline's rows are the exact cells the export writes, read back from one export.
  const cells = Papa.parse<string[]>(toCsv('runs', runs, { bom: false }).trimEnd(), { header: false }).data;
  const [fields, ...rows] = cells;
  if (!fields || rows.length !== runs.length) throw new Error('CSV export bench: the export did not round-trip.');
  const samples = await measurePaired(
    rounds,
    () => timeMs(() => toCsv('runs', runs)),
    () => timeMs(() => Papa.unparse({ fields, data: rows }, UNPARSE_OPTIONS)),
  );
  return ratioResult(`CSV export, ${runs.length.toLocaleString('en')} rows`, samples, 1.2, {
    note: "toCsv('runs', records) vs papaparse.unparse of the same cells (already text) with the same options",
  });
}

export async function csvImportScenario(runs: Run[], rounds: number): Promise<ScenarioResult> {
  const text = toCsv('runs', runs);
  const bytes = new TextEncoder().encode(text);
  const importRuns = async (): Promise<number> => {
    const start = performance.now();
    const [parsed] = await parseImportBuffer('runs.csv', bytes);
    const ms = performance.now() - start;
    expectRecords('CSV import', parsed?.runs.length ?? 0, runs.length);
    return ms;
  };
  const samples = await measurePaired(rounds, importRuns, () => timeMs(() => Papa.parse(text)));
  return ratioResult(`CSV import, ${runs.length.toLocaleString('en')} rows incl. validation`, samples, 2, {
    note: `the app's import entry point (parseImportBuffer: decode, detect, split, map, validate) vs papaparse.parse of the same ${(text.length / 1024 ** 2).toFixed(1)} MB text`,
  });
}

/** A GPX 1.1 track of `points` one-second points with elevation and Garmin heart rate. */
export function syntheticGpx(points: number, seed = 7): string {
  const random = seededRandom(seed);
  const start = Date.parse('2025-05-04T06:00:00Z');
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<gpx version="1.1" creator="Backstride bench" xmlns="http://www.topografix.com/GPX/1/1" ',
    'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n',
    '<metadata><time>2025-05-04T06:00:00Z</time></metadata>\n',
    '<trk><name>Long bench run</name><type>running</type><trkseg>\n',
  ];
  let lat = 51.5;
  let lon = -0.12;
  for (let i = 0; i < points; i++) {
    lat += 0.00002 + random.between(-0.000005, 0.000005);
    lon += random.between(-0.00001, 0.00001);
    const time = new Date(start + i * 1000).toISOString();
    parts.push(
      `<trkpt lat="${lat.toFixed(7)}" lon="${lon.toFixed(7)}"><ele>${(20 + 5 * Math.sin(i / 300)).toFixed(1)}</ele>`,
      `<time>${time}</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>${random.int(130, 170)}</gpxtpx:hr>`,
      '</gpxtpx:TrackPointExtension></extensions></trkpt>\n',
    );
  }
  parts.push('</trkseg></trk>\n</gpx>\n');
  return parts.join('');
}

/** fast-xml-parser with the options main/files/xml.ts reads GPX and TCX with. */
function bareXmlParser(): XMLParser {
  return new XMLParser(PARSER_OPTIONS);
}

export async function gpxScenario(points: number, rounds: number): Promise<ScenarioResult> {
  const text = syntheticGpx(points);
  const bytes = new TextEncoder().encode(text);
  const importTrack = async (): Promise<number> => {
    const start = performance.now();
    const [parsed] = await parseImportBuffer('long-run.gpx', bytes);
    const ms = performance.now() - start;
    expectRecords('GPX import', parsed?.runs.length ?? 0, 1);
    return ms;
  };
  const samples = await measurePaired(rounds, importTrack, () => timeMs(() => bareXmlParser().parse(text)));
  return ratioResult(`GPX import, ${points.toLocaleString('en')}-point track`, samples, 1.3, {
    note: `the app's import entry point on the file's bytes vs fast-xml-parser alone (same options) on the same ${(text.length / 1024 ** 2).toFixed(1)} MB text`,
  });
}

const FIT_EPOCH_S = 631_065_600;
function mesgNum(name: string): number {
  const num = Profile.MesgNum[name];
  if (num === undefined) throw new Error(`The FIT profile has no ${name} message.`);
  return num;
}

/** A FIT activity of one run with a record every second, written with Garmin's own encoder. */
export function syntheticFit(seconds: number, seed = 11): Uint8Array {
  const random = seededRandom(seed);
  const start = new Date('2025-05-04T06:00:00Z');
  const end = new Date(start.getTime() + seconds * 1000);
  const distanceM = seconds * 3.2;
  const encoder = new Encoder();
  const fileId: FileIdMesg = {
    type: 'activity',
    manufacturer: 'development',
    product: 1,
    serialNumber: 1234567,
    timeCreated: start,
  };
  encoder.onMesg(mesgNum('FILE_ID'), fileId);
  for (let i = 0; i <= seconds; i++) {
    const record: RecordMesg = {
      timestamp: new Date(start.getTime() + i * 1000),
      positionLat: Math.round((51.5 + i * 0.00003) * (2 ** 31 / 180)),
      positionLong: Math.round(-0.12 * (2 ** 31 / 180)),
      distance: i * 3.2,
      heartRate: random.int(130, 170),
      cadence: random.int(80, 90),
    };
    encoder.onMesg(mesgNum('RECORD'), record);
  }
  const session: SessionMesg = {
    timestamp: end,
    startTime: start,
    totalElapsedTime: seconds,
    totalTimerTime: seconds,
    totalDistance: distanceM,
    sport: 'running',
    subSport: 'street',
    avgHeartRate: 150,
    messageIndex: 0,
    firstLapIndex: 0,
    numLaps: 1,
  };
  encoder.onMesg(mesgNum('SESSION'), session);
  const activity: ActivityMesg = {
    timestamp: end,
    numSessions: 1,
    totalTimerTime: seconds,
    localTimestamp: Math.round(end.getTime() / 1000) - FIT_EPOCH_S,
  };
  encoder.onMesg(mesgNum('ACTIVITY'), activity);
  return encoder.close();
}

export async function fitScenario(seconds: number, rounds: number): Promise<ScenarioResult> {
  const bytes = syntheticFit(seconds);
  const importActivity = async (): Promise<number> => {
    const start = performance.now();
    const [parsed] = await parseImportBuffer('long-run.fit', bytes);
    const ms = performance.now() - start;
    expectRecords('FIT import', parsed?.runs.length ?? 0, 1);
    return ms;
  };
  const decodeOnly = (): Promise<number> =>
    timeMs(() =>
      new Decoder(Stream.fromByteArray(bytes)).read({ convertDateTimesToDates: true, convertTypesToStrings: true }),
    );
  const samples = await measurePaired(rounds, importActivity, decodeOnly);
  return ratioResult(`FIT import, ${seconds.toLocaleString('en')} records`, samples, 1.2, {
    note: `the app's import entry point vs the FIT SDK's Decoder.read alone (same options) on the same ${(bytes.length / 1024).toFixed(0)} KB file`,
  });
}
