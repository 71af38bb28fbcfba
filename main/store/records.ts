// What the store keeps, and how a whole log is checked when it comes from disk (partition
// files, backups): every record parsed with the model's schema, never trusted.
import type { z } from 'zod';
import { ENTRY_TYPES, PainRating, Run, Settings, StrengthSession, type EntryType } from '../../shared/model';

export interface RecordOf {
  run: Run;
  pain: PainRating;
  strength: StrengthSession;
}
export type AnyRecord = RecordOf[EntryType];

export const RECORD_SCHEMAS: { [T in EntryType]: z.ZodType<RecordOf[T]> } = {
  run: Run as unknown as z.ZodType<Run>,
  pain: PainRating,
  strength: StrengthSession,
};

export const FILE_PREFIX: Record<EntryType, string> = { run: 'runs', pain: 'pain', strength: 'strength' };
export const PARTITION_RE = /^(runs|pain|strength)-(\d{4})\.json$/;

export function typeFromPrefix(prefix: string): EntryType {
  return prefix === 'runs' ? 'run' : prefix === 'pain' ? 'pain' : 'strength';
}

/** The partition (file name without .json) a record lives in: its type and the year of its date. */
export function partitionName(type: EntryType, date: string): string {
  return `${FILE_PREFIX[type]}-${date.slice(0, 4)}`;
}

/** The whole log at one moment: what a backup holds and what a restore puts back. */
export interface LogSnapshot {
  settings: Settings;
  records: { [T in EntryType]: RecordOf[T][] };
}

export function snapshotEntryCount(snapshot: LogSnapshot): number {
  return ENTRY_TYPES.reduce((sum, type) => sum + snapshot.records[type].length, 0);
}

/** Checks a whole log read from disk: every record valid, no id twice. Returns why not, or the log. */
export function parseSnapshot(raw: unknown): { ok: true; snapshot: LogSnapshot } | { ok: false; reason: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'it holds no log' };
  const { settings, records } = raw as { settings?: unknown; records?: unknown };
  const parsedSettings = Settings.safeParse(settings ?? {});
  if (!parsedSettings.success) return { ok: false, reason: 'its settings are not valid' };
  if (typeof records !== 'object' || records === null) return { ok: false, reason: 'it holds no records' };
  const out: LogSnapshot['records'] = { run: [], pain: [], strength: [] };
  for (const type of ENTRY_TYPES) {
    const list = (records as Record<string, unknown>)[type];
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
