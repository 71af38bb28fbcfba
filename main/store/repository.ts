// The log in memory, persisted as small partition files (one per record type and year, plus
// settings), so a save rewrites one small file however many years the log holds.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Notice } from '../../shared/api';
import {
  DEFAULT_SETTINGS,
  PainRating,
  Run,
  SCHEMA_VERSION,
  Settings,
  StrengthSession,
  type EntryType,
} from '../../shared/model';
import { fsyncDir, type StoreFactory, type StoreFile } from './storeFile';
import { migrateFile, NewerSchemaError } from './migrations';

export interface RecordOf {
  run: Run;
  pain: PainRating;
  strength: StrengthSession;
}
type AnyRecord = RecordOf[EntryType];

const FILE_PREFIX: Record<EntryType, string> = { run: 'runs', pain: 'pain', strength: 'strength' };
const SCHEMAS: { [T in EntryType]: z.ZodType<RecordOf[T]> } = {
  run: Run as unknown as z.ZodType<Run>,
  pain: PainRating,
  strength: StrengthSession,
};
const PARTITION_RE = /^(runs|pain|strength)-(\d{4})\.json$/;
const SETTINGS_NAME = 'settings';
export const DAMAGED_DIR = 'damaged';

function typeFromPrefix(prefix: string): EntryType {
  return prefix === 'runs' ? 'run' : prefix === 'pain' ? 'pain' : 'strength';
}

