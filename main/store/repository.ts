// The log in memory, persisted as small partition files (one per record type and year, plus
// settings), so a save rewrites one small file however many years the log holds. The class is
// built in layers, one module each: the in-memory index and its writes (logIndex.ts), loading
// (load.ts), recovery of damaged files (recovery.ts), and here the operations the service uses.
//
// Promises kept here (each has a test under test/main/store/):
// - a save resolves only once its file is durably on disk (our verified atomic write + fsync of the folder);
// - a damaged file is never replaced silently: it is kept in damaged/, the newest good backup's
//   entries for it are restored, and a notice says what happened and where the file is;
// - one writer per data folder (lock.ts); a read-only open never changes a byte on disk.
import fs from 'node:fs';
import path from 'node:path';
import { byDateThenId, SCHEMA_VERSION, Settings } from '../../shared/model';
import { ServiceError } from '../errors';
import { replaceFilesAtomically } from './atomicWrite';
import { acquireWriteLock } from './lock';
import { SETTINGS_NAME } from './logIndex';
import {
  partitionName,
  RECORD_TYPES,
  type AnyRecord,
  type LogSnapshot,
  type RecordOf,
  type RecordType,
} from './records';
import { RecoveringLog } from './recovery';
import type { StoreFactory } from './storeFile';

export type { RecordOf } from './records';
export { DAMAGED_DIR } from './load';

export interface RepositoryOptions {
  dataDir: string;
  factory: StoreFactory;
  /**
   * 'write' (the default) may repair files and save. 'read' never changes anything on disk and
   * refuses saves: for commands that only look (insights, list) while another Backstride writes.
   */
  access?: 'write' | 'read';
  /** Take the data folder's writer lock (the app's doors do; a second writer then refuses to open). */
  lock?: boolean;
  /**
   * Read partition files only when something asks for them, instead of all at open: a CLI call
   * that adds one entry to a twenty-year log then reads the one file the entry goes into. Every
   * read of the log (all, get, count, snapshot, a backup) still sees all of it: it reads the rest first.
   */
  loadOnDemand?: boolean;
}

export class LogRepository extends RecoveringLog {
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped on every change; lets callers memoise derived views (journal order, insights). */
  private revision = 0;
  private readonly closeHandlers: Array<() => void> = [];
  private isClosed = false;

  private constructor(options: RepositoryOptions) {
    super({ dataDir: options.dataDir, factory: options.factory, readOnly: options.access === 'read' });
  }

  static open(options: RepositoryOptions): LogRepository {
    const repo = new LogRepository(options);
    repo.loadOnDemand = options.loadOnDemand === true;
    if (!repo.readOnly) fs.mkdirSync(options.dataDir, { recursive: true });
    if (options.lock && !repo.readOnly) repo.lock = acquireWriteLock(options.dataDir);
    try {
      repo.load();
    } catch (error) {
      repo.lock?.release();
      throw error;
    }
    return repo;
  }

  get version(): number {
    return this.revision;
  }

