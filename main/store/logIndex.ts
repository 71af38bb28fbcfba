// The log in memory and how it reaches the disk: every record by type and id, the same records
// by partition (one file per record type and year, plus settings), and the writes that turn a
// partition back into its file. No loading or repair here (load.ts, recovery.ts).
import path from 'node:path';
import { byDateThenId, DEFAULT_SETTINGS, SCHEMA_VERSION, type Settings } from '../../shared/model';
import { prefixLength } from '../../shared/sortedSearch';
import { ServiceError } from '../errors';
import { checkedRecordJson, PartitionRecords, partitionBytes, provenRecords, recordsArrayBytes } from './partitionFile';
import { readPlainFile } from './plainFile';
import { partitionName, type AnyRecord, type LogSnapshot, type RecordOf, type RecordType } from './records';
import type { StoreFactory, StoreFile } from './storeFile';

export const SETTINGS_NAME = 'settings';

export abstract class LogIndex {
  readonly dataDir: string;
  readonly readOnly: boolean;
  protected readonly factory: StoreFactory;
  protected readonly records: { [T in RecordType]: Map<string, RecordOf[T]> } = {
    run: new Map(),
    pain: new Map(),
    strength: new Map(),
    experiment: new Map(),
  };
  /**
   * The same records by partition (type, then partition name), kept in step with `records` by
   * put/remove, so a save rewrites its partition without scanning every record of its type (at
   * twenty years a type holds thousands; a partition a few hundred). A list, not a map: a record
   * is found in it by identity (the one `records` holds), and loading only appends to it.
   */
  protected readonly partitions: { [T in RecordType]: Map<string, RecordOf[T][]> } = {
    run: new Map(),
    pain: new Map(),
    strength: new Map(),
    experiment: new Map(),
  };
  /**
   * Partitions (by name) whose list is known to be in file order, oldest first by date, then id:
   * a save puts its record in its place (a binary search, not a sort of the whole list at every
   * save). Any other list (as loaded, or after many records were put at once) is sorted when written.
   */
  protected readonly inOrder = new Set<string>();
  protected readonly files = new Map<string, StoreFile>();
  /** Each partition's records and bytes as last written, so the next save checks and hashes only what it changed. */
  private readonly written = new Map<string, PartitionRecords>();
  /**
   * Partition files read from disk with proven records and not written since: the digest they
   * carried and the records parsed from them in file order. The first save into one reads the
   * file again and, when it still carries that digest, starts from its bytes (PartitionRecords):
   * the records the save did not change are neither checked nor serialised again. A log loaded
   * on demand (a CLI command reads one or two files) keeps the records text it proved instead.
   */
  protected readonly provenOnDisk = new Map<
    string,
    { digest: string; records: readonly AnyRecord[]; /** The records array's text, when kept. */ array?: string }
  >();
  protected settingsValue: Settings = DEFAULT_SETTINGS;
  /**
   * Files that are not read or written (a symbolic link or other non-file in place of a partition
   * or settings, or a damaged file that could not be kept aside), with why: saves into them are refused.
   */
  protected readonly refused = new Map<string, string>();
  protected lastSavedAt = 0;

  protected constructor(options: { dataDir: string; factory: StoreFactory; readOnly: boolean }) {
    this.dataDir = options.dataDir;
    this.factory = options.factory;
    this.readOnly = options.readOnly;
  }

  /**
   * Reads what is not in memory yet (a log opened to load on demand); every accessor below asks
   * first, so whatever reads the log sees all of it. A no-op once everything is loaded.
   */
  protected ensureLoaded(_type?: RecordType): void {}

  all<T extends RecordType>(type: T): RecordOf[T][] {
    this.ensureLoaded(type);
    return [...this.records[type].values()];
  }

  /** Every record of a type, oldest first by date, then id. */
  allByDate<T extends RecordType>(type: T): RecordOf[T][] {
    return (this.all(type) as AnyRecord[]).sort(byDateThenId) as RecordOf[T][];
  }

  count(type: RecordType): number {
    this.ensureLoaded(type);
    return this.records[type].size;
  }

  get<T extends RecordType>(type: T, id: string): RecordOf[T] | undefined {
    this.ensureLoaded(type);
    return this.records[type].get(id);
  }

