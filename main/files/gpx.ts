// GPX 1.1 (and 1.0) tracks, as Garmin Connect, Strava and most apps export them.
import { emptyImport, makeIssue, type ParsedImport } from '../../shared/csv/types';
import { type ActivitySummary, addRunResult, contentId, reasonOf, refuse, summaryToRun } from './common';
import {
  childOf,
  childText,
  childrenOf,
  numberText,
  parseXmlBytes,
  parseXmlText,
  timeText,
  type XmlElement,
} from './xml';

const GPX_NS = ['http://www.topografix.com/GPX/1/1', 'http://www.topografix.com/GPX/1/0'];
/** Garmin's heart-rate extension; v1 and v2 both have <hr> (prefixes differ between apps). */
const TRACKPOINT_EXT_NS = [
  'http://www.garmin.com/xmlschemas/TrackPointExtension/v1',
  'http://www.garmin.com/xmlschemas/TrackPointExtension/v2',
];

const EARTH_RADIUS_M = 6_371_008.8; // mean radius

/** Great-circle distance in metres. */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

// Free-text <type> values that are clearly not on foot (Strava writes e.g. "running"/"cycling").
const NOT_A_RUN = /cycl|bik|ride|swim|walk|hik|ski|row|paddl|kayak|canoe|skat|golf/i;

/** The first time that parses, going from `start` in steps of `step` (1 or -1). */
function firstTime(times: readonly string[], start: number, step: 1 | -1): Date | undefined {
  for (let i = start; i >= 0 && i < times.length; i += step) {
    const time = timeText(times[i]);
    if (time !== undefined) return time;
  }
  return undefined;
}

/** What a GPX document tells about its run. */
export function gpxSummary(root: XmlElement): ActivitySummary {
  if (root.local !== 'gpx' || !GPX_NS.includes(root.ns))
    refuse('it is not a GPX file: its root element is not a GPX 1.1 <gpx>.');
  const ns = root.ns;
  const tracks = childrenOf(root, ns, 'trk');
  if (tracks.length === 0) refuse('it has no track (<trk>); routes and waypoints alone are not a run.');
  const type = childText(tracks[0]!, ns, 'type');
  if (type !== undefined && NOT_A_RUN.test(type)) refuse(`it is a "${type}" activity; Backstride imports runs only.`);

  let distanceM = 0;
  /** Every point's time as written; only the first and last that parse are needed. */
  const times: string[] = [];
  let hrSum = 0;
  let hrCount = 0;
  let points = 0;
  const uris = [ns];
  for (const track of tracks) {
    for (const segment of track.childrenNamed(uris, 'trkseg')) {
      // Distance is summed within a segment only: a gap between segments is a pause, not a path.
      let prevLat = 0;
      let prevLon = 0;
      let hasPrev = false;
      for (const point of segment.childrenNamed(uris, 'trkpt')) {
        points += 1;
        const lat = numberText(point.attr('lat'));
        const lon = numberText(point.attr('lon'));
        if (lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
          if (hasPrev) distanceM += haversineM(prevLat, prevLon, lat, lon);
          prevLat = lat;
          prevLon = lon;
          hasPrev = true;
        }
        const time = point.childNamed(uris, 'time')?.text;
        if (time !== undefined && time !== '') times.push(time);
        const hrText = point.childNamed(uris, 'extensions')?.firstDescendant(TRACKPOINT_EXT_NS, 'hr')?.text;
        const hr = numberText(hrText);
        if (hr !== undefined && hr > 0) {
          hrSum += hr;
          hrCount += 1;
        }
      }
    }
  }
  const first = firstTime(times, 0, 1);
  const last = firstTime(times, times.length - 1, -1);
  if (points === 0) refuse('its track has no points (<trkpt>), so there is no run in it.');
  if (first && last && last.getTime() < first.getTime()) refuse('its last point is timed before its first point.');

  const metadata = childOf(root, ns, 'metadata');
  const name = childText(tracks[0]!, ns, 'name') ?? (metadata ? childText(metadata, ns, 'name') : undefined);
  const duration = first && last ? (last.getTime() - first.getTime()) / 1000 : undefined;
  return {
    start: first ?? timeText(metadata ? childText(metadata, ns, 'time') : undefined),
    durationS: duration !== undefined && duration > 0 ? duration : undefined,
    distanceKm: distanceM > 0 ? distanceM / 1000 : undefined,
    avgHr: hrCount > 0 ? hrSum / hrCount : undefined,
    surface:
      type === undefined
        ? undefined
        : /trail/i.test(type)
          ? 'trail'
          : /treadmill|indoor/i.test(type)
            ? 'treadmill'
            : undefined,
    notes: name,
  };
}

/**
 * A GPX file (already unpacked) as an import of one run. `text` is the file already decoded,
 * when the caller has done that (so a large file is not decoded twice).
 */
export function parseGpx(bytes: Uint8Array, file: string, text?: string): ParsedImport {
  const result = emptyImport('gpx', file);
  try {
    const root = text === undefined ? parseXmlBytes(bytes, 'a GPX file') : parseXmlText(text, 'a GPX file');
    const summary = gpxSummary(root);
    addRunResult(result, summaryToRun(summary, { source: 'gpx', sourceId: contentId(bytes), file }));
  } catch (error) {
    result.errors.push(makeIssue(file, reasonOf(error)));
  }
  return result;
}
