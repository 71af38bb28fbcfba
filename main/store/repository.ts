// The log in memory, persisted as small partition files (one per record type and year, plus
// settings), so a save rewrites one small file however many years the log holds.
//
// Promises kept here (each has a test under test/main/store/):
// - a save resolves only once its file is durably on disk (conf's atomic write + fsync of the folder);
// - a damaged file is never replaced silently: it is kept in damaged/, the newest good backup's
//   entries for it are restored, and a notice says what happened and where the file is;
// - one writer per data folder (lock.ts); a read-only open never changes a byte on disk.
import fs from 'node:fs';
import path from 'node:path';
import type { Notice } from '../../shared/api';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, Settings } from '../../shared/model';
import { ServiceError } from '../errors';
import { backupDir, newestGoodBackup, removeLeftoverBackupTemps, type LoadedBackup } from './backups';
import { acquireWriteLock, type WriteLock } from './lock';
import { migrateFile, NewerSchemaError, type StoredFileJson } from './migrations';
import {
  PARTITION_RE,
  RECORD_SCHEMAS,
  RECORD_TYPES,
  partitionName,
  typeFromPrefix,
  type AnyRecord,
  type LogSnapshot,
  type RecordOf,
  type RecordType,
} from './records';
import { fsyncDir, replaceFilesAtomically, TEMP_FILE_RE, writeFileAtomic } from './atomicWrite';
import type { StoreFactory, StoreFile } from './storeFile';

export type { RecordOf } from './records';

const SETTINGS_NAME = 'settings';
export const DAMAGED_DIR = 'damaged';

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/** A store file's JSON as the store library reads it (BOM dropped; anything but an object is an empty store). */
function readStoreJson(file: string): Record<string, unknown> {
  // Never through a symbolic link (load() refuses them first; this closes the gap after that check).
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  let text: string;
  try {
    if (!fs.fstatSync(fd).isFile()) throw new Error('it is not a regular file');
    text = fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
  const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
}

/** Why a path in the data folder is not something Backstride reads or writes through, if it is not. */
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

function entries(n: number): string {
  return `${n} entr${n === 1 ? 'y' : 'ies'}`;
}

function backupLabel(backup: LoadedBackup, dataDir: string): string {
  const when = backup.createdAt.slice(0, 16).replace('T', ' ');
  return `the backup of ${when} UTC (${path.join(backupDir(dataDir), backup.file)})`;
}

function byDateThenId(a: AnyRecord, b: AnyRecord): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

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
}

/** A file found damaged while loading; repaired after every file has been read. */
type Damage =
  | { scope: 'file'; type: RecordType | 'settings'; name: string; reason: string }
  | { scope: 'records'; type: RecordType; name: string; invalid: unknown[]; whole: unknown }
  | { scope: 'settings-value'; name: string; whole: unknown };

export class LogRepository {
  readonly dataDir: string;
  readonly notices: Notice[] = [];
  readonly readOnly: boolean;
  private readonly factory: StoreFactory;
  private readonly records: { [T in RecordType]: Map<string, RecordOf[T]> } = {
    run: new Map(),
    pain: new Map(),
    strength: new Map(),
    experiment: new Map(),
  };
  /**
   * The same records by partition (type, then partition name, then id), kept in step with
   * `records` by put/remove, so a save rewrites its partition without scanning every record of
   * its type (at twenty years a type holds thousands; a partition a few hundred).
   */
  private readonly partitions: { [T in RecordType]: Map<string, Map<string, RecordOf[T]>> } = {
    run: new Map(),
    pain: new Map(),
    strength: new Map(),
    experiment: new Map(),
  };
  private readonly files = new Map<string, StoreFile>();
  private settingsValue: Settings = DEFAULT_SETTINGS;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped on every change; lets callers memoise derived views (journal order, insights). */
  private revision = 0;
  private lock: WriteLock | undefined;
  private readonly closeHandlers: Array<() => void> = [];
  private isClosed = false;
  private readonly damage: Damage[] = [];
  /**
   * Files that are not read or written (a symbolic link or other non-file in place of a partition
   * or settings, or a damaged file that could not be kept aside), with why: saves into them are refused.
   */
  private readonly refused = new Map<string, string>();
  /**
   * While loading: each partition file's savedAt, to settle an entry found in two year files
   * (the file an entry was first found in is the partition of its date).
   */
  private readonly loadedSavedAt = new Map<string, number>();
  private readonly staleCopies: Array<{ type: RecordType; name: string }> = [];
  private lastSavedAt = 0;