  /** The whole log as it is now (between writes, memory equals disk). */
  snapshot(): LogSnapshot {
    this.ensureLoaded();
    const sorted = <T extends RecordType>(type: T): RecordOf[T][] => this.allByDate(type);
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

  /**
   * Inserts or replaces a record in memory (both lookups); an existing id keeps its place in
   * `records`. `many`: one of many records put at once, appended (its partition is sorted once, when written).
   */
  protected put<T extends RecordType>(type: T, record: RecordOf[T], many = false): void {
    const byId = this.records[type] as Map<string, RecordOf[T]>;
    const previous = byId.get(record.id);
    const name = partitionName(type, record.date);
    byId.set(record.id, record);
    if (previous) {
      if (previous.date === record.date) {
        // Same date and id: the same place in its partition.
        const partition = this.partitionOf(type, name);
        const at = partition.indexOf(previous);
        if (at >= 0) {
          partition[at] = record;
          return;
        }
      } else this.removeFromPartition(type, partitionName(type, previous.date), previous);
    }
    const partition = this.partitionOf(type, name) as AnyRecord[];
    if (many) this.inOrder.delete(name);
    if (!this.inOrder.has(name)) {
      partition.push(record);
      return;
    }
    // After the last record not later than this one.
    const at = prefixLength(partition, (other) => byDateThenId(other, record) <= 0);
    partition.splice(at, 0, record);
  }

  /** The records of one partition (made empty when it has none yet). */
  protected partitionOf<T extends RecordType>(type: T, name: string): RecordOf[T][] {
    const byPartition = this.partitions[type] as Map<string, RecordOf[T][]>;
    let partition = byPartition.get(name);
    if (!partition) {
      partition = [];
      byPartition.set(name, partition);
    }
    return partition;
  }

  /** Removes a record from memory (both lookups). */
  protected remove(type: RecordType, id: string): void {
    const previous = this.records[type].get(id);
    if (!previous) return;
    this.records[type].delete(id);
    this.removeFromPartition(type, partitionName(type, previous.date), previous);
  }

  /** Takes `record` (the very object) out of its partition's list. */
  protected removeFromPartition(type: RecordType, name: string, record: AnyRecord): void {
    const partition = this.partitions[type].get(name) as AnyRecord[] | undefined;
    if (!partition) return;
    const at = partition.indexOf(record);
    if (at >= 0) partition.splice(at, 1);
    if (partition.length === 0) this.partitions[type].delete(name);
  }

  protected clearType(type: RecordType): void {
    this.records[type].clear();
    for (const name of this.partitions[type].keys()) this.inOrder.delete(name);
    this.partitions[type].clear();
  }

  protected file(name: string): StoreFile {
    let file = this.files.get(name);
    if (!file) {
      file = this.factory(this.dataDir, name);
      this.files.set(name, file);
    }
    return file;
  }

  /**
   * A file's store object (storeFileFor: the library's for settings, our own for a partition),
   * made on its first use (a write). Loading reads each file once itself (readStoreJson):
   * opening one through the library parses, deep-copies and compares the whole file on top of
   * the read, which at twenty years cost several times the parse itself (see bench/).
   */
  protected lazyFile(name: string): StoreFile {
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
      writeText(text) {
        open().writeText(text);
      },
    };
  }

  /**
   * Writes each named partition of `type` from memory (our verified atomic write, which also
   * syncs the folder).
   */
  protected writePartitions(type: RecordType, names: Set<string>): void {
    this.assertNotRefused(names);
    for (const name of names) {
      const partition = this.partitions[type].get(name) as AnyRecord[] | undefined;
      if (partition && !this.inOrder.has(name)) {
        partition.sort(byDateThenId);
        this.inOrder.add(name);
      }
      this.file(name).writeText(this.partitionFileBytes(type, partition ? [...partition] : [], name));
    }
  }

  /**
   * A partition file's bytes for these records (in file order: by date, then id), stamped with
   * the next savedAt. It carries the hash of its records' bytes when every record passed the
   * stored schema (partitionFile.ts), so opening it need not check them again.
   */
  protected partitionFileBytes(type: RecordType, records: readonly AnyRecord[], name: string): Buffer {
    // savedAt orders files by when they were written (see loadPartition: an interrupted move).
    this.lastSavedAt = Math.max(Date.now(), this.lastSavedAt + 1);
    const written = this.written.get(name) ?? this.writtenFromDisk(type, name);
    const proven = written.write(records, (record) => checkedRecordJson(type, record));
    if (proven) {
      this.written.set(name, written);
      return proven.file(this.lastSavedAt);
    }
    // A record the stored schema does not accept: written as it is, without a proof, so the next
    // open checks this file in full and reports the record as it always has.
    this.written.delete(name);
    const texts = records.map((record) => checkedRecordJson(type, record) ?? Buffer.from(JSON.stringify(record)));
    return partitionBytes(this.lastSavedAt, recordsArrayBytes(texts), undefined);
  }

  /** Where a partition's first save starts: the proven file it was loaded from, if it is still that file. */
  private writtenFromDisk(type: RecordType, name: string): PartitionRecords {
    const loaded = this.provenOnDisk.get(name);
    this.provenOnDisk.delete(name);
    if (loaded?.array !== undefined) {
      // The text it was proven from (its UTF-8 bytes are what the digest was checked over).
      const kept = PartitionRecords.fromProvenFile(type, Buffer.from(loaded.array), loaded.records);
      if (kept) return kept;
    } else if (loaded) {
      let bytes: Buffer | undefined;
      try {
        bytes = readPlainFile(path.join(this.dataDir, `${name}.json`));
      } catch {
        // Gone or unreadable: the save serialises every record, as for a new file.
      }
      const proof = bytes && provenRecords(type, bytes);
      if (proof?.digest === loaded.digest) {
        const kept = PartitionRecords.fromProvenFile(type, proof.array, loaded.records);
        if (kept) return kept;
      }
    }
    return new PartitionRecords(type);
  }

  protected writeSettings(settings: Settings): void {
    this.assertNotRefused([SETTINGS_NAME]);
    this.file(SETTINGS_NAME).store = { schemaVersion: SCHEMA_VERSION, settings };
  }

  /** Throws the refusal for a save into a file that is not read or written (see `refused`). */
  protected assertNotRefused(names: Iterable<string>): void {
    for (const name of names) {
      const why = this.refused.get(name);
      if (why) throw new ServiceError('io', `Nothing was saved: ${why}.`);
    }
  }
}
