// The one seam between our repository and the key-value store library. The desktop app
// passes an electron-store factory; browser mode, the CLI and tests pass a conf factory.
// Both have the same interface: `.store` reads/replaces the whole (small) file, `.path`.
import fs from 'node:fs';
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
