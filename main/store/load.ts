// Loading a data folder into the index: every partition and the settings read once, checked
// with the model's schemas and brought to the current data version; files that cannot be used
// are noted as damage for recovery.ts, and links or other non-files are refused, never followed.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Notice } from '../../shared/api';
import { Settings } from '../../shared/model';
import { TEMP_FILE_RE, fsyncDir } from './atomicWrite';
import { backupDir, removeLeftoverBackupTemps } from './backups';
import type { WriteLock } from './lock';
import { LogIndex, SETTINGS_NAME } from './logIndex';
import { migrateFile, NewerSchemaError, type StoredFileJson } from './migrations';
import { PARTITION_RE, partitionName, typeFromPrefix, type AnyRecord, type RecordType } from './records';
import { compiledRecordSchemas, provenRecords, type RecordsProof } from './partitionFile';
import { readPlainFile } from './plainFile';
import type { StoreFile } from './storeFile';

export const DAMAGED_DIR = 'damaged';

export function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * A store file's JSON as the store library reads it (BOM dropped; anything but an object is an
 * empty store), and for a partition of `type`, the digest of its records when they are proven
 * (partitionFile.ts).
 */
function readStoreJson(file: string, type?: RecordType): { json: Record<string, unknown>; proof?: RecordsProof } {
  // Never through a symbolic link (load() refuses them first; this closes the gap after that check).
  const text = readPlainFile(file, 'utf8');
  const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { json: {} };
  const json = parsed as Record<string, unknown>;
  const proof = type === undefined ? undefined : provenRecords(type, text);
  return proof ? { json, proof } : { json };
}

export /** Why a path in the data folder is not something Backstride reads or writes through, if it is not. */
function notPlain(file: string, expect: 'file' | 'folder'): string | undefined {
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (stat.isSymbolicLink()) {
    let to = '';
    try {
      to = ` to ${fs.readlinkSync(file)}`;
    } catch {
      // The link's target is only for the message.
    }
    return `it is a symbolic link${to}`;
  }
  if (expect === 'file' ? !stat.isFile() : !stat.isDirectory())
    return `it is not a ${expect === 'file' ? 'regular file' : 'folder'}`;
  return undefined;
}

/** A file found damaged while loading; repaired after every file has been read. */
export type Damage =
  | { scope: 'file'; type: RecordType | 'settings'; name: string; reason: string }
  | { scope: 'records'; type: RecordType; name: string; invalid: unknown[]; whole: unknown }
  | { scope: 'settings-value'; name: string; whole: unknown };

export abstract class LoadingLog extends LogIndex {
  readonly notices: Notice[] = [];
  protected lock: WriteLock | undefined;
  protected readonly damage: Damage[] = [];
  /**
   * While loading: each partition file's savedAt, to settle an entry found in two year files
   * (the file an entry was first found in is the partition of its date).
   */
  protected readonly loadedSavedAt = new Map<string, number>();
  protected readonly staleCopies: Array<{ type: RecordType; name: string }> = [];
  /**
   * Partition files opened so far: how many were proven unchanged since they were written (their
   * records not checked again) and how many were checked record by record.
   */
  readonly partitionChecks = { proven: 0, checked: 0 };

  /** Repairs what loading found damaged (recovery.ts). */
  protected abstract recover(): void;

  /**
   * Partition files found in the folder but not read yet (file name without .json, and type):
   * all of them are read at open, unless the log was opened to load them on demand.
   */
  private readonly unread = new Map<string, RecordType>();
  /** Read partitions only when asked for (see ensureLoaded); set before load(). */
  protected loadOnDemand = false;

