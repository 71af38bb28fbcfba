// FIT activity files (Garmin, Coros, Suunto, Wahoo...) via Garmin's own SDK.
import { Decoder, Stream } from '@garmin/fitsdk';
import { emptyImport, makeIssue, type ParsedImport } from '../../shared/csv/types';
import type { Surface } from '../../shared/model';
import { type ActivitySummary, addActivityRuns, reasonOf, refuse } from './common';

export interface FitActivity {
  /** Stable id from the file's file_id (serial number and creation time), when present. */
  id: string | undefined;
  sport: string | undefined;
  summary: ActivitySummary;
}

const SURFACE_OF_SUB_SPORT: Record<string, Surface> = {
  treadmill: 'treadmill',
  trail: 'trail',
  track: 'track',
  street: 'road',
  indoorRunning: 'treadmill',
};

function asDate(value: unknown): Date | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Decodes a FIT file and summarises each session. read() swallows CRC errors and returns what
 * it could decode, so a damaged file is refused on checkIntegrity() or any read error instead
 * of being half-imported.
 */
export function fitActivities(bytes: Uint8Array): FitActivity[] {
  const stream = Stream.fromByteArray(bytes);
  if (!Decoder.isFIT(stream)) refuse('it is not a FIT file (the ".FIT" signature is missing from its header).');
  const decoder = new Decoder(stream);
  if (!decoder.checkIntegrity()) {
    refuse('the FIT file is damaged: its size or checksum does not match, so it may be incomplete or corrupted.');
  }
  const { messages, errors } = decoder.read({ convertDateTimesToDates: true, convertTypesToStrings: true });
  if (errors.length > 0) refuse(`the FIT file could not be read completely (${errors[0]!.message}).`);

  const fileId = messages.fileIdMesgs?.[0];
  if (fileId?.type !== undefined && fileId.type !== 'activity') {
    refuse(`it is a FIT "${String(fileId.type)}" file, not an activity.`);
  }
  const sessions = messages.sessionMesgs ?? [];
  if (sessions.length === 0) refuse('the FIT file has no session summary, so there is no run in it.');

  const serial = asNumber(fileId?.serialNumber);
  const created = asDate(fileId?.timeCreated);
  const fileKey =
    serial !== undefined && created !== undefined ? `fit:${serial}:${created.getTime() / 1000}` : undefined;
  const records = messages.recordMesgs ?? [];

  return sessions.map((session, index) => {
    let avgHr = asNumber(session.avgHeartRate);
    if (avgHr === undefined && sessions.length === 1) {
      const samples = records
        .map((r) => asNumber(r.heartRate))
        .filter((hr): hr is number => hr !== undefined && hr > 0);
      if (samples.length > 0) avgHr = samples.reduce((a, b) => a + b, 0) / samples.length;
    }
    // workout_rpe is the watch's post-run "how hard was it", on the 0-10 scale times ten.
    const rpe = asNumber(session.workoutRpe);
    const distanceM = asNumber(session.totalDistance);
    const subSport = session.subSport === undefined ? undefined : String(session.subSport);
    return {
      id: fileKey === undefined ? undefined : sessions.length > 1 ? `${fileKey}#${index + 1}` : fileKey,
      sport: session.sport === undefined ? undefined : String(session.sport),
      summary: {
        start: asDate(session.startTime),
        // Timer time leaves out auto-pauses: the time actually spent running.
        durationS: asNumber(session.totalTimerTime) ?? asNumber(session.totalElapsedTime),
        distanceKm: distanceM !== undefined && distanceM > 0 ? distanceM / 1000 : undefined,
        avgHr,
        effort: rpe !== undefined && rpe > 0 ? Math.min(10, Math.max(1, Math.round(rpe / 10))) : undefined,
        surface: subSport === undefined ? undefined : SURFACE_OF_SUB_SPORT[subSport],
      },
    };
  });
}

const RUN_SPORTS = new Set(['running', 'generic']);

/** A FIT file (already unpacked): one run per running session. */
export function parseFit(bytes: Uint8Array, file: string): ParsedImport {
  const result = emptyImport('fit', file);
  try {
    const activities = fitActivities(bytes);
    addActivityRuns(
      result,
      bytes,
      activities.map((activity) => ({ sport: activity.sport, sourceId: activity.id, summary: activity.summary })),
      { source: 'fit', isRunSport: (sport) => RUN_SPORTS.has(sport) },
    );
  } catch (error) {
    result.errors.push(makeIssue(file, reasonOf(error)));
  }
  return result;
}
