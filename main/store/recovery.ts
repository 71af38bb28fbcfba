// Repairing what loading found damaged: a damaged file is never replaced silently. It is kept in
// damaged/ byte for byte, the newest good backup's entries for it come back, and a notice says
// what happened and where the file is.
import fs from 'node:fs';
import path from 'node:path';
import { byDateThenId, DEFAULT_SETTINGS, SCHEMA_VERSION } from '../../shared/model';
import { fsyncDir, writeFileAtomic } from './atomicWrite';
import { backupDir, newestGoodBackup, type LoadedBackup } from './backups';
import { DAMAGED_DIR, LoadingLog, notPlain, stamp } from './load';
import { SETTINGS_NAME } from './logIndex';
import type { StoredFileJson } from './migrations';
import { partitionName, type AnyRecord, type RecordType } from './records';

function entries(n: number): string {
  return `${n} entr${n === 1 ? 'y' : 'ies'}`;
}

function backupLabel(backup: LoadedBackup, dataDir: string): string {
  const when = backup.createdAt.slice(0, 16).replace('T', ' ');
  return `the backup of ${when} UTC (${path.join(backupDir(dataDir), backup.file)})`;
}

export abstract class RecoveringLog extends LoadingLog {
  protected recover(): void {
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
  protected restoreFromBackup(type: RecordType, name: string, backup: LoadedBackup, ids?: Set<string>): AnyRecord[] {
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
  protected replaceDamagedFile(name: string, content: StoredFileJson | undefined): void {
    if (this.readOnly) return;
    this.files.delete(name);
    const target = path.join(this.dataDir, `${name}.json`);
    if (content) writeFileAtomic(target, JSON.stringify(content, null, '\t'));
    else {
      fs.rmSync(target, { force: true });
      fsyncDir(this.dataDir);
    }
  }

  protected writeAside(fileName: string, content: unknown): string {
    const target = path.join(this.dataDir, DAMAGED_DIR, `${stamp()}-${fileName}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeFileAtomic(target, JSON.stringify(content, null, 2));
    return target;
  }
}
