// The one seam between our repository and the key-value store library. The desktop app
// passes an electron-store factory; browser mode, the CLI and tests pass a conf factory.
// Both have the same interface: `.store` reads/replaces the whole (small) file, `.path`.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';

export interface StoreFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Opens (or creates) `<dataDir>/<name>.json`. Throws if the file exists but is not valid JSON. */
export type StoreFactory = (dataDir: string, name: string) => StoreFile;

export const confFactory: StoreFactory = (dataDir, name) =>
  new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: name,
    // Never let the library replace a damaged file with an empty one: we move it aside instead.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  });

/** conf renames a temp file into place but does not sync the folder; we do, so a rename survives power loss. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a folder for syncing; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Temp files of an atomic write: `<target>.tmp-…` (atomically's naming and ours). */
export const TEMP_FILE_RE = /\.tmp-[\w-]+$/;

/**
 * Writes a whole file so that a crash or power loss leaves either the old file or the new
 * one, never a mix: temp file in the same folder, fsync, rename over the target, fsync the folder.
 */
export function writeFileAtomic(target: string, data: string): void {
  const temp = `${target}.tmp-${process.pid}-${Math.random().toString(16).slice(2, 10)}`;
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx');
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(target));
}