  private constructor(options: RepositoryOptions) {
    this.dataDir = options.dataDir;
    this.factory = options.factory;
    this.readOnly = options.access === 'read';
  }

  static open(options: RepositoryOptions): LogRepository {
    const repo = new LogRepository(options);
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

  all<T extends RecordType>(type: T): RecordOf[T][] {
    return [...this.records[type].values()];
  }

  count(type: RecordType): number {
    return this.records[type].size;
  }

  get<T extends RecordType>(type: T, id: string): RecordOf[T] | undefined {
    return this.records[type].get(id);
  }

  /** The whole log as it is now (between writes, memory equals disk). */
  snapshot(): LogSnapshot {
    const sorted = <T extends RecordType>(type: T): RecordOf[T][] =>
      (this.all(type) as AnyRecord[]).sort(byDateThenId) as RecordOf[T][];
    return {
      settings: this.settingsValue,
      records: {
        run: sorted('run'),
        pain: sorted('pain'),
        strength: sorted('strength'),
        experiment: sorted('experiment'),
      },
    };
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

  /** Inserts or replaces a record by id; resolves once it is durably on disk. */
  save<T extends RecordType>(type: T, record: RecordOf[T]): Promise<RecordOf[T]> {
    return this.enqueue(() => {
      this.assertWritable();
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
      const map = this.records[type] as Map<string, RecordOf[T]>;
      const previous = new Map<string, RecordOf[T] | undefined>();
      const touched = new Set<string>();
      for (const record of list) {
        const before = map.get(record.id);
        if (!previous.has(record.id)) previous.set(record.id, before);
        if (before) touched.add(partitionName(type, before.date));
        touched.add(partitionName(type, record.date));
        this.put(type, record);
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
      const files = [...byPartition].map(([name, { records }]) => {
        this.lastSavedAt = Math.max(Date.now(), this.lastSavedAt + 1);
        const content = {
          schemaVersion: SCHEMA_VERSION,
          savedAt: this.lastSavedAt,
          records: records.sort(byDateThenId),
        };
        return { target: path.join(this.dataDir, `${name}.json`), data: JSON.stringify(content) };
      });
      this.assertNotRefused([...byPartition.keys(), SETTINGS_NAME]);
      files.push({
        target: path.join(this.dataDir, `${SETTINGS_NAME}.json`),
        data: JSON.stringify({ schemaVersion: SCHEMA_VERSION, settings: snapshot.settings }),
      });
      replaceFilesAtomically(files);
      // On disk now; memory follows. The library objects are made afresh on the next write.
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

  /** Inserts or replaces a record in memory (both lookups); an existing id keeps its place in `records`. */
  private put<T extends RecordType>(type: T, record: RecordOf[T]): void {
    const byId = this.records[type] as Map<string, RecordOf[T]>;
    const previous = byId.get(record.id);
    const name = partitionName(type, record.date);
    if (previous) {
      const previousName = partitionName(type, previous.date);
      if (previousName !== name) this.removeFromPartition(type, previousName, record.id);
    }
    byId.set(record.id, record);
    this.partitionOf(type, name).set(record.id, record);
  }

  /** The records of one partition (made empty when it has none yet). */
  private partitionOf<T extends RecordType>(type: T, name: string): Map<string, RecordOf[T]> {
    const byPartition = this.partitions[type] as Map<string, Map<string, RecordOf[T]>>;
    let partition = byPartition.get(name);
    if (!partition) {
      partition = new Map();
      byPartition.set(name, partition);
    }
    return partition;
  }

  /** Removes a record from memory (both lookups). */
  private remove(type: RecordType, id: string): void {
    const previous = this.records[type].get(id);
    if (!previous) return;
    this.records[type].delete(id);
    this.removeFromPartition(type, partitionName(type, previous.date), id);
  }

  private removeFromPartition(type: RecordType, name: string, id: string): void {
    const partition = this.partitions[type].get(name);
    partition?.delete(id);
    if (partition?.size === 0) this.partitions[type].delete(name);
  }

  private clearType(type: RecordType): void {
    this.records[type].clear();
    this.partitions[type].clear();
  }

  private enqueue<R>(task: () => R): Promise<R> {
    const run = this.queue.then(task);
    // The chain goes on after a failed write; the failure is reported to that write's caller.
    this.queue = run.catch(() => undefined);
    return run;
  }

  private file(name: string): StoreFile {
    let file = this.files.get(name);
    if (!file) {
      file = this.factory(this.dataDir, name);
      this.files.set(name, file);
    }
    return file;
  }

  /**
   * A file's store-library object, made on its first use (a write). Loading reads each file
   * once itself (readStoreJson): opening one through the library parses, deep-copies and
   * compares the whole file on top of the read, which at twenty years cost several times the
   * parse itself (see bench/).
   */
  private lazyFile(name: string): StoreFile {
    let file: StoreFile | undefined;
    const open = (): StoreFile => (file ??= this.factory(this.dataDir, name));
    return {
      path: path.join(this.dataDir, `${name}.json`),
      get store() {
        return open().store;
      },
      set store(value) {
        open().store = value;
      },
    };
  }

  private writePartitions(type: RecordType, names: Set<string>): void {
    this.assertNotRefused(names);
    for (const name of names) {
      const partition = this.partitions[type].get(name);
      const records: AnyRecord[] = partition ? [...partition.values()] : [];
      records.sort(byDateThenId);
      // savedAt orders files by when they were written (see loadPartition: an interrupted move).
      this.lastSavedAt = Math.max(Date.now(), this.lastSavedAt + 1);
      this.file(name).store = { schemaVersion: SCHEMA_VERSION, savedAt: this.lastSavedAt, records };
    }
    fsyncDir(this.dataDir);
  }

  private writeSettings(settings: Settings): void {
    this.assertNotRefused([SETTINGS_NAME]);
    this.file(SETTINGS_NAME).store = { schemaVersion: SCHEMA_VERSION, settings };
    fsyncDir(this.dataDir);
  }

  // ---- loading and recovery ----

  private load(): void {
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
      if (match && !this.refuseIfNotPlain(fileName)) {
        this.loadPartition(typeFromPrefix(match[1]!), fileName.replace(/\.json$/, ''));
      }
    }
    if (names.includes(`${SETTINGS_NAME}.json`) && !this.refuseIfNotPlain(`${SETTINGS_NAME}.json`)) this.loadSettings();
    for (const { type, name } of this.staleCopies) {
      if (!this.readOnly) this.writePartitions(type, new Set([name]));
    }
    this.staleCopies.length = 0;
    this.loadedSavedAt.clear();
    this.recover();
  }

  /**
   * A partition or settings file that is a symbolic link (or a folder, device…) is neither read
   * nor copied nor replaced: following it would read or overwrite a file outside the data folder.
   */
  private refuseIfNotPlain(fileName: string): boolean {
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

  /** Throws the refusal for a save into a file that is not read or written (see `refused`). */
  private assertNotRefused(names: Iterable<string>): void {
    for (const name of names) {
      const why = this.refused.get(name);
      if (why) throw new ServiceError('io', `Nothing was saved: ${why}.`);
    }
  }

  /**
   * A crash mid-write leaves `<file>.json.tmp-…` beside the file, which still holds its last
   * good content (the rename never happened, so that write was never acknowledged). Only the
   * lock holder may remove them: without the lock, another writer could be mid-write.
   */
  private removeLeftoverTemps(names: string[]): void {
    for (const name of names) {
      if (TEMP_FILE_RE.test(name) && /\.json\.tmp-/.test(name))
        fs.rmSync(path.join(this.dataDir, name), { force: true });
    }
    removeLeftoverBackupTemps(this.dataDir);
  }

  /** Opens a file through the store library and brings its JSON to the current schema version (in memory). */
  private openFile(name: string): { file: StoreFile; content: StoredFileJson; migrated: boolean } | { error: string } {
    try {
      const file = this.lazyFile(name);
      const { file: content, migrated } = migrateFile(readStoreJson(file.path));
      return { file, content, migrated };
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
  private persistMigration(
    name: string,
    opened: { file: StoreFile; content: StoredFileJson; migrated: boolean },
  ): void {
    if (!opened.migrated || this.readOnly) return;
    // The file as it was goes to backups/before-migration/ first: a migration must never cost data.
    this.keepCopy(`${name}.json`, `${stamp()}-${name}.json`, path.join(backupDir(this.dataDir), 'before-migration'));
    opened.file.store = opened.content;
    fsyncDir(this.dataDir);
  }

  private loadPartition(type: RecordType, name: string): void {
    const opened = this.openFile(name);
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
    const partition = this.partitionOf(type, name) as Map<string, AnyRecord>;
    for (const item of raw) {
      const parsed = RECORD_SCHEMAS[type].safeParse(item);
      if (!parsed.success || !parsed.data.date.startsWith(year)) {
        invalid.push(item);
        continue;
      }
      // Every entry in memory so far was loaded by this loop, from the partition of its date.
      const earlier = map.get(parsed.data.id);
      if (earlier === undefined) {
        // As put() does, without asking again what put() would ask of every one of thousands.
        map.set(parsed.data.id, parsed.data);
        partition.set(parsed.data.id, parsed.data);
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
        if (keepNew) this.put(type, parsed.data);
        this.staleCopies.push({ type, name: keepNew ? earlierName : name });
      }
    }
    if (partition.size === 0) this.partitions[type].delete(name);
    if (invalid.length > 0) this.damage.push({ scope: 'records', type, name, invalid, whole: opened.content });
  }

  private loadSettings(): void {
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

  private recover(): void {
    if (this.damage.length === 0) return;
    let backup: LoadedBackup | undefined | null = null;
    const getBackup = (): LoadedBackup | undefined =>
      backup === null ? (backup = newestGoodBackup(this.dataDir)) : backup;
    const untouched = this.readOnly ? ' Opened read-only, so nothing was changed on disk.' : '';
    const damagedDir = path.join(this.dataDir, DAMAGED_DIR);
    const cannotKeep = this.readOnly ? undefined : notPlain(damagedDir, 'folder');

    for (const damage of this.damage) {
      if (cannotKeep) {
        // Nothing is moved, restored or rewritten: the damaged file would be lost if it were replaced
        // without a copy, and a copy into damaged/ would be written wherever the link points.
        this.refused.set(
          damage.name,
          `${damage.name}.json needs repair, and ${damagedDir} (where damaged files are kept) ${cannotKeep.replace(/^it /, '')}`,
        );
        this.notices.push({
          level: 'error',
          message: `${damage.name}.json could not be read in full, and it was left as it is: it would be kept in ${damagedDir} before any repair, but ${cannotKeep}, and Backstride does not write through links. Make ${DAMAGED_DIR} a real folder and restart Backstride; until then nothing can be saved into ${damage.name}.json.`,
        });
        continue;
      }
      if (damage.scope === 'file') {
        const kept = this.readOnly ? undefined : this.keepCopy(`${damage.name}.json`, `${stamp()}-${damage.name}.json`);
        const where = kept ? `It was moved to ${kept}.` : 'It was left where it is.';
        const from = getBackup();
        if (damage.type === 'settings') {
          this.settingsValue = from ? from.snapshot.settings : DEFAULT_SETTINGS;
          this.replaceDamagedFile(damage.name, { schemaVersion: SCHEMA_VERSION, settings: this.settingsValue });
          this.notices.push({
            level: 'error',
            message: `Your settings file ${damage.name}.json could not be read (${damage.reason}). ${where} ${
              from
                ? `Your settings were restored from ${backupLabel(from, this.dataDir)}.`
                : 'The default settings are used.'
            }${untouched}`,
          });
          continue;
        }
        const restored = from ? this.restoreFromBackup(damage.type, damage.name, from) : [];
        this.replaceDamagedFile(
          damage.name,
          restored.length > 0 ? { schemaVersion: SCHEMA_VERSION, records: restored.sort(byDateThenId) } : undefined,
        );
        this.notices.push({
          level: 'error',
          message: `The file ${damage.name}.json could not be read (${damage.reason}). ${where} ${
            from
              ? `${restored.length > 0 ? `Its ${entries(restored.length)} were restored` : 'Nothing for it could be restored'} from ${backupLabel(from, this.dataDir)}; anything logged in it after that backup is only in the moved file.`
              : 'There was no backup to restore it from, so its entries are missing until you restore them yourself.'
          }${untouched}`,
        });
      } else if (damage.scope === 'records') {
        const kept = this.readOnly ? undefined : this.writeAside(`${damage.name}-invalid-records.json`, damage.invalid);
        const ids = new Set(
          damage.invalid
            .map((item) => (typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined))
            .filter((id): id is string => typeof id === 'string'),
        );
        const from = ids.size > 0 ? getBackup() : undefined;
        const restored = from ? this.restoreFromBackup(damage.type, damage.name, from, ids).length : 0;
        // The file still parses, so the store library can replace it atomically with the repaired list.
        if (!this.readOnly) this.writePartitions(damage.type, new Set([damage.name]));
        const n = damage.invalid.length;
        this.notices.push({
          level: 'warning',
          message: `${entries(n)} in ${damage.name}.json did not pass validation and ${n === 1 ? 'was' : 'were'} left out. ${
            kept ? `${n === 1 ? 'It is' : 'They are'} kept in ${kept}.` : 'The file was left as it is.'
          } ${
            restored > 0
              ? `${restored} of them ${restored === 1 ? 'was' : 'were'} restored from ${backupLabel(from!, this.dataDir)}.`
              : 'No backup holds a good copy of them.'
          }${untouched}`,
        });
      } else {
        const kept = this.readOnly ? undefined : this.writeAside(`${SETTINGS_NAME}-invalid.json`, damage.whole);
        const from = getBackup();
        this.settingsValue = from ? from.snapshot.settings : DEFAULT_SETTINGS;
        if (!this.readOnly) this.writeSettings(this.settingsValue);
        this.notices.push({
          level: 'warning',
          message: `Your settings could not be read and ${
            from ? `were restored from ${backupLabel(from, this.dataDir)}` : 'the defaults are used'
          }.${kept ? ` The old settings are kept in ${kept}.` : ''}${untouched}`,
        });
      }
    }
    this.damage.length = 0;
  }

  /** Puts a backup's entries of one partition back into memory (all of them, or only `ids`). */
  private restoreFromBackup(type: RecordType, name: string, backup: LoadedBackup, ids?: Set<string>): AnyRecord[] {
    const map = this.records[type] as Map<string, AnyRecord>;
    const restored: AnyRecord[] = [];
    for (const record of backup.snapshot.records[type] as AnyRecord[]) {
      if (partitionName(type, record.date) !== name || map.has(record.id)) continue;
      if (ids && !ids.has(record.id)) continue;
      this.put(type, record);
      restored.push(record);
    }
    return restored;
  }

  /**
   * Replaces a file the store library cannot open (it throws on invalid JSON) with repaired
   * content, by our own atomic write: at every moment the path holds the damaged file or the
   * repaired one, and the damaged one has already been copied into damaged/.
   */
  private replaceDamagedFile(name: string, content: StoredFileJson | undefined): void {
    if (this.readOnly) return;
    this.files.delete(name);
    const target = path.join(this.dataDir, `${name}.json`);
    if (content) writeFileAtomic(target, JSON.stringify(content, null, '\t'));
    else {
      fs.rmSync(target, { force: true });
      fsyncDir(this.dataDir);
    }
  }

  /** Copies a file durably to `<dataDir>/damaged/<relativeTarget>` and returns where. */
  private keepCopy(fileName: string, relativeTarget: string, root = path.join(this.dataDir, DAMAGED_DIR)): string {
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

  private writeAside(fileName: string, content: unknown): string {
    const target = path.join(this.dataDir, DAMAGED_DIR, `${stamp()}-${fileName}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, JSON.stringify(content, null, 2));
    return target;
  }
}
