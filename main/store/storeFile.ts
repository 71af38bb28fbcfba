// The one seam between our repository and the key-value store library. The desktop app
// passes an electron-store factory; browser mode, the CLI and tests pass a conf factory.
// Both have the same interface: `.store` reads/replaces the whole (small) file, `.path`. The
// settings file goes through the library; the partition files (the log's entries, which carry
// a proof of their own) are read and written by the repository behind the same interface.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { writeFileAtomic } from './atomicWrite';
import { readPlainFile } from './plainFile';
import { PARTITION_RE } from './records';

export interface StoreFile {
  readonly path: string;
  /** The file's JSON object; setting it writes the whole file (JSON.stringify, then writeText). */
  store: Record<string, unknown>;
  /** Writes the whole file from JSON already made (one JSON object, text or UTF-8 bytes): how partitions are saved. */
  writeText(text: string | Uint8Array): void;
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

/** The library's bookkeeping key, kept in a file when the store is replaced. */
const BOOKKEEPING_KEY = '__internal__';

/**
 * Opens `<name>.json` through conf or electron-store (`open` makes the instance from the
 * options): the library names the file and reads it; the repository's writes go through our
 * own verified atomic writer (atomicWrite.ts), because the library's atomic write ignores a
 * short write and would rename a cut-off file over a good one on a nearly full disk.
 * - Compact JSON (JSON.stringify's output; the library's default indents with tabs, a third
 *   more bytes to write, sync and parse). Our records are plain JSON, parsed by the model.
 * - The library keeps its bookkeeping key (`__internal__`, for its migrations, which we do not
 *   use) in the file and carries it over when the whole store is replaced; so do we. The old
 *   file is read for it once, on the first replace, and only parsed when its text can hold the
 *   key; after that this process is the file's only writer (the folder's lock), so the key
 *   found then is the key the file holds.
 */
export function storeFileThrough(name: string, open: (options: StoreLibraryOptions) => StoreLibrary): StoreFile {
  const library = open({
    // Never let the library replace a damaged file with an empty one: we move it aside instead.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
    serialize: (value) => JSON.stringify(value),
    deserialize: (text) => {
      try {
        // A byte order mark (a text editor may add one) is not part of the JSON; conf skips it too.
        return JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
      } catch {
        // Not JSON.parse's message: it quotes the file around the fault (health notes).
        throw new SyntaxError(`The file ${name}.json is not valid JSON.`);
      }
    },
  });
  let bookkeeping: { value: unknown } | undefined;
  const keptBookkeeping = (): unknown => {
    if (bookkeeping) return bookkeeping.value;
    let text = '';
    try {
      text = fs.readFileSync(library.path, 'utf8');
    } catch {
      // No file yet (or unreadable: it is being replaced), so nothing to carry over.
    }
    let value: unknown;
    if (mayHoldBookkeeping(text)) {
      try {
        value = (JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>)[BOOKKEEPING_KEY];
      } catch {
        // A file that does not parse holds no bookkeeping we could keep.
      }
    }
    bookkeeping = { value };
    return value;
  };
  return {
    get path() {
      return library.path;
    },
    get store() {
      return library.store;
    },
    set store(value) {
      const { [BOOKKEEPING_KEY]: _ours, ...data } = value;
      writeText(JSON.stringify(data));
    },
    writeText,
  };
  /** `text` is one JSON object without the bookkeeping key; the key, if the file has one, goes at its end. */
  function writeText(json: string | Uint8Array): void {
    const kept = keptBookkeeping();
    const text = kept === undefined || typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
    const data =
      kept === undefined || typeof text !== 'string'
        ? text
        : `${text.slice(0, text.lastIndexOf('}'))}${text.trimEnd().endsWith('{}') ? '' : ','}${JSON.stringify(BOOKKEEPING_KEY)}:${JSON.stringify(kept)}}`;
    writeIntoFolder(library.path, data);
  }
}

/**
 * Writes a whole file of the data folder (writeFileAtomic). The folder is made when the log
 * opens; only if it has gone since is it made again here (not before every save: one system
 * call fewer on the path every save takes).
 */
function writeIntoFolder(file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(file, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic(file, data);
  }
}

/**
 * A partition file, read and written by the repository itself (its records carry their proof:
 * partitionFile.ts). A store library instance begins by reading, parsing, deep-copying and
 * comparing its whole file, which the repository has already read and proven: at twenty years
 * that was most of what adding one run from the command line cost beyond adding it to an empty
 * log. The library reads these files back unchanged (a test checks it).
 */
export function partitionStoreFile(dataDir: string, name: string): StoreFile {
  const file = path.join(dataDir, `${name}.json`);
  const writeText = (json: string | Uint8Array): void => writeIntoFolder(file, json);
  return {
    path: file,
    get store() {
      // As loading reads it: never through a symbolic link.
      return JSON.parse(readPlainFile(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
    },
    set store(value) {
      const { [BOOKKEEPING_KEY]: _library, ...data } = value;
      writeText(JSON.stringify(data));
    },
    writeText,
  };
}

/** The file `<name>.json`: a partition through the repository's own writer, settings through the store library. */
export function storeFileFor(
  dataDir: string,
  name: string,
  open: (options: StoreLibraryOptions) => StoreLibrary,
): StoreFile {
  return PARTITION_RE.test(`${name}.json`) ? partitionStoreFile(dataDir, name) : storeFileThrough(name, open);
}

export const confFactory: StoreFactory = (dataDir, name) =>
  storeFileFor(
    dataDir,
    name,
    (options) => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: name, ...options }),
  );
