// Garmin TrainingCenterDatabase v2 (.tcx). Elements are looked up by namespace URI, so the
// ActivityExtension elements (ns3:LX, ns3:TPX, with whatever prefix) never mix with the core ones.
import { emptyImport, makeIssue, type ParsedImport } from '../../shared/csv/types';
import { type ActivitySummary, addActivityRuns, reasonOf, refuse } from './common';
import {
  childOf,
  childText,
  childrenOf,
  descendantsOf,
  numberText,
  parseXmlBytes,
  parseXmlText,
  timeText,
  type XmlElement,
} from './xml';

const TCD_NS = 'http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2';

export interface TcxActivity {
  /** The activity's <Id> (its start time in Garmin's files), when present. */
  id: string | undefined;
  sport: string | undefined;
  summary: ActivitySummary;
}

function heartRate(el: XmlElement, name: string): number | undefined {
  const holder = childOf(el, TCD_NS, name);
  return holder ? numberText(childText(holder, TCD_NS, 'Value')) : undefined;
}

/** One summary per <Activity>: laps' distance and time summed, heart rate weighted by lap time. */
export function tcxActivities(root: XmlElement): TcxActivity[] {
  if (root.local !== 'TrainingCenterDatabase' || root.ns !== TCD_NS) {
    refuse('it is not a TCX file: its root element is not a TrainingCenterDatabase v2.');
  }
  const activities = childrenOf(root, TCD_NS, 'Activities').flatMap((a) => childrenOf(a, TCD_NS, 'Activity'));
  if (activities.length === 0) refuse('it has no activity (<Activity>), so there is no run in it.');
  return activities.map((activity) => {
    const laps = childrenOf(activity, TCD_NS, 'Lap');
    let timeS = 0;
    let distanceM = 0;
    let hrWeighted = 0;
    let hrTime = 0;
    for (const lap of laps) {
      const lapTime = numberText(childText(lap, TCD_NS, 'TotalTimeSeconds')) ?? 0;
      timeS += lapTime;
      distanceM += numberText(childText(lap, TCD_NS, 'DistanceMeters')) ?? 0;
      const hr = heartRate(lap, 'AverageHeartRateBpm');
      if (hr !== undefined && lapTime > 0) {
        hrWeighted += hr * lapTime;
        hrTime += lapTime;
      }
    }
    let avgHr = hrTime > 0 ? hrWeighted / hrTime : undefined;
    if (avgHr === undefined) {
      // Some apps leave lap averages out but keep per-point heart rate.
      const samples = descendantsOf(activity, TCD_NS, 'Trackpoint')
        .map((p) => heartRate(p, 'HeartRateBpm'))
        .filter((hr): hr is number => hr !== undefined && hr > 0);
      if (samples.length > 0) avgHr = samples.reduce((a, b) => a + b, 0) / samples.length;
    }
    const id = childText(activity, TCD_NS, 'Id');
    return {
      id,
      sport: activity.attr('Sport'),
      summary: {
        start: timeText(id) ?? timeText(laps[0]?.attr('StartTime')),
        durationS: timeS > 0 ? timeS : undefined,
        distanceKm: distanceM > 0 ? distanceM / 1000 : undefined,
        avgHr,
        notes: childText(activity, TCD_NS, 'Notes'),
      },
    };
  });
}

/** A TCX file (already unpacked): one run per running activity. `text`: already decoded, if so. */
export function parseTcx(bytes: Uint8Array, file: string, text?: string): ParsedImport {
  const result = emptyImport('tcx', file);
  try {
    const root = text === undefined ? parseXmlBytes(bytes, 'a TCX file') : parseXmlText(text, 'a TCX file');
    const activities = tcxActivities(root);
    addActivityRuns(
      result,
      bytes,
      activities.map((activity) => ({
        sport: activity.sport,
        sourceId: activity.id === undefined ? undefined : `tcx:${activity.id}`,
        summary: activity.summary,
      })),
      // TCX sports are Running, Biking and Other; "Other" may well be a run, so it is let in.
      { source: 'tcx', isRunSport: (sport) => sport === 'Running' || sport === 'Other' },
    );
  } catch (error) {
    result.errors.push(makeIssue(file, reasonOf(error)));
  }
  return result;
}