  protected load(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dataDir);
    } catch (error) {
      if (this.readOnly && (error as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing logged yet
      throw new Error(`Cannot read the data folder ${this.dataDir}: ${(error as Error).message}`, { cause: error });
    }
    if (this.lock) this.removeLeftoverTemps(names);
    for (const fileName of names.sort()) {
      const match = PARTITION_RE.exec(fileName);
      if (match) this.unread.set(fileName.replace(/\.json$/, ''), typeFromPrefix(match[1]!));
    }
    if (!this.loadOnDemand) this.readPartitions(() => true, false);
    if (names.includes(`${SETTINGS_NAME}.json`) && !this.refuseIfNotPlain(`${SETTINGS_NAME}.json`)) this.loadSettings();
    this.settleLoaded();
  }

  /**
   * Reads the partitions not read yet that `wanted` picks (in name order), and with `settle`
   * repairs what they need. An entry found in two year files is settled among the files read
   * so far (the one file a new entry goes into, when loading on demand).
   */
  private readPartitions(wanted: (type: RecordType, name: string) => boolean, settle = true): void {
    let read = false;
    for (const [name, type] of this.unread) {
      if (!wanted(type, name)) continue;
      this.unread.delete(name);
      read = true;
      if (!this.refuseIfNotPlain(`${name}.json`)) this.loadPartition(type, name);
    }
    if (read && settle) this.settleLoaded();
  }

  /** After files were read: rewrites the stale copy of an entry found in two files, and repairs damage. */
  private settleLoaded(): void {
    for (const { type, name } of this.staleCopies) {
      if (!this.readOnly) this.writePartitions(type, new Set([name]));
    }
    this.staleCopies.length = 0;
    if (this.unread.size === 0) this.loadedSavedAt.clear();
    this.recover();
  }

  /** Every partition (of `type`, or of every type) is in memory after this. */
  protected override ensureLoaded(type?: RecordType): void {
    if (this.unread.size === 0) return;
    this.readPartitions((t) => type === undefined || t === type);
  }

  /** The partition `name` of `type` is in memory after this (the others may not be). */
  protected ensurePartitionLoaded(type: RecordType, name: string): void {
    if (this.unread.size === 0) return;
    this.readPartitions((t, n) => t === type && n === name);
  }

  /**
   * A partition or settings file that is a symbolic link (or a folder, device…) is neither read
   * nor copied nor replaced: following it would read or overwrite a file outside the data folder.
   */
  protected refuseIfNotPlain(fileName: string): boolean {
    const problem = notPlain(path.join(this.dataDir, fileName), 'file');
    if (!problem) return false;
    const name = fileName.replace(/\.json$/, '');
    const why = `${fileName} in the data folder is not read or written because ${problem}: Backstride keeps only real files there`;
    this.refused.set(name, why);
    this.notices.push({
      level: 'error',
      message: `${why}. ${
        name === SETTINGS_NAME ? 'The default settings are used' : 'Its entries are not shown'
      }, and nothing can be saved into it until you put the file itself in its place and restart Backstride.`,
    });
    return true;
  }

  /**
   * A crash mid-write leaves `<file>.json.tmp-…` beside the file, which still holds its last
   * good content (the rename never happened, so that write was never acknowledged). Only the
   * lock holder may remove them: without the lock, another writer could be mid-write.
   */
  protected removeLeftoverTemps(names: string[]): void {
    for (const name of names) {
      if (TEMP_FILE_RE.test(name) && /\.json\.tmp-/.test(name))
        fs.rmSync(path.join(this.dataDir, name), { force: true });
    }
    removeLeftoverBackupTemps(this.dataDir);
  }

  /** Reads a store file as the library would and brings its JSON to the current schema version (in memory). */
  protected openFile(
    name: string,
    type?: RecordType,
  ): { file: StoreFile; content: StoredFileJson; migrated: boolean; proof?: RecordsProof } | { error: string } {
    try {
      const file = this.lazyFile(name);
      const { json, proof } = readStoreJson(file.path, type);
      const { file: content, migrated } = migrateFile(json);
      // A proof holds only for a file already at the current data version (recordsAreProven).
      return proof === undefined || migrated ? { file, content, migrated } : { file, content, migrated, proof };
    } catch (error) {
      return {
        error:
          error instanceof NewerSchemaError
            ? `it was ${error.message}`
            : error instanceof SyntaxError
              ? 'it is not valid JSON: empty, cut short or overwritten'
              : (error as Error).message,
      };
    }
  }

  /** Writes a migrated file back, once it is known to be a good one; the original is kept first. */
  protected persistMigration(
    name: string,
    opened: { file: StoreFile; content: StoredFileJson; migrated: boolean },
  ): void {
    if (!opened.migrated || this.readOnly) return;
    // The file as it was goes to backups/before-migration/ first: a migration must never cost data.
    this.keepCopy(`${name}.json`, `${stamp()}-${name}.json`, path.join(backupDir(this.dataDir), 'before-migration'));
    opened.file.store = opened.content;
    fsyncDir(this.dataDir);
  }

  protected loadPartition(type: RecordType, name: string): void {
    const opened = this.openFile(name, type);
    if ('error' in opened) {
      this.damage.push({ scope: 'file', type, name, reason: opened.error });
      return;
    }
    const raw = opened.content.records;
    if (!Array.isArray(raw)) {
      this.damage.push({ scope: 'file', type, name, reason: 'it holds no list of entries' });
      return;
    }
    this.persistMigration(name, opened);
    this.files.set(name, opened.file);
    const invalid: unknown[] = [];
    const map = this.records[type] as Map<string, AnyRecord>;
    const savedAt = typeof opened.content.savedAt === 'number' ? opened.content.savedAt : 0;
    this.loadedSavedAt.set(name, savedAt);
    // Partition names end in the year (PARTITION_RE); a valid date is YYYY-MM-DD.
    const year = name.slice(-4);
    const partition = this.partitionOf(type, name) as AnyRecord[];
    this.inOrder.delete(name); // appended in file order, which only a file we wrote keeps sorted
    // Data from disk is never trusted: every record is checked with the stored schema, unless
    // the file proves its records are the very bytes written after they passed that check.
    const { proof } = opened;
    const schema = proof === undefined ? (compiledRecordSchemas()[type] as z.ZodType<AnyRecord>) : undefined;
    if (proof === undefined) this.partitionChecks.checked++;
    else {
      this.partitionChecks.proven++;
      // The records in memory are these parsed objects themselves: a first save can reuse their
      // bytes (logIndex.ts). A log loaded on demand (one command) keeps the few files' records
      // text for it; the app reads a file again at its first save rather than keep every file's.
      this.provenOnDisk.set(name, {
        digest: proof.digest,
        records: raw as AnyRecord[],
        ...(this.loadOnDemand ? { array: proof.array } : {}),
      });
    }
    for (const item of raw) {
      let record: AnyRecord;
      if (schema) {
        const parsed = schema.safeParse(item);
        if (!parsed.success) {
          invalid.push(item);
          continue;
        }
        record = parsed.data;
      } else record = item as AnyRecord;
      if (!record.date.startsWith(year)) {
        invalid.push(item);
        continue;
      }
      // Every entry in memory so far was loaded by this loop, from the partition of its date.
      const earlier = map.get(record.id);
      if (earlier === undefined) {
        // As put() does, without asking again what put() would ask of every one of thousands.
        map.set(record.id, record);
        partition.push(record);
        continue;
      }
      const earlierName = partitionName(type, earlier.date);
      if (earlierName === name) {
        invalid.push(item); // the same id twice in one file: not something we ever write
      } else {
        // The same entry in two year files: an edit that moved it to another year was cut off
        // between writing the new file and rewriting the old one. That save was never
        // acknowledged, so either copy is right; keep the one from the file written last and
        // drop the other copy from its file.
        const keepNew = savedAt > (this.loadedSavedAt.get(earlierName) ?? 0);
        if (keepNew) this.put(type, record);
        this.staleCopies.push({ type, name: keepNew ? earlierName : name });
      }
    }
    if (partition.length === 0) this.partitions[type].delete(name);
    if (invalid.length > 0) this.damage.push({ scope: 'records', type, name, invalid, whole: opened.content });
  }

  protected loadSettings(): void {
    const opened = this.openFile(SETTINGS_NAME);
    if ('error' in opened) {
      this.damage.push({ scope: 'file', type: 'settings', name: SETTINGS_NAME, reason: opened.error });
      return;
    }
    this.files.set(SETTINGS_NAME, opened.file);
    const parsed = Settings.safeParse(opened.content.settings ?? {});
    if (parsed.success) {
      this.settingsValue = parsed.data;
      this.persistMigration(SETTINGS_NAME, opened);
    } else this.damage.push({ scope: 'settings-value', name: SETTINGS_NAME, whole: opened.content });
  }

  /** Copies a file durably to `<dataDir>/damaged/<relativeTarget>` and returns where. */
  protected keepCopy(fileName: string, relativeTarget: string, root = path.join(this.dataDir, DAMAGED_DIR)): string {
    const target = path.join(root, relativeTarget);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(this.dataDir, fileName), target, fs.constants.COPYFILE_EXCL);
    const fd = fs.openSync(target, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fsyncDir(path.dirname(target));
    return target;
  }
}