  get settings(): Settings {
    return this.settingsValue;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Whether this process holds the data folder's writer lock. */
  get holdsLock(): boolean {
    return this.lock !== undefined;
  }

  /** Throws the error a door shows when this log cannot be changed. */
  assertWritable(): void {
    if (this.readOnly) {
      throw new ServiceError(
        'locked',
        'This data folder was opened read-only (another Backstride may be writing to it), so nothing can be changed from here.',
      );
    }
    if (this.isClosed) throw new ServiceError('io', 'The log has been closed.');
  }

  /**
   * Inserts or replaces a record by id; resolves once it is durably on disk. `newId`: the id was
   * made just now for this record (no earlier version can exist), so only its own partition needs
   * to be in memory.
   */
  save<T extends RecordType>(type: T, record: RecordOf[T], options: { newId?: boolean } = {}): Promise<RecordOf[T]> {
    return this.enqueue(() => {
      this.assertWritable();
      if (options.newId) this.ensurePartitionLoaded(type, partitionName(type, record.date));
      else this.ensureLoaded(type);
      const previous = this.records[type].get(record.id);
      const touched = new Set([partitionName(type, record.date)]);
      if (previous) touched.add(partitionName(type, previous.date));
      this.put(type, record);
      try {
        this.writePartitions(type, touched);
      } catch (error) {
        // Keep memory equal to disk: a save that did not reach the disk did not happen.
        if (previous) this.put(type, previous);
        else this.remove(type, record.id);
        throw error;
      }
      this.revision++;
      return record;
    });
  }

  /**
   * Inserts or replaces many records in one write per touched partition (imports). All or
   * nothing: if a file cannot be written, memory goes back and the touched files are rewritten from it.
   */
  saveMany<T extends RecordType>(type: T, list: readonly RecordOf[T][]): Promise<RecordOf[T][]> {
    return this.enqueue(() => {
      this.assertWritable();
      if (list.length === 0) return [];
      this.ensureLoaded(type);
      const map = this.records[type] as Map<string, RecordOf[T]>;
      const previous = new Map<string, RecordOf[T] | undefined>();
      const touched = new Set<string>();
      for (const record of list) {
        const before = map.get(record.id);
        if (!previous.has(record.id)) previous.set(record.id, before);
        if (before) touched.add(partitionName(type, before.date));
        touched.add(partitionName(type, record.date));
        this.put(type, record, true);
      }
      try {
        this.writePartitions(type, touched);
      } catch (error) {
        for (const [id, before] of previous) {
          if (before) this.put(type, before);
          else this.remove(type, id);
        }
        try {
          this.writePartitions(type, touched);
        } catch {
          // The disk refused twice; the next successful save of these partitions puts them right.
        }
        throw error;
      }
      this.revision++;
      return [...list];
    });
  }

  delete<T extends RecordType>(type: T, id: string): Promise<RecordOf[T] | undefined> {
    return this.enqueue(() => {
      this.assertWritable();
      this.ensureLoaded(type);
      const previous = this.records[type].get(id);
      if (!previous) return undefined;
      this.remove(type, id);
      try {
        this.writePartitions(type, new Set([partitionName(type, previous.date)]));
      } catch (error) {
        this.put(type, previous);
        throw error;
      }
      this.revision++;
      return previous;
    });
  }

  updateSettings(next: Settings): Promise<Settings> {
    return this.enqueue(() => {
      this.assertWritable();
      const parsed = Settings.parse(next);
      this.writeSettings(parsed);
      this.settingsValue = parsed;
      this.revision++;
      return parsed;
    });
  }

  /**
   * Replaces the whole log (a restore), all or nothing: every file of the new log (partitions
   * left without entries are written empty, and settings) is written beside its target first,
   * then all are swapped in; if any step fails the folder and memory stay as they were.
   */
  replaceAll(snapshot: LogSnapshot): Promise<void> {
    return this.enqueue(() => {
      this.assertWritable();
      this.ensureLoaded();
      const byPartition = new Map<string, { type: RecordType; records: AnyRecord[] }>();
      for (const type of RECORD_TYPES) {
        for (const name of this.partitions[type].keys()) byPartition.set(name, { type, records: [] });
        for (const record of snapshot.records[type] as AnyRecord[]) {
          const name = partitionName(type, record.date);
          let partition = byPartition.get(name);
          if (!partition) byPartition.set(name, (partition = { type, records: [] }));
          partition.records.push(record);
        }
      }
      const files: Array<{ target: string; data: string | Uint8Array }> = [...byPartition].map(
        ([name, { type, records }]) => ({
          target: path.join(this.dataDir, `${name}.json`),
          data: this.partitionFileBytes(type, records.sort(byDateThenId), name),
        }),
      );
      this.assertNotRefused([...byPartition.keys(), SETTINGS_NAME]);
      files.push({
        target: path.join(this.dataDir, `${SETTINGS_NAME}.json`),
        data: JSON.stringify({ schemaVersion: SCHEMA_VERSION, settings: snapshot.settings }),
      });
      replaceFilesAtomically(files);
      // On disk now; memory follows. The store objects are made afresh on the next write.
      this.files.clear();
      for (const type of RECORD_TYPES) {
        this.clearType(type);
        for (const record of snapshot.records[type] as AnyRecord[]) this.put(type, record);
      }
      this.settingsValue = snapshot.settings;
      this.revision++;
    });
  }

  /** Waits for every queued write (used before backups and at shutdown). */
  flush(): Promise<void> {
    return this.enqueue(() => undefined);
  }

  /** Runs `handler` when the log is closed (e.g. stops the backup timer). */
  onClose(handler: () => void): void {
    if (this.isClosed) handler();
    else this.closeHandlers.push(handler);
  }

  /** Finishes queued writes, stops timers and gives the writer lock back. */
  async close(): Promise<void> {
    if (this.isClosed) return;
    await this.flush();
    this.isClosed = true;
    for (const handler of this.closeHandlers.splice(0)) handler();
    this.lock?.release();
    this.lock = undefined;
  }

  private enqueue<R>(task: () => R): Promise<R> {
    const run = this.queue.then(task);
    // The chain goes on after a failed write; the failure is reported to that write's caller.
    this.queue = run.catch(() => undefined);
    return run;
  }
}
