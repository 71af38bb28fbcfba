// What the store keeps, and how a whole log is checked when it comes from disk (partition
// files, backups): every record parsed with the model's schema, never trusted.
import type { z } from 'zod';
import { ExperimentRecord } from '../../shared/experiment/model';
import { ENTRY_TYPES, PainRating, Run, Settings, StrengthSession } from '../../shared/model';

/** Everything the log stores by date: the journal's entries, and experiments (filed by start date). */
export const RECORD_TYPES = [...ENTRY_TYPES, 'experiment'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface RecordOf {
  run: Run;
  pain: PainRating;
  strength: StrengthSession;
  experiment: ExperimentRecord;
}
export type AnyRecord = RecordOf[RecordType];

export const RECORD_SCHEMAS: { [T in RecordType]: z.ZodType<RecordOf[T]> } = {
  run: Run as unknown as z.ZodType<Run>,
  pain: PainRating,
  strength: StrengthSession,
  experiment: ExperimentRecord as unknown as z.ZodType<ExperimentRecord>,
};

/**
 * The revision of the rules above as they judge stored records. A partition file's proof (see
 * partitionFile.ts) counts only for the revision it was made under: bump this whenever a stored
 * schema changes what it accepts or outputs, and every file is checked in full once more.
 * (test/main/store/partitionProof.test.ts fails when the schemas' JSON form changes without a bump.)
 */
export const STORED_RULES_VERSION = 2;

export const FILE_PREFIX: Record<RecordType, string> = {
  run: 'runs',
  pain: 'pain',
  strength: 'strength',
  experiment: 'experiments',
};
/** `<prefix>-<year>.json` for the prefixes above, and nothing else: a new record type adds its prefix there. */
export const PARTITION_RE = new RegExp(
  `^(${RECORD_TYPES.map((type) => FILE_PREFIX[type]).join('|')})-(\\d{4})\\.json$`,
);

export function typeFromPrefix(prefix: string): RecordType {
  const type = RECORD_TYPES.find((t) => FILE_PREFIX[t] === prefix);
  if (!type) throw new RangeError(`No record type is stored as ${prefix}-YYYY.json.`);
  return type;
}

/** The partition (file name without .json) a record lives in: its type and the year of its date. */
export function partitionName(type: RecordType, date: string): string {
  return `${FILE_PREFIX[type]}-${date.slice(0, 4)}`;
}

/** The whole log at one moment: what a backup holds and what a restore puts back. */
export interface LogSnapshot {
  settings: Settings;
  records: { [T in RecordType]: RecordOf[T][] };
}

/** Entries and experiments in a whole log. */
export function snapshotEntryCount(snapshot: LogSnapshot): number {
  return RECORD_TYPES.reduce((sum, type) => sum + snapshot.records[type].length, 0);
}

/** Checks a whole log read from disk: every record valid, no id twice. Returns why not, or the log. */
export function parseSnapshot(raw: unknown): { ok: true; snapshot: LogSnapshot } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'it holds no log' };
  const { settings, records } = raw as { settings?: unknown; records?: unknown };
  const parsedSettings = Settings.safeParse(settings ?? {});
  if (!parsedSettings.success) return { ok: false, reason: 'its settings are not valid' };
  if (typeof records !== 'object' || records === null) return { ok: false, reason: 'it holds no records' };
  const out: LogSnapshot['records'] = { run: [], pain: [], strength: [], experiment: [] };
  for (const type of RECORD_TYPES) {
    // Backups made before experiments existed (data version 1) have none.
    const list = (records as Record<string, unknown>)[type] ?? (type === 'experiment' ? [] : undefined);
    if (!Array.isArray(list)) return { ok: false, reason: `its ${FILE_PREFIX[type]} are missing` };
    const seen = new Set<string>();
    for (const [index, item] of list.entries()) {
      const parsed = RECORD_SCHEMAS[type].safeParse(item);
      if (!parsed.success) return { ok: false, reason: `${FILE_PREFIX[type]} entry ${index + 1} is not valid` };
      if (seen.has(parsed.data.id))
        return { ok: false, reason: `${FILE_PREFIX[type]} entry ${index + 1} is there twice` };
      seen.add(parsed.data.id);
      (out[type] as AnyRecord[]).push(parsed.data);
    }
  }
  return { ok: true, snapshot: { settings: parsedSettings.data, records: out } };
}
