// Versioned migrations of one stored file's JSON. Each step is small and tested on its own
// (conf's built-in migrations are documented as unreliable, so we keep our own).
import { SCHEMA_VERSION } from '../../shared/model';

export interface StoredFileJson {
  schemaVersion: number;
  [key: string]: unknown;
}

export interface Migration {
  from: number;
  to: number;
  describe: string;
  migrate(file: StoredFileJson): StoredFileJson;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // Files written before versioning carried no schemaVersion; their shape is version 1's.
    from: 0,
    to: 1,
    describe: 'stamp unversioned files as version 1',
    migrate: (file) => ({ ...file, schemaVersion: 1 }),
  },
  {
    // Version 2 adds experiments (experiments-YYYY.json, and `records.experiment` in backups).
    // Version-1 files hold none, so nothing in them changes; the stamp is what matters: an
    // older app refuses version-2 files and backups instead of restoring them without their
    // experiments.
    from: 1,
    to: 2,
    describe: 'experiments arrive: stamp version-1 files as version 2',
    migrate: (file) => ({ ...file, schemaVersion: 2 }),
  },
];

export class NewerSchemaError extends Error {
  constructor(readonly found: number) {
    super(`written by a newer Backstride (data version ${found}; this app knows up to ${SCHEMA_VERSION})`);
  }
}

/** Brings a file's JSON up to SCHEMA_VERSION; returns it unchanged when already current. */
export function migrateFile(raw: Record<string, unknown>): { file: StoredFileJson; migrated: boolean } {
  const version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0;
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(version);
  let file: StoredFileJson = { ...raw, schemaVersion: version };
  let migrated = false;
  while (file.schemaVersion < SCHEMA_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === file.schemaVersion);
    if (!step) throw new Error(`no migration from data version ${file.schemaVersion}`);
    file = step.migrate(file);
    migrated = true;
  }
  return { file, migrated };
}