function partitionName(type: EntryType, date: string): string {
  return `${FILE_PREFIX[type]}-${date.slice(0, 4)}`;
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

export interface RepositoryOptions {
  dataDir: string;
  factory: StoreFactory;
}

export class LogRepository {
  readonly dataDir: string;
  readonly notices: Notice[] = [];
  private readonly factory: StoreFactory;
  private readonly records: { [T in EntryType]: Map<string, RecordOf[T]> } = {
    run: new Map(),
    pain: new Map(),
    strength: new Map(),
  };
  private readonly files = new Map<string, StoreFile>();
  private settingsValue: Settings = DEFAULT_SETTINGS;
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped on every change; lets callers memoise derived views (journal order, insights). */
  private revision = 0;

  private constructor(options: RepositoryOptions) {
    this.dataDir = options.dataDir;
    this.factory = options.factory;
  }

  static open(options: RepositoryOptions): LogRepository {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const repo = new LogRepository(options);
    repo.load();
    return repo;
  }

  get version(): number {
    return this.revision;
  }

  get settings(): Settings {
    return this.settingsValue;
  }

  all<T extends EntryType>(type: T): RecordOf[T][] {
    return [...this.records[type].values()];
  }

  count(type: EntryType): number {
    return this.records[type].size;
  }

  get<T extends EntryType>(type: T, id: string): RecordOf[T] | undefined {
    return this.records[type].get(id);
  }

  /** Inserts or replaces a record by id; resolves once it is durably on disk. */
  save<T extends EntryType>(type: T, record: RecordOf[T]): Promise<RecordOf[T]> {
    return this.enqueue(() => {
      const map = this.records[type] as Map<string, RecordOf[T]>;
      const previous = map.get(record.id);
      const touched = new Set([partitionName(type, record.date)]);
      if (previous) touched.add(partitionName(type, previous.date));
      map.set(record.id, record);
      try {
        this.writePartitions(type, touched);
      } catch (error) {
        // Keep memory equal to disk: a save that did not reach the disk did not happen.
        if (previous) map.set(record.id, previous);
        else map.delete(record.id);
        throw error;
      }
      this.revision++;
      return record;
    });
  }

  delete<T extends EntryType>(type: T, id: string): Promise<RecordOf[T] | undefined> {
    return this.enqueue(() => {
      const map = this.records[type] as Map<string, RecordOf[T]>;
      const previous = map.get(id);
      if (!previous) return undefined;
      map.delete(id);
      try {
        this.writePartitions(type, new Set([partitionName(type, previous.date)]));
      } catch (error) {
        map.set(id, previous);
        throw error;
      }
      this.revision++;
      return previous;
    });
  }

  updateSettings(next: Settings): Promise<Settings> {
    return this.enqueue(() => {
      const parsed = Settings.parse(next);
      this.file(SETTINGS_NAME).store = { schemaVersion: SCHEMA_VERSION, settings: parsed };
      fsyncDir(this.dataDir);
      this.settingsValue = parsed;
      this.revision++;
      return parsed;
    });
  }

  /** Waits for every queued write (used before backups and at shutdown). */
  flush(): Promise<void> {
    return this.enqueue(() => undefined);
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

  private writePartitions(type: EntryType, names: Set<string>): void {
    for (const name of names) {
      const records = [...this.records[type].values()].filter((r: AnyRecord) => partitionName(type, r.date) === name);
      records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
      this.file(name).store = { schemaVersion: SCHEMA_VERSION, records };
    }
    fsyncDir(this.dataDir);
  }

  private load(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dataDir);
    } catch (error) {
      throw new Error(`Cannot read the data folder ${this.dataDir}: ${(error as Error).message}`, { cause: error });
    }
    for (const fileName of names.sort()) {
      const match = PARTITION_RE.exec(fileName);
      if (match) this.loadPartition(typeFromPrefix(match[1]!), fileName.replace(/\.json$/, ''));
    }
    this.loadSettings();
  }

  /** Opens a file through the store library; a file it cannot parse is moved aside, never lost. */
  private openOrQuarantine(name: string): StoreFile | undefined {
    try {
      const file = this.factory(this.dataDir, name);
      const { file: migrated, migrated: changed } = migrateFile(file.store);
      if (changed) file.store = migrated;
      this.files.set(name, file);
      return file;
    } catch (error) {
      const reason =
        error instanceof NewerSchemaError ? `was ${error.message}` : `could not be read (${(error as Error).message})`;
      const movedTo = this.moveAside(`${name}.json`);
      this.notices.push({
        level: 'error',
        message: `The file ${name}.json ${reason}. It was moved to ${movedTo} and left untouched.`,
      });
      return undefined;
    }
  }

  private loadPartition(type: EntryType, name: string): void {
    const file = this.openOrQuarantine(name);
    if (!file) return;
    const raw = file.store.records;
    const list = Array.isArray(raw) ? raw : [];
    const invalid: unknown[] = [];
    const map = this.records[type] as Map<string, AnyRecord>;
    for (const item of list) {
      const parsed = SCHEMAS[type].safeParse(item);
      if (parsed.success && partitionName(type, parsed.data.date) === name && !map.has(parsed.data.id)) {
        map.set(parsed.data.id, parsed.data);
      } else {
        invalid.push(item);
      }
    }
    if (invalid.length > 0 || (raw !== undefined && !Array.isArray(raw))) {
      const kept = this.writeAside(
        `${name}-invalid-records.json`,
        raw === undefined || Array.isArray(raw) ? invalid : raw,
      );
      this.notices.push({
        level: 'warning',
        message: `${invalid.length || 'Some'} entr${invalid.length === 1 ? 'y' : 'ies'} in ${name}.json did not pass validation and were left out. They are kept in ${kept}.`,
      });
    }
  }

  private loadSettings(): void {
    if (!fs.existsSync(path.join(this.dataDir, `${SETTINGS_NAME}.json`))) return;
    const file = this.openOrQuarantine(SETTINGS_NAME);
    if (!file) return;
    const parsed = Settings.safeParse(file.store.settings ?? {});
    if (parsed.success) {
      this.settingsValue = parsed.data;
    } else {
      const kept = this.writeAside(`${SETTINGS_NAME}-invalid.json`, file.store);
      this.notices.push({
        level: 'warning',
        message: `Your settings could not be read and the defaults are used. The old settings are kept in ${kept}.`,
      });
    }
  }

  private damagedDir(): string {
    const dir = path.join(this.dataDir, DAMAGED_DIR);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  private moveAside(fileName: string): string {
    const target = path.join(this.damagedDir(), `${stamp()}-${fileName}`);
    fs.renameSync(path.join(this.dataDir, fileName), target);
    fsyncDir(this.dataDir);
    return target;
  }

  private writeAside(fileName: string, content: unknown): string {
    const target = path.join(this.damagedDir(), `${stamp()}-${fileName}`);
    fs.writeFileSync(target, JSON.stringify(content, null, 2));
    return target;
  }
}
