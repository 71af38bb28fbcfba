// Full-fidelity backups of the whole log (every record, the settings, the schema version) as
// one JSON file each in <dataDir>/backups, written atomically. Automatic at start and daily;
// the last KEEP_BACKUPS are kept. CSV export is for analysis; this is what restores a log.
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_FILE_RE, type BackupInfo, type BackupSummary, type RestoreResult } from '../../shared/api';
import { DEFAULT_SETTINGS, SCHEMA_VERSION } from '../../shared/model';
import { isDiskFull, ServiceError } from '../errors';
import { parseSnapshot, RECORD_TYPES, snapshotEntryCount, type LogSnapshot, type RecordType } from './records';
import type { LogRepository } from './repository';
import { TEMP_FILE_RE, writeFileAtomic } from './atomicWrite';

export const BACKUP_DIR = 'backups';
export const KEEP_BACKUPS = 14;
export const BACKUP_FORMAT = 'backstride-backup';
const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupReason = 'automatic' | 'manual' | 'before-restore';

/** The file as written. Header fields first, so a person opening it sees what it is. */
interface BackupFileJson extends LogSnapshot {
  format: typeof BACKUP_FORMAT;
  schemaVersion: number;
  createdAt: string;
  reason: BackupReason;
  entries: number;
}

export interface LoadedBackup extends BackupSummary {
  snapshot: LogSnapshot;
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** `backstride-YYYY-MM-DDTHH-MM-SS.json` in UTC, with `-2`, `-3`… for a second one in the same second. */
export function backupFileName(at: Date, sequence = 1): string {
  const stamp = at.toISOString().slice(0, 19).replace(/:/g, '-');
  return `backstride-${stamp}${sequence > 1 ? `-${sequence}` : ''}.json`;
}

/** When a backup was made, from its name alone (cheap: no need to read it). */
function timeFromName(file: string): { time: number; sequence: number } | undefined {
  const match = /^backstride-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(?:-(\d+))?\.json$/.exec(file);
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`);
  return Number.isFinite(time) ? { time, sequence: Number(match[5] ?? 1) } : undefined;
}

/** Backup file names in the folder, newest first. */
export function backupFiles(dataDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_FILE_RE.test(name) && timeFromName(name) !== undefined)
    .sort((a, b) => {
      const ta = timeFromName(a)!;
      const tb = timeFromName(b)!;
      return tb.time - ta.time || tb.sequence - ta.sequence;
    });
}

/** Reads and fully checks one backup. Never throws for a bad file: says why it cannot be used. */
export function readBackup(
  dataDir: string,
  file: string,
): { ok: true; backup: LoadedBackup } | { ok: false; missing: boolean; reason: string } {
  if (!BACKUP_FILE_RE.test(file)) return { ok: false, missing: true, reason: 'that is not a backup file name' };
  let text: string;
  try {
    text = fs.readFileSync(path.join(backupDir(dataDir), file), 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, reason: missing ? 'it does not exist' : (error as Error).message };
  }
  let raw: Partial<BackupFileJson>;
  try {
    raw = JSON.parse(text) as Partial<BackupFileJson>;
  } catch {
    return { ok: false, missing: false, reason: 'it is not valid JSON (damaged or cut short)' };
  }
  if (typeof raw !== 'object' || raw === null || raw.format !== BACKUP_FORMAT) {
    return { ok: false, missing: false, reason: 'it is not a Backstride backup' };
  }
  if (typeof raw.schemaVersion !== 'number' || raw.schemaVersion > SCHEMA_VERSION) {
    return {
      ok: false,
      missing: false,
      reason: `it was made by a newer Backstride (data version ${raw.schemaVersion})`,
    };
  }
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) return { ok: false, missing: false, reason: parsed.reason };
  if (typeof raw.entries === 'number' && raw.entries !== snapshotEntryCount(parsed.snapshot)) {
    return {
      ok: false,
      missing: false,
      reason: `it holds ${snapshotEntryCount(parsed.snapshot)} of the ${raw.entries} entries it should`,
    };
  }
  const createdAt =
    typeof raw.createdAt === 'string' && Number.isFinite(Date.parse(raw.createdAt))
      ? raw.createdAt
      : new Date(timeFromName(file)?.time ?? 0).toISOString();
  return {
    ok: true,
    backup: { file, createdAt, entries: snapshotEntryCount(parsed.snapshot), snapshot: parsed.snapshot },
  };
}

/** The newest backup that reads and checks out in full, if any (used by recovery). */
export function newestGoodBackup(dataDir: string): LoadedBackup | undefined {
  for (const file of backupFiles(dataDir)) {
    const result = readBackup(dataDir, file);
    if (result.ok) return result.backup;
  }
  return undefined;
}

/** Every usable backup, newest first, with when it was made and how many entries it holds. */
export function listBackups(dataDir: string): BackupSummary[] {
  const list: BackupSummary[] = [];
  for (const file of backupFiles(dataDir)) {
    const result = readBackup(dataDir, file);
    if (result.ok) list.push({ file, createdAt: result.backup.createdAt, entries: result.backup.entries });
  }
  return list;
}

/** Writes one backup of `snapshot` atomically, then drops the oldest beyond `keep`. */
export function writeBackup(
  dataDir: string,
  snapshot: LogSnapshot,
  options: { reason: BackupReason; now?: Date; keep?: number; protect?: string },
): BackupInfo {
  const dir = backupDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const now = options.now ?? new Date();
  let file = backupFileName(now);
  for (let sequence = 2; fs.existsSync(path.join(dir, file)); sequence++) file = backupFileName(now, sequence);
  const entries = snapshotEntryCount(snapshot);
  const content: BackupFileJson = {
    format: BACKUP_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    createdAt: now.toISOString(),
    reason: options.reason,
    entries,
    settings: snapshot.settings,
    records: snapshot.records,
  };
  const target = path.join(dir, file);
  // Read back before the rename: a restore depends on this copy being whole.
  writeFileAtomic(target, JSON.stringify(content, null, 1), { readBack: true });
  rotate(dataDir, options.keep ?? KEEP_BACKUPS, new Set([file, ...(options.protect ? [options.protect] : [])]));
  return { path: target, file, createdAt: content.createdAt, entries };
}

/**
 * Drops the oldest backups beyond `keep`, counting only backups that read back whole: a cut-off
 * or damaged file is never counted (so it cannot push a good one out) and never removed here
 * (it is not ours to judge worthless), and the newest good backup always stays.
 */
function rotate(dataDir: string, keep: number, protect: Set<string>): void {
  let good = 0;
  for (const file of backupFiles(dataDir)) {
    if (!isIntactBackup(dataDir, file)) continue;
    good++;
    if (good > Math.max(keep, 1) && !protect.has(file)) fs.rmSync(path.join(backupDir(dataDir), file), { force: true });
  }
}

/** Backups found whole, by path, with the size and time they had then (a backup never changes once written). */
const intact = new Map<string, string>();

/** Whether a backup file is whole: it parses, is a Backstride backup, and holds the entries its header counts. */
function isIntactBackup(dataDir: string, file: string): boolean {
  const full = path.join(backupDir(dataDir), file);
  const stat = fs.lstatSync(full, { throwIfNoEntry: false });
  if (!stat?.isFile()) return false;
  const key = `${stat.size}:${stat.mtimeMs}`;
  if (intact.get(full) === key) return true;
  let raw: Partial<BackupFileJson>;
  try {
    raw = JSON.parse(fs.readFileSync(full, 'utf8')) as Partial<BackupFileJson>;
  } catch {
    return false;
  }
  const records = raw.records as Partial<Record<RecordType, unknown>> | undefined;
  // As parseSnapshot reads them: a backup from before experiments existed has none.
  const counted = RECORD_TYPES.reduce((sum, type) => {
    const list = records?.[type] ?? (type === 'experiment' ? [] : undefined);
    return sum + (Array.isArray(list) ? list.length : Number.NaN);
  }, 0);
  const whole = raw.format === BACKUP_FORMAT && (raw.entries === undefined || raw.entries === counted);
  if (whole && Number.isFinite(counted)) intact.set(full, key);
  return whole && Number.isFinite(counted);
}

/** Removes temp files a crash left in the backup folder (only while holding the writer lock). */
export function removeLeftoverBackupTemps(dataDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir(dataDir));
  } catch {
    return;
  }
  for (const name of names) {
    if (TEMP_FILE_RE.test(name)) fs.rmSync(path.join(backupDir(dataDir), name), { force: true });
  }
}

/** "Back up now": the log as it is after every queued write. */
export async function backupNow(repo: LogRepository, reason: BackupReason = 'manual'): Promise<BackupInfo> {
  await repo.flush();
  return writeBackup(repo.dataDir, repo.snapshot(), { reason });
}

/** Replaces the log with a backup's content, after backing up the current state first. */
export async function restoreBackup(repo: LogRepository, file: string): Promise<RestoreResult> {
  repo.assertWritable();
  const result = readBackup(repo.dataDir, file);
  if (!result.ok) {
    if (result.missing) throw new ServiceError('not_found', `There is no backup called ${file}.`, 'file');
    throw new ServiceError('invalid_input', `The backup ${file} cannot be restored: ${result.reason}.`, 'file');
  }
  await repo.flush();
  const safetyBackup = writeBackup(repo.dataDir, repo.snapshot(), { reason: 'before-restore', protect: file });
  try {
    await repo.replaceAll(result.backup.snapshot);
  } catch (error) {
    const why = isDiskFull(error)
      ? 'The disk is full: nothing was restored.'
      : `The restore failed and nothing was changed (${(error as Error).message}).`;
    throw new ServiceError(
      'io',
      `${why} Your log is as it was, and it is also in the safety backup made just before: ${safetyBackup.path}`,
      'file',
    );
  }
  const { snapshot: _snapshot, ...restored } = result.backup;
  return { restored, safetyBackup };
}

function isWorthBackingUp(snapshot: LogSnapshot): boolean {
  // An empty log is not backed up automatically: a run of empty backups would rotate out the
  // good ones if a log ever came up empty by mistake.
  return snapshotEntryCount(snapshot) > 0 || JSON.stringify(snapshot.settings) !== JSON.stringify(DEFAULT_SETTINGS);
}

export interface AutomaticBackupOptions {
  /** How often to check whether a backup is due (it is due when the newest is a day old). */
  checkEveryMs?: number;
  maxAgeMs?: number;
  now?: () => Date;
}

/** Backs up once now if the newest backup is older than a day (or there is none), then daily. */
export function startAutomaticBackups(repo: LogRepository, options: AutomaticBackupOptions = {}): () => void {
  const maxAgeMs = options.maxAgeMs ?? DAY_MS;
  const now = options.now ?? (() => new Date());
  let warned = false;
  const check = (): void => {
    if (repo.closed || repo.readOnly) return;
    const newest = backupFiles(repo.dataDir)[0];
    const newestTime = newest ? timeFromName(newest)?.time : undefined;
    if (newestTime !== undefined && now().getTime() - newestTime < maxAgeMs) return;
    const snapshot = repo.snapshot();
    if (!isWorthBackingUp(snapshot)) return;
    try {
      writeBackup(repo.dataDir, snapshot, { reason: 'automatic', now: now() });
    } catch (error) {
      if (warned) return;
      warned = true;
      repo.notices.push({
        level: 'warning',
        message: `The automatic backup could not be written to ${backupDir(repo.dataDir)}: ${
          isDiskFull(error)
            ? 'the disk is full. Free some space; it is tried again every hour'
            : (error as Error).message
        }`,
      });
    }
  };
  check();
  // Checked hourly rather than every 24 h, so a laptop that slept through the day still backs up.
  const timer = setInterval(check, options.checkEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  const stop = (): void => clearInterval(timer);
  repo.onClose(stop);
  return stop;
}
