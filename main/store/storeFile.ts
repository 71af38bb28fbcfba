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

/** What the repository uses of a conf or electron-store instance. */
export interface StoreLibrary {
  readonly path: string;
  store: Record<string, unknown>;
}

/** The options both libraries are given (electron-store hands its options on to conf). */
export interface StoreLibraryOptions {
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  watch: false;
  serialize: (value: Record<string, unknown>) => string;
  deserialize: (text: string) => Record<string, unknown>;
}

/** Whether JSON text can hold conf's bookkeeping key: spelled out, or with \u escapes (the only way JSON writes a key differently). */
function mayHoldBookkeeping(text: string): boolean {
  return text.includes('__internal__') || text.includes('\\u');
}

/**
 * Opens `<name>.json` through conf or electron-store (`open` makes the instance from the
 * options) with what a twenty-year log needs of them:
 * - compact JSON: conf's default indents with tabs, a third more bytes to write, sync and
 *   parse, and its own value checks walk every record before each write; a custom serialize
 *   writes exactly JSON.stringify's output (our records are plain JSON, parsed by the model);
 * - no parse of the old file when the whole store is replaced: conf reads it then only to carry
 *   its bookkeeping key (`__internal__`, which its migrations use and we do not) into the new
 *   file, and drops that key from any value we pass in, so passing it does not help. While a
 *   replace runs, a file that cannot hold the key is answered with an empty store, which is
 *   what the full parse would tell conf about it; a file that may hold it is parsed as usual.
 * Every other read (conf's own check when the instance is made included) parses the file.
 */
export function storeFileThrough(name: string, open: (options: StoreLibraryOptions) => StoreLibrary): StoreFile {
  let replacing = false;
  const library = open({
    // Never let the library replace a damaged file with an empty one: we move it aside instead.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
    serialize: (value) => JSON.stringify(value),
    deserialize: (text) => {
      if (replacing && !mayHoldBookkeeping(text)) return {};
      try {
        // A byte order mark (a text editor may add one) is not part of the JSON; conf skips it too.
        return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      } catch {
        // Not JSON.parse's message: it quotes the file around the fault (health notes).
        throw new SyntaxError(`The file ${name}.json is not valid JSON.`);
      }
    },
  });
  return {
    get path() {
      return library.path;
    },
    get store() {
      return library.store;
    },
    set store(value) {
      replacing = true;
      try {
        library.store = value;
      } finally {
        replacing = false;
      }
    },
  };
}

export const confFactory: StoreFactory = (dataDir, name) =>
  storeFileThrough(
    name,
    (options) => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: name, ...options }),
  );

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
